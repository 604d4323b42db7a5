//! Contract endpoints for staff and API keys (`billing:read` to look, `billing:write` to
//! change). Staff write the text, send it, and may void it until the client signs; the
//! countersignature is a person's act, so API keys cannot give it.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, refused, staff_contract};
use super::model::{
    Contract, ContractChanges, ContractListQuery, ContractPage, ContractRow, ContractStatus, ContractSummary,
    CountersignContract, CreateContract, UpdateContract,
};
use super::store::{self, ListFilter};
use crate::auth::otp::sha256_hex;
use crate::auth::{Actor, Caller, Scope};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::download;
use crate::http::page::{PageQuery, next_cursor};
use crate::i18n::LanguageQuery;
use crate::parties;
use crate::staff::store as staff_store;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_contracts)
        .service(create_contract)
        .service(get_contract)
        .service(update_contract)
        .service(send_contract)
        .service(void_contract)
        .service(countersign_contract)
        .service(get_contract_pdf);
}

/// The contract with its client, as staff see it.
pub fn detail(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<Contract, ApiError> {
    let (row, client) = staff_contract(conn, tenant_id, id)?;
    Contract::of(row, client)
}

/// List contracts, newest first, keyset-paginated.
#[utoipa::path(
    tag = "contracts",
    params(ContractListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of contracts", body = ContractPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/contracts")]
pub async fn list_contracts(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ContractListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ContractPage>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses: Vec<&str> =
        ContractStatus::filter("status", query.status.as_deref())?.map(ContractStatus::as_str).into_iter().collect();
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let filter =
        ListFilter { statuses, client_id: query.client_id, sent_only: false, q: query.q, before_id, limit: limit + 1 };
    let mut rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, &filter)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows.into_iter().map(|(row, client_name)| ContractSummary::of(row, client_name)).collect();
    Ok(web::Json(ContractPage { items, next_cursor }))
}

/// Write a contract for a client. It is saved as a draft, which the client cannot see
/// until it is sent.
#[utoipa::path(
    tag = "contracts",
    request_body = CreateContract,
    responses(
        (status = 201, description = "The contract, a draft", body = Contract,
            headers(("Location" = String, description = "URL of the new contract"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client or staff member is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/contracts")]
pub async fn create_contract(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateContract>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let new = body.into_inner();
    let contract = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let client = client_store::get(conn, tenant_id, &new.client_id)?
                .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
            if client.status == ClientStatus::Archived.as_str() {
                return Err(ApiError::Conflict(
                    "The client named in 'client_id' is archived; restore them first.".into(),
                ));
            }
            staff_store::ensure_member(conn, tenant_id, new.staff_id.as_deref())?;
            let at = now();
            let row = ContractRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                client_id: client.id,
                staff_id: new.staff_id,
                title: new.title.trim().to_string(),
                body_sha256: sha256_hex(&new.body),
                body: new.body,
                status: ContractStatus::Draft.as_str().to_string(),
                countersign: new.countersign,
                sent_at: None,
                first_viewed_at: None,
                view_count: 0,
                signer_name: None,
                signer_email: None,
                signed_at: None,
                signer_ip: None,
                signer_user_agent: None,
                signature_kind: None,
                signature: None,
                signed_sha256: None,
                countersigner_id: None,
                countersigner_name: None,
                countersigned_at: None,
                voided_at: None,
                created_at: at,
                updated_at: at,
                addressee: None,
                issuer: None,
            };
            store::insert(conn, &row)?;
            // A draft is staff's business: the entry carries no client id.
            actions::record(conn, &caller.actor, &row, "created", false, json!({}))?;
            detail(conn, tenant_id, &row.id)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/contracts/{}", contract.id))).json(contract))
}

/// One contract, with the client's signature and the audit record once signed.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id")),
    responses(
        (status = 200, description = "The contract", body = Contract),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/contracts/{id}")]
pub async fn get_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Contract>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.read(move |conn| detail(conn, &caller.tenant_id, &id)).await?))
}

/// Change a draft or sent contract: title, text, assignee, whether you countersign.
/// Changing the text of a sent contract changes its `body_sha256`: a client who still has
/// the old text open cannot sign it, and the change is logged. Signed and void contracts
/// no longer change.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id")),
    request_body = UpdateContract,
    responses(
        (status = 200, description = "The contract as changed", body = Contract),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The contract is signed or void", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[patch("/contracts/{id}")]
pub async fn update_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateContract>,
) -> Result<web::Json<Contract>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let contract = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (current, _) = staff_contract(conn, tenant_id, &id)?;
            if !matches!(current.status(), ContractStatus::Draft | ContractStatus::Sent) {
                return Err(refused(&current, "edited"));
            }
            if let Some(staff_id) = &update.staff_id {
                staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
            }
            let fields = update.fields();
            let changes = ContractChanges {
                title: update.title.map(|t| t.trim().to_string()),
                body_sha256: update.body.as_deref().map(sha256_hex),
                body: update.body,
                staff_id: update.staff_id,
                countersign: update.countersign,
                updated_at: now(),
            };
            if store::update(conn, tenant_id, &id, &changes)? == 0 {
                let (now_row, _) = staff_contract(conn, tenant_id, &id)?;
                return Err(refused(&now_row, "edited"));
            }
            let (row, client) = staff_contract(conn, tenant_id, &id)?;
            let text_changed = row.body_sha256 != current.body_sha256;
            if current.status() == ContractStatus::Sent && text_changed {
                let data = json!({
                    "fields": fields,
                    "previous_sha256": current.body_sha256,
                    "body_sha256": row.body_sha256,
                });
                actions::record(conn, &caller.actor, &row, "edited_after_send", true, data)?;
            } else {
                let visible = current.status() != ContractStatus::Draft;
                actions::record(conn, &caller.actor, &row, "updated", visible, json!({ "fields": fields }))?;
            }
            Contract::of(row, client)
        })
        .await?;
    Ok(web::Json(contract))
}

