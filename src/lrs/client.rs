//! One LRS, spoken to over HTTP(S) with basic auth, as xAPI 1.0.3 wants: statements are POSTed
//! to `…/statements` in batches; what comes back is a [`Reply`].

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use crate::core::lrs::delivery::Reply;
use crate::core::lrs::settings::LrsSettings;

/// How long one request may take in all; a slow LRS makes a retry, never a stuck worker.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Client {
    agent: ureq::Agent,
    statements_url: String,
    authorization: String,
}

impl Client {
    pub fn new(settings: &LrsSettings) -> Client {
        Client::with_timeout(settings, REQUEST_TIMEOUT)
    }

    pub fn with_timeout(settings: &LrsSettings, timeout: Duration) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .http_status_as_error(false)
            .user_agent(concat!("service-camp/", env!("CARGO_PKG_VERSION")))
            .build();
        let credentials = format!("{}:{}", settings.user, settings.password);
        Client {
            agent: config.into(),
            statements_url: settings.statements_url(),
            authorization: format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(credentials)),
        }
    }

    /// POSTs `statements` as one JSON array.
    pub fn post(&self, statements: &[Value]) -> Reply {
        let body = match serde_json::to_vec(statements) {
            Ok(body) => body,
            Err(e) => return Reply::Refused { status: 0, message: e.to_string() },
        };
        let sent = self
            .agent
            .post(&self.statements_url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .content_type("application/json")
            .send(&body[..]);
        match sent {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let retry_after =
                    response.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
                let text = response.body_mut().with_config().limit(64 * 1024).read_to_string().unwrap_or_default();
                Reply::of_status(status, &text, retry_after.as_deref())
            }
            Err(e) => Reply::Unreachable(e.to_string()),
        }
    }

    /// GETs `…/statements` with `query` (e.g. `limit=500`) and follows the LRS's `more` links:
    /// every statement it holds for that query. For checking what arrived (the tests, the CLI).
    pub fn fetch_all(&self, query: &str) -> Result<Vec<Value>, String> {
        let mut all = Vec::new();
        let mut url = format!("{}?{query}", self.statements_url);
        let origin = origin_of(&self.statements_url);
        loop {
            let mut response = self
                .agent
                .get(&url)
                .header("Authorization", &self.authorization)
                .header("X-Experience-API-Version", "1.0.3")
                .call()
                .map_err(|e| e.to_string())?;
            let status = response.status().as_u16();
            let text =
                response.body_mut().with_config().limit(256 << 20).read_to_string().map_err(|e| e.to_string())?;
            if status != 200 {
                return Err(format!("HTTP {status}: {}", text.chars().take(300).collect::<String>()));
            }
            let page: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            all.extend(page["statements"].as_array().cloned().unwrap_or_default());
            match page["more"].as_str().filter(|more| !more.is_empty()) {
                Some(more) if more.starts_with("http") => url = more.to_owned(),
                Some(more) => url = format!("{origin}{more}"),
                None => return Ok(all),
            }
        }
    }
}

/// `http://host:port` of a URL, for an LRS's relative `more` links.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..].find('/').map_or(url, |slash| &url[..after_scheme + slash])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_more_links_resolve_against_the_lrs_origin() {
        assert_eq!(origin_of("http://127.0.0.1:8100/xAPI/statements"), "http://127.0.0.1:8100");
        assert_eq!(origin_of("https://lrs.example.com"), "https://lrs.example.com");
    }

    #[test]
    fn a_closed_port_is_unreachable_not_a_refusal() {
        // Bind and drop: a loopback port nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let settings = LrsSettings { endpoint: format!("http://127.0.0.1:{port}/xAPI"), ..LrsSettings::default() };
        assert!(matches!(Client::new(&settings).post(&[]), Reply::Unreachable(_)));
    }
}
