//! What several test modules share.

use std::sync::OnceLock;

use service_camp::core::scoring::Rubrics;

/// The shipped rubrics (`assets/rubrics/`), read once.
pub fn rubrics() -> &'static Rubrics {
    static RUBRICS: OnceLock<Rubrics> = OnceLock::new();
    RUBRICS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rubrics");
        Rubrics::load_dir(&dir).unwrap_or_else(|errors| panic!("the shipped rubrics load: {errors:?}"))
    })
}

/// One HTTP/1.1 request as a phone's page sends it: JSON, the connection closed after the reply.
pub fn http_request(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: camp\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()));
    request
}

/// Sends `request` to the room server on the loopback and reads the whole reply.
pub fn http_exchange(port: u16, request: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
}

/// A reply's status and JSON body (`Null` when the body is not JSON).
pub fn http_reply(reply: &str) -> (u16, serde_json::Value) {
    let status = reply[9..12].parse().unwrap();
    let body = reply.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, serde_json::from_str(body).unwrap_or(serde_json::Value::Null))
}
