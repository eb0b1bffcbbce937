//! A fair random draw of the next team or member to serve or to play the customer: whoever was
//! picked recently is much less likely to be picked again, and every draw is reproducible from
//! the seed and the history, which the session saves.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::core::ids::TeamId;

/// How many past picks are remembered; more than the largest class, fewer than a file's worth.
const HISTORY_LEN: usize = 128;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Picker<T> {
    pub seed: u64,
    /// Draws made so far; each draw's randomness comes from the seed and this count.
    draws: u64,
    /// Most recent last.
    history: Vec<T>,
}

impl<T> Default for Picker<T> {
    fn default() -> Self {
        Picker::new(0)
    }
}

/// A member by team and name (names repeat across teams).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPick {
    pub team: TeamId,
    pub name: String,
}

impl<T> Picker<T> {
    pub fn new(seed: u64) -> Picker<T> {
        Picker { seed, draws: 0, history: Vec::new() }
    }

    /// Past picks, most recent last.
    pub fn history(&self) -> &[T] {
        &self.history
    }
}

impl<T: Clone + PartialEq> Picker<T> {
    /// Draws one of `candidates` and remembers it. Weight is the square of how many picks ago a
    /// candidate was last picked, capped at the number of candidates (never picked counts as the
    /// cap): with six teams the one just picked has weight 1, a fresh team 36.
    pub fn pick(&mut self, candidates: &[T]) -> Option<T> {
        let cap = candidates.len() as u64;
        let weights: Vec<u64> = candidates
            .iter()
            .map(|c| {
                let age = self.history.iter().rev().position(|h| h == c).map_or(cap, |ago| (ago as u64 + 1).min(cap));
                age * age
            })
            .collect();
        let total: u64 = weights.iter().sum();
        if total == 0 {
            return None;
        }
        // A different, reproducible stream per draw, so a restored session continues identically.
        let mut rng = StdRng::seed_from_u64(self.seed ^ self.draws.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut ticket = rng.random_range(0..total);
        let chosen = weights.iter().position(|&w| {
            let hit = ticket < w;
            ticket = ticket.saturating_sub(w);
            hit
        })?;
        let picked = candidates[chosen].clone();
        self.draws += 1;
        self.history.push(picked.clone());
        if self.history.len() > HISTORY_LEN {
            self.history.remove(0);
        }
        Some(picked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_sequence_even_after_a_save() {
        let teams: Vec<TeamId> = (1..=6).map(TeamId).collect();
        let mut first = Picker::new(7);
        let mut second = Picker::new(7);
        let a: Vec<_> = (0..20).map(|_| first.pick(&teams)).collect();
        let mut b: Vec<_> = (0..10).map(|_| second.pick(&teams)).collect();
        let text = ron::to_string(&second).unwrap();
        let mut restored: Picker<TeamId> = ron::from_str(&text).unwrap();
        b.extend((0..10).map(|_| restored.pick(&teams)));
        assert_eq!(a, b);
        let other: Vec<_> = (0..20).map(|_| Picker::new(8).pick(&teams)).collect();
        assert_ne!(a, other);
    }

    #[test]
    fn recent_picks_are_rarely_repeated_and_everyone_gets_a_fair_share() {
        let teams: Vec<TeamId> = (1..=6).map(TeamId).collect();
        let mut picker = Picker::new(2024);
        let picks: Vec<TeamId> = (0..600).filter_map(|_| picker.pick(&teams)).collect();
        let repeats = picks.windows(2).filter(|w| w[0] == w[1]).count();
        // Uniform draws would repeat about 100 times in 600; the weighting makes it rare.
        assert!(repeats < 20, "{repeats} immediate repeats");
        for team in &teams {
            let count = picks.iter().filter(|p| *p == team).count();
            assert!((80..=120).contains(&count), "team {team:?} picked {count} times");
        }
    }

    #[test]
    fn nothing_to_pick_from_gives_none() {
        assert_eq!(Picker::<TeamId>::new(1).pick(&[]), None);
    }
}
