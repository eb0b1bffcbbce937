//! The camp day as the trainer drives it: teams, presentations, the vote and the points
//! ledger. Every change goes through a [`CampAction`] and is saved at once, atomically,
//! to the session file (see [`crate::persist`]).

use std::path::PathBuf;

use bevy::prelude::*;

use crate::content_error::ContentError;
use crate::navigation::UiAction;
use crate::persist::{Backup, RecentSessions, load_session, save_session};
use crate::picker::{MemberPick, member_candidates};
use crate::room_clock::RoomClock;
use crate::session::{ActionPlan, DebriefShape, RoundRules, Session, TeamId, Timestamp};
use crate::vote::{award_winner, random_presentation_order};
use crate::workshop::{ContentProblems, CurrentSession};

/// A line of a debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefPart {
    Takeaway(usize),
    Tool(usize),
    ActionWhat(usize),
    ActionByWhen(usize),
    ActionChecker(usize),
}

/// A field of a team the trainer can edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamField {
    Name,
    Emoji,
    Slogan,
    Song,
    Captain,
    /// Members, separated by commas or 、.
    Members,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CampAction {
    AddTeam,
    RemoveTeam(TeamId),
    /// Move a team one place up (`-1`) or down (`1`).
    MoveTeam(TeamId, i32),
    Edit(TeamId, TeamField, String),
    /// A manual bonus (positive) or penalty (negative) with its reason.
    Adjust {
        team: TeamId,
        points: i32,
        reason: String,
    },
    Undo(usize),
    Restore(usize),
    Vote {
        voter: TeamId,
        choice: TeamId,
    },
    /// Give the vote's winner the vote points.
    AwardVote,
    /// Hand the room clock to the next presenting team.
    NextPresenter,
    /// Draw a new random presentation order (and start again from its first team).
    ShuffleOrder,
    /// Draw the next team to serve, fairly (recent picks are less likely).
    PickTeam,
    /// Draw someone to play the customer, fairly, from every team's members.
    PickMember,
    /// Write one line of a team's debrief, or of one of its members' (`participant`).
    Debrief {
        team: TeamId,
        participant: Option<String>,
        part: DebriefPart,
        text: String,
    },
    /// Switch between 5-3-1 and 3-2-1.
    ToggleDebriefShape,
    /// Export the day's record (reports, CSV, JSON, xAPI) beside the session file.
    Export,
    /// Name the workshop.
    Rename(String),
    /// Timer lengths in seconds: team design, each presentation, the vote.
    SetDurations {
        design: u32,
        presentation: u32,
        voting: u32,
    },
    /// How rounds score on the leaderboard: points for a perfect score, points per peer star.
    SetRoundRules(RoundRules),
    /// Move agenda step `from` to position `to`.
    MoveStep {
        from: usize,
        to: usize,
    },
    /// Lengthen (positive) or shorten an agenda step, in minutes.
    Retime {
        step: usize,
        minutes: i32,
    },
    /// Replace a session that failed to load with its backup.
    RestoreBackup,
    /// Switch to another session file (from the recent list).
    Open(PathBuf),
}

/// Which team of the presentation order is presenting.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Presenter(pub usize);

/// The latest fair draw, for the screen to reveal with a short animation.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct LastPick(pub Option<Pick>);

#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// What was drawn, as shown: a team's emoji and name, or a member and their team.
    pub label: String,
    /// Every candidate's label, for the slot-machine reveal.
    pub candidates: Vec<String>,
    /// App clock when drawn.
    pub at: f64,
}

/// Sets line `i` of a list, growing it with empty lines as needed.
fn set_line(lines: &mut Vec<String>, i: usize, text: &str) {
    if lines.len() <= i {
        lines.resize(i + 1, String::new());
    }
    lines[i] = text.to_owned();
}

fn action_slot(actions: &mut Vec<ActionPlan>, i: usize) -> &mut ActionPlan {
    if actions.len() <= i {
        actions.resize(i + 1, ActionPlan::default());
    }
    &mut actions[i]
}

