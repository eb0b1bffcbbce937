//! The scenario library inside the app: the built-in scenarios and the trainer's own
//! (`~/.config/service-camp/scenarios/`), checked against the rubrics, reloaded the moment
//! a file changes on disk, and the library screen's filter, selection and random draw.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::tasks::futures::check_ready;
use bevy::tasks::{AsyncComputeTaskPool, Task};
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use notify::event::ModifyKind;
use notify::{EventKind, Watcher};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

use crate::core::content_error::ContentError;
use crate::core::scenario::{Library, Scenario, ScenarioFilter, validate};
use crate::features::actions::{LibraryAction, UiAction};
use crate::features::redraw::RedrawPlan;

/// Every loaded scenario and every problem found in the folders.
#[derive(Resource, Debug, Default, Clone)]
pub struct LoadedLibrary {
    pub library: Library,
    /// Syntax and semantic problems, for the banner.
    pub problems: Vec<ContentError>,
    known_tags: BTreeSet<String>,
    folders: Vec<PathBuf>,
    /// How many reloads changed anything (for tests and diagnostics).
    pub reloads: u64,
}

impl LoadedLibrary {
    /// Loads every `*.ron` in `folders` (missing folders are skipped) and validates them
    /// against the rubric tags.
    pub fn load(folders: Vec<PathBuf>, known_tags: BTreeSet<String>) -> LoadedLibrary {
        let mut library = Library::default();
        for folder in folders.iter().filter(|f| f.is_dir()) {
            library.add_dir(folder);
        }
        let mut shelf = LoadedLibrary { library, problems: Vec::new(), known_tags, folders, reloads: 0 };
        shelf.revalidate();
        shelf
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// Re-reads changed files: a file whose content differs is loaded again (replacing its
    /// earlier version), a deleted one is dropped; files with the same content as before and
    /// other scenarios are untouched. Returns whether anything changed.
    pub fn reload(&mut self, changed: &[PathBuf]) -> bool {
        let mut any = false;
        for file in changed {
            // Every file is read once, even when an earlier one changed.
            any |= self.library.reread(file);
        }
        if any {
            self.revalidate();
            self.reloads += 1;
        }
        any
    }

    fn revalidate(&mut self) {
        self.problems = self.library.errors.clone();
        self.problems.extend(validate(&self.library, &self.known_tags));
    }

    /// The scenarios matching `filter`, in id order.
    pub fn filtered(&self, filter: &ScenarioFilter) -> Vec<&Scenario> {
        let mut found: Vec<&Scenario> = self.library.filter(filter).collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found
    }
}

/// What the library screen shows.
#[derive(Resource, Debug)]
pub struct LibraryView {
    pub filter: ScenarioFilter,
    pub selected: Option<String>,
    /// The customer card is secret from the serving rep: shown only on request.
    pub show_customer_card: bool,
    rng: StdRng,
}

impl Default for LibraryView {
    fn default() -> Self {
        let seed =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        LibraryView::seeded(seed)
    }
}

impl LibraryView {
    /// A view whose random draws repeat for the same seed.
    pub fn seeded(seed: u64) -> LibraryView {
        LibraryView {
            filter: ScenarioFilter::default(),
            selected: None,
            show_customer_card: false,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    pub fn apply(&mut self, action: &LibraryAction, shelf: &LoadedLibrary) {
        match action {
            LibraryAction::Kind(kind) => self.filter.kind = *kind,
            LibraryAction::Disc(disc) => self.filter.disc = *disc,
            LibraryAction::Difficulty(difficulty) => self.filter.difficulty = *difficulty,
            LibraryAction::Select(id) => {
                self.selected = Some(id.clone());
                self.show_customer_card = false;
            }
            LibraryAction::ToggleCustomerCard => self.show_customer_card = !self.show_customer_card,
            LibraryAction::Draw => {
                let candidates = shelf.filtered(&self.filter);
                // Drawing again should give a different card when there is one.
                let others: Vec<&&Scenario> =
                    candidates.iter().filter(|s| Some(&s.id) != self.selected.as_ref()).collect();
                let pool = if others.is_empty() { candidates.iter().collect() } else { others };
                if let Some(drawn) = pool.choose(&mut self.rng) {
                    self.selected = Some(drawn.id.clone());
                    self.show_customer_card = false;
                }
            }
        }
    }

    /// The selected scenario if it still exists and passes the filter.
    pub fn current<'a>(&self, shelf: &'a LoadedLibrary) -> Option<&'a Scenario> {
        let id = self.selected.as_ref()?;
        shelf.library.get(id).filter(|s| self.filter.matches(s))
    }
}

/// File changes reported by the watcher thread, waiting for the next update.
#[derive(Resource, Default, Clone)]
pub struct PendingChanges(Arc<Mutex<Pending>>);

#[derive(Default)]
struct Pending {
    files: Vec<PathBuf>,
    /// When the latest change came: a burst (an editor's save) is read once it settles.
    last: Option<Instant>,
}

/// How long the folder must be quiet before changed files are read again.
const SETTLE: Duration = Duration::from_millis(200);

/// Only changes of content count: reading a file (the app's own reload too) must not.
fn is_content_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any) => true,
        EventKind::Modify(ModifyKind::Metadata(_) | ModifyKind::Other) | EventKind::Access(_) | EventKind::Other => {
            false
        }
    }
}

