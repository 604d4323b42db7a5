//! The two checks of a form: its definition (what staff build) and a visitor's answers
//! (checked against that definition, field by field). Both return every problem at once,
//! each named by where it is (`fields[2].options`, `values.email`), so a person can fix
//! them all in one go.

use serde_json::{Map, Value};
use validator::ValidateEmail;

use super::model::{FieldKind, FormField};
use crate::error::{ApiError, FieldError};
use crate::rules;

pub const MAX_FIELDS: usize = 30;
pub const MAX_OPTIONS: usize = 50;
/// The honeypot's name: never a real field, so a filled one can only be a robot's doing.
pub const HONEYPOT: &str = "website";
const MAX_TEXT: usize = 200;
const MAX_TEXTAREA: usize = 5000;
const MAX_EMAIL: usize = 254;

/// Every form says who sent it: these two fields are always there and always required.
fn name_field() -> FormField {
    FormField {
        key: "name".into(),
        label: "Your name".into(),
        kind: FieldKind::Text,
        required: true,
        options: vec![],
        help: None,
    }
}

fn email_field() -> FormField {
    FormField {
        key: "email".into(),
        label: "Your email".into(),
        kind: FieldKind::Email,
        required: true,
        options: vec![],
        help: None,
    }
}

fn key_shaped(key: &str) -> bool {
    (1..=40).contains(&key.len())
        && key.as_bytes()[0].is_ascii_lowercase()
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks and tidies a definition: labels and options trimmed, `name` and `email` added at
/// the top when missing and always required. 422 listing every problem.
pub fn check(fields: Vec<FormField>) -> Result<Vec<FormField>, ApiError> {
    let mut errors = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if fields.len() > MAX_FIELDS {
        errors.push(FieldError::new("fields", format!("must hold at most {MAX_FIELDS} fields")));
    }
    let mut out = Vec::with_capacity(fields.len() + 2);
    for (i, mut f) in fields.into_iter().enumerate() {
        let at = |part: &str| format!("fields[{i}].{part}");
        f.key = f.key.trim().to_string();
        f.label = f.label.trim().to_string();
        f.help = rules::tidy(f.help);
        f.options = f.options.iter().map(|o| o.trim().to_string()).collect();
        if !key_shaped(&f.key) {
            errors.push(FieldError::new(
                at("key"),
                "must be 1 to 40 lowercase letters, digits and '_', starting with a letter (e.g. 'budget')",
            ));
        } else if f.key == HONEYPOT {
            errors
                .push(FieldError::new(at("key"), format!("'{HONEYPOT}' is kept for spam protection; choose another")));
        } else if seen.contains(&f.key) {
            errors.push(FieldError::new(at("key"), format!("'{}' is used by another field", f.key)));
        }
        seen.push(f.key.clone());
        if f.label.is_empty() || f.label.chars().count() > 200 {
            errors.push(FieldError::new(at("label"), "must be 1 to 200 characters"));
        }
        if f.help.as_deref().is_some_and(|h| h.chars().count() > 500) {
            errors.push(FieldError::new(at("help"), "must be at most 500 characters"));
        }
        match f.kind {
            FieldKind::Select => {
                let mut distinct = f.options.clone();
                distinct.sort();
                distinct.dedup();
                if f.options.is_empty() || f.options.len() > MAX_OPTIONS {
                    errors.push(FieldError::new(at("options"), format!("a select needs 1 to {MAX_OPTIONS} options")));
                } else if f.options.iter().any(|o| o.is_empty() || o.chars().count() > 200) {
                    errors.push(FieldError::new(at("options"), "each option must be 1 to 200 characters"));
                } else if distinct.len() != f.options.len() {
                    errors.push(FieldError::new(at("options"), "each option must differ from the others"));
                }
            }
            _ if !f.options.is_empty() => {
                errors.push(FieldError::new(at("options"), "only a select field has options"));
            }
            _ => {}
        }
        match f.key.as_str() {
            "email" if f.kind != FieldKind::Email => {
                errors.push(FieldError::new(at("kind"), "the 'email' field must be of kind email"));
            }
            "name" if !matches!(f.kind, FieldKind::Text) => {
                errors.push(FieldError::new(at("kind"), "the 'name' field must be of kind text"));
            }
            "email" | "name" => f.required = true,
            _ => {}
        }
        out.push(f);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut always = Vec::new();
    if !out.iter().any(|f| f.key == "name") {
        always.push(name_field());
    }
    if !out.iter().any(|f| f.key == "email") {
        always.push(email_field());
    }
    always.extend(out);
    Ok(always)
}

/// A visitor's answers, checked against the form: every problem named `values.<key>`.
/// Returns the answers as stored (text trimmed, the email lowercased, empty answers left out).
pub fn answers(fields: &[FormField], values: &Map<String, Value>) -> Result<Map<String, Value>, ApiError> {
    let mut errors = Vec::new();
    let mut out = Map::new();
    for key in values.keys() {
        if !fields.iter().any(|f| &f.key == key) {
            errors.push(FieldError::new(format!("values.{key}"), "is not a field of this form"));
        }
    }
    for f in fields {
        let at = format!("values.{}", f.key);
        let value = values.get(&f.key).filter(|v| !v.is_null());
        if f.kind == FieldKind::Checkbox {
            match value {
                None | Some(Value::Bool(false)) if f.required => {
                    errors.push(FieldError::new(at, "must be ticked"));
                }
                None => {}
                Some(Value::Bool(b)) => {
                    out.insert(f.key.clone(), Value::Bool(*b));
                }
                Some(_) => errors.push(FieldError::new(at, "must be true or false")),
            }
            continue;
        }
        let text = match value {
            None => "",
            Some(Value::String(s)) => s.trim(),
            Some(_) => {
                errors.push(FieldError::new(at, "must be text"));
                continue;
            }
        };
        if text.is_empty() {
            if f.required {
                errors.push(FieldError::new(at, "is required"));
            }
            continue;
        }
        let problem = match f.kind {
            FieldKind::Text if text.chars().count() > MAX_TEXT => {
                Some(format!("must be at most {MAX_TEXT} characters"))
            }
            FieldKind::Textarea if text.chars().count() > MAX_TEXTAREA => {
                Some(format!("must be at most {MAX_TEXTAREA} characters"))
            }
            FieldKind::Email if text.len() > MAX_EMAIL || !text.validate_email() => {
                Some("must be an email address such as maria@example.com".to_string())
            }
            FieldKind::Phone => rules::phone(text).err().map(|e| e.message.unwrap_or_default().into_owned()),
            FieldKind::Select if !f.options.iter().any(|o| o == text) => {
                Some(format!("must be one of: {}", f.options.join(", ")))
            }
            _ => None,
        };
        match problem {
            Some(message) => errors.push(FieldError::new(at, message)),
            None if f.kind == FieldKind::Email => {
                out.insert(f.key.clone(), Value::String(text.to_lowercase()));
            }
            None => {
                out.insert(f.key.clone(), Value::String(text.to_string()));
            }
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(ApiError::Validation(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(key: &str, kind: FieldKind, required: bool, options: &[&str]) -> FormField {
        FormField {
            key: key.into(),
            label: key.into(),
            kind,
            required,
            options: options.iter().map(|o| o.to_string()).collect(),
            help: None,
        }
    }

    fn names(e: ApiError) -> Vec<String> {
        match e {
            ApiError::Validation(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn name_and_email_are_always_there_and_required() {
        let fields = check(vec![field("budget", FieldKind::Select, false, &["< 5k", "5k+"])]).unwrap();
        let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["name", "email", "budget"]);
        let fields = check(vec![field("email", FieldKind::Email, false, &[])]).unwrap();
        assert!(fields.iter().find(|f| f.key == "email").unwrap().required);
    }

    #[test]
    fn a_bad_definition_names_each_problem() {
        let e = check(vec![
            field("Bad Key", FieldKind::Text, false, &[]),
            field("size", FieldKind::Select, false, &[]),
            field("size", FieldKind::Text, false, &["x"]),
            field("email", FieldKind::Text, true, &[]),
            field("website", FieldKind::Text, false, &[]),
        ])
        .unwrap_err();
        assert_eq!(
            names(e),
            [
                "fields[0].key",
                "fields[1].options",
                "fields[2].key",
                "fields[2].options",
                "fields[3].kind",
                "fields[4].key"
            ]
        );
    }

    #[test]
    fn answers_are_checked_per_kind() {
        let fields = check(vec![
            field("phone", FieldKind::Phone, false, &[]),
            field("size", FieldKind::Select, true, &["S", "M"]),
            field("terms", FieldKind::Checkbox, true, &[]),
            field("about", FieldKind::Textarea, false, &[]),
        ])
        .unwrap();
        let values =
            json!({ "name": " ", "email": "nope", "phone": "call me", "size": "XL", "terms": false, "extra": 1 });
        let e = answers(&fields, values.as_object().unwrap()).unwrap_err();
        assert_eq!(
            names(e),
            ["values.extra", "values.name", "values.email", "values.phone", "values.size", "values.terms"]
        );
        let values = json!({ "name": " Ana ", "email": "Ana@Example.COM", "size": "M", "terms": true, "about": "" });
        let stored = answers(&fields, values.as_object().unwrap()).unwrap();
        assert_eq!(json!(stored), json!({ "name": "Ana", "email": "ana@example.com", "size": "M", "terms": true }));
    }
}
