//! Where phones find the room: a link per private IPv4 address of this laptop (one QR code
//! each), carrying the room code.

use std::net::{IpAddr, Ipv4Addr};

/// The join link for `address`: the code rides along so the phone's form comes pre-filled.
pub fn join_url(address: IpAddr, port: u16, code: &str) -> String {
    format!("http://{address}:{port}/?code={code}")
}

/// The addresses a phone on the same network can reach: this machine's private IPv4
/// addresses (Wi-Fi, Ethernet, a hotspot), else the loopback so the trainer can try it here.
pub fn lan_addresses() -> Vec<IpAddr> {
    let mut found: Vec<IpAddr> = local_ip_address::list_afinet_netifas()
        .map(|list| {
            list.into_iter()
                .map(|(_, ip)| ip)
                .filter(|ip| matches!(ip, IpAddr::V4(v4) if v4.is_private() || v4.is_link_local()))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.dedup();
    if found.is_empty() {
        found.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    found
}

/// The QR code of `text` as rows of dark (true) and light modules, with no quiet zone (the
/// drawing adds it). Medium error correction: still reads from the back of a room.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let modules = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    Some((width, modules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_carries_the_code_and_its_qr_code_is_square() {
        let url = join_url(IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20)), 8390, "0427");
        assert_eq!(url, "http://192.168.1.20:8390/?code=0427");
        let (width, modules) = qr_modules(&url).unwrap();
        // 35 characters at level M need version 3: 29 modules a side.
        assert_eq!(width, 29);
        assert_eq!(modules.len(), 29 * 29);
        // Finder pattern: the top-left corner's first row is seven dark modules.
        assert!(modules[..7].iter().all(|&dark| dark));
        assert!(!modules[7]);
    }

    #[test]
    fn there_is_always_an_address_to_show() {
        let addresses = lan_addresses();
        assert!(!addresses.is_empty());
        assert!(addresses.iter().all(|ip| ip.is_ipv4()));
    }
}
