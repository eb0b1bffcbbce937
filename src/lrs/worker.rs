//! The app's LRS worker: a thread of its own that keeps the session's outbox and sends it, so a
//! slow or absent LRS never holds up the projector. The app hands it the session after each
//! change (it computes the statements itself) and reads back a [`Status`] for the top bar.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::core::export::xapi::statements;
use crate::core::ids::Timestamp;
use crate::core::locale::Locales;
use crate::core::lrs::delivery::{Delivery, Next, Stop};
use crate::core::lrs::outbox::{Outbox, SETTLE_MILLIS};
use crate::core::lrs::settings::LrsSettings;
use crate::core::scoring::Rubrics;
use crate::core::session::Session;
use crate::lrs::client::{Client, REQUEST_TIMEOUT};

/// What the top bar and the settings show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    /// Sending is on and an endpoint is set.
    pub sending: bool,
    pub sent: u64,
    pub waiting: usize,
    pub set_aside: usize,
    pub offline_since: Option<Timestamp>,
    pub stopped: Option<Stop>,
    pub last_error: Option<String>,
    /// The outbox file could not be read or written.
    pub outbox_problem: Option<String>,
}

/// How the worker sends.
#[derive(Debug, Clone, Copy)]
pub struct WorkerOptions {
    /// How long one request may take.
    pub timeout: Duration,
    /// How long a new statement waits before it goes (see [`SETTLE_MILLIS`]).
    pub settle: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions { timeout: REQUEST_TIMEOUT, settle: Duration::from_millis(SETTLE_MILLIS) }
    }
}

/// The session to keep an outbox for, as it stands after a change.
pub struct Snapshot {
    pub session: Session,
    /// Where its outbox is kept; `None`: the session is not this window's to send (the demo,
    /// or a session another window holds).
    pub outbox: Option<PathBuf>,
}

enum Order {
    Session(Box<Snapshot>),
    Settings(LrsSettings),
    RetryNow,
    SetAside,
    RetrySetAside,
    Quit,
}

/// The running worker; dropping it stops the thread after the request in flight (not waited
/// for: the outbox was saved before the request, so quitting mid-way loses nothing).
pub struct Worker {
    orders: Sender<Order>,
    status: Arc<Mutex<Status>>,
    quitting: Arc<AtomicBool>,
}

impl Worker {
    /// Starts the thread; `wake` is called whenever the status changed (the app redraws).
    pub fn start(
        settings: LrsSettings,
        rubrics: Arc<Rubrics>,
        locales: Arc<Locales>,
        options: WorkerOptions,
        wake: Box<dyn Fn() + Send>,
    ) -> Worker {
        let (orders, inbox) = mpsc::channel();
        let status = Arc::new(Mutex::new(Status::default()));
        let quitting = Arc::new(AtomicBool::new(false));
        let (shared, quit) = (status.clone(), quitting.clone());
        std::thread::Builder::new()
            .name("lrs-outbox".into())
            .spawn(move || {
                let mut keeper = Keeper::new(settings, rubrics, locales, options, quit);
                keeper.run(inbox, Published { status: shared, wake });
            })
            .expect("a thread can start");
        Worker { orders, status, quitting }
    }

    pub fn session_changed(&self, snapshot: Snapshot) {
        let _ = self.orders.send(Order::Session(Box::new(snapshot)));
    }

    pub fn settings_changed(&self, settings: LrsSettings) {
        let _ = self.orders.send(Order::Settings(settings));
    }

    pub fn retry_now(&self) {
        let _ = self.orders.send(Order::RetryNow);
    }

    /// The statement the LRS refused is kept aside; the rest go on.
    pub fn set_aside(&self) {
        let _ = self.orders.send(Order::SetAside);
    }

    pub fn retry_set_aside(&self) {
        let _ = self.orders.send(Order::RetrySetAside);
    }

    pub fn status(&self) -> Status {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.quitting.store(true, Ordering::Relaxed);
        let _ = self.orders.send(Order::Quit);
    }
}

/// Where the worker shows its status, and how it tells the app to look.
struct Published {
    status: Arc<Mutex<Status>>,
    wake: Box<dyn Fn() + Send>,
}

impl Published {
    fn show(&self, now: Status) {
        if let Ok(mut shown) = self.status.lock()
            && *shown != now
        {
            *shown = now;
            drop(shown);
            (self.wake)();
        }
    }
}

/// The worker thread's state.
struct Keeper {
    settings: LrsSettings,
    rubrics: Arc<Rubrics>,
    locales: Arc<Locales>,
    options: WorkerOptions,
    client: Option<Client>,
    outbox: Outbox,
    outbox_path: Option<PathBuf>,
    /// The latest session, not yet taken into the outbox.
    pending: Option<Session>,
    delivery: Delivery,
    started: Instant,
    /// The outbox file did not load (kept aside): shown until another session is opened.
    load_problem: Option<String>,
    /// The last save of the outbox failed: shown until a save works.
    save_problem: Option<String>,
    rng: rand::rngs::StdRng,
    quitting: Arc<AtomicBool>,
}

