//! A session is one workshop: its teams, the points ledger, the agenda of the day and its
//! timings. Saved as RON (see `persist` for the crash-safe save).
//!
//! Teams are referred to by a stable [`TeamId`], never by position, so removing or reordering
//! teams can never move points, votes or picks to another team. Ids are never reused.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaStep, Durations};
use super::debrief::{Debrief, DebriefShape};
use super::error::SessionError;
use super::ledger::{PointsEntry, PointsSource, rank};
use super::picker::{MemberPick, Picker};
use super::story::Story;
use super::team::{MAX_TEAMS, MIN_TEAMS, TEAM_PALETTE_SIZE, Team};
use super::vote::Ballots;
use crate::core::content_error::{ContentError, parse_ron};
use crate::core::ids::{TeamId, Timestamp};
use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::quiz::QuizRun;
use crate::core::room::seat::Room;
use crate::core::round::record::RoundRecord;
use crate::core::round::review::RoundRules;
use crate::core::time::TimeZone;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub name: String,
    pub lang: Lang,
    /// Teams in the trainer's display order.
    pub teams: Vec<Team>,
    /// Every change of points, append-only; totals are always the sum of its live entries.
    /// A position in the ledger identifies an entry for undo and restore.
    pub ledger: Vec<PointsEntry>,
    pub agenda: Vec<AgendaStep>,
    pub durations: Durations,
    /// Points the best-presenting team gets from the vote.
    pub vote_points: u32,
    /// The order teams present in (drawn or arranged by the trainer); empty means team order.
    pub presentation_order: Vec<TeamId>,
    pub ballots: Ballots,
    /// Who served or played the customer recently, so the next draw is fair.
    pub team_picker: Picker<TeamId>,
    pub member_picker: Picker<MemberPick>,
    /// Each team's closing summary.
    pub debriefs: Vec<Debrief>,
    /// How many takeaways, tools and actions a debrief asks for: 5-3-1, or 3-2-1.
    pub debrief_shape: DebriefShape,
    /// Every role-play round played, in order; the open one (if any) is last.
    pub rounds: Vec<RoundRecord>,
    /// Every quiz played, in order; the one being played (if any) is last.
    pub quizzes: Vec<QuizRun>,
    pub round_rules: RoundRules,
    /// Participants' experience-sharing stories, in the order they came.
    pub stories: Vec<Story>,
    /// The story the trainer put up large, if any.
    pub featured_story: Option<usize>,
    /// The phones that joined, the room code and the secret their tokens are signed with.
    pub room: Room,
    /// The next id to hand out; kept so ids of removed teams are never reused.
    next_team_id: u32,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            name: String::new(),
            lang: Lang::default(),
            teams: Vec::new(),
            ledger: Vec::new(),
            agenda: AgendaStep::default_day(),
            durations: Durations::default(),
            vote_points: 10,
            presentation_order: Vec::new(),
            ballots: Ballots::default(),
            team_picker: Picker::default(),
            member_picker: Picker::default(),
            debriefs: Vec::new(),
            debrief_shape: DebriefShape::default(),
            rounds: Vec::new(),
            quizzes: Vec::new(),
            round_rules: RoundRules::default(),
            stories: Vec::new(),
            featured_story: None,
            room: Room::default(),
            next_team_id: 1,
        }
    }
}

impl Session {
    /// The team's own debrief, if it has one.
    pub fn debrief(&self, team: TeamId) -> Option<&Debrief> {
        self.debrief_of(team, None)
    }

    /// The team's own debrief, created empty on first use.
    pub fn debrief_mut(&mut self, team: TeamId) -> &mut Debrief {
        self.debrief_of_mut(team, None)
    }

    /// The debrief of the team (`participant` `None`) or of one of its members.
    pub fn debrief_of(&self, team: TeamId, participant: Option<&str>) -> Option<&Debrief> {
        self.debriefs.iter().find(|d| d.team == Some(team) && d.participant.as_deref() == participant)
    }

