//! `service-camp push SESSION|--demo [--lrs URL] [--user NAME]`: sends (or sends again) a
//! session's xAPI statements to an LRS, with a progress bar. The LRS stores each statement once
//! (their ids are stable), so pushing a day twice adds nothing. `service-camp lrs …` shows or
//! changes the saved connection the app and `push` use.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use crate::core::export::xapi::statements;
use crate::core::ids::Timestamp;
use crate::core::lang::Lang;
use crate::core::lrs::delivery::{Delivery, Next, Stop};
use crate::core::lrs::outbox::Outbox;
use crate::core::lrs::settings::LrsSettings;
use crate::lrs::client::Client;

/// The password's environment variable.
pub const PASSWORD_VARIABLE: &str = "SERVICE_CAMP_LRS_PASSWORD";
/// Failures in a row before `push` gives up on an LRS it cannot reach.
const ATTEMPTS: u32 = 5;

/// What the command line asked of `push`.
pub struct PushRequest<'a> {
    pub session: Option<&'a Path>,
    pub demo: bool,
    pub lang: Option<Lang>,
    pub lrs: Option<&'a str>,
    pub user: Option<&'a str>,
}

/// The saved connection (the config folder's `lrs.ron`), a broken file reported on `err`.
pub fn saved_settings(err: &mut dyn Write) -> LrsSettings {
    let Some(path) = LrsSettings::config_file() else { return LrsSettings::default() };
    LrsSettings::load(&path).unwrap_or_else(|e| {
        let _ = writeln!(err, "{e}");
        LrsSettings::default()
    })
}

/// The password: `SERVICE_CAMP_LRS_PASSWORD`, else a prompt (on a terminal, when the command
/// line names another LRS or user, or none is saved), else the saved one.
fn password(saved: &LrsSettings, named_other: bool) -> std::io::Result<String> {
    if let Some(password) = std::env::var_os(PASSWORD_VARIABLE) {
        return Ok(password.to_string_lossy().into_owned());
    }
    if std::io::stdin().is_terminal() && (named_other || saved.password.is_empty()) {
        return rpassword::prompt_password("LRS password: ");
    }
    Ok(saved.password.clone())
}

