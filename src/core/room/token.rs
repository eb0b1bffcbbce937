//! Rejoin tokens: `seat.generation.signature`, an HMAC-SHA256 of the seat and its generation
//! under the session's secret. A phone keeps its token; the server needs no table of them, a
//! token from another session (another secret) or a forged one fails the check, and resetting
//! a seat's device (a new generation) retires its old token.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::random::hex;
use super::seat::SeatId;

type Signer = Hmac<Sha256>;

/// Signature bytes kept in a token: 128 bits is far beyond guessing over a room's Wi-Fi.
const SIGNATURE_BYTES: usize = 16;

fn signer(secret: &str, seat: SeatId, generation: u32) -> Signer {
    let mut mac = Signer::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(format!("service-camp seat {} {generation}", seat.0).as_bytes());
    mac
}

pub(crate) fn sign(secret: &str, seat: SeatId, generation: u32) -> String {
    let signature = signer(secret, seat, generation).finalize().into_bytes();
    format!("{}.{generation}.{}", seat.0, hex(&signature[..SIGNATURE_BYTES]))
}

/// The seat and generation a token claims, if its signature is right under `secret`.
pub(crate) fn verify(secret: &str, token: &str) -> Option<(SeatId, u32)> {
    if secret.is_empty() || token.len() > 80 {
        return None;
    }
    let mut parts = token.split('.');
    let seat = SeatId(parts.next()?.parse().ok()?);
    let generation: u32 = parts.next()?.parse().ok()?;
    let signature = unhex(parts.next()?)?;
    if parts.next().is_some() || signature.len() != SIGNATURE_BYTES {
        return None;
    }
    // Constant-time comparison, as the crate does it.
    signer(secret, seat, generation).verify_truncated_left(&signature).ok()?;
    Some((seat, generation))
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_under_its_own_secret_only() {
        let token = sign("secret-a", SeatId(7), 2);
        assert!(token.starts_with("7.2."), "{token}");
        assert_eq!(token.len(), "7.2.".len() + 32);
        assert_eq!(verify("secret-a", &token), Some((SeatId(7), 2)));
        assert_eq!(verify("secret-b", &token), None);
        assert_eq!(verify("", &token), None);
    }

    #[test]
    fn a_changed_seat_generation_or_signature_is_refused() {
        let token = sign("k", SeatId(7), 0);
        let signature = token.rsplit('.').next().unwrap();
        assert_eq!(verify("k", &format!("8.0.{signature}")), None);
        assert_eq!(verify("k", &format!("7.1.{signature}")), None);
        let mut flipped = token.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        assert_eq!(verify("k", std::str::from_utf8(&flipped).unwrap()), None);
        for junk in ["", "7", "7.0", "7.0.zz", "x.0.00", "7.0.00.00", &format!("{token}.1")] {
            assert_eq!(verify("k", junk), None, "{junk}");
        }
    }
}
