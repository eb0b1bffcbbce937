//! App logic without a window or GPU: MinimalPlugins, states, input, manual time.

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy::window::PrimaryWindow;
use bevy::winit::{UpdateMode, WinitSettings};
use service_camp::core::lang::Lang;
use service_camp::core::session::Session;
use service_camp::core::session::SessionEdit;
use service_camp::features::actions::ClockAction;
use service_camp::features::actions::UiAction;
use service_camp::features::content::CurrentSession;
use service_camp::features::navigation::Overlay;
use service_camp::features::redraw::{IDLE_WAIT, Reactive};
use service_camp::features::room_clock::RoomClock;
use service_camp::features::screen::Screen;
use service_camp::features::settings::CurrentSettings;

fn app_with(session: Session) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(100)))
        .insert_resource(CurrentSession { session, path: None })
        .add_plugins((service_camp::app::core_plugins, service_camp::features::window::plugin));
    app.world_mut().spawn((Window::default(), PrimaryWindow));
    app.update();
    app
}

fn app() -> App {
    app_with(Session::default())
}

fn key(app: &mut App, key_code: KeyCode, state: ButtonState) {
    let window = app.world_mut().query_filtered::<Entity, With<PrimaryWindow>>().single(app.world()).unwrap();
    app.world_mut().write_message(KeyboardInput {
        key_code,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window,
    });
    app.update();
}

/// Presses and releases a key, then lets the state change land.
fn tap(app: &mut App, key_code: KeyCode) {
    key(app, key_code, ButtonState::Pressed);
    key(app, key_code, ButtonState::Released);
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn clicker_keys_walk_the_camp_flow() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Home);
    tap(&mut app, KeyCode::PageDown);
    assert_eq!(screen(&app), Screen::Agenda);
    tap(&mut app, KeyCode::ArrowRight);
    tap(&mut app, KeyCode::ArrowDown);
    assert_eq!(screen(&app), Screen::Presentations);
    tap(&mut app, KeyCode::PageUp);
    assert_eq!(screen(&app), Screen::Teams);
    tap(&mut app, KeyCode::Home);
    assert_eq!(screen(&app), Screen::Home);
}

#[test]
fn blank_screen_hides_and_any_clicker_key_brings_it_back_in_place() {
    let mut app = app();
    tap(&mut app, KeyCode::PageDown);
    tap(&mut app, KeyCode::KeyB);
    assert!(app.world().resource::<Overlay>().blank);
    tap(&mut app, KeyCode::PageDown);
    assert!(!app.world().resource::<Overlay>().blank);
    assert_eq!(screen(&app), Screen::Agenda, "un-blanking does not turn the page");
    tap(&mut app, KeyCode::Period);
    assert!(app.world().resource::<Overlay>().blank);
}

#[test]
fn language_switches_at_runtime() {
    let mut app = app();
    assert_eq!(app.world().resource::<CurrentSettings>().lang, Lang::Zh);
    tap(&mut app, KeyCode::KeyL);
    assert_eq!(app.world().resource::<CurrentSettings>().lang, Lang::En);
    app.world_mut().write_message(UiAction::SetLang(Lang::Zh));
    app.update();
    assert_eq!(app.world().resource::<CurrentSettings>().lang, Lang::Zh);
}

#[test]
fn closing_an_empty_session_quits_at_once() {
    let mut app = app();
    app.world_mut().write_message(UiAction::RequestQuit);
    app.update();
    assert_eq!(app.should_exit(), Some(AppExit::Success));
}

#[test]
fn closing_a_session_with_data_asks_first() {
    let mut app = app_with(Session::demo(Lang::Zh));
    let window = app.world_mut().query_filtered::<Entity, With<PrimaryWindow>>().single(app.world()).unwrap();
    app.world_mut().write_message(bevy::window::WindowCloseRequested { window });
    app.update();
    assert!(app.world().resource::<Overlay>().confirm_quit);
    assert_eq!(app.should_exit(), None);
    tap(&mut app, KeyCode::Escape);
    assert!(!app.world().resource::<Overlay>().confirm_quit);
    assert_eq!(app.should_exit(), None);
    app.world_mut().write_message(UiAction::RequestQuit);
    app.update();
    tap(&mut app, KeyCode::Enter);
    assert_eq!(app.should_exit(), Some(AppExit::Success));
}