impl Keeper {
    fn new(
        settings: LrsSettings,
        rubrics: Arc<Rubrics>,
        locales: Arc<Locales>,
        options: WorkerOptions,
        quitting: Arc<AtomicBool>,
    ) -> Keeper {
        use rand::SeedableRng;
        let mut keeper = Keeper {
            settings,
            rubrics,
            locales,
            options,
            client: None,
            outbox: Outbox::default(),
            outbox_path: None,
            pending: None,
            delivery: Delivery::default(),
            started: Instant::now(),
            load_problem: None,
            save_problem: None,
            // Each laptop its own jitter.
            rng: rand::rngs::StdRng::seed_from_u64(Timestamp::now().0 ^ u64::from(std::process::id())),
            quitting,
        };
        keeper.connect();
        keeper
    }

    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    fn connect(&mut self) {
        let on = self.settings.enabled && self.settings.is_complete();
        self.client = on.then(|| Client::with_timeout(&self.settings, self.options.timeout));
    }

    fn run(&mut self, inbox: Receiver<Order>, published: Published) {
        loop {
            let order = match self.wait() {
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => inbox.recv_timeout(wait),
            };
            let mut orders = Vec::new();
            match order {
                Ok(order) => orders.push(order),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            orders.extend(inbox.try_iter());
            for order in orders {
                if !self.obey(order) {
                    self.save();
                    return;
                }
            }
            self.take_in_session();
            published.show(self.status());
            self.send_due(&published);
        }
    }

    /// Carries out one order; `false` to quit.
    fn obey(&mut self, order: Order) -> bool {
        let now = self.now();
        match order {
            Order::Session(snapshot) => {
                if snapshot.outbox != self.outbox_path {
                    self.open_outbox(snapshot.outbox);
                }
                self.pending = Some(snapshot.session);
            }
            Order::Settings(settings) => {
                self.settings = settings;
                self.connect();
                self.delivery.resume(now);
            }
            Order::RetryNow => self.delivery.resume(now),
            Order::SetAside => {
                if matches!(self.delivery.stopped, Some(Stop::Refused { .. })) {
                    self.outbox.set_aside_first();
                    self.save();
                }
                self.delivery.resume(now);
            }
            Order::RetrySetAside => {
                self.outbox.retry_set_aside();
                self.save();
                self.delivery.resume(now);
            }
            Order::Quit => return false,
        }
        true
    }

    /// Switches to the outbox at `path` (another session was opened).
    fn open_outbox(&mut self, path: Option<PathBuf>) {
        self.save();
        self.outbox = Outbox::default();
        self.load_problem = None;
        self.delivery = Delivery::default();
        if let Some(path) = &path {
            (self.outbox, self.load_problem) = Outbox::open(path);
        }
        self.outbox_path = path;
    }

    fn save(&mut self) {
        let Some(path) = &self.outbox_path else { return };
        match self.outbox.save(path) {
            Ok(()) => self.save_problem = None,
            Err(e) => self.save_problem = Some(format!("{}: {e}", path.display())),
        }
    }

    /// The session's statements now, into the outbox.
    fn take_in_session(&mut self) {
        let Some(session) = self.pending.take() else { return };
        if self.outbox_path.is_none() || !session.has_data() {
            return;
        }
        let now = Timestamp::now();
        let home = self.settings.home_page();
        let statements = statements(&session, &self.rubrics, &self.locales, home, now);
        if self.outbox.sync(statements, home, now) {
            self.save();
        }
    }

    /// Sends what is due, batch after batch, until nothing is, or the LRS fails.
    fn send_due(&mut self, published: &Published) {
        let Some(client) = self.client.take() else { return };
        self.send_with(&client, published);
        self.client = Some(client);
    }

    /// Each batch's outcome is shown at once: the next one may take a while.
    fn send_with(&mut self, client: &Client, published: &Published) {
        use rand::RngExt;
        while self.delivery.may_send(self.now()) && !self.quitting.load(Ordering::Relaxed) {
            let batch = self.outbox.next_batch(self.delivery.batch_size(), self.settled());
            if batch.is_empty() {
                return;
            }
            // Marked as handed over before it goes: a kill now sends it again, never drops it.
            self.save();
            let reply = client.post(&batch);
            let first = batch[0]["id"].as_str().unwrap_or_default().to_owned();
            let jitter = self.rng.random::<f64>();
            let next = self.delivery.record(&reply, batch.len(), &first, self.now(), Timestamp::now(), jitter);
            if next == Next::Acknowledge {
                self.outbox.acknowledge(&batch);
                self.save();
            }
            published.show(self.status());
        }
    }

    /// Statements queued by this time have settled.
    fn settled(&self) -> Timestamp {
        Timestamp(Timestamp::now().0.saturating_sub(self.options.settle.as_millis() as u64))
    }

    /// How long to sleep before anything is due: a retry, or a statement settling.
    fn wait(&self) -> Option<Duration> {
        let oldest = self.outbox.oldest()?;
        self.client.as_ref()?;
        let settle = oldest.0.saturating_sub(self.settled().0) as f64 / 1000.0;
        let retry = self.delivery.wait(self.now())?;
        Some(Duration::from_secs_f64(settle.max(retry) + 0.01))
    }

    fn status(&self) -> Status {
        Status {
            // From the settings: the client is out of its slot while a batch is in flight.
            sending: self.settings.enabled && self.settings.is_complete(),
            sent: self.outbox.sent(),
            waiting: self.outbox.waiting(),
            set_aside: self.outbox.set_aside(),
            offline_since: self.delivery.offline_since,
            stopped: self.delivery.stopped.clone(),
            last_error: self.delivery.last_error.clone(),
            outbox_problem: self.save_problem.clone().or_else(|| self.load_problem.clone()),
        }
    }
}
