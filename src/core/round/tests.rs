use std::path::Path;

use super::calibration::judge_standings;
use super::*;
use crate::core::lang::Lang;
use crate::core::scenario::Scenario;
use crate::core::session::{Applied, EditContext, PointsSource, Session, SessionEdit, SessionError, TeamId, Timestamp};

use crate::core::scoring::shipped_rubrics as rubrics;

fn scenario(id: &str) -> Scenario {
    let path = crate::core::paths::scenarios_dir().join(format!("{id}.ron"));
    crate::core::scenario::load_str(Path::new(&path), &std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// A session with three teams and a lost-parcel round (7A, six steps) served by the first.
fn session_with_round() -> Session {
    let mut session = Session::new("test", Lang::Zh);
    for name in ["Alpha", "Beta", "Gamma"] {
        session.add_team(name, "🦊").unwrap();
    }
    let team = session.team_ids()[0];
    let cast = RoundCast { team: Some(team), rep: "小王".into(), ..RoundCast::default() };
    session.rounds.push(RoundRecord::new(1, &scenario("lost-parcel"), &cast, team, Timestamp(0)));
    session
}

fn press(record: &mut RoundRecord, t: f64, tag: &str) {
    record.observe(rubrics(), Lang::Zh, t, Observed::Tag(tag.into()));
}

const SEVEN_A_IN_ORDER: [&str; 7] =
    ["accept", "apologize", "acknowledge", "analyze", "alternatives", "agreement", "assurance"];

#[test]
fn a_round_scored_in_the_model_order_earns_a_high_score_and_its_points_land_once() {
    let mut session = session_with_round();
    let record = &mut session.rounds[0];
    for (i, step) in SEVEN_A_IN_ORDER.iter().enumerate() {
        press(record, 5.0 + 20.0 * i as f64, &format!("7a.{step}"));
    }
    record.end(150.0, RoundEnding::Ended);
    let review = RoundReview::of(record, rubrics(), Lang::Zh);
    assert_eq!(review.total(), 87.6, "every step in order, the last at 125 s");
    let seven_a = review.timelines.iter().find(|t| t.model == "7a").unwrap();
    assert_eq!(seven_a.shown.iter().map(|s| s.step.as_str()).collect::<Vec<_>>(), SEVEN_A_IN_ORDER);
    assert!(seven_a.shown.iter().all(|s| !s.out_of_order));
    assert!(seven_a.checklist.iter().all(|(_, done)| *done));
    assert!(review.mood > 60.0, "a well-handled customer calms down: {}", review.mood);

    let team = record.team;
    let cx = EditContext::new(Timestamp(9), Some(rubrics()));
    let Ok(Applied::Ledger(entry)) = session.apply(&SessionEdit::AwardRound { round: 0 }, &cx) else { panic!() };
    let again = session.apply(&SessionEdit::AwardRound { round: 0 }, &cx);
    assert_eq!(again, Err(SessionError::RoundAwarded(0)), "points land only once");
    assert_eq!(session.ledger.len(), 1);
    assert_eq!(session.ledger[entry].source, PointsSource::Round(1));
    // No peers rated: the trainer's 87.6 alone, scaled to 20: 17.52, so 18 points.
    assert_eq!(session.ledger[entry].points, 18);
    assert_eq!(session.totals()[session.team_index(team).unwrap()], 18);
}

#[test]
fn a_step_after_a_later_phase_is_marked_out_of_order_and_costs_points() {
    let mut in_order = session_with_round().rounds.remove(0);
    let mut reversed = in_order.clone();
    press(&mut in_order, 5.0, "7a.apologize");
    press(&mut in_order, 25.0, "7a.alternatives");
    press(&mut reversed, 5.0, "7a.alternatives");
    press(&mut reversed, 25.0, "7a.apologize");
    let (good, bad) =
        (RoundReview::of(&in_order, rubrics(), Lang::Zh), RoundReview::of(&reversed, rubrics(), Lang::Zh));
    let marks = |review: &RoundReview| {
        let seven_a = review.timelines.iter().find(|t| t.model == "7a").unwrap();
        seven_a.shown.iter().map(|s| (s.step.clone(), s.out_of_order)).collect::<Vec<_>>()
    };
    assert_eq!(marks(&good), [("apologize".into(), false), ("alternatives".into(), false)]);
    assert_eq!(marks(&bad), [("alternatives".into(), false), ("apologize".into(), true)]);
    assert!(bad.report.models["7a"].score < good.report.models["7a"].score);
}

#[test]
fn penalties_can_make_the_customer_walk_out_and_undo_brings_them_back() {
    let mut record = session_with_round().rounds.remove(0);
    let mut t = 2.0;
    while record.is_running() {
        press(&mut record, t, "penalty.contempt");
        press(&mut record, t + 1.0, "penalty.refusal");
        t += 2.0;
        assert!(t < 200.0, "the customer never left");
    }
    assert_eq!(record.ending, Some(RoundEnding::WalkedOut));
    let review = RoundReview::of(&record, rubrics(), Lang::Zh);
    assert!(review.walked_out && review.mood == 0.0);
    assert!(review.penalties.iter().all(|p| p.points < 0.0 && p.said.is_empty()));

    let events = record.events.len();
    let removed = record.undo(rubrics(), Lang::Zh).unwrap();
    assert_eq!(record.events.len(), events - 1);
    assert!(matches!(removed.what, Observed::Tag(ref tag) if tag.starts_with("penalty.")));
    assert!(record.is_running(), "the mis-press that made them leave is taken back");
    assert!(!RoundReview::of(&record, rubrics(), Lang::Zh).walked_out);
}

#[test]
fn a_customer_left_waiting_runs_out_of_patience_at_the_predicted_moment() {
    let mut record = session_with_round().rounds.remove(0);
    let runs_out = record.replay(rubrics(), Lang::Zh).patience_runs_out_at().unwrap();
    let review = RoundReview::of(&record, rubrics(), Lang::Zh);
    assert!(review.mood_at(runs_out / 2.0) < review.mood && review.mood_at(runs_out / 2.0) > 0.0);
    assert!(!record.check_patience(rubrics(), Lang::Zh, runs_out - 1.0));
    assert!(record.check_patience(rubrics(), Lang::Zh, runs_out + 5.0));
    assert_eq!(record.ending, Some(RoundEnding::WalkedOut));
    assert_eq!(record.events.last().unwrap().what, Observed::CustomerLeft);
    // Nothing was pressed, so there is nothing to undo.
    assert!(record.undo(rubrics(), Lang::Zh).is_none());
}

#[test]
fn typed_quotes_are_scored_with_the_words_shown_on_the_result() {
    let mut record = session_with_round().rounds.remove(0);
    record.observe(rubrics(), Lang::Zh, 4.0, Observed::Quote("非常抱歉让您久等了".into()));
    record.observe(rubrics(), Lang::Zh, 20.0, Observed::Quote("这是公司的规定,我也没办法".into()));
    let review = RoundReview::of(&record, rubrics(), Lang::Zh);
    let seven_a = review.timelines.iter().find(|t| t.model == "7a").unwrap();
    assert!(seven_a.shown.iter().any(|s| s.step == "apologize" && s.said.contains("抱歉")));
    let taboo = review.penalties.iter().find(|p| p.name.en == "Taboo phrase").expect("the taboo phrase is caught");
    assert_eq!((taboo.t, taboo.said.as_str()), (20.0, "这是公司的规定"));
    // An apology with nothing done about the parcel is a wrong way of its own.
    assert!(review.penalties.iter().any(|p| p.said == "抱歉" && p.points < 0.0));
}

#[test]
fn the_best_gain_names_the_costliest_mistake_or_the_most_valuable_missing_step() {
    let mut record = session_with_round().rounds.remove(0);
    for (i, step) in SEVEN_A_IN_ORDER.iter().enumerate() {
        press(&mut record, 5.0 + 10.0 * i as f64, &format!("7a.{step}"));
    }
    press(&mut record, 80.0, "penalty.taboo");
    let gain = best_gain(&record, rubrics(), Lang::Zh).unwrap();
    assert!(matches!(gain.change, Improvement::Avoid { .. }), "{gain:?}");
    let with_taboo = RoundReview::of(&record, rubrics(), Lang::Zh).total();
    record.undo(rubrics(), Lang::Zh);
    let without = RoundReview::of(&record, rubrics(), Lang::Zh).total();
    assert!((gain.points - (without - with_taboo)).abs() < 0.11, "{} vs {}", gain.points, without - with_taboo);

    let mut missing_apology = session_with_round().rounds.remove(0);
    for (i, step) in SEVEN_A_IN_ORDER.iter().enumerate().filter(|(_, s)| **s != "apologize") {
        press(&mut missing_apology, 5.0 + 10.0 * i as f64, &format!("7a.{step}"));
    }
    let gain = best_gain(&missing_apology, rubrics(), Lang::Zh).unwrap();
    assert!(matches!(gain.change, Improvement::Step { .. }), "{gain:?}");
    assert!(gain.points > 0.0);
}

#[test]
fn peers_rate_other_teams_only_and_their_stars_add_by_the_stated_weight() {
    let mut session = session_with_round();
    let ids = session.team_ids();
    let record = &mut session.rounds[0];
    record.rate(ids[0], 5);
    assert!(record.peer_ratings.is_empty(), "the serving team cannot rate itself");
    record.rate(ids[1], 4);
    record.rate(ids[2], 3);
    record.rate(ids[2], 5);
    assert_eq!(record.peer_average(), Some(4.5));
    record.rate(ids[2], 0);
    assert_eq!(record.peer_average(), Some(4.0));

    // The default rules: 20 points for a perfect score, 2 points per peer star.
    let points = RoundPoints::of(76.0, Some(4.0), &session.round_rules);
    assert_eq!((points.from_score, points.from_peers, points.total()), (15, 8, 23), "76% of 20 is 15.2; 4.0★ × 2 = 8");
    let generous = RoundRules { points_for_full_score: 30, points_per_peer_star: 1.5, ..RoundRules::default() };
    let points = RoundPoints::of(85.0, Some(4.5), &generous);
    assert_eq!((points.from_score, points.from_peers), (26, 7), "85% of 30 is 25.5, rounded up; 4.5★ × 1.5 = 6.75");
    assert_eq!(RoundPoints::of(140.0, None, &generous).total(), 30, "a score never counts past 100");
}

#[test]
fn the_pad_gives_every_step_and_penalty_its_own_key_and_leaves_the_clicker_keys_alone() {
    for models in [vec!["7a".to_string(), "six_step".to_string()], vec!["eoac".to_string()]] {
        let pad = scoring_pad(rubrics(), &models);
        let buttons: Vec<&PadButton> = pad.iter().flat_map(|g| &g.buttons).collect();
        let keys: Vec<char> = buttons.iter().filter_map(|b| b.key).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "keys are unique");
        assert!(keys.iter().all(|k| !"BLSR".contains(*k)));
        for b in buttons.iter().filter(|b| matches!(b.kind, PadKind::Step | PadKind::Penalty(_))) {
            assert!(b.key.is_some(), "{} has a key", b.tag);
            assert_eq!(button_for_key(&pad, b.key.unwrap()).unwrap().tag, b.tag);
        }
        let steps = buttons.iter().filter(|b| b.kind == PadKind::Step).count();
        let expected: usize = models.iter().map(|m| rubrics().model(m).unwrap().steps.len()).sum();
        assert_eq!(steps, expected);
    }
}

#[test]
fn a_session_with_rounds_saves_and_loads_unchanged() {
    let mut session = session_with_round();
    let ids = session.team_ids();
    let record = &mut session.rounds[0];
    press(record, 3.0, "7a.accept");
    record.observe(rubrics(), Lang::Zh, 9.0, Observed::Quote("您好,请问是什么情况?".into()));
    record.customer = CustomerPlayer::Member { team: ids[1], name: "李雷".into() };
    record.rate(ids[2], 4);
    record.end(30.0, RoundEnding::Ended);
    let text = ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default()).unwrap();
    let back = Session::parse(Path::new("rounds.ron"), &text).unwrap();
    assert_eq!(back, session);
    assert_eq!(back.rounds[0].team, TeamId(ids[0].0));
}

