//! `service-camp score FILE [--json]`.

use std::io::Write;
use std::path::Path;

use crate::content_error::ContentError;

use super::{Rubrics, Transcript, score};

/// Scores the transcript in `file` and writes the report (text, or one JSON object) to `out`.
/// Returns 0 on success, 2 when the transcript or the rubrics cannot be read or parsed
/// (each problem as `file:line:col: message` on `err`), 1 when the report cannot be written.
pub fn run_score(file: &Path, json: bool, rubric_dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let transcript = std::fs::read_to_string(file)
        .map_err(|e| ContentError::whole_file(file, format!("cannot read transcript: {e}")))
        .and_then(|src| Transcript::parse(file, &src));
    let transcript = match transcript {
        Ok(transcript) => transcript,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let rubrics = match Rubrics::load_dir(rubric_dir) {
        Ok(rubrics) => rubrics,
        Err(errors) => {
            for e in errors {
                let _ = writeln!(err, "{e}");
            }
            return 2;
        }
    };
    let report = score(&rubrics, &transcript);
    for warning in &report.warnings {
        let _ = writeln!(err, "{}: {warning}", file.display());
    }
    let written = if json {
        serde_json::to_string(&report).map_err(std::io::Error::other).and_then(|text| writeln!(out, "{text}"))
    } else {
        write!(out, "{}", report.render(&rubrics, transcript.scenario.as_deref()))
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "cannot write the report: {e}");
            1
        }
    }
}
