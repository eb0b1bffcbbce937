//! Service Camp (服务训练营): the library behind the app, its CLI tools and its tests.
//!
//! Layers, each depending only on those below it:
//! - [`core`]: the training itself in plain Rust (sessions, scoring, scenarios, rounds,
//!   practice, exports, locales). No Bevy, no egui: every rule lives and is tested here, and
//!   every change to a camp is one [`core::session::SessionEdit`] applied by core.
//! - [`features`]: Bevy plugins and resources, no drawing (actions, screens as states, the camp,
//!   the room clock, rounds, the scenario library, practice, settings, sound, windows).
//! - [`server`]: the room server phones join over the LAN (axum); a caller of core, like the
//!   CLI, that hands phones' requests to the session's owner.
//! - [`lrs`]: the HTTP client and the background worker that send the day's xAPI statements
//!   from the session's outbox to the company's learning record store.
//! - [`ui`]: egui only: context and chrome, overlays, the theme and one file per screen.
//! - [`app`] assembles Bevy with the features and the UI; [`cli`] parses the command line.

pub mod app;
pub mod cli;
pub mod core;
pub mod features;
pub mod lrs;
pub mod server;
pub mod ui;
