//! Comma-separated values a spreadsheet opens safely: UTF-8 with a byte-order mark (so Excel
//! reads "é" and "–" rightly), every cell quoted, and a cell a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) written with a leading
//! apostrophe, so it stays text.

/// A CSV file of `rows`, each a list of cells, with Windows line endings.
pub fn csv(rows: &[Vec<&str>]) -> String {
    let mut text = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        text.push_str(&cells.join(","));
        text.push_str("\r\n");
    }
    text
}

/// One cell: quoted, quotes doubled, line breaks kept inside the quotes, and a would-be formula
/// kept as text.
pub fn csv_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let runs_as_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let safe = if runs_as_formula {
        format!("'{text}")
    } else {
        text
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}
