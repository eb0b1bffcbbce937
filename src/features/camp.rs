//! The camp day as the trainer drives it: teams, presentations, the vote and the points
//! ledger. Every change to the session is a core [`SessionEdit`] (sent as [`UiAction::Edit`]),
//! applied by core and saved at once, atomically, to the session file (see
//! [`crate::core::persist`]).

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::core::content_error::ContentError;
use crate::core::locale::Locales;
use crate::core::persist::{Backup, RecentSessions, SessionLock, load_session, save_session};
use crate::core::session::picker::MemberPick;
use crate::core::session::{Applied, EditContext, Session, SessionEdit, TeamId, Timestamp};
use crate::features::actions::{CampAction, UiAction};
use crate::features::content::{ContentProblems, CurrentSession, LoadedLocales, LoadedRubrics};
use crate::features::room_clock::RoomClock;
use crate::features::settings::LrsConfig;

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

/// The drawn team or member as the screen reveals it, from what the session's fair draw gave.
pub fn pick_shown(session: &Session, applied: &Applied, now: f64) -> Option<Pick> {
    let team_label = |id: TeamId| session.team(id).map(|t| format!("{} {}", t.emoji, t.name)).unwrap_or_default();
    let member_label = |m: &MemberPick| {
        let team = session.team(m.team).map(|t| t.emoji.clone()).unwrap_or_default();
        format!("{team} {}", m.name)
    };
    match applied {
        Applied::PickedTeam { drawn, candidates } => Some(Pick {
            label: team_label(*drawn),
            candidates: candidates.iter().map(|&id| team_label(id)).collect(),
            at: now,
        }),
        Applied::PickedMember { drawn, candidates } => Some(Pick {
            label: member_label(drawn),
            candidates: candidates.iter().map(member_label).collect(),
            at: now,
        }),
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
        None => crate::core::paths::config_dir().map(|dir| dir.join("exports")),
    }?;
    Some(base.join(crate::core::export::safe_file_name(&current.session.name, "session")))
}

/// A backup that loads, offered when the session file itself did not.
#[derive(Resource, Debug, Default)]
pub struct BackupOffer(pub Option<Session>);

/// Whether the session file holds every change, and whether this window may write it.
#[derive(Resource, Debug, Default)]
pub struct SaveState {
    /// Why the last save failed; cleared by the next save that works.
    pub problem: Option<String>,
    /// Another Service Camp window has this file open: this one shows it and saves nothing.
    pub read_only: bool,
    /// Held for as long as this window owns the file (released on drop).
    _lock: Option<SessionLock>,
}

impl SaveState {
    /// Takes the session file's lock (only one window writes a file).
    pub fn for_path(path: Option<&Path>) -> SaveState {
        let Some(path) = path else { return SaveState::default() };
        match SessionLock::acquire(path) {
            Ok(Some(lock)) => SaveState { _lock: Some(lock), ..SaveState::default() },
            Ok(None) => SaveState { read_only: true, ..SaveState::default() },
            // A folder that cannot hold a lock file will not take the session either: the first
            // save reports it.
            Err(e) => {
                warn!("cannot lock {}: {e}", path.display());
                SaveState::default()
            }
        }
    }

    /// Whether everything the room did is on disk.
    pub fn all_saved(&self) -> bool {
        self.problem.is_none() && !self.read_only
    }
}

/// Sessions opened recently, newest first, kept in the config folder.
#[derive(Resource, Debug, Default)]
pub struct Recent {
    pub sessions: RecentSessions,
    pub folder: Option<PathBuf>,
}