#[test]
fn every_demo_round_holds_the_points_its_events_earn_in_both_languages() {
    let zh = Session::demo(Lang::Zh);
    let en = Session::demo(Lang::En);
    for session in [&zh, &en] {
        assert!(!session.rounds.is_empty());
        for record in &session.rounds {
            let review = RoundReview::of(record, rubrics(), session.lang);
            let points = RoundPoints::of(review.total(), record.peer_average(), &session.round_rules).total();
            let entry = &session.ledger[record.ledger_entry.expect("every demo round was awarded")];
            let context = format!(
                "{:?} round {} of team {}: score {:.1}",
                session.lang,
                record.number,
                record.team.0,
                review.total()
            );
            assert_eq!(entry.points, points, "{context}");
            assert_eq!((entry.source, entry.team), (PointsSource::Round(record.number), record.team), "{context}");
            assert_eq!(record.ending, Some(RoundEnding::Ended), "{context}");
            assert!(record.peer_ratings.iter().all(|r| r.team != record.team && session.team(r.team).is_some()));
            let scenario = scenario(&record.scenario);
            assert_eq!(
                (&record.title, record.disc, &record.models),
                (&scenario.title, Some(scenario.disc), &scenario.models)
            );
        }
    }
    let scores = |s: &Session| {
        s.rounds.iter().map(|r| RoundReview::of(r, rubrics(), s.lang).total().round()).collect::<Vec<_>>()
    };
    assert_eq!(scores(&zh), scores(&en), "the typed quotes score the same in both languages");
}

