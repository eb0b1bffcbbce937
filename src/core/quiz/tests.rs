use std::path::Path;

use super::bank::{Question, QuestionKind, QuizBank};
use super::play::*;
use super::{QuizFilter, build, validate};
use crate::core::disc::Disc;
use crate::core::lang::{Bilingual, Lang};
use crate::core::room::seat::RoomEdit;
use crate::core::room::{JoinRequest, PhoneAction, PhoneError, PhoneView, RoomStage};
use crate::core::scenario::Difficulty;
use crate::core::session::{Applied, EditContext, PointsSource, Session, SessionEdit, SessionError, TeamId, Timestamp};

fn at(ms: u64) -> EditContext<'static> {
    EditContext::new(Timestamp(ms), None)
}

fn text(s: &str) -> Bilingual {
    Bilingual::new(s, s)
}

fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        model: "7a".into(),
        difficulty: Difficulty::Easy,
        prompt: text("?"),
        kind,
        explanation: text("because"),
        time_secs: None,
    }
}

fn single(id: &str, correct: usize) -> Question {
    question(id, QuestionKind::Single { options: vec![text("a"), text("b"), text("c"), text("d")], correct })
}

fn order(id: &str, steps: usize) -> Question {
    question(id, QuestionKind::Order { steps: (0..steps).map(|i| text(&format!("step {i}"))).collect() })
}

#[test]
fn the_speed_formula_gives_500_for_right_and_up_to_500_for_speed() {
    assert_eq!(answer_points(1.0, 0, 20), 1000, "an instant right answer");
    assert_eq!(answer_points(1.0, 5_000, 20), 875);
    assert_eq!(answer_points(1.0, 10_000, 20), 750, "half the time gone");
    assert_eq!(answer_points(1.0, 20_000, 20), 500, "on the buzzer");
    assert_eq!(answer_points(0.0, 0, 20), 0, "wrong scores nothing, however fast");
    assert_eq!(answer_points(0.5, 10_000, 20), 375, "half an order right at half time");
}

#[test]
fn a_streak_adds_100_per_right_answer_in_a_row_up_to_500() {
    assert_eq!([1, 2, 3, 6, 7, 12].map(streak_bonus), [0, 100, 200, 500, 500, 500]);
}

#[test]
fn an_order_earns_the_share_of_steps_in_their_right_place() {
    let q = order("o", 4);
    assert_eq!(correct_share(&q, &[0, 1, 2, 3]), 1.0);
    assert_eq!(correct_share(&q, &[0, 1, 3, 2]), 0.5, "the last two swapped");
    assert_eq!(correct_share(&q, &[3, 0, 1, 2]), 0.0, "everything one place late: nothing in place");
    assert_eq!(correct_share(&q, &[0, 1]), 0.0, "not every step");
    let tf = question("tf", QuestionKind::TrueFalse { correct: false });
    assert_eq!((correct_share(&tf, &[1]), correct_share(&tf, &[0])), (1.0, 0.0));
    let disc = question("d", QuestionKind::DiscType { line: text("hurry"), correct: Disc::S });
    assert_eq!(correct_share(&disc, &[2]), 1.0, "D I S C: S is the third");
}

/// Alpha has two phones (小王, 小李), Beta one (Ann), Gamma none.
fn room() -> (Session, [TeamId; 3], [crate::core::room::SeatId; 3]) {
    let mut session = Session::new("quiz", Lang::Zh);
    let ids = ["Alpha", "Beta", "Gamma"].map(|name| session.add_team(name, "⭐").unwrap());
    session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("4321".into()))), &at(0)).unwrap();
    let mut join = |team, name: &str| {
        let request = JoinRequest { code: "4321".into(), team, name: name.into() };
        session.join_from_phone(&request, &at(0)).unwrap().0
    };
    let seats = [join(ids[0], "小王"), join(ids[0], "小李"), join(ids[1], "Ann")];
    session.apply(&SessionEdit::Room(RoomEdit::Stage(RoomStage::Quiz)), &at(0)).unwrap();
    (session, ids, seats)
}

