//! `service-camp score FILE [--json]`.

use std::io::Write;
use std::path::Path;

use crate::core::scoring::{Transcript, score};

/// Scores the transcript in `file` and writes the report (text, or one JSON object) to `out`.
/// Returns 0 on success, 2 when the transcript or the rubrics cannot be read or parsed
/// (each problem as `file:line:col: message` on `err`), 1 when the report cannot be written.
pub fn run_score(file: &Path, json: bool, rubric_dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let transcript = crate::core::limits::read_text_capped(file, crate::core::limits::MAX_CONTENT_FILE_BYTES)
        .and_then(|src| Transcript::parse(file, &src));
    let transcript = match transcript {
        Ok(transcript) => transcript,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let Some(rubrics) = super::content::rubrics_or_report(rubric_dir, err) else { return 2 };
    let report = score(&rubrics, &transcript);
    for warning in &report.warnings {
        let _ = writeln!(err, "{}: {warning}", file.display());
    }
    let written = if json {
        serde_json::to_string(&report).map_err(std::io::Error::other).and_then(|text| writeln!(out, "{text}"))
    } else {
        let locales = super::content::locales_reporting(err);
        write!(out, "{}", report.render(&rubrics, &locales, transcript.scenario.as_deref()))
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "cannot write the report: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    const RUBRIC_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rubrics");
    const TRANSCRIPT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/transcripts");

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("service-camp-score-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn cli_json_has_the_contracted_shape() {
        let file = PathBuf::from(TRANSCRIPT_DIR).join("en_exemplary.ron");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_score(&file, true, Path::new(RUBRIC_DIR), &mut out, &mut err), 0);
        let json: serde_json::Value = serde_json::from_slice(&out).expect("exactly one JSON object");
        assert!(json["total"].as_f64().is_some_and(|t| (0.0..=100.0).contains(&t)));
        for model in ["7a", "six_step", "eoac"] {
            assert!(json["models"][model]["found"].is_array(), "{model}");
            assert!(json["models"][model]["order"].as_f64().is_some_and(|o| (0.0..=1.0).contains(&o)));
            assert!(json["models"][model]["score"].as_f64().is_some());
        }
        assert!(json["penalties"].is_array());
        assert_eq!(json["mood"].as_array().map(Vec::len), Some(13), "one mood per turn of the file");
    }

    #[test]
    fn cli_reports_penalties_with_kind_and_id() {
        let file = PathBuf::from(TRANSCRIPT_DIR).join("zh_rude.ron");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_score(&file, true, Path::new(RUBRIC_DIR), &mut out, &mut err), 0);
        let json: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
        let penalties = json["penalties"].as_array().expect("array");
        assert!(
            penalties
                .iter()
                .any(|p| p["kind"] == "taboo" && p["id"] == "taboo" && p["text"] == "规定就是这样" && p["turn"] == 3)
        );
        assert!(penalties.iter().any(|p| p["kind"] == "red_line"));
    }

    #[test]
    fn cli_text_report_follows_the_transcript_language() {
        let run = |name: &str| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            run_score(&PathBuf::from(TRANSCRIPT_DIR).join(name), false, Path::new(RUBRIC_DIR), &mut out, &mut err);
            String::from_utf8(out).expect("utf-8")
        };
        assert!(run("zh_exemplary.ron").contains("总分"));
        assert!(run("en_exemplary.ron").contains("Total"));
    }

    #[test]
    fn cli_rejects_bad_and_missing_files_with_exit_code_2() {
        let dir = temp_dir("cli");
        let bad = dir.join("bad.ron");
        std::fs::write(&bad, "(\n  lang: \"zh\",\n  turns: [ (t: 0.0, who: Boss) ],\n)").expect("write");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_score(&bad, false, Path::new(RUBRIC_DIR), &mut out, &mut err), 2);
        let message = String::from_utf8(err).expect("utf-8");
        assert!(message.starts_with(&format!("{}:3:", bad.display())), "{message}");
        assert!(out.is_empty());

        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_score(&dir.join("missing.ron"), true, Path::new(RUBRIC_DIR), &mut out, &mut err), 2);
        assert!(!err.is_empty());
    }
}
