//! Document numbers: `Q-2026-0001`, `INV-2026-0001`. One counter per tenant, kind and year
//! (`db::counters`), bumped in the transaction that creates the document, so numbers have no
//! gaps and no duplicates however many are created at once; each year starts at 0001.

use crate::db::{DbConn, counters};
use diesel::QueryResult;

/// What a number is for; each kind has its own sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Quote,
    Invoice,
}

impl DocKind {
    fn counter(self) -> &'static str {
        match self {
            DocKind::Quote => "quote",
            DocKind::Invoice => "invoice",
        }
    }
}

/// The next number of `kind` for this tenant in `year`, with the tenant's prefix.
/// Call inside the transaction that inserts the document.
pub fn next_number(conn: &mut DbConn, tenant_id: &str, kind: DocKind, prefix: &str, year: i32) -> QueryResult<String> {
    let n = counters::next(conn, tenant_id, &format!("{}-{year}", kind.counter()))?;
    Ok(format(prefix, year, n))
}

pub fn format(prefix: &str, year: i32, n: i64) -> String {
    format!("{prefix}-{year}-{n:04}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_to_four_digits_and_grows_past_them() {
        assert_eq!(super::format("Q", 2026, 1), "Q-2026-0001");
        assert_eq!(super::format("INV", 2026, 12345), "INV-2026-12345");
    }
}
