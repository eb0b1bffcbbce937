//! Never lose the room's work: sessions are saved atomically (a temp file in the same folder,
//! flushed and fsynced, renamed over the target), the previous version is kept as
//! `<name>.bak`, and a broken file is never overwritten: saving over it first moves it aside
//! to `<name>.broken-<unix ms>`. Loading never panics; a failure says where the file is broken
//! and whether the backup exists and loads. Also the list of recently opened sessions.

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::content_error::{ContentError, parse_ron};
use crate::core::session::{Session, Timestamp};

/// How many sessions the "recent" list keeps.
pub const RECENT_LIMIT: usize = 8;
const RECENT_FILE: &str = "recent-sessions.ron";

/// `path` with `suffix` appended to its file name, in the same folder (so a rename stays on one
/// file system and is atomic).
fn sibling(path: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, format!("{} is not a file", path.display())))?;
    let mut sibling_name = OsString::from(name);
    sibling_name.push(suffix);
    Ok(path.with_file_name(sibling_name))
}

/// Where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> io::Result<PathBuf> {
    sibling(path, ".bak")
}

/// Reads a small RON file of preferences or progress: a missing file gives the defaults, an
/// unreadable or broken one a located error (the caller keeps running on defaults).
pub fn load_ron_or_default<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Result<T, ContentError> {
    match std::fs::read_to_string(path) {
        Ok(source) => crate::core::content_error::parse_ron(path, &source),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(ContentError::whole_file(path, format!("cannot read the file: {e}"))),
    }
}

/// Writes `value` as pretty RON, atomically.
pub fn save_ron<T: serde::Serialize>(value: &T, path: &Path) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(io::Error::other)?;
    write_atomically(path, text.as_bytes())
}

/// [`save_ron`] for a file holding a secret: readable and writable by its owner only, whatever
/// the permissions it had.
pub fn save_ron_private<T: serde::Serialize>(value: &T, path: &Path) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(io::Error::other)?;
    replace_atomically(path, Access::OwnerOnly, |out| out.write_all(text.as_bytes()))
}

/// Who may read a file the app replaces.
#[derive(Clone, Copy, PartialEq)]
enum Access {
    /// As the file it replaces (a new file: readable by others).
    Kept,
    OwnerOnly,
}

/// Replaces `path` with `contents` so that, whenever the process dies, the file holds either the
/// old or the new contents in full. The temp file has an unpredictable name and is created
/// exclusively in the target's folder, so a link planted there is never followed and two savers
/// never share one; a failed write (a full disk) deletes it. The file keeps its permissions, and
/// a read-only file is never replaced.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(contents))
}

/// [`write_atomically`] for contents written piece by piece (a large export, streamed): `write`
/// fills the temp file; if it fails, the temp file is deleted and the target untouched.
pub fn write_atomically_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    replace_atomically(path, Access::Kept, write)
}

