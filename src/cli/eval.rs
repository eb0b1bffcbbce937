//! `service-camp eval DIR [--json]`: scores every labelled transcript in a folder and prints how
//! well the engine agrees with the labels (see [`crate::core::scoring::eval`]).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::content_error::{ContentError, parse_ron};
use crate::core::limits::{MAX_CONTENT_FILE_BYTES, read_text_capped};
use crate::core::scoring::eval::{Counts, Evaluation, Labels, RankedPair};
use crate::core::scoring::{Rubrics, Transcript, score};

const LABELS_SUFFIX: &str = ".labels.ron";
const PAIRS_FILE: &str = "pairs.ron";

/// Returns 0 when every file was read (whatever the figures), 2 when the folder, a transcript,
/// its labels, the pairs or the rubrics cannot be read (each problem as `file:line:col`).
pub fn run_eval(dir: &Path, json: bool, rubric_dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(rubrics) = super::content::rubrics_or_report(rubric_dir, err) else { return 2 };
    let (evaluation, problems) = evaluate(dir, &rubrics);
    for problem in &problems {
        let _ = writeln!(err, "{problem}");
    }
    let written = if json {
        serde_json::to_writer_pretty(&mut *out, &evaluation).map_err(std::io::Error::from).and_then(|()| writeln!(out))
    } else {
        write!(out, "{}", render(dir, &evaluation))
    };
    match (written, problems.is_empty()) {
        (Err(e), _) => {
            let _ = writeln!(err, "cannot write the report: {e}");
            1
        }
        (Ok(()), true) => 0,
        (Ok(()), false) => 2,
    }
}

fn evaluate(dir: &Path, rubrics: &Rubrics) -> (Evaluation, Vec<ContentError>) {
    let mut problems = Vec::new();
    let mut evaluation = Evaluation::default();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return (evaluation, vec![ContentError::whole_file(dir, format!("cannot read the folder: {e}"))]),
    };
    files.sort();
    let mut totals: BTreeMap<String, f64> = BTreeMap::new();
    for file in &files {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".ron").filter(|_| !name.ends_with(LABELS_SUFFIX) && name != PAIRS_FILE)
        else {
            continue;
        };
        let labels_file = dir.join(format!("{stem}{LABELS_SUFFIX}"));
        let read = read_text_capped(file, MAX_CONTENT_FILE_BYTES).and_then(|src| Transcript::parse(file, &src));
        let labels = read_text_capped(&labels_file, MAX_CONTENT_FILE_BYTES)
            .and_then(|src| parse_ron::<Labels>(&labels_file, &src));
        match (read, labels) {
            (Ok(transcript), Ok(labels)) => {
                let report = score(rubrics, &transcript);
                totals.insert(stem.to_owned(), report.total);
                evaluation.add(stem, &labels, &report);
            }
            (read, labels) => problems.extend(read.err().into_iter().chain(labels.err())),
        }
    }
    let pairs_file = dir.join(PAIRS_FILE);
    if pairs_file.is_file() {
        let pairs = read_text_capped(&pairs_file, MAX_CONTENT_FILE_BYTES)
            .and_then(|src| parse_ron::<Vec<RankedPair>>(&pairs_file, &src));
        match pairs {
            Ok(pairs) => {
                for pair in pairs {
                    match (totals.get(&pair.better), totals.get(&pair.worse)) {
                        (Some(&better), Some(&worse)) => evaluation.add_pair(&pair, better, worse),
                        _ => problems.push(ContentError::whole_file(
                            &pairs_file,
                            format!("pair {} > {}: no such labelled transcript here", pair.better, pair.worse),
                        )),
                    }
                }
            }
            Err(e) => problems.push(e),
        }
    }
    if evaluation.transcripts == 0 && problems.is_empty() {
        problems.push(ContentError::whole_file(dir, "no labelled transcripts (NAME.ron with NAME.labels.ron) here"));
    }
    (evaluation, problems)
}

/// `  67%`, or a dash when there is nothing to divide by.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "    –".to_owned(), |s| format!("{:>4.0}%", s * 100.0))
}

