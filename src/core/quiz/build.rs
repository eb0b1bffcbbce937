//! The trainer's quiz builder: a random draw from the bank by model and difficulty.

use std::collections::BTreeSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::core::scenario::Difficulty;

use super::bank::{Question, QuizBank};

/// What to draw; an empty model set or no difficulty matches anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizFilter {
    pub models: BTreeSet<String>,
    pub difficulty: Option<Difficulty>,
    pub count: usize,
}

impl Default for QuizFilter {
    fn default() -> Self {
        QuizFilter { models: BTreeSet::new(), difficulty: None, count: 10 }
    }
}

impl QuizFilter {
    pub fn matches(&self, question: &Question) -> bool {
        (self.models.is_empty() || self.models.contains(&question.model))
            && self.difficulty.is_none_or(|d| d == question.difficulty)
    }

    /// How many questions of the bank match.
    pub fn available(&self, bank: &QuizBank) -> usize {
        bank.questions().filter(|(_, q)| self.matches(q)).count()
    }
}

/// Up to `filter.count` matching questions, drawn at random (the same seed, the same draw), each
/// question once even when two files share it; easier ones first so the room warms up.
pub fn build(bank: &QuizBank, filter: &QuizFilter, seed: u64) -> Vec<Question> {
    let mut seen = BTreeSet::new();
    let mut pool: Vec<&Question> =
        bank.questions().map(|(_, q)| q).filter(|q| filter.matches(q) && seen.insert(q.id.as_str())).collect();
    pool.shuffle(&mut StdRng::seed_from_u64(seed));
    pool.truncate(filter.count);
    pool.sort_by_key(|q| q.difficulty);
    pool.into_iter().cloned().collect()
}
