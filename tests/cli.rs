//! The command-line tools, run as a trainer would run them: the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn service_camp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_service-camp")).args(args).output().expect("the binary runs")
}

fn transcript(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/transcripts").join(name)
}

fn total(name: &str) -> f64 {
    let output = service_camp(&["score", transcript(name).to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    for model in ["7a", "six_step", "eoac"] {
        let score = json["models"][model]["score"].as_f64().unwrap();
        let order = json["models"][model]["order"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score) && (0.0..=1.0).contains(&order), "{name} {model}");
    }
    assert!(json["mood"].as_array().is_some_and(|m| !m.is_empty()));
    json["total"].as_f64().unwrap()
}

#[test]
fn score_ranks_exemplary_above_disorder_above_apology_only_above_rude() {
    for lang in ["zh", "en"] {
        let totals: Vec<f64> = ["exemplary", "out_of_order", "apology_only", "rude"]
            .iter()
            .map(|kind| total(&format!("{lang}_{kind}.ron")))
            .collect();
        assert!(totals.windows(2).all(|pair| pair[0] > pair[1]), "{lang}: {totals:?}");
    }
}

#[test]
fn score_report_speaks_the_transcripts_language() {
    let zh = service_camp(&["score", transcript("zh_exemplary.ron").to_str().unwrap()]);
    let en = service_camp(&["score", transcript("en_rude.ron").to_str().unwrap()]);
    assert!(zh.status.success() && en.status.success());
    let (zh, en) = (String::from_utf8_lossy(&zh.stdout), String::from_utf8_lossy(&en.stdout));
    assert!(zh.contains("道歉"), "{zh}");
    assert!(en.to_lowercase().contains("taboo") || en.to_lowercase().contains("red line"), "{en}");
}

#[test]
fn score_reports_a_broken_file_with_its_position_and_exit_code_2() {
    let broken = std::env::temp_dir().join(format!("sc-broken-transcript-{}.ron", std::process::id()));
    std::fs::write(&broken, "(\n  lang: \"zh\",\n  turns: [ (t: oops) ],\n)").unwrap();
    let output = service_camp(&["score", broken.to_str().unwrap()]);
    std::fs::remove_file(&broken).unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with(&format!("{}:3:", broken.display())), "{stderr}");
}

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

#[test]
fn validate_passes_on_the_built_in_library_and_lists_it_as_json() {
    let output = service_camp(&["validate", scenarios_dir().to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let scenarios = json["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 16);
    assert!(json["errors"].as_array().unwrap().is_empty());
    for scenario in scenarios {
        assert_eq!(scenario["langs"], serde_json::json!(["zh", "en"]), "{scenario}");
        for field in ["id", "kind", "disc", "dialogue_nodes", "file"] {
            assert!(!scenario[field].is_null(), "{field} missing in {scenario}");
        }
    }
}

#[test]
fn validate_locates_a_broken_file_and_still_loads_the_rest() {
    let dir = std::env::temp_dir().join(format!("sc-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(scenarios_dir().join("lost-parcel.ron")).unwrap();
    std::fs::write(dir.join("lost-parcel.ron"), &good).unwrap();
    let broken = good.replacen("kind:", "kind :: ", 1);
    std::fs::write(dir.join("broken.ron"), broken).unwrap();
    let output = service_camp(&["validate", dir.to_str().unwrap(), "--json"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = json["scenarios"].as_array().unwrap().iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["lost-parcel"], "the good file still loads");
    let error = &json["errors"][0];
    assert!(error["file"].as_str().unwrap().ends_with("broken.ron"), "{error}");
    assert!(error["line"].as_u64().unwrap() > 1 && error["col"].as_u64().unwrap() > 0, "{error}");
}
