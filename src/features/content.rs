//! The workshop the app is running: the current session, the UI strings, and every
//! content problem found while loading (shown in a banner, never a crash).

use std::path::PathBuf;

use bevy::prelude::*;

use crate::core::content_error::ContentError;
use crate::core::locale::Locales;
use crate::core::scoring::Rubrics;
use crate::core::session::Session;

#[derive(Resource, Debug, Default)]
pub struct CurrentSession {
    pub session: Session,
    /// Where the session is kept; `None` for the built-in demo or a new, unsaved one.
    pub path: Option<PathBuf>,
}

#[derive(Resource)]
pub struct LoadedLocales(pub std::sync::Arc<Locales>);

/// The scoring models, loaded once for live rounds and self-study.
#[derive(Resource)]
pub struct LoadedRubrics(pub Rubrics);

/// Problems in trainer-edited files, for the banner.
#[derive(Resource, Debug, Default)]
pub struct ContentProblems(pub Vec<ContentError>);
