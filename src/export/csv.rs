//! Tables as CSV that Excel opens cleanly: UTF-8 with a byte-order mark (without it Excel
//! guesses a legacy code page and garbles Chinese), CRLF line ends, RFC 4180 quoting.

use super::tables::Table;

const BYTE_ORDER_MARK: &str = "\u{feff}";

pub fn render(table: &Table) -> Vec<u8> {
    let mut out = String::from(BYTE_ORDER_MARK);
    for row in std::iter::once(&table.headers).chain(&table.rows) {
        let line: Vec<String> = row.iter().map(|cell| field(cell)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// One field: quoted when it holds a comma, a quote or a line break. Text that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe; numbers stay
/// numbers.
fn field(cell: &str) -> String {
    let is_number = cell.parse::<f64>().is_ok();
    let formula_like = !is_number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell = if formula_like { format!("'{cell}") } else { cell.to_string() };
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting_and_starts_with_the_bom() {
        let table = Table {
            headers: vec!["团队".into(), "原因".into()],
            rows: vec![vec!["闪电队".into(), "说了\"不知道\",扣分\n第二行".into()], vec!["-2".into(), "=1+1".into()]],
        };
        let text = String::from_utf8(render(&table)).unwrap();
        assert_eq!(text, "\u{feff}团队,原因\r\n闪电队,\"说了\"\"不知道\"\",扣分\n第二行\"\r\n-2,'=1+1\r\n");
    }
}
