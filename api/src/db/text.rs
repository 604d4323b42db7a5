//! Case-insensitive search in SQL that reads the same on SQLite and PostgreSQL.

diesel::define_sql_function! {
    /// SQL `lower` on text.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// `%`, `_` and `\` typed by a person are literal characters, not wildcards (use with
/// `.escape('\\')`).
fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The `LIKE` pattern of a person's search for `q` anywhere in a text, any case: compare it
/// with `lower(column)` and `.escape('\\')`.
pub fn contains_pattern(q: &str) -> String {
    format!("%{}%", escape_like(&q.to_lowercase()))
}
