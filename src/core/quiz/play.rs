//! A quiz as the room plays it: the questions, who answered what and when, and the scoring
//! documented in `quizzes/README.md`. Times are wall-clock milliseconds from the edit's
//! context, stamped by the app that runs the quiz, never by a phone.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::core::disc::Disc;
use crate::core::ids::{TeamId, Timestamp};
use crate::core::lang::Bilingual;
use crate::core::room::seat::{Seat, SeatId};

use super::bank::{Question, QuestionKind};

/// Who answers: each participant on their phone, or each team once (keys, mouse, or any of
/// its phones).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizMode {
    #[default]
    Players,
    Teams,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answerer {
    Seat(SeatId),
    Team(TeamId),
}

/// One answer: the choices as the question defines them (option index; `0` true and `1` false;
/// D, I, S, C as 0–3; for order, the step indices in the order given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizAnswer {
    pub question: usize,
    pub by: Answerer,
    pub choice: Vec<usize>,
    /// Milliseconds after the question opened.
    pub after_ms: u64,
}

/// What the projector shows of the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizPhase {
    /// The question and the countdown; answers are taken.
    Asking,
    /// Answers closed: the distribution, the right answer and the explanation.
    Answer,
    /// The standings after this question.
    Standings,
    /// After the last standings: the points are in the ledger.
    Finished,
}

/// The most points one answer earns, before the streak bonus.
pub const MAX_ANSWER_POINTS: u32 = 1000;
pub const STREAK_STEP: u32 = 100;
pub const MAX_STREAK_BONUS: u32 = 500;
/// Quiz points per ledger point: a perfect 10-question quiz is worth about a full-score round.
pub const QUIZ_POINTS_PER_LEDGER_POINT: u32 = 500;
pub const MAX_QUIZ_QUESTIONS: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizRun {
    /// 1-based; the ledger's `Quiz(n)` entries point here.
    pub number: u32,
    pub title: Bilingual,
    pub mode: QuizMode,
    pub questions: Vec<Question>,
    /// For each question, the choice each place on screen holds (A, B, C…): shuffled for
    /// order questions, as written otherwise.
    pub shown: Vec<Vec<usize>>,
    /// The question on screen.
    pub current: usize,
    pub phase: QuizPhase,
    /// When each question opened and closed, as far as the quiz has come.
    pub opened_at: Vec<Timestamp>,
    pub closed_at: Vec<Timestamp>,
    pub answers: Vec<QuizAnswer>,
    /// The ledger entries of its points, once finished.
    pub ledger_entries: Vec<usize>,
}

/// The choices a question offers, in their defined order (what [`QuizAnswer::choice`] counts).
pub fn choice_count(question: &Question) -> usize {
    match &question.kind {
        QuestionKind::Single { options, .. } => options.len(),
        QuestionKind::TrueFalse { .. } => 2,
        QuestionKind::Order { steps } => steps.len(),
        QuestionKind::SpotTheLine { lines, .. } => lines.len(),
        QuestionKind::DiscType { .. } => Disc::ALL.len(),
    }
}

/// How much of an answer is right, 0 to 1. Order questions earn credit by position: the share
/// of steps in their right place (what the room can check at a glance on the answer slide).
pub fn correct_share(question: &Question, choice: &[usize]) -> f64 {
    match &question.kind {
        QuestionKind::Order { steps } => {
            if choice.len() != steps.len() {
                return 0.0;
            }
            let in_place = choice.iter().enumerate().filter(|&(place, &step)| place == step).count();
            in_place as f64 / steps.len() as f64
        }
        _ if choice == right_choice(question).as_slice() => 1.0,
        _ => 0.0,
    }
}

/// How many choices an answer names: every step of an order question, else one.
pub fn answer_length(question: &Question) -> usize {
    match question.kind {
        QuestionKind::Order { .. } => choice_count(question),
        _ => 1,
    }
}

/// The right answer, as choices.
pub fn right_choice(question: &Question) -> Vec<usize> {
    match &question.kind {
        QuestionKind::Single { correct, .. } | QuestionKind::SpotTheLine { correct, .. } => vec![*correct],
        QuestionKind::TrueFalse { correct } => vec![if *correct { 0 } else { 1 }],
        QuestionKind::DiscType { correct, .. } => vec![Disc::ALL.iter().position(|d| d == correct).unwrap_or(0)],
        QuestionKind::Order { steps } => (0..steps.len()).collect(),
    }
}

/// Points for an answer `share` right, given `after_ms` into a `limit_secs` question:
/// 500 for being right plus up to 500 for speed, both scaled by the share.
pub fn answer_points(share: f64, after_ms: u64, limit_secs: u32) -> u32 {
    let limit_ms = f64::from(limit_secs.max(1)) * 1000.0;
    let left = (1.0 - after_ms as f64 / limit_ms).clamp(0.0, 1.0);
    let half = f64::from(MAX_ANSWER_POINTS) / 2.0;
    (share.clamp(0.0, 1.0) * (half + half * left)).round() as u32
}

