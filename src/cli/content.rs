//! The trainer-editable content every tool reads, with each problem written where the tool
//! reports errors (`file:line:col: message`).

use std::io::Write;
use std::path::Path;

use crate::core::locale::Locales;
use crate::core::scoring::Rubrics;

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