fn start(session: &mut Session, questions: Vec<Question>, mode: QuizMode, ms: u64) -> usize {
    let edit = SessionEdit::StartQuiz { title: text("7A"), questions, mode, seed: 7 };
    match session.apply(&edit, &at(ms)) {
        Ok(Applied::QuizStarted(index)) => index,
        other => panic!("{other:?}"),
    }
}

fn answer(session: &mut Session, by: Answerer, places: &[usize], ms: u64) -> Result<Applied, SessionError> {
    session.apply(&SessionEdit::AnswerQuiz { quiz: 0, by, places: places.to_vec() }, &at(ms))
}

fn advance(session: &mut Session, ms: u64) {
    session.apply(&SessionEdit::AdvanceQuiz { quiz: 0 }, &at(ms)).unwrap();
}

#[test]
fn phones_score_each_player_and_a_team_scores_its_members_average() {
    let (mut session, [alpha, beta, gamma], [wang, li, ann]) = room();
    start(&mut session, vec![single("q1", 1), single("q2", 2)], QuizMode::Players, 10_000);
    // Question 1 opened at 10 s: 小王 right after 2 s, 小李 wrong, Ann right after 10 s.
    assert_eq!(answer(&mut session, Answerer::Seat(wang), &[1], 12_000), Ok(Applied::Changed));
    answer(&mut session, Answerer::Seat(li), &[0], 13_000).unwrap();
    answer(&mut session, Answerer::Seat(ann), &[1], 20_000).unwrap();
    let again = answer(&mut session, Answerer::Seat(wang), &[0], 14_000);
    assert_eq!(again, Err(SessionError::Quiz(QuizRefusal::AlreadyAnswered)), "one answer, no change");
    let keys = answer(&mut session, Answerer::Team(alpha), &[1], 14_000);
    assert_eq!(keys, Err(SessionError::Quiz(QuizRefusal::AnswersOnPhones)));
    // Gamma has no phones: it answers by keys, right, after 4 s.
    answer(&mut session, Answerer::Team(gamma), &[1], 14_000).unwrap();
    advance(&mut session, 30_000); // close: the answer shows
    let late = answer(&mut session, Answerer::Seat(li), &[1], 30_001);
    assert_eq!(late, Err(SessionError::Quiz(QuizRefusal::NotAsking)));
    advance(&mut session, 31_000); // standings
    advance(&mut session, 40_000); // question 2 opens at 40 s
    // Ann right again after 4 s: 900 and a streak of two, +100. 小王 right after 20 s exactly.
    answer(&mut session, Answerer::Seat(ann), &[2], 44_000).unwrap();
    answer(&mut session, Answerer::Seat(wang), &[2], 60_000).unwrap();
    let too_late = answer(&mut session, Answerer::Seat(li), &[2], 60_001);
    assert_eq!(too_late, Err(SessionError::Quiz(QuizRefusal::TooLate)), "after the 20 s deadline");
    advance(&mut session, 61_000);

    let quiz = &session.quizzes[0];
    let teams = [alpha, beta, gamma];
    // Alpha: (950 + 0) / 2 = 475, then (500 + 100 streak + 0) / 2 = 300. Beta: 750, then 1000.
    // Gamma: 900 by keys, then nothing.
    let points = quiz.team_points(&teams, &session.room.seats);
    assert_eq!(points, vec![(alpha, vec![475, 300]), (beta, vec![750, 1000]), (gamma, vec![900, 0])]);
    let standings = quiz.team_standings(&teams, &session.room.seats);
    let table: Vec<(TeamId, u32, usize)> = standings.iter().map(|s| (s.who, s.points, s.place)).collect();
    assert_eq!(table, vec![(beta, 1750, 1), (gamma, 900, 2), (alpha, 775, 3)]);
    let players: Vec<(u32, usize)> = quiz.player_standings().iter().map(|s| (s.points, s.place)).collect();
    assert_eq!(players, vec![(1750, 1), (1550, 2), (0, 3)], "Ann, 小王 (950 + 600), 小李");
    assert_eq!(quiz.distribution(0), vec![1, 3, 0, 0], "one said a, three said b");
    assert_eq!(quiz.answered_right(0), (4, 3));

    // The last standings, then the end: the points land, one ledger entry per team.
    advance(&mut session, 62_000);
    advance(&mut session, 63_000);
    assert!(session.quizzes[0].is_finished());
    let entries: Vec<(TeamId, i32, PointsSource)> =
        session.ledger.iter().map(|e| (e.team, e.points, e.source)).collect();
    assert_eq!(
        entries,
        vec![(beta, 4, PointsSource::Quiz(1)), (gamma, 2, PointsSource::Quiz(1)), (alpha, 2, PointsSource::Quiz(1))],
        "1750 → 4 (3.5 rounds up), 900 → 2, 775 → 2"
    );
    assert_eq!(session.ledger[0].reason, "测验1 · 7A · 测验得分 1750 · 第1名");
    let finished = session.apply(&SessionEdit::AdvanceQuiz { quiz: 0 }, &at(64_000));
    assert_eq!(finished, Err(SessionError::Quiz(QuizRefusal::Finished)), "the points land once");
    session.apply(&SessionEdit::Undo(0), &at(65_000)).unwrap();
    assert_eq!(session.totals(), vec![2, 0, 2], "a quiz entry undoes like any other");
}

