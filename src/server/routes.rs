//! The phone page and its API. Every request is checked here only for shape and size; what it
//! may do is decided by core, on the owner's side, through the [`Hub`].
//!
//! - `GET /` (and `/phone.css`, `/phone.js`): the page, from the binary.
//! - `GET /api/strings?lang=zh`: the page's words, from the locale files.
//! - `GET /api/lobby?code=…`: the teams and members to join (the code is required).
//! - `POST /api/join` `{code, team, name}`: a seat and its signed token.
//! - `POST /api/act` with `Authorization: Bearer <token>` and `X-Request-Id`: one
//!   [`PhoneAction`]. The token rides in a header, never a cookie, so no other site can post
//!   on a phone's behalf.
//! - `GET /api/me` with the token: whether it still names a seat (a phone asks after its
//!   stream was refused, to tell "signed out" from "network gone").
//! - `GET /api/events?token=…`: Server-Sent Events: the whole view on (re)connect, then only
//!   the parts that changed; a keep-alive every 15 s and nothing else while idle.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::{oneshot, watch};

use super::hub::{Call, Hub, Published};
use super::rate::RateLimit;
use crate::core::ids::Timestamp;
use crate::core::lang::Lang;
use crate::core::room::{JoinRequest, PhoneAction, PhoneError, PhoneView, SeatId};

/// The largest request body: a 5-3-1 line is 200 characters; nothing a phone sends is bigger.
pub const MAX_BODY_BYTES: usize = 4 * 1024;
/// How long a phone waits for the owner (the app's frame) before hearing "try again".
const OWNER_TIMEOUT: Duration = Duration::from_secs(5);
const KEEP_ALIVE: Duration = Duration::from_secs(15);

const PAGE: &str = include_str!("page/phone.html");
const STYLE: &str = include_str!("page/phone.css");
const SCRIPT: &str = include_str!("page/phone.js");

#[derive(Clone)]
struct Room {
    hub: Arc<Hub>,
    /// Per token: a phone's actions.
    acts: Arc<RateLimit>,
    /// Per address: wrong room codes (guessing), not joins that work.
    wrong_codes: Arc<RateLimit>,
}

pub fn router(hub: Arc<Hub>) -> Router {
    let room = Room { hub, acts: Arc::new(RateLimit::new(20, 5.0)), wrong_codes: Arc::new(RateLimit::new(5, 0.2)) };
    Router::new()
        .route("/", get(|| async { page(PAGE, "text/html; charset=utf-8") }))
        .route("/phone.css", get(|| async { page(STYLE, "text/css; charset=utf-8") }))
        .route("/phone.js", get(|| async { page(SCRIPT, "text/javascript; charset=utf-8") }))
        .route("/api/strings", get(strings))
        .route("/api/lobby", get(lobby))
        .route("/api/join", post(join))
        .route("/api/act", post(act))
        .route("/api/events", get(events))
        .route("/api/me", get(me))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(room)
}

fn page(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // Only the page's own files run: a participant's text can never become script.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// The language of the phone's messages: the page's choice, else the session's.
fn lang_of(headers: &HeaderMap, published: &Published) -> Lang {
    headers.get("x-lang").and_then(|v| v.to_str().ok()).and_then(Lang::parse).unwrap_or(published.session.lang)
}

fn refusal(status: StatusCode, key: &str, message: String) -> Response {
    (status, Json(json!({ "error": key, "message": message }))).into_response()
}

fn phone_refusal(error: &PhoneError, lang: Lang, published: &Published) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    let mut message = published.locales.get(lang, error.message_key());
    if let PhoneError::Refused(reason) = error {
        message = format!("{message} ({reason})");
    }
    refusal(status, error.message_key(), message)
}

/// A refusal whose message is the locale string of its key.
fn refused(status: StatusCode, key: &str, lang: Lang, published: &Published) -> Response {
    refusal(status, key, published.locales.get(lang, key))
}

fn busy(lang: Lang, published: &Published) -> Response {
    refused(StatusCode::SERVICE_UNAVAILABLE, "phone-error-busy", lang, published)
}

fn slow_down(lang: Lang, published: &Published) -> Response {
    refused(StatusCode::TOO_MANY_REQUESTS, "phone-error-slow-down", lang, published)
}