fn row(id: &str, counts: &Counts) -> String {
    format!(
        "  {id:<28} {} {}   {:>3} of {:<3} found, {:>3} of {:<3} false alarms\n",
        percent(counts.precision()),
        percent(counts.recall()),
        counts.true_positive,
        counts.true_positive + counts.false_negative,
        counts.false_positive,
        counts.false_positive + counts.true_negative,
    )
}

fn render(dir: &Path, evaluation: &Evaluation) -> String {
    let mut text = format!(
        "{} labelled transcripts in {} ({} ranked pairs)\n\n",
        evaluation.transcripts,
        dir.display(),
        evaluation.pairs
    );
    for (title, counts, all) in [
        ("steps", &evaluation.steps, evaluation.all_steps()),
        ("penalties", &evaluation.penalties, evaluation.all_penalties()),
    ] {
        text.push_str(&format!("  {title:<28} precision recall\n"));
        for (id, c) in counts {
            text.push_str(&row(id, c));
        }
        text.push_str(&row(&format!("all {title}"), &all));
        text.push('\n');
    }
    text.push_str(&format!(
        "clean transcripts penalised: {} of {} ({}){}\n",
        evaluation.clean_penalised.len(),
        evaluation.clean,
        percent(evaluation.false_penalty_rate()).trim(),
        if evaluation.clean_penalised.is_empty() {
            String::new()
        } else {
            format!(": {}", evaluation.clean_penalised.join(", "))
        }
    ));
    text.push_str(&format!(
        "ranked pairs the right way round: {} of {} ({})\n",
        evaluation.pairs - evaluation.wrong_pairs.len(),
        evaluation.pairs,
        percent(evaluation.pair_accuracy()).trim()
    ));
    for wrong in &evaluation.wrong_pairs {
        text.push_str(&format!(
            "  wrong: {} ({:.1}) should beat {} ({:.1})\n",
            wrong.better, wrong.better_total, wrong.worse, wrong.worse_total
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_folder_is_evaluated_and_broken_files_are_located() {
        let dir = std::env::temp_dir().join(format!("sc-eval-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let transcript = |rep: &str| {
            format!(
                "(lang: \"zh\", turns: [(t: 0.0, who: Customer, text: \"快递丢了!\"), (t: 5.0, who: Rep, text: \"{rep}\")])"
            )
        };
        std::fs::write(dir.join("good.ron"), transcript("非常抱歉给您添麻烦了,我马上给您补发,明天送到")).unwrap();
        std::fs::write(
            dir.join("good.labels.ron"),
            "(steps_present: [\"7a.apologize\"], penalties_absent: [\"taboo\"])",
        )
        .unwrap();
        std::fs::write(dir.join("bad.ron"), transcript("这不归我管")).unwrap();
        std::fs::write(
            dir.join("bad.labels.ron"),
            "(steps_absent: [\"7a.apologize\"], penalties_present: [\"taboo\"])",
        )
        .unwrap();
        std::fs::write(dir.join("pairs.ron"), "[(better: \"good\", worse: \"bad\")]").unwrap();
        let rubrics = crate::core::scoring::shipped_rubrics();
        let (evaluation, problems) = evaluate(&dir, rubrics);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((evaluation.transcripts, evaluation.pairs, evaluation.wrong_pairs.len()), (2, 1, 0));
        assert_eq!(evaluation.steps["7a.apologize"].true_positive, 1);
        assert_eq!(evaluation.penalties["taboo"].true_positive, 1);
        let text = render(&dir, &evaluation);
        assert!(text.contains("ranked pairs the right way round: 1 of 1 (100%)"), "{text}");

        std::fs::write(dir.join("bad.labels.ron"), "(steps_absent: oops)").unwrap();
        let (_, problems) = evaluate(&dir, rubrics);
        assert_eq!(problems.len(), 2, "the labels and the pair that names them: {problems:?}");
        assert!(problems[0].to_string().starts_with(&format!("{}:1:", dir.join("bad.labels.ron").display())));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
