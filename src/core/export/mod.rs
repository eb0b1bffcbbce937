//! What a trainer hands to the client after the camp: a report (Markdown and a printable,
//! self-contained HTML page), CSV tables for Excel, the whole session as JSON, and xAPI
//! statements for an LMS. Plain Rust, no rendering, so the CLI and the app share it.

mod csv;
mod document;
mod file_name;
mod html;
pub(crate) mod labels;
mod markdown;
mod tables;
pub mod xapi;

use std::io;
use std::path::{Path, PathBuf};

use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::persist::{write_atomically, write_atomically_with};
use crate::core::scoring::Rubrics;
use crate::core::session::{Session, Timestamp};

use labels::Labels;

pub use file_name::{MAX_FILE_NAME_CHARS, safe_file_name};

/// One kind of export; `--format md,html,csv,json,xapi` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// The report in Markdown.
    Md,
    /// The report as one printable HTML page.
    Html,
    /// Leaderboard, ledger and round results: one CSV each; observers' calibration when any.
    Csv,
    /// The whole session.
    Json,
    /// xAPI statements for an LMS or LRS.
    Xapi,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Md, Format::Html, Format::Csv, Format::Json, Format::Xapi];
}

/// The stem of every exported file when the session has no usable name.
const FALLBACK_STEM: &str = "session";

/// Writes the `formats` of `session` into `out_dir` (created if missing), with the report's
/// fixed labels in `lang` from `locales`, and returns the paths written. Rounds are scored by replaying them
/// against `rubrics`, as the app does. `exported_at` stamps the report. xAPI agents have accounts
/// on `home_page` (the company's, from the LRS settings). Each file is written atomically, so a
/// failed export never leaves half a file.
pub fn export_session(
    session: &Session,
    rubrics: &Rubrics,
    locales: &Locales,
    lang: Lang,
    formats: &[Format],
    out_dir: &Path,
    home_page: &str,
    exported_at: Timestamp,
) -> io::Result<Vec<PathBuf>> {
    let stem = safe_file_name(&session.name, FALLBACK_STEM);
    let mut written = Vec::new();
    for format in Format::ALL.into_iter().filter(|f| formats.contains(f)) {
        if format == Format::Xapi {
            // Streamed: a long day's statements never sit in memory all at once.
            let path = out_dir.join(format!("{stem}-xapi.json"));
            write_atomically_with(&path, |out| {
                xapi::write_statements(session, rubrics, locales, home_page, exported_at, out)
            })?;
            written.push(path);
            continue;
        }
        for (suffix, contents) in render(session, rubrics, locales, lang, format, exported_at)? {
            let path = out_dir.join(format!("{stem}-{suffix}"));
            write_atomically(&path, &contents)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The files of one format: the end of each file name, and its contents.
fn render(
    session: &Session,
    rubrics: &Rubrics,
    locales: &Locales,
    lang: Lang,
    format: Format,
    exported_at: Timestamp,
) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let labels = &Labels::new(locales, lang);
    Ok(match format {
        Format::Md => {
            vec![("report.md", markdown::render(&document::report(session, rubrics, labels, exported_at)).into_bytes())]
        }
        Format::Html => {
            vec![("report.html", html::render(&document::report(session, rubrics, labels, exported_at)).into_bytes())]
        }
        Format::Csv => {
            let mut files = vec![
                ("leaderboard.csv", csv::render(&tables::leaderboard(session, labels))),
                ("ledger.csv", csv::render(&tables::ledger(session, labels))),
                ("rounds.csv", csv::render(&tables::round_results(session, rubrics, labels))),
            ];
            if !session.quizzes.is_empty() {
                files.push(("quiz-questions.csv", csv::render(&tables::quiz_questions(session, labels))));
                files.push(("quiz-teams.csv", csv::render(&tables::quiz_teams(session, labels))));
                files.push(("quiz-players.csv", csv::render(&tables::quiz_players(session, labels))));
            }
            // Only a day whose rounds had observers has calibration to hand over.
            let calibration = tables::calibration(session, rubrics, labels);
            if !calibration.rows.is_empty() {
                files.push(("calibration.csv", csv::render(&calibration)));
            }
            files
        }
        Format::Json => {
            // The client's copy: everything the room did, not the key the phones' tokens use.
            let mut shared = session.clone();
            shared.room.forget_secrets();
            vec![("session.json", serde_json::to_vec_pretty(&shared).map_err(io::Error::other)?)]
        }
        // Streamed by `export_session`.
        Format::Xapi => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::locale::Locales;

    /// Exports `session` with the shipped rubrics and built-in words, stamped at time 0.
    fn export(session: &Session, lang: Lang, formats: &[Format], dir: &Path) -> Vec<PathBuf> {
        export_session(
            session,
            crate::core::scoring::shipped_rubrics(),
            Locales::compiled_in(),
            lang,
            formats,
            dir,
            crate::core::lrs::settings::DEFAULT_HOME_PAGE,
            Timestamp(0),
        )
        .unwrap()
    }

    #[test]
    fn every_format_writes_its_files_inside_the_folder_named_after_the_session() {
        let dir = std::env::temp_dir().join(format!("sc-export-{}", std::process::id()));
        let mut session = Session::demo(Lang::Zh);
        session.name = "../华东/训练营: 第一天".into();
        let written = export(&session, Lang::Zh, &Format::ALL, &dir);
        let names: Vec<String> =
            written.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(written.iter().all(|p| p.parent() == Some(dir.as_path())));
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
        assert_eq!(names, suffixes.map(|s| format!("华东-训练营-第一天-{s}")));
    }

    #[test]
    fn only_the_asked_formats_are_written() {
        let dir = std::env::temp_dir().join(format!("sc-export-json-{}", std::process::id()));
        let session = Session::demo(Lang::En);
        let written = export(&session, Lang::En, &[Format::Json], &dir);
        let json = std::fs::read_to_string(&written[0]).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(written.len(), 1);
        let round_trip: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(round_trip, session);
    }

    #[test]
    fn the_json_copy_keeps_the_seats_but_not_the_rooms_secret_or_code() {
        let dir = std::env::temp_dir().join(format!("sc-export-secret-{}", std::process::id()));
        let mut session = Session::demo(Lang::En);
        let cx = crate::core::session::EditContext::new(Timestamp(0), None);
        let edit = crate::core::session::SessionEdit::Room(crate::core::room::RoomEdit::NewCode(Some("5151".into())));
        session.apply(&edit, &cx).unwrap();
        let team = session.teams[0].id();
        let join = crate::core::room::JoinRequest { code: "5151".into(), team, name: "Ann".into() };
        let (_, token) = session.join_from_phone(&join, &cx).unwrap();
        let written = export(&session, Lang::En, &[Format::Json], &dir);
        let json = std::fs::read_to_string(&written[0]).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let copy: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(copy.room.seats, session.room.seats);
        assert!(!json.contains(&session.room.secret), "the secret stays in the session file");
        assert!(copy.room.code.is_empty());
        assert!(copy.seat_of_token(&token).is_err(), "no token can be checked, or forged, from the copy");
    }
}