#[test]
fn f11_toggles_fullscreen() {
    let mut app = app();
    tap(&mut app, KeyCode::F11);
    let mode = app.world_mut().query::<&Window>().single(app.world()).unwrap().mode;
    assert!(matches!(mode, bevy::window::WindowMode::BorderlessFullscreen(_)));
    tap(&mut app, KeyCode::F11);
    let mode = app.world_mut().query::<&Window>().single(app.world()).unwrap().mode;
    assert_eq!(mode, bevy::window::WindowMode::Windowed);
}

#[test]
fn running_clock_wakes_the_app_each_second_and_idle_sleeps() {
    let mut app = app();
    app.insert_resource(WinitSettings::desktop_app()).insert_resource(Reactive);
    app.update();
    assert_eq!(app.world().resource::<WinitSettings>().focused_mode, UpdateMode::reactive_low_power(IDLE_WAIT));

    app.world_mut().write_message(UiAction::Clock(ClockAction::Toggle));
    for _ in 0..10 {
        app.update();
    }
    let clock = &app.world().resource::<RoomClock>().0;
    let now = app.world().resource::<Time>().elapsed_secs_f64();
    assert!(clock.is_running());
    assert!((clock.remaining(now) - 59.0).abs() < 0.2, "{}", clock.remaining(now));
    let UpdateMode::Reactive { wait, .. } = app.world().resource::<WinitSettings>().focused_mode else {
        panic!("continuous mode while a clock runs");
    };
    // Once a second, 50 ms after the shown second changes (the first wait lines that up).
    assert!(wait <= Duration::from_millis(1051), "{wait:?}");

    app.world_mut().write_message(UiAction::Clock(ClockAction::Toggle));
    app.update();
    app.update();
    assert_eq!(app.world().resource::<WinitSettings>().focused_mode, UpdateMode::reactive_low_power(IDLE_WAIT));
}