/// Draws fairly with the session's picker (saved with the session, so draws stay fair
/// across restarts and repeat from its seed).
pub fn pick(session: &mut Session, what: &CampAction, now: f64) -> Option<Pick> {
    match what {
        CampAction::PickTeam => {
            let ids = session.team_ids();
            let drawn = session.team_picker.pick(&ids)?;
            let label = |id: TeamId| session.team(id).map(|t| format!("{} {}", t.emoji, t.name)).unwrap_or_default();
            Some(Pick { label: label(drawn), candidates: ids.iter().map(|&id| label(id)).collect(), at: now })
        }
        CampAction::PickMember => {
            let members = member_candidates(session, None);
            let drawn = session.member_picker.pick(&members)?;
            let label = |m: &MemberPick| {
                let team = session.team(m.team).map(|t| t.emoji.clone()).unwrap_or_default();
                format!("{team} {}", m.name)
            };
            Some(Pick { label: label(&drawn), candidates: members.iter().map(label).collect(), at: now })
        }
        _ => None,
    }
}

/// Where the last export went, for the debrief screen to say.
#[derive(Resource, Debug, Default)]
pub struct LastExport(pub Option<PathBuf>);

/// The export folder: `exports/<session name>` beside the session file, else in the
/// config folder.
fn export_dir(current: &CurrentSession) -> Option<PathBuf> {
    let base = match &current.path {
        Some(path) => path.parent().map(|dir| dir.join("exports")),
        None => crate::paths::config_dir().map(|dir| dir.join("exports")),
    }?;
    Some(base.join(crate::export::safe_file_name(&current.session.name, "session")))
}

/// A backup that loads, offered when the session file itself did not.
#[derive(Resource, Debug, Default)]
pub struct BackupOffer(pub Option<Session>);

/// Sessions opened recently, newest first, kept in the config folder.
#[derive(Resource, Debug, Default)]
pub struct Recent {
    pub sessions: RecentSessions,
    pub folder: Option<PathBuf>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Presenter>()
        .init_resource::<LastPick>()
        .init_resource::<LastExport>()
        .init_resource::<CurrentSession>()
        .init_resource::<ContentProblems>()
        .init_resource::<BackupOffer>()
        .init_resource::<Recent>()
        .add_systems(Update, (apply_camp_actions, hand_over_presentations, save_changed_session).chain());
}

/// Opens a session file: a missing file starts a new session there; one that does not load is
/// reported (with whether its backup loads) and the app runs on an empty session meanwhile.
pub fn open_session(path: PathBuf, problems: &mut Vec<ContentError>) -> (CurrentSession, BackupOffer) {
    if !path.exists() {
        return (CurrentSession { session: Session::default(), path: Some(path) }, BackupOffer(None));
    }
    match load_session(&path) {
        Ok(session) => (CurrentSession { session, path: Some(path) }, BackupOffer(None)),
        Err(failure) => {
            problems.push(ContentError { message: failure.to_string(), ..failure.error.clone() });
            let offer = match failure.backup {
                Backup::Loads(session) => Some(*session),
                Backup::Missing | Backup::Broken(_) => None,
            };
            (CurrentSession { session: Session::default(), path: Some(path) }, BackupOffer(offer))
        }
    }
}