fn replace_atomically(
    path: &Path,
    access: Access,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let permissions = match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => {
            let message = format!("{} is read-only, so it was not replaced", path.display());
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, message));
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let mut temp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(folder)?;
    {
        let mut buffered = io::BufWriter::new(temp.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    temp.as_file().sync_all()?;
    match permissions {
        // The temp file starts private.
        _ if access == Access::OwnerOnly => {}
        Some(kept) => temp.as_file().set_permissions(kept)?,
        None => readable_by_others(temp.as_file())?,
    }
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(folder)
}

/// A new file is readable by others, as the files the app always wrote were (the temp file
/// itself starts private).
fn readable_by_others(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Makes the rename itself durable across a power cut (Unix; Windows cannot open folders).
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// One writer per session file: an advisory lock on `.<name>.lock` beside it (the session file
/// itself is replaced by every save, so it cannot hold the lock). Released when dropped, and by
/// the system when the process dies.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

impl SessionLock {
    /// Takes the lock, or `Ok(None)` when another instance holds it.
    pub fn acquire(path: &Path) -> io::Result<Option<SessionLock>> {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)?;
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(format!(".{name}.lock")))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(SessionLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

/// Saves `session` to `path` atomically. A loadable previous version becomes `<name>.bak`; a
/// previous file that does not load (hand-edited, corrupted) is moved aside first, and its new
/// path is returned so the trainer can be told.
pub fn save_session(session: &Session, path: &Path) -> io::Result<Option<PathBuf>> {
    let text = ron::ser::to_string_pretty(session, ron::ser::PrettyConfig::default()).map_err(io::Error::other)?;
    let mut moved_aside = None;
    match std::fs::read(path) {
        Ok(previous) => {
            let loads = std::str::from_utf8(&previous).is_ok_and(|text| Session::parse(path, text).is_ok());
            if loads {
                write_atomically(&backup_path(path)?, &previous)?;
            } else {
                // Hand-edited or corrupted: keep it, untouched, under a new name.
                moved_aside = Some(move_aside(path)?);
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write_atomically(path, text.as_bytes())?;
    Ok(moved_aside)
}

/// Keeps a file that does not load, untouched, as `<name>.broken-<unix ms>` beside it, so a save
/// never overwrites it; returns where it went.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let aside = free_broken_path(path)?;
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

fn free_broken_path(path: &Path) -> io::Result<PathBuf> {
    let stamp = Timestamp::now().0;
    let mut attempt = 0;
    loop {
        let suffix = if attempt == 0 { format!(".broken-{stamp}") } else { format!(".broken-{stamp}-{attempt}") };
        let candidate = sibling(path, &suffix)?;
        if !candidate.exists() {
            return Ok(candidate);
        }
        attempt += 1;
    }
}

/// A session file that could not be loaded, and what the backup offers instead.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    /// Where and why the file is broken (`file:line:col: message`; line 0 for the whole file).
    pub error: ContentError,
    pub backup: Backup,
}

#[derive(Debug, Clone)]
pub enum Backup {
    Missing,
    /// The previous version loads: offer it. Saving it with [`save_session`] moves the broken
    /// file aside first, so nothing is lost.
    Loads(Box<Session>),
    Broken(Box<ContentError>),
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.error)?;
        match &self.backup {
            Backup::Missing => write!(f, " (no backup)"),
            Backup::Loads(_) => write!(f, " (the backup loads)"),
            Backup::Broken(e) => write!(f, " (the backup is broken too: {e})"),
        }
    }
}

impl std::error::Error for LoadFailure {}

/// Loads a session; on failure, reports whether `<name>.bak` exists and loads.
pub fn load_session(path: &Path) -> Result<Session, LoadFailure> {
    Session::load(path).map_err(|error| {
        let backup = match backup_path(path) {
            Ok(bak) if bak.exists() => match Session::load(&bak) {
                Ok(session) => Backup::Loads(Box::new(session)),
                Err(e) => Backup::Broken(Box::new(e)),
            },
            _ => Backup::Missing,
        };
        LoadFailure { error, backup }
    })
}

/// The sessions opened lately, most recent first, for the start screen and "resume last".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecentSessions {
    paths: Vec<PathBuf>,
}

impl RecentSessions {
    /// Reads the list kept in `folder`, dropping sessions whose files are gone. No list yet is
    /// an empty list; a broken one is an error the caller may show and then start afresh.
    pub fn load(folder: &Path) -> Result<RecentSessions, ContentError> {
        let file = folder.join(RECENT_FILE);
        let mut recent: RecentSessions = match std::fs::read_to_string(&file) {
            Ok(source) => parse_ron(&file, &source)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => RecentSessions::default(),
            Err(e) => return Err(ContentError::whole_file(&file, format!("cannot read recent sessions: {e}"))),
        };
        recent.paths.retain(|p| p.exists());
        Ok(recent)
    }

    pub fn save(&self, folder: &Path) -> io::Result<()> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(io::Error::other)?;
        write_atomically(&folder.join(RECENT_FILE), text.as_bytes())
    }

    /// Puts `path` first (once), keeping at most [`RECENT_LIMIT`].
    pub fn touch(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(RECENT_LIMIT);
    }

    pub fn forget(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The session to resume.
    pub fn last(&self) -> Option<&Path> {
        self.paths.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    use super::*;
    use crate::core::lang::Lang;
    use crate::core::session::PointsSource;

    /// A fresh, empty folder for one test.
    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sc-persist-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn save_then_load_round_trips_and_keeps_the_previous_version() {
        let dir = scratch("round-trip");
        let path = dir.join("camp.ron");
        let mut session = Session::demo(Lang::Zh);
        assert_eq!(save_session(&session, &path).unwrap(), None);
        assert_eq!(load_session(&path).unwrap(), session);
        let first = session.clone();
        let team = session.teams[0].id();
        session.adjust(team, 4, "主动回访", Timestamp(1)).unwrap();
        save_session(&session, &path).unwrap();
        assert_eq!(load_session(&path).unwrap(), session);
        assert_eq!(Session::load(&backup_path(&path).unwrap()).unwrap(), first);
        assert_eq!(files_in(&dir), vec!["camp.ron", "camp.ron.bak"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_broken_file_is_reported_with_its_position_and_the_backup_state() {
        let dir = scratch("broken");
        let path = dir.join("camp.ron");
        std::fs::write(&path, "(\n  name: \"半截\",\n  teams: [(id: 1, name: 7)],\n)").unwrap();
        let failure = load_session(&path).unwrap_err();
        assert_eq!((failure.error.file.as_path(), failure.error.line), (path.as_path(), 3));
        assert!(matches!(failure.backup, Backup::Missing));
        assert!(failure.to_string().contains("no backup"), "{failure}");

        std::fs::write(backup_path(&path).unwrap(), "(name: ").unwrap();
        assert!(matches!(load_session(&path).unwrap_err().backup, Backup::Broken(_)));

        let good = Session::demo(Lang::En);
        std::fs::write(backup_path(&path).unwrap(), ron::to_string(&good).unwrap()).unwrap();
        let Backup::Loads(backup) = load_session(&path).unwrap_err().backup else { panic!("backup should load") };
        assert_eq!(*backup, good);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn saving_over_a_broken_file_moves_it_aside_untouched() {
        let dir = scratch("move-aside");
        let path = dir.join("camp.ron");
        let broken = "(name: \"只写了一半";
        std::fs::write(&path, broken).unwrap();
        let recovered = Session::demo(Lang::Zh);
        let aside = save_session(&recovered, &path).unwrap().expect("the broken file is moved aside");
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), broken);
        assert!(aside.file_name().unwrap().to_string_lossy().starts_with("camp.ron.broken-"));
        assert_eq!(load_session(&path).unwrap(), recovered);
        assert!(!backup_path(&path).unwrap().exists(), "a broken file never becomes the backup");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_half_written_file_never_panics_and_a_missing_one_says_so() {
        let text = ron::ser::to_string_pretty(&Session::demo(Lang::Zh), ron::ser::PrettyConfig::default()).unwrap();
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            // A cut inside trailing white space still parses; anything else must be an error.
            if let Err(e) = Session::parse(Path::new("cut.ron"), &text[..cut]) {
                assert!(e.line >= 1, "cut at {cut}: {e}");
            }
        }
        let dir = scratch("missing");
        let failure = load_session(&dir.join("none.ron")).unwrap_err();
        assert_eq!(failure.error.line, 0);
        assert!(failure.error.message.contains("cannot read"), "{failure}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_temp_file_left_by_a_killed_save_does_no_harm() {
        let dir = scratch("stale-temp");
        let path = dir.join("camp.ron");
        std::fs::write(dir.join(".camp.ron.tmp"), "(name: \"half").unwrap();
        let session = Session::demo(Lang::En);
        save_session(&session, &path).unwrap();
        assert_eq!(load_session(&path).unwrap(), session);
        assert_eq!(files_in(&dir), vec![".camp.ron.tmp", "camp.ron"], "no temp file of this save is left");
        assert_eq!(
            std::fs::read_to_string(dir.join(".camp.ron.tmp")).unwrap(),
            "(name: \"half",
            "and the old one is untouched"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_the_old_temp_name_is_not_followed() {
        let dir = scratch("planted-link");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join(".camp.ron.tmp")).unwrap();
        save_session(&Session::demo(Lang::Zh), &dir.join("camp.ron")).unwrap();
        write_atomically(&dir.join("report.md"), b"# report").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_permissions_and_never_replaces_a_read_only_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("permissions");
        let private = dir.join("private.ron");
        save_session(&Session::demo(Lang::Zh), &private).unwrap();
        assert_eq!(std::fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o644, "a new file");
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        save_session(&Session::demo(Lang::En), &private).unwrap();
        assert_eq!(
            std::fs::metadata(&private).unwrap().permissions().mode() & 0o777,
            0o600,
            "participant names stay private"
        );

        let frozen = dir.join("frozen.md");
        std::fs::write(&frozen, "final").unwrap();
        std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o444)).unwrap();
        let refused = write_atomically(&frozen, b"new").unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::PermissionDenied);
        assert!(refused.to_string().contains("read-only"), "{refused}");
        assert_eq!(std::fs::read_to_string(&frozen).unwrap(), "final");
        std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_second_writer_is_refused_the_lock_until_the_first_lets_go() {
        let dir = scratch("lock");
        let path = dir.join("camp.ron");
        let first = SessionLock::acquire(&path).unwrap();
        assert!(first.is_some());
        assert!(SessionLock::acquire(&path).unwrap().is_none(), "another instance holds it");
        drop(first);
        assert!(SessionLock::acquire(&path).unwrap().is_some(), "free again once the first closes");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn recent_sessions_keep_the_latest_eight_first_and_drop_missing_files() {
        let dir = scratch("recent");
        assert_eq!(RecentSessions::load(&dir).unwrap(), RecentSessions::default());
        let files: Vec<PathBuf> = (0..10).map(|i| dir.join(format!("s{i}.ron"))).collect();
        let mut recent = RecentSessions::default();
        for file in &files {
            std::fs::write(file, "()").unwrap();
            recent.touch(file);
        }
        recent.touch(&files[5]);
        assert_eq!(recent.last(), Some(files[5].as_path()));
        assert_eq!(recent.paths().len(), RECENT_LIMIT);
        assert_eq!(recent.paths()[1], files[9]);
        assert!(!recent.paths().contains(&files[0]));
        recent.save(&dir).unwrap();
        std::fs::remove_file(&files[9]).unwrap();
        let reloaded = RecentSessions::load(&dir).unwrap();
        assert_eq!(reloaded.paths().len(), RECENT_LIMIT - 1);
        assert!(!reloaded.paths().contains(&files[9]));
        let mut forgetful = reloaded.clone();
        forgetful.forget(&files[5]);
        assert_eq!(forgetful.last(), Some(files[8].as_path()));
        std::fs::write(dir.join(RECENT_FILE), "(paths: [").unwrap();
        assert_eq!(RecentSessions::load(&dir).unwrap_err().line, 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// The name this test binary knows the test `name` of this module by, to run it as a child.
    fn child_test(name: &str) -> String {
        let module = module_path!().split_once("::").map_or(module_path!(), |(_, rest)| rest);
        format!("{module}::{name}")
    }

    const CHILD_FILE_VAR: &str = "SERVICE_CAMP_KILL_TEST_FILE";

    /// The child side of the kill test: resumes the session file and saves one more ledger entry
    /// at a time, reporting each completed save on stdout, until it is killed. Run only by
    /// `kill_minus_nine_never_loses_saved_work`, which sets the variable.
    #[test]
    #[ignore = "child process of the kill test"]
    fn save_loop_child() {
        let Some(path) = std::env::var_os(CHILD_FILE_VAR).map(PathBuf::from) else { return };
        let mut session = load_session(&path).expect("the child resumes a loadable file");
        let team = session.teams[0].id();
        let mut stdout = io::stdout().lock();
        loop {
            let tick = session.ledger.len() as u64;
            session.record(team, 1, PointsSource::Bonus, "tick", Timestamp(tick)).unwrap();
            save_session(&session, &path).unwrap();
            writeln!(stdout, "saved {}", session.ledger.len()).unwrap();
            stdout.flush().unwrap();
        }
    }

    /// Spawns this test binary to run `save_loop_child`, kills it with SIGKILL at a random moment
    /// once it is saving, and checks the file always loads with at least every save the child
    /// reported. Repeated many times; each child resumes where the last one died.
    #[test]
    fn kill_minus_nine_never_loses_saved_work() {
        const KILLS: usize = 40;
        let dir = scratch("kill");
        let path = dir.join("camp.ron");
        let mut session = Session::new("kill -9", Lang::En);
        session.add_team("A", "⚡").unwrap();
        save_session(&session, &path).unwrap();
        let child_test = child_test("save_loop_child");
        let seed = Timestamp::now().0;
        let mut rng = StdRng::seed_from_u64(seed);
        let mut reported = 0;
        let mut saves_seen = Vec::new();
        let mut killed_mid_write = 0;
        for kill in 0..KILLS {
            let mut child = Command::new(std::env::current_exe().unwrap())
                .args([child_test.as_str(), "--exact", "--ignored", "--nocapture", "--test-threads=1"])
                .env(CHILD_FILE_VAR, &path)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let (sender, lines) = mpsc::channel();
            let reader = std::thread::spawn(move || {
                let mut stdout = BufReader::new(stdout);
                let mut line = String::new();
                // Only whole lines count: the kill may cut one mid-write.
                while stdout.read_line(&mut line).is_ok_and(|n| n > 0) && line.ends_with('\n') {
                    if let Some(n) = line.trim_end().strip_prefix("saved ").and_then(|n| n.parse::<usize>().ok()) {
                        let _ = sender.send(n);
                    }
                    line.clear();
                }
            });
            let first = lines.recv_timeout(Duration::from_secs(30)).expect("the child starts saving");
            std::thread::sleep(Duration::from_micros(rng.random_range(0..50_000)));
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            reader.join().unwrap();
            // A temp file left behind means the kill landed in the middle of a write.
            killed_mid_write += usize::from(files_in(&dir).iter().any(|name| name.ends_with(".tmp")));
            let last = lines.try_iter().last().unwrap_or(first);
            saves_seen.push(last + 1 - first);
            reported = reported.max(last);

            let loaded = load_session(&path).unwrap_or_else(|e| panic!("kill {kill} (seed {seed}): {e}"));
            // At most one save can have finished without its report getting out before the kill.
            assert!(
                (last..=last + 1).contains(&loaded.ledger.len()),
                "kill {kill} (seed {seed}): file holds {} entries, child last reported {last}",
                loaded.ledger.len()
            );
            assert_eq!(loaded.totals(), vec![loaded.ledger.len() as i32]);
            let backup = backup_path(&path).unwrap();
            Session::load(&backup).unwrap_or_else(|e| panic!("kill {kill} (seed {seed}): backup: {e}"));
        }
        let least = saves_seen.iter().min().unwrap();
        let most = saves_seen.iter().max().unwrap();
        eprintln!("kill test: {KILLS} kills ({killed_mid_write} mid-write), seed {seed}, {reported} saves");
        eprintln!("kill test: each child saved {least}..={most} times before its kill");
        assert!(saves_seen.iter().any(|&n| n > 1), "kills should land while the child is saving");
        std::fs::remove_dir_all(dir).unwrap();
    }

    const FULL_DISK_VAR: &str = "SERVICE_CAMP_FULL_DISK_TEST_FILE";
    /// What the child of the full-disk test may write into any one file.
    const FILE_SIZE_LIMIT: usize = 64 * 1024;

    /// The child side of the full-disk test: saves a session too big for the file-size limit it
    /// runs under and says how that went. Run only by `a_write_failing_mid_file_…`.
    #[test]
    #[ignore = "child process of the full-disk test"]
    fn oversized_save_child() {
        let Some(path) = std::env::var_os(FULL_DISK_VAR).map(PathBuf::from) else { return };
        let mut session = load_session(&path).expect("the original loads");
        let team = session.teams[0].id();
        for tick in 0..4_000 {
            session.record(team, 1, PointsSource::Bonus, "a long day of bonuses", Timestamp(tick)).unwrap();
        }
        match save_session(&session, &path) {
            Ok(_) => println!("saved"),
            Err(e) => println!("refused: {e}"),
        }
    }

    /// A write that fails in the middle of the file leaves the session file as it was and no
    /// temp file beside it. A full disk (ENOSPC) and a file-size limit (EFBIG) fail the same
    /// write call; the limit is what a test can set without filling a real disk (`prlimit`,
    /// with SIGXFSZ ignored so the write returns the error instead of killing the process).
    #[test]
    #[cfg(target_os = "linux")]
    fn a_write_failing_mid_file_leaves_the_session_whole_and_no_temp_file() {
        let dir = scratch("full-disk");
        let path = dir.join("camp.ron");
        let mut session = Session::new("full disk", Lang::En);
        session.add_team("A", "⚡").unwrap();
        save_session(&session, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("trap '' XFSZ; exec prlimit --fsize={FILE_SIZE_LIMIT} \"$0\" \"$@\""))
            .arg(std::env::current_exe().unwrap())
            .args([&child_test("oversized_save_child"), "--exact", "--ignored", "--nocapture"])
            .args(["--test-threads=1"])
            .env(FULL_DISK_VAR, &path)
            .output()
            .expect("sh and prlimit (util-linux) run the child");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.contains("refused: ") && said.contains("File too large"), "the child said: {said}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "the session file is untouched");
        let left: Vec<String> = files_in(&dir).into_iter().filter(|name| name.ends_with(".tmp")).collect();
        assert!(left.is_empty(), "temp files left behind: {left:?}");
        load_session(&path).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