    /// The debrief of the team or of one of its members, created empty on first use.
    pub fn debrief_of_mut(&mut self, team: TeamId, participant: Option<&str>) -> &mut Debrief {
        if let Some(i) =
            self.debriefs.iter().position(|d| d.team == Some(team) && d.participant.as_deref() == participant)
        {
            return &mut self.debriefs[i];
        }
        let participant = participant.map(str::to_owned);
        self.debriefs.push(Debrief { team: Some(team), participant, ..Debrief::default() });
        self.debriefs.last_mut().expect("just pushed")
    }

    /// Everyone who can write a debrief of their own: each team's members, in team order.
    pub fn participants(&self) -> Vec<(TeamId, String)> {
        self.teams.iter().flat_map(|t| t.members.iter().map(|m| (t.id, m.clone()))).collect()
    }
}

impl Session {
    /// An empty workshop with the default day and timings.
    pub fn new(name: impl Into<String>, lang: Lang) -> Session {
        Session { name: name.into(), lang, ..Session::default() }
    }

    /// A new workshop named after the app and the local date of `now` in `zone`, until the
    /// trainer renames it.
    pub fn new_for_day(lang: Lang, locales: &Locales, now: Timestamp, zone: &TimeZone) -> Session {
        let date = crate::core::time::date_in(now, zone);
        Session::new(locales.get_args(lang, "camp-new-camp", &[("date", date.into())]), lang)
    }

    /// Whether closing the app would lose anything the room made.
    pub fn has_data(&self) -> bool {
        !self.teams.is_empty() || !self.ledger.is_empty()
    }

    /// Whether there are enough teams for presentations and the vote (each votes for another).
    pub fn ready_to_compete(&self) -> bool {
        self.teams.len() >= MIN_TEAMS
    }