#[test]
fn tied_teams_share_a_place() {
    let (mut session, [alpha, beta, gamma], _) = room();
    start(&mut session, vec![single("q1", 0)], QuizMode::Teams, 0);
    answer(&mut session, Answerer::Team(alpha), &[0], 5_000).unwrap();
    answer(&mut session, Answerer::Team(gamma), &[0], 5_000).unwrap();
    advance(&mut session, 6_000);
    let quiz = &session.quizzes[0];
    let places: Vec<(TeamId, u32, usize)> = quiz
        .team_standings(&[alpha, beta, gamma], &session.room.seats)
        .iter()
        .map(|s| (s.who, s.points, s.place))
        .collect();
    assert_eq!(places, vec![(alpha, 875, 1), (gamma, 875, 1), (beta, 0, 3)]);
}

#[test]
fn in_a_team_quiz_the_first_phone_of_a_team_answers_for_it() {
    let (mut session, [alpha, ..], [wang, li, _]) = room();
    let tokens = [wang, li].map(|seat| session.token_of(seat).unwrap());
    start(&mut session, vec![single("q1", 3)], QuizMode::Teams, 0);
    let tap = |session: &mut Session, token: &str, id: &str, places: Vec<usize>, ms| {
        session.apply_phone(token, id, &PhoneAction::Answer { quiz: 1, question: 0, places }, &at(ms))
    };
    assert_eq!(tap(&mut session, &tokens[0], "r1", vec![3], 1_000), Ok(Applied::Changed));
    assert_eq!(tap(&mut session, &tokens[1], "r2", vec![2], 2_000), Err(PhoneError::AlreadyAnswered));
    let stale = session.apply_phone(
        &tokens[1],
        "r3",
        &PhoneAction::Answer { quiz: 1, question: 1, places: vec![0] },
        &at(2_000),
    );
    assert_eq!(stale, Err(PhoneError::NotNow), "a phone still showing another question");
    assert_eq!(session.quizzes[0].answers[0].by, Answerer::Team(alpha));
}