/// A 7A-only round the trainer recorded without Acknowledge and Assurance, and three
/// observers' taps (seats 1–3, none of the serving team): worked by hand in the comments.
fn observed_round() -> RoundRecord {
    let mut session = session_with_round();
    let mut record = session.rounds.remove(0);
    record.models = vec!["7a".into()];
    for (t, step) in
        [(5.0, "accept"), (20.0, "apologize"), (60.0, "analyze"), (100.0, "alternatives"), (140.0, "agreement")]
    {
        press(&mut record, t, &format!("7a.{step}"));
    }
    record.end(160.0, RoundEnding::Ended);
    let taps: [(u32, &[(f64, &str)]); 3] = [
        (
            1,
            &[
                (7.0, "accept"),
                (22.0, "apologize"),
                (35.0, "acknowledge"),
                (62.0, "analyze"),
                (103.0, "alternatives"),
                (141.0, "agreement"),
            ],
        ),
        (
            2,
            &[
                (6.0, "accept"),
                (33.0, "acknowledge"),
                (90.0, "analyze"),
                (101.0, "alternatives"),
                (139.0, "agreement"),
                (150.0, "assurance"),
            ],
        ),
        (3, &[(8.0, "accept"), (21.0, "apologize"), (36.0, "acknowledge"), (104.0, "alternatives")]),
    ];
    for (seat, taps) in taps {
        for &(t, step) in taps {
            record.mark_as_observer(SeatId(seat), t, &format!("7a.{step}")).unwrap();
        }
    }
    record
}

