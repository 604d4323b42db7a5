//! What an accepted submission does, in one transaction: create the sender as a lead (no
//! portal access until staff convert them); store it; log it; email the owners and admins.
//! A form is anonymous, so an email that belongs to a client proves nothing: the submission
//! never lands on that client's record, it makes a lead marked "email not verified" that
//! names the client it claims to be, for staff to judge.

use serde_json::{Map, Value, json};

use super::model::{FieldKind, FormRow, SubmissionRow};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::i18n::Language;
use crate::mail::templates::{self, Words};
use crate::outbox;
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;
use crate::tr;

/// Longest answer quoted in the staff email, in characters.
const MAIL_QUOTE: usize = 300;

/// Where a submission came from.
pub struct Origin {
    pub ip: String,
    pub user_agent: Option<String>,
}

fn answer<'a>(answers: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    answers.get(key).and_then(Value::as_str)
}

/// A new client from the answers: `name` and `email`, and `phone` or `company` when the
/// form asks for them under those keys.
fn lead(tenant_id: &str, form: &FormRow, answers: &Map<String, Value>) -> ClientRow {
    let fields = form.fields();
    let kind_of = |key: &str| fields.iter().find(|f| f.key == key).map(|f| f.kind);
    let phone = answer(answers, "phone").filter(|_| kind_of("phone") == Some(FieldKind::Phone));
    let company =
        answer(answers, "company").filter(|c| kind_of("company") == Some(FieldKind::Text) && c.chars().count() <= 200);
    let at = now();
    ClientRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        email: answer(answers, "email").unwrap_or_default().to_string(),
        name: answer(answers, "name").unwrap_or_default().to_string(),
        phone: phone.map(str::to_string),
        company: company.map(str::to_string),
        notes: None,
        status: ClientStatus::Lead.as_str().to_string(),
        portal_enabled: false,
        invited_at: None,
        last_login_at: None,
        created_at: at,
        updated_at: at,
        email_opt_out: false,
        billing_address: None,
        tax_id: None,
        language: None,
        time_zone: None,
    }
}

/// Stores a checked submission and does what follows from it. The answers hold a valid
/// `email` and a `name` (`fields::answers` made sure).
pub fn accept(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    form: &FormRow,
    answers: Map<String, Value>,
    origin: Origin,
) -> Result<SubmissionRow, ApiError> {
    let email = answer(&answers, "email").unwrap_or_default().to_string();
    let known = client_store::by_email(conn, &tenant.id, &email)?;
    let lead_status = ClientStatus::Lead.as_str();
    let claimed = known.iter().find(|c| c.status != lead_status).cloned();
    // A lead with this email is this sender again (a lead proves no more than a form does).
    let earlier_lead = known.into_iter().find(|c| c.status == lead_status);
    let created_lead = earlier_lead.is_none();
    let client = match earlier_lead {
        Some(lead) => lead,
        None => {
            let mut row = lead(&tenant.id, form, &answers);
            if let Some(existing) = &claimed {
                row.notes = Some(format!(
                    "Email not verified: sent through the form “{}” with the email of your client {}; \
                     anyone can type an address, so this may not be them.",
                    form.title, existing.name
                ));
            }
            client_store::insert(conn, &row)?;
            row
        }
    };
    let row = SubmissionRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        form_id: form.id.clone(),
        client_id: client.id.clone(),
        created_lead,
        data: Value::Object(answers.clone()).to_string(),
        ip: origin.ip,
        user_agent: origin.user_agent,
        created_at: now(),
    };
    store::insert_submission(conn, &row)?;
    // The visitor acted for themselves; as the client's own doing it notifies nobody in the portal.
    let actor = Actor::Client { id: client.id.clone() };
    if created_lead {
        let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
        let data = json!({ "source": "form", "form_id": form.id, "form_title": form.title });
        events::record(conn, &tenant.id, &actor, "created", subject, data)?;
    }
    let subject = Subject { kind: "form", id: &form.id, client_id: Some(&client.id) };
    let data = json!({
        "title": form.title,
        "submission_id": row.id,
        "created_lead": created_lead,
        "email_verified": false,
        "email_belongs_to": claimed.as_ref().map(|c| &c.id),
    });
    events::record(conn, &tenant.id, &actor, "form_submitted", subject, data)?;
    if form.notify_staff {
        let sender = format!("{} <{}>", answer(&answers, "name").unwrap_or_default(), client.email);
        let who = |lang: Language| match &claimed {
            None if created_lead => tr!(lang, "form-new-lead", sender = &sender),
            None => tr!(lang, "form-lead-again", sender = &sender, name = &client.name),
            Some(existing) => tr!(lang, "form-claimed-email", sender = &sender, name = &existing.name),
        };
        email_staff(conn, config, tenant, form, &client, who, &answers)?;
    }
    Ok(row)
}

/// The owners and admins hear of it (`who` says who sent it), with the answers and a button
/// to the client.
fn email_staff(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    form: &FormRow,
    client: &ClientRow,
    who: impl Fn(Language) -> String,
    answers: &Map<String, Value>,
) -> Result<(), ApiError> {
    let link = config.public(&format!("/app/clients/{}", client.id));
    let brand = tenant.brand();
    for (address, lang) in staff_store::business_addresses(conn, tenant)? {
        let mut lines = vec![who(lang)];
        for field in form.fields().iter().filter(|f| f.key != "name" && f.key != "email") {
            let value = match answers.get(&field.key) {
                Some(Value::Bool(true)) => tr!(lang, "form-yes"),
                Some(Value::Bool(false)) => tr!(lang, "form-no"),
                Some(Value::String(s)) if s.chars().count() > MAIL_QUOTE => {
                    format!("{}…", s.chars().take(MAIL_QUOTE).collect::<String>())
                }
                Some(Value::String(s)) => s.clone(),
                _ => continue,
            };
            lines.push(format!("{}: {value}", field.label));
        }
        let words = Words {
            heading: tr!(lang, "form-submission-heading", title = &form.title),
            lines,
            button: tr!(lang, "form-open-client"),
        };
        let mail = templates::notice(&brand, lang, &address, &words, &link);
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}
