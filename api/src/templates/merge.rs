//! Merge fields: `{{client.name}}` and the like in a template's text, checked when the
//! template is saved (an unknown field is refused, named) and replaced when a document is
//! made from it. The document then holds plain text, frozen like any other when it is sent.

use std::collections::BTreeMap;

use crate::error::{ApiError, FieldError};

/// Every field a template may use, with what it stands for (shown to staff in the editor).
pub const FIELDS: [(&str, &str); 14] = [
    ("client.name", "The client's name"),
    ("client.first_name", "The first word of the client's name"),
    ("client.email", "The client's email address"),
    ("client.company", "The client's company (empty if none)"),
    ("client.phone", "The client's phone number (empty if none)"),
    ("business.name", "Your business's name"),
    ("staff.name", "The name of the staff member making the document"),
    ("today", "Today's date in the client's language"),
    ("quote.number", "The chosen quote's number"),
    ("quote.title", "The chosen quote's title"),
    ("quote.total", "The chosen quote's total with its currency"),
    ("quote.valid_until", "The last day the chosen quote can be accepted"),
    ("project.name", "The chosen project's name"),
    ("project.due_date", "The chosen project's due date (empty if none)"),
];

/// The field names as a regular expression's alternatives, for the spec's patterns.
macro_rules! alternatives {
    () => {
        "client\\.name|client\\.first_name|client\\.email|client\\.company|client\\.phone|business\\.name|staff\\.name|today|quote\\.number|quote\\.title|quote\\.total|quote\\.valid_until|project\\.name|project\\.due_date"
    };
}

/// The spec's pattern for a text that may hold merge fields: any text in which every `{{`
/// opens one of `FIELDS` (spaces inside the braces allowed) and is closed.
pub const PATTERN: &str = concat!("^(?:[^{]|\\{(?!\\{)|\\{\\{ *(?:", alternatives!(), ") *\\}\\})*$");

/// The same for a text that must not be blank (bodies).
pub const FILLED_PATTERN: &str =
    concat!("^(?=[\\s\\S]*\\S)(?:[^{]|\\{(?!\\{)|\\{\\{ *(?:", alternatives!(), ") *\\}\\})*$");

/// The same for a quote line's description: not blank, no NUL (as on a quote).
pub const ITEM_PATTERN: &str =
    concat!("^(?=[\\s\\S]*\\S)(?:[^{\\u0000]|\\{(?!\\{)|\\{\\{ *(?:", alternatives!(), ") *\\}\\})*$");

/// The same for a one-line text that is not blank (titles, names, subjects).
pub const LINE_PATTERN: &str = concat!(
    "^(?=.*\\S)(?:[^{\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]|\\{(?!\\{)|\\{\\{ *(?:",
    alternatives!(),
    ") *\\}\\})*$"
);

/// A string schema with a merge pattern and length bounds.
fn text_schema(
    description: &str,
    pattern: &str,
    min: usize,
    max: usize,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .min_length((min > 0).then_some(min))
        .max_length(Some(max))
        .into()
}

/// Declares a schema-only type for a text with merge fields.
macro_rules! merge_text {
    ($name:ident, $description:literal, $pattern:expr, $min:literal, $max:literal) => {
        #[doc = $description]
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                text_schema($description, $pattern, $min, $max)
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

merge_text!(
    MergeLine,
    "One line of 1 to 200 characters; may hold merge fields such as `{{client.name}}`.",
    LINE_PATTERN,
    1,
    200
);
merge_text!(
    MergeTaskTitle,
    "One line of 1 to 300 characters; may hold merge fields such as `{{client.name}}`.",
    LINE_PATTERN,
    1,
    300
);
merge_text!(
    MergeNotes,
    "At most 10000 characters; may hold merge fields such as `{{client.name}}`.",
    PATTERN,
    0,
    10000
);
merge_text!(
    MergeItem,
    "1 to 500 characters, not blank; may hold merge fields such as `{{client.name}}`.",
    ITEM_PATTERN,
    1,
    500
);
merge_text!(
    MergeDescription,
    "At most 5000 characters; may hold merge fields such as `{{client.name}}`.",
    PATTERN,
    0,
    5000
);
merge_text!(
    MergeMessage,
    "1 to 20000 characters, not blank; may hold merge fields such as `{{client.name}}`.",
    FILLED_PATTERN,
    1,
    20000
);
merge_text!(
    MergeBody,
    "1 to 100000 characters of Markdown, not blank; may hold merge fields such as `{{client.name}}`.",
    FILLED_PATTERN,
    1,
    100000
);

/// One `{{…}}` found in a text: where it starts and ends (bytes) and its trimmed name;
/// `None` for the name of an unclosed `{{`.
struct Found<'a> {
    start: usize,
    end: usize,
    name: Option<&'a str>,
}

fn scan(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| at + i) {
        match text[open + 2..].find("}}").map(|i| open + 2 + i) {
            Some(close) => {
                out.push(Found { start: open, end: close + 2, name: Some(text[open + 2..close].trim_matches(' ')) });
                at = close + 2;
            }
            None => {
                out.push(Found { start: open, end: text.len(), name: None });
                break;
            }
        }
    }
    out
}