/// Keeps the folder watcher alive.
#[derive(Resource)]
struct FolderWatcher {
    _watcher: Mutex<notify::RecommendedWatcher>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<LoadedLibrary>()
        .init_resource::<LibraryView>()
        .init_resource::<PendingChanges>()
        .add_systems(Startup, watch_folders)
        .init_resource::<Reloading>()
        .add_systems(Update, (apply_library_actions, (finish_reload, reload_changed_files).chain()));
}

fn apply_library_actions(
    mut actions: MessageReader<UiAction>,
    shelf: Res<LoadedLibrary>,
    mut view: ResMut<LibraryView>,
) {
    for action in actions.read() {
        if let UiAction::Library(action) = action {
            view.apply(action, &shelf);
        }
    }
}

/// Starts watching the scenario folders. A change wakes the (otherwise sleeping) app so
/// the edit shows at once.
fn watch_folders(
    mut commands: Commands,
    shelf: Res<LoadedLibrary>,
    pending: Res<PendingChanges>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let queue = pending.0.clone();
    let proxy = proxy.map(|p| (**p).clone());
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if !is_content_change(&event.kind) {
            return;
        }
        let scenario_files: Vec<PathBuf> = event.paths.into_iter().filter(|p| is_scenario_file(p)).collect();
        if scenario_files.is_empty() {
            return;
        }
        if let Ok(mut queue) = queue.lock() {
            queue.files.extend(scenario_files);
            queue.last = Some(Instant::now());
        }
        if let Some(proxy) = &proxy {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
    });
    let mut watcher = match watcher {
        Ok(watcher) => watcher,
        Err(e) => {
            warn!("scenario files will not reload live: {e}");
            return;
        }
    };
    for folder in shelf.folders().iter().filter(|f| f.is_dir()) {
        if let Err(e) = watcher.watch(folder, notify::RecursiveMode::NonRecursive) {
            warn!("cannot watch {}: {e}", folder.display());
        }
    }
    commands.insert_resource(FolderWatcher { _watcher: Mutex::new(watcher) });
}

fn is_scenario_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "ron")
}

/// A reload running on the task pool, off the frame: the shelf as it will be, and whether
/// anything changed.
#[derive(Resource, Default)]
struct Reloading(Option<Task<(LoadedLibrary, bool)>>);

/// Reads again the files that changed, once the burst has settled, on the task pool (a large
/// library never holds up the projector's frame). One reload at a time: edits made meanwhile
/// wait for the next.
fn reload_changed_files(
    pending: Res<PendingChanges>,
    shelf: Res<LoadedLibrary>,
    mut reloading: ResMut<Reloading>,
    mut plan: ResMut<RedrawPlan>,
) {
    if reloading.0.is_some() {
        // Look again soon for the result.
        plan.within(RELOAD_POLL_SECS);
        return;
    }
    let changed: Vec<PathBuf> = match pending.0.lock() {
        Ok(mut queue) if !queue.files.is_empty() => {
            if queue.last.is_some_and(|last| last.elapsed() < SETTLE) {
                plan.within(SETTLE.as_secs_f32());
                return;
            }
            let mut changed = std::mem::take(&mut queue.files);
            changed.sort();
            changed.dedup();
            changed
        }
        _ => return,
    };
    let mut next = shelf.clone();
    reloading.0 = Some(AsyncComputeTaskPool::get().spawn(async move {
        let changed_any = next.reload(&changed);
        (next, changed_any)
    }));
    plan.within(RELOAD_POLL_SECS);
}

/// How soon the app looks for a finished reload.
const RELOAD_POLL_SECS: f32 = 0.1;