/// Applies one action to the session. Returns a problem to show when the action was refused.
pub fn apply(session: &mut Session, action: &CampAction, now: Timestamp) -> Result<(), String> {
    match action {
        CampAction::AddTeam => {
            let number = session.teams.len() + 1;
            let name = match session.lang {
                crate::lang::Lang::Zh => format!("第{number}队"),
                crate::lang::Lang::En => format!("Team {number}"),
            };
            session.add_team(name, "⭐").map(|_| ()).map_err(|e| e.to_string())
        }
        CampAction::RemoveTeam(team) => session.remove_team(*team).map(|_| ()).map_err(|e| e.to_string()),
        CampAction::MoveTeam(team, by) => {
            let Some(index) = session.team_index(*team) else { return Err(format!("unknown team {team:?}")) };
            let target = (index as i64 + i64::from(*by)).clamp(0, session.teams.len() as i64 - 1) as usize;
            session.move_team(*team, target).map_err(|e| e.to_string())
        }
        CampAction::Edit(team, field, text) => {
            let Some(team) = session.team_mut(*team) else { return Err(format!("unknown team {team:?}")) };
            match field {
                TeamField::Name => team.name = text.clone(),
                TeamField::Emoji => team.emoji = text.clone(),
                TeamField::Slogan => team.slogan = text.clone(),
                TeamField::Song => team.song = text.clone(),
                TeamField::Captain => team.captain = text.clone(),
                TeamField::Members => {
                    team.members = text
                        .split([',', '，', '、'])
                        .map(str::trim)
                        .filter(|m| !m.is_empty())
                        .map(str::to_owned)
                        .collect()
                }
            }
            Ok(())
        }
        CampAction::Adjust { team, points, reason } => {
            session.adjust(*team, *points, reason.clone(), now).map(|_| ()).map_err(|e| e.to_string())
        }
        CampAction::Undo(entry) => session.undo(*entry, now).map_err(|e| e.to_string()),
        CampAction::Restore(entry) => session.restore(*entry).map_err(|e| e.to_string()),
        CampAction::Vote { voter, choice } => {
            let teams = session.team_ids();
            session.ballots.cast(*voter, *choice, &teams).map_err(|e| e.to_string())
        }
        CampAction::AwardVote => {
            let tally = session.ballots.tally(&session.presentation_sequence());
            award_winner(session, &tally, now).map(|_| ()).map_err(|e| e.to_string())
        }
        CampAction::ShuffleOrder => {
            session.presentation_order = random_presentation_order(&session.team_ids(), now.0);
            Ok(())
        }
        CampAction::MoveStep { from, to } => {
            if session.move_step(*from, *to) {
                Ok(())
            } else {
                Err(format!("no agenda step {from}"))
            }
        }
        CampAction::Retime { step, minutes } => {
            let Some(step) = session.agenda.get_mut(*step) else { return Err(format!("no agenda step {step}")) };
            step.minutes = step.minutes.saturating_add_signed(*minutes).max(1);
            Ok(())
        }
        CampAction::SetRoundRules(rules) => {
            session.round_rules = RoundRules {
                points_for_full_score: rules.points_for_full_score.min(100),
                points_per_peer_star: if rules.points_per_peer_star.is_finite() {
                    rules.points_per_peer_star.clamp(0.0, 20.0)
                } else {
                    RoundRules::default().points_per_peer_star
                },
            };
            Ok(())
        }
        CampAction::SetDurations { design, presentation, voting } => {
            session.durations.team_design_secs = (*design).max(60);
            session.durations.presentation_secs_per_team = (*presentation).max(10);
            session.durations.voting_secs = (*voting).max(10);
            Ok(())
        }
        CampAction::Debrief { team, participant, part, text } => {
            let Some(members) = session.team(*team).map(|t| &t.members) else {
                return Err(format!("unknown team {team:?}"));
            };
            if let Some(name) = participant
                && !members.contains(name)
            {
                return Err(format!("{name} is not a member of team {}", team.0));
            }
            let debrief = session.debrief_of_mut(*team, participant.as_deref());
            match *part {
                DebriefPart::Takeaway(i) => set_line(&mut debrief.takeaways, i, text),
                DebriefPart::Tool(i) => set_line(&mut debrief.tools, i, text),
                DebriefPart::ActionWhat(i) => action_slot(&mut debrief.actions, i).what = text.clone(),
                DebriefPart::ActionByWhen(i) => action_slot(&mut debrief.actions, i).by_when = text.clone(),
                DebriefPart::ActionChecker(i) => action_slot(&mut debrief.actions, i).checker = text.clone(),
            }
            Ok(())
        }
        CampAction::ToggleDebriefShape => {
            session.debrief_shape = if session.debrief_shape == DebriefShape::SHORT {
                DebriefShape::default()
            } else {
                DebriefShape::SHORT
            };
            Ok(())
        }
        CampAction::Rename(name) => {
            session.name = name.clone();
            Ok(())
        }
        CampAction::PickTeam | CampAction::PickMember | CampAction::Export => Ok(()),
        CampAction::NextPresenter | CampAction::RestoreBackup | CampAction::Open(_) => Ok(()),
    }
}