/// The bonus for the `streak`-th fully right answer in a row: 100 for the second, 200 for the
/// third … at most 500.
pub fn streak_bonus(streak: u32) -> u32 {
    (STREAK_STEP * streak.saturating_sub(1)).min(MAX_STREAK_BONUS)
}

/// One answerer's points on one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub share: f64,
    pub points: u32,
    pub streak: u32,
}

impl QuizRun {
    /// A new quiz; `seed` shuffles the order questions (the same seed, the same shuffle).
    pub fn new(number: u32, title: Bilingual, mode: QuizMode, questions: Vec<Question>, seed: u64) -> QuizRun {
        let mut rng = StdRng::seed_from_u64(seed);
        let shown = questions
            .iter()
            .map(|q| {
                let mut places: Vec<usize> = (0..choice_count(q)).collect();
                if matches!(q.kind, QuestionKind::Order { .. }) {
                    // A shuffle that happens to be the answer gives it away: turn it once more.
                    while places.len() > 1 && places.iter().enumerate().all(|(i, &s)| i == s) {
                        places.shuffle(&mut rng);
                    }
                }
                places
            })
            .collect();
        QuizRun {
            number,
            title,
            mode,
            questions,
            shown,
            current: 0,
            phase: QuizPhase::Asking,
            opened_at: Vec::new(),
            closed_at: Vec::new(),
            answers: Vec::new(),
            ledger_entries: Vec::new(),
        }
    }

    pub fn question(&self) -> &Question {
        &self.questions[self.current]
    }

    pub fn is_finished(&self) -> bool {
        self.phase == QuizPhase::Finished
    }

    /// Milliseconds the current question has run at `now` (0 before it opens).
    pub fn elapsed_ms(&self, now: Timestamp) -> u64 {
        self.opened_at.get(self.current).map_or(0, |opened| now.0.saturating_sub(opened.0))
    }

    /// Milliseconds left to answer at `now`; 0 once the question closed.
    pub fn left_ms(&self, now: Timestamp) -> u64 {
        if self.phase != QuizPhase::Asking {
            return 0;
        }
        (u64::from(self.question().time_secs()) * 1000).saturating_sub(self.elapsed_ms(now))
    }

    pub fn answer_of(&self, question: usize, by: Answerer) -> Option<&QuizAnswer> {
        self.answers.iter().find(|a| a.question == question && a.by == by)
    }

    pub fn answers_to(&self, question: usize) -> impl Iterator<Item = &QuizAnswer> {
        self.answers.iter().filter(move |a| a.question == question)
    }

    /// Places on screen → choices.
    pub fn choices_of_places(&self, question: usize, places: &[usize]) -> Option<Vec<usize>> {
        let shown = self.shown.get(question)?;
        places.iter().map(|&p| shown.get(p).copied()).collect()
    }

    /// How many answered each choice; for an order question, how many put each step in its
    /// right place.
    pub fn distribution(&self, question: usize) -> Vec<usize> {
        let q = &self.questions[question];
        let mut counts = vec![0; choice_count(q)];
        if let QuestionKind::Order { .. } = q.kind {
            // For an order: how many put each step in its right place.
            for answer in self.answers_to(question) {
                for (place, &step) in answer.choice.iter().enumerate() {
                    if place == step {
                        counts[step] += 1;
                    }
                }
            }
        } else {
            for answer in self.answers_to(question) {
                if let Some(&c) = answer.choice.first().filter(|&&c| c < counts.len()) {
                    counts[c] += 1;
                }
            }
        }
        counts
    }

    /// How many answered the question and how many of them got it wholly right.
    pub fn answered_right(&self, question: usize) -> (usize, usize) {
        let q = &self.questions[question];
        let answers: Vec<&QuizAnswer> = self.answers_to(question).collect();
        let right = answers.iter().filter(|a| correct_share(q, &a.choice) >= 1.0).count();
        (answers.len(), right)
    }

    /// Each answerer's points on each question so far, streaks counted in question order.
    /// Questions not closed yet do not count.
    pub fn scored(&self) -> Vec<(Answerer, Vec<Option<Scored>>)> {
        let mut answerers: Vec<Answerer> = self.answers.iter().map(|a| a.by).collect();
        answerers.sort();
        answerers.dedup();
        let closed = self.closed_at.len();
        answerers
            .into_iter()
            .map(|by| {
                let mut streak = 0;
                let per_question = (0..closed)
                    .map(|n| {
                        let Some(answer) = self.answer_of(n, by) else {
                            streak = 0;
                            return None;
                        };
                        let q = &self.questions[n];
                        let share = correct_share(q, &answer.choice);
                        streak = if share >= 1.0 { streak + 1 } else { 0 };
                        let bonus = if share >= 1.0 { streak_bonus(streak) } else { 0 };
                        Some(Scored {
                            share,
                            points: answer_points(share, answer.after_ms, q.time_secs()) + bonus,
                            streak,
                        })
                    })
                    .collect();
                (by, per_question)
            })
            .collect()
    }

