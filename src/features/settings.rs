//! Keeps the trainer's preferences ([`Settings`]) as a resource and saves every change to the
//! user's config folder.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::core::settings::Settings;

/// The settings in force, as a resource (field access reaches [`Settings`] through `Deref`).
#[derive(Resource, Debug, Clone, Default, PartialEq, Deref, DerefMut)]
pub struct CurrentSettings(pub Settings);

/// Where settings are saved; `None` keeps them in memory only (tests, the tour).
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsFile(pub Option<PathBuf>);

impl SettingsFile {
    pub fn in_config_dir() -> SettingsFile {
        SettingsFile(crate::core::paths::config_dir().map(|dir| dir.join("settings.ron")))
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<CurrentSettings>().init_resource::<SettingsFile>().add_systems(Last, save_changed_settings);
}

fn save_changed_settings(settings: Res<CurrentSettings>, file: Res<SettingsFile>) {
    if !settings.is_changed() || settings.is_added() {
        return;
    }
    if let Some(path) = &file.0
        && let Err(e) = settings.save(path)
    {
        warn!("could not save settings to {}: {e}", path.display());
    }
}
