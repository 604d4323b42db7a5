//! The benchmark dataset: many businesses of very different sizes (a few large, a long tail of
//! small ones, as on a hosted platform), each with its staff, services, clients and years of
//! appointments, projects with tasks, deliverables and messages, quotes, contracts and
//! invoices, and the activity the portal's timeline reads. Everything derives from the seed and
//! the anchor day, so two runs with the same ones write the same rows.

use std::collections::HashSet;
use std::time::Instant;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::connection::SimpleConnection;

use super::Sizes;
use super::rng::{Rng, apportion};
use super::rows::Table;
use crate::db::{Backend, Db, DbConn};
use crate::error::ApiError;

/// What was written, and how fast.
#[derive(Debug)]
pub struct Report {
    pub tables: Vec<(&'static str, u64)>,
    pub rows: u64,
    pub seconds: f64,
}

impl Report {
    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.seconds.max(0.001)
    }
}

/// Buffered rows are written once this many are pending, in one transaction.
const FLUSH_AT: usize = 60_000;
/// How unequal businesses are: the share of tenant `i` is proportional to `1 / (i + 1)^SKEW`.
const SKEW: f64 = 0.8;

const FIRST: [&str; 32] = [
    "Maria", "James", "Aisha", "Chen", "Olivia", "Mateo", "Fatima", "Lucas", "Amara", "Noah", "Yuki", "Emma", "Kwame",
    "Sofia", "Liam", "Zara", "Ivan", "Chloe", "Omar", "Nina", "Tariq", "Elena", "Diego", "Hana", "Felix", "Ines",
    "Kofi", "Lena", "Ravi", "Mia", "Jonas", "Ada",
];
const LAST: [&str; 32] = [
    "Garcia", "Smith", "Okafor", "Wang", "Müller", "Rossi", "Khan", "Dubois", "Silva", "Kim", "Novak", "Jensen",
    "Mensah", "Costa", "Nguyen", "Haddad", "Ivanova", "Larsen", "Sato", "Fischer", "Adeyemi", "Moreau", "Lopez",
    "Berg", "O'Brien", "Schmidt", "Petrov", "Ali", "Martin", "Weber", "Cohen", "Tanaka",
];
const COMPANIES: [&str; 8] = ["Acme", "Northwind", "Blue Fern", "Copper & Co", "Lumen", "Atlas", "Harbor", "Pine"];
const ZONES: [(&str, &str); 6] = [
    ("Europe/Berlin", "EUR"),
    ("America/New_York", "USD"),
    ("Europe/London", "GBP"),
    ("Africa/Lagos", "NGN"),
    ("UTC", "EUR"),
    ("Asia/Tokyo", "JPY"),
];
const SERVICES: [(&str, i64, i64); 3] =
    [("Consultation", 30, 4_000), ("Session", 60, 9_000), ("Workshop", 120, 25_000)];
const PROJECTS: [&str; 10] = [
    "Website redesign",
    "Brand identity",
    "Kitchen renovation",
    "Tax return",
    "Wedding photos",
    "Mobile app",
    "Garden plan",
    "Annual audit",
    "Product launch",
    "Office move",
];
const TASKS: [&str; 8] = ["Kick-off call", "Draft", "Review", "Revisions", "Sign-off", "Research", "Build", "Handover"];
const LINES: [&str; 6] = ["Design work", "Consulting hours", "Materials", "Travel", "Licence", "Support plan"];
const MESSAGES: [&str; 6] = [
    "Thanks, that looks great.",
    "Could we move the review to Thursday?",
    "I have attached the latest draft for your comments.",
    "Quick question about the invoice: is VAT included?",
    "All done on our side; let us know what you think.",
    "Can you send me the signed copy again?",
];

