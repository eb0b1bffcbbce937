//! `service-camp export SESSION --out DIR [--format md,html,csv,json,xapi]` and
//! `service-camp export --demo --out DIR`.

use std::io::Write;
use std::path::Path;

use crate::core::lang::Lang;
use crate::core::session::Timestamp;

use crate::core::export::{Format, export_session};

/// Exports the session in `session` (or the built-in demo in `lang`, default Chinese) into
/// `out`, listing each file written on `out_log`. An empty `formats` means every format. The
/// report speaks `lang` when given, else the session's language. Returns 0 on success, 2 when
/// the session or the rubrics (from the assets folder, to score the rounds) cannot be read or
/// parsed (`file:line:col: message` on `err`) or neither a session nor `--demo` is given, 1 when
/// the files cannot be written.
pub fn run_export(
    session: Option<&Path>,
    demo: bool,
    lang: Option<Lang>,
    out: &Path,
    formats: &[Format],
    out_log: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(session) = super::content::session_or_demo(session, demo, lang, "export", err) else {
        return 2;
    };
    let Some(rubrics) = super::content::rubrics_or_report(&crate::core::paths::assets_dir().join("rubrics"), err)
    else {
        return 2;
    };
    // The report's words from the editable locale files; a broken file falls back to the
    // built-in copy and is reported, as in the app.
    let locales = super::content::locales_reporting(err);
    let formats = if formats.is_empty() { &Format::ALL[..] } else { formats };
    let lang = lang.unwrap_or(session.lang);
    // Agents under the company's home page, as `push` sends them.
    let lrs = super::push::saved_settings(err);
    match export_session(&session, &rubrics, &locales, lang, formats, out, lrs.home_page(), Timestamp::now()) {
        Ok(written) => {
            for path in written {
                let _ = writeln!(out_log, "{}", path.display());
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{}: cannot write the export: {e}", out.display());
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(session: Option<&Path>, demo: bool, out: &Path) -> (i32, String, String) {
        let (mut log, mut err) = (Vec::new(), Vec::new());
        let code = run_export(session, demo, None, out, &[Format::Json], &mut log, &mut err);
        (code, String::from_utf8(log).unwrap(), String::from_utf8(err).unwrap())
    }

    #[test]
    fn a_broken_session_file_is_located_and_exits_with_2() {
        let dir = std::env::temp_dir().join(format!("sc-export-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let broken = dir.join("broken.ron");
        std::fs::write(&broken, "(\n  name: \"x\",\n  teams: oops,\n)").unwrap();
        let (code, log, err) = run(Some(&broken), false, &dir.join("out"));
        let missing = run(Some(&dir.join("missing.ron")), false, &dir.join("out"));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!((code, log.as_str()), (2, ""));
        assert!(err.starts_with(&format!("{}:3:", broken.display())), "{err}");
        assert_eq!(missing.0, 2);
    }

    #[test]
    fn without_a_session_or_the_demo_nothing_is_written() {
        let out = std::env::temp_dir().join(format!("sc-export-none-{}", std::process::id()));
        let (code, _, err) = run(None, false, &out);
        assert_eq!(code, 2);
        assert!(err.contains("--demo") && !out.exists());
    }
}
