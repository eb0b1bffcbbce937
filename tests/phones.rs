//! Phones in the room, end to end: the real `service-camp room` process on the loopback, spoken
//! to over raw HTTP as a phone's browser would, and the real phone page in Debian's headless
//! Chromium (driven by playwright-core from `tests/phone/drive.mjs`).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{http_exchange, http_reply, http_request};
use service_camp::core::lang::Lang;
use service_camp::core::persist::save_session;
use service_camp::core::round::{RoundCast, RoundEnding, RoundRecord};
use service_camp::core::scenario::load_str;
use service_camp::core::session::{Session, TeamId, Timestamp};

/// A `service-camp room` process serving a copy of the demo session from a temporary file.
struct RoomProcess {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
    port: u16,
    code: String,
    session_file: PathBuf,
}

impl RoomProcess {
    fn start(name: &str) -> RoomProcess {
        RoomProcess::serving(name, &Session::demo_before_the_vote(Lang::Zh))
    }

    fn serving(name: &str, session: &Session) -> RoomProcess {
        let dir = std::env::temp_dir().join(format!("sc-room-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let session_file = dir.join("camp.ron");
        save_session(session, &session_file).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_service-camp"))
            .args(["room", session_file.to_str().unwrap(), "--port", "0"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary runs");
        let stdin = child.stdin.take().unwrap();
        let lines = lines_of(child.stdout.take().unwrap());
        let mut room = RoomProcess { child, stdin, lines, port: 0, code: String::new(), session_file };
        let local = room.wait_for_line("local: ");
        // local: http://127.0.0.1:PORT/?code=CODE
        let address = local.trim_start_matches("local: http://127.0.0.1:");
        let (port, code) = address.split_once("/?code=").unwrap();
        room.port = port.parse().unwrap();
        room.code = code.to_owned();
        room
    }

    fn wait_for_line(&self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.lines.recv_timeout(left).unwrap_or_else(|_| panic!("no line starting {prefix:?}"));
            if line.starts_with(prefix) {
                return line;
            }
        }
    }

    /// A trainer's command, once the room has applied it.
    fn command(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
        assert_eq!(self.wait_for_line(&format!("ok: {line}")), format!("ok: {line}"));
    }

    /// Quits as a trainer would and returns the saved session.
    fn quit(mut self) -> Session {
        writeln!(self.stdin, "quit").unwrap();
        self.wait_for_line("stopped");
        let status = self.child.wait().unwrap();
        assert!(status.success(), "room exited with {status}");
        Session::load(&self.session_file).unwrap()
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, serde_json::Value) {
        http_reply(&http_exchange(self.port, &http_request(method, path, headers, body)))
    }

    fn join(&self, team: u32, name: &str) -> String {
        let body = serde_json::json!({ "code": self.code, "team": team, "name": name }).to_string();
        let (status, reply) = self.request("POST", "/api/join", &[], &body);
        assert_eq!(status, 200, "{reply}");
        reply["token"].as_str().unwrap().to_owned()
    }

    fn act(&self, token: &str, request_id: &str, action: serde_json::Value) -> (u16, serde_json::Value) {
        let bearer = format!("Bearer {token}");
        self.request(
            "POST",
            "/api/act",
            &[("Authorization", &bearer), ("X-Request-Id", request_id)],
            &action.to_string(),
        )
    }

    /// A phone's event stream, read line by line on a thread.
    fn events(&self, token: &str) -> mpsc::Receiver<(String, serde_json::Value)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(stream, "GET /api/events?token={token} HTTP/1.1\r\nHost: camp\r\n\r\n").unwrap();
        let (sender, events) = mpsc::channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(event) = line.strip_prefix("event: ") {
                    name = event.to_owned();
                } else if let Some(data) = line.strip_prefix("data: ") {
                    let data = serde_json::from_str(data).unwrap_or(serde_json::Value::Null);
                    if sender.send((std::mem::take(&mut name), data)).is_err() {
                        break;
                    }
                }
            }
        });
        events
    }
}

impl Drop for RoomProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn next_event(events: &mpsc::Receiver<(String, serde_json::Value)>) -> (String, serde_json::Value) {
    events.recv_timeout(Duration::from_secs(5)).expect("an event within 5 s")
}

