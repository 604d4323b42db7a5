//! Contracts as the logged-in client sees them: their own, never a draft. Opening one counts
//! a view; signing records who signed, when, from where, and the SHA-256 of the exact text
//! they read. A staff member viewing the portal as the client can read but neither counts
//! as a view nor signs (the extractor refuses writes of an impersonated session).

use actix_web::http::header::USER_AGENT;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, client_contract, not_found, refused};
use super::model::{ContractStatus, PortalContract, PortalContractList, PortalContractSummary, SignContract};
use super::signature;
use super::store::{self, ListFilter, Signing};
use crate::auth::{Actor, ClientPrincipal};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::client_ip::client_ip;
use crate::http::download;
use crate::i18n::LanguageQuery;
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted, any};
use crate::parties;
use crate::state::AppState;

/// Most contracts the portal list shows.
const LIST_LIMIT: i64 = 200;
/// Longest user agent kept with a signature.
const MAX_USER_AGENT: usize = 500;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_contracts)
        .service(get_portal_contract)
        .service(sign_contract)
        .service(get_portal_contract_pdf);
}

/// Your contracts, newest first: those waiting for your signature, signed and void.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "Your contracts", body = PortalContractList),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/contracts")]
pub async fn list_portal_contracts(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<PortalContractList>, ApiError> {
    let filter = ListFilter {
        statuses: ContractStatus::CLIENT_VISIBLE.to_vec(),
        client_id: Some(who.client_id),
        sent_only: true,
        q: None,
        before_id: None,
        limit: LIST_LIMIT,
    };
    let rows = state.db.read(move |conn| Ok(store::list(conn, &who.tenant_id, &filter)?)).await?;
    Ok(web::Json(PortalContractList {
        items: rows.into_iter().map(|(row, _)| PortalContractSummary::from(row)).collect(),
    }))
}

/// One of your contracts, with its whole text and its `body_sha256` (send it back when you
/// sign). Opening it is recorded, so the business knows you have seen it.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The contract's id")),
    responses(
        (status = 200, description = "The contract", body = PortalContract),
        (status = 404, description = "You have no such contract", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/contracts/{id}")]
pub async fn get_portal_contract(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalContract>, ApiError> {
    let id = id.into_inner();
    let (tenant_id, client_id) = (who.tenant_id.clone(), who.client_id.clone());
    let fetch = move |conn: &mut crate::db::DbConn| -> Result<PortalContract, ApiError> {
        let (row, client) = client_contract(conn, &tenant_id, &client_id, &id)?;
        PortalContract::of(row, client)
    };
    // Staff looking through the client's eyes are not the client reading it.
    if who.impersonated_by.is_some() {
        return Ok(web::Json(state.db.read(fetch).await?));
    }
    let contract = state
        .db
        .write(move |conn| {
            let contract = fetch(conn)?;
            if store::record_view(conn, &who.tenant_id, &who.client_id, &contract.id, now())? {
                let (row, _) = client_contract(conn, &who.tenant_id, &who.client_id, &contract.id)?;
                let actor = Actor::Client { id: who.client_id.clone() };
                actions::record(conn, &actor, &row, "viewed", true, json!({}))?;
            }
            Ok(contract)
        })
        .await?;
    Ok(web::Json(contract))
}

/// Sign a contract sent to you, with your typed name or your drawn signature, and the
/// `body_sha256` of the text you read. Refused (409) if it is already signed, void, or its
/// text changed since you opened it (reload and read it again). Once signed, you and the
/// business are each emailed the signed PDF.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The contract's id")),
    request_body = SignContract,
    responses(
        (status = 200, description = "The contract, signed", body = PortalContract),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such contract", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already signed, void, or the text changed since you read it", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The name, the hash or the signature is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/contracts/{id}/sign")]
pub async fn sign_contract(
    state: web::Data<AppState>,
    req: HttpRequest,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<SignContract>,
) -> Result<web::Json<PortalContract>, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let checked = signature::check(&input.signature)?;
    let hash = input.body_sha256.trim().to_ascii_lowercase();
    if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::validation("body_sha256", "must be the 64 hex digits of the contract's body_sha256"));
    }
    let signer_name = input.signer_name.trim().to_string();
    let ip = client_ip(&req).to_string();
    let user_agent: String = req
        .headers()
        .get(USER_AGENT)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default()
        .chars()
        .take(MAX_USER_AGENT)
        .collect();
    let config = state.config.clone();
    let contract = state
        .db
        .write(move |conn| {
            let (tenant_id, client_id) = (&who.tenant_id, &who.client_id);
            let (_, client) = client_contract(conn, tenant_id, client_id, &id)?;
            let signing = Signing {
                signer_name: &signer_name,
                // The address proved at login, which a later change of the client's email
                // cannot rewrite (older sessions did not keep it: the client's own, then).
                signer_email: who.login_email.as_deref().unwrap_or(&client.email),
                ip: &ip,
                user_agent: &user_agent,
                kind: checked.kind.as_str(),
                signature: &checked.stored,
                sha256: &hash,
                at: now(),
            };
            if store::sign(conn, tenant_id, client_id, &id, &signing)? == 0 {
                let (row, _) = client_contract(conn, tenant_id, client_id, &id)?;
                return Err(match row.status() {
                    ContractStatus::Sent => ApiError::Conflict(format!(
                        "The text of “{}” changed since you opened it: reload it, read it again, then sign.",
                        row.title
                    )),
                    ContractStatus::Signed => ApiError::Conflict(format!(
                        "“{}” is already signed (by {}, {}); it cannot be signed again.",
                        row.title,
                        row.signer_name.as_deref().unwrap_or("you"),
                        row.signed_at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
                    )),
                    ContractStatus::Void => {
                        ApiError::Conflict(format!("“{}” was withdrawn (void) and can no longer be signed.", row.title))
                    }
                    ContractStatus::Draft => not_found(&id),
                });
            }
            let (row, client) = client_contract(conn, tenant_id, client_id, &id)?;
            let actor = Actor::Client { id: client_id.clone() };
            let data = json!({
                "signer_name": row.signer_name,
                "kind": row.signature_kind,
                "signed_sha256": row.signed_sha256,
            });
            actions::record(conn, &actor, &row, "signed", true, data)?;
            let kinds = [NotificationKind::ContractSent, NotificationKind::ContractChanged];
            resolve::acted(
                conn,
                tenant_id,
                client_id,
                Acted { subject_type: "contract", subject_id: &id, kinds: &kinds, about: &any },
            )?;
            actions::email_signed(conn, &config, &row, &client)?;
            PortalContract::of(row, client)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(contract))
}

/// Your signed contract as a PDF: the text, your signature and the audit block. The same
/// bytes the business has.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The contract's id"), LanguageQuery),
    responses(
        (status = 200, description = "The signed PDF, as an attachment named after the contract", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "You have no such contract", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The contract is not signed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/contracts/{id}/pdf")]
pub async fn get_portal_contract_pdf(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (title, bytes) = state
        .db
        .read(move |conn| {
            let (row, client) = client_contract(conn, &who.tenant_id, &who.client_id, &id)?;
            let reader = parties::reader(conn, &row.tenant_id, &row.client_id, lang.lang)?;
            match actions::signed_pdf(conn, &row, &client, reader.language)? {
                Some(bytes) => Ok((row.title, bytes)),
                None => Err(refused(&row, "downloaded as a signed PDF")),
            }
        })
        .await?;
    Ok(download::pdf(&actions::pdf_name(&title), bytes))
}
