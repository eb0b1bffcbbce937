//! Service Camp (服务训练营): the library behind the app, its CLI tools and its tests.
//!
//! Training logic (sessions, timers, content) lives in plain modules with no rendering;
//! Bevy plugins (one per feature) and egui screens sit on top.

pub mod app;
pub mod camp;
pub mod cli;
pub mod console_window;
pub mod content_error;
pub mod disc;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod navigation;
pub mod paths;
pub mod persist;
pub mod picker;
pub mod practice;
pub mod redraw;
pub mod roleplay;
pub mod room_clock;
pub mod round_play;
pub mod scenario;
pub mod scenario_library;
pub mod scoring;
pub mod screens;
pub mod self_study;
pub mod session;
pub mod settings;
pub mod sound;
pub mod theme;
pub mod timer;
pub mod tour;
pub mod ui;
pub mod vote;
pub mod window;
pub mod wordcloud;
pub mod workshop;
