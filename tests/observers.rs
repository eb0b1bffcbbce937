//! Observers end to end: the app headless with phones on and a live round, three real phone
//! pages in headless Chromium tapping blind, the grace after the end, the reveal on the
//! console, the consensus settled in one action, and the round scored on it.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use service_camp::core::lang::Lang;
use service_camp::core::round::{RoundReview, RoundRules};
use service_camp::core::session::{Session, SessionEdit, TeamId};
use service_camp::features::actions::{RoundAction, UiAction};
use service_camp::features::content::CurrentSession;
use service_camp::features::phones::Phones;
use service_camp::features::rounds::RoundDesk;

use crate::rounds::{act, app_with, tap};

fn session(app: &App) -> &Session {
    &app.world().resource::<CurrentSession>().session
}

#[test]
fn three_phones_observe_a_round_blind_and_the_room_settles_where_it_disagreed() {
    if !crate::phones::phone_scripts_ready("the observers' pages") {
        return;
    }
    let mut app = app_with(Session::demo(Lang::Zh));
    // Round time at about real time while the loop below sleeps between frames.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(10)));
    let grace = RoundRules { observer_grace_secs: 3, ..RoundRules::default() };
    act(&mut app, UiAction::Edit(SessionEdit::SetRoundRules(grace)));
    tap(&mut app, KeyCode::F6);
    act(&mut app, UiAction::Round(RoundAction::SetTeam(TeamId(1))));
    act(&mut app, UiAction::Round(RoundAction::SetRep("李娜".into())));
    act(&mut app, UiAction::Round(RoundAction::Start));
    let round = session(&app).rounds.len() - 1;
    act(&mut app, UiAction::Round(RoundAction::Press("7a.accept".into())));
    let port = app.world().resource::<Phones>().port();
    let code = session(&app).room.code.clone();

    let base = format!("http://127.0.0.1:{port}");
    let (mut driver, shots) = crate::phones::run_phone_script("observe.mjs", "observe", &base, &code);
    let mut to_driver = driver.stdin.take().unwrap();
    let lines = crate::phones::lines_of(driver.stdout.take().unwrap());
    // The app's frames answer the phones: keep them coming while the pages work.
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut summary = String::new();
    let mut hidden_while_scoring = None;
    while Instant::now() < deadline {
        app.update();
        std::thread::sleep(Duration::from_millis(5));
        match lines.try_recv() {
            Ok(line) if line == "TAPPED" => {
                // Blind: the console has no calibration before the reveal.
                hidden_while_scoring =
                    Some(app.world().resource::<RoundDesk>().view.as_ref().unwrap().calibration.is_none());
                act(&mut app, UiAction::Round(RoundAction::End));
                writeln!(to_driver, "ok").unwrap();
            }
            Ok(line) => summary = line,
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => break,
        }
    }
    let output = driver.wait_with_output().unwrap();
    assert!(output.status.success(), "the observers' script failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_str(&summary).unwrap_or_else(|_| panic!("summary: {summary}"));
    assert_eq!(seen["servingTeamHasPad"], false, "the serving team is observed, not observing");
    assert_eq!(seen["servingTeamTold"], "这是你们队的轮次:由其他人观察。");
    assert_eq!(seen["doubleTap"], "已记下:一秒内重复点了同一个按钮。");
    assert_eq!(seen["zhouTapsAfterReload"], "已点:2 次", "a dropped phone keeps its taps");
    assert!(seen["grace"].as_str().unwrap().starts_with("本轮已结束:还有"), "{}", seen["grace"]);
    assert_eq!(hidden_while_scoring, Some(true));
    let clock = seen["clockShown"].as_str().unwrap();
    assert!(clock.len() == 5 && clock.as_bytes()[2] == b':', "the round clock on the pad: {clock}");
    assert_eq!(seen["padButtons"], 33, "7A, the six steps, 15 penalties and 5 bonuses");

    // The console after the grace: revealed, the most disputed item first.
    let record = &session(&app).rounds[round];
    assert!(record.observers_revealed, "the grace ran out and revealed the taps");
    let calibration = app.world().resource::<RoundDesk>().view.as_ref().unwrap().calibration.clone().unwrap();
    assert_eq!(calibration.observers.len(), 3);
    let first = &calibration.items[0];
    assert_eq!((first.tag.as_str(), first.seen_by, first.trainer_at), ("7a.acknowledge", 3, None));
    assert!(first.disputed());
    // 陈静 tapped Accept, Acknowledge, Analyze and (in the grace) Agreement.
    let chen = session(&app).room.seats.iter().find(|s| s.name == "陈静").unwrap().id;
    let taps: Vec<&str> = record.observer_marks.iter().filter(|m| m.seat == chen).map(|m| m.tag.as_str()).collect();
    assert_eq!(taps, ["7a.accept", "7a.acknowledge", "7a.analyze", "7a.agreement"]);
    let chen_points = calibration.judge(chen).unwrap().points;
    assert_eq!(
        seen["chenPoints"],
        format!("你的裁判分:{chen_points}(与共识一致 {:.0}%)", calibration.judge(chen).unwrap().agreement() * 100.0)
    );

    // The trainer takes the room's majority (M) and awards: the round scores on the consensus.
    let trainer_only = RoundReview::of(record, crate::support::rubrics(), Lang::Zh).total();
    act(&mut app, UiAction::Round(RoundAction::AcceptMajority));
    let record = &session(&app).rounds[round];
    assert_eq!(record.consensus.len(), 1);
    let consensus = RoundReview::of(record, crate::support::rubrics(), Lang::Zh).total();
    assert!(consensus > trainer_only, "Acknowledge counts: {consensus} > {trainer_only}");
    act(&mut app, UiAction::Round(RoundAction::Finish));
    let record = &session(&app).rounds[round];
    let entry = &session(&app).ledger[record.ledger_entry.unwrap()];
    assert!(entry.reason.contains(&format!("{consensus:.0}")), "{}", entry.reason);
    let judges = &app.world().resource::<RoundDesk>().judges;
    assert!(judges.iter().any(|j| j.seat == chen), "陈静 is among the day's judges");
    for name in ["observe-zh", "observe-en", "observe-grace-en", "observe-result-zh", "observe-result-en"] {
        assert!(shots.join(format!("phone-{name}.png")).is_file(), "phone-{name}.png");
    }
}

/// The round app (three teams, lost parcel) with one seat in each of the other two teams.
fn app_with_two_observers() -> (App, [service_camp::core::room::SeatId; 2]) {
    use service_camp::core::room::{JoinRequest, RoomEdit};
    let mut camp = Session::new("observers", Lang::Zh);
    for name in ["闪电队", "海豚队", "雄鹰队"] {
        camp.add_team(name, "⚡").unwrap();
    }
    let cx = service_camp::core::session::EditContext::new(service_camp::core::session::Timestamp(0), None);
    camp.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("2468".into()))), &cx).unwrap();
    let seats = [(TeamId(2), "阿明"), (TeamId(3), "大刘")].map(|(team, name)| {
        let join = JoinRequest { code: "2468".into(), team, name: name.into() };
        camp.join_from_phone(&join, &cx).unwrap().0
    });
    let mut app = app_with(camp);
    act(&mut app, UiAction::Round(RoundAction::SetTeam(TeamId(1))));
    act(&mut app, UiAction::Round(RoundAction::Start));
    (app, seats)
}

