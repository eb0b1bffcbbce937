//! The trainer's preferences: language, theme, motion and sound. Kept in the user's
//! config folder so the next workshop starts the way the trainer left it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::core::content_error::ContentError;
use crate::core::lang::Lang;

/// The light or dark variant of the app's palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: ThemeKind,
    /// No transitions, swinging needles or falling confetti: for motion-sensitive
    /// viewers and slow projector laptops.
    pub reduced_motion: bool,
    pub sound: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { lang: Lang::Zh, theme: ThemeKind::Light, reduced_motion: false, sound: true }
    }
}

impl Settings {
    /// Reads saved settings; a missing file gives the defaults, a broken one an error
    /// (the app then runs on defaults and does not overwrite the file until a change).
    pub fn load(path: &Path) -> Result<Settings, ContentError> {
        crate::core::persist::load_ron_or_default(path)
    }

    /// Saves atomically, so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::core::persist::save_ron(self, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_missing_file_gives_defaults() {
        let dir = std::env::temp_dir().join(format!("sc-settings-{}", std::process::id()));
        let path = dir.join("settings.ron");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let custom = Settings { lang: Lang::En, theme: ThemeKind::Dark, reduced_motion: true, sound: false };
        custom.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), custom);
        std::fs::write(&path, "(lang: klingon)").unwrap();
        let err = Settings::load(&path).unwrap_err();
        assert_eq!(err.line, 1);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
