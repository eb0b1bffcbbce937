//! Where the app finds its editable content and keeps its own files.

use std::path::PathBuf;

/// The folder holding `locales/`, `rubrics/`, `fonts/`… Trainers may point the app
/// at their own copy with `SERVICE_CAMP_ASSETS`; an installed binary looks beside
/// itself; a `cargo run` build falls back to the source tree.
pub fn assets_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SERVICE_CAMP_ASSETS") {
        return PathBuf::from(dir);
    }
    if let Some(beside_exe) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("assets")))
        .filter(|dir| dir.is_dir())
    {
        return beside_exe;
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets"))
}

/// The built-in scenario library: `SERVICE_CAMP_SCENARIOS`, else `scenarios/` beside the
/// binary, else the source tree's.
pub fn scenarios_dir() -> PathBuf {
    bundled_dir("SERVICE_CAMP_SCENARIOS", "scenarios")
}

/// The built-in quiz bank: `SERVICE_CAMP_QUIZZES`, else `quizzes/` beside the binary, else the
/// source tree's.
pub fn quizzes_dir() -> PathBuf {
    bundled_dir("SERVICE_CAMP_QUIZZES", "quizzes")
}

fn bundled_dir(variable: &str, name: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os(variable) {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(name)))
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name))
}

/// Where a trainer would look for a saved copy: the documents folder, else the home folder.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|dirs| dirs.document_dir().unwrap_or(dirs.home_dir()).to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The per-user folder for settings, progress, the recent list and exports of unsaved camps:
/// `~/.config/service-camp` on Linux (or `$XDG_CONFIG_HOME`), `%APPDATA%\service-camp\config` on
/// Windows, `~/Library/Application Support/service-camp` on macOS.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "service-camp").map(|dirs| dirs.config_dir().to_path_buf())
}
