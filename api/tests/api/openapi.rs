//! The committed spec is the one the code generates, and the server serves it.

use serde_json::Value;

use crate::both;
use crate::helpers::TestApp;

const COMMITTED: &str = include_str!("../../../openapi/openapi.json");

#[test]
fn committed_spec_matches_the_code() {
    let generated = portico::openapi::spec_json();
    assert!(generated == COMMITTED, "openapi/openapi.json is stale: run `make openapi` and commit the result");
}

#[test]
fn every_operation_is_named_and_documents_its_errors() {
    let spec: Value = serde_json::from_str(COMMITTED).unwrap();
    let mut ids = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(id.contains('_'), "{id}: name handlers <verb>_<resource>");
            assert!(op["summary"].is_string() || op["description"].is_string(), "{id} has no description");
            let responses = op["responses"].as_object().unwrap();
            let public = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.as_object().is_some_and(|o| o.is_empty())));
            if !public && path.starts_with("/api/v1/") {
                for status in ["401", "403"] {
                    assert!(responses.contains_key(status), "{id} does not document {status}");
                }
            }
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{id} {status} is not documented as problem+json"
                    );
                }
            }
            ids.push(id.to_string());
        }
    }
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "operationIds are unique");
    // Every handler the code documents is served and in the spec: none left out of the route
    // list (`api/src/routes.rs`).
    let documented = count_in_sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), "#[utoipa::path(");
    assert_eq!(ids.len(), documented, "one operation per #[utoipa::path] handler: {ids:?}");
}

/// Swagger UI shows integrators a filled-in body for every JSON request: each request schema
/// carries an example, as a whole or on its fields.
#[test]
fn every_json_request_body_has_an_example() {
    let spec: Value = serde_json::from_str(COMMITTED).unwrap();
    let schemas = &spec["components"]["schemas"];
    let mut missing = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let body = &op["requestBody"]["content"]["application/json"];
            let schema = &body["schema"];
            if schema.is_null() || body.get("example").is_some() {
                continue;
            }
            let resolved = match schema["$ref"].as_str() {
                Some(r) => &schemas[r.rsplit('/').next().unwrap()],
                None => schema,
            };
            let has_example = resolved.get("example").is_some()
                || resolved["properties"]
                    .as_object()
                    .is_some_and(|props| props.values().any(|p| p.get("example").is_some()));
            if !has_example {
                missing.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    assert!(missing.is_empty(), "request bodies without an example: {missing:#?}");
}

/// Generators (openapi-python-client, openapi-typescript, oapi-codegen) tell a login's two
/// outcomes apart by `status`: each is a named schema the discriminator maps to.
#[test]
fn the_login_outcome_is_a_discriminated_union() {
    let spec: Value = serde_json::from_str(COMMITTED).unwrap();
    let schemas = &spec["components"]["schemas"];
    let login = &schemas["LoginResponse"];
    assert_eq!(login["discriminator"]["propertyName"], "status", "{login}");
    for (status, schema) in [("authenticated", "LoggedIn"), ("choose_account", "AccountsToChoose")] {
        let target = format!("#/components/schemas/{schema}");
        assert_eq!(login["discriminator"]["mapping"][status], target.as_str());
        assert!(login["oneOf"].as_array().unwrap().iter().any(|v| v["$ref"] == target.as_str()), "{login}");
        assert!(!schemas[schema].is_null(), "{schema} is a component");
    }
}

/// A PATCH field the server refuses as `null` (`http::patch::no_null`) is optional and not
/// nullable in the spec; one it reads `null` on (clears) is nullable.
#[test]
fn patch_fields_are_nullable_only_where_null_clears() {
    let spec: Value = serde_json::from_str(COMMITTED).unwrap();
    let project = &spec["components"]["schemas"]["UpdateProject"];
    assert!(project.get("required").is_none(), "PATCH fields are optional: {project}");
    let nullable = |field: &str| {
        let f = &project["properties"][field];
        f["type"].as_array().is_some_and(|t| t.iter().any(|t| t == "null"))
            || f["oneOf"].as_array().is_some_and(|o| o.iter().any(|v| v["type"] == "null"))
    };
    for refused in ["name", "status", "client_uploads"] {
        assert!(!nullable(refused), "UpdateProject.{refused} refuses null");
    }
    for clears in ["description", "due_date", "staff_id"] {
        assert!(nullable(clears), "UpdateProject.{clears} is cleared by null");
    }
    let lines = &spec["components"]["schemas"]["UpdateInvoice"]["properties"]["lines"];
    assert_eq!(lines["type"], "array", "lines may be left out, never null: {lines}");
}

async fn the_server_serves_the_spec_and_swagger_ui(app: TestApp) {
    let res = app.http.get(app.url("/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap() == COMMITTED, "the served spec is the committed one");

    let redirect = app.http.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(redirect.status(), 308);
    let ui = app.http.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(ui.status(), 200);
    assert!(ui.text().await.unwrap().contains("swagger-ui"));
    let init = app.http.get(app.url("/docs/swagger-initializer.js")).send().await.unwrap().text().await.unwrap();
    assert!(init.contains("/api/v1/openapi.json"), "Swagger UI loads our spec, offline");
    let bundle = app.http.get(app.url("/docs/swagger-ui-bundle.js")).send().await.unwrap();
    assert_eq!(bundle.status(), 200, "assets are vendored in the binary");
}

both!(the_server_serves_the_spec_and_swagger_ui);

/// How often `needle` is written in the `.rs` files under `dir`.
fn count_in_sources(dir: &std::path::Path, needle: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            if path.is_dir() {
                count_in_sources(&path, needle)
            } else if path.extension().is_some_and(|e| e == "rs") {
                std::fs::read_to_string(&path).unwrap().matches(needle).count()
            } else {
                0
            }
        })
        .sum()
}
