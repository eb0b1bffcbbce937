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

mod export {
    use super::service_camp;

    /// The files of `export --demo` in `dir`, by the end of their names.
    fn exported(dir: &std::path::Path, suffix: &str) -> Vec<u8> {
        let entry = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap_or_else(|| panic!("no file ending in {suffix}"));
        std::fs::read(entry).unwrap()
    }

    #[test]
    fn the_demo_exports_every_format_ready_for_excel_browsers_and_an_lrs() {
        let dir = std::env::temp_dir().join(format!("sc-export-demo-{}", std::process::id()));
        let output = service_camp(&["export", "--demo", "--out", dir.to_str().unwrap()]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let suffixes = [
            "report.md",
            "report.html",
            "leaderboard.csv",
            "ledger.csv",
            "rounds.csv",
            "calibration.csv",
            "session.json",
            "xapi.json",
        ];
        let files: Vec<Vec<u8>> = suffixes.iter().map(|s| exported(&dir, s)).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), suffixes.len());

        for csv in &files[2..6] {
            let text = std::str::from_utf8(csv).expect("UTF-8");
            assert!(text.starts_with('\u{feff}'), "the BOM Excel needs");
            assert!(text.contains("闪电队"), "{text}");
        }
        let html = std::str::from_utf8(&files[1]).unwrap();
        assert!(html.contains("闪电队") && html.contains("5-3-1"));
        for link in ["src=\"http", "href=\"http", "src='http", "href='http", "src=\"//", "href=\"//", "url("] {
            assert!(!html.contains(link), "the page must not load {link}");
        }
        // The demo's two observed rounds: one row per observer (4 + 4), with their judge points.
        let calibration = std::str::from_utf8(&files[5]).unwrap();
        assert_eq!(calibration.lines().count(), 1 + 8, "{calibration}");
        assert!(calibration.lines().any(|l| l == "周强,磐石队,1,向日葵,80%,120"), "{calibration}");
        let report = std::str::from_utf8(&files[0]).unwrap();
        assert!(report.contains("## 观察员校准") && report.contains("今日最佳裁判"), "{report}");
        let statements: serde_json::Value = serde_json::from_slice(&files[7]).expect("JSON");
        let statements = statements.as_array().expect("a JSON array of statements");
        assert!(!statements.is_empty());
        for statement in statements {
            assert!(statement["actor"]["name"].is_string(), "{statement}");
            assert!(statement["verb"]["id"].is_string() && statement["verb"]["display"].is_object(), "{statement}");
            assert!(statement["object"]["id"].is_string(), "{statement}");
            assert!(statement["timestamp"].is_string(), "{statement}");
        }
    }

    #[test]
    fn export_refuses_an_unknown_format_and_a_broken_session_with_exit_code_2() {
        let dir = std::env::temp_dir().join(format!("sc-export-refused-{}", std::process::id()));
        let unknown = service_camp(&["export", "--demo", "--out", dir.to_str().unwrap(), "--format", "md,pdf"]);
        assert_eq!(unknown.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("pdf"));
        std::fs::create_dir_all(&dir).unwrap();
        let broken = dir.join("broken.ron");
        std::fs::write(&broken, "(\n  name: \"x\",\n  ledger: [ (team: oops) ],\n)").unwrap();
        let output = service_camp(&["export", broken.to_str().unwrap(), "--out", dir.join("out").to_str().unwrap()]);
        let wrote_anything = dir.join("out").exists();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with(&format!("{}:3:", broken.display())), "{stderr}");
        assert!(!wrote_anything);
    }
}

/// The client report shows times in the computer's own zone, with the offset; xAPI stays UTC.
#[test]
fn export_shows_local_times_with_the_zone_and_xapi_keeps_utc() {
    let dir = std::env::temp_dir().join(format!("sc-tz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let session = dir.join("camp.ron");
    // The vote was awarded at 2025-11-25 10:00 UTC: 18:00 in Shanghai.
    std::fs::write(
        &session,
        r#"(name: "时区", lang: zh, teams: [(id: 1, name: "闪电队"), (id: 2, name: "海豚队")],
            ledger: [(team: 1, points: 10, reason: "投票", source: Vote, at: 1764064800000)])"#,
    )
    .unwrap();
    let export = |tz: &str, out: &str| {
        let out = dir.join(out);
        let run = Command::new(env!("CARGO_BIN_EXE_service-camp"))
            .env("TZ", tz)
            .args(["export", session.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "md,xapi"])
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        let read = |suffix: &str| {
            let file = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.to_string_lossy().ends_with(suffix));
            std::fs::read_to_string(file.unwrap()).unwrap()
        };
        (read("report.md"), read("xapi.json"))
    };
    let (shanghai, shanghai_xapi) = export("Asia/Shanghai", "shanghai");
    let (utc, utc_xapi) = export("UTC", "utc");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(shanghai.contains("2025-11-25 18:00 +08:00"), "{shanghai}");
    assert!(utc.contains("2025-11-25 10:00 +00:00"), "{utc}");
    for xapi in [shanghai_xapi, utc_xapi] {
        assert!(xapi.contains("\"timestamp\": \"2025-11-25T10:00:00.000Z\""), "{xapi}");
    }
}

/// `validate` with no path checks the app's own library, wherever it is run from.
#[test]
fn validate_without_a_path_checks_the_apps_library_from_any_folder() {
    let run = Command::new(env!("CARGO_BIN_EXE_service-camp"))
        .current_dir(std::env::temp_dir())
        .arg("validate")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{out}{}", String::from_utf8_lossy(&run.stderr));
    assert!(out.starts_with("16 file(s) checked, 16 scenario(s), 0 problem(s)"), "{out}");
}

/// The held-out corpus reads whole (every transcript, label and pair parses) and `eval` reports
/// on it; the figures themselves are in the README.
#[test]
fn eval_reads_the_whole_held_out_corpus() {
    for (half, transcripts, pairs) in [("dev", 62, 41), ("test", 57, 38)] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/heldout").join(half);
        let run = service_camp(&["eval", dir.to_str().unwrap(), "--json"]);
        assert!(run.status.success(), "{half}: {}", String::from_utf8_lossy(&run.stderr));
        let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!((json["transcripts"].as_u64(), json["pairs"].as_u64()), (Some(transcripts), Some(pairs)), "{half}");
    }
}
