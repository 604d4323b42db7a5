//! Rules every operation shares, stated in the document where a generated client reads them.
//! Applied to the document as JSON, after utoipa built it, because they hold for every
//! string and every body rather than for one field that could carry an attribute.

use serde_json::{Map, Value, json};

/// What `http::nul` and `http::json` refuse in any URL and any body: U+0000 (PostgreSQL
/// cannot store it, and no person types it). The pattern a string gets when it has none of
/// its own; every pattern of our own already leaves NUL out.
pub const NO_NUL: &str = "^[^\\u0000]*$";

/// Formats whose values cannot hold NUL anyway, and enumerations, need no pattern.
fn free_text(schema: &Map<String, Value>) -> bool {
    let is_string = match schema.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    is_string && !schema.contains_key("pattern") && !schema.contains_key("enum") && !schema.contains_key("format")
}

/// Every free-text string of every schema and parameter says it holds no NUL.
pub fn strings_without_nul(doc: &mut Value) {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if free_text(map) {
                    map.insert("pattern".into(), NO_NUL.into());
                }
                // Examples are data, not schemas.
                for (_, child) in map.iter_mut().filter(|(k, _)| !matches!(k.as_str(), "example" | "examples")) {
                    walk(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    if let Some(schemas) = doc.pointer_mut("/components/schemas") {
        walk(schemas);
    }
    if let Some(paths) = doc.get_mut("paths") {
        walk(paths);
    }
}

/// The component a `$ref` names, or the schema itself.
fn resolved<'a>(schema: &'a Value, components: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => components.get(name).unwrap_or(schema),
        None => schema,
    }
}

/// Fields named like references that are plain values (a client's VAT number).
const NOT_REFERENCES: &[&str] = &["tax_id"];

/// Whether a body names other objects by id (`client_id`, `staff_id`, `task_ids`…).
fn names_objects(schema: &Value, components: &Value) -> bool {
    let schema = resolved(schema, components);
    schema.get("properties").and_then(Value::as_object).is_some_and(|props| {
        props.keys().any(|k| (k.ends_with("_id") || k.ends_with("_ids")) && !NOT_REFERENCES.contains(&k.as_str()))
    })
}

/// A body that names another object by id answers 404 when that object is not the
/// caller's (`ApiError::MissingReference`): documented on each such operation.
pub fn references_may_be_missing(doc: &mut Value) {
    let components = doc.pointer("/components/schemas").cloned().unwrap_or(Value::Null);
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for item in paths.values_mut().filter_map(Value::as_object_mut) {
        for op in item.values_mut().filter_map(Value::as_object_mut) {
            let body = op.get("requestBody").and_then(|b| b.pointer("/content/application~1json/schema"));
            if !body.is_some_and(|schema| names_objects(schema, &components)) {
                continue;
            }
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { continue };
            responses.entry("404").or_insert_with(|| {
                json!({
                    "description": "A field names an object (a client, a staff member…) that is not yours",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
                })
            });
        }
    }
}

/// A list read at a `cursor` that is no page of it answers 404 (`http::page`).
pub fn pages_may_be_missing(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for op in paths.values_mut().filter_map(|item| item.get_mut("get")) {
        let paged = op
            .get("parameters")
            .and_then(Value::as_array)
            .is_some_and(|ps| ps.iter().any(|p| p["name"] == "cursor" && p["in"] == "query"));
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut).filter(|_| paged) else {
            continue;
        };
        responses.entry("404").or_insert_with(|| {
            json!({
                "description": "No page of this list starts at `cursor`",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            })
        });
    }
}

/// Multipart forms take only the parts they document (`files::upload` refuses others, as a
/// JSON body refuses an unknown field): their schemas say so.
pub fn closed_forms(doc: &mut Value) {
    let mut forms = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for op in paths.values().filter_map(Value::as_object).flat_map(|item| item.values()) {
            let schema = op.pointer("/requestBody/content/multipart~1form-data/schema/$ref").and_then(Value::as_str);
            if let Some(name) = schema.and_then(|r| r.strip_prefix("#/components/schemas/")) {
                forms.push(name.to_string());
            }
        }
    }
    for name in forms {
        if let Some(schema) = doc.pointer_mut(&format!("/components/schemas/{name}")).and_then(Value::as_object_mut) {
            schema.insert("additionalProperties".into(), Value::Bool(false));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn document() -> Value {
        crate::openapi::document()
    }

    #[test]
    fn every_free_text_string_and_parameter_leaves_out_nul() {
        let doc = document();
        let refresh = &doc["components"]["schemas"]["RefreshRequest"]["properties"]["refresh_token"];
        assert_eq!(refresh["pattern"], super::NO_NUL, "{refresh}");
        let q = doc["paths"]["/api/v1/clients"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "q")
            .unwrap();
        assert_eq!(q["schema"]["pattern"], super::NO_NUL, "{q}");
        // A field with its own rule keeps it.
        let name = &doc["components"]["schemas"]["CreateClient"]["properties"]["name"]["pattern"];
        assert!(name.as_str().unwrap().contains("\\u0000-\\u001F"), "{name}");
    }

    #[test]
    fn a_body_naming_other_objects_documents_404() {
        let doc = document();
        let responses = |path: &str, method: &str| doc["paths"][path][method]["responses"].clone();
        assert!(responses("/api/v1/projects", "post").get("404").is_some(), "client_id, staff_id");
        assert!(responses("/api/v1/clients", "post").get("404").is_none(), "names nothing (`tax_id` is a value)");
        assert!(responses("/api/v1/portal/me", "patch").get("404").is_none(), "names nothing");
    }

    #[test]
    fn credential_refusals_follow_from_the_security_requirement() {
        let doc = document();
        let staff = &doc["paths"]["/api/v1/invoices"]["get"];
        let needs = serde_json::json!([{ "api_key": ["billing:read"] }, { "staff_session": ["billing:read"] }]);
        assert_eq!(staff["security"], needs);
        let said = |op: &Value, status: &str| op["responses"][status]["description"].as_str().map(str::to_string);
        assert_eq!(said(staff, "401").as_deref(), Some("Missing, invalid or revoked credential"));
        assert_eq!(said(staff, "403").as_deref(), Some("The credential lacks `billing:read`"));
        assert_eq!(said(staff, "429").as_deref(), Some("Too many failed authentications from this address"));
        let portal = &doc["paths"]["/api/v1/portal/dashboard"]["get"];
        assert_eq!(said(portal, "401").as_deref(), Some("Not logged in"));
        assert_eq!(said(portal, "403").as_deref(), Some("Not a client session"));
        // A handler's own words stay: a read-only view is also refused here.
        let me = &doc["paths"]["/api/v1/portal/me"]["patch"];
        assert!(said(me, "403").unwrap().contains("read-only"), "{me}");
        // Public operations have no credential to refuse.
        let public = &doc["paths"]["/api/v1/portal/{slug}/auth/otp"]["post"];
        assert!(public["responses"].get("401").is_none() && public["responses"].get("403").is_none(), "{public}");
    }

    #[test]
    fn multipart_forms_take_only_their_parts() {
        let doc = document();
        assert_eq!(doc["components"]["schemas"]["FileOnlyForm"]["additionalProperties"], false);
        assert_eq!(doc["components"]["schemas"]["UploadForm"]["additionalProperties"], false);
    }
}
