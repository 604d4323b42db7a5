//! Rows written as multi-row `INSERT … VALUES (…), (…)` statements of literals: one statement
//! per few hundred rows instead of one per row, the same text on SQLite and PostgreSQL, and no
//! bind-parameter limits. Only for data we generate ourselves: text is quoted, never trusted.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;

use crate::db::DbConn;

/// Rows per statement: large enough to amortise the round trip, small enough to parse fast.
const PER_STATEMENT: usize = 500;

/// One table's pending rows.
pub struct Table {
    pub name: &'static str,
    head: String,
    current: String,
    in_current: usize,
    ready: Vec<String>,
    pending: usize,
    pub written: u64,
}

impl Table {
    pub fn new(name: &'static str, columns: &[&str]) -> Table {
        Table {
            name,
            head: format!("INSERT INTO {name} ({}) VALUES ", columns.join(", ")),
            current: String::new(),
            in_current: 0,
            ready: Vec::new(),
            pending: 0,
            written: 0,
        }
    }

    /// Starts a row; the values are added in column order, then `end()`.
    pub fn row(&mut self) -> Row<'_> {
        if self.in_current == 0 {
            self.current.push_str(&self.head);
        } else {
            self.current.push(',');
        }
        self.current.push('(');
        Row { table: self, first: true }
    }

    /// The statements not yet written, for tests.
    #[cfg(test)]
    pub fn text(&self) -> String {
        format!("{}{}", self.ready.concat(), self.current)
    }

    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Writes the pending rows. Call inside the caller's transaction.
    pub fn flush(&mut self, conn: &mut DbConn) -> diesel::QueryResult<()> {
        if self.in_current > 0 {
            self.ready.push(std::mem::take(&mut self.current));
            self.in_current = 0;
        }
        for statement in self.ready.drain(..) {
            conn.batch_execute(&statement)?;
        }
        self.written += self.pending as u64;
        self.pending = 0;
        Ok(())
    }
}

pub struct Row<'a> {
    table: &'a mut Table,
    first: bool,
}

impl Row<'_> {
    fn sep(&mut self) -> &mut String {
        if !self.first {
            self.table.current.push(',');
        }
        self.first = false;
        &mut self.table.current
    }

    pub fn text(mut self, value: &str) -> Self {
        let out = self.sep();
        out.push('\'');
        for c in value.chars() {
            if c == '\'' {
                out.push('\'');
            }
            out.push(c);
        }
        out.push('\'');
        self
    }

    pub fn opt_text(self, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    pub fn int(mut self, value: i64) -> Self {
        let _ = write!(self.sep(), "{value}");
        self
    }

    pub fn bool(mut self, value: bool) -> Self {
        self.sep().push_str(if value { "TRUE" } else { "FALSE" });
        self
    }

    pub fn null(mut self) -> Self {
        self.sep().push_str("NULL");
        self
    }

    /// The text form diesel itself writes on SQLite and PostgreSQL reads as a timestamp.
    pub fn at(mut self, value: NaiveDateTime) -> Self {
        let _ = write!(self.sep(), "'{}'", value.format("%Y-%m-%d %H:%M:%S"));
        self
    }

    pub fn opt_at(self, value: Option<NaiveDateTime>) -> Self {
        match value {
            Some(v) => self.at(v),
            None => self.null(),
        }
    }

    pub fn date(mut self, value: NaiveDate) -> Self {
        let _ = write!(self.sep(), "'{}'", value.format("%Y-%m-%d"));
        self
    }

    pub fn end(self) {
        let table = self.table;
        table.current.push(')');
        table.in_current += 1;
        table.pending += 1;
        if table.in_current == PER_STATEMENT {
            table.ready.push(std::mem::take(&mut table.current));
            table.in_current = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_text_and_splits_statements() {
        let mut t = Table::new("things", &["a", "b", "c"]);
        t.row().text("it's").int(3).null().end();
        assert_eq!(t.current, "INSERT INTO things (a, b, c) VALUES ('it''s',3,NULL)");
        for _ in 1..PER_STATEMENT + 1 {
            t.row().bool(true).int(1).null().end();
        }
        assert_eq!(t.ready.len(), 1);
        assert_eq!(t.pending(), PER_STATEMENT + 1);
        assert!(t.current.starts_with("INSERT INTO things"));
    }
}