#[test]
fn phones_join_with_the_code_vote_once_and_their_streams_follow_the_room() {
    let mut room = RoomProcess::start("http");
    let (status, reply) = room.request("GET", "/api/lobby?code=9999x", &[], "");
    assert_eq!(status, 403);
    assert_eq!(reply["error"], "phone-error-code");
    assert_eq!(reply["message"], "房间码不对,请看投影上的房间码。");
    let (status, lobby) = room.request("GET", &format!("/api/lobby?code={}", room.code), &[], "");
    assert_eq!(status, 200);
    assert_eq!(lobby["teams"][0]["name"], "闪电队");
    assert!(lobby.get("me").is_none());

    let wang = room.join(1, "王磊");
    let ann = room.join(2, "Ann");
    assert_eq!(room.join(1, "王磊"), wang, "joining again gives the same seat and token");
    let stream = room.events(&wang);
    let (kind, snapshot) = next_event(&stream);
    assert_eq!(kind, "snapshot");
    assert_eq!(snapshot["me"]["name"], "王磊");
    assert_eq!(snapshot["room"]["stage"], "lobby");

    let vote = |team: u32| serde_json::json!({ "do": "vote", "team": team });
    let (status, reply) = room.act(&wang, "v0", vote(2));
    assert_eq!((status, reply["error"].as_str()), (409, Some("phone-error-not-now")));
    room.command("stage vote");
    let (kind, patch) = next_event(&stream);
    assert_eq!(kind, "patch");
    assert_eq!(patch["room"]["stage"], "vote");
    assert!(patch.get("teams").is_none(), "only the parts that changed: {patch}");

    let (status, reply) = room.act(&wang, "v1", vote(2));
    assert_eq!(status, 200, "{reply}");
    let (_, patch) = next_event(&stream);
    assert_eq!((patch["vote"]["mine"].as_u64(), patch["vote"]["voted"].as_u64()), (Some(2), Some(1)));
    let (status, reply) = room.act(&wang, "v2", vote(1));
    assert_eq!((status, reply["error"].as_str()), (422, Some("phone-error-own-team")));
    assert_eq!(room.act(&wang, "v3", vote(3)).0, 200);
    // A retry of the first request arrives late: applied once, so the vote stays with team 3.
    assert_eq!(room.act(&wang, "v1", vote(2)).0, 200);
    assert_eq!(room.act(&ann, "a1", vote(3)).0, 200);

    // What a phone may not do, and bad input: refused with a 4xx, the session untouched.
    // The last character changed (a token ending in "0" would otherwise be "forged" into itself).
    let last = if wang.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &wang[..wang.len() - 1]);
    assert_eq!(room.act(&forged, "f", vote(2)).0, 401);
    assert_eq!(room.request("POST", "/api/act", &[], &vote(2).to_string()).0, 401, "no token");
    assert_eq!(room.act(&ann, "x", serde_json::json!({ "do": "award_vote" })).0, 422);
    assert_eq!(room.request("POST", "/api/join", &[], "{not json").0, 400);
    let huge = serde_json::json!({ "do": "vote", "team": 2, "pad": "x".repeat(8_000) });
    assert_eq!(room.act(&ann, "h", huge).0, 413);
    assert_eq!(room.request("GET", "/api/events?token=1.0.abc", &[], "").0, 401);
    assert_eq!(room.request("GET", "/admin", &[], "").0, 404);

    room.command("lock");
    let late = serde_json::json!({ "code": room.code, "team": 3, "name": "Late" }).to_string();
    let (status, reply) = room.request("POST", "/api/join", &[("X-Lang", "en")], &late);
    assert_eq!((status, reply["message"].as_str()), (403, Some("Joining is locked: ask the trainer.")));
    assert_eq!(room.join(2, "Ann"), ann, "a known seat still gets back in while locked");

    let session = room.quit();
    assert_eq!(session.room.seats.len(), 2);
    assert_eq!(session.ballots.choice_of_seat(session.seat_of_token(&wang).unwrap()), Some(TeamId(3)));
    assert_eq!(session.ballots.seat_ballots(), 2);
    assert!(session.team(TeamId(2)).unwrap().members.contains(&"Ann".to_owned()));
    assert!(session.room.locked);
}

/// A child's stdout, line by line, read on a thread of its own.
pub(crate) fn lines_of(stdout: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    lines
}

fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os("CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into()));
    path.is_file().then_some(path)
}

fn phone_scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phone")
}

/// Whether Debian's Chromium and playwright-core are there for the phone scripts. CI installs
/// both, so there a missing one is a failure, never a skip; elsewhere `what` is skipped, saying so.
pub(crate) fn phone_scripts_ready(what: &str) -> bool {
    if chromium().is_some() && phone_scripts().join("node_modules/playwright-core").is_dir() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI is set but Chromium or tests/phone/node_modules is missing");
    eprintln!("Chromium or playwright-core missing: skipping {what} (see the README)");
    false
}

