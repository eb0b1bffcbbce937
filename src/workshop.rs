//! The workshop the app is running: the current session, the UI strings, and every
//! content problem found while loading (shown in a banner, never a crash).

use std::path::PathBuf;

use bevy::prelude::*;

use crate::content_error::ContentError;
use crate::i18n::Locales;
use crate::scoring::Rubrics;
use crate::session::Session;

#[derive(Resource, Debug, Default)]
pub struct CurrentSession {
    pub session: Session,
    /// Where the session is kept; `None` for the built-in demo or a new, unsaved one.
    pub path: Option<PathBuf>,
}

#[derive(Resource)]
pub struct LoadedLocales(pub Locales);

/// The scoring models, loaded once for live rounds and self-study.
#[derive(Resource)]
pub struct LoadedRubrics(pub Rubrics);

/// Problems in trainer-edited files, for the banner.
#[derive(Resource, Debug, Default)]
pub struct ContentProblems(pub Vec<ContentError>);

/// Opens `path` as the current session. A missing file starts a new session there; an
/// unreadable or broken one is reported and left untouched while the app runs on an
/// empty session.
pub fn open_session(path: PathBuf, problems: &mut Vec<ContentError>) -> CurrentSession {
    let session = if path.exists() {
        Session::load(&path).unwrap_or_else(|e| {
            problems.push(e);
            Session::default()
        })
    } else {
        Session::default()
    };
    CurrentSession { session, path: Some(path) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_session_is_reported_and_not_overwritten() {
        let path = std::env::temp_dir().join(format!("sc-broken-{}.ron", std::process::id()));
        std::fs::write(&path, "(name: \"半截").unwrap();
        let mut problems = Vec::new();
        let current = open_session(path.clone(), &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, path);
        assert!(!current.session.has_data());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(name: \"半截");
        std::fs::remove_file(path).unwrap();
    }
}
