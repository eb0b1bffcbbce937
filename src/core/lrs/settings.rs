//! Where the day's statements go: the LRS endpoint, its basic-auth credentials and the company's
//! agent home page. Kept in the user's config folder (`lrs.ron`), readable by its owner only,
//! never in a session file or an export; the password is never shown in full.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::content_error::ContentError;

/// The file in the config folder.
pub const FILE_NAME: &str = "lrs.ron";

/// The agent home page statements name people and teams under when none is set.
pub const DEFAULT_HOME_PAGE: &str = "https://service-camp.local";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LrsSettings {
    /// Send while the day runs. Off: statements still wait in the outbox, for later.
    pub enabled: bool,
    /// The xAPI base, e.g. `https://lrs.example.com/xAPI` (statements go to `…/statements`).
    pub endpoint: String,
    pub user: String,
    pub password: String,
    /// The company's account home page for agents and groups (xAPI `account.homePage`).
    pub home_page: String,
}

impl Default for LrsSettings {
    fn default() -> Self {
        LrsSettings {
            enabled: false,
            endpoint: String::new(),
            user: String::new(),
            password: String::new(),
            home_page: DEFAULT_HOME_PAGE.to_string(),
        }
    }
}

impl LrsSettings {
    pub fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(FILE_NAME)
    }

    /// The file in the user's config folder, which the app and the CLI share.
    pub fn config_file() -> Option<PathBuf> {
        crate::core::paths::config_dir().map(|dir| LrsSettings::path_in(&dir))
    }

    /// A missing file gives the defaults (off); a broken one a located error.
    pub fn load(path: &Path) -> Result<LrsSettings, ContentError> {
        crate::core::persist::load_ron_or_default(path)
    }

    /// Saves atomically, readable and writable by the owner only (it holds a password).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::core::persist::save_ron_private(self, path)
    }

    /// Where statements are posted: the endpoint with `/statements` (once).
    pub fn statements_url(&self) -> String {
        let base = self.endpoint.trim().trim_end_matches('/');
        if base.ends_with("/statements") { base.to_string() } else { format!("{base}/statements") }
    }

    /// The agent home page, the default if left empty.
    pub fn home_page(&self) -> &str {
        let home = self.home_page.trim();
        if home.is_empty() { DEFAULT_HOME_PAGE } else { home }
    }

    /// Whether there is somewhere to send to.
    pub fn is_complete(&self) -> bool {
        let endpoint = self.endpoint.trim();
        endpoint.starts_with("http://") || endpoint.starts_with("https://")
    }

    /// The password as the settings show it: dots, at most eight, so neither it nor a long
    /// one's length is given away.
    pub fn masked_password(&self) -> String {
        "•".repeat(self.password.chars().count().min(8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_url_adds_statements_once() {
        let with = |endpoint: &str| LrsSettings { endpoint: endpoint.into(), ..LrsSettings::default() };
        assert_eq!(with("http://127.0.0.1:8100/xAPI").statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        assert_eq!(with("http://127.0.0.1:8100/xAPI/").statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        assert_eq!(
            with(" https://lrs.example.com/xAPI/statements ").statements_url(),
            "https://lrs.example.com/xAPI/statements"
        );
        assert!(!with("lrs.example.com").is_complete(), "no scheme: nowhere to send");
        assert!(with("https://lrs.example.com/xAPI").is_complete());
    }

    #[test]
    fn the_password_never_shows_in_full() {
        let settings = LrsSettings { password: "hunter2".into(), ..LrsSettings::default() };
        assert_eq!(settings.masked_password(), "•••••••");
        let long = LrsSettings { password: "a much longer passphrase".into(), ..LrsSettings::default() };
        assert_eq!(long.masked_password(), "••••••••", "the length is not given away either");
        assert_eq!(LrsSettings::default().masked_password(), "");
    }

    #[cfg(unix)]
    #[test]
    fn saved_settings_are_readable_by_their_owner_only_and_load_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = LrsSettings::path_in(dir.path());
        assert_eq!(LrsSettings::load(&path).unwrap(), LrsSettings::default());
        let settings = LrsSettings {
            enabled: true,
            endpoint: "http://127.0.0.1:8100/xAPI".into(),
            user: "camp".into(),
            password: "s3cret".into(),
            home_page: "https://learning.example.com".into(),
        };
        settings.save(&path).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(LrsSettings::load(&path).unwrap(), settings);
        // A file someone made readable by all is made private again by the next save.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        settings.save(&path).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