use crate::core::room::seat::SeatId;

#[test]
fn calibration_puts_the_most_disputed_step_first_and_counts_agreement_by_hand() {
    let record = observed_round();
    let calibration = Calibration::of(&record, rubrics(), Lang::En);
    assert_eq!(calibration.observers, [SeatId(1), SeatId(2), SeatId(3)]);
    let order: Vec<&str> = calibration.items.iter().map(|i| i.tag.as_str()).collect();
    // Disagreement with the trainer: Acknowledge 3 of 3 against "not seen" = 1; Apologize,
    // Analyze, Agreement (2 of 3 saw what the trainer did) and Assurance (1 of 3 saw what the
    // trainer did not) = 1/3; Accept and Alternatives = 0. Ties keep the model's order.
    assert_eq!(
        order,
        [
            "7a.acknowledge",
            "7a.apologize",
            "7a.analyze",
            "7a.agreement",
            "7a.assurance",
            "7a.accept",
            "7a.alternatives"
        ]
    );
    let acknowledge = &calibration.items[0];
    assert_eq!((acknowledge.seen_by, acknowledge.trainer_at, acknowledge.majority()), (3, None, Some(true)));
    assert!(acknowledge.disputed() && !acknowledge.consensus);
    assert_eq!(acknowledge.room_at, Some(35.0), "the median of 33, 35 and 36");
    // Analyze: seat 2 tapped it 30 s after the trainer, outside the 15 s tolerance.
    let analyze = calibration.items.iter().find(|i| i.tag == "7a.analyze").unwrap();
    assert_eq!((analyze.seen_by, analyze.within_tolerance), (2, 1));
    let assurance = calibration.items.iter().find(|i| i.tag == "7a.assurance").unwrap();
    assert_eq!(assurance.majority(), Some(false), "2 of 3 did not see it, as the trainer did not");
    assert!(!assurance.disputed());
    // Within tolerance: 3 + 2 + 0 + 1 + 3 + 2 + 2 = 13 of 21 calls.
    assert_eq!(calibration.within_tolerance, Some(13.0 / 21.0));
    // α over 7 units × 4 coders: n1 = 21, n0 = 7, 10 disagreeing pairs; 1 - 10 / (2·21·7/27).
    assert_eq!((calibration.alpha.unwrap() * 1000.0).round(), 82.0);
    // Judge points against the trainer's record: 10 per item agreed, 5 for seen but late.
    let points: Vec<(u32, usize, usize)> = calibration.judges.iter().map(|j| (j.points, j.agreed, j.late)).collect();
    assert_eq!(points, [(60, 6, 0), (35, 3, 1), (40, 4, 0)]);
    assert_eq!((calibration.judges[0].agreement() * 70.0).round(), 60.0);
}

