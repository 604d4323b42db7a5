//! Every kind of entry the activity log holds, as `subject.verb`: the list the web app
//! writes a sentence for, and the API tests hold the log to (each test ends by checking that
//! it recorded nothing outside it), so a new verb cannot reach a timeline as a bare word.

/// Sorted, one per (subject type, verb) the domains record.
pub const KINDS: &[&str] = &[
    "api_key.created",
    "api_key.revoked",
    "appointment.booked",
    "appointment.cancelled",
    "appointment.completed",
    "appointment.confirmed",
    "appointment.moved",
    "appointment.no_show",
    "appointment.updated",
    "booking_settings.updated",
    "client.archived",
    "client.created",
    "client.email_changed",
    "client.emailed",
    "client.impersonation_ended",
    "client.impersonation_started",
    "client.invited",
    "client.logged_in",
    "client.logged_out",
    "client.login_link_created",
    "client.login_link_used",
    "client.product_granted",
    "client.profile_updated",
    "client.restored",
    "client.sessions_ended",
    "client.updated",
    "contract.countersigned",
    "contract.created",
    "contract.edited_after_send",
    "contract.sent",
    "contract.signed",
    "contract.updated",
    "contract.viewed",
    "contract.voided",
    "form.created",
    "form.deleted",
    "form.form_submitted",
    "form.updated",
    "invoice.created",
    "invoice.paid",
    "invoice.payment_recorded",
    "invoice.sent",
    "invoice.updated",
    "invoice.viewed",
    "invoice.voided",
    "project.created",
    "project.deliverable_approved",
    "project.deliverable_changes_requested",
    "project.deliverable_created",
    "project.deliverable_reopened",
    "project.deliverable_submitted",
    "project.deliverable_updated",
    "project.feedback_requested",
    "project.feedback_submitted",
    "project.file_uploaded",
    "project.message_posted",
    "project.quote_accepted",
    "project.status_changed",
    "project.updated",
    "quote.acceptance_undone",
    "quote.accepted",
    "quote.changes_requested",
    "quote.created",
    "quote.declined",
    "quote.revised",
    "quote.sent",
    "quote.updated",
    "quote.viewed",
    "review.approved",
    "review.rejected",
    "review.reviewed",
    "service.created",
    "service.updated",
    "service_order.created",
    "service_order.status_changed",
    "service_order.updated",
    "staff.email_changed",
    "staff.invited",
    "staff.logged_in",
    "staff.logged_out",
    "staff.removed",
    "staff.updated",
    "tenant.billing_settings_updated",
    "tenant.created",
    "tenant.payment_provider_removed",
    "tenant.payment_provider_set",
    "tenant.updated",
    "webhook_endpoint.created",
    "webhook_endpoint.deleted",
    "webhook_endpoint.resent",
    "webhook_endpoint.secret_rotated",
    "webhook_endpoint.updated",
];

/// `subject.verb` of an entry.
pub fn kind_of(subject_type: &str, verb: &str) -> String {
    format!("{subject_type}.{verb}")
}

/// Whether the log may hold this entry.
pub fn is_known(subject_type: &str, verb: &str) -> bool {
    KINDS.binary_search(&kind_of(subject_type, verb).as_str()).is_ok()
}

/// How the spec names an entry's kind: the enumeration of [`KINDS`].
pub struct ActivityKind;

impl utoipa::PartialSchema for ActivityKind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::rules::string_enum("`subject_type.verb`: what the entry records.", KINDS.iter().copied())
    }
}

impl utoipa::ToSchema for ActivityKind {}

#[cfg(test)]
mod tests {
    #[test]
    fn kinds_are_sorted_and_unique() {
        assert!(super::KINDS.windows(2).all(|w| w[0] < w[1]), "keep KINDS sorted, without repeats");
        assert!(super::is_known("quote", "sent") && !super::is_known("quote", "exploded"));
    }
}