/// Runs `tests/phone/<script>` against the room at `base` with its `code`; its screenshots go
/// to `$PHONE_SHOTS`, else a temporary folder named after `name`. Returns the running script
/// (stdin, stdout and stderr piped) and the screenshots' folder.
pub(crate) fn run_phone_script(script: &str, name: &str, base: &str, code: &str) -> (Child, PathBuf) {
    let shots = std::env::var_os("PHONE_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("sc-{name}-shots-{}", std::process::id())));
    std::fs::create_dir_all(&shots).unwrap();
    let driver = Command::new("node")
        .arg(phone_scripts().join(script))
        .args([base, code, shots.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    (driver, shots)
}

#[test]
fn the_phone_page_in_real_chromium_joins_designs_votes_rejoins_and_debriefs() {
    if !phone_scripts_ready("the phone page") {
        return;
    }
    // The demo camp before its vote, and a round just played by 磐石队 waiting for the room's stars.
    let mut camp = Session::demo_before_the_vote(Lang::Zh);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lost-parcel.ron");
    let scenario = load_str(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let cast = RoundCast { team: Some(TeamId(3)), rep: "周强".into(), ..RoundCast::default() };
    let number = camp.rounds.len() as u32 + 1;
    let mut round = RoundRecord::new(number, &scenario, &cast, TeamId(3), Timestamp(0));
    round.end(240.0, RoundEnding::Ended);
    camp.rounds.push(round);
    let mut room = RoomProcess::serving("browser", &camp);
    let base = format!("http://127.0.0.1:{}", room.port);
    let (mut driver, shots) = run_phone_script("drive.mjs", "phone", &base, &room.code);
    let mut to_driver = driver.stdin.take().unwrap();
    let mut summary = String::new();
    for line in BufReader::new(driver.stdout.take().unwrap()).lines().map_while(Result::ok) {
        if let Some(stage) = line.strip_prefix("STAGE ") {
            // Applied by the room; the pages must follow by themselves.
            room.command(&format!("stage {stage}"));
            writeln!(to_driver, "ok").unwrap();
        } else {
            summary = line;
        }
    }
    let output = driver.wait_with_output().unwrap();
    assert!(output.status.success(), "the phone script failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_str(&summary).unwrap_or_else(|_| panic!("summary: {summary}"));
    assert_eq!(seen["refusedWithoutCode"], "房间码不对,请看投影上的房间码。");
    assert_eq!(seen["strangerSawTeams"], 0);
    assert_eq!(seen["teamsOffered"], 6);
    assert_eq!(seen["wangHeader"], "王磊 · 闪电队");
    assert_eq!(seen["annHeader"], "Ann <b>Lee</b> · 向日葵", "a name is text, never markup");
    assert_eq!(seen["annNameShownAsText"], true);
    assert_eq!(seen["ownTeamOffered"], false, "nobody is offered their own team");
    assert_eq!(seen["annVoteCount"], "Voted 1 / 2");
    assert!(seen["voteSeenByOthersMs"].as_u64().unwrap() < 1000);
    assert_eq!(seen["afterReloadHeader"], "王磊 · 闪电队", "a reload brings back the same person");
    let pages = ["join-zh", "lobby-zh", "design-zh", "design-en", "vote-zh", "vote-en", "stories-zh", "stories-en"];
    let pages = pages.into_iter().chain(["rating-zh", "rating-en"]);
    for name in pages.chain(["debrief-zh", "debrief-en"]) {
        assert!(shots.join(format!("phone-{name}.png")).is_file(), "phone-{name}.png");
    }

    let session = room.quit();
    let team = session.team(TeamId(1)).unwrap();
    assert_eq!((team.slogan.as_str(), team.emoji.as_str()), ("手机上改的口号", "🚀"));
    let mine = session.debrief_of(TeamId(1), Some("王磊")).unwrap();
    assert_eq!(mine.takeaways, ["先处理心情,再处理事情"]);
    assert_eq!(mine.tools, ["7A 投诉处理"]);
    assert_eq!(session.ballots.seat_ballots(), 2);
    let story = &session.stories[0];
    assert_eq!((story.name.as_str(), story.place.as_str()), ("王磊", "楼下的便利店"));
    assert_eq!((story.good.as_str(), story.bad.as_str()), ("店员记得我常买的咖啡", "排队时没人招呼"));
    assert_eq!((story.come_back, story.recommend), (Some(true), Some(true)));
    let round = session.rounds.last().unwrap();
    let ratings: Vec<(&str, u8, &str)> = round
        .phone_ratings
        .iter()
        .map(|r| (session.room.seat(r.seat).unwrap().name.as_str(), r.stars, r.comment.as_str()))
        .collect();
    assert_eq!(ratings, [("王磊", 4, "道歉很真诚,方案还可以更具体"), ("Ann <b>Lee</b>", 5, "")]);
    assert_eq!(round.peer_average(), Some(4.5), "闪电队 4 and 向日葵 5: each team counts once");
    assert_eq!(seen["ratingOwnTeamBlocked"], true);
}

#[test]
fn ctrl_c_stops_the_room_and_the_session_is_saved() {
    let mut room = RoomProcess::start("ctrl-c");
    room.join(4, "赵六");
    let interrupt = Command::new("kill").args(["-INT", &room.child.id().to_string()]).status().unwrap();
    assert!(interrupt.success());
    assert_eq!(room.wait_for_line("stopped"), "stopped; the session is saved");
    assert!(room.child.wait().unwrap().success());
    let saved = Session::load(&room.session_file).unwrap();
    assert_eq!(saved.room.seats.len(), 1);
    assert!(saved.team(TeamId(4)).unwrap().members.contains(&"赵六".to_owned()));
}