/// Send a draft to the client: it appears in their portal, ready to sign, and they are
/// emailed a link to it.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id")),
    responses(
        (status = 200, description = "The contract, sent", body = Contract),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The contract is not a draft", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/contracts/{id}/send")]
pub async fn send_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Contract>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let config = state.config.clone();
    let contract = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (current, _) = staff_contract(conn, tenant_id, &id)?;
            let frozen = parties::freeze(conn, tenant_id, &current.client_id)?;
            if store::send(conn, tenant_id, &id, now(), frozen)? == 0 {
                return Err(refused(&current, "sent"));
            }
            let (row, client) = staff_contract(conn, tenant_id, &id)?;
            actions::record(conn, &caller.actor, &row, "sent", true, json!({ "body_sha256": row.body_sha256 }))?;
            actions::email_sent(conn, &config, &row)?;
            Contract::of(row, client)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(contract))
}

/// Withdraw a draft or sent contract: it can no longer be signed. A signed contract cannot
/// be voided.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id")),
    responses(
        (status = 200, description = "The contract, void", body = Contract),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The contract is signed or already void", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/contracts/{id}/void")]
pub async fn void_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Contract>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let contract = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (current, _) = staff_contract(conn, tenant_id, &id)?;
            if store::void(conn, tenant_id, &id, now())? == 0 {
                let (now_row, _) = staff_contract(conn, tenant_id, &id)?;
                return Err(refused(&now_row, "voided"));
            }
            let (row, client) = staff_contract(conn, tenant_id, &id)?;
            // Voiding a draft the client never saw stays between staff.
            let visible = current.status() != ContractStatus::Draft;
            actions::record(conn, &caller.actor, &row, "voided", visible, json!({ "from": current.status }))?;
            Contract::of(row, client)
        })
        .await?;
    Ok(web::Json(contract))
}

/// Countersign a contract the client has signed, in your own name. Only for contracts that
/// ask for it (`countersign`), once, and only by a person (an API key gets 403). The
/// countersignature appears in the PDF's audit block.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id")),
    request_body = CountersignContract,
    responses(
        (status = 200, description = "The contract, countersigned", body = Contract),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key, or the credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not signed by the client yet, already countersigned, or no countersignature wanted", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The name is missing, blank or too long", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/contracts/{id}/countersign")]
pub async fn countersign_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CountersignContract>,
) -> Result<web::Json<Contract>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let Actor::Staff { id: staff_id } = caller.actor.clone() else {
        return Err(ApiError::Forbidden("Only a staff member can countersign, not an API key.".into()));
    };
    let id = id.into_inner();
    let name = body.into_inner().name.trim().to_string();
    let contract = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (current, _) = staff_contract(conn, tenant_id, &id)?;
            if store::countersign(conn, tenant_id, &id, &staff_id, &name, now())? == 0 {
                let (row, _) = staff_contract(conn, tenant_id, &id)?;
                return Err(match row.status() {
                    ContractStatus::Signed if row.countersigned_at.is_some() => ApiError::Conflict(format!(
                        "“{}” is already countersigned by {}.",
                        row.title,
                        row.countersigner_name.as_deref().unwrap_or("someone")
                    )),
                    ContractStatus::Signed => ApiError::Conflict(format!(
                        "“{}” does not ask for a countersignature (countersign is off).",
                        row.title
                    )),
                    _ => refused(&current, "countersigned yet"),
                });
            }
            let (row, client) = staff_contract(conn, tenant_id, &id)?;
            actions::record(conn, &caller.actor, &row, "countersigned", true, json!({ "name": name }))?;
            Contract::of(row, client)
        })
        .await?;
    Ok(web::Json(contract))
}

/// The signed contract as a PDF: the text, the signature and the audit block. The same
/// bytes the client downloads.
#[utoipa::path(
    tag = "contracts",
    params(("id" = String, Path, description = "The contract's id"), LanguageQuery),
    responses(
        (status = 200, description = "The signed PDF, as an attachment named after the contract", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such contract in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The contract is not signed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/contracts/{id}/pdf")]
pub async fn get_contract_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    let (title, bytes) = state
        .db
        .read(move |conn| {
            let (row, client) = staff_contract(conn, &caller.tenant_id, &id)?;
            let reader = parties::reader(conn, &row.tenant_id, &row.client_id, lang.lang)?;
            match actions::signed_pdf(conn, &row, &client, reader.language)? {
                Some(bytes) => Ok((row.title, bytes)),
                None => Err(refused(&row, "downloaded as a signed PDF")),
            }
        })
        .await?;
    Ok(download::pdf(&actions::pdf_name(&title), bytes))
}
