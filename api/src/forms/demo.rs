//! The demo tenant's intake form: "Start a project", at /portal/demo/forms/start-a-project.

use super::fields;
use super::model::{FieldKind, FormField, FormRow};
use super::store;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::tenants::model::TenantRow;

fn field(key: &str, label: &str, kind: FieldKind, required: bool, options: &[&str], help: Option<&str>) -> FormField {
    FormField {
        key: key.into(),
        label: label.into(),
        kind,
        required,
        options: options.iter().map(|o| o.to_string()).collect(),
        help: help.map(str::to_string),
    }
}

pub fn seed(conn: &mut DbConn, tenant: &TenantRow) -> Result<(), ApiError> {
    let definition = vec![
        field("name", "Your name", FieldKind::Text, true, &[], None),
        field("email", "Your email", FieldKind::Email, true, &[], Some("We answer within two working days.")),
        field("company", "Company", FieldKind::Text, false, &[], None),
        field("phone", "Phone", FieldKind::Phone, false, &[], None),
        field(
            "service",
            "What do you need?",
            FieldKind::Select,
            true,
            &["Brand identity", "Website", "Packaging", "Something else"],
            None,
        ),
        field("message", "Tell us about your project", FieldKind::Textarea, true, &[], None),
        field("consent", "You may contact me about this request", FieldKind::Checkbox, true, &[], None),
    ];
    // The demo's own definition passes the same check as staff's.
    let checked = fields::check(definition)?;
    let at = now();
    store::insert(
        conn,
        &FormRow {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            slug: "start-a-project".into(),
            title: "Start a project with us".into(),
            description: Some("A few questions so we can prepare our first conversation.".into()),
            fields: serde_json::to_string(&checked).unwrap_or_default(),
            success_message: Some("Thank you! We will write to you within two working days.".into()),
            enabled: true,
            notify_staff: true,
            created_at: at,
            updated_at: at,
        },
    )?;
    Ok(())
}