/// Returns 0 when the LRS holds every statement, 1 when it refused or could not be reached
/// (the reason on `err`), 2 when the session, the rubrics or the LRS settings are missing.
pub fn run_push(request: &PushRequest, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let saved = saved_settings(err);
    let mut settings = saved.clone();
    if let Some(url) = request.lrs {
        settings.endpoint = url.to_owned();
    }
    if let Some(user) = request.user {
        settings.user = user.to_owned();
    }
    if !settings.is_complete() {
        let _ = writeln!(err, "push: no LRS to send to: give --lrs URL (http:// or https://) or set one in Settings");
        return 2;
    }
    let named_other = request.lrs.is_some_and(|u| u != saved.endpoint) || request.user.is_some_and(|u| u != saved.user);
    settings.password = match password(&saved, named_other) {
        Ok(password) => password,
        Err(e) => {
            let _ = writeln!(err, "push: cannot read the password: {e}");
            return 2;
        }
    };
    let Some(session) = super::content::session_or_demo(request.session, request.demo, request.lang, "push", err)
    else {
        return 2;
    };
    // What the app's outbox already sent under other ids, and its voids, go again too.
    let outbox = match request.session.map(|path| Outbox::load(&Outbox::path_beside(path))).transpose() {
        Ok(outbox) => outbox.unwrap_or_default(),
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let Some(rubrics) = super::content::rubrics_or_report(&crate::core::paths::assets_dir().join("rubrics"), err)
    else {
        return 2;
    };
    let locales = super::content::locales_reporting(err);
    let home = settings.home_page();
    let current = statements(&session, &rubrics, &locales, home, Timestamp::now());
    let statements = outbox.everything(current, home);
    send_all(&Client::new(&settings), &settings.statements_url(), &statements, out, err)
}

/// Sends `statements` in batches, waiting out failures up to [`ATTEMPTS`] in a row.
fn send_all(
    client: &Client,
    url: &str,
    statements: &[serde_json::Value],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let bar = indicatif::ProgressBar::new(statements.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} statements {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let mut delivery = Delivery::default();
    let mut done = 0;
    while done < statements.len() {
        let batch = &statements[done..(done + delivery.batch_size()).min(statements.len())];
        let reply = client.post(batch);
        let first = batch[0]["id"].as_str().unwrap_or_default();
        let now = started.elapsed().as_secs_f64();
        match delivery.record(&reply, batch.len(), first, now, Timestamp::now(), 0.5) {
            Next::Acknowledge => {
                done += batch.len();
                bar.set_position(done as u64);
            }
            Next::Retry if delivery.failures() >= ATTEMPTS => {
                bar.abandon();
                let why = delivery.last_error.clone().unwrap_or_default();
                let _ = writeln!(
                    err,
                    "push: {url} could not be reached {ATTEMPTS} times in a row ({why}); {done} of {} statements sent",
                    statements.len()
                );
                return 1;
            }
            Next::Retry => {
                let wait = delivery.wait(started.elapsed().as_secs_f64()).unwrap_or(0.0);
                bar.set_message(format!(
                    "(retrying in {wait:.0} s: {})",
                    delivery.last_error.clone().unwrap_or_default()
                ));
                std::thread::sleep(Duration::from_secs_f64(wait));
                bar.set_message("");
            }
            Next::Stopped => {
                bar.abandon();
                let _ = match &delivery.stopped {
                    Some(Stop::Credentials { status }) => writeln!(
                        err,
                        "push: the LRS refused the user or password (HTTP {status}); {done} of {} statements sent",
                        statements.len()
                    ),
                    Some(Stop::Refused { status, message, id }) => writeln!(
                        err,
                        "push: the LRS refused statement {id} (HTTP {status}: {message}); {done} of {} statements sent",
                        statements.len()
                    ),
                    None => Ok(()),
                };
                return 1;
            }
        }
    }
    bar.finish_and_clear();
    let _ = writeln!(out, "{} statements sent to {url}; the LRS keeps each once", statements.len());
    0
}

/// What `service-camp lrs` may change.
pub struct LrsChange<'a> {
    pub endpoint: Option<&'a str>,
    pub user: Option<&'a str>,
    pub home_page: Option<&'a str>,
    pub enabled: Option<bool>,
    /// Ask for the password (or take it from `SERVICE_CAMP_LRS_PASSWORD`).
    pub password: bool,
}

/// Changes the saved connection and prints it, the password masked. 0, or 2 when the file
/// cannot be written or the password read.
pub fn run_lrs_settings(change: &LrsChange, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(path) = LrsSettings::config_file() else {
        let _ = writeln!(err, "lrs: this system has no config folder");
        return 2;
    };
    let mut settings = saved_settings(err);
    let before = settings.clone();
    if let Some(endpoint) = change.endpoint {
        settings.endpoint = endpoint.to_owned();
    }
    if let Some(user) = change.user {
        settings.user = user.to_owned();
    }
    if let Some(home) = change.home_page {
        settings.home_page = home.to_owned();
    }
    if let Some(enabled) = change.enabled {
        settings.enabled = enabled;
    }
    if change.password {
        settings.password = match std::env::var_os(PASSWORD_VARIABLE) {
            Some(password) => password.to_string_lossy().into_owned(),
            None => match rpassword::prompt_password("LRS password: ") {
                Ok(password) => password,
                Err(e) => {
                    let _ = writeln!(err, "lrs: cannot read the password: {e}");
                    return 2;
                }
            },
        };
    }
    if settings != before
        && let Err(e) = settings.save(&path)
    {
        let _ = writeln!(err, "{}: cannot save: {e}", path.display());
        return 2;
    }
    let _ = writeln!(out, "file:      {}", path.display());
    let _ = writeln!(out, "sending:   {}", if settings.enabled { "on" } else { "off" });
    let _ = writeln!(out, "endpoint:  {}", settings.endpoint);
    let _ = writeln!(out, "user:      {}", settings.user);
    let _ = writeln!(out, "password:  {}", settings.masked_password());
    let _ = writeln!(out, "home page: {}", settings.home_page());
    0
}
