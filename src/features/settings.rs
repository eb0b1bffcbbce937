//! Keeps the trainer's preferences ([`Settings`]) and the LRS connection ([`LrsSettings`]) as
//! resources and saves every change to the user's config folder.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::core::lrs::settings::LrsSettings;
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

/// Where the day's statements go, and the file that keeps it (owner-only; `None`: in memory
/// only, as in tests and the tour).
#[derive(Resource, Debug, Clone, Default)]
pub struct LrsConfig {
    pub settings: LrsSettings,
    pub file: Option<PathBuf>,
}

impl LrsConfig {
    /// The saved connection, or why it could not be read (then: off, and the file is left alone
    /// until the trainer saves new settings).
    pub fn in_config_dir() -> (LrsConfig, Option<crate::core::content_error::ContentError>) {
        let file = LrsSettings::config_file();
        let loaded = file.as_deref().map(LrsSettings::load).transpose();
        match loaded {
            Ok(settings) => (LrsConfig { settings: settings.unwrap_or_default(), file }, None),
            Err(e) => (LrsConfig { settings: LrsSettings::default(), file }, Some(e)),
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<CurrentSettings>()
        .init_resource::<SettingsFile>()
        .init_resource::<LrsConfig>()
        .add_systems(Last, (save_changed_settings, save_changed_lrs_config));
}

fn save_changed_lrs_config(config: Res<LrsConfig>) {
    if !config.is_changed() || config.is_added() {
        return;
    }
    if let Some(path) = &config.file
        && let Err(e) = config.settings.save(path)
    {
        warn!("could not save the LRS settings to {}: {e}", path.display());
    }
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