fn bad_request(rejection: &JsonRejection, lang: Lang, published: &Published) -> Response {
    let message = format!("{} ({})", published.locales.get(lang, "phone-error-bad-request"), rejection.body_text());
    refusal(rejection.status(), "phone-error-bad-request", message)
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

async fn strings(State(room): State<Room>, Query(query): Query<LangQuery>) -> Response {
    let published = room.hub.published();
    let lang = query.lang.as_deref().and_then(Lang::parse).unwrap_or(published.session.lang);
    Json(published.locales.strings_with_prefix(lang, "phone-")).into_response()
}

#[derive(Deserialize)]
struct CodeQuery {
    code: String,
}

async fn lobby(
    State(room): State<Room>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<CodeQuery>,
) -> Response {
    let published = room.hub.published();
    let lang = lang_of(&headers, &published);
    let device = peer.ip().to_string();
    let room_state = &published.session.room;
    if !room_state.is_open() {
        return phone_refusal(&PhoneError::RoomClosed, lang, &published);
    }
    if query.code.trim() != room_state.code {
        return wrong_code(&room, &device, lang, &published);
    }
    Json(PhoneView::of(&published.session, None, &published.locales, None, Timestamp::now())).into_response()
}

fn wrong_code(room: &Room, device: &str, lang: Lang, published: &Published) -> Response {
    if !room.wrong_codes.allow(device, Instant::now()) {
        return slow_down(lang, published);
    }
    phone_refusal(&PhoneError::WrongCode, lang, published)
}

async fn join(
    State(room): State<Room>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<JoinRequest>, JsonRejection>,
) -> Response {
    let published = room.hub.published();
    let lang = lang_of(&headers, &published);
    let request = match body {
        Ok(Json(request)) => request,
        Err(rejection) => return bad_request(&rejection, lang, &published),
    };
    let device = peer.ip().to_string();
    if room.wrong_codes.exhausted(&device, Instant::now()) {
        return wrong_code(&room, &device, lang, &published);
    }
    let (reply, answer) = oneshot::channel();
    if !room.hub.send(Call::Join { request, reply }) {
        return busy(lang, &published);
    }
    match tokio::time::timeout(OWNER_TIMEOUT, answer).await {
        Ok(Ok(Ok(token))) => Json(json!({ "token": token })).into_response(),
        Ok(Ok(Err(PhoneError::WrongCode))) => wrong_code(&room, &device, lang, &published),
        Ok(Ok(Err(error))) => phone_refusal(&error, lang, &published),
        _ => busy(lang, &published),
    }
}

/// The token of the `Authorization: Bearer …` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 80)
}

async fn me(State(room): State<Room>, headers: HeaderMap) -> Response {
    let published = room.hub.published();
    let lang = lang_of(&headers, &published);
    match bearer(&headers).map(|token| published.session.seat_of_token(token)) {
        Some(Ok(seat)) => Json(json!({ "seat": seat.0 })).into_response(),
        _ => phone_refusal(&PhoneError::NotSignedIn, lang, &published),
    }
}

async fn act(State(room): State<Room>, headers: HeaderMap, body: Result<Json<PhoneAction>, JsonRejection>) -> Response {
    let published = room.hub.published();
    let lang = lang_of(&headers, &published);
    let Some(token) = bearer(&headers) else { return phone_refusal(&PhoneError::NotSignedIn, lang, &published) };
    if !room.acts.allow(token, Instant::now()) {
        return slow_down(lang, &published);
    }
    let action = match body {
        Ok(Json(action)) => action,
        Err(rejection) => return bad_request(&rejection, lang, &published),
    };
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let request_id: String = request_id.chars().take(64).collect();
    let (reply, answer) = oneshot::channel();
    if !room.hub.send(Call::Act { token: token.to_owned(), request_id, action, reply }) {
        return busy(lang, &published);
    }
    match tokio::time::timeout(OWNER_TIMEOUT, answer).await {
        Ok(Ok(Ok(()))) => Json(json!({ "ok": true })).into_response(),
        Ok(Ok(Err(error))) => phone_refusal(&error, lang, &published),
        _ => busy(lang, &published),
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    token: String,
}

async fn events(State(room): State<Room>, headers: HeaderMap, Query(query): Query<TokenQuery>) -> Response {
    let published = room.hub.published();
    let lang = lang_of(&headers, &published);
    let seat = match published.session.seat_of_token(&query.token) {
        Ok(seat) => seat,
        Err(error) => return phone_refusal(&error, lang, &published),
    };
    let mut response = Sse::new(view_stream(room.hub.clone(), seat, query.token))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Counts a phone's stream as connected for as long as it is open.
struct Connected {
    hub: Arc<Hub>,
    seat: SeatId,
}

impl Drop for Connected {
    fn drop(&mut self) {
        self.hub.connected(self.seat, -1);
    }
}

struct StreamState {
    updates: watch::Receiver<Arc<Published>>,
    last: Option<PhoneView>,
    token: String,
    signed_out: bool,
    _connected: Connected,
}

/// One phone's events: the whole view first, then the parts each publication changed.
fn view_stream(hub: Arc<Hub>, seat: SeatId, token: String) -> impl Stream<Item = Result<Event, Infallible>> {
    hub.connected(seat, 1);
    let mut updates = hub.subscribe();
    updates.mark_changed();
    let state = StreamState { updates, last: None, token, signed_out: false, _connected: Connected { hub, seat } };
    stream::unfold(state, |mut state| async move {
        loop {
            if state.signed_out || state.updates.changed().await.is_err() {
                return None;
            }
            let published = state.updates.borrow_and_update().clone();
            let Ok(seat) = published.session.seat_of_token(&state.token) else {
                // The trainer reset this device: tell the page, then end the stream.
                state.signed_out = true;
                return Some((Ok(Event::default().event("signed_out").data("{}")), state));
            };
            let view = PhoneView::of(
                &published.session,
                Some(seat),
                &published.locales,
                published.round_context(),
                Timestamp::now(),
            );
            let first = state.last.is_none();
            let changes = view.changes_since(state.last.as_ref());
            state.last = Some(view);
            if changes.is_empty() {
                continue;
            }
            let event = Event::default().event(if first { "snapshot" } else { "patch" });
            let event = event.json_data(&changes).unwrap_or_else(|_| Event::default().comment("unserialisable"));
            return Some((Ok(event), state));
        }
    })
}
