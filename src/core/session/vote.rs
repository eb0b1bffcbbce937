//! Team building's presentations and vote: who presents when, one ballot per team for the best
//! presentation (never its own), the tally with its tie rule, and the winner's points.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::core::ids::TeamId;
use crate::core::room::seat::SeatId;

/// A random presentation order, the same for the same seed (the seed can be shown or noted so
/// the draw can be checked). Store the result: a future `rand` may shuffle differently.
pub fn random_presentation_order(teams: &[TeamId], seed: u64) -> Vec<TeamId> {
    let mut order = teams.to_vec();
    order.shuffle(&mut StdRng::seed_from_u64(seed));
    order
}

/// `saved` made valid for `teams`: unknown and repeated ids dropped, teams missing from it
/// appended in team order.
pub fn resolve_presentation_order(saved: &[TeamId], teams: &[TeamId]) -> Vec<TeamId> {
    let mut order: Vec<TeamId> = Vec::with_capacity(teams.len());
    for &id in saved.iter().chain(teams) {
        if teams.contains(&id) && !order.contains(&id) {
            order.push(id);
        }
    }
    order
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: TeamId,
    pub choice: TeamId,
    /// The participant who voted from a phone; `None` for the team's ballot typed by the
    /// trainer. Each counts as one vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<SeatId>,
}

/// The ballots cast so far, at most one per team and one per participant on a phone; kept in the session so a restart mid-vote
/// loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ballots(Vec<Ballot>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteError {
    /// A team may not vote for itself.
    OwnTeam,
    /// The voter or the choice is not one of the presenting teams.
    UnknownTeam(TeamId),
}

impl std::fmt::Display for VoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VoteError::OwnTeam => write!(f, "a team cannot vote for itself"),
            VoteError::UnknownTeam(id) => write!(f, "team {} is not in this vote", id.0),
        }
    }
}

impl std::error::Error for VoteError {}

impl Ballots {
    /// Records `voter`'s choice among `teams`, replacing any earlier ballot of that team (a team
    /// may change its mind until the tally).
    pub fn cast(&mut self, voter: TeamId, choice: TeamId, teams: &[TeamId]) -> Result<(), VoteError> {
        Self::check(voter, choice, teams)?;
        self.0.retain(|b| !(b.voter == voter && b.seat.is_none()));
        self.0.push(Ballot { voter, choice, seat: None });
        Ok(())
    }

    /// Records the choice of one participant of `voter` (from a phone), replacing their
    /// earlier one.
    pub fn cast_by_seat(
        &mut self,
        voter: TeamId,
        seat: SeatId,
        choice: TeamId,
        teams: &[TeamId],
    ) -> Result<(), VoteError> {
        Self::check(voter, choice, teams)?;
        self.0.retain(|b| b.seat != Some(seat));
        self.0.push(Ballot { voter, choice, seat: Some(seat) });
        Ok(())
    }

    fn check(voter: TeamId, choice: TeamId, teams: &[TeamId]) -> Result<(), VoteError> {
        if let Some(&unknown) = [voter, choice].iter().find(|id| !teams.contains(id)) {
            return Err(VoteError::UnknownTeam(unknown));
        }
        if voter == choice {
            return Err(VoteError::OwnTeam);
        }
        Ok(())
    }

    /// Takes back the team's own (trainer-typed) ballot.
    pub fn withdraw(&mut self, voter: TeamId) {
        self.0.retain(|b| !(b.voter == voter && b.seat.is_none()));
    }

    pub fn withdraw_seat(&mut self, seat: SeatId) {
        self.0.retain(|b| b.seat != Some(seat));
    }

    /// What a participant voted for from their phone.
    pub fn choice_of_seat(&self, seat: SeatId) -> Option<TeamId> {
        self.0.iter().find(|b| b.seat == Some(seat)).map(|b| b.choice)
    }