#[test]
fn a_phone_sees_the_right_answer_only_once_the_question_closes() {
    let (mut session, _, [wang, ..]) = room();
    start(&mut session, vec![single("q1", 2)], QuizMode::Players, 0);
    let locales = crate::core::locale::Locales::compiled_in();
    let view =
        |session: &Session, ms| PhoneView::of(session, Some(wang), locales, None, Timestamp(ms)).0["quiz"].clone();
    let asking = view(&session, 5_000);
    assert_eq!(asking["phase"], "asking");
    assert_eq!(asking["left_ms"], 15_000);
    assert_eq!(asking["choices"].as_array().unwrap().len(), 4);
    assert!(asking["result"].is_null(), "nothing on the phone gives the answer away: {asking}");
    answer(&mut session, Answerer::Seat(wang), &[2], 5_000).unwrap();
    assert_eq!(view(&session, 6_000)["mine"], serde_json::json!([2]));
    advance(&mut session, 7_000);
    let closed = view(&session, 7_000);
    assert_eq!(closed["result"]["right"], serde_json::json!([2]));
    assert_eq!(closed["result"]["points"], 875);
    assert_eq!(closed["result"]["place"], 1);
}

#[test]
fn order_questions_are_shown_shuffled_and_answered_in_places() {
    let (mut session, _, [wang, li, ann]) = room();
    start(&mut session, vec![order("seven", 7)], QuizMode::Players, 0);
    let shown = session.quizzes[0].shown[0].clone();
    assert_ne!(shown, (0..7).collect::<Vec<_>>(), "never shown in the right order");
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(sorted, (0..7).collect::<Vec<_>>());
    // The places that hold steps 0, 1, 2 … in turn: the right order.
    let right: Vec<usize> = (0..7).map(|step| shown.iter().position(|&s| s == step).unwrap()).collect();
    answer(&mut session, Answerer::Seat(wang), &right, 0).unwrap();
    let repeated = vec![right[0]; 7];
    assert_eq!(answer(&mut session, Answerer::Seat(li), &repeated, 0), Err(SessionError::Quiz(QuizRefusal::BadChoice)));
    assert_eq!(answer(&mut session, Answerer::Seat(ann), &[0, 1], 0), Err(SessionError::Quiz(QuizRefusal::BadChoice)));
    assert_eq!(session.quizzes[0].answers[0].choice, (0..7).collect::<Vec<_>>());
}

#[test]
fn an_abandoned_quiz_comes_back_and_a_second_quiz_waits_for_the_first() {
    let (mut session, ..) = room();
    start(&mut session, vec![single("q1", 0)], QuizMode::Teams, 0);
    let second =
        SessionEdit::StartQuiz { title: text("x"), questions: vec![single("q", 0)], mode: QuizMode::Teams, seed: 1 };
    assert_eq!(session.apply(&second, &at(1)), Err(SessionError::Quiz(QuizRefusal::QuizOpen(0))));
    let Ok(Applied::QuizVoided(run)) = session.apply(&SessionEdit::AbandonQuiz { quiz: 0 }, &at(2)) else { panic!() };
    assert!(session.quizzes.is_empty());
    assert_eq!(session.apply(&SessionEdit::RestoreQuiz(run), &at(3)), Ok(Applied::QuizStarted(0)));
    let empty = SessionEdit::StartQuiz { title: text("x"), questions: vec![], mode: QuizMode::Teams, seed: 1 };
    session.apply(&SessionEdit::AbandonQuiz { quiz: 0 }, &at(4)).unwrap();
    assert_eq!(session.apply(&empty, &at(5)), Err(SessionError::Quiz(QuizRefusal::NoQuestions)));
}

fn bank_of(files: &[(&str, &str)]) -> QuizBank {
    let mut bank = QuizBank::default();
    for (name, text) in files {
        bank.add_bytes(Path::new(name), text.as_bytes());
    }
    bank
}

