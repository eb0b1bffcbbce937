//! A whole role-play round driven headless with manual time: set-up, scoring from the keyboard,
//! undo, walk-outs, peer ratings, and the points landing on the leaderboard.

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy::window::PrimaryWindow;
use service_camp::core::lang::Lang;
use service_camp::core::round::{Observed, RoundEnding};
use service_camp::core::scoring::known_tags;
use service_camp::core::session::{PointsSource, Session, TeamId};
use service_camp::features::actions::LibraryAction;
use service_camp::features::actions::RoundAction;
use service_camp::features::actions::UiAction;
use service_camp::features::content::{CurrentSession, LoadedRubrics};
use service_camp::features::room_clock::RoomClock;
use service_camp::features::rounds::RoundDesk;
use service_camp::features::scenarios::LoadedLibrary;
use service_camp::features::screen::Screen;

/// Three teams, the lost-parcel scenario chosen, the round screen up; 100 ms per update.
fn round_app() -> App {
    app_with(three_teams())
}

/// 闪电队 (小王, 小李), 海豚队 (阿明, 阿芳) and 雄鹰队 (大刘, 小周).
pub(crate) fn three_teams() -> Session {
    let mut session = Session::new("rounds", Lang::Zh);
    for (name, members) in [("闪电队", ["小王", "小李"]), ("海豚队", ["阿明", "阿芳"]), ("雄鹰队", ["大刘", "小周"])]
    {
        let id = session.add_team(name, "⚡").unwrap();
        session.team_mut(id).unwrap().members = members.map(String::from).to_vec();
    }
    session
}

/// The app on `session`, the lost-parcel scenario chosen, the round screen up.
pub(crate) fn app_with(session: Session) -> App {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rubrics = crate::support::rubrics().clone();
    let shelf = LoadedLibrary::load(vec![root.join("scenarios")], known_tags(&rubrics));
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(100)))
        .insert_resource(CurrentSession { session, path: None })
        .insert_resource(LoadedRubrics(rubrics))
        .insert_resource(shelf)
        .add_plugins((service_camp::app::core_plugins, service_camp::features::window::plugin));
    app.world_mut().spawn((Window::default(), PrimaryWindow));
    app.update();
    act(&mut app, UiAction::Library(LibraryAction::Select("lost-parcel".into())));
    act(&mut app, UiAction::Go(Screen::Round));
    // Keys are read before the screen changes within a frame: let the change land first.
    app.update();
    app
}

pub(crate) fn act(app: &mut App, action: UiAction) {
    app.world_mut().write_message(action);
    app.update();
}

pub(crate) fn tap(app: &mut App, key_code: KeyCode) {
    let window = app.world_mut().query_filtered::<Entity, With<PrimaryWindow>>().single(app.world()).unwrap();
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window,
        });
        app.update();
    }
}

fn wait(app: &mut App, secs: f64) {
    for _ in 0..(secs * 10.0).round() as usize {
        app.update();
    }
}

fn session(app: &App) -> &Session {
    &app.world().resource::<CurrentSession>().session
}

