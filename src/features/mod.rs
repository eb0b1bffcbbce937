//! Bevy plugins and resources above [`crate::core`]: what the app knows and does, with no
//! drawing. One `plugin(app)` per feature; the UI reads these resources and sends actions.

pub mod actions;
pub mod camp;
pub mod content;
pub mod lrs;
pub mod navigation;
pub mod phones;
pub mod practice;
pub mod quiz;
pub mod redraw;
pub mod room_clock;
pub mod rounds;
pub mod scenarios;
pub mod screen;
pub mod settings;
pub mod sound;
pub mod window;