#[test]
fn accepting_the_majority_scores_the_round_as_if_the_step_was_pressed_when_the_room_saw_it() {
    let mut session = session_with_round();
    session.rounds[0] = observed_round();
    let cx = EditContext::new(Timestamp(5), Some(rubrics()));
    let before = RoundReview::of(&session.rounds[0], rubrics(), Lang::Zh).total();
    assert_eq!(
        session.apply(&SessionEdit::AcceptMajority { round: 0 }, &cx),
        Err(SessionError::Mark(MarkRefusal::Closed)),
        "the consensus waits for the reveal"
    );
    session.apply(&SessionEdit::RevealObservers { round: 0 }, &cx).unwrap();
    assert_eq!(session.apply(&SessionEdit::AcceptMajority { round: 0 }, &cx), Ok(Applied::Changed));
    assert_eq!(session.apply(&SessionEdit::AcceptMajority { round: 0 }, &cx), Ok(Applied::Unchanged));
    let record = &session.rounds[0];
    assert_eq!(record.consensus, [ConsensusCall { tag: "7a.acknowledge".into(), present: true }]);
    let times: Vec<f64> = record.scored_events().iter().map(|e| e.t).collect();
    assert_eq!(times, [5.0, 20.0, 35.0, 60.0, 100.0, 140.0], "Acknowledge at the room's 35 s");
    // The same as a trainer who had pressed Acknowledge at 35 s.
    let mut pressed = observed_round();
    pressed.events.insert(2, RoundEvent { t: 35.0, what: Observed::Tag("7a.acknowledge".into()) });
    let after = RoundReview::of(record, rubrics(), Lang::Zh).total();
    assert_eq!(after, RoundReview::of(&pressed, rubrics(), Lang::Zh).total());
    assert!(after > before, "{after} > {before}");
    let calibration = Calibration::of(record, rubrics(), Lang::Zh);
    let points: Vec<u32> = calibration.judges.iter().map(|j| j.points).collect();
    assert_eq!(points, [70, 45, 50], "everyone's Acknowledge now agrees with the consensus");
    // Back to the trainer's record with one tap, then the points land on the consensus.
    session.apply(&SessionEdit::Settle { round: 0, tag: "7a.acknowledge".into(), present: None }, &cx).unwrap();
    assert_eq!(RoundReview::of(&session.rounds[0], rubrics(), Lang::Zh).total(), before);
    session.apply(&SessionEdit::Settle { round: 0, tag: "7a.acknowledge".into(), present: Some(true) }, &cx).unwrap();
    let Ok(Applied::Ledger(entry)) = session.apply(&SessionEdit::AwardRound { round: 0 }, &cx) else { panic!() };
    let expected = RoundPoints::of(after, None, &session.round_rules).total();
    assert_eq!(session.ledger[entry].points, expected);
    assert!(session.ledger[entry].reason.contains(&format!("{after:.0}")), "{}", session.ledger[entry].reason);
    let settle = SessionEdit::Settle { round: 0, tag: "7a.assurance".into(), present: Some(true) };
    assert_eq!(session.apply(&settle, &cx), Err(SessionError::RoundAwarded(0)), "settled once the points land");
}

