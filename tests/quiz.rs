//! Quizzes end to end: a quiz built from the bank and played by team keys in the headless app,
//! and a quiz answered from two real phone pages in headless Chromium.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use service_camp::core::lang::{Bilingual, Lang};
use service_camp::core::quiz::play::right_choice;
use service_camp::core::quiz::{QuestionKind, QuizMode, QuizPhase};
use service_camp::core::session::{PointsSource, Session, SessionEdit, TeamId};
use service_camp::features::actions::{QuizAction, UiAction};
use service_camp::features::content::CurrentSession;
use service_camp::features::phones::Phones;
use service_camp::features::quiz::QuizShelf;
use service_camp::features::screen::Screen;

use crate::rounds::{act, app_with, tap};

fn session(app: &App) -> &Session {
    &app.world().resource::<CurrentSession>().session
}

/// The rounds' test app (three teams) with the built-in quiz bank, on the quiz screen.
fn quiz_app(camp: Session) -> App {
    let mut app = app_with(camp);
    let bank = QuizShelf::load(&[std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes")]);
    assert!(bank.problems.is_empty(), "{:?}", bank.problems);
    app.insert_resource(bank);
    act(&mut app, UiAction::Go(Screen::Quiz));
    app.update();
    app
}

const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
];

/// The keys of the right answer's places on screen (1-based), for the current question.
fn right_keys(app: &App) -> Vec<usize> {
    let session = session(app);
    let quiz = session.quizzes.last().unwrap();
    let shown = &quiz.shown[quiz.current];
    right_choice(quiz.question()).iter().map(|&c| shown.iter().position(|&s| s == c).unwrap() + 1).collect()
}

#[test]
fn a_trainer_builds_a_quiz_from_the_bank_and_teams_play_it_by_keys() {
    let mut app = quiz_app(crate::rounds::three_teams());
    // The builder: two 7A questions, one answer per team, started.
    act(&mut app, UiAction::Quiz(QuizAction::ToggleModel("7a".into())));
    act(&mut app, UiAction::Quiz(QuizAction::Count(2)));
    act(&mut app, UiAction::Quiz(QuizAction::Mode(QuizMode::Teams)));
    act(&mut app, UiAction::Quiz(QuizAction::Start));
    let quiz = session(&app).quizzes.last().unwrap().clone();
    assert_eq!((quiz.questions.len(), quiz.mode, quiz.phase), (2, QuizMode::Teams, QuizPhase::Asking));
    assert!(quiz.questions.iter().all(|q| q.model == "7a"));

    for question in 0..2 {
        // Team 1 answers right at once; team 2 answers wrong (its first key one place off).
        let right = right_keys(&app);
        tap(&mut app, KeyCode::Digit1);
        for key in &right {
            tap(&mut app, DIGITS[*key]);
        }
        let mut wrong = right.clone();
        if wrong.len() == 1 {
            wrong[0] = wrong[0] % 2 + 1;
        } else {
            wrong.swap(0, 1);
        }
        tap(&mut app, KeyCode::Digit2);
        for key in &wrong {
            tap(&mut app, DIGITS[*key]);
        }
        let quiz = session(&app).quizzes.last().unwrap();
        assert_eq!(quiz.answers_to(question).count(), 2, "two teams answered question {question}");
        // A second answer from team 1 is refused: the first counts.
        tap(&mut app, KeyCode::Digit1);
        for key in &wrong {
            tap(&mut app, DIGITS[*key]);
        }
        assert_eq!(session(&app).quizzes.last().unwrap().answers_to(question).count(), 2);
        // Team 3 never answers: Enter closes the question, then shows the standings, then goes on.
        tap(&mut app, KeyCode::Enter);
        assert_eq!(session(&app).quizzes.last().unwrap().phase, QuizPhase::Answer);
        tap(&mut app, KeyCode::Enter);
        assert_eq!(session(&app).quizzes.last().unwrap().phase, QuizPhase::Standings);
        tap(&mut app, KeyCode::Enter);
    }
    let session = session(&app);
    let quiz = session.quizzes.last().unwrap();
    assert!(quiz.is_finished());
    let teams: Vec<TeamId> = session.teams.iter().map(|t| t.id()).collect();
    let standings = quiz.team_standings(&teams, &session.room.seats);
    // Team 1: two right answers within a second or so: 975–1000 each, +100 for the streak.
    assert_eq!(standings[0].who, teams[0]);
    assert!((2050..=2100).contains(&standings[0].points), "{}", standings[0].points);
    let quiz_entries: Vec<(TeamId, i32)> =
        session.ledger.iter().filter(|e| e.source == PointsSource::Quiz(1)).map(|e| (e.team, e.points)).collect();
    // 2050–2100 quiz points are 4 ledger points; a wrong order may still earn a share, a wrong
    // single answer earns none.
    assert_eq!(quiz_entries[0], (teams[0], 4));
    assert!(quiz_entries.iter().all(|(team, _)| *team != teams[2]), "team 3 scored nothing");
}

#[test]
fn two_phones_answer_a_quiz_in_real_chromium() {
    if !crate::phones::phone_scripts_ready("the quiz pages") {
        return;
    }
    let mut app = quiz_app(Session::demo(Lang::Zh));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(10)));
    tap(&mut app, KeyCode::F6);
    let bank = app.world().resource::<QuizShelf>().bank.clone();
    let (_, question) = bank
        .questions()
        .find(|(_, q)| matches!(q.kind, QuestionKind::Single { .. }) && q.model == "7a")
        .expect("a 7A single-choice question");
    let mut question = question.clone();
    question.time_secs = Some(60);
    let start = SessionEdit::StartQuiz {
        title: Bilingual::new("7A", "7A"),
        questions: vec![question.clone()],
        mode: QuizMode::Players,
        seed: 1,
    };
    act(&mut app, UiAction::Edit(start));
    let port = app.world().resource::<Phones>().port();
    let code = session(&app).room.code.clone();
    let right = right_keys(&app)[0] - 1;

    let base = format!("http://127.0.0.1:{port}");
    let (mut driver, shots) = crate::phones::run_phone_script("quiz.mjs", "quiz", &base, &code);
    let mut to_driver = driver.stdin.take().unwrap();
    writeln!(to_driver, "{right}").unwrap();
    let lines = crate::phones::lines_of(driver.stdout.take().unwrap());
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut summary = String::new();
    let mut before_close = None;
    while Instant::now() < deadline {
        app.update();
        std::thread::sleep(Duration::from_millis(5));
        match lines.try_recv() {
            Ok(line) if line == "ANSWERED" => {
                before_close = Some(session(&app).quizzes[0].answers.len());
                act(&mut app, UiAction::Quiz(QuizAction::Next));
                writeln!(to_driver, "ok").unwrap();
            }
            Ok(line) => summary = line,
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => break,
        }
    }
    let output = driver.wait_with_output().unwrap();
    assert!(output.status.success(), "the quiz script failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_str(&summary).unwrap_or_else(|_| panic!("summary: {summary}"));
    let QuestionKind::Single { options, .. } = &question.kind else { unreachable!() };
    assert_eq!(seen["choices"], options.len());
    assert_eq!(seen["prompt"], question.prompt.zh);
    assert_eq!(seen["promptEn"], question.prompt.en, "the English phone reads English");
    // The pages load after the question opened: the countdown has run a few seconds.
    assert!((40..=60).contains(&seen["clock"].as_u64().unwrap()), "the countdown: {}", seen["clock"]);
    assert_eq!(seen["answerShownBefore"], false, "no tick on the pad before the answer");
    assert_eq!(seen["waiting"], "已提交,请看大屏幕!");
    assert_eq!(seen["second"]["status"], 409);
    assert_eq!(seen["second"]["body"]["error"], "phone-error-answered");
    assert_eq!(before_close, Some(2), "both phones' answers, the second try refused");
    assert!(seen["wangVerdict"].as_str().unwrap().starts_with("答对了! · +"), "{}", seen["wangVerdict"]);
    assert_eq!(seen["annVerdict"], "Not this time · +0 points");
    assert_eq!(seen["explanation"], question.explanation.zh);
    assert!(seen["wangTotal"].as_str().unwrap().ends_with("· 第 1/2 名"), "{}", seen["wangTotal"]);
    let quiz = &session(&app).quizzes[0];
    let points = quiz.player_standings()[0].points;
    // Right within the first third of the minute (the pages load after the question opens).
    assert!((833..=1000).contains(&points), "{points}");
    for name in ["quiz-zh", "quiz-en", "quiz-result-zh", "quiz-result-en"] {
        assert!(shots.join(format!("phone-{name}.png")).is_file(), "phone-{name}.png");
    }
}
