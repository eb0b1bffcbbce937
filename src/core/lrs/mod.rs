//! The company's learning record store (LRS): where to send the day's xAPI statements
//! ([`settings`]), the durable queue they wait in beside the session ([`outbox`]), and when to
//! try again after a failure ([`delivery`]). The sending itself (HTTP, a thread) is the app's
//! and the CLI's; every rule about what is sent, when, and what a reply means lives here.

pub mod delivery;
pub mod outbox;
pub mod settings;