fn apply_camp_actions(
    mut actions: MessageReader<UiAction>,
    mut current: ResMut<CurrentSession>,
    mut presenter: ResMut<Presenter>,
    mut clock: ResMut<RoomClock>,
    mut offer: ResMut<BackupOffer>,
    mut problems: ResMut<ContentProblems>,
    mut last_pick: ResMut<LastPick>,
    mut last_export: ResMut<LastExport>,
    rubrics: Option<Res<crate::workshop::LoadedRubrics>>,
    time: Res<Time>,
) {
    for action in actions.read() {
        let UiAction::Camp(action) = action else { continue };
        match action {
            CampAction::NextPresenter => {
                next_presenter(&mut presenter, &mut clock, &current.session, time.elapsed_secs_f64());
            }
            CampAction::PickTeam | CampAction::PickMember => {
                last_pick.0 = pick(&mut current.session, action, time.elapsed_secs_f64());
            }
            CampAction::Export => {
                let Some(dir) = export_dir(&current) else { continue };
                // Rounds are scored by replaying them against the rubrics: the app's, or read now
                // when the app runs without them (their problem is shown already if they fail).
                let read_now;
                let rubrics = match &rubrics {
                    Some(loaded) => &loaded.0,
                    None => match crate::scoring::Rubrics::load_dir(&crate::paths::assets_dir().join("rubrics")) {
                        Ok(read) => {
                            read_now = read;
                            &read_now
                        }
                        Err(_) => {
                            problems.0.push(ContentError::whole_file(
                                &dir,
                                "could not export: no rubrics to score the rounds",
                            ));
                            continue;
                        }
                    },
                };
                let formats = crate::export::Format::ALL;
                match crate::export::export_session(
                    &current.session,
                    rubrics,
                    current.session.lang,
                    &formats,
                    &dir,
                    Timestamp::now(),
                ) {
                    Ok(_) => last_export.0 = Some(dir),
                    Err(e) => problems.0.push(ContentError::whole_file(&dir, format!("could not export: {e}"))),
                }
            }
            CampAction::RestoreBackup => {
                if let Some(backup) = offer.0.take() {
                    current.session = backup;
                }
            }
            CampAction::Open(path) => {
                let (opened, backup) = open_session(path.clone(), &mut problems.0);
                *current = opened;
                *offer = backup;
                *presenter = Presenter::default();
            }
            other => {
                if *other == CampAction::ShuffleOrder {
                    *presenter = Presenter::default();
                }
                if let Err(problem) = apply(&mut current.session, other, Timestamp::now()) {
                    warn!("{problem}");
                }
            }
        }
    }
}

/// When a presenting team's minute is up, the next team takes over automatically.
fn hand_over_presentations(
    screen: Res<State<crate::screens::Screen>>,
    time: Res<Time>,
    mut clock: ResMut<RoomClock>,
    current: Res<CurrentSession>,
    mut presenter: ResMut<Presenter>,
) {
    if *screen.get() != crate::screens::Screen::Presentations || !clock.0.is_running() {
        return;
    }
    let now = time.elapsed_secs_f64();
    let teams = current.session.presentation_sequence().len();
    if clock.0.remaining(now) <= 0.0 && presenter.0 + 1 < teams {
        next_presenter(&mut presenter, &mut clock, &current.session, now);
    }
}

/// Moves to the next presenting team (or past the last) and loads its minute on the room
/// clock, running unless every team has presented.
fn next_presenter(presenter: &mut Presenter, clock: &mut RoomClock, session: &Session, now: f64) {
    let teams = session.presentation_sequence().len();
    presenter.0 = (presenter.0 + 1).min(teams);
    let mut next = session.durations.presentation();
    if presenter.0 < teams {
        next.start(now);
    }
    clock.0 = next;
}

