//! The training itself, in plain Rust: no Bevy, no egui (a test checks). The app, the CLI and
//! any other caller change a camp only through [`session::SessionEdit`].

pub mod agreement;
pub mod content_error;
pub mod content_files;
pub mod countdown;
pub mod disc;
pub mod export;
pub mod ids;
pub mod lang;
pub mod limits;
pub mod locale;
pub mod lrs;
pub mod paths;
pub mod persist;
pub mod practice;
pub mod quiz;
pub mod ron_positions;
pub mod room;
pub mod round;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod settings;
pub mod time;
pub mod wordcloud;
