//! Assembles the app: Bevy with only the plugins the camp needs, then one plugin per feature.

pub mod tour;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::{ExitCondition, WindowMode, WindowResolution};
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

use crate::app::tour::TourOptions;
use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::persist::RecentSessions;
use crate::core::practice::Progress;
use crate::core::scoring::{Rubrics, known_tags};
use crate::core::settings::Settings;
use crate::features::camp::{BackupOffer, Recent, SaveState};
use crate::features::content::{ContentProblems, CurrentSession, LoadedLocales, LoadedRubrics};
use crate::features::practice::LearnerProgress;
use crate::features::quiz::QuizShelf;
use crate::features::redraw::{IDLE_WAIT, Reactive};
use crate::features::rounds::RoundDesk;
use crate::features::scenarios::LoadedLibrary;
use crate::features::settings::{CurrentSettings, LrsConfig, SettingsFile};
use crate::features::{
    camp, lrs, navigation, phones, practice, quiz, redraw, room_clock, rounds, scenarios, screen, settings, sound,
    window,
};
use crate::ui::{self, console_window};

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    pub lang: Option<Lang>,
    pub session: Option<PathBuf>,
    pub fullscreen: bool,
    /// Open the trainer console in its own window from the start.
    pub console_window: bool,
    /// Run the screenshot tour instead of waiting for a trainer.
    pub tour: Option<TourOptions>,
}

/// The features every build shares, windowed or headless: state, settings,
/// navigation, screens. Tests add these to `MinimalPlugins`.
pub fn core_plugins(app: &mut App) {
    app.add_plugins((
        settings::plugin,
        navigation::plugin,
        screen::plugin,
        redraw::plugin,
        room_clock::plugin,
        scenarios::plugin,
        practice::plugin,
        camp::plugin,
        rounds::plugin,
        quiz::plugin,
        phones::plugin,
        lrs::plugin,
    ));
}