    pub fn team(&self, id: TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// For editing a team's name, logo, slogan, song, captain and members.
    pub fn team_mut(&mut self, id: TeamId) -> Option<&mut Team> {
        self.teams.iter_mut().find(|t| t.id == id)
    }

    pub fn team_index(&self, id: TeamId) -> Option<usize> {
        self.teams.iter().position(|t| t.id == id)
    }

    pub fn team_ids(&self) -> Vec<TeamId> {
        self.teams.iter().map(Team::id).collect()
    }

    /// Adds a team at the end with a fresh id and the first palette colour no team uses yet.
    pub fn add_team(&mut self, name: impl Into<String>, emoji: impl Into<String>) -> Result<TeamId, SessionError> {
        if self.teams.len() >= MAX_TEAMS {
            return Err(SessionError::TooManyTeams);
        }
        // Never below an id already in the file, even if it was edited by hand.
        let highest_seen = self.teams.iter().map(|t| t.id.0).chain(self.ledger.iter().map(|e| e.team.0)).max();
        let id = TeamId(self.next_team_id.max(highest_seen.map_or(1, |h| h + 1)));
        self.next_team_id = id.0 + 1;
        let color = (0..TEAM_PALETTE_SIZE).find(|c| self.teams.iter().all(|t| t.color != *c)).unwrap_or(0);
        self.teams.push(Team {
            id,
            name: name.into(),
            emoji: emoji.into(),
            color,
            slogan: String::new(),
            song: String::new(),
            captain: String::new(),
            members: Vec::new(),
        });
        Ok(id)
    }

    /// Removes a team. Its ledger entries stay as history but count for nobody, because the id
    /// is never given to another team.
    pub fn remove_team(&mut self, id: TeamId) -> Result<Team, SessionError> {
        let index = self.team_index(id).ok_or(SessionError::UnknownTeam(id))?;
        self.presentation_order.retain(|&t| t != id);
        Ok(self.teams.remove(index))
    }

    /// Moves a team to `to` in the display order (clamped to the last place).
    pub fn move_team(&mut self, id: TeamId, to: usize) -> Result<(), SessionError> {
        let from = self.team_index(id).ok_or(SessionError::UnknownTeam(id))?;
        move_item(&mut self.teams, from, to);
        Ok(())
    }

    /// Appends a ledger entry and returns its position.
    pub fn record(
        &mut self,
        team: TeamId,
        points: i32,
        source: PointsSource,
        reason: impl Into<String>,
        at: Timestamp,
    ) -> Result<usize, SessionError> {
        if self.team(team).is_none() {
            return Err(SessionError::UnknownTeam(team));
        }
        self.ledger.push(PointsEntry { team, points, reason: reason.into(), source, at, undone_at: None });
        Ok(self.ledger.len() - 1)
    }

    /// The trainer's bonus (positive points) or penalty (negative); a reason is required so the
    /// room can see why.
    pub fn adjust(
        &mut self,
        team: TeamId,
        points: i32,
        reason: impl Into<String>,
        at: Timestamp,
    ) -> Result<usize, SessionError> {
        let reason = reason.into();
        if points == 0 || reason.trim().is_empty() {
            return Err(SessionError::EmptyAdjustment);
        }
        let source = if points > 0 { PointsSource::Bonus } else { PointsSource::Penalty };
        self.record(team, points, source, reason, at)
    }

    /// Takes an entry out of the totals, keeping it (and when it was undone) in the ledger.
    pub fn undo(&mut self, entry: usize, at: Timestamp) -> Result<(), SessionError> {
        let e = self.ledger.get_mut(entry).ok_or(SessionError::UnknownEntry(entry))?;
        if !e.is_live() {
            return Err(SessionError::AlreadyUndone(entry));
        }
        e.undone_at = Some(at);
        Ok(())
    }

    /// Undoes an undo: the entry counts again.
    pub fn restore(&mut self, entry: usize) -> Result<(), SessionError> {
        let e = self.ledger.get_mut(entry).ok_or(SessionError::UnknownEntry(entry))?;
        if e.is_live() {
            return Err(SessionError::NotUndone(entry));
        }
        e.undone_at = None;
        Ok(())
    }

    /// Each team's total, in team order: the sum of its live ledger entries.
    pub fn totals(&self) -> Vec<i32> {
        self.totals_of(&self.ledger)
    }

    /// Team indices from most to fewest points; ties keep team order.
    pub fn ranking(&self) -> Vec<usize> {
        rank(&self.totals())
    }

    /// Each team's total just before the latest round or vote was scored, in team order. A
    /// round's entries are recorded together, so the event starts at the first of the unbroken
    /// run of entries with the latest event's source. Without any round or vote: all zero.
    pub fn totals_before_last_round(&self) -> Vec<i32> {
        let latest_event = self.ledger.iter().rposition(|e| e.is_live() && e.source.is_scored_event());
        let event_start = latest_event.map_or(0, |last| {
            let source = self.ledger[last].source;
            self.ledger[..last].iter().rposition(|e| e.source != source).map_or(0, |before| before + 1)
        });
        self.totals_of(&self.ledger[..event_start])
    }

    /// Points gained (or lost) per team since the latest round or vote began, in team order; the
    /// leaderboard shows it beside each total.
    pub fn change_since_last_round(&self) -> Vec<i32> {
        self.totals().iter().zip(self.totals_before_last_round()).map(|(now, before)| now - before).collect()
    }

    /// The ranking as it stood before the latest round or vote, for "moved up / down" arrows.
    pub fn ranking_before_last_round(&self) -> Vec<usize> {
        rank(&self.totals_before_last_round())
    }

    /// Moves an agenda step to `to` (clamped to the last place); false if there is no step `from`.
    pub fn move_step(&mut self, from: usize, to: usize) -> bool {
        let exists = from < self.agenda.len();
        if exists {
            move_item(&mut self.agenda, from, to);
        }
        exists
    }

    /// The planned length of the whole day.
    pub fn agenda_minutes(&self) -> u32 {
        self.agenda.iter().map(|s| s.minutes).sum()
    }

    /// Presentation order to use now: the saved order with removed teams dropped and new teams
    /// appended, so nobody is ever skipped.
    pub fn presentation_sequence(&self) -> Vec<TeamId> {
        super::vote::resolve_presentation_order(&self.presentation_order, &self.team_ids())
    }

    fn totals_of(&self, entries: &[PointsEntry]) -> Vec<i32> {
        let mut totals = vec![0i32; self.teams.len()];
        for entry in entries.iter().filter(|e| e.is_live()) {
            if let Some(i) = self.team_index(entry.team) {
                // Saturating: an absurd file must not wrap a leader round to last place.
                totals[i] = totals[i].saturating_add(entry.points);
            }
        }
        totals
    }

    /// The ledger entry of the vote's award, while it counts.
    pub fn vote_award(&self) -> Option<usize> {
        self.ledger.iter().position(|e| e.source == PointsSource::Vote && e.is_live())
    }

    /// The members who can be drawn: of one team, or of every team when `team` is `None`.
    pub fn member_candidates(&self, team: Option<TeamId>) -> Vec<MemberPick> {
        self.teams
            .iter()
            .filter(|t| team.is_none_or(|id| t.id() == id))
            .flat_map(|t| t.members.iter().map(|name| MemberPick { team: t.id(), name: name.clone() }))
            .collect()
    }

    pub fn parse(file: &Path, source: &str) -> Result<Session, ContentError> {
        let session: Session = parse_ron(file, source)?;
        let mut ids: Vec<TeamId> = session.team_ids();
        ids.sort();
        if let Some(pair) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(ContentError::whole_file(file, format!("two teams have the same id {}", pair[0].0)));
        }
        session.check_limits().map_err(|problem| ContentError::whole_file(file, problem))?;
        Ok(session)
    }