impl Recent {
    /// Puts `path` first in the list and saves the list, unless it is first already.
    fn remember(&mut self, path: &Path) {
        if self.sessions.paths().first().map(PathBuf::as_path) == Some(path) {
            return;
        }
        self.sessions.touch(path);
        if let Some(folder) = self.folder.clone()
            && let Err(e) = self.sessions.save(&folder)
        {
            warn!("could not save the recent sessions list: {e}");
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Presenter>()
        .init_resource::<LastPick>()
        .init_resource::<LastExport>()
        .init_resource::<CurrentSession>()
        .init_resource::<ContentProblems>()
        .init_resource::<BackupOffer>()
        .init_resource::<Recent>()
        .init_resource::<SaveState>()
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

fn apply_camp_actions(
    mut actions: MessageReader<UiAction>,
    mut current: ResMut<CurrentSession>,
    mut presenter: ResMut<Presenter>,
    mut clock: ResMut<RoomClock>,
    mut offer: ResMut<BackupOffer>,
    mut problems: ResMut<ContentProblems>,
    mut last_pick: ResMut<LastPick>,
    mut last_export: ResMut<LastExport>,
    rubrics: Option<Res<LoadedRubrics>>,
    locales: Option<Res<LoadedLocales>>,
    mut save: ResMut<SaveState>,
    mut recent: ResMut<Recent>,
    lrs: Res<LrsConfig>,
    time: Res<Time>,
) {
    for action in actions.read() {
        let action = match action {
            UiAction::Edit(edit) => {
                if *edit == SessionEdit::ShuffleOrder {
                    *presenter = Presenter::default();
                }
                let mut context = EditContext::new(Timestamp::now(), rubrics.as_deref().map(|r| &r.0));
                if let Some(loaded) = &locales {
                    context = context.with_locales(&loaded.0);
                }
                match current.session.apply(edit, &context) {
                    Ok(applied) => {
                        if let Some(pick) = pick_shown(&current.session, &applied, time.elapsed_secs_f64()) {
                            last_pick.0 = Some(pick);
                        }
                    }
                    Err(problem) => warn!("{problem}"),
                }
                continue;
            }
            UiAction::Camp(action) => action,
            _ => continue,
        };
        match action {
            CampAction::NextPresenter => {
                next_presenter(&mut presenter, &mut clock, &current.session, time.elapsed_secs_f64());
            }
            CampAction::Export => {
                let Some(dir) = export_dir(&current) else { continue };
                // Rounds are scored by replaying them against the rubrics: the app's, or read now
                // when the app runs without them (their problem is shown already if they fail).
                let read_now;
                let rubrics = match &rubrics {
                    Some(loaded) => &loaded.0,
                    None => {
                        match crate::core::scoring::Rubrics::load_dir(&crate::core::paths::assets_dir().join("rubrics"))
                        {
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
                        }
                    }
                };
                let formats = crate::core::export::Format::ALL;
                let locales: &Locales = match &locales {
                    Some(loaded) => &loaded.0,
                    None => Locales::compiled_in(),
                };
                match crate::core::export::export_session(
                    &current.session,
                    rubrics,
                    locales,
                    current.session.lang,
                    &formats,
                    &dir,
                    lrs.settings.home_page(),
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
                *save = SaveState::for_path(opened.path.as_deref());
                *current = opened;
                *offer = backup;
                *presenter = Presenter::default();
            }
            CampAction::SaveAs(path) => save_copy(&mut current, &mut save, &mut recent, path.clone()),
        }
    }
}

/// When a presenting team's minute is up, the next team takes over automatically.
fn hand_over_presentations(
    screen: Res<State<crate::features::screen::Screen>>,
    time: Res<Time>,
    mut clock: ResMut<RoomClock>,
    current: Res<CurrentSession>,
    mut presenter: ResMut<Presenter>,
) {
    if *screen.get() != crate::features::screen::Screen::Presentations || !clock.0.is_running() {
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
    mut save: ResMut<SaveState>,
) {
    if !current.is_changed() || current.is_added() || !current.session.has_data() || save.read_only {
        return;
    }
    let Some(path) = &current.path else { return };
    match save_session(&current.session, path) {
        Ok(moved_aside) => {
            if save.problem.is_some() {
                save.problem = None;
            }
            if let Some(aside) = moved_aside {
                problems.0.push(ContentError::whole_file(
                    path,
                    format!("the unreadable session file was kept as {}", aside.display()),
                ));
            }
            recent.remember(path);
        }
        Err(e) => {
            // One line in the banner, replaced by the next failure and gone after a good save.
            let problem = format!("{}: {e}", path.display());
            if save.problem.as_ref() != Some(&problem) {
                save.problem = Some(problem);
            }
        }
    }
}

/// Saves a copy where the trainer asks (when the session's own folder refuses saves, or another
/// window holds it), and goes on saving there.
fn save_copy(current: &mut CurrentSession, save: &mut SaveState, recent: &mut Recent, path: PathBuf) {
    let lock = match SessionLock::acquire(&path) {
        Ok(Some(lock)) => Some(lock),
        Ok(None) => {
            save.problem = Some(format!("{}: open in another Service Camp window", path.display()));
            return;
        }
        Err(_) => None,
    };
    match save_session(&current.session, &path) {
        Ok(_) => {
            *save = SaveState { _lock: lock, ..SaveState::default() };
            recent.remember(&path);
            current.path = Some(path);
        }
        Err(e) => save.problem = Some(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;

    #[test]
    fn a_broken_session_file_is_reported_and_its_backup_offered() {
        let dir = std::env::temp_dir().join(format!("sc-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("camp.ron");
        crate::core::persist::save_session(&Session::demo(Lang::Zh), &path).unwrap();
        crate::core::persist::save_session(&Session::demo(Lang::Zh), &path).unwrap();
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
