//! Tables as CSV that Excel opens cleanly: UTF-8 with a byte-order mark (without it Excel
//! guesses a legacy code page and garbles Chinese), CRLF line ends, RFC 4180 quoting (by the
//! `csv` crate), and a guard against formula injection.

use super::tables::Table;

const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

pub fn render(table: &Table) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BYTE_ORDER_MARK.to_vec());
    for row in std::iter::once(&table.headers).chain(&table.rows) {
        // Writing to memory cannot fail.
        writer.write_record(row.iter().map(|cell| guarded(cell))).expect("CSV into memory");
    }
    writer.into_inner().expect("CSV into memory")
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe; numbers stay numbers.
fn guarded(cell: &str) -> String {
    let is_number = cell.parse::<f64>().is_ok();
    let formula_like = !is_number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like { format!("'{cell}") } else { cell.to_string() }
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