    /// Each team's points on each closed question: its own answer's when it answered as a team,
    /// else the average of its members who had joined by the close (no answer counts 0), so
    /// team size does not decide.
    pub fn team_points(&self, teams: &[TeamId], seats: &[Seat]) -> Vec<(TeamId, Vec<u32>)> {
        let scored = self.scored();
        let points_of = |by: Answerer, n: usize| -> u32 {
            scored.iter().find(|(who, _)| *who == by).and_then(|(_, per)| per[n]).map_or(0, |s| s.points)
        };
        teams
            .iter()
            .map(|&team| {
                let per_question = (0..self.closed_at.len())
                    .map(|n| {
                        if self.answer_of(n, Answerer::Team(team)).is_some() || self.mode == QuizMode::Teams {
                            return points_of(Answerer::Team(team), n);
                        }
                        let members: Vec<&Seat> =
                            seats.iter().filter(|s| s.team == team && s.joined_at <= self.closed_at[n]).collect();
                        if members.is_empty() {
                            return 0;
                        }
                        let sum: u32 = members.iter().map(|s| points_of(Answerer::Seat(s.id), n)).sum();
                        (f64::from(sum) / members.len() as f64).round() as u32
                    })
                    .collect();
                (team, per_question)
            })
            .collect()
    }

    /// Teams by total points, highest first, with their places (ties share a place: 1, 1, 3).
    pub fn team_standings(&self, teams: &[TeamId], seats: &[Seat]) -> Vec<Standing<TeamId>> {
        standings(self.team_points(teams, seats).into_iter().map(|(team, per)| (team, per.iter().sum())).collect())
    }

    /// Participants by total points (their own answers), highest first.
    pub fn player_standings(&self) -> Vec<Standing<SeatId>> {
        standings(
            self.scored()
                .into_iter()
                .filter_map(|(by, per)| match by {
                    Answerer::Seat(seat) => Some((seat, per.iter().flatten().map(|s| s.points).sum())),
                    Answerer::Team(_) => None,
                })
                .collect(),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing<T> {
    pub who: T,
    pub points: u32,
    /// 1-based; tied totals share a place.
    pub place: usize,
}

fn standings<T: Copy>(mut totals: Vec<(T, u32)>) -> Vec<Standing<T>> {
    // Stable: tied teams keep the trainer's order.
    totals.sort_by_key(|&(_, points)| std::cmp::Reverse(points));
    let mut out: Vec<Standing<T>> = Vec::with_capacity(totals.len());
    for (i, (who, points)) in totals.into_iter().enumerate() {
        let place = match out.last() {
            Some(last) if last.points == points => last.place,
            _ => i + 1,
        };
        out.push(Standing { who, points, place });
    }
    out
}

/// Why a quiz edit was refused; the session is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizRefusal {
    NoQuiz(usize),
    /// Another quiz is still being played.
    QuizOpen(usize),
    NoQuestions,
    TooManyQuestions,
    /// The question is not taking answers (closed, or not opened yet).
    NotAsking,
    AlreadyAnswered,
    /// After the deadline.
    TooLate,
    /// Not a choice this question offers, or an order that is not every step once.
    BadChoice,
    /// In a per-participant quiz, a team with phones answers on them.
    AnswersOnPhones,
    Finished,
}

impl std::fmt::Display for QuizRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuizRefusal::NoQuiz(i) => write!(f, "no quiz {i}"),
            QuizRefusal::QuizOpen(i) => write!(f, "quiz {i} is still being played"),
            QuizRefusal::NoQuestions => write!(f, "a quiz needs at least one question"),
            QuizRefusal::TooManyQuestions => write!(f, "a quiz has at most {MAX_QUIZ_QUESTIONS} questions"),
            QuizRefusal::NotAsking => write!(f, "the question is not taking answers"),
            QuizRefusal::AlreadyAnswered => write!(f, "answered already: the first answer counts"),
            QuizRefusal::TooLate => write!(f, "the time for this question is up"),
            QuizRefusal::BadChoice => write!(f, "not one of the question's choices"),
            QuizRefusal::AnswersOnPhones => write!(f, "this team's members answer on their phones"),
            QuizRefusal::Finished => write!(f, "the quiz is over"),
        }
    }
}

/// Ledger points for a team's quiz total.
pub fn ledger_points(quiz_points: u32) -> i32 {
    (f64::from(quiz_points) / f64::from(QUIZ_POINTS_PER_LEDGER_POINT)).round() as i32
}
