//! The room under load, on the loopback only: the real `service-camp room` process, 100
//! simulated phones that join, hold their event streams and vote. Reports the time from a
//! phone's vote (POST) to that phone's stream showing it (p50/p95; target p95 < 100 ms), the
//! server's memory with the phones connected (target: under 30 MB more than with none) and its
//! CPU while the 100 phones sit idle (target: under 1 % of a core).
//!
//! `cargo bench --bench room` (about 30 s; bounded: 100 phones, at most 2 minutes).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const PHONES: usize = 100;
const TEAMS: u32 = 6;
const IDLE_WINDOW: Duration = Duration::from_secs(10);

fn post(port: u16, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the room listens");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let status = reply[9..12].parse().unwrap();
    (status, reply.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
}

/// Reads a phone's stream; sends the time each update of its own vote reached it.
fn watch_stream(port: u16, token: &str, seen: mpsc::Sender<(usize, u64, Instant)>, phone: usize) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /api/events?token={token} HTTP/1.1\r\nHost: bench\r\n\r\n").unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(data) = line.strip_prefix("data: ")
                && let Ok(json) = serde_json::from_str::<serde_json::Value>(data)
                && let Some(mine) = json["vote"]["mine"].as_u64()
                && seen.send((phone, mine, Instant::now())).is_err()
            {
                break;
            }
        }
    });
}

/// The process's resident memory (kB) and CPU time (clock ticks), from /proc.
fn usage(child: &Child) -> (u64, u64) {
    let pid = child.id();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat.rsplit_once(") ").unwrap().1.split_whitespace().collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    (rss, ticks)
}

/// Stops the room however the benchmark ends.
struct Room(Child);

impl Drop for Room {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    // `cargo bench` passes flags such as --bench; this benchmark takes none.
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_service-camp"))
        .args(["room", "--demo", "--port", "0"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut room = Room(child);
    let child = &mut room.0;
    let mut lines = BufReader::new(stdout).lines();
    let local = lines.by_ref().map_while(Result::ok).find(|l| l.starts_with("local: ")).expect("a join link");
    let (port, code) = local.trim_start_matches("local: http://127.0.0.1:").split_once("/?code=").unwrap();
    let (port, code): (u16, String) = (port.parse().unwrap(), code.to_owned());
    std::thread::sleep(Duration::from_millis(500));
    let (rss_before, _) = usage(child);

    let (seen, visible) = mpsc::channel();
    let mut tokens = Vec::new();
    for phone in 0..PHONES {
        let team = phone as u32 % TEAMS + 1;
        let body = format!(r#"{{"code":"{code}","team":{team},"name":"Phone {phone:03}"}}"#);
        let (status, reply) = post(port, "/api/join", None, &body);
        assert_eq!(status, 200, "join {phone}: {reply}");
        let token = serde_json::from_str::<serde_json::Value>(&reply).unwrap()["token"].as_str().unwrap().to_owned();
        watch_stream(port, &token, seen.clone(), phone);
        tokens.push((team, token));
    }
    writeln!(stdin, "stage vote").unwrap();
    stdin.flush().unwrap();
    lines.by_ref().map_while(Result::ok).find(|l| l.starts_with("ok: stage vote")).expect("the stage changes");
    std::thread::sleep(Duration::from_millis(500));
    let (rss_connected, _) = usage(child);

    // Every phone votes, one every 20 ms; each waits for its own stream to show it.
    let mut latencies = Vec::new();
    for (phone, (team, token)) in tokens.iter().enumerate() {
        let choice = team % TEAMS + 1;
        let sent = Instant::now();
        let (status, reply) = post(port, "/api/act", Some(token), &format!(r#"{{"do":"vote","team":{choice}}}"#));
        assert_eq!(status, 200, "vote {phone}: {reply}");
        loop {
            let (who, mine, at) = visible
                .recv_timeout(Duration::from_secs(5))
                .unwrap_or_else(|_| panic!("phone {phone}: its vote never showed"));
            if who == phone && mine == u64::from(choice) {
                latencies.push(at - sent);
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
        assert!(started.elapsed() < Duration::from_secs(120), "the benchmark is bounded in time");
    }
    latencies.sort();

    // A burst: every phone changes its vote at the same moment.
    while visible.try_recv().is_ok() {}
    let burst_start = Instant::now();
    let senders: Vec<_> = tokens
        .iter()
        .map(|(team, token)| {
            let (token, choice) = (token.clone(), (team + 1) % TEAMS + 1);
            std::thread::spawn(move || {
                let sent = Instant::now();
                let (status, reply) =
                    post(port, "/api/act", Some(&token), &format!(r#"{{"do":"vote","team":{choice}}}"#));
                assert_eq!(status, 200, "{reply}");
                (sent, choice)
            })
        })
        .collect();
    let sent: Vec<(Instant, u32)> = senders.into_iter().map(|s| s.join().unwrap()).collect();
    let mut burst: Vec<Option<Duration>> = vec![None; PHONES];
    while burst.iter().any(Option::is_none) {
        let (who, mine, at) = visible.recv_timeout(Duration::from_secs(10)).expect("every burst vote shows");
        let (at_sent, choice) = sent[who];
        if burst[who].is_none() && mine == u64::from(choice) {
            burst[who] = Some(at.saturating_duration_since(at_sent));
        }
    }
    let burst_all = burst_start.elapsed();
    let mut burst: Vec<Duration> = burst.into_iter().flatten().collect();
    burst.sort();

    // Idle: 100 phones connected, nobody doing anything.
    std::thread::sleep(Duration::from_secs(1));
    let (_, ticks_before) = usage(child);
    std::thread::sleep(IDLE_WINDOW);
    let (_, ticks_after) = usage(child);
    let ticks_per_second = 100.0; // USER_HZ on Linux
    let idle_cpu = (ticks_after - ticks_before) as f64 / ticks_per_second / IDLE_WINDOW.as_secs_f64() * 100.0;

    writeln!(stdin, "quit").unwrap();
    let _ = child.wait();
    println!("room: {PHONES} phones on 127.0.0.1, each voting once, 20 ms apart");
    println!(
        "  vote POST → own stream update: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (target p95 < 100 ms)",
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.95).as_secs_f64() * 1000.0,
        latencies.last().unwrap().as_secs_f64() * 1000.0
    );
    println!(
        "  all {PHONES} change their vote at once: p50 {:.1} ms, p95 {:.1} ms; all shown within {:.0} ms",
        percentile(&burst, 0.5).as_secs_f64() * 1000.0,
        percentile(&burst, 0.95).as_secs_f64() * 1000.0,
        burst_all.as_secs_f64() * 1000.0
    );
    println!(
        "  memory: {:.1} MB with no phones, {:.1} MB with {PHONES} streams open: +{:.1} MB (target < +30 MB)",
        rss_before as f64 / 1024.0,
        rss_connected as f64 / 1024.0,
        (rss_connected as f64 - rss_before as f64) / 1024.0
    );
    println!(
        "  idle CPU with {PHONES} phones connected: {idle_cpu:.2} % of a core over {} s (target < 1 %)",
        IDLE_WINDOW.as_secs()
    );
}
