//! Unpredictable values for a room: its secret and its code, from the OS's generator.

pub(crate) fn fill_random(bytes: &mut [u8]) {
    // The OS's generator; should it ever fail, the clock still makes codes differ per session.
    if getrandom::fill(bytes).is_err() {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (nanos >> ((i % 16) * 8)) as u8 ^ (i as u8).wrapping_mul(151);
        }
    }
}

/// 256 bits, as hex: the key a room's tokens are signed with.
pub(crate) fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    fill_random(&mut bytes);
    hex(&bytes)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
