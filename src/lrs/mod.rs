//! Sending the day's statements to the company's LRS: the HTTP client ([`client`]) and the
//! app's background worker ([`worker`]), which keeps the session's outbox and sends it. What is
//! sent and when lives in `core::lrs`; this layer only moves bytes and keeps time.

pub mod client;
pub mod worker;