fn teams(app: &App) -> Vec<TeamId> {
    session(app).team_ids()
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn desk(app: &App) -> &RoundDesk {
    app.world().resource::<RoundDesk>()
}

fn start(app: &mut App, team: TeamId) {
    act(app, UiAction::Round(RoundAction::SetTeam(team)));
    act(app, UiAction::Round(RoundAction::SetRep("小王".into())));
    tap(app, KeyCode::Space);
    assert_eq!(session(app).rounds.len(), 1, "Space starts the round");
    assert!(app.world().resource::<RoomClock>().0.is_running());
}

#[test]
fn a_five_minute_round_is_scored_from_the_keyboard_and_its_points_land_on_the_leaderboard() {
    let mut app = round_app();
    let ids = teams(&app);
    start(&mut app, ids[0]);
    let record = &session(&app).rounds[0];
    assert_eq!((record.scenario.as_str(), record.team, record.rep.as_str()), ("lost-parcel", ids[0], "小王"));
    assert_eq!(app.world().resource::<RoomClock>().0.remaining(0.0), f64::from(record.time_limit_secs));

    // The 7A steps are on the digit keys, in the model's order.
    for digit in [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3, KeyCode::Digit4] {
        wait(&mut app, 8.0);
        tap(&mut app, digit);
    }
    // A mis-press of the first penalty key (A: the taboo phrase) is undone.
    tap(&mut app, KeyCode::KeyA);
    assert!(matches!(&session(&app).rounds[0].events.last().unwrap().what, Observed::Tag(t) if t == "penalty.taboo"));
    let mood_with_penalty = desk(&app).view.as_ref().unwrap().review.mood;
    tap(&mut app, KeyCode::Backspace);
    let view = desk(&app).view.as_ref().unwrap();
    assert!(view.review.penalties.iter().all(|p| p.name.en != "Taboo phrase"), "undo took the penalty back");
    assert!(view.review.mood > mood_with_penalty);
    for digit in [KeyCode::Digit5, KeyCode::Digit6, KeyCode::Digit7] {
        wait(&mut app, 8.0);
        tap(&mut app, digit);
    }
    let record = &session(&app).rounds[0];
    let times: Vec<f64> = record.events.iter().map(|e| e.t).collect();
    assert_eq!(times.len(), 7);
    assert!(times.windows(2).all(|w| w[1] > w[0]), "presses carry the round time: {times:?}");
    assert!((times[0] - 8.0).abs() < 0.5, "first press at about 8 s: {}", times[0]);
    let seven_a = desk(&app).view.as_ref().unwrap().review.timelines.iter().find(|t| t.model == "7a").unwrap().clone();
    assert!(seven_a.checklist.iter().all(|(_, done)| *done), "the checklist lights up");
    assert!(seven_a.shown.iter().all(|s| !s.out_of_order));

    // Space pauses: the clock stops and presses keep their time.
    tap(&mut app, KeyCode::Space);
    let clock = app.world().resource::<RoomClock>().0.clone();
    wait(&mut app, 5.0);
    assert_eq!(app.world().resource::<RoomClock>().0, clock, "a paused clock stands still");
    tap(&mut app, KeyCode::Space);

    tap(&mut app, KeyCode::End);
    assert_eq!(session(&app).rounds[0].ending, Some(RoundEnding::Ended));
    assert!(!app.world().resource::<RoomClock>().0.is_running());
    let gain = desk(&app).view.as_ref().unwrap().best_gain.clone();
    // Every 7A step shown, in order, and no penalty: no single change would gain more.
    assert_eq!(gain.map(|g| g.points), None);

    // The two other teams rate in turn with the digit keys; the serving team never rates.
    tap(&mut app, KeyCode::Digit4);
    tap(&mut app, KeyCode::Digit5);
    let ratings = &session(&app).rounds[0].peer_ratings;
    assert_eq!(ratings.iter().map(|r| (r.team, r.stars)).collect::<Vec<_>>(), [(ids[1], 4), (ids[2], 5)]);

    let score = desk(&app).view.as_ref().unwrap().review.total();
    assert_eq!(score, 89.9, "a clean 7A round scores well");
    tap(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::RoundResult);
    let session = session(&app);
    let entry = session.rounds[0].ledger_entry.expect("the points landed");
    assert_eq!(session.ledger[entry].source, PointsSource::Round(1));
    // Trainer 89.9 of 20 points is 17.98, so 18; peers (4 + 5) / 2 = 4.5 stars × 2 = 9.
    assert_eq!(session.totals()[0], 27);
    assert_eq!(session.ranking()[0], 0, "the serving team leads the board");
}

#[test]
fn penalties_drive_the_customer_out_which_ends_the_round_and_undo_reopens_it() {
    let mut app = round_app();
    let ids = teams(&app);
    start(&mut app, ids[1]);
    let mut presses = 0;
    while session(&app).rounds[0].ending.is_none() {
        wait(&mut app, 1.0);
        // V (contempt) and N (impatience) are attitude red lines.
        tap(&mut app, if presses % 2 == 0 { KeyCode::KeyV } else { KeyCode::KeyN });
        presses += 1;
        assert!(presses < 40, "the customer never walked out");
    }
    assert_eq!(session(&app).rounds[0].ending, Some(RoundEnding::WalkedOut));
    assert!(!app.world().resource::<RoomClock>().0.is_running(), "the clock stops when the customer leaves");
    let view = desk(&app).view.as_ref().unwrap();
    assert!(view.review.walked_out && view.review.mood == 0.0);
    let gain = view.best_gain.as_ref().expect("the result names the change worth most");
    assert!(gain.points > 0.0, "{gain:?}");
    // Scoring keys do nothing once the round is over.
    let events = session(&app).rounds[0].events.len();
    tap(&mut app, KeyCode::Digit1);
    assert_eq!(session(&app).rounds[0].events.len(), events);

    tap(&mut app, KeyCode::Backspace);
    assert_eq!(session(&app).rounds[0].ending, None, "taking back the last penalty brings the customer back");
    assert_eq!(session(&app).rounds[0].events.len(), events - 1);
}

#[test]
fn a_customer_left_waiting_walks_out_on_the_clock_alone() {
    let mut app = round_app();
    let ids = teams(&app);
    start(&mut app, ids[2]);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(1)));
    let mut waited = 0;
    while session(&app).rounds[0].ending.is_none() {
        app.update();
        waited += 1;
        assert!(waited < 1200, "patience never ran out");
    }
    let record = &session(&app).rounds[0];
    assert_eq!(record.ending, Some(RoundEnding::WalkedOut));
    assert_eq!(record.events.last().unwrap().what, Observed::CustomerLeft);
    assert!(!app.world().resource::<RoomClock>().0.is_running());
    // The mood gauge drained towards the walk-out: the review agrees it is 0.
    assert_eq!(desk(&app).view.as_ref().unwrap().review.mood, 0.0);
}

