//! The quiz edits: start, answer, move on, finish (the points land in the ledger) and abandon.

use crate::core::ids::Timestamp;
use crate::core::lang::Bilingual;
use crate::core::locale::Locales;
use crate::core::quiz::bank::Question;
use crate::core::quiz::play::{
    Answerer, MAX_QUIZ_QUESTIONS, QuizAnswer, QuizMode, QuizPhase, QuizRefusal, QuizRun, answer_length, ledger_points,
};

use super::edit::Applied;
use super::error::SessionError;
use super::ledger::PointsSource;
use super::state::Session;

impl Session {
    /// The quiz being played, if any: the last one, until it finishes.
    pub fn open_quiz(&self) -> Option<usize> {
        self.quizzes.iter().rposition(|q| !q.is_finished())
    }

    pub(super) fn start_quiz(
        &mut self,
        title: &Bilingual,
        questions: &[Question],
        mode: QuizMode,
        seed: u64,
        now: Timestamp,
    ) -> Result<Applied, SessionError> {
        if let Some(open) = self.open_quiz() {
            return Err(SessionError::Quiz(QuizRefusal::QuizOpen(open)));
        }
        if questions.is_empty() {
            return Err(SessionError::Quiz(QuizRefusal::NoQuestions));
        }
        if questions.len() > MAX_QUIZ_QUESTIONS {
            return Err(SessionError::Quiz(QuizRefusal::TooManyQuestions));
        }
        let number = self.quizzes.iter().map(|q| q.number).max().unwrap_or(0) + 1;
        let mut quiz = QuizRun::new(number, title.clone(), mode, questions.to_vec(), seed);
        quiz.opened_at.push(now);
        self.quizzes.push(quiz);
        Ok(Applied::QuizStarted(self.quizzes.len() - 1))
    }

    /// An answer given as places on screen (A = 0 …), timed by `now`.
    pub(super) fn answer_quiz(
        &mut self,
        index: usize,
        by: Answerer,
        places: &[usize],
        now: Timestamp,
    ) -> Result<Applied, SessionError> {
        let refuse = |why| Err(SessionError::Quiz(why));
        if let Answerer::Team(team) = by
            && self.team(team).is_none()
        {
            return Err(SessionError::UnknownTeam(team));
        }
        let by = match by {
            Answerer::Seat(seat) => {
                let sitting = self.room.seat(seat).ok_or(SessionError::UnknownSeat(seat))?;
                let team = sitting.team;
                match self.quizzes.get(index).map(|q| q.mode) {
                    Some(QuizMode::Teams) => Answerer::Team(team),
                    _ => by,
                }
            }
            Answerer::Team(team) => {
                let players = self.quizzes.get(index).is_some_and(|q| q.mode == QuizMode::Players);
                if players && self.room.seats.iter().any(|s| s.team == team) {
                    return refuse(QuizRefusal::AnswersOnPhones);
                }
                by
            }
        };
        let quiz = self.quizzes.get_mut(index).ok_or(SessionError::Quiz(QuizRefusal::NoQuiz(index)))?;
        if quiz.phase != QuizPhase::Asking {
            return refuse(QuizRefusal::NotAsking);
        }
        let question = quiz.current;
        if quiz.answer_of(question, by).is_some() {
            return refuse(QuizRefusal::AlreadyAnswered);
        }
        let after_ms = quiz.elapsed_ms(now);
        if after_ms > u64::from(quiz.question().time_secs()) * 1000 {
            return refuse(QuizRefusal::TooLate);
        }
        let Some(choice) = quiz.choices_of_places(question, places) else { return refuse(QuizRefusal::BadChoice) };
        let wanted = answer_length(quiz.question());
        let mut distinct = choice.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if choice.len() != wanted || distinct.len() != wanted {
            return refuse(QuizRefusal::BadChoice);
        }
        quiz.answers.push(QuizAnswer { question, by, choice, after_ms });
        Ok(Applied::Changed)
    }

    /// Closes the question (the answer shows), then shows the standings, then opens the next
    /// question; after the last standings the quiz finishes and its points land in the ledger.
    pub(super) fn advance_quiz(
        &mut self,
        index: usize,
        locales: &Locales,
        now: Timestamp,
    ) -> Result<Applied, SessionError> {
        let quiz = self.quizzes.get_mut(index).ok_or(SessionError::Quiz(QuizRefusal::NoQuiz(index)))?;
        match quiz.phase {
            QuizPhase::Asking => {
                quiz.closed_at.push(now);
                quiz.phase = QuizPhase::Answer;
            }
            QuizPhase::Answer => quiz.phase = QuizPhase::Standings,
            QuizPhase::Standings if quiz.current + 1 < quiz.questions.len() => {
                quiz.current += 1;
                quiz.opened_at.push(now);
                quiz.phase = QuizPhase::Asking;
            }
            QuizPhase::Standings => return self.finish_quiz(index, locales, now),
            QuizPhase::Finished => return Err(SessionError::Quiz(QuizRefusal::Finished)),
        }
        Ok(Applied::Changed)
    }

    /// One ledger entry per team that scored, source `Quiz(n)`.
    fn finish_quiz(&mut self, index: usize, locales: &Locales, now: Timestamp) -> Result<Applied, SessionError> {
        let lang = self.lang;
        let quiz = &self.quizzes[index];
        let teams: Vec<_> = self.teams.iter().map(|t| t.id()).collect();
        let standings = quiz.team_standings(&teams, &self.room.seats);
        let (number, title) = (quiz.number, quiz.title.get(lang).to_owned());
        let mut entries = Vec::new();
        for standing in standings {
            let points = ledger_points(standing.points);
            if points == 0 {
                continue;
            }
            let reason = locales.get_args(
                lang,
                "ledger-quiz",
                &[
                    ("number", number.into()),
                    ("title", title.clone().into()),
                    ("quiz_points", standing.points.into()),
                    ("place", standing.place.into()),
                ],
            );
            entries.push(self.record(standing.who, points, PointsSource::Quiz(number), reason, now)?);
        }
        let quiz = &mut self.quizzes[index];
        quiz.phase = QuizPhase::Finished;
        quiz.ledger_entries = entries;
        Ok(Applied::Changed)
    }

    pub(super) fn restore_quiz(&mut self, run: &QuizRun) -> Result<Applied, SessionError> {
        if let Some(open) = self.open_quiz() {
            return Err(SessionError::Quiz(QuizRefusal::QuizOpen(open)));
        }
        let at = self.quizzes.iter().position(|q| q.number > run.number).unwrap_or(self.quizzes.len());
        self.quizzes.insert(at, run.clone());
        Ok(Applied::QuizStarted(at))
    }

    /// Drops a quiz that has not finished (no points landed); it comes back in
    /// [`Applied::QuizVoided`] for an undo.
    pub(super) fn abandon_quiz(&mut self, index: usize) -> Result<Applied, SessionError> {
        match self.quizzes.get(index) {
            None => Err(SessionError::Quiz(QuizRefusal::NoQuiz(index))),
            Some(quiz) if quiz.is_finished() => Err(SessionError::Quiz(QuizRefusal::Finished)),
            Some(_) => Ok(Applied::QuizVoided(Box::new(self.quizzes.remove(index)))),
        }
    }
}
