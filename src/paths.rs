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
    if let Some(dir) = std::env::var_os("SERVICE_CAMP_SCENARIOS") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("scenarios")))
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios")))
}

/// The per-user folder for settings (XDG on Linux, `%APPDATA%` on Windows).
pub fn config_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("service-camp"))
}