#[test]
fn a_round_needs_a_team_and_a_scenario_and_only_one_runs_at_a_time() {
    let mut app = round_app();
    tap(&mut app, KeyCode::Space);
    assert!(session(&app).rounds.is_empty(), "no serving team chosen");
    let ids = teams(&app);
    start(&mut app, ids[0]);
    act(&mut app, UiAction::Round(RoundAction::Start));
    assert_eq!(session(&app).rounds.len(), 1, "a second start is refused while the round is open");
    tap(&mut app, KeyCode::Digit1);
    act(&mut app, UiAction::Round(RoundAction::Abandon));
    assert!(session(&app).rounds.is_empty(), "a round started by mistake can be discarded");
    assert!(session(&app).ledger.is_empty());
    act(&mut app, UiAction::Round(RoundAction::RestoreDiscarded));
    assert_eq!(session(&app).rounds.len(), 1, "and brought back");
    assert_eq!(session(&app).rounds[0].events.len(), 1, "with its press");
    assert!(desk(&app).discarded.is_none());
    assert!(!app.world().resource::<RoomClock>().0.is_running(), "paused until the trainer resumes");
}

#[test]
fn a_reopened_session_shows_its_last_round_and_an_unfinished_one_resumes_paused_where_it_was() {
    let mut app = round_app();
    let ids = teams(&app);
    start(&mut app, ids[0]);
    wait(&mut app, 12.0);
    tap(&mut app, KeyCode::Digit1);
    wait(&mut app, 3.0);
    let saved = session(&app).clone();

    // The app stops mid-round (a crash, a flat battery) and opens the session file again.
    let mut reopened = app_with(saved);
    let shown = desk(&reopened);
    assert_eq!(shown.shown, Some(0));
    assert_eq!(shown.view.as_ref().unwrap().review.timelines[0].shown.len(), 1, "the press is replayed");
    let clock = &reopened.world().resource::<RoomClock>().0;
    let now = reopened.world().resource::<Time>().elapsed_secs_f64();
    assert!(!clock.is_running(), "the round waits for the trainer");
    let pressed_at = session(&reopened).rounds[0].events[0].t;
    assert!((clock.elapsed(now) - pressed_at).abs() < 1e-6, "the clock resumes at the last press");

    tap(&mut reopened, KeyCode::Space);
    wait(&mut reopened, 5.0);
    tap(&mut reopened, KeyCode::Digit2);
    let events = &session(&reopened).rounds[0].events;
    assert!(events[1].t > events[0].t + 4.0, "time goes on from where it stopped: {events:?}");
}