    /// A session the screens can show and the exports can write: the limits of
    /// [`crate::core::limits`] (a file with 10,000 teams once froze the vote screen).
    fn check_limits(&self) -> Result<(), String> {
        use crate::core::limits::*;
        at_most("teams", self.teams.len(), MAX_TEAMS)?;
        at_most("ledger entries", self.ledger.len(), MAX_LEDGER_ENTRIES)?;
        at_most("rounds", self.rounds.len(), MAX_ROUNDS)?;
        at_most("stories", self.stories.len(), crate::core::room::seat::MAX_SEATS)?;
        at_most("phones in the room", self.room.seats.len(), crate::core::room::seat::MAX_SEATS)?;
        let text = |what: &str, text: &str| at_most(what, text.chars().count(), MAX_TEXT_CHARS);
        text("the camp's name", &self.name)?;
        for team in &self.teams {
            at_most(&format!("members of {}", team.name), team.members.len(), MAX_MEMBERS)?;
            for field in
                [&team.name, &team.emoji, &team.slogan, &team.song, &team.captain].into_iter().chain(&team.members)
            {
                text("a team's text", field)?;
            }
        }
        for (i, entry) in self.ledger.iter().enumerate() {
            if entry.points.unsigned_abs() > MAX_ENTRY_POINTS.unsigned_abs() {
                return Err(format!(
                    "ledger entry {i}: {} points, more than the {MAX_ENTRY_POINTS} one entry may hold",
                    entry.points
                ));
            }
            text("a ledger reason", &entry.reason)?;
        }
        for round in &self.rounds {
            at_most(&format!("presses of round {}", round.number), round.events.len(), MAX_ROUND_EVENTS)?;
            for event in &round.events {
                if let crate::core::round::record::Observed::Quote(quote) = &event.what {
                    text("a quote", quote)?;
                }
            }
            at_most(&format!("observer taps of round {}", round.number), round.observer_marks.len(), MAX_ROUND_EVENTS)?;
            let marks = round.observer_marks.iter().map(|m| m.t);
            let times = round.events.iter().map(|e| e.t).chain(marks).chain([round.duration_secs]);
            if let Some(bad) = times.into_iter().find(|t| !(t.is_finite() && *t >= 0.0)) {
                return Err(format!("round {}: a time of {bad} s; times are seconds from the start", round.number));
            }
            if let Some(rating) = round.peer_ratings.iter().find(|r| !(1..=5).contains(&r.stars)) {
                return Err(format!("round {}: {} stars; ratings are 1 to 5", round.number, rating.stars));
            }
        }
        for debrief in &self.debriefs {
            let actions = debrief.actions.iter().flat_map(|a| [&a.what, &a.by_when, &a.checker]);
            for line in debrief.takeaways.iter().chain(&debrief.tools).chain(actions) {
                text("a debrief line", line)?;
            }
        }
        Ok(())
    }