fn known(name: &str) -> bool {
    FIELDS.iter().any(|(f, _)| *f == name)
}

/// The merge fields `text` uses, each once, in order of first use.
pub fn used(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in scan(text).into_iter().filter_map(|f| f.name) {
        if known(name) && !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// A field error for each unknown or unclosed merge field in `text`, under `field`.
pub fn check(field: &str, text: &str, errors: &mut Vec<FieldError>) {
    for found in scan(text) {
        match found.name {
            Some(name) if known(name) => {}
            Some(name) => errors.push(FieldError::new(
                field,
                format!(
                    "uses the unknown merge field {{{{{name}}}}}; the fields are {}",
                    FIELDS.iter().map(|(f, _)| format!("{{{{{f}}}}}")).collect::<Vec<_>>().join(", ")
                ),
            )),
            None => errors.push(FieldError::new(field, "opens a merge field with {{ that is never closed with }}")),
        }
    }
}

/// 422 with every error `check` found, or nothing.
pub fn refuse(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() { Ok(()) } else { Err(ApiError::Validation(errors)) }
}

/// What each field stands for in one document. A field with no value (no quote chosen) is
/// missing, and `resolve` says which.
#[derive(Debug, Default)]
pub struct Values(pub BTreeMap<&'static str, String>);

impl Values {
    pub fn set(&mut self, field: &'static str, value: impl Into<String>) {
        debug_assert!(known(field), "{field} is not a merge field");
        self.0.insert(field, value.into());
    }

    /// `text` with every field replaced; `Err(name)` names the first field without a value.
    pub fn resolve(&self, text: &str) -> Result<String, String> {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for found in scan(text) {
            out.push_str(&text[at..found.start]);
            match found.name {
                Some(name) => match self.0.get(name) {
                    Some(value) => out.push_str(value),
                    None => return Err(name.to_string()),
                },
                // Saved templates never hold one; text from elsewhere keeps it as written.
                None => out.push_str(&text[found.start..found.end]),
            }
            at = found.end;
        }
        out.push_str(&text[at..]);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_checks_and_resolves_fields() {
        let text = "Dear {{client.name}}, { not a field } {{ today }} and {{client.name}}.";
        assert_eq!(used(text), ["client.name", "today"]);
        let mut errors = Vec::new();
        check("body", text, &mut errors);
        assert!(errors.is_empty());
        let mut values = Values::default();
        values.set("client.name", "Maria");
        values.set("today", "7 December 2026");
        assert_eq!(values.resolve(text).unwrap(), "Dear Maria, { not a field } 7 December 2026 and Maria.");
        assert_eq!(values.resolve("{{quote.total}}").unwrap_err(), "quote.total");
    }

    #[test]
    fn names_unknown_and_unclosed_fields() {
        let mut errors = Vec::new();
        check("body", "Hi {{client.nmae}} {{today", &mut errors);
        assert_eq!(errors.len(), 2);
        let first = format!("{:?}", errors[0]);
        assert!(first.contains("{{client.nmae}}"), "{first}");
        assert!(format!("{:?}", errors[1]).contains("never closed"));
    }

    #[test]
    fn the_pattern_lists_every_field() {
        for (field, _) in FIELDS {
            assert!(PATTERN.contains(&field.replace('.', r"\.")), "{field} missing from PATTERN");
            assert!(FILLED_PATTERN.contains(&field.replace('.', r"\.")), "{field} missing from FILLED_PATTERN");
            assert!(ITEM_PATTERN.contains(&field.replace('.', r"\.")), "{field} missing from ITEM_PATTERN");
            assert!(LINE_PATTERN.contains(&field.replace('.', r"\.")), "{field} missing from LINE_PATTERN");
        }
    }
}