const GOOD: &str = r#"QuizSet(
    id: "good",
    title: (zh: "好", en: "Good"),
    questions: [
        (
            id: "good-one",
            model: "7a",
            difficulty: easy,
            prompt: (zh: "第一步?", en: "First step?"),
            kind: single(options: [(zh: "接受", en: "Accept"), (zh: "道歉", en: "Apologize")], correct: 0),
            explanation: (zh: "先接受。", en: "Accept first."),
        ),
    ],
)"#;

#[test]
fn the_validator_points_at_the_line_and_column_of_each_problem() {
    let broken = GOOD
        .replace("id: \"good\"", "id: \"bad\"")
        .replace("model: \"7a\"", "model: \"8a\"")
        .replace("correct: 0)", "correct: 2)")
        .replace("en: \"Accept first.\"", "en: \" \"");
    let bank = bank_of(&[("good.ron", GOOD), ("bad.ron", &broken)]);
    assert!(bank.errors.is_empty(), "{:?}", bank.errors);
    let messages: Vec<String> = validate(&bank).iter().map(ToString::to_string).collect();
    // Each at the field's name: `id` and `model` at column 13, `correct` at 92, `en` at 39.
    assert_eq!(messages.len(), 4, "{messages:#?}");
    assert_eq!(messages[0], "bad.ron:6:13: duplicate question id `good-one`: good.ron already uses it");
    assert!(messages[1].starts_with("bad.ron:7:13: unknown model `8a` (known: 7a, six_step,"), "{}", messages[1]);
    assert_eq!(messages[2], "bad.ron:10:92: `correct` is 2, but there are only 2 options (counted from 0)");
    assert_eq!(messages[3], "bad.ron:11:39: `questions[0].explanation` has no English text");

    let syntax = bank_of(&[("s.ron", &GOOD.replace("difficulty: easy,", "difficulty: easy"))]);
    let error = &syntax.errors[0];
    assert_eq!((error.line, error.file.as_path()), (9, Path::new("s.ron")), "{error}");
}

#[test]
fn the_built_in_bank_is_large_bilingual_valid_and_covers_every_kind_and_model() {
    let bank = QuizBank::load(&[crate::core::paths::quizzes_dir()]);
    assert_eq!(bank.errors, Vec::new());
    assert_eq!(validate(&bank), Vec::new());
    let questions: Vec<&Question> = bank.questions().map(|(_, q)| q).collect();
    assert!(questions.len() >= 80, "{} questions", questions.len());
    assert!(questions.iter().all(|q| q.complete_langs() == Lang::ALL));
    for kind in ["single", "true_false", "order", "spot_the_line", "disc_type"] {
        assert!(questions.iter().filter(|q| q.kind.name().slug() == kind).count() >= 10, "{kind}");
    }
    for model in super::bank::MODELS {
        assert!(questions.iter().filter(|q| q.model == model).count() >= 3, "{model}");
    }
    for disc in Disc::ALL {
        let typed = |q: &&&Question| matches!(q.kind, QuestionKind::DiscType { correct, .. } if correct == disc);
        assert!(questions.iter().filter(typed).count() >= 3, "{disc:?}");
    }
}

#[test]
fn the_builder_draws_matching_questions_once_each_easiest_first() {
    let bank = QuizBank::load(&[crate::core::paths::quizzes_dir()]);
    let filter = QuizFilter { models: ["7a".to_string()].into(), difficulty: None, count: 5 };
    let drawn = build(&bank, &filter, 3);
    assert_eq!(drawn.len(), 5);
    assert!(drawn.iter().all(|q| q.model == "7a"));
    assert!(drawn.windows(2).all(|w| w[0].difficulty <= w[1].difficulty));
    assert_eq!(build(&bank, &filter, 3), drawn, "the same seed, the same quiz");
    let everything = QuizFilter { count: 1000, ..QuizFilter::default() };
    let all = build(&bank, &everything, 1);
    let mut ids: Vec<&str> = all.iter().map(|q| q.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "no question twice");
}
