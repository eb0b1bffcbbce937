//! Integration tests: content and fonts, headless app logic, egui screens, and the real
//! screenshot tour. One test binary, because each one links Bevy.

mod cli;
mod content;
mod headless;
mod rounds;
mod screens;
mod tour;