/// A finished reload replaces the library; the library counts as changed (and the screens
/// redraw) only if some file's content really differs.
fn finish_reload(mut reloading: ResMut<Reloading>, mut shelf: ResMut<LoadedLibrary>) {
    let Some(task) = reloading.bypass_change_detection().0.as_mut() else { return };
    let Some((next, changed_any)) = check_ready(task) else { return };
    reloading.0 = None;
    if changed_any {
        *shelf = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::disc::Disc;

    fn shelf_with(files: &[(&str, &str)]) -> (LoadedLibrary, PathBuf) {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("sc-shelf-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        (LoadedLibrary::load(vec![dir.clone(), dir.join("missing")], crate::core::scenario::test_known_tags()), dir)
    }

    fn builtin(id: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(format!("{id}.ron")))
            .unwrap()
    }

    #[test]
    fn broken_edit_is_reported_while_the_rest_stays_and_a_fix_reloads() {
        let (mut shelf, dir) = shelf_with(&[
            ("lost-parcel.ron", &builtin("lost-parcel")),
            ("roaming-charge.ron", &builtin("roaming-charge")),
        ]);
        assert_eq!(shelf.library.items.len(), 2);
        assert!(shelf.problems.is_empty(), "{:?}", shelf.problems);

        let file = dir.join("lost-parcel.ron");
        std::fs::write(&file, builtin("lost-parcel").replacen("kind:", "kind ::", 1)).unwrap();
        shelf.reload(std::slice::from_ref(&file));
        assert!(shelf.library.get("lost-parcel").is_none());
        assert!(shelf.library.get("roaming-charge").is_some(), "the other scenario stays usable");
        let problem = shelf.problems.iter().find(|p| p.file == file).expect("the broken file is reported");
        assert!(problem.line > 1 && problem.col > 0);

        std::fs::write(&file, builtin("lost-parcel")).unwrap();
        shelf.reload(std::slice::from_ref(&file));
        assert!(shelf.library.get("lost-parcel").is_some());
        assert!(shelf.problems.iter().all(|p| p.file != file));

        std::fs::remove_file(&file).unwrap();
        shelf.reload(std::slice::from_ref(&file));
        assert!(shelf.library.get("lost-parcel").is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn only_content_changes_reload_and_unchanged_content_is_not_read_again() {
        use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, RemoveKind};
        assert!(!is_content_change(&EventKind::Access(AccessKind::Open(AccessMode::Read))));
        assert!(!is_content_change(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!is_content_change(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))));
        assert!(is_content_change(&EventKind::Modify(ModifyKind::Data(DataChange::Content))));
        assert!(is_content_change(&EventKind::Create(CreateKind::File)));
        assert!(is_content_change(&EventKind::Remove(RemoveKind::File)));

        let (mut shelf, dir) = shelf_with(&[("lost-parcel.ron", &builtin("lost-parcel"))]);
        let file = dir.join("lost-parcel.ron");
        assert!(!shelf.reload(std::slice::from_ref(&file)), "same bytes: nothing to reload");
        assert_eq!(shelf.reloads, 0);
        std::fs::write(&file, builtin("lost-parcel").replacen("包裹", "箱子", 1)).unwrap();
        assert!(shelf.reload(std::slice::from_ref(&file)));
        assert_eq!(shelf.reloads, 1);
        assert!(!shelf.reload(&[dir.join("never-there.ron")]), "an unknown file that is gone changes nothing");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_scenario_saved_with_a_byte_order_mark_loads() {
        let text = format!("\u{feff}{}", builtin("lost-parcel"));
        let (shelf, dir) = shelf_with(&[("lost-parcel.ron", &text)]);
        std::fs::remove_dir_all(dir).unwrap();
        assert!(shelf.library.get("lost-parcel").is_some(), "{:?}", shelf.library.errors);
        assert!(shelf.problems.is_empty(), "{:?}", shelf.problems);
    }

    #[test]
    fn invalid_utf8_names_its_byte() {
        let file = std::env::temp_dir().join(format!("sc-not-utf8-{}.ron", std::process::id()));
        std::fs::write(&file, b"(id: \"\xff\")").unwrap();
        let mut library = crate::core::scenario::Library::default();
        library.add_file(&file);
        std::fs::remove_file(&file).unwrap();
        let error = &library.errors[0];
        assert_eq!((error.line, error.col), (1, 7), "the 7th character, after `(id: \"`");
        assert!(error.message.contains("byte 6"), "{}", error.message);
    }

    #[test]
    fn filter_and_draw_stay_within_the_filter_and_move_on() {
        let shelf = LoadedLibrary::load(vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")], BTreeSet::new());
        let mut view = LibraryView::seeded(7);
        view.apply(&LibraryAction::Disc(Some(Disc::C)), &shelf);
        let matching = shelf.filtered(&view.filter);
        assert!(matching.len() >= 3 && matching.iter().all(|s| s.disc == Disc::C));
        let mut drawn = Vec::new();
        for _ in 0..20 {
            view.apply(&LibraryAction::Draw, &shelf);
            let current = view.current(&shelf).expect("a draw selects a scenario");
            assert_eq!(current.disc, Disc::C);
            drawn.push(current.id.clone());
        }
        assert!(drawn.windows(2).all(|w| w[0] != w[1]), "a draw never repeats the card on screen");
        view.apply(&LibraryAction::ToggleCustomerCard, &shelf);
        assert!(view.show_customer_card);
        view.apply(&LibraryAction::Draw, &shelf);
        assert!(!view.show_customer_card, "a new card starts with the customer card hidden");
    }
}
