//! Integration tests: architecture, a camp day through core, content and fonts, headless app
//! logic, egui screens, the CLI and the real screenshot tour. One test binary, because each one
//! links Bevy.

mod architecture;
mod camp_day;
mod cli;
mod content;
mod headless;
mod lrs;
mod observers;
mod phones;
mod quiz;
mod rounds;
mod screens;
mod support;
mod tour;
