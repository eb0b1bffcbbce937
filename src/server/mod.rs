//! The room server: phones on the venue's network join by QR code and take part, with no
//! internet. An axum server on a tokio runtime in a thread of its own; it never touches the
//! session. Phones' requests travel to the session's owner (the app's Bevy world, or the
//! `room` command's loop) through the [`hub::Hub`], which answers them through core and
//! publishes each new state for the phones' event streams.

pub mod hub;
pub mod join;
mod rate;
mod routes;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use hub::Hub;

/// The port phones are told first; any free one when it is taken.
pub const DEFAULT_PORT: u16 = 8390;

/// A running room server; dropping it stops the server (phones' streams end; they reconnect
/// by themselves when it is started again).
pub struct RoomServer {
    pub hub: Arc<Hub>,
    port: u16,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl RoomServer {
    /// Listens on every address of this machine at `port` (`None`: the default port, else any
    /// free one; `Some(0)`: any free one).
    pub fn start(hub: Arc<Hub>, port: Option<u16>) -> std::io::Result<RoomServer> {
        let listener = match port {
            Some(port) => TcpListener::bind((Ipv4Addr::UNSPECIFIED, port))?,
            None => TcpListener::bind((Ipv4Addr::UNSPECIFIED, DEFAULT_PORT))
                .or_else(|_| TcpListener::bind((Ipv4Addr::UNSPECIFIED, 0)))?,
        };
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let (stop, stopped) = oneshot::channel();
        let routes = routes::router(hub.clone());
        let hub_of_thread = hub.clone();
        let thread = std::thread::Builder::new().name("room-server".into()).spawn(move || {
            let failed = |problem: String| {
                if let Ok(mut slot) = hub_of_thread.problem.lock() {
                    *slot = Some(problem);
                }
            };
            let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(runtime) => runtime,
                Err(e) => return failed(e.to_string()),
            };
            runtime.block_on(async {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => listener,
                    Err(e) => return failed(e.to_string()),
                };
                let serve = axum::serve(listener, routes.into_make_service_with_connect_info::<SocketAddr>());
                // Not a graceful shutdown: event streams never end by themselves. Dropping the
                // runtime closes every connection at once.
                tokio::select! {
                    result = serve => if let Err(e) = result { failed(e.to_string()) },
                    _ = stopped => {}
                }
            });
        })?;
        Ok(RoomServer { hub, port, stop: Some(stop), thread: Some(thread) })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