#[test]
fn a_scenario_file_saved_while_the_app_runs_appears_without_restart() {
    use service_camp::features::scenarios::LoadedLibrary;
    let dir = std::env::temp_dir().join(format!("sc-live-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(LoadedLibrary::load(vec![dir.clone()], Default::default()))
        .add_plugins(service_camp::app::core_plugins);
    app.update();
    assert!(app.world().resource::<LoadedLibrary>().library.get("lost-parcel").is_none());

    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lost-parcel.ron");
    std::fs::copy(source, dir.join("lost-parcel.ron")).unwrap();
    let started = std::time::Instant::now();
    while app.world().resource::<LoadedLibrary>().library.get("lost-parcel").is_none() {
        assert!(started.elapsed() < Duration::from_secs(10), "the new file was not picked up");
        std::thread::sleep(Duration::from_millis(20));
        app.update();
    }
    std::fs::write(dir.join("lost-parcel.ron"), "(id: \"lost-parcel\", title: ").unwrap();
    while app.world().resource::<LoadedLibrary>().library.get("lost-parcel").is_some() {
        assert!(started.elapsed() < Duration::from_secs(10), "the broken edit was not picked up");
        std::thread::sleep(Duration::from_millis(20));
        app.update();
    }
    let problems = &app.world().resource::<LoadedLibrary>().problems;
    assert!(problems.iter().any(|p| p.file.ends_with("lost-parcel.ron") && p.line >= 1), "{problems:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_camp_change_is_saved_at_once_and_a_restart_resumes_there() {
    let dir = std::env::temp_dir().join(format!("sc-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("camp.ron");
    let mut app = app();
    app.world_mut().resource_mut::<CurrentSession>().path = Some(path.clone());
    app.world_mut().write_message(UiAction::Edit(SessionEdit::AddTeam));
    app.update();
    let saved = service_camp::core::persist::load_session(&path).expect("the new team was saved");
    assert_eq!(saved.teams.len(), 1);

    let team = saved.teams[0].id();
    let reason = "主动回访".to_owned();
    app.world_mut().write_message(UiAction::Edit(SessionEdit::Adjust { team, points: 5, reason }));
    app.update();
    let saved = service_camp::core::persist::load_session(&path).unwrap();
    assert_eq!(saved.totals(), vec![5]);
    assert!(service_camp::core::persist::backup_path(&path).unwrap().is_file(), "the previous version is kept");

    // A restart opens the file and finds exactly what was on screen.
    let mut problems = Vec::new();
    let (reopened, _) = service_camp::features::camp::open_session(path.clone(), &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(reopened.session, app.world().resource::<CurrentSession>().session);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_room_clock_keeps_wall_time_when_the_app_sleeps_between_frames() {
    let mut app = app();
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(1000)));
    app.world_mut().write_message(UiAction::Clock(ClockAction::Toggle));
    app.update();
    let started = app.world().resource::<Time>().elapsed_secs_f64();
    for _ in 0..5 {
        app.update();
    }
    let now = app.world().resource::<Time>().elapsed_secs_f64();
    assert!((now - started - 5.0).abs() < 1e-6, "five one-second frames are five seconds: {}", now - started);
    let clock = &app.world().resource::<RoomClock>().0;
    assert!((clock.remaining(now) - clock.remaining(started) + 5.0).abs() < 1e-6);
}

#[test]
fn clock_runs_from_keyboard_and_clicker() {
    let mut app = app();
    tap(&mut app, KeyCode::KeyS);
    assert!(app.world().resource::<RoomClock>().0.is_running());
    tap(&mut app, KeyCode::F5);
    assert!(!app.world().resource::<RoomClock>().0.is_running(), "the clicker's start key pauses too");
    tap(&mut app, KeyCode::Equal);
    let now = app.world().resource::<Time>().elapsed_secs_f64();
    let remaining = app.world().resource::<RoomClock>().0.remaining(now);
    assert!(remaining > 60.0 && remaining <= 120.0, "{remaining}");
    tap(&mut app, KeyCode::KeyR);
    let now = app.world().resource::<Time>().elapsed_secs_f64();
    assert_eq!(app.world().resource::<RoomClock>().0.remaining(now), 120.0, "reset keeps the added minute");
}

#[test]
fn the_export_button_writes_the_report_beside_the_session() {
    use service_camp::features::actions::CampAction;
    use service_camp::features::camp::LastExport;
    let dir = std::env::temp_dir().join(format!("sc-export-button-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Session::demo(Lang::Zh));
    app.world_mut().resource_mut::<CurrentSession>().path = Some(dir.join("camp.ron"));
    app.world_mut().write_message(UiAction::Camp(CampAction::Export));
    app.update();
    let folder = app.world().resource::<LastExport>().0.clone().expect("the export folder is reported");
    assert!(folder.starts_with(dir.join("exports")));
    let files: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(
        files.iter().any(|f| f.ends_with("report.html")) && files.iter().any(|f| f.ends_with("xapi.json")),
        "{files:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// The folder watcher reacts to edits only: reading a scenario file (as any tool, or the app's
/// own reload, does) once sent the app into an endless reload loop at 170 % CPU.
#[test]
fn reading_a_scenario_file_reloads_nothing_and_an_edit_reloads_once() {
    use service_camp::features::scenarios::LoadedLibrary;
    let dir = std::env::temp_dir().join(format!("sc-watch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lost-parcel.ron");
    let original =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lost-parcel.ron"))
            .unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(LoadedLibrary::load(vec![dir.clone()], Default::default()))
        .add_plugins(service_camp::app::core_plugins);
    app.update();
    let settle = |app: &mut App| {
        // The watcher reports from its own thread; a burst settles after 200 ms.
        for _ in 0..10 {
            std::thread::sleep(Duration::from_millis(60));
            app.update();
        }
    };
    for _ in 0..5 {
        let _ = std::fs::read_to_string(&file).unwrap();
    }
    settle(&mut app);
    assert_eq!(app.world().resource::<LoadedLibrary>().reloads, 0, "reads are not edits");

    std::fs::write(&file, original.replacen("开业物料整箱丢失", "开业物料整箱不见了", 1)).unwrap();
    settle(&mut app);
    settle(&mut app);
    let library = app.world().resource::<LoadedLibrary>();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(library.reloads, 1, "one edit, one reload (its own reads of the file start no other)");
    assert_eq!(library.library.get("lost-parcel").unwrap().title.zh, "开业物料整箱不见了");
}

/// A save that fails is said once, in one banner line, never as "saved"; a copy saved elsewhere
/// takes over and the warning goes.
#[test]
fn a_failing_save_is_reported_once_and_a_copy_elsewhere_takes_over() {
    use service_camp::features::actions::CampAction;
    use service_camp::features::camp::SaveState;
    use service_camp::features::content::ContentProblems;
    let dir = std::env::temp_dir().join(format!("sc-save-fails-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A file where the session's folder should be: every save fails, even as root.
    std::fs::write(dir.join("not-a-folder"), "").unwrap();
    let unwritable = dir.join("not-a-folder").join("camp.ron");
    let mut app = app_with(Session::demo(Lang::Zh));
    app.world_mut().resource_mut::<CurrentSession>().path = Some(unwritable);
    let problems_before = app.world().resource::<ContentProblems>().0.len();
    for points in [1, 2, 3] {
        let team = app.world().resource::<CurrentSession>().session.teams[0].id();
        let reason = format!("bonus {points}");
        app.world_mut().write_message(UiAction::Edit(SessionEdit::Adjust { team, points, reason }));
        app.update();
    }
    let save = app.world().resource::<SaveState>();
    assert!(!save.all_saved());
    assert!(save.problem.as_deref().unwrap().contains("not-a-folder"), "{:?}", save.problem);
    assert_eq!(app.world().resource::<ContentProblems>().0.len(), problems_before, "no banner line per keystroke");

    let copy = dir.join("copy.ron");
    app.world_mut().write_message(UiAction::Camp(CampAction::SaveAs(copy.clone())));
    app.update();
    assert!(app.world().resource::<SaveState>().all_saved());
    assert_eq!(app.world().resource::<CurrentSession>().path.as_deref(), Some(copy.as_path()));
    let saved = service_camp::core::persist::load_session(&copy).unwrap();
    assert_eq!(saved.ledger.len(), Session::demo(Lang::Zh).ledger.len() + 3, "the three bonuses are in the copy");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Two windows on one session file: the second shows it read-only instead of overwriting the
/// first one's work.
#[test]
fn a_second_window_on_the_same_session_file_saves_nothing() {
    use service_camp::features::camp::SaveState;
    let dir = std::env::temp_dir().join(format!("sc-two-writers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("camp.ron");
    service_camp::core::persist::save_session(&Session::demo(Lang::En), &path).unwrap();
    let first = SaveState::for_path(Some(&path));
    assert!(first.all_saved());
    let mut second = app_with(service_camp::core::persist::load_session(&path).unwrap());
    second.world_mut().resource_mut::<CurrentSession>().path = Some(path.clone());
    second.insert_resource(SaveState::for_path(Some(&path)));
    assert!(second.world().resource::<SaveState>().read_only);
    let before = std::fs::read_to_string(&path).unwrap();
    second.world_mut().write_message(UiAction::Edit(SessionEdit::Rename("overwritten".into())));
    second.update();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "the first window's file is untouched");
    drop(first);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One HTTP request to the app's room server, answered while the app keeps updating (the
/// app's frame is what answers phones).
fn phone_request(app: &mut App, port: u16, request: String) -> (u16, serde_json::Value) {
    let asking = std::thread::spawn(move || crate::support::http_exchange(port, &request));
    for _ in 0..500 {
        if asking.is_finished() {
            break;
        }
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
    crate::support::http_reply(&asking.join().unwrap())
}

fn post(path: &str, token: Option<&str>, body: &str) -> String {
    let bearer = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = bearer.iter().map(|b| ("Authorization", b.as_str())).collect();
    crate::support::http_request("POST", path, &headers, body)
}

#[test]
fn f6_turns_phones_on_and_a_phone_edits_the_team_card_the_projector_shows() {
    use service_camp::core::room::RoomStage;
    use service_camp::features::phones::Phones;
    let mut app = app_with(Session::demo_before_the_vote(Lang::Zh));
    tap(&mut app, KeyCode::F6);
    let phones = app.world().resource::<Phones>();
    assert!(phones.running() && phones.card_open, "F6 starts the server and opens the join card");
    let port = phones.port();
    let code = app.world().resource::<CurrentSession>().session.room.code.clone();
    assert_eq!(code.len(), 4);
    assert_eq!(phones.links(&code).len(), service_camp::server::join::lan_addresses().len());

    // The projector's screen sets what phones show.
    app.world_mut().write_message(UiAction::Go(Screen::Teams));
    app.update();
    app.update();
    assert_eq!(app.world().resource::<CurrentSession>().session.room.stage, RoomStage::TeamDesign);

    let join = format!(r#"{{"code":"{code}","team":1,"name":"王磊"}}"#);
    let (status, reply) = phone_request(&mut app, port, post("/api/join", None, &join));
    assert_eq!(status, 200, "{reply}");
    let token = reply["token"].as_str().unwrap().to_owned();
    let slogan = r#"{"do":"team","field":"slogan","text":"从手机来的口号"}"#;
    let (status, reply) = phone_request(&mut app, port, post("/api/act", Some(&token), slogan));
    assert_eq!(status, 200, "{reply}");
    let session = &app.world().resource::<CurrentSession>().session;
    assert_eq!(session.teams[0].slogan, "从手机来的口号");
    assert_eq!(session.room.seats.len(), 1);

    tap(&mut app, KeyCode::F7);
    assert!(!app.world().resource::<Phones>().card_open, "F7 hides the card");
    tap(&mut app, KeyCode::F6);
    assert!(!app.world().resource::<Phones>().running(), "F6 again turns phones off");
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the server stopped listening");
}
