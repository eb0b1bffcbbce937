//! The outbox: every statement the day produces waits here until the LRS has accepted it, in a
//! file beside the session (`NAME.outbox.json`), replaced atomically like the session itself.
//!
//! The statements are the export's ([`crate::core::export::xapi::each_statement`]), named after
//! their content, so the outbox only has to compare: a statement it has not seen is queued; one
//! that disappeared from the session (a ledger entry undone, a debrief rewritten) is taken back:
//! dropped if it never left, voided if it may have reached the LRS; one that comes back after
//! being voided goes out again under a new id, since a voided statement never counts again.
//!
//! Delivery is at least once: a batch is marked as handed over before it is sent, and
//! acknowledged only after the LRS accepted it, so a kill in between sends it again, with the
//! same ids, which the LRS stores once.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::content_error::ContentError;
use crate::core::export::xapi::{returned_statement_id, voiding_statement};
use crate::core::ids::Timestamp;

/// How long a new statement waits before it goes, in the app: a debrief typed line by line, or
/// a round still being rated, goes once, as it stands when the room stopped changing it.
pub const SETTLE_MILLIS: u64 = 20_000;

/// The largest outbox file read back (a whole day offline at the ledger's limit fits).
pub const MAX_OUTBOX_FILE_BYTES: u64 = 256 << 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outbox {
    /// Every statement the session produced, by the id the session names it with.
    issued: BTreeMap<String, Issue>,
    /// What still has to go, oldest first.
    waiting: VecDeque<Waiting>,
    /// The LRS refused these alone; kept, and sent again only when the trainer asks.
    set_aside: Vec<Waiting>,
    /// How many statements the LRS has accepted.
    sent: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Issue {
    /// The id it goes out under: the session's, or a new one once it came back after a void.
    sent_as: String,
    /// When it was taken back (then it no longer counts).
    withdrawn_at: Option<Timestamp>,
    /// Whether taking it back needed a void (it may have reached the LRS).
    #[serde(default)]
    voided: bool,
    /// How often it came back after being taken back.
    returns: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Waiting {
    statement: Value,
    queued_at: Timestamp,
    /// Handed to the LRS at least once: it may be there, so taking it back needs a void.
    handed_over: bool,
}

impl Waiting {
    fn id(&self) -> &str {
        id_of(&self.statement).unwrap_or_default()
    }
}

/// A statement's id.
fn id_of(statement: &Value) -> Option<&str> {
    statement["id"].as_str()
}

impl Outbox {
    /// Where the outbox of the session at `session_path` is kept.
    pub fn path_beside(session_path: &Path) -> PathBuf {
        let stem = session_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        session_path.with_file_name(format!("{stem}.outbox.json"))
    }

    /// Takes in the session's statements as they stand at `now`: queues the new ones and takes
    /// back the ones that are gone (voids, under agents of `home_page`). Returns whether the
    /// outbox changed (then it should be saved).
    pub fn sync(&mut self, statements: impl IntoIterator<Item = Value>, home_page: &str, now: Timestamp) -> bool {
        let mut changed = false;
        let mut present = HashSet::new();
        for mut statement in statements {
            let Some(id) = id_of(&statement).map(str::to_owned) else { continue };
            if !present.insert(id.clone()) {
                continue;
            }
            match self.issued.get_mut(&id) {
                Some(issue) if issue.withdrawn_at.is_none() => continue,
                Some(issue) => {
                    issue.returns += 1;
                    issue.sent_as = returned_statement_id(&id, issue.returns);
                    issue.withdrawn_at = None;
                    issue.voided = false;
                    statement["id"] = Value::String(issue.sent_as.clone());
                }
                None => {
                    self.issued
                        .insert(id.clone(), Issue { sent_as: id, withdrawn_at: None, voided: false, returns: 0 });
                }
            }
            self.waiting.push_back(Waiting { statement, queued_at: now, handed_over: false });
            changed = true;
        }
        for (id, issue) in &mut self.issued {
            if issue.withdrawn_at.is_some() || present.contains(id) {
                continue;
            }
            issue.withdrawn_at = Some(now);
            changed = true;
            let queued = self.waiting.iter().position(|w| w.id() == issue.sent_as);
            let never_left = queued.is_some_and(|i| !self.waiting[i].handed_over);
            if let Some(i) = queued {
                self.waiting.remove(i);
            }
            self.set_aside.retain(|w| w.id() != issue.sent_as);
            if !never_left {
                issue.voided = true;
                let void = voiding_statement(&issue.sent_as, home_page, now);
                self.waiting.push_back(Waiting { statement: void, queued_at: now, handed_over: false });
            }
        }
        changed
    }

    /// Up to `max` statements queued no later than `settled` (they had time to settle), oldest
    /// first, marked as handed over: save the outbox before sending them.
    pub fn next_batch(&mut self, max: usize, settled: Timestamp) -> Vec<Value> {
        let settled = |w: &Waiting| w.queued_at <= settled;
        self.waiting
            .iter_mut()
            .take(max)
            .take_while(|w| settled(w))
            .map(|w| {
                w.handed_over = true;
                w.statement.clone()
            })
            .collect()
    }

    /// When the first waiting statement was queued (`None`: nothing waits).
    pub fn oldest(&self) -> Option<Timestamp> {
        self.waiting.front().map(|w| w.queued_at)
    }

    /// The LRS accepted these statements.
    pub fn acknowledge(&mut self, statements: &[Value]) {
        let ids: HashSet<&str> = statements.iter().filter_map(id_of).collect();
        let before = self.waiting.len();
        self.waiting.retain(|w| !ids.contains(w.id()));
        self.sent += (before - self.waiting.len()) as u64;
    }

    /// The LRS refused the first waiting statement on its own: it is kept aside, and the rest go on.
    pub fn set_aside_first(&mut self) {
        if let Some(refused) = self.waiting.pop_front() {
            self.set_aside.push(refused);
        }
    }

    /// The trainer asks to try the statements set aside again (the LRS was fixed).
    pub fn retry_set_aside(&mut self) {
        for refused in self.set_aside.drain(..).rev() {
            self.waiting.push_front(refused);
        }
    }

    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    pub fn sent(&self) -> u64 {
        self.sent
    }

    pub fn set_aside(&self) -> usize {
        self.set_aside.len()
    }

    /// Everything the LRS should hold for `statements` (the session's, as they stand): each under
    /// the id it goes out with, and the voids of what was taken back. For sending a whole day
    /// again (`service-camp push`): the LRS stores none of it twice.
    pub fn everything(&self, statements: impl IntoIterator<Item = Value>, home_page: &str) -> Vec<Value> {
        let mut all: Vec<Value> = statements
            .into_iter()
            .map(|mut statement| {
                let issue = id_of(&statement).and_then(|id| self.issued.get(id));
                if let Some(issue) = issue.filter(|i| i.withdrawn_at.is_none()) {
                    statement["id"] = Value::String(issue.sent_as.clone());
                }
                statement
            })
            .collect();
        // The same voids the outbox queued: same id, same time.
        let voids = self
            .issued
            .values()
            .filter(|issue| issue.voided)
            .filter_map(|issue| issue.withdrawn_at.map(|at| voiding_statement(&issue.sent_as, home_page, at)));
        all.extend(voids);
        all
    }

    /// Reads an outbox back; a missing file is an empty outbox.
    pub fn load(path: &Path) -> Result<Outbox, ContentError> {
        if !path.exists() {
            return Ok(Outbox::default());
        }
        let text = crate::core::limits::read_text_capped(path, MAX_OUTBOX_FILE_BYTES)?;
        serde_json::from_str(&text).map_err(|e| ContentError::new(path, e.line(), e.column(), e.to_string()))
    }

    /// The outbox at `path` for sending from: an empty one if the file is missing, or does not
    /// load — then the file is kept aside (never overwritten: the session fills a new outbox)
    /// and the problem said.
    pub fn open(path: &Path) -> (Outbox, Option<String>) {
        match Outbox::load(path) {
            Ok(outbox) => (outbox, None),
            Err(e) => match crate::core::persist::move_aside(path) {
                Ok(aside) => (Outbox::default(), Some(format!("{e} (kept as {})", aside.display()))),
                Err(_) => (Outbox::default(), Some(e.to_string())),
            },
        }
    }

    /// Replaces the file atomically: a kill leaves the old outbox or the new one, never half.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_vec(self).map_err(io::Error::other)?;
        crate::core::persist::write_atomically(path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HOME: &str = "https://learning.example.com";

    fn statement(id: &str) -> Value {
        json!({ "id": id, "verb": { "id": "http://adlnet.gov/expapi/verbs/scored" } })
    }

    fn ids(batch: &[Value]) -> Vec<&str> {
        batch.iter().map(|s| s["id"].as_str().unwrap()).collect()
    }

    /// Queued at 1 000 ms: settled for a batch of what was queued by then.
    const LATER: Timestamp = Timestamp(1_000);

    #[test]
    fn new_statements_wait_until_they_settle_then_go_oldest_first_and_once() {
        let mut outbox = Outbox::default();
        assert!(outbox.sync([statement("a"), statement("b")], HOME, Timestamp(1_000)));
        assert!(!outbox.sync([statement("a"), statement("b")], HOME, Timestamp(2_000)), "nothing new");
        assert!(outbox.next_batch(50, Timestamp(999)).is_empty(), "not settled yet");
        assert_eq!(outbox.oldest(), Some(Timestamp(1_000)));
        let batch = outbox.next_batch(1, LATER);
        assert_eq!(ids(&batch), ["a"]);
        outbox.acknowledge(&batch);
        assert_eq!((outbox.sent(), outbox.waiting()), (1, 1));
        assert_eq!(ids(&outbox.next_batch(50, LATER)), ["b"]);
    }

    #[test]
    fn an_entry_taken_back_before_it_left_is_dropped_without_a_void() {
        let mut outbox = Outbox::default();
        outbox.sync([statement("a"), statement("b")], HOME, Timestamp(1_000));
        assert!(outbox.sync([statement("a")], HOME, Timestamp(2_000)));
        assert_eq!(ids(&outbox.next_batch(50, Timestamp(2_000))), ["a"]);
    }

    #[test]
    fn an_undo_of_a_sent_statement_sends_a_void_and_a_restore_sends_it_under_a_new_id() {
        let mut outbox = Outbox::default();
        outbox.sync([statement("a")], HOME, Timestamp(1_000));
        let batch = outbox.next_batch(50, LATER);
        outbox.acknowledge(&batch);
        // Undone in the ledger: its statement is gone from the session's.
        outbox.sync([], HOME, Timestamp(30_000));
        let voids = outbox.next_batch(50, Timestamp(30_000));
        assert_eq!(voids.len(), 1);
        assert_eq!(voids[0]["verb"]["id"], "http://adlnet.gov/expapi/verbs/voided");
        assert_eq!(voids[0]["object"], json!({ "objectType": "StatementRef", "id": "a" }));
        assert_eq!(voids[0]["actor"]["account"]["homePage"], HOME);
        assert_eq!(voids[0]["timestamp"], "1970-01-01T00:00:30.000Z");
        outbox.acknowledge(&voids);
        // Restored: the same statement again, which must not be the voided id.
        outbox.sync([statement("a")], HOME, Timestamp(40_000));
        let back = outbox.next_batch(50, Timestamp(40_000));
        assert_eq!(ids(&back), [returned_statement_id("a", 1).as_str()]);
        assert_ne!(back[0]["id"], "a");
        assert_eq!(outbox.sent(), 2);
    }

    #[test]
    fn a_statement_handed_over_but_not_acknowledged_is_voided_when_taken_back() {
        // It may have reached the LRS before the reply was lost.
        let mut outbox = Outbox::default();
        outbox.sync([statement("a")], HOME, Timestamp(1_000));
        let _lost = outbox.next_batch(50, LATER);
        outbox.sync([], HOME, Timestamp(30_000));
        let batch = outbox.next_batch(50, Timestamp(30_000));
        assert_eq!(ids(&batch).len(), 1);
        assert_eq!(batch[0]["object"]["id"], "a");
    }

    #[test]
    fn a_refused_statement_is_set_aside_and_the_rest_go_on() {
        let mut outbox = Outbox::default();
        outbox.sync([statement("bad"), statement("good")], HOME, Timestamp(1_000));
        assert_eq!(ids(&outbox.next_batch(1, LATER)), ["bad"]);
        outbox.set_aside_first();
        assert_eq!((outbox.waiting(), outbox.set_aside()), (1, 1));
        assert_eq!(ids(&outbox.next_batch(50, LATER)), ["good"]);
        outbox.retry_set_aside();
        assert_eq!(ids(&outbox.next_batch(50, LATER)), ["bad", "good"]);
    }

    #[test]
    fn everything_is_the_session_under_its_sent_ids_and_the_voids() {
        let mut outbox = Outbox::default();
        outbox.sync([statement("a"), statement("b")], HOME, Timestamp(1_000));
        let batch = outbox.next_batch(50, LATER);
        outbox.acknowledge(&batch);
        outbox.sync([statement("b")], HOME, Timestamp(30_000));
        let void_of_a = voiding_statement("a", HOME, Timestamp(30_000));
        assert_eq!(outbox.everything([statement("b")], HOME), vec![statement("b"), void_of_a.clone()]);
        let voids = outbox.next_batch(50, Timestamp(30_000));
        assert_eq!(voids, vec![void_of_a.clone()], "the void queued is the one a push sends");
        outbox.acknowledge(&voids);
        assert_eq!(outbox.everything([statement("b")], HOME), vec![statement("b"), void_of_a]);
        // Restored, it counts again, under its new id, and is not voided.
        outbox.sync([statement("a"), statement("b")], HOME, Timestamp(50_000));
        let returned = json!({ "id": returned_statement_id("a", 1), "verb": statement("a")["verb"] });
        assert_eq!(outbox.everything([statement("a"), statement("b")], HOME), vec![returned, statement("b")]);
    }

    #[test]
    fn the_outbox_reads_back_what_it_saved_and_sits_beside_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = Outbox::path_beside(&dir.path().join("camp.ron"));
        assert_eq!(path, dir.path().join("camp.outbox.json"));
        assert_eq!(Outbox::load(&path).unwrap(), Outbox::default());
        let mut outbox = Outbox::default();
        outbox.sync([statement("a"), statement("b")], HOME, Timestamp(1_000));
        let batch = outbox.next_batch(1, LATER);
        outbox.acknowledge(&batch);
        outbox.save(&path).unwrap();
        assert_eq!(Outbox::load(&path).unwrap(), outbox);
        std::fs::write(&path, "{\"waiting\": [").unwrap();
        let broken = Outbox::load(&path).unwrap_err();
        assert_eq!((broken.line, broken.col), (1, 13));
        // Opened for sending, a broken file is kept aside untouched and an empty outbox starts.
        let (opened, problem) = Outbox::open(&path);
        assert_eq!(opened, Outbox::default());
        assert!(problem.unwrap().contains("camp.outbox.json.broken-"));
        assert!(!path.exists());
    }

    /// The LRS of the kill test: each statement a line of an append-only file, as a real one stores
    /// them (a torn last line, cut by a kill, was never acknowledged and does not count).
    fn stored(log: &Path) -> Vec<Value> {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        text.lines().filter_map(|line| serde_json::from_str(line).ok()).collect()
    }

    fn day_statements(session: &crate::core::session::Session) -> Vec<Value> {
        let (rubrics, locales) = (crate::core::scoring::shipped_rubrics(), crate::core::locale::Locales::compiled_in());
        crate::core::export::xapi::statements(session, rubrics, locales, HOME, Timestamp(0))
    }

    const KILL_DIR_VAR: &str = "SERVICE_CAMP_OUTBOX_KILL_TEST_DIR";

    /// The child of the kill test: resumes the session and its outbox and, until killed, records
    /// a bonus (every third one undoes the one before), saves the session, takes it into the
    /// outbox, and sends each batch to the file "LRS", exactly as the app's worker does.
    #[test]
    #[ignore = "child process of the outbox kill test"]
    fn outbox_loop_child() {
        use crate::core::persist::{load_session, save_session};
        use crate::core::session::PointsSource;
        use std::io::Write;
        let Some(dir) = std::env::var_os(KILL_DIR_VAR).map(PathBuf::from) else { return };
        let (session_path, log_path) = (dir.join("camp.ron"), dir.join("lrs.jsonl"));
        let outbox_path = Outbox::path_beside(&session_path);
        let mut session = load_session(&session_path).unwrap();
        let mut outbox = Outbox::load(&outbox_path).expect("the outbox always loads after a kill");
        let team = session.teams[0].id();
        loop {
            let n = session.ledger.len();
            let at = Timestamp(1_764_000_000_000 + n as u64 * 1_000);
            if n % 3 == 2 {
                session.undo(n - 1, at).unwrap();
            }
            session.record(team, 1, PointsSource::Bonus, format!("tick {n}"), at).unwrap();
            save_session(&session, &session_path).unwrap();
            if outbox.sync(day_statements(&session), HOME, at) {
                outbox.save(&outbox_path).unwrap();
            }
            loop {
                let batch = outbox.next_batch(3, Timestamp(u64::MAX));
                if batch.is_empty() {
                    break;
                }
                outbox.save(&outbox_path).unwrap();
                let mut log = std::fs::OpenOptions::new().create(true).append(true).open(&log_path).unwrap();
                // A store is all or nothing, as in a real LRS: a line cut by a kill is closed off.
                let text = std::fs::read_to_string(&log_path).unwrap_or_default();
                let mut lines = if text.is_empty() || text.ends_with('\n') { String::new() } else { "\n".into() };
                for statement in &batch {
                    // The LRS keeps a statement once, by id.
                    if !stored(&log_path).iter().any(|s| s["id"] == statement["id"]) {
                        lines.push_str(&format!("{statement}\n"));
                    }
                }
                log.write_all(lines.as_bytes()).unwrap();
                log.sync_all().unwrap();
                outbox.acknowledge(&batch);
                outbox.save(&outbox_path).unwrap();
            }
        }
    }

    /// Kills the child above with SIGKILL at random moments, 30 times; after each kill the outbox
    /// loads, and once it has taken in the session as saved (as the next start does), every
    /// statement of the day is in the LRS or waiting, and the LRS holds each statement under one
    /// id only.
    #[test]
    fn the_outbox_survives_a_kill_at_any_moment() {
        use crate::core::persist::{load_session, save_session};
        use rand::{RngExt, SeedableRng};
        use std::process::{Command, Stdio};
        const KILLS: usize = 30;
        let dir = tempfile::tempdir().unwrap();
        let session_path = dir.path().join("camp.ron");
        let mut session = crate::core::session::Session::new("kill -9 outbox", crate::core::lang::Lang::En);
        session.add_team("A", "⚡").unwrap();
        save_session(&session, &session_path).unwrap();
        let module = module_path!().split_once("::").map_or(module_path!(), |(_, rest)| rest);
        let child_test = format!("{module}::outbox_loop_child");
        let seed = Timestamp::now().0;
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        for kill in 0..KILLS {
            let mut child = Command::new(std::env::current_exe().unwrap())
                .args([child_test.as_str(), "--exact", "--ignored", "--nocapture", "--test-threads=1"])
                .env(KILL_DIR_VAR, dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(rng.random_range(30..300)));
            child.kill().unwrap();
            child.wait().unwrap();

            let context = format!("kill {kill} (seed {seed})");
            let mut outbox =
                Outbox::load(&Outbox::path_beside(&session_path)).unwrap_or_else(|e| panic!("{context}: {e}"));
            let session = load_session(&session_path).unwrap_or_else(|e| panic!("{context}: {e}"));
            outbox.sync(day_statements(&session), HOME, Timestamp::now());
            let stored = stored(&dir.path().join("lrs.jsonl"));
            let waiting = outbox.clone().next_batch(usize::MAX, Timestamp(u64::MAX));
            let known: HashSet<&str> = stored.iter().chain(&waiting).filter_map(id_of).collect();
            for statement in outbox.everything(day_statements(&session), HOME) {
                assert!(known.contains(id_of(&statement).unwrap()), "{context}: lost {statement}");
            }
            // One id per statement: the same content never went out under two ids.
            let mut by_content: BTreeMap<String, &str> = BTreeMap::new();
            for statement in &stored {
                let mut content = statement.clone();
                content["id"] = Value::Null;
                let id = id_of(statement).unwrap();
                let first = by_content.entry(content.to_string()).or_insert(id);
                assert_eq!(*first, id, "{context}: sent twice with different ids");
            }
        }
        let session = load_session(&session_path).unwrap();
        eprintln!("outbox kill test: {KILLS} kills, seed {seed}, {} ledger entries", session.ledger.len());
        assert!(session.ledger.len() > KILLS, "the children got to work between kills");
    }
}
