//! The portable schema: one `table!` per table, with only the SQL types diesel's
//! `MultiConnection` carries on both backends (Text ids, Timestamp in UTC, Bool).
//! Written by hand to match `migrations/{sqlite,postgres}`; the migration tests keep them honest.

diesel::table! {
    tenants (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        logo_url -> Nullable<Text>,
        primary_color -> Text,
        accent_color -> Text,
        login_title -> Nullable<Text>,
        login_message -> Nullable<Text>,
        custom_domain -> Nullable<Text>,
        timezone -> Text,
        currency -> Text,
        locale -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        mail_from -> Nullable<Text>,
        language -> Text,
        remember_device -> Bool,
    }
}

diesel::table! {
    staff (id) {
        id -> Text,
        tenant_id -> Text,
        email -> Text,
        name -> Text,
        role -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_chosen_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    clients (id) {
        id -> Text,
        tenant_id -> Text,
        email -> Text,
        name -> Text,
        phone -> Nullable<Text>,
        company -> Nullable<Text>,
        notes -> Nullable<Text>,
        status -> Text,
        portal_enabled -> Bool,
        invited_at -> Nullable<Timestamp>,
        last_login_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        email_opt_out -> Bool,
        notifications_read_to -> Nullable<Text>,
        billing_address -> Nullable<Text>,
        tax_id -> Nullable<Text>,
        language -> Nullable<Text>,
        time_zone -> Nullable<Text>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        prefix -> Text,
        hash -> Text,
        scopes -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    activity (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Nullable<Text>,
        actor_kind -> Text,
        actor_id -> Nullable<Text>,
        verb -> Text,
        subject_type -> Text,
        subject_id -> Text,
        data -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    login_codes (id) {
        id -> Text,
        realm -> Text,
        tenant_id -> Nullable<Text>,
        email -> Text,
        code_hmac -> Text,
        link_hash -> Text,
        attempts -> Integer,
        created_at -> Timestamp,
        code_expires_at -> Timestamp,
        link_expires_at -> Timestamp,
        spent_at -> Nullable<Timestamp>,
        client_id -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        tenant_id -> Text,
        kind -> Text,
        subject_id -> Text,
        role -> Nullable<Text>,
        impersonated_by -> Nullable<Text>,
        refresh_hash -> Text,
        refresh_generation -> Integer,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
        login_email -> Nullable<Text>,
        refresh_seed -> Nullable<Text>,
        persistent -> Bool,
    }
}

diesel::table! {
    passkeys (id) {
        id -> Text,
        tenant_id -> Text,
        kind -> Text,
        subject_id -> Text,
        user_handle -> Text,
        credential_id -> Text,
        credential -> Text,
        name -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    passkey_ceremonies (id) {
        id -> Text,
        purpose -> Text,
        realm -> Text,
        tenant_id -> Nullable<Text>,
        kind -> Nullable<Text>,
        subject_id -> Nullable<Text>,
        state -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    rate_limits (bucket) {
        bucket -> Text,
        window_start -> Timestamp,
        hits -> Integer,
        last_hit_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        tenant_id -> Nullable<Text>,
        kind -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        purpose -> Nullable<Text>,
        recipient -> Nullable<Text>,
        bounced -> Bool,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> Text,
        tenant_id -> Text,
        principal -> Text,
        key -> Text,
        fingerprint -> Text,
        status -> Nullable<Integer>,
        content_type -> Nullable<Text>,
        location -> Nullable<Text>,
        body -> Nullable<Binary>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    counters (tenant_id, kind) {
        tenant_id -> Text,
        kind -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    service_orders (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        number -> BigInt,
        title -> Text,
        description -> Nullable<Text>,
        currency -> Text,
        estimated_completion -> Nullable<Date>,
        status -> Text,
        status_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    service_order_lines (id) {
        id -> Text,
        tenant_id -> Text,
        service_order_id -> Text,
        position -> Integer,
        description -> Text,
        quantity -> BigInt,
        unit_price_minor -> BigInt,
    }
}

diesel::table! {
    service_order_events (id) {
        id -> Text,
        tenant_id -> Text,
        service_order_id -> Text,
        status -> Text,
        note -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    services (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        description -> Nullable<Text>,
        duration_minutes -> Integer,
        price_minor -> BigInt,
        currency -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        public_booking -> Bool,
        daily_cap -> Nullable<Integer>,
    }
}

diesel::table! {
    booking_settings (tenant_id) {
        tenant_id -> Text,
        weekly_hours -> Text,
        closed_days -> Text,
        cancellation_cutoff_hours -> Integer,
        slot_step_minutes -> Integer,
        location -> Nullable<Text>,
        updated_at -> Timestamp,
        min_notice_minutes -> Integer,
        max_days_ahead -> Integer,
        buffer_before_minutes -> Integer,
        buffer_after_minutes -> Integer,
        requires_confirmation -> Bool,
        public_booking -> Bool,
        new_client_status -> Text,
        reminder_offsets -> Text,
        sms_notices -> Bool,
    }
}

diesel::table! {
    appointments (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        service_id -> Text,
        staff_id -> Nullable<Text>,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        status -> Text,
        location -> Nullable<Text>,
        notes -> Nullable<Text>,
        cancel_reason -> Nullable<Text>,
        cancelled_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        sequence -> Integer,
    }
}

diesel::table! {
    templates (id) {
        id -> Text,
        tenant_id -> Text,
        kind -> Text,
        name -> Text,
        content -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    appointment_reminders (id) {
        id -> Text,
        tenant_id -> Text,
        appointment_id -> Text,
        offset_minutes -> Integer,
        due_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    calendar_feeds (id) {
        id -> Text,
        tenant_id -> Text,
        owner_kind -> Text,
        owner_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    reviews (id) {
        id -> Text,
        tenant_id -> Text,
        appointment_id -> Text,
        client_id -> Text,
        rating -> Integer,
        text -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        moderated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    projects (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        staff_id -> Nullable<Text>,
        name -> Text,
        description -> Nullable<Text>,
        status -> Text,
        start_date -> Nullable<Date>,
        due_date -> Nullable<Date>,
        client_uploads -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    tasks (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Text,
        title -> Text,
        status -> Text,
        position -> Integer,
        due_date -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deliverables (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Text,
        title -> Text,
        description -> Nullable<Text>,
        status -> Text,
        round -> Integer,
        submitted_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deliverable_events (id) {
        id -> Text,
        tenant_id -> Text,
        deliverable_id -> Text,
        status -> Text,
        comment -> Nullable<Text>,
        actor_kind -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    products (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    files (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Nullable<Text>,
        deliverable_id -> Nullable<Text>,
        product_id -> Nullable<Text>,
        storage_key -> Text,
        name -> Text,
        content_type -> Text,
        size -> BigInt,
        sha256 -> Text,
        client_visible -> Bool,
        uploaded_by_kind -> Text,
        uploaded_by_id -> Nullable<Text>,
        created_at -> Timestamp,
        thumbnail_key -> Nullable<Text>,
        message_id -> Nullable<Text>,
        pending -> Bool,
    }
}

diesel::table! {
    purchases (id) {
        id -> Text,
        tenant_id -> Text,
        product_id -> Text,
        client_id -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    threads (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Text,
        title -> Text,
        created_at -> Timestamp,
        last_message_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> Text,
        tenant_id -> Text,
        thread_id -> Text,
        author_kind -> Text,
        author_id -> Text,
        body -> Text,
        internal -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    thread_reads (thread_id, reader_kind, reader_id) {
        tenant_id -> Text,
        thread_id -> Text,
        reader_kind -> Text,
        reader_id -> Text,
        last_read_id -> Text,
    }
}

diesel::table! {
    time_logs (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Text,
        staff_id -> Nullable<Text>,
        work_date -> Date,
        minutes -> Integer,
        description -> Text,
        billable -> Bool,
        hourly_rate_minor -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    feedback (id) {
        id -> Text,
        tenant_id -> Text,
        project_id -> Text,
        client_id -> Text,
        requested_at -> Timestamp,
        rating -> Nullable<Integer>,
        comment -> Nullable<Text>,
        submitted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    billing_settings (tenant_id) {
        tenant_id -> Text,
        quote_prefix -> Text,
        invoice_prefix -> Text,
        payment_terms_days -> Integer,
        quote_valid_days -> Integer,
        billing_details -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    quotes (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        staff_id -> Nullable<Text>,
        number -> Text,
        revision -> Integer,
        title -> Text,
        notes -> Nullable<Text>,
        currency -> Text,
        subtotal_minor -> BigInt,
        tax_minor -> BigInt,
        total_minor -> BigInt,
        valid_until -> Date,
        status -> Text,
        sent_at -> Nullable<Timestamp>,
        first_viewed_at -> Nullable<Timestamp>,
        last_viewed_at -> Nullable<Timestamp>,
        view_count -> Integer,
        decided_at -> Nullable<Timestamp>,
        decision_comment -> Nullable<Text>,
        project_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        addressee -> Nullable<Text>,
        issuer -> Nullable<Text>,
        project_chosen -> Bool,
    }
}

diesel::table! {
    quote_lines (id) {
        id -> Text,
        tenant_id -> Text,
        quote_id -> Text,
        position -> Integer,
        description -> Text,
        quantity_milli -> BigInt,
        unit_price_minor -> BigInt,
        tax_rate_bp -> Integer,
        discount_bp -> Integer,
        net_minor -> BigInt,
        tax_minor -> BigInt,
    }
}

diesel::table! {
    quote_revisions (id) {
        id -> Text,
        tenant_id -> Text,
        quote_id -> Text,
        revision -> Integer,
        snapshot -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contracts (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        staff_id -> Nullable<Text>,
        title -> Text,
        body -> Text,
        body_sha256 -> Text,
        status -> Text,
        countersign -> Bool,
        sent_at -> Nullable<Timestamp>,
        first_viewed_at -> Nullable<Timestamp>,
        view_count -> Integer,
        signer_name -> Nullable<Text>,
        signer_email -> Nullable<Text>,
        signed_at -> Nullable<Timestamp>,
        signer_ip -> Nullable<Text>,
        signer_user_agent -> Nullable<Text>,
        signature_kind -> Nullable<Text>,
        signature -> Nullable<Text>,
        signed_sha256 -> Nullable<Text>,
        countersigner_id -> Nullable<Text>,
        countersigner_name -> Nullable<Text>,
        countersigned_at -> Nullable<Timestamp>,
        voided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        addressee -> Nullable<Text>,
        issuer -> Nullable<Text>,
    }
}

diesel::table! {
    invoices (id) {
        id -> Text,
        tenant_id -> Text,
        client_id -> Text,
        staff_id -> Nullable<Text>,
        number -> Text,
        title -> Text,
        notes -> Nullable<Text>,
        currency -> Text,
        issue_date -> Date,
        due_date -> Date,
        status -> Text,
        subtotal_minor -> BigInt,
        tax_minor -> BigInt,
        total_minor -> BigInt,
        paid_minor -> BigInt,
        quote_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        first_viewed_at -> Nullable<Timestamp>,
        paid_at -> Nullable<Timestamp>,
        voided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        addressee -> Nullable<Text>,
        issuer -> Nullable<Text>,
    }
}

diesel::table! {
    invoice_lines (id) {
        id -> Text,
        tenant_id -> Text,
        invoice_id -> Text,
        position -> Integer,
        description -> Text,
        quantity_milli -> BigInt,
        unit_price_minor -> BigInt,
        tax_rate_bp -> Integer,
        discount_bp -> Integer,
        net_minor -> BigInt,
        tax_minor -> BigInt,
    }
}

diesel::table! {
    payments (id) {
        id -> Text,
        tenant_id -> Text,
        invoice_id -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        method -> Text,
        reference -> Nullable<Text>,
        provider_ref -> Nullable<Text>,
        received_at -> Timestamp,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    payment_providers (tenant_id, provider) {
        tenant_id -> Text,
        provider -> Text,
        secret_key -> Text,
        webhook_secret -> Nullable<Text>,
        key_hint -> Text,
        enabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    checkout_sessions (id) {
        id -> Text,
        tenant_id -> Text,
        invoice_id -> Text,
        provider -> Text,
        provider_ref -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        checkout_url -> Text,
        status -> Text,
        created_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    payment_events (id) {
        id -> Text,
        tenant_id -> Text,
        provider -> Text,
        event_id -> Text,
        event_type -> Text,
        invoice_id -> Nullable<Text>,
        outcome -> Text,
        detail -> Nullable<Text>,
        received_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        tenant_id -> Text,
        url -> Text,
        description -> Nullable<Text>,
        events -> Text,
        enabled -> Bool,
        secret -> Text,
        failing_since -> Nullable<Timestamp>,
        last_success_at -> Nullable<Timestamp>,
        last_failure_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_messages (id) {
        id -> Text,
        tenant_id -> Text,
        event_type -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        tenant_id -> Text,
        endpoint_id -> Text,
        message_id -> Text,
        event_type -> Text,
        attempt -> Integer,
        status_code -> Nullable<Integer>,
        delivered -> Bool,
        duration_ms -> BigInt,
        error -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    notification_reads (tenant_id, client_id, activity_id) {
        tenant_id -> Text,
        client_id -> Text,
        activity_id -> Text,
        read_at -> Timestamp,
    }
}

diesel::table! {
    forms (id) {
        id -> Text,
        tenant_id -> Text,
        slug -> Text,
        title -> Text,
        description -> Nullable<Text>,
        fields -> Text,
        success_message -> Nullable<Text>,
        enabled -> Bool,
        notify_staff -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    form_submissions (id) {
        id -> Text,
        tenant_id -> Text,
        form_id -> Text,
        client_id -> Text,
        created_lead -> Bool,
        data -> Text,
        ip -> Text,
        user_agent -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(staff -> tenants (tenant_id));
diesel::joinable!(clients -> tenants (tenant_id));
diesel::joinable!(api_keys -> tenants (tenant_id));
diesel::joinable!(activity -> tenants (tenant_id));
diesel::joinable!(sessions -> tenants (tenant_id));
diesel::joinable!(service_orders -> clients (client_id));
diesel::joinable!(appointments -> clients (client_id));
diesel::joinable!(appointment_reminders -> appointments (appointment_id));
diesel::joinable!(appointments -> services (service_id));
diesel::joinable!(appointments -> staff (staff_id));
diesel::joinable!(reviews -> appointments (appointment_id));
diesel::joinable!(projects -> clients (client_id));
diesel::joinable!(tasks -> projects (project_id));
diesel::joinable!(deliverables -> projects (project_id));
diesel::joinable!(threads -> projects (project_id));
diesel::joinable!(messages -> threads (thread_id));
diesel::joinable!(time_logs -> projects (project_id));
diesel::joinable!(feedback -> projects (project_id));
diesel::joinable!(purchases -> products (product_id));
diesel::joinable!(quotes -> clients (client_id));
diesel::joinable!(quote_lines -> quotes (quote_id));
diesel::joinable!(contracts -> clients (client_id));
diesel::joinable!(invoices -> clients (client_id));
diesel::joinable!(invoice_lines -> invoices (invoice_id));
diesel::joinable!(payments -> invoices (invoice_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_deliveries -> webhook_messages (message_id));
diesel::joinable!(form_submissions -> forms (form_id));
diesel::joinable!(form_submissions -> clients (client_id));
diesel::allow_tables_to_appear_in_same_query!(
    tenants,
    idempotency_keys,
    staff,
    clients,
    api_keys,
    activity,
    login_codes,
    sessions,
    rate_limits,
    passkeys,
    passkey_ceremonies,
    outbox,
    counters,
    service_orders,
    service_order_lines,
    service_order_events,
    services,
    booking_settings,
    appointments,
    appointment_reminders,
    calendar_feeds,
    reviews,
    projects,
    tasks,
    deliverables,
    deliverable_events,
    products,
    files,
    purchases,
    threads,
    messages,
    thread_reads,
    time_logs,
    feedback,
    billing_settings,
    quotes,
    quote_lines,
    quote_revisions,
    contracts,
    invoices,
    invoice_lines,
    payments,
    payment_providers,
    checkout_sessions,
    payment_events,
    webhook_endpoints,
    webhook_messages,
    webhook_deliveries,
    notification_reads,
    forms,
    form_submissions
);