    /// How many participants have voted from phones.
    pub fn seat_ballots(&self) -> usize {
        self.0.iter().filter(|b| b.seat.is_some()).count()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn ballots(&self) -> &[Ballot] {
        &self.0
    }

    /// Whether the team's own (trainer-typed) ballot is in.
    pub fn has_voted(&self, voter: TeamId) -> bool {
        self.0.iter().any(|b| b.voter == voter && b.seat.is_none())
    }

    /// Counts the votes of the teams in `presentation_order` (ballots of or for other teams, e.g.
    /// a team removed since, do not count) and picks the winner by [`TIE_RULE`].
    pub fn tally(&self, presentation_order: &[TeamId]) -> Tally {
        let votes: Vec<(TeamId, u32)> = presentation_order
            .iter()
            .map(|&team| {
                let received =
                    self.0.iter().filter(|b| b.choice == team && presentation_order.contains(&b.voter)).count();
                (team, received as u32)
            })
            .collect();
        let most = votes.iter().map(|&(_, n)| n).max().filter(|&n| n > 0);
        let leaders: Vec<TeamId> = votes.iter().filter(|&&(_, n)| Some(n) == most).map(|&(team, _)| team).collect();
        // `votes` is in presentation order, so the first leader presented earliest.
        let winner = leaders.first().copied();
        let tied = if leaders.len() > 1 { leaders } else { Vec::new() };
        Tally { votes, winner, tied }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Votes received by each team, in presentation order.
    pub votes: Vec<(TeamId, u32)>,
    /// The best-presenting team; `None` while nobody has voted.
    pub winner: Option<TeamId>,
    /// The teams that shared the most votes, in presentation order, when the tie rule decided;
    /// empty otherwise.
    pub tied: Vec<TeamId>,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ids(n: u32) -> Vec<TeamId> {
        (1..=n).map(TeamId).collect()
    }

    #[test]
    fn a_team_cannot_vote_for_itself_or_outsiders_and_may_change_its_mind() {
        let teams = ids(3);
        let mut ballots = Ballots::default();
        assert_eq!(ballots.cast(teams[0], teams[0], &teams), Err(VoteError::OwnTeam));
        assert_eq!(ballots.cast(teams[0], TeamId(9), &teams), Err(VoteError::UnknownTeam(TeamId(9))));
        ballots.cast(teams[0], teams[1], &teams).unwrap();
        ballots.cast(teams[0], teams[2], &teams).unwrap();
        assert_eq!(ballots.ballots(), &[Ballot { voter: teams[0], choice: teams[2], seat: None }]);
        ballots.withdraw(teams[0]);
        assert!(!ballots.has_voted(teams[0]));
    }

    #[test]
    fn most_votes_win_and_a_tie_goes_to_the_earlier_presenter() {
        let teams = ids(4);
        let order = vec![teams[3], teams[1], teams[0], teams[2]];
        let mut ballots = Ballots::default();
        assert_eq!(ballots.tally(&order).winner, None);
        ballots.cast(teams[0], teams[1], &teams).unwrap();
        ballots.cast(teams[1], teams[0], &teams).unwrap();
        let tally = ballots.tally(&order);
        assert_eq!(tally.winner, Some(teams[1]), "team 2 presented before team 1");
        assert_eq!(tally.tied, vec![teams[1], teams[0]]);
        ballots.cast(teams[2], teams[0], &teams).unwrap();
        let tally = ballots.tally(&order);
        assert_eq!(tally.winner, Some(teams[0]));
        assert!(tally.tied.is_empty());
        assert_eq!(tally.votes, vec![(teams[3], 0), (teams[1], 1), (teams[0], 2), (teams[2], 0)]);
    }

    #[test]
    fn random_order_is_reproducible_and_saved_orders_heal() {
        let teams = ids(8);
        let drawn = random_presentation_order(&teams, 42);
        assert_eq!(drawn, random_presentation_order(&teams, 42));
        let mut sorted = drawn.clone();
        sorted.sort();
        assert_eq!(sorted, teams);
        let differs = (0..20).any(|seed| random_presentation_order(&teams, seed) != drawn);
        assert!(differs, "different seeds give different orders");
        let healed = resolve_presentation_order(&[TeamId(3), TeamId(99), TeamId(3), TeamId(1)], &ids(4));
        assert_eq!(healed, vec![TeamId(3), TeamId(1), TeamId(2), TeamId(4)]);
    }

    proptest! {
        #[test]
        fn no_team_ever_receives_its_own_vote(
            team_count in 2..12u32,
            casts in prop::collection::vec((1..14u32, 1..14u32), 0..40),
        ) {
            let teams = ids(team_count);
            let mut ballots = Ballots::default();
            for (voter, choice) in casts {
                let _ = ballots.cast(TeamId(voter), TeamId(choice), &teams);
            }
            prop_assert!(ballots.ballots().iter().all(|b| b.voter != b.choice));
            let tally = ballots.tally(&teams);
            let total: u32 = tally.votes.iter().map(|&(_, n)| n).sum();
            prop_assert_eq!(total as usize, ballots.ballots().len());
            prop_assert!(ballots.ballots().len() <= teams.len());
            if let Some(winner) = tally.winner {
                let best = tally.votes.iter().map(|&(_, n)| n).max().unwrap_or(0);
                prop_assert_eq!(tally.votes.iter().find(|v| v.0 == winner).map(|v| v.1), Some(best));
            }
        }
    }
}
