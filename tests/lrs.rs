//! The day's record against a real LRS: Ralph (PyPI `ralph-malph`, filesystem backend),
//! started by each test on the loopback from `tests/lrs/venv` (which `.ci/run` installs).
//! Statements are read back through Ralph's own xAPI API.

use std::collections::BTreeSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use service_camp::core::export::xapi::statements;
use service_camp::core::lang::Lang;
use service_camp::core::locale::Locales;
use service_camp::core::lrs::outbox::Outbox;
use service_camp::core::lrs::settings::{DEFAULT_HOME_PAGE, LrsSettings};
use service_camp::core::session::{EditContext, Session, SessionEdit, Timestamp};
use service_camp::lrs::client::Client;
use service_camp::lrs::worker::{Snapshot, Status, Worker, WorkerOptions};

use crate::support::rubrics;

const USER: &str = "camp";
const PASSWORD: &str = "s3cret-pass";

fn venv_python() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lrs/venv/bin/python")
}

/// Whether Ralph is installed; CI must have it, elsewhere the test says what it skips.
fn ralph_ready(what: &str) -> bool {
    if venv_python().is_file() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI is set but tests/lrs/venv (Ralph) is missing");
    eprintln!("Ralph missing (tests/lrs/venv): skipping {what} (see the README)");
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running Ralph with one user, its statements in a folder of its own.
struct Ralph {
    dir: tempfile::TempDir,
    port: u16,
    server: Option<Child>,
}

impl Ralph {
    fn start() -> Ralph {
        let dir = tempfile::tempdir().unwrap();
        let made = Command::new(venv_python())
            .args(["-m", "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-w"])
            .args(["-A", USER, DEFAULT_HOME_PAGE])
            .env("RALPH_APP_DIR", dir.path().join("app"))
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .output()
            .expect("Ralph's CLI runs");
        assert!(made.status.success(), "ralph auth: {}", String::from_utf8_lossy(&made.stderr));
        let mut ralph = Ralph { dir, port: free_port(), server: None };
        ralph.resume();
        ralph
    }

    /// Starts the server (again, on the same port and statements).
    fn resume(&mut self) {
        std::fs::create_dir_all(self.dir.path().join("data")).unwrap();
        let launcher = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lrs/ralph_lrs.py");
        let server = Command::new(venv_python())
            .arg(launcher)
            .arg(self.port.to_string())
            .env("RALPH_APP_DIR", self.dir.path().join("app"))
            .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", self.dir.path().join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Ralph starts");
        self.server = Some(server);
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "Ralph did not listen within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stop(&mut self) {
        if let Some(mut server) = self.server.take() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI", self.port)
    }

    fn settings(&self, password: &str) -> LrsSettings {
        LrsSettings {
            enabled: true,
            endpoint: self.endpoint(),
            user: USER.into(),
            password: password.into(),
            ..LrsSettings::default()
        }
    }

    /// Every statement Ralph holds, through its own API.
    fn statements(&self) -> Vec<Value> {
        Client::new(&self.settings(PASSWORD)).fetch_all("limit=500").expect("Ralph answers GET /statements")
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The demo day's statements as an export writes them, by id.
fn demo_statements(session: &Session) -> Vec<Value> {
    statements(session, rubrics(), Locales::compiled_in(), DEFAULT_HOME_PAGE, Timestamp(0))
}

fn ids(statements: &[Value]) -> BTreeSet<String> {
    statements.iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
}

/// `service-camp push --demo` to `ralph` as [`USER`], with its config folder in `config` and
/// the password in the environment.
fn push_demo(config: &Path, ralph: &Ralph, password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_service-camp"))
        .args(["push", "--demo", "--lrs", &ralph.endpoint(), "--user", USER])
        .env("XDG_CONFIG_HOME", config)
        .env("SERVICE_CAMP_LRS_PASSWORD", password)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

#[test]
fn push_sends_the_demo_day_once_however_often_it_is_pushed() {
    if !ralph_ready("push to a real LRS") {
        return;
    }
    let ralph = Ralph::start();
    let config = tempfile::tempdir().unwrap();
    let run = push_demo(config.path(), &ralph, PASSWORD);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "push: {}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("80 statements sent to"), "{stdout}");
    let stored = ralph.statements();
    assert_eq!(stored.len(), 80);
    let expected = demo_statements(&Session::demo(Lang::Zh));
    assert_eq!(ids(&stored), ids(&expected), "the LRS holds exactly the export's statements");
    // Stored as sent: 周强's judging of 向日葵's round, read back from Ralph.
    let zhou = stored
        .iter()
        .find(|s| {
            s["actor"]["name"] == "周强"
                && s["object"]["id"].as_str().unwrap().ends_with("/rounds/1/disputed-freight-bill/calibration")
        })
        .unwrap();
    assert_eq!(zhou["result"]["score"]["raw"], 120);
    assert_eq!(zhou["actor"]["account"]["name"], "3/周强");
    assert_eq!(zhou["verb"]["display"]["zh-CN"], "评判");

    let again = push_demo(config.path(), &ralph, PASSWORD);
    assert!(again.status.success(), "a second push: {}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(ralph.statements().len(), 80, "nothing stored twice");
}

#[test]
fn a_wrong_password_is_named_and_nothing_is_dropped() {
    if !ralph_ready("a wrong password") {
        return;
    }
    let ralph = Ralph::start();
    let config = tempfile::tempdir().unwrap();
    let run = push_demo(config.path(), &ralph, "not-the-password");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("the LRS refused the user or password (HTTP 401); 0 of 80 statements sent"), "{stderr}");
    assert!(ralph.statements().is_empty());

    // The app's worker stops on it too, and keeps every statement waiting.
    let dir = tempfile::tempdir().unwrap();
    let worker = worker(ralph.settings("not-the-password"));
    worker.session_changed(snapshot(Session::demo(Lang::Zh), dir.path()));
    let status = wait_for(&worker, "the worker stops on 401", |s| s.stopped.is_some());
    assert_eq!((status.sent, status.waiting), (0, 80));
    assert_eq!(status.last_error.as_deref(), Some("HTTP 401"));
    // New credentials: it goes on at once.
    worker.settings_changed(ralph.settings(PASSWORD));
    let status = wait_for(&worker, "all sent after the fix", |s| s.waiting == 0);
    assert_eq!(status.sent, 80);
    assert_eq!(ralph.statements().len(), 80);
}

fn worker(settings: LrsSettings) -> Worker {
    let options = WorkerOptions { timeout: Duration::from_secs(5), settle: Duration::ZERO };
    Worker::start(settings, Arc::new(rubrics().clone()), Arc::new(Locales::builtin()), options, Box::new(|| {}))
}

fn snapshot(session: Session, dir: &Path) -> Snapshot {
    Snapshot { session, outbox: Some(Outbox::path_beside(&dir.join("camp.ron"))) }
}

/// Waits (at most 60 s) until the worker's status passes `done`.
fn wait_for(worker: &Worker, what: &str, done: impl Fn(&Status) -> bool) -> Status {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let status = worker.status();
        if done(&status) {
            return status;
        }
        assert!(Instant::now() < deadline, "{what}: still {status:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_day_with_the_lrs_down_midway_arrives_whole_once_it_is_back_and_an_undo_is_voided() {
    if !ralph_ready("an LRS that goes down midway") {
        return;
    }
    let mut ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let worker = worker(ralph.settings(PASSWORD));
    // The morning, up to the vote.
    let mut session = Session::demo_before_the_vote(Lang::Zh);
    worker.session_changed(snapshot(session.clone(), dir.path()));
    let morning = wait_for(&worker, "the morning sent", |s| s.sent > 0 && s.waiting == 0);
    let morning_ids = ids(&ralph.statements());
    assert_eq!(morning_ids.len() as u64, morning.sent);

    // The venue's network drops; the day goes on: a bonus and a penalty, then the bonus undone.
    ralph.stop();
    let cx = EditContext::new(Timestamp(1_764_060_000_000), Some(rubrics()));
    let team = session.teams[0].id();
    session.apply(&SessionEdit::Adjust { team, points: 3, reason: "主动回访".into() }, &cx).unwrap();
    session.apply(&SessionEdit::Adjust { team, points: -2, reason: "迟到".into() }, &cx).unwrap();
    let bonus_statement =
        demo_statements(&session).into_iter().find(|s| s["result"]["response"] == "主动回访").unwrap();
    worker.session_changed(snapshot(session.clone(), dir.path()));
    let offline = wait_for(&worker, "offline noticed", |s| s.offline_since.is_some());
    assert_eq!(offline.waiting, 2, "the bonus and the penalty wait: {offline:?}");
    assert!(offline.sending, "still sending (the top bar says offline, not off)");
    session.undo(session.ledger.len() - 2, Timestamp(1_764_060_060_000)).unwrap();
    worker.session_changed(snapshot(session.clone(), dir.path()));

    // Back: everything arrives, nothing twice.
    ralph.resume();
    worker.retry_now();
    let done = wait_for(&worker, "all sent once the LRS is back", |s| s.waiting == 0 && s.offline_since.is_none());
    let stored = ralph.statements();
    assert_eq!(stored.len() as u64, done.sent);
    assert_eq!(ids(&stored).len(), stored.len(), "no statement twice");
    let expected = ids(&demo_statements(&session));
    assert!(expected.is_subset(&ids(&stored)), "every statement of the day is in the LRS");
    assert!(morning_ids.is_subset(&ids(&stored)));
    assert_eq!(stored.iter().filter(|s| s["result"]["response"] == "迟到").count(), 1, "the penalty, once");
    // The bonus had been handed over (the attempt failed), so it is voided rather than dropped:
    // it never reached the LRS, and the void makes sure it never counts.
    assert!(!ids(&stored).contains(bonus_statement["id"].as_str().unwrap()));
    let voids: Vec<&Value> = stored.iter().filter(|s| s["verb"]["id"] == VOIDED).collect();
    assert_eq!(voids.len(), 1);
    assert_eq!(voids[0]["object"]["id"], bonus_statement["id"]);
    assert_eq!(stored.len(), expected.len() + 1);

    // Undo the penalty now that the LRS has it: a void takes it back.
    let penalty = session.ledger.len() - 1;
    session.undo(penalty, Timestamp(1_764_060_120_000)).unwrap();
    worker.session_changed(snapshot(session.clone(), dir.path()));
    wait_for(&worker, "the void sent", |s| s.waiting == 0 && s.sent == done.sent + 1);
    let stored = ralph.statements();
    let penalty_statement = stored.iter().find(|s| s["result"]["response"] == "迟到").unwrap();
    let void =
        stored.iter().filter(|s| s["verb"]["id"] == VOIDED).find(|s| s["object"]["id"] == penalty_statement["id"]);
    assert!(void.is_some(), "the undone penalty is voided in the LRS");
}

const VOIDED: &str = "http://adlnet.gov/expapi/verbs/voided";

/// A loopback "LRS" that takes a request and answers only when told to.
struct SlowLrs {
    port: u16,
    answer: std::sync::mpsc::Sender<()>,
    received: std::sync::mpsc::Receiver<()>,
}

impl SlowLrs {
    fn start() -> SlowLrs {
        use std::io::{Read, Write};
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (answer, told) = std::sync::mpsc::channel::<()>();
        let (got, received) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut buffer = [0u8; 65536];
                let _ = stream.read(&mut buffer);
                let _ = got.send(());
                if told.recv().is_err() {
                    return;
                }
                let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
        SlowLrs { port, answer, received }
    }
}

#[test]
fn a_slow_lrs_never_holds_up_the_app() {
    use bevy::prelude::*;
    use bevy::state::app::StatesPlugin;
    use bevy::time::TimeUpdateStrategy;
    use service_camp::features::actions::UiAction;
    use service_camp::features::content::{CurrentSession, LoadedRubrics};
    use service_camp::features::lrs::Lrs;
    use service_camp::features::settings::LrsConfig;

    let slow = SlowLrs::start();
    let dir = tempfile::tempdir().unwrap();
    let settings = LrsSettings {
        enabled: true,
        endpoint: format!("http://127.0.0.1:{}/xAPI", slow.port),
        user: USER.into(),
        password: PASSWORD.into(),
        ..LrsSettings::default()
    };
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(100)))
        .insert_resource(CurrentSession { session: Session::demo(Lang::Zh), path: Some(dir.path().join("camp.ron")) })
        .insert_resource(LoadedRubrics(rubrics().clone()))
        .insert_resource(LrsConfig { settings, file: None })
        .insert_resource(Lrs::with_options(WorkerOptions { timeout: Duration::from_secs(120), settle: Duration::ZERO }))
        .add_plugins(service_camp::app::core_plugins);
    // 2 s of app time: the session is handed over.
    for _ in 0..25 {
        app.update();
    }
    slow.received.recv_timeout(Duration::from_secs(30)).expect("the worker sent the first batch");
    // The LRS sits on the request; the app goes on: a trainer's change lands and is saved.
    let team = app.world().resource::<CurrentSession>().session.teams[0].id();
    let edit = SessionEdit::Adjust { team, points: 2, reason: "准时".into() };
    app.world_mut().write_message(UiAction::Edit(edit));
    for _ in 0..30 {
        app.update();
    }
    let saved = service_camp::core::persist::load_session(&dir.path().join("camp.ron")).unwrap();
    assert_eq!(saved.ledger.last().unwrap().reason, "准时", "saved while the LRS has not answered");
    assert_eq!(app.world().resource::<Lrs>().status.sent, 0, "nothing counted as sent before the answer");
    // The LRS answers the first batch (and sits on the next): 50 count as sent.
    slow.answer.send(()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.world().resource::<Lrs>().status.sent == 0 {
        assert!(Instant::now() < deadline, "the answer was never taken in");
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(app.world().resource::<Lrs>().status.sent, 50, "one full batch");
}
