//! `service-camp room SESSION|--demo [--port N]`: the room server with no window, for a trainer
//! checking a venue's network before the day, for tests and for load runs. It prints the join
//! links and the room code, answers phones through core, saves after every change, and takes a
//! few trainer commands on standard input (`help` lists them). Ctrl+C (or `quit`) stops it; the
//! session is saved.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::core::lang::Lang;
use crate::core::persist::{SessionLock, save_session};
use crate::core::room::{RoomEdit, RoomStage};
use crate::core::session::{EditContext, Session, SessionEdit, Timestamp};
use crate::server::hub::Hub;
use crate::server::{RoomServer, join};

const HELP: &str = "commands: stage lobby|team_design|vote|stories|round|debrief · award-vote · lock · unlock · code [DIGITS] · status · quit";

pub fn run_room(
    session_path: Option<&Path>,
    demo: bool,
    lang: Option<Lang>,
    port: Option<u16>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (mut session, _lock) = match session_path {
        Some(path) if !demo => {
            let lock = match SessionLock::acquire(path) {
                Ok(Some(lock)) => Some(lock),
                Ok(None) => {
                    let _ = writeln!(err, "{}: open in another Service Camp window", path.display());
                    return 2;
                }
                Err(e) => {
                    let _ = writeln!(err, "{}: cannot lock: {e}", path.display());
                    None
                }
            };
            match Session::load(path) {
                Ok(session) => (session, lock),
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    return 2;
                }
            }
        }
        _ => (Session::demo_before_the_vote(lang.unwrap_or_default()), None),
    };
    let path = if demo { None } else { session_path };
    let rubrics = super::content::rubrics_or_report(&crate::core::paths::assets_dir().join("rubrics"), err);
    let locales = Arc::new(super::content::locales_reporting(err));
    let edit = |session: &mut Session, edit: SessionEdit| {
        let cx = EditContext::new(Timestamp::now(), rubrics.as_ref()).with_locales(&locales);
        session.apply(&edit, &cx)
    };
    if let Err(e) = edit(&mut session, SessionEdit::Room(RoomEdit::Open)) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    let save = |session: &Session, err: &mut dyn Write| {
        if let Some(path) = path
            && let Err(e) = save_session(session, path)
        {
            let _ = writeln!(err, "{}: not saved: {e}", path.display());
        }
    };
    save(&session, err);

    let hub = Hub::new(&session, locales.clone(), Box::new(|| {}));
    let server = match RoomServer::start(hub.clone(), port) {
        Ok(server) => server,
        Err(e) => {
            let _ = writeln!(err, "cannot listen for phones: {e}");
            return 2;
        }
    };
    let port = server.port();
    let _ = writeln!(out, "room code: {}", session.room.code);
    for address in join::lan_addresses() {
        let _ = writeln!(out, "join: {}", join::join_url(address, port, &session.room.code));
    }
    let _ = writeln!(out, "local: {}", join::join_url(std::net::Ipv4Addr::LOCALHOST.into(), port, &session.room.code));
    let _ = writeln!(out, "{HELP}");
    let _ = out.flush();

    let stop = Arc::new(AtomicBool::new(false));
    watch_for_ctrl_c(stop.clone());
    let commands = read_commands();
    while !stop.load(Ordering::Relaxed) {
        let cx = EditContext::new(Timestamp::now(), rubrics.as_ref()).with_locales(&locales);
        // Phones' changes are published by the hub as they are applied; the trainer's here.
        let mut save_now = hub.answer_calls_within(Duration::from_millis(100), &mut session, &cx);
        let mut changed = false;
        while let Ok(line) = commands.try_recv() {
            match trainer_command(&line) {
                Command::Edit(command) => match edit(&mut session, command) {
                    Ok(_) => {
                        changed = true;
                        let _ = writeln!(out, "ok: {line}");
                    }
                    Err(e) => {
                        let _ = writeln!(out, "refused: {line}: {e}");
                    }
                },
                Command::Status => {
                    let voted = session.ballots.seat_ballots();
                    let _ = writeln!(
                        out,
                        "stage {} · {} phones joined · {} connected · {voted} voted · code {}",
                        session.room.stage.slug(),
                        session.room.seats.len(),
                        hub.online().len(),
                        session.room.code
                    );
                }
                Command::Quit => stop.store(true, Ordering::Relaxed),
                Command::Help => {
                    let _ = writeln!(out, "{HELP}");
                }
            }
            let _ = out.flush();
        }
        if changed {
            hub.publish(&session);
        }
        save_now |= changed;
        if save_now {
            save(&session, err);
        }
    }
    drop(server);
    save(&session, err);
    let _ = writeln!(out, "stopped{}", if path.is_some() { "; the session is saved" } else { "" });
    0
}

enum Command {
    Edit(SessionEdit),
    Status,
    Quit,
    Help,
}

fn trainer_command(line: &str) -> Command {
    let mut words = line.split_whitespace();
    let edit = |e: RoomEdit| Command::Edit(SessionEdit::Room(e));
    match (words.next(), words.next()) {
        (Some("stage"), Some(stage)) => match stage {
            "lobby" => edit(RoomEdit::Stage(RoomStage::Lobby)),
            "team_design" => edit(RoomEdit::Stage(RoomStage::TeamDesign)),
            "vote" => edit(RoomEdit::Stage(RoomStage::Vote)),
            "round" => edit(RoomEdit::Stage(RoomStage::Round)),
            "stories" => edit(RoomEdit::Stage(RoomStage::Stories)),
            "debrief" => edit(RoomEdit::Stage(RoomStage::Debrief)),
            _ => Command::Help,
        },
        (Some("award-vote"), None) => Command::Edit(SessionEdit::AwardVote),
        (Some("lock"), None) => edit(RoomEdit::Lock(true)),
        (Some("unlock"), None) => edit(RoomEdit::Lock(false)),
        (Some("code"), code) => edit(RoomEdit::NewCode(code.map(str::to_owned))),
        (Some("status"), None) => Command::Status,
        (Some("quit"), None) => Command::Quit,
        _ => Command::Help,
    }
}

/// Standard input's lines, read on a thread of their own (the loop never waits for them).
fn read_commands() -> mpsc::Receiver<String> {
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    received
}

/// Ctrl+C (and a polite kill) ends the loop, which then saves.
fn watch_for_ctrl_c(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
        runtime.block_on(async {
            #[cfg(unix)]
            {
                let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) else {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                };
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
        });
        stop.store(true, Ordering::Relaxed);
    });
}