/// Fills an empty database. Refuses one that holds a tenant already: a benchmark compares
/// like with like.
pub fn run(db: &Db, sizes: &Sizes, seed: u64, anchor: NaiveDate) -> Result<Report, ApiError> {
    sizes.check().map_err(ApiError::BadRequest)?;
    let existing = db.read_sync(|conn| Ok(crate::tenants::store::count(conn)?))?;
    if existing > 0 {
        return Err(ApiError::Conflict(format!(
            "the database already holds {existing} tenant(s); seed-bench fills an empty one"
        )));
    }
    let started = Instant::now();
    let superuser = db.backend() == Backend::Postgres && db.read_sync(|conn| Ok(is_superuser(conn)))?;
    let mut generator = Generator::new(seed, anchor, db.backend(), superuser);
    let shares = Shares::new(sizes);
    for t in 0..sizes.tenants {
        generator.tenant(t, &shares);
        if generator.tables.pending() >= FLUSH_AT {
            generator.flush(db, started)?;
        }
    }
    generator.flush(db, started)?;
    if db.backend() == Backend::Postgres {
        // Fresh statistics, so the first queries are planned like the hundredth.
        db.read_sync(|conn| Ok(conn.batch_execute("ANALYZE")?))?;
    }
    let tables: Vec<(&'static str, u64)> =
        generator.tables.in_order().into_iter().map(|t| (t.name, t.written)).collect();
    let rows = tables.iter().map(|(_, n)| n).sum();
    Ok(Report { tables, rows, seconds: started.elapsed().as_secs_f64() })
}

#[derive(diesel::QueryableByName)]
struct Flag {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    yes: bool,
}

fn is_superuser(conn: &mut DbConn) -> bool {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT current_setting('is_superuser') = 'on' AS yes")
        .get_result::<Flag>(conn)
        .map(|f| f.yes)
        .unwrap_or(false)
}

/// How many of each thing every tenant gets.
struct Shares {
    clients: Vec<usize>,
    appointments: Vec<usize>,
    projects: Vec<usize>,
    tasks: Vec<usize>,
    invoices: Vec<usize>,
    messages: Vec<usize>,
}

impl Shares {
    fn new(sizes: &Sizes) -> Shares {
        let weights: Vec<f64> = (0..sizes.tenants).map(|i| 1.0 / ((i + 1) as f64).powf(SKEW)).collect();
        let clients = apportion(sizes.clients, &weights);
        let by_clients: Vec<f64> = clients.iter().map(|&c| c as f64).collect();
        let projects = apportion(sizes.projects, &by_clients);
        // Tasks and messages live in projects: a tenant without projects gets none.
        let by_projects: Vec<f64> = projects.iter().map(|&p| p as f64).collect();
        Shares {
            appointments: apportion(sizes.appointments, &by_clients),
            tasks: apportion(sizes.tasks, &by_projects),
            invoices: apportion(sizes.invoices, &by_clients),
            messages: apportion(sizes.messages, &by_projects),
            projects,
            clients,
        }
    }
}

/// Every table the dataset writes, in an order where parents come before children.
struct Tables {
    tenants: Table,
    staff: Table,
    services: Table,
    clients: Table,
    appointments: Table,
    projects: Table,
    tasks: Table,
    deliverables: Table,
    threads: Table,
    messages: Table,
    quotes: Table,
    quote_lines: Table,
    contracts: Table,
    invoices: Table,
    invoice_lines: Table,
    activity: Table,
    counters: Table,
}

impl Tables {
    fn new() -> Tables {
        let stamps = ["created_at", "updated_at"];
        let with = |cols: &[&'static str]| -> Vec<&'static str> { cols.iter().chain(stamps.iter()).copied().collect() };
        Tables {
            tenants: Table::new("tenants", &with(&["id", "slug", "name", "timezone", "currency"])),
            staff: Table::new("staff", &with(&["id", "tenant_id", "email", "name", "role"])),
            services: Table::new(
                "services",
                &with(&["id", "tenant_id", "name", "duration_minutes", "price_minor", "currency"]),
            ),
            clients: Table::new(
                "clients",
                &with(&[
                    "id",
                    "tenant_id",
                    "email",
                    "name",
                    "phone",
                    "company",
                    "status",
                    "portal_enabled",
                    "last_login_at",
                ]),
            ),
            appointments: Table::new(
                "appointments",
                &with(&[
                    "id",
                    "tenant_id",
                    "client_id",
                    "service_id",
                    "staff_id",
                    "starts_at",
                    "ends_at",
                    "status",
                    "cancel_reason",
                    "cancelled_by",
                ]),
            ),
            projects: Table::new(
                "projects",
                &with(&[
                    "id",
                    "tenant_id",
                    "client_id",
                    "staff_id",
                    "name",
                    "description",
                    "status",
                    "start_date",
                    "due_date",
                ]),
            ),
            tasks: Table::new(
                "tasks",
                &with(&["id", "tenant_id", "project_id", "title", "status", "position", "due_date"]),
            ),
            deliverables: Table::new(
                "deliverables",
                &with(&["id", "tenant_id", "project_id", "title", "status", "round", "submitted_at", "decided_at"]),
            ),
            threads: Table::new(
                "threads",
                &["id", "tenant_id", "project_id", "title", "created_at", "last_message_at"],
            ),
            messages: Table::new(
                "messages",
                &["id", "tenant_id", "thread_id", "author_kind", "author_id", "body", "internal", "created_at"],
            ),
            quotes: Table::new(
                "quotes",
                &with(&[
                    "id",
                    "tenant_id",
                    "client_id",
                    "staff_id",
                    "number",
                    "title",
                    "currency",
                    "subtotal_minor",
                    "tax_minor",
                    "total_minor",
                    "valid_until",
                    "status",
                    "sent_at",
                    "first_viewed_at",
                    "view_count",
                    "decided_at",
                ]),
            ),
            quote_lines: Table::new("quote_lines", &LINE_COLUMNS.map(|c| if c == "doc_id" { "quote_id" } else { c })),
            contracts: Table::new(
                "contracts",
                &with(&[
                    "id",
                    "tenant_id",
                    "client_id",
                    "staff_id",
                    "title",
                    "body",
                    "body_sha256",
                    "status",
                    "sent_at",
                    "first_viewed_at",
                    "view_count",
                    "signer_name",
                    "signer_email",
                    "signed_at",
                    "signature_kind",
                    "signature",
                    "signed_sha256",
                    "voided_at",
                ]),
            ),
            invoices: Table::new(
                "invoices",
                &with(&[
                    "id",
                    "tenant_id",
                    "client_id",
                    "staff_id",
                    "number",
                    "title",
                    "currency",
                    "issue_date",
                    "due_date",
                    "status",
                    "subtotal_minor",
                    "tax_minor",
                    "total_minor",
                    "paid_minor",
                    "sent_at",
                    "paid_at",
                    "voided_at",
                ]),
            ),
            invoice_lines: Table::new(
                "invoice_lines",
                &LINE_COLUMNS.map(|c| if c == "doc_id" { "invoice_id" } else { c }),
            ),
            activity: Table::new(
                "activity",
                &[
                    "id",
                    "tenant_id",
                    "client_id",
                    "actor_kind",
                    "actor_id",
                    "verb",
                    "subject_type",
                    "subject_id",
                    "data",
                    "at",
                ],
            ),
            counters: Table::new("counters", &["tenant_id", "kind", "value"]),
        }
    }

    fn in_order(&mut self) -> [&mut Table; 17] {
        [
            &mut self.tenants,
            &mut self.staff,
            &mut self.services,
            &mut self.clients,
            &mut self.appointments,
            &mut self.projects,
            &mut self.tasks,
            &mut self.deliverables,
            &mut self.threads,
            &mut self.messages,
            &mut self.quotes,
            &mut self.quote_lines,
            &mut self.contracts,
            &mut self.invoices,
            &mut self.invoice_lines,
            &mut self.activity,
            &mut self.counters,
        ]
    }

    fn pending(&mut self) -> usize {
        self.in_order().iter().map(|t| t.pending()).sum()
    }
}

const LINE_COLUMNS: [&str; 10] = [
    "id",
    "tenant_id",
    "doc_id",
    "position",
    "description",
    "quantity_milli",
    "unit_price_minor",
    "tax_rate_bp",
    "net_minor",
    "tax_minor",
];

/// One tenant's people, as later rows refer to them.
struct Business {
    id: String,
    slug: String,
    currency: &'static str,
    owner: String,
    staff: Vec<String>,
    services: Vec<(String, &'static str, i64)>,
    clients: Vec<Person>,
}

struct Person {
    id: String,
    name: String,
    email: String,
}

struct Project {
    id: String,
    client: usize,
    name: String,
    created: NaiveDateTime,
    status: &'static str,
}

struct Generator {
    rng: Rng,
    tables: Tables,
    /// Midnight UTC of the anchor day: "now" for the data.
    now: NaiveDateTime,
    today: NaiveDate,
    backend: Backend,
    written_before: u64,
    /// PostgreSQL lets this session skip foreign key triggers.
    superuser: bool,
}

fn at(day: NaiveDate, minutes: i64) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or_default() + TimeDelta::minutes(minutes)
}

/// An email-friendly form of a name: `Müller` → `muller`, `O'Brien` → `obrien`.
fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| if c == 'ü' { 'u' } else { c.to_ascii_lowercase() })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn rfc3339(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A line's net and tax: quantity in thousandths, half away from zero (plausible figures
/// are all the bench needs).
fn line_amounts(quantity_milli: i64, unit_minor: i64, rate_bp: i64) -> (i64, i64) {
    let net = (quantity_milli * unit_minor + 500) / 1000;
    (net, (net * rate_bp + 5_000) / 10_000)
}

impl Generator {
    fn new(seed: u64, anchor: NaiveDate, backend: Backend, superuser: bool) -> Generator {
        Generator {
            rng: Rng::new(seed),
            tables: Tables::new(),
            now: at(anchor, 0),
            today: anchor,
            backend,
            written_before: 0,
            superuser,
        }
    }

    fn flush(&mut self, db: &Db, started: Instant) -> Result<(), ApiError> {
        let backend = self.backend;
        let superuser = self.superuser;
        let tables = &mut self.tables;
        db.write_sync(|conn: &mut DbConn| {
            if backend == Backend::Postgres {
                // Losing the last moments of a crash is fine for a dataset we can regenerate.
                conn.batch_execute("SET LOCAL synchronous_commit = off")?;
                // Our rows are consistent by construction: skip the per-row foreign key
                // triggers when allowed (a superuser, as in `make bench`); they cost more than
                // the inserts themselves.
                if superuser {
                    conn.batch_execute("SET LOCAL session_replication_role = replica")?;
                }
            }
            for table in tables.in_order() {
                table.flush(conn)?;
            }
            Ok(())
        })?;
        let written: u64 = self.tables.in_order().iter().map(|t| t.written).sum();
        if written > self.written_before {
            let secs = started.elapsed().as_secs_f64();
            eprintln!("  {written:>10} rows  {:>7.1} s  {:>8.0} rows/s", secs, written as f64 / secs.max(0.001));
        }
        self.written_before = written;
        Ok(())
    }

    /// A moment in the last `days` days before the anchor, during working hours.
    fn past(&mut self, min_days: i64, max_days: i64) -> NaiveDateTime {
        let day = self.today - TimeDelta::days(self.rng.between(min_days, max_days));
        at(day, self.rng.between(16, 38) * 30)
    }

    fn tenant(&mut self, t: usize, shares: &Shares) {
        let created = self.past(700, 1500);
        let (timezone, currency) = ZONES[t % ZONES.len()];
        let mut biz = Business {
            id: self.rng.id_at(created),
            slug: format!("bench-{:04}", t + 1),
            currency,
            owner: String::new(),
            staff: Vec::new(),
            services: Vec::new(),
            clients: Vec::new(),
        };
        let name = format!("{} Studio {}", self.rng.pick(&COMPANIES), t + 1);
        self.tables
            .tenants
            .row()
            .text(&biz.id)
            .text(&biz.slug)
            .text(&name)
            .text(timezone)
            .text(currency)
            .at(created)
            .at(created)
            .end();

        let n_clients = shares.clients[t];
        let n_staff = 1 + (n_clients / 400).min(7);
        for s in 0..n_staff {
            let id = self.rng.id_at(created + TimeDelta::minutes(s as i64));
            let role = match s {
                0 => "owner",
                1 => "admin",
                _ => "member",
            };
            let person = format!("{} {}", self.rng.pick(&FIRST), self.rng.pick(&LAST));
            let email = format!("staff{}@{}.example", s + 1, biz.slug);
            self.tables
                .staff
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&email)
                .text(&person)
                .text(role)
                .at(created)
                .at(created)
                .end();
            biz.staff.push(id);
        }
        biz.owner = biz.staff[0].clone();
        for (name, minutes, price) in SERVICES {
            let id = self.rng.id_at(created);
            self.tables
                .services
                .row()
                .text(&id)
                .text(&biz.id)
                .text(name)
                .int(minutes)
                .int(price)
                .text(currency)
                .at(created)
                .at(created)
                .end();
            biz.services.push((id, name, minutes));
        }
        for c in 0..n_clients {
            let joined = self.past(30, 1000);
            let (first, last) = (*self.rng.pick(&FIRST), *self.rng.pick(&LAST));
            let person = Person {
                id: self.rng.id_at(joined),
                name: format!("{first} {last}"),
                email: format!("{}.{}{}@example.com", first.to_lowercase(), ascii(last), c + 1),
            };
            let status = match self.rng.unit() {
                u if u < 0.90 => "active",
                u if u < 0.96 => "lead",
                _ => "archived",
            };
            let company = self.rng.chance(0.3).then(|| *self.rng.pick(&COMPANIES));
            let login = self.rng.chance(0.7).then(|| self.past(0, 90));
            let phone = format!("+4915{:09}", self.rng.between(0, 999_999_999));
            self.tables
                .clients
                .row()
                .text(&person.id)
                .text(&biz.id)
                .text(&person.email)
                .text(&person.name)
                .text(&phone)
                .opt_text(company)
                .text(status)
                .bool(status != "lead")
                .opt_at(login)
                .at(joined)
                .at(joined)
                .end();
            biz.clients.push(person);
        }
        if biz.clients.is_empty() {
            return;
        }
        self.appointments(&biz, shares.appointments[t]);
        let projects = self.projects(&biz, shares.projects[t], shares.tasks[t]);
        self.messages(&biz, &projects, shares.messages[t]);
        self.quotes(&biz, shares.invoices[t] / 4);
        self.contracts(&biz, shares.invoices[t] / 10);
        self.invoices(&biz, shares.invoices[t]);
    }

    fn activity(
        &mut self,
        biz: &Business,
        client: usize,
        verb: &str,
        subject: (&str, &str),
        data: &str,
        when: NaiveDateTime,
    ) {
        let id = self.rng.id_at(when);
        self.tables
            .activity
            .row()
            .text(&id)
            .text(&biz.id)
            .text(&biz.clients[client].id)
            .text("staff")
            .text(&biz.owner)
            .text(verb)
            .text(subject.0)
            .text(subject.1)
            .text(data)
            .at(when)
            .end();
    }

    /// Nine in ten in the past two years, done with; the rest booked over the coming weeks,
    /// never two live ones for one staff member at the same start (the table forbids it).
    fn appointments(&mut self, biz: &Business, count: usize) {
        let mut taken: HashSet<(usize, i64)> = HashSet::new();
        for _ in 0..count {
            let client = self.rng.skewed(biz.clients.len());
            let service = self.rng.below(biz.services.len());
            let (service_id, service_name, minutes) =
                (&biz.services[service].0, biz.services[service].1, biz.services[service].2);
            let mut staff = Some(self.rng.below(biz.staff.len()));
            let upcoming = self.rng.chance(0.1);
            let (starts, status) = if upcoming {
                let mut slot = None;
                for _ in 0..20 {
                    // 60 days × 24 half-hour slots from 08:00.
                    let s = self.rng.between(0, 60 * 24 - 1);
                    if taken.insert((staff.unwrap_or(0), s)) {
                        slot = Some(s);
                        break;
                    }
                }
                let s = slot.unwrap_or_else(|| {
                    staff = None;
                    self.rng.between(0, 60 * 24 - 1)
                });
                let start = at(self.today + TimeDelta::days(1 + s / 24), 8 * 60 + (s % 24) * 30);
                (start, if self.rng.chance(0.75) { "confirmed" } else { "pending" })
            } else {
                let status = match self.rng.unit() {
                    u if u < 0.80 => "completed",
                    u if u < 0.92 => "cancelled",
                    _ => "no_show",
                };
                (self.past(1, 730), status)
            };
            let booked = starts - TimeDelta::days(self.rng.between(1, 30));
            let id = self.rng.id_at(booked);
            let cancelled = status == "cancelled";
            self.tables
                .appointments
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&biz.clients[client].id)
                .text(service_id)
                .opt_text(staff.map(|s| biz.staff[s].as_str()))
                .at(starts)
                .at(starts + TimeDelta::minutes(minutes))
                .text(status)
                .opt_text(cancelled.then_some("Schedule conflict"))
                .opt_text(cancelled.then_some("client"))
                .at(booked)
                .at(booked)
                .end();
            if upcoming || self.rng.chance(0.1) {
                let data = format!(
                    r#"{{"starts_at":"{}","service_name":"{service_name}","status":"{status}"}}"#,
                    rfc3339(starts)
                );
                self.activity(biz, client, "booked", ("appointment", &id), &data, booked);
            }
        }
    }

    fn projects(&mut self, biz: &Business, count: usize, tasks: usize) -> Vec<Project> {
        let mut projects = Vec::with_capacity(count);
        for p in 0..count {
            let client = self.rng.skewed(biz.clients.len());
            let created = self.past(5, 700);
            let status = match self.rng.unit() {
                u if u < 0.35 => "active",
                u if u < 0.45 => "planned",
                u if u < 0.50 => "on_hold",
                u if u < 0.90 => "completed",
                _ => "cancelled",
            };
            let name = format!("{} #{}", self.rng.pick(&PROJECTS), p + 1);
            let id = self.rng.id_at(created);
            let start = created.date();
            let due = start + TimeDelta::days(self.rng.between(14, 120));
            self.tables
                .projects
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&biz.clients[client].id)
                .text(&biz.owner)
                .text(&name)
                .text("Scope, milestones and deliverables as agreed.")
                .text(status)
                .date(start)
                .date(due)
                .at(created)
                .at(created)
                .end();
            let data = format!(r#"{{"name":"{name}"}}"#);
            self.activity(biz, client, "created", ("project", &id), &data, created);
            projects.push(Project { id, client, name, created, status });
        }
        let per = tasks.checked_div(count).unwrap_or(0);
        let extra = tasks - per * count;
        for (p, project) in projects.iter().enumerate() {
            let n = per + usize::from(p < extra);
            for position in 0..n {
                let status = if project.status == "completed" {
                    "done"
                } else {
                    *self.rng.pick(&["todo", "todo", "in_progress", "review", "done", "done"])
                };
                let id = self.rng.id_at(project.created + TimeDelta::minutes(position as i64));
                let title = format!("{} {}", self.rng.pick(&TASKS), position + 1);
                let due = project.created.date() + TimeDelta::days(7 * (position as i64 + 1));
                self.tables
                    .tasks
                    .row()
                    .text(&id)
                    .text(&biz.id)
                    .text(&project.id)
                    .text(&title)
                    .text(status)
                    .int(position as i64)
                    .date(due)
                    .at(project.created)
                    .at(project.created)
                    .end();
            }
            self.deliverable(biz, project);
        }
        projects
    }

    /// One deliverable per project: approved when the project is done, waiting for the
    /// client in a third of the running ones.
    fn deliverable(&mut self, biz: &Business, project: &Project) {
        let when = (project.created + TimeDelta::days(self.rng.between(3, 40))).min(self.now);
        let (status, round, submitted, decided) = match project.status {
            "completed" => ("approved", 1, Some(when), Some(when + TimeDelta::hours(20))),
            "active" if self.rng.chance(0.3) => ("submitted", 1, Some(when), None),
            _ => ("in_progress", 0, None, None),
        };
        let id = self.rng.id_at(project.created);
        let title = "Final files";
        self.tables
            .deliverables
            .row()
            .text(&id)
            .text(&biz.id)
            .text(&project.id)
            .text(title)
            .text(status)
            .int(round)
            .opt_at(submitted)
            .opt_at(decided)
            .at(project.created)
            .at(decided.or(submitted).unwrap_or(project.created))
            .end();
        if let Some(at) = submitted {
            let data = format!(r#"{{"name":"{}","title":"{title}"}}"#, project.name);
            self.activity(biz, project.client, "deliverable_submitted", ("project", &project.id), &data, at);
        }
    }

    /// One thread per project; the busiest projects get most of the messages.
    fn messages(&mut self, biz: &Business, projects: &[Project], count: usize) {
        if projects.is_empty() {
            return;
        }
        let threads: Vec<String> = projects.iter().map(|p| self.rng.id_at(p.created)).collect();
        let mut last: Vec<NaiveDateTime> = projects.iter().map(|p| p.created).collect();
        let mut rows = Vec::with_capacity(count);
        for _ in 0..count {
            let p = self.rng.skewed(projects.len());
            let when = (projects[p].created + TimeDelta::minutes(self.rng.between(10, 60 * 24 * 60))).min(self.now);
            last[p] = last[p].max(when);
            rows.push((p, when));
        }
        for (p, project) in projects.iter().enumerate() {
            self.tables
                .threads
                .row()
                .text(&threads[p])
                .text(&biz.id)
                .text(&project.id)
                .text("General")
                .at(project.created)
                .at(last[p])
                .end();
        }
        for (p, when) in rows {
            let from_client = self.rng.chance(0.5);
            let (kind, author) = if from_client {
                ("client", biz.clients[projects[p].client].id.as_str())
            } else {
                ("staff", biz.owner.as_str())
            };
            let internal = !from_client && self.rng.chance(0.15);
            let id = self.rng.id_at(when);
            let body = *self.rng.pick(&MESSAGES);
            self.tables
                .messages
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&threads[p])
                .text(kind)
                .text(author)
                .text(body)
                .bool(internal)
                .at(when)
                .end();
        }
    }

    /// Lines of a quote or an invoice; returns subtotal and tax.
    fn lines(&mut self, biz: &Business, doc: &str, quote: bool, count: usize) -> (i64, i64) {
        let (mut subtotal, mut tax) = (0, 0);
        for position in 0..count {
            let quantity = *self.rng.pick(&[500i64, 1000, 1000, 1500, 2000, 3000]);
            let unit = self.rng.between(20, 500) * 100;
            let rate = *self.rng.pick(&[0i64, 700, 1900, 2000]);
            let (net, line_tax) = line_amounts(quantity, unit, rate);
            subtotal += net;
            tax += line_tax;
            let id = self.rng.id_at(self.now);
            let description = *self.rng.pick(&LINES);
            let table = if quote { &mut self.tables.quote_lines } else { &mut self.tables.invoice_lines };
            table
                .row()
                .text(&id)
                .text(&biz.id)
                .text(doc)
                .int(position as i64)
                .text(description)
                .int(quantity)
                .int(unit)
                .int(rate)
                .int(net)
                .int(line_tax)
                .end();
        }
        (subtotal, tax)
    }

    /// Document dates, oldest first: numbers follow creation order within a year.
    fn dates(&mut self, count: usize) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = (0..count).map(|_| self.past(0, 720).date()).collect();
        days.sort();
        days
    }

    fn counter(&mut self, biz: &Business, kind: &str, counts: &[(i32, i64)]) {
        for (year, n) in counts {
            self.tables.counters.row().text(&biz.id).text(&format!("{kind}-{year}")).int(*n).end();
        }
    }

    /// Next number in the document's year, keeping the per-year counts for `counters`.
    fn number(counts: &mut Vec<(i32, i64)>, prefix: &str, year: i32) -> String {
        match counts.last_mut() {
            Some((y, n)) if *y == year => *n += 1,
            _ => counts.push((year, 1)),
        }
        crate::money::numbering::format(prefix, year, counts.last().map(|c| c.1).unwrap_or(1))
    }

    fn quotes(&mut self, biz: &Business, count: usize) {
        let mut counts = Vec::new();
        for day in self.dates(count) {
            let created = at(day, 9 * 60);
            let id = self.rng.id_at(created);
            let number = Self::number(&mut counts, "Q", day.year());
            let client = self.rng.skewed(biz.clients.len());
            let status = match self.rng.unit() {
                u if u < 0.40 => "accepted",
                u if u < 0.65 => "sent",
                u if u < 0.75 => "declined",
                u if u < 0.90 => "draft",
                _ => "changes_requested",
            };
            let n_lines = self.rng.between(1, 3) as usize;
            let (subtotal, tax) = self.lines(biz, &id, true, n_lines);
            let sent = (status != "draft").then_some(created + TimeDelta::hours(1));
            let viewed = sent.filter(|_| status != "sent" || self.rng.chance(0.5)).map(|s| s + TimeDelta::hours(5));
            let decided =
                matches!(status, "accepted" | "declined" | "changes_requested").then_some(created + TimeDelta::days(2));
            let title = format!("{} proposal", self.rng.pick(&PROJECTS));
            self.tables
                .quotes
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&biz.clients[client].id)
                .text(&biz.owner)
                .text(&number)
                .text(&title)
                .text(biz.currency)
                .int(subtotal)
                .int(tax)
                .int(subtotal + tax)
                .date(day + TimeDelta::days(30))
                .text(status)
                .opt_at(sent)
                .opt_at(viewed)
                .int(i64::from(viewed.is_some()))
                .opt_at(decided)
                .at(created)
                .at(decided.unwrap_or(created))
                .end();
        }
        self.counter(biz, "quote", &counts);
    }

    fn contracts(&mut self, biz: &Business, count: usize) {
        let body = "# Service agreement\n\nThe studio delivers the work described in the quote.\n\n\
                    Payment is due within 14 days of each invoice.";
        let sha = crate::auth::otp::sha256_hex(body);
        for _ in 0..count {
            let created = self.past(1, 700);
            let id = self.rng.id_at(created);
            let client = self.rng.skewed(biz.clients.len());
            let status = match self.rng.unit() {
                u if u < 0.5 => "signed",
                u if u < 0.8 => "sent",
                u if u < 0.9 => "draft",
                _ => "void",
            };
            let sent = (status != "draft").then_some(created + TimeDelta::hours(1));
            let signed = (status == "signed").then_some(created + TimeDelta::days(1));
            let person = &biz.clients[client];
            self.tables
                .contracts
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&person.id)
                .text(&biz.owner)
                .text("Service agreement")
                .text(body)
                .text(&sha)
                .text(status)
                .opt_at(sent)
                .opt_at(signed.or(sent.filter(|_| self.rng.chance(0.5))))
                .int(i64::from(signed.is_some()))
                .opt_text(signed.map(|_| person.name.as_str()))
                .opt_text(signed.map(|_| person.email.as_str()))
                .opt_at(signed)
                .opt_text(signed.map(|_| "typed"))
                .opt_text(signed.map(|_| person.name.as_str()))
                // The text never changed after signing: the signed hash is the body's.
                .opt_text(signed.map(|_| sha.as_str()))
                .opt_at((status == "void").then_some(created + TimeDelta::days(3)))
                .at(created)
                .at(signed.unwrap_or(created))
                .end();
        }
    }

    /// Old invoices are mostly paid; recent ones are still open, some overdue.
    fn invoices(&mut self, biz: &Business, count: usize) {
        let mut counts = Vec::new();
        for day in self.dates(count) {
            let created = at(day, 10 * 60);
            let id = self.rng.id_at(created);
            let number = Self::number(&mut counts, "INV", day.year());
            let client = self.rng.skewed(biz.clients.len());
            let recent = (self.today - day).num_days() < 45;
            let status = match (recent, self.rng.unit()) {
                (false, u) if u < 0.80 => "paid",
                (false, u) if u < 0.88 => "void",
                (false, u) if u < 0.90 => "partially_paid",
                (false, _) => "sent",
                (true, u) if u < 0.50 => "sent",
                (true, u) if u < 0.80 => "paid",
                (true, u) if u < 0.95 => "draft",
                (true, _) => "partially_paid",
            };
            let n_lines = self.rng.between(1, 4) as usize;
            let (subtotal, tax) = self.lines(biz, &id, false, n_lines);
            let total = subtotal + tax;
            let paid = match status {
                "paid" => total,
                "partially_paid" => total / 2,
                _ => 0,
            };
            let sent = (status != "draft").then_some(created + TimeDelta::hours(1));
            let paid_at = (status == "paid").then_some(created + TimeDelta::days(self.rng.between(1, 20)));
            let voided = (status == "void").then_some(created + TimeDelta::days(2));
            self.tables
                .invoices
                .row()
                .text(&id)
                .text(&biz.id)
                .text(&biz.clients[client].id)
                .text(&biz.owner)
                .text(&number)
                .text("Services rendered")
                .text(biz.currency)
                .date(day)
                .date(day + TimeDelta::days(14))
                .text(status)
                .int(subtotal)
                .int(tax)
                .int(total)
                .int(paid)
                .opt_at(sent)
                .opt_at(paid_at)
                .opt_at(voided)
                .at(created)
                .at(paid_at.or(voided).unwrap_or(created))
                .end();
        }
        self.counter(biz, "invoice", &counts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_and_are_skewed() {
        let sizes = Sizes::small();
        let shares = Shares::new(&sizes);
        assert_eq!(shares.clients.iter().sum::<usize>(), sizes.clients);
        assert_eq!(shares.appointments.iter().sum::<usize>(), sizes.appointments);
        assert_eq!(shares.tasks.iter().sum::<usize>(), sizes.tasks);
        assert_eq!(shares.messages.iter().sum::<usize>(), sizes.messages);
        assert!(shares.clients[0] > 4 * shares.clients[sizes.tenants - 1]);
    }

    #[test]
    fn same_seed_same_rows() {
        let sizes = Sizes::small();
        let shares = Shares::new(&sizes);
        let anchor = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let sql = |seed| {
            let mut g = Generator::new(seed, anchor, Backend::Sqlite, false);
            g.tenant(3, &shares);
            g.tables.in_order().iter().map(|t| t.text()).collect::<Vec<_>>().concat()
        };
        assert_eq!(sql(1), sql(1));
        assert_ne!(sql(1), sql(2));
    }
}
