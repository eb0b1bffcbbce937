use std::path::Path;

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
    let generous = RoundRules { points_for_full_score: 30, points_per_peer_star: 1.5 };
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
