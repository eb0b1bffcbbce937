//! What several test modules share.

use std::sync::OnceLock;

use service_camp::core::scoring::Rubrics;

/// The shipped rubrics (`assets/rubrics/`), read once.
pub fn rubrics() -> &'static Rubrics {
    static RUBRICS: OnceLock<Rubrics> = OnceLock::new();
    RUBRICS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rubrics");
        Rubrics::load_dir(&dir).unwrap_or_else(|errors| panic!("the shipped rubrics load: {errors:?}"))
    })
}