    pub fn load(file: &Path) -> Result<Session, ContentError> {
        let source = crate::core::limits::read_text_capped(file, crate::core::limits::MAX_SESSION_FILE_BYTES)?;
        Session::parse(file, &source)
    }

    /// The built-in demo workshop (six teams, points on the board) in `lang`; the
    /// screenshot tour and the exports show it.
    pub fn demo(lang: Lang) -> Session {
        let (name, source) = match lang {
            Lang::Zh => (
                "demo/session-zh.ron",
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/session-zh.ron")),
            ),
            Lang::En => (
                "demo/session-en.ron",
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/session-en.ron")),
            ),
        };
        Session::parse(Path::new(name), source).unwrap_or_else(|e| panic!("built-in demo session is invalid: {e}"))
    }
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    items.insert(to.min(items.len()), item);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::session::StepKind;

    fn session_with_teams(count: usize) -> (Session, Vec<TeamId>) {
        let mut session = Session::new("test", Lang::Zh);
        let ids = (0..count).map(|i| session.add_team(format!("team {i}"), "⭐").unwrap()).collect();
        (session, ids)
    }

    #[test]
    fn totals_are_the_sum_of_the_ledger_and_rank_descending() {
        let (mut session, ids) = session_with_teams(3);
        session.record(ids[0], 5, PointsSource::Round(1), "", Timestamp(1)).unwrap();
        session.record(ids[2], 8, PointsSource::Round(1), "", Timestamp(1)).unwrap();
        session.adjust(ids[0], -1, "taboo phrase", Timestamp(2)).unwrap();
        assert_eq!(session.totals(), vec![4, 0, 8]);
        assert_eq!(session.ranking(), vec![2, 0, 1]);
        assert!(session.has_data());
        assert!(!Session::default().has_data());
    }

    #[test]
    fn the_demo_before_its_vote_has_no_ballots_and_no_vote_points() {
        let demo = Session::demo(Lang::Zh);
        let before = Session::demo_before_the_vote(Lang::Zh);
        assert!(before.vote_award().is_none());
        assert!(before.ballots.ballots().is_empty());
        let taken_back: Vec<i32> = demo.totals().iter().zip(before.totals()).map(|(a, b)| a - b).collect();
        assert_eq!(taken_back, [5, 10, 0, 0, 0, 0], "the best team's 10 and the runner-up's 5");
    }

    #[test]
    fn demo_sessions_have_six_teams_in_both_languages_with_the_same_points() {
        let zh = Session::demo(Lang::Zh);
        let en = Session::demo(Lang::En);
        for (demo, lang) in [(&zh, Lang::Zh), (&en, Lang::En)] {
            assert_eq!(demo.teams.len(), 6);
            assert_eq!(demo.lang, lang);
            assert!(demo.ledger.iter().all(|e| demo.team(e.team).is_some()));
            assert_eq!(demo.agenda.len(), 6);
        }
        assert_eq!(zh.totals(), en.totals());
        assert_eq!(zh.totals().iter().sum::<i32>(), zh.ledger.iter().map(|e| e.points).sum::<i32>());
    }

    #[test]
    fn team_and_participant_debriefs_are_kept_apart_and_old_files_load() {
        let mut session = Session::demo(Lang::Zh);
        let team = session.teams[0].id();
        let takeaways = session.debrief(team).unwrap().takeaways.clone();
        session.debrief_of_mut(team, Some("李娜")).takeaways = vec!["先接住情绪".into()];
        assert_eq!(session.debrief(team).unwrap().takeaways, takeaways, "the team's own debrief is untouched");
        assert_eq!(session.debrief_of(team, Some("李娜")).unwrap().takeaways, ["先接住情绪"]);
        assert!(session.debrief_of(team, Some("王磊")).is_none());
        session.debrief_of_mut(team, Some("李娜")).tools.push("7A".into());
        assert_eq!(session.debriefs.iter().filter(|d| d.participant.is_some()).count(), 1, "found again, not added");
        assert_eq!(session.participants().len(), 24);
        assert_eq!(session.participants()[1], (team, "李娜".to_string()));
        // A file written before participants existed.
        let old = "(teams: [(id: 1, name: \"a\")], debriefs: [(team: Some(1), takeaways: [\"x\"])])";
        let loaded = Session::parse(Path::new("old.ron"), old).unwrap();
        assert_eq!(loaded.debrief(TeamId(1)).unwrap().participant, None);
    }