/// Writes every change to the session file at once (atomically, keeping a backup).
fn save_changed_session(
    current: Res<CurrentSession>,
    mut problems: ResMut<ContentProblems>,
    mut recent: ResMut<Recent>,
) {
    if !current.is_changed() || current.is_added() || !current.session.has_data() {
        return;
    }
    let Some(path) = &current.path else { return };
    match save_session(&current.session, path) {
        Ok(moved_aside) => {
            if let Some(aside) = moved_aside {
                problems.0.push(ContentError::whole_file(
                    path,
                    format!("the unreadable session file was kept as {}", aside.display()),
                ));
            }
            if recent.sessions.paths().first().map(PathBuf::as_path) != Some(path.as_path()) {
                recent.sessions.touch(path);
                if let Some(folder) = recent.folder.clone()
                    && let Err(e) = recent.sessions.save(&folder)
                {
                    warn!("could not save the recent sessions list: {e}");
                }
            }
        }
        Err(e) => problems.0.push(ContentError::whole_file(path, format!("could not save the session: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    use crate::lang::Lang;

    #[test]
    fn round_rules_are_kept_within_what_a_leaderboard_can_show() {
        let mut session = Session::new("rules", Lang::En);
        let set = |session: &mut Session, points, star| {
            let rules = RoundRules { points_for_full_score: points, points_per_peer_star: star };
            apply(session, &CampAction::SetRoundRules(rules), Timestamp(0)).unwrap();
            session.round_rules.clone()
        };
        assert_eq!(set(&mut session, 30, 1.5), RoundRules { points_for_full_score: 30, points_per_peer_star: 1.5 });
        assert_eq!(
            set(&mut session, 5000, 99.0),
            RoundRules { points_for_full_score: 100, points_per_peer_star: 20.0 }
        );
        assert_eq!(set(&mut session, 10, f64::NAN).points_per_peer_star, RoundRules::default().points_per_peer_star);
    }

    #[test]
    fn team_edits_moves_and_removal_keep_points_with_their_team() {
        let mut session = Session::demo(Lang::Zh);
        let now = Timestamp(1);
        let sunflowers = session.teams[1].id();
        let before = session.totals()[1];
        apply(&mut session, &CampAction::MoveTeam(sunflowers, -1), now).unwrap();
        assert_eq!(session.teams[0].id(), sunflowers);
        assert_eq!(session.totals()[0], before, "points move with the team");
        apply(&mut session, &CampAction::Edit(sunflowers, TeamField::Members, "甲、乙, 丙".into()), now).unwrap();
        assert_eq!(session.teams[0].members, ["甲", "乙", "丙"]);
        apply(&mut session, &CampAction::AddTeam, now).unwrap();
        assert_eq!(session.teams.len(), 7);
        assert_eq!(session.teams[6].name, "第7队");
        let added = session.teams[6].id();
        apply(&mut session, &CampAction::RemoveTeam(added), now).unwrap();
        assert_eq!(session.teams.len(), 6);
    }

    #[test]
    fn manual_points_undo_and_vote_award_go_through_the_ledger() {
        let mut session = Session::demo(Lang::En);
        let now = Timestamp(2);
        let (a, b) = (session.teams[0].id(), session.teams[1].id());
        let start = session.totals();
        apply(&mut session, &CampAction::Adjust { team: a, points: 3, reason: "great follow-up".into() }, now).unwrap();
        assert_eq!(session.totals()[0], start[0] + 3);
        let entry = session.ledger.len() - 1;
        apply(&mut session, &CampAction::Undo(entry), now).unwrap();
        assert_eq!(session.totals(), start);
        assert!(apply(&mut session, &CampAction::Vote { voter: a, choice: a }, now).is_err(), "no vote for oneself");
        for team in session.team_ids().into_iter().filter(|&t| t != b) {
            apply(&mut session, &CampAction::Vote { voter: team, choice: b }, now).unwrap();
        }
        apply(&mut session, &CampAction::AwardVote, now).unwrap();
        assert_eq!(session.totals()[1], start[1] + session.vote_points as i32);
    }

    #[test]
    fn agenda_steps_reorder_and_retime_and_presentations_reshuffle() {
        let mut session = Session::demo(Lang::Zh);
        let first = session.agenda[0].kind;
        apply(&mut session, &CampAction::MoveStep { from: 0, to: 2 }, Timestamp(3)).unwrap();
        assert_eq!(session.agenda[2].kind, first);
        let minutes = session.agenda[0].minutes;
        apply(&mut session, &CampAction::Retime { step: 0, minutes: 5 }, Timestamp(3)).unwrap();
        assert_eq!(session.agenda[0].minutes, minutes + 5);
        apply(&mut session, &CampAction::Retime { step: 0, minutes: -1000 }, Timestamp(3)).unwrap();
        assert_eq!(session.agenda[0].minutes, 1, "a step never shrinks to nothing");
        apply(&mut session, &CampAction::ShuffleOrder, Timestamp(42)).unwrap();
        let mut order = session.presentation_sequence();
        order.sort();
        let mut teams = session.team_ids();
        teams.sort();
        assert_eq!(order, teams, "a shuffle keeps every team exactly once");
    }

    #[test]
    fn fair_draws_spread_over_teams_and_repeat_from_the_seed() {
        let draw = |seed: u64| {
            let mut session = Session::demo(Lang::Zh);
            session.team_picker = crate::picker::Picker::new(seed);
            (0..12).map(|_| pick(&mut session, &CampAction::PickTeam, 0.0).unwrap().label).collect::<Vec<_>>()
        };
        let first = draw(9);
        assert_eq!(first, draw(9), "the same seed gives the same draws");
        let teams: BTreeSet<&String> = first.iter().collect();
        assert!(teams.len() >= 5, "twelve draws reach most of six teams: {first:?}");
        let mut session = Session::demo(Lang::En);
        let member = pick(&mut session, &CampAction::PickMember, 0.0).unwrap();
        assert!(member.candidates.len() >= 24 && member.candidates.contains(&member.label));
    }

    #[test]
    fn debrief_lines_are_written_per_team_and_the_shape_switches() {
        let mut session = Session::new("培训", Lang::Zh);
        let team = session.add_team("闪电队", "⚡").unwrap();
        let line = |part, text: &str| CampAction::Debrief { team, participant: None, part, text: text.to_owned() };
        apply(&mut session, &line(DebriefPart::Takeaway(2), "情感第一"), Timestamp(5)).unwrap();
        apply(&mut session, &line(DebriefPart::ActionChecker(0), "王经理"), Timestamp(5)).unwrap();
        let debrief = session.debrief(team).unwrap();
        assert_eq!(debrief.takeaways, ["", "", "情感第一"]);
        assert_eq!(debrief.actions[0].checker, "王经理");
        session.team_mut(team).unwrap().members = vec!["李娜".into()];
        let own = |who: &str| CampAction::Debrief {
            team,
            participant: Some(who.into()),
            part: DebriefPart::Tool(0),
            text: "7A".into(),
        };
        apply(&mut session, &own("李娜"), Timestamp(5)).unwrap();
        assert!(apply(&mut session, &own("路人"), Timestamp(5)).is_err(), "only a member of the team");
        assert_eq!(session.debrief_of(team, Some("李娜")).unwrap().tools, ["7A"]);
        assert!(session.debrief(team).unwrap().tools.is_empty(), "the team's debrief is apart");
        let shape = session.debrief_shape;
        apply(&mut session, &CampAction::ToggleDebriefShape, Timestamp(5)).unwrap();
        assert_ne!(session.debrief_shape, shape);
        apply(&mut session, &CampAction::ToggleDebriefShape, Timestamp(5)).unwrap();
        assert_eq!(session.debrief_shape, shape);
    }

    #[test]
    fn a_broken_session_file_is_reported_and_its_backup_offered() {
        let dir = std::env::temp_dir().join(format!("sc-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("camp.ron");
        crate::persist::save_session(&Session::demo(Lang::Zh), &path).unwrap();
        crate::persist::save_session(&Session::demo(Lang::Zh), &path).unwrap();
        std::fs::write(&path, "(name: \"半截").unwrap();
        let mut problems = Vec::new();
        let (current, offer) = open_session(path.clone(), &mut problems);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("camp.ron"));
        assert!(!current.session.has_data());
        assert_eq!(offer.0.as_ref().map(|s| s.teams.len()), Some(6), "the backup is offered");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(name: \"半截", "the broken file is untouched");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