/// Builds the windowed app.
pub fn build(options: AppOptions) -> App {
    let mut problems = Vec::new();
    let settings_file = if options.tour.is_some() { SettingsFile(None) } else { SettingsFile::in_config_dir() };
    let mut settings = settings_file.0.as_deref().map_or_else(Settings::default, |path| {
        Settings::load(path).unwrap_or_else(|e| {
            problems.push(e);
            Settings::default()
        })
    });
    if let Some(lang) = options.lang {
        settings.lang = lang;
    }
    let locales = Locales::load(&crate::core::paths::assets_dir().join("locales"));
    problems.extend(locales.errors.iter().cloned());
    let rubrics = Rubrics::load_dir(&crate::core::paths::assets_dir().join("rubrics"))
        .map_err(|errors| problems.extend(errors))
        .ok();
    let shelf = load_scenarios(rubrics.as_ref());
    let quizzes = load_quizzes();
    problems.extend(quizzes.problems.iter().cloned());
    let progress = load_progress(options.tour.is_some(), &mut problems);
    let recent = load_recent(&mut problems);
    let lrs_config = if options.tour.is_some() {
        LrsConfig::default()
    } else {
        let (config, problem) = LrsConfig::in_config_dir();
        problems.extend(problem);
        config
    };
    let (session, backup_offer) = match (&options.tour, options.session.clone()) {
        (Some(_), _) => (CurrentSession::default(), BackupOffer::default()),
        (None, Some(path)) => camp::open_session(path, &mut problems),
        (None, None) => (
            CurrentSession { session: new_session(settings.lang, &locales), path: new_session_path() },
            BackupOffer::default(),
        ),
    };

    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "服务训练营 · Service Camp".into(),
                    resolution: WindowResolution::new(1920, 1080),
                    mode: if options.fullscreen {
                        WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
                    } else {
                        WindowMode::Windowed
                    },
                    ..default()
                }),
                exit_condition: ExitCondition::OnPrimaryClosed,
                // Closing is ours to decide: the room's work may need a confirmation.
                close_when_requested: false,
                ..default()
            })
            .set(AssetPlugin {
                file_path: crate::core::paths::assets_dir().to_string_lossy().into_owned(),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(CurrentSettings(settings))
    .insert_resource(settings_file)
    .insert_resource(lrs_config)
    .insert_resource(LoadedLocales(std::sync::Arc::new(locales)))
    .insert_resource(ContentProblems(problems))
    .insert_resource(SaveState::for_path(session.path.as_deref()))
    .insert_resource(session)
    .insert_resource(backup_offer)
    .insert_resource(recent)
    .insert_resource(shelf)
    .insert_resource(quizzes)
    .insert_resource(progress)
    .insert_resource(RoundDesk { console_window: options.console_window, ..RoundDesk::default() })
    .add_plugins((core_plugins, ui::plugin, console_window::plugin, window::plugin, sound::plugin))
    .add_systems(Startup, spawn_camera);
    // Bevy sets each frame's clock to when the renderer finished the frame before. An app that
    // sleeps between frames would then show every countdown one wake-up late: each frame
    // reads the time when it starts instead.
    app.world_mut().remove_resource::<bevy::time::TimeReceiver>();

    if let Some(rubrics) = rubrics {
        app.insert_resource(LoadedRubrics(rubrics));
    }
    match options.tour {
        Some(tour) => {
            app.insert_resource(WinitSettings::continuous()).add_plugins(crate::app::tour::plugin(tour));
        }
        None => {
            app.insert_resource(WinitSettings::desktop_app()).insert_resource(Reactive);
            let mut winit = app.world_mut().resource_mut::<WinitSettings>();
            winit.focused_mode = bevy::winit::UpdateMode::reactive_low_power(IDLE_WAIT);
            winit.unfocused_mode = bevy::winit::UpdateMode::reactive_low_power(IDLE_WAIT);
        }
    }
    app
}

/// The built-in and the trainer's own scenarios, checked against the rubrics' tags.
fn load_scenarios(rubrics: Option<&Rubrics>) -> LoadedLibrary {
    let mut folders = vec![crate::core::paths::scenarios_dir()];
    folders.extend(crate::core::paths::config_dir().map(|dir| dir.join("scenarios")));
    LoadedLibrary::load(folders, rubrics.map(known_tags).unwrap_or_default())
}

/// The built-in and the trainer's own quiz sets.
fn load_quizzes() -> QuizShelf {
    let mut folders = vec![crate::core::paths::quizzes_dir()];
    folders.extend(crate::core::paths::config_dir().map(|dir| dir.join("quizzes")));
    QuizShelf::load(&folders)
}

/// Recently opened sessions, for the home screen.
fn load_recent(problems: &mut Vec<crate::core::content_error::ContentError>) -> Recent {
    let folder = crate::core::paths::config_dir();
    let sessions = folder.as_deref().map_or_else(RecentSessions::default, |dir| {
        RecentSessions::load(dir).unwrap_or_else(|e| {
            problems.push(e);
            RecentSessions::default()
        })
    });
    Recent { sessions, folder }
}

/// A new workshop, named after the app and today's date until the trainer renames it.
fn new_session(lang: Lang, locales: &Locales) -> crate::core::session::Session {
    let now = crate::core::session::Timestamp::now();
    crate::core::session::Session::new_for_day(lang, locales, now, &crate::core::time::local_zone())
}

/// Where a session started without `--session` is kept once it has teams or points.
fn new_session_path() -> Option<PathBuf> {
    let stamp = crate::core::session::Timestamp::now().0 / 1000;
    crate::core::paths::config_dir().map(|dir| dir.join("sessions").join(format!("camp-{stamp}.ron")))
}

/// The learner's saved progress; the tour keeps none.
fn load_progress(in_tour: bool, problems: &mut Vec<crate::core::content_error::ContentError>) -> LearnerProgress {
    let file = if in_tour { None } else { crate::core::paths::config_dir().map(|dir| dir.join("progress.ron")) };
    let progress = file.as_deref().map_or_else(Progress::default, |path| {
        Progress::load(path).unwrap_or_else(|e| {
            problems.push(e);
            Progress::default()
        })
    });
    LearnerProgress { progress, file }
}

fn spawn_camera(mut commands: Commands) {
    // egui draws its own anti-aliased shapes: multisampling the whole window only costs time.
    commands.spawn((Name::new("UI camera"), Camera2d, Msaa::Off));
}

pub fn run(options: AppOptions) -> ExitCode {
    match build(options).run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