    #[test]
    fn broken_session_file_reports_position() {
        let err = Session::parse(Path::new("s.ron"), "(name: \"x\", teams: [ (id: 1, name: 3) ])").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.col > 20, "{err}");
    }

    #[test]
    fn duplicate_team_ids_are_refused() {
        let err =
            Session::parse(Path::new("s.ron"), "(teams: [(id: 4, name: \"a\"), (id: 4, name: \"b\")])").unwrap_err();
        assert!(err.message.contains("same id 4"), "{err}");
    }

    #[test]
    fn removing_and_reordering_teams_never_moves_points() {
        let (mut session, ids) = session_with_teams(4);
        for (points, &id) in (1..).zip(&ids) {
            session.record(id, points * 10, PointsSource::Round(1), "", Timestamp(0)).unwrap();
        }
        session.move_team(ids[3], 0).unwrap();
        assert_eq!(session.totals(), vec![40, 10, 20, 30]);
        session.remove_team(ids[1]).unwrap();
        assert_eq!(session.totals(), vec![40, 10, 30]);
        let newcomer = session.add_team("new", "🐬").unwrap();
        assert!(!ids.contains(&newcomer), "a removed team's id is never reused");
        assert_eq!(session.totals(), vec![40, 10, 30, 0]);
        assert_eq!(
            session.record(ids[1], 5, PointsSource::Bonus, "", Timestamp(0)),
            Err(SessionError::UnknownTeam(ids[1]))
        );
    }

    #[test]
    fn teams_get_distinct_colours_and_stop_at_twelve() {
        assert!(!session_with_teams(MIN_TEAMS - 1).0.ready_to_compete());
        let (mut session, _) = session_with_teams(MAX_TEAMS);
        assert!(session.ready_to_compete());
        let mut colours: Vec<usize> = session.teams.iter().map(|t| t.color).collect();
        colours.sort();
        assert_eq!(colours, (0..TEAM_PALETTE_SIZE).collect::<Vec<_>>());
        assert_eq!(session.add_team("one too many", "❌"), Err(SessionError::TooManyTeams));
    }

    #[test]
    fn adjustments_need_points_and_a_reason_and_pick_their_source_from_the_sign() {
        let (mut session, ids) = session_with_teams(2);
        assert_eq!(session.adjust(ids[0], 0, "nothing", Timestamp(0)), Err(SessionError::EmptyAdjustment));
        assert_eq!(session.adjust(ids[0], 3, "  ", Timestamp(0)), Err(SessionError::EmptyAdjustment));
        let bonus = session.adjust(ids[0], 3, "proactive follow-up", Timestamp(0)).unwrap();
        let penalty = session.adjust(ids[1], -2, "taboo phrase", Timestamp(0)).unwrap();
        assert_eq!(session.ledger[bonus].source, PointsSource::Bonus);
        assert_eq!(session.ledger[penalty].source, PointsSource::Penalty);
    }

    #[test]
    fn undo_keeps_the_entry_and_restore_brings_it_back() {
        let (mut session, ids) = session_with_teams(2);
        let entry = session.record(ids[1], 7, PointsSource::Vote, "best team", Timestamp(5)).unwrap();
        session.undo(entry, Timestamp(9)).unwrap();
        assert_eq!(session.totals(), vec![0, 0]);
        assert_eq!(session.ledger[entry].undone_at, Some(Timestamp(9)));
        assert_eq!(session.undo(entry, Timestamp(10)), Err(SessionError::AlreadyUndone(entry)));
        session.restore(entry).unwrap();
        assert_eq!(session.totals(), vec![0, 7]);
        assert_eq!(session.restore(entry), Err(SessionError::NotUndone(entry)));
        assert_eq!(session.undo(99, Timestamp(0)), Err(SessionError::UnknownEntry(99)));
    }

    #[test]
    fn change_since_last_round_covers_the_whole_latest_round_and_later_adjustments() {
        let (mut session, ids) = session_with_teams(3);
        assert_eq!(session.change_since_last_round(), vec![0, 0, 0]);
        session.record(ids[0], 10, PointsSource::Vote, "best team", Timestamp(1)).unwrap();
        for (points, &id) in [5, 9, 7].iter().zip(&ids) {
            session.record(id, *points, PointsSource::Round(1), "", Timestamp(2)).unwrap();
        }
        session.adjust(ids[2], 3, "bonus", Timestamp(3)).unwrap();
        assert_eq!(session.totals_before_last_round(), vec![10, 0, 0]);
        assert_eq!(session.change_since_last_round(), vec![5, 9, 10]);
        assert_eq!(session.ranking_before_last_round(), vec![0, 1, 2]);
        assert_eq!(session.ranking(), vec![0, 2, 1]);
        // Undoing the whole round makes the vote the latest event again.
        for entry in 1..4 {
            session.undo(entry, Timestamp(4)).unwrap();
        }
        assert_eq!(session.change_since_last_round(), vec![10, 0, 3]);
    }

    fn teams_ron(count: u32, extra: &str) -> String {
        let teams: Vec<String> = (1..=count).map(|i| format!("(id: {i}, name: \"t{i}\")")).collect();
        format!("(teams: [{}], {extra})", teams.join(", "))
    }

    #[test]
    fn absurd_sessions_are_refused_at_load_with_what_is_wrong() {
        let file = Path::new("camp.ron");
        assert_eq!(Session::parse(file, &teams_ron(12, "")).unwrap().teams.len(), 12);
        let err = Session::parse(file, &teams_ron(13, "")).unwrap_err();
        assert_eq!(err.to_string(), "camp.ron: teams: 13 is more than the 12 allowed");
        let huge = teams_ron(2, "ledger: [(team: 1, points: 2147483647, reason: \"x\", source: Bonus, at: 0)]");
        assert!(Session::parse(file, &huge).unwrap_err().message.contains("2147483647 points"));
        let long_name = teams_ron(2, &format!("name: \"{}\"", "营".repeat(2001)));
        assert!(Session::parse(file, &long_name).unwrap_err().message.contains("2001 is more than the 2000"));
    }

    #[test]
    fn totals_saturate_instead_of_wrapping_to_last_place() {
        let entries: Vec<String> =
            (0..2200).map(|_| "(team: 1, points: 1000000, reason: \"x\", source: Bonus, at: 0)".to_owned()).collect();
        let session =
            Session::parse(Path::new("camp.ron"), &teams_ron(2, &format!("ledger: [{}]", entries.join(", ")))).unwrap();
        assert_eq!(session.totals(), [i32::MAX, 0]);
        assert_eq!(session.ranking(), [0, 1], "the leader stays first");
    }

    #[test]
    fn a_camp_started_at_half_past_seven_in_shanghai_is_named_after_that_day() {
        // 2025-11-25 23:30 UTC is 2025-11-26 07:30 in Shanghai.
        let early = Timestamp(1_764_113_400_000);
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        let locales = Locales::compiled_in();
        assert_eq!(Session::new_for_day(Lang::Zh, locales, early, &shanghai).name, "服务训练营 2025-11-26");
        assert_eq!(Session::new_for_day(Lang::En, locales, early, &TimeZone::UTC).name, "Service Camp 2025-11-25");
    }

    #[test]
    fn agenda_steps_reorder_and_the_day_adds_up() {
        let mut session = Session::default();
        assert_eq!(session.agenda_minutes(), 170, "5 + 20 + 10 + 90 + 15 (the quiz) + 30");
        assert!(session.move_step(5, 0));
        assert_eq!(session.agenda[0].kind, StepKind::Debrief);
        assert_eq!(session.agenda[1].kind, StepKind::Agreement);
        assert!(!session.move_step(9, 0));
        session.agenda[0].minutes = 45;
        assert_eq!(session.agenda_minutes(), 185);
    }

    #[test]
    fn durations_default_to_the_course_and_drive_countdowns() {
        let durations = Durations::default();
        assert_eq!(durations.team_design().remaining(0.0), 600.0);
        assert_eq!(durations.presentation().remaining(0.0), 60.0);
        assert_eq!(durations.voting().remaining(0.0), 60.0);
    }

    #[test]
    fn a_session_survives_a_ron_round_trip() {
        let mut session = Session::demo(Lang::En);
        session.undo(0, Timestamp(77)).unwrap();
        let text = ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default()).unwrap();
        assert_eq!(Session::parse(Path::new("x.ron"), &text).unwrap(), session);
    }

    /// One step of a random edit session, applied by `apply`.
    #[derive(Debug, Clone)]
    enum Edit {
        Add,
        Remove(usize),
        Move(usize, usize),
        Record(usize, i32),
        Undo(usize),
        Restore(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            Just(Edit::Add),
            (0..16usize).prop_map(Edit::Remove),
            (0..16usize, 0..16usize).prop_map(|(a, b)| Edit::Move(a, b)),
            (0..16usize, -20..20i32).prop_map(|(t, p)| Edit::Record(t, p)),
            (0..64usize).prop_map(Edit::Undo),
            (0..64usize).prop_map(Edit::Restore),
        ]
    }

    /// Applies an edit whose numbers pick among the teams and entries that exist (refusals are
    /// part of the test: they must leave the session consistent too).
    fn apply(session: &mut Session, edit: &Edit) {
        let pick_team = |session: &Session, i: usize| session.teams.get(i % session.teams.len().max(1)).map(Team::id);
        match *edit {
            Edit::Add => _ = session.add_team("t", "⭐"),
            Edit::Remove(i) => _ = pick_team(session, i).map(|id| session.remove_team(id)),
            Edit::Move(i, to) => _ = pick_team(session, i).map(|id| session.move_team(id, to)),
            Edit::Record(i, p) => {
                _ = pick_team(session, i).map(|id| session.record(id, p, PointsSource::Round(1), "", Timestamp(0)))
            }
            Edit::Undo(e) => _ = session.undo(e, Timestamp(0)),
            Edit::Restore(e) => _ = session.restore(e),
        }
    }

    proptest! {
        #[test]
        fn totals_always_equal_the_live_ledger_of_each_team(edits in prop::collection::vec(edit(), 0..60)) {
            let mut session = Session::default();
            for edit in &edits {
                apply(&mut session, edit);
                let ids: Vec<TeamId> = session.team_ids();
                let mut unique = ids.clone();
                unique.sort();
                unique.dedup();
                prop_assert_eq!(unique.len(), ids.len());
                for (team, total) in session.teams.iter().zip(session.totals()) {
                    let own = session.ledger.iter().filter(|e| e.is_live() && e.team == team.id);
                    let live: i32 = own.map(|e| e.points).sum();
                    prop_assert_eq!(total, live);
                }
            }
        }

        #[test]
        fn undo_then_restore_gives_back_the_same_totals(
            points in prop::collection::vec((0..4usize, -20..20i32), 1..30),
            undo in prop::collection::vec(any::<prop::sample::Index>(), 1..10),
        ) {
            let (mut session, ids) = session_with_teams(4);
            for (team, p) in points {
                session.record(ids[team], p, PointsSource::Bonus, "x", Timestamp(0)).unwrap();
            }
            let before = session.totals();
            let mut undone: Vec<usize> = undo.iter().map(|i| i.index(session.ledger.len())).collect();
            undone.sort();
            undone.dedup();
            for &entry in &undone {
                session.undo(entry, Timestamp(1)).unwrap();
            }
            let removed: i32 = undone.iter().map(|&e| session.ledger[e].points).sum();
            prop_assert_eq!(session.totals().iter().sum::<i32>(), before.iter().sum::<i32>() - removed);
            for &entry in &undone {
                session.restore(entry).unwrap();
            }
            prop_assert_eq!(session.totals(), before);
        }
    }
}