#[test]
fn without_observers_a_round_ends_and_lands_as_before() {
    let (mut app, _) = app_with_two_observers();
    act(&mut app, UiAction::Round(RoundAction::Press("7a.accept".into())));
    act(&mut app, UiAction::Round(RoundAction::End));
    let desk = app.world().resource::<RoundDesk>();
    assert_eq!(desk.grace_until, None, "nobody to wait for");
    assert_eq!(desk.view.as_ref().unwrap().calibration, None);
    tap(&mut app, KeyCode::KeyV);
    assert!(!session(&app).rounds[0].observers_revealed, "V does nothing without observers");
    tap(&mut app, KeyCode::Enter);
    assert!(session(&app).rounds[0].ledger_entry.is_some());
}

#[test]
fn the_trainer_reveals_before_the_grace_runs_out_takes_the_majority_and_shows_the_projector() {
    let (mut app, [ming, liu]) = app_with_two_observers();
    act(&mut app, UiAction::Round(RoundAction::Press("7a.accept".into())));
    for (seat, tag) in [(ming, "7a.accept"), (ming, "7a.apologize"), (liu, "7a.apologize")] {
        let observe = SessionEdit::SeatObserve { round: 0, seat, tag: tag.into(), t: 10.0 };
        act(&mut app, UiAction::Edit(observe));
    }
    act(&mut app, UiAction::Round(RoundAction::End));
    let desk = app.world().resource::<RoundDesk>();
    let left = desk.grace_until.map(|(_, until)| until - app.world().resource::<Time>().elapsed_secs_f64());
    assert!(left.is_some_and(|left| (29.0..=30.0).contains(&left)), "30 s of grace by default: {left:?}");
    assert_eq!(desk.view.as_ref().unwrap().calibration, None, "blind until the reveal");
    tap(&mut app, KeyCode::KeyV);
    assert!(session(&app).rounds[0].observers_revealed, "V reveals at once");
    let calibration = app.world().resource::<RoundDesk>().view.as_ref().unwrap().calibration.clone().unwrap();
    let apologize = &calibration.items[0];
    assert_eq!((apologize.tag.as_str(), apologize.seen_by, apologize.disputed()), ("7a.apologize", 2, true));
    tap(&mut app, KeyCode::KeyM);
    let consensus = &session(&app).rounds[0].consensus;
    assert_eq!(consensus.len(), 1);
    assert_eq!((consensus[0].tag.as_str(), consensus[0].present), ("7a.apologize", true));
    assert!(!app.world().resource::<RoundDesk>().reveal_on_projector);
    tap(&mut app, KeyCode::KeyV);
    assert!(app.world().resource::<RoundDesk>().reveal_on_projector, "V again puts the reveal on the projector");
    // A late tap after the reveal is refused: the pads are closed.
    let late = SessionEdit::SeatObserve { round: 0, seat: liu, tag: "7a.accept".into(), t: 10.0 };
    act(&mut app, UiAction::Edit(late));
    assert_eq!(session(&app).rounds[0].observer_marks.len(), 3);
}
