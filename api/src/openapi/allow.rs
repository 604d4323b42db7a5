//! Which methods a known path answers, from the spec the routes are registered with: a
//! request for `TRACE /api/v1/api-keys` is 405 with `Allow: GET, POST`, not 404, so a client
//! can tell a wrong method from a wrong path.

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use crate::error::ApiError;

/// Each documented path as segments (`None` for a `{parameter}`) and the methods it takes.
type Routes = Vec<(Vec<Option<String>>, Vec<&'static str>)>;

fn routes() -> &'static Routes {
    static ROUTES: OnceLock<Routes> = OnceLock::new();
    ROUTES.get_or_init(|| {
        let spec = super::spec();
        spec.paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path
                    .split('/')
                    .map(|s| (!(s.starts_with('{') && s.ends_with('}'))).then(|| s.to_string()))
                    .collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("HEAD", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ];
                (segments, methods.into_iter().filter(|(_, on)| *on).map(|(m, _)| m).collect())
            })
            .collect()
    })
}

/// The methods `path` answers, if it is a path of the API at all (empty otherwise). Where
/// several documented paths match, the one with the most literal segments names the path,
/// as in routing: `/projects/{id}/tasks/order` is that path, not a task called "order".
pub fn methods_of(path: &str) -> Vec<&'static str> {
    let asked: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, Vec<&'static str>)> = None;
    for (segments, methods) in routes() {
        let matches = segments.len() == asked.len()
            && segments.iter().zip(&asked).all(|(want, got)| match want {
                Some(literal) => literal == got,
                None => !got.is_empty(),
            });
        if !matches {
            continue;
        }
        let literals = segments.iter().filter(|s| s.is_some()).count();
        match &mut best {
            Some((most, allowed)) if *most == literals => {
                allowed.extend(methods.iter().filter(|m| !allowed.contains(m)).collect::<Vec<_>>());
            }
            Some((most, _)) if *most > literals => {}
            _ => best = Some((literals, methods.clone())),
        }
    }
    best.map(|(_, allowed)| allowed).unwrap_or_default()
}

/// A request under the API that no route took: 405 with `Allow` when the path is known, 404
/// when it is not.
pub async fn no_route(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let allowed = methods_of(req.path());
    if allowed.is_empty() {
        return Err(ApiError::NotFound(format!(
            "There is no endpoint {} {}; see /docs for the API.",
            req.method(),
            req.path()
        )));
    }
    let allow = allowed.join(", ");
    let err = ApiError::MethodNotAllowed(format!("{} is not allowed on {}; use {allow}.", req.method(), req.path()));
    let mut res = err.error_response();
    if let Ok(value) = header::HeaderValue::from_str(&allow) {
        res.headers_mut().insert(header::ALLOW, value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::methods_of;

    #[test]
    fn known_paths_name_their_methods() {
        assert_eq!(methods_of("/api/v1/api-keys"), ["GET", "HEAD", "POST"]);
        assert!(methods_of("/api/v1/clients/0190abc").contains(&"PATCH"));
        assert!(methods_of("/api/v1/nope").is_empty());
        assert!(methods_of("/api/v1/clients//").is_empty());
    }
}
