//! Quiz rounds on the course's models: the question bank (content as data, validated), the
//! builder's draw, and the game as the room plays it, scored into the ledger as `Quiz(n)`.

pub mod bank;
pub mod build;
pub mod play;

pub use bank::{KindName, Question, QuestionKind, QuizBank, QuizSet, validate};
pub use build::{QuizFilter, build};
pub use play::{Answerer, QuizAnswer, QuizMode, QuizPhase, QuizRefusal, QuizRun};

#[cfg(test)]
mod tests;
