//! The trainer-editable content every tool reads, with each problem written where the tool
//! reports errors (`file:line:col: message`).

use std::io::Write;
use std::path::Path;

use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::persist::load_session;
use crate::core::scoring::Rubrics;
use crate::core::session::Session;

/// The rubrics in `dir`, or every problem written to `err` and `None`.
pub fn rubrics_or_report(dir: &Path, err: &mut dyn Write) -> Option<Rubrics> {
    match Rubrics::load_dir(dir) {
        Ok(rubrics) => Some(rubrics),
        Err(errors) => {
            for e in errors {
                let _ = writeln!(err, "{e}");
            }
            None
        }
    }
}

/// The locale files of the app's assets; a broken one falls back to the built-in copy, as in
/// the app, and is reported on `err`.
pub fn locales_reporting(err: &mut dyn Write) -> Locales {
    let locales = Locales::load(&crate::core::paths::assets_dir().join("locales"));
    for problem in &locales.errors {
        let _ = writeln!(err, "{problem}");
    }
    locales
}

/// The session file at `path`, else the built-in demo in `lang` when `demo`; a file that does
/// not load, or neither given, is reported on `err` (`command: …`) and gives `None`.
pub fn session_or_demo(
    path: Option<&Path>,
    demo: bool,
    lang: Option<Lang>,
    command: &str,
    err: &mut dyn Write,
) -> Option<Session> {
    match (path, demo) {
        (Some(path), _) => load_session(path).map_err(|failure| writeln!(err, "{failure}")).ok(),
        (None, true) => Some(Session::demo(lang.unwrap_or_default())),
        (None, false) => {
            let _ = writeln!(err, "{command}: give a session file or --demo");
            None
        }
    }
}
