//! `service-camp validate [PATH ...] [--json]`: checks scenario files and reports every problem.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::core::content_error::ContentError;
use crate::core::disc::Disc;

use crate::core::content_files::{ContentFiles, sort_by_position};
use crate::core::quiz::{self, KindName, QuizBank};
use crate::core::scenario::Difficulty;
use crate::core::scenario::{ScenarioKind, load_paths, validate};

#[derive(Serialize)]
struct ScenarioSummary<'a> {
    id: &'a str,
    kind: ScenarioKind,
    disc: Disc,
    langs: Vec<&'static str>,
    dialogue_nodes: usize,
    file: &'a Path,
}

#[derive(Serialize)]
struct QuestionSummary<'a> {
    id: &'a str,
    set: &'a str,
    kind: KindName,
    model: &'a str,
    difficulty: Difficulty,
    langs: Vec<&'static str>,
    file: &'a Path,
}

/// Validates the files and folders in `paths` (default the app's scenario library) against the rubric's
/// `known_tags`. Prints errors as `file:line:col: message` to `err` and a summary to `out`, or
/// with `json` one JSON object to `out`. Returns the exit code: 0 if all is well, else 1.
pub fn run_validate(
    paths: &[PathBuf],
    json: bool,
    known_tags: &BTreeSet<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    // By default the app's own library, wherever the command is run from.
    let default = [crate::core::paths::scenarios_dir()];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let library = load_paths(paths);
    let mut errors = validate(&library, known_tags);
    let scenarios: Vec<ScenarioSummary> = library
        .items
        .iter()
        .map(|loaded| {
            let s = &loaded.item;
            ScenarioSummary {
                id: &s.id,
                kind: s.kind,
                disc: s.disc,
                langs: s.complete_langs().into_iter().map(|l| l.code()).collect(),
                dialogue_nodes: s.dialogue_len(),
                file: &loaded.file,
            }
        })
        .collect();
    let summary = format!("{} scenario(s)", scenarios.len());
    report(&library, paths, &mut errors, Listing { key: "scenarios", items: &scenarios, summary }, json, out, err)
}

/// The same for quiz files (default the app's quiz bank); `--json` lists every question.
pub fn run_validate_quizzes(paths: &[PathBuf], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let default = [crate::core::paths::quizzes_dir()];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let bank = QuizBank::of_paths(paths);
    let mut errors = quiz::validate(&bank);
    let questions: Vec<QuestionSummary> = bank
        .items
        .iter()
        .flat_map(|loaded| {
            loaded.item.questions.iter().map(move |q| QuestionSummary {
                id: &q.id,
                set: &loaded.item.id,
                kind: q.kind.name(),
                model: &q.model,
                difficulty: q.difficulty,
                langs: q.complete_langs().into_iter().map(|l| l.code()).collect(),
                file: &loaded.file,
            })
        })
        .collect();
    let summary = format!("{} question(s)", questions.len());
    report(&bank, paths, &mut errors, Listing { key: "questions", items: &questions, summary }, json, out, err)
}

/// What the files held, for the report: under `key` in the JSON, as `summary` in the text.
struct Listing<'a, S> {
    key: &'static str,
    items: &'a [S],
    summary: String,
}

/// Prints the problems (syntax errors first merged in, sorted by position) and the listing;
/// 0 if all is well, else 1.
fn report<T, S: Serialize>(
    files: &ContentFiles<T>,
    paths: &[PathBuf],
    errors: &mut Vec<ContentError>,
    listing: Listing<S>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    errors.extend(files.errors.iter().cloned());
    if files.files().next().is_none() {
        // Checking nothing must not look like a pass.
        for path in paths {
            errors.push(ContentError::whole_file(path, "no content files (*.ron) here to check"));
        }
    }
    sort_by_position(errors);
    let written = if json {
        let report = serde_json::json!({ listing.key: listing.items, "errors": errors });
        serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from).and_then(|()| writeln!(out))
    } else {
        errors.iter().try_for_each(|e| writeln!(err, "{e}")).and_then(|()| {
            let checked: BTreeSet<&Path> = files.files().collect();
            writeln!(out, "{} file(s) checked, {}, {} problem(s)", checked.len(), listing.summary, errors.len())
        })
    };
    match written {
        Ok(()) if errors.is_empty() => 0,
        Ok(()) => 1,
        Err(e) => {
            // Output failed (e.g. a closed pipe): still fail, and say why if stderr works.
            let _ = writeln!(err, "cannot write the report: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::{library_dir, test_known_tags};

    fn run(paths: &[PathBuf], json: bool) -> (i32, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_validate(paths, json, &test_known_tags(), &mut out, &mut err);
        (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    }

    #[test]
    fn builtin_library_passes() {
        let (code, out, err) = run(&[PathBuf::from(library_dir())], false);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert!(out.contains(", 0 problem(s)"), "{out}");
    }

    #[test]
    fn json_lists_scenarios_and_errors() {
        let broken = std::env::temp_dir().join(format!("scenario-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&broken).unwrap();
        std::fs::write(broken.join("bad.ron"), "(id: \"bad\",\n  title: (zh: 1),\n)").unwrap();
        let (code, out, err) = run(&[PathBuf::from(library_dir()).join("lost-parcel.ron"), broken.clone()], true);
        std::fs::remove_dir_all(&broken).unwrap();
        assert_eq!((code, err.as_str()), (1, ""));
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let scenario = &report["scenarios"][0];
        assert_eq!(scenario["id"], "lost-parcel");
        assert_eq!(scenario["kind"], "complaint");
        assert_eq!(scenario["disc"], "D");
        assert_eq!(scenario["langs"], serde_json::json!(["zh", "en"]));
        assert!(scenario["dialogue_nodes"].as_u64().unwrap() >= 8);
        assert!(scenario["file"].as_str().unwrap().ends_with("lost-parcel.ron"));
        let error = &report["errors"][0];
        assert!(error["file"].as_str().unwrap().ends_with("bad.ron"));
        assert_eq!(error["line"], 2);
        assert_eq!(report["errors"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn missing_path_fails_with_a_message() {
        let (code, _, err) = run(&[PathBuf::from("/no/such/scenarios")], false);
        assert_eq!(code, 1);
        assert!(err.starts_with("/no/such/scenarios: cannot read"), "{err}");
    }

    #[test]
    fn an_empty_folder_fails_instead_of_passing_silently() {
        let empty = std::env::temp_dir().join(format!("scenario-cli-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        let (code, out, err) = run(std::slice::from_ref(&empty), false);
        std::fs::remove_dir_all(&empty).unwrap();
        assert_eq!(code, 1);
        assert_eq!(err, format!("{}: no content files (*.ron) here to check\n", empty.display()));
        assert!(out.contains("1 problem(s)"), "{out}");
    }
}