#[test]
fn settling_a_step_as_not_seen_drops_the_trainers_press() {
    let mut record = observed_round();
    record.observers_revealed = true;
    record.settle("7a.apologize", Some(false));
    assert!(!record.scored_events().iter().any(|e| e.what == Observed::Tag("7a.apologize".into())));
    let item =
        Calibration::of(&record, rubrics(), Lang::Zh).items.into_iter().find(|i| i.tag == "7a.apologize").unwrap();
    assert!(!item.consensus && item.settled);
    assert_eq!(record.events.len(), 5, "the trainer's own record is kept");
}

#[test]
fn calibration_edge_cases_no_one_one_observer_all_agree_none_agree() {
    let mut record = observed_round();
    record.observer_marks.clear();
    let nobody = Calibration::of(&record, rubrics(), Lang::Zh);
    assert_eq!(nobody, Calibration::default(), "no observers: nothing to calibrate");

    // One observer who saw exactly what the trainer recorded, each within a second.
    for (t, step) in
        [(5.0, "accept"), (20.0, "apologize"), (60.0, "analyze"), (100.0, "alternatives"), (140.0, "agreement")]
    {
        record.mark_as_observer(SeatId(7), t + 1.0, &format!("7a.{step}")).unwrap();
    }
    let one = Calibration::of(&record, rubrics(), Lang::Zh);
    assert_eq!(one.within_tolerance, Some(1.0));
    assert_eq!(one.alpha, Some(1.0));
    assert_eq!(one.judges[0].points, 70, "7 items, all agreed");
    assert!(one.items.iter().all(|i| !i.disputed()));

    // A second observer who saw the opposite of everything: none agree.
    for step in ["acknowledge", "assurance"] {
        record.mark_as_observer(SeatId(8), 50.0, &format!("7a.{step}")).unwrap();
    }
    let two = Calibration::of(&record, rubrics(), Lang::Zh);
    let contrary = two.judge(SeatId(8)).unwrap();
    assert_eq!((contrary.points, contrary.agreed), (0, 0));
    assert_eq!(two.within_tolerance, Some(7.0 / 14.0));
    assert!(two.alpha.unwrap() < 0.5);
    // Half of two observers is no majority: nothing is disputed.
    assert_eq!(two.open_disputes().count(), 0);
}

#[test]
fn an_observers_double_tap_counts_once_and_undo_takes_back_their_own_last_tap() {
    let mut record = observed_round();
    let seat = SeatId(9);
    record.mark_as_observer(seat, 10.0, "penalty.taboo").unwrap();
    assert_eq!(record.mark_as_observer(seat, 10.6, "penalty.taboo"), Err(MarkRefusal::TooSoon));
    record.mark_as_observer(seat, 10.6, "7a.accept").unwrap();
    record.mark_as_observer(seat, 11.2, "penalty.taboo").unwrap();
    assert_eq!(record.unmark_as_observer(seat).unwrap().map(|m| m.t), Some(11.2));
    assert_eq!(record.unmark_as_observer(SeatId(99)), Ok(None));
    // A penalty someone saw joins the items; untouched penalties do not.
    let items = Calibration::of(&record, rubrics(), Lang::Zh).items;
    assert!(items.iter().any(|i| i.tag == "penalty.taboo" && i.seen_by == 1));
    assert_eq!(items.len(), 8);
    record.observers_revealed = true;
    assert_eq!(record.mark_as_observer(seat, 12.0, "7a.accept"), Err(MarkRefusal::Closed));
    assert_eq!(record.unmark_as_observer(seat), Err(MarkRefusal::Closed));
}

#[test]
fn the_days_best_judge_has_the_most_judge_points_over_revealed_rounds() {
    let mut first = observed_round();
    let mut second = observed_round();
    second.number = 2;
    assert!(judge_standings(&[first.clone()], rubrics(), Lang::Zh).is_empty(), "nothing before the reveal");
    first.observers_revealed = true;
    second.observers_revealed = true;
    second.observer_marks.retain(|m| m.seat != SeatId(1));
    let standings = judge_standings(&[first, second], rubrics(), Lang::Zh);
    let table: Vec<(u32, u32, usize)> = standings.iter().map(|s| (s.seat.0, s.points, s.rounds)).collect();
    // Seat 1 observed one round (60); seats 2 and 3 both (35 + 35, 40 + 40).
    assert_eq!(table, [(3, 80, 2), (2, 70, 2), (1, 60, 1)]);
}
