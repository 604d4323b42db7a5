//! Crash safety (issue 10): the real `portico` binary, under a steady write load — clients
//! created and moved from lead to active, invoices of several lines created and sent,
//! project messages posted — is killed with SIGKILL several times at seeded moments and
//! started again on the same database and data directory. Afterwards:
//! - every write the load saw answered 2xx is in the database, its status change included;
//! - nothing half-written is visible: every invoice has all its lines and totals that match
//!   them, no line lacks its invoice, invoice numbers are unique and gapless (the counter is
//!   bumped in the creating transaction, DESIGN §8), and every change has exactly its activity
//!   entry, its webhook message and its email, all committed together (DESIGN §6);
//! - every email and webhook in the outbox reached the SMTP sink and the webhook receiver
//!   after the last restart: at least once, and exactly the outbox's set once counted by id
//!   (Message-ID, `webhook-id`); a crash may repeat one, never drop or invent one.
//!
//! SQLite runs in WAL mode with `synchronous = NORMAL` (db/pool.rs): a commit has reached the
//! WAL file — the kernel's page cache — before the request is answered, so killing the
//! process loses no acknowledged write. Only a power cut could drop the newest commits under
//! NORMAL, and that is not what this test (or a process kill) does.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::process::Child;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::TimeDelta;
use diesel::prelude::*;
use portico::bench::rng::Rng;
use portico::db::schema::{activity, clients, counters, invoice_lines, invoices, messages, outbox, webhook_messages};
use portico::db::{Db, DbTarget, now};
use reqwest::Method;
use serde_json::{Value, json};
use tokio::task::block_in_place;

use crate::cli::{portico, serve_with};
use crate::helpers::{Backend, TempDir, TestDb};
use crate::receiver::Receiver;
use crate::smtp::SmtpServer;

const WRITERS: usize = 4;
const KILLS: usize = 4;
/// Change it (PORTICO_CRASH_SEED) to kill at other moments; a failure prints the seed it used.
const DEFAULT_SEED: u64 = 10;
const EVENTS: [&str; 4] = ["client.created", "client.updated", "invoice.sent", "message.created"];

/// The server process and its base URL.
struct Node {
    child: Child,
    base: String,
}

struct Setup {
    db: TestDb,
    data: TempDir,
    smtp_url: String,
}

impl Setup {
    fn start(&self) -> Node {
        let data = self.data.0.display().to_string();
        let env = [
            ("PORTICO_DATA_DIR", data.as_str()),
            ("PORTICO_PUBLIC_URL", "https://portal.test"),
            ("PORTICO_MAIL_TRANSPORT", "smtp"),
            ("PORTICO_SMTP_URL", self.smtp_url.as_str()),
            ("PORTICO_MAIL_FROM", "Portico <no-reply@portal.test>"),
            ("PORTICO_WEBHOOKS_ALLOW_PRIVATE", "true"),
        ];
        // `--demo` only prints the banner here: the tenant exists, so nothing is seeded.
        let (child, port, _logs, _banner, _startup) = block_in_place(|| serve_with(&self.db, &env));
        Node { child, base: format!("http://127.0.0.1:{port}/api/v1") }
    }
}

impl Node {
    fn kill(mut self) {
        // `Child::kill` is SIGKILL on Unix: no shutdown hook, no flush, no goodbye.
        self.child.kill().expect("SIGKILL the server");
        self.child.wait().expect("reap the server");
    }
}

/// What the writers share: where the live server is (and which life of it), and when to stop.
struct Load {
    server: RwLock<Option<(String, usize)>>,
    stop: AtomicBool,
    http: reqwest::Client,
    key: String,
}

enum Outcome {
    /// 2xx, with the body.
    Acked(Value, usize),
    /// An answer that is not 2xx: nothing happened.
    Refused(u16, String),
    /// Sent, but the server died before answering: it may or may not have committed.
    Lost,
    /// No server up: not sent at all.
    Down,
}

impl Load {
    async fn call(&self, method: Method, path: &str, body: Value) -> Outcome {
        let Some((base, life)) = self.server.read().unwrap().clone() else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            return Outcome::Down;
        };
        let sent = self.http.request(method, format!("{base}{path}")).bearer_auth(&self.key).json(&body).send().await;
        match sent {
            Ok(res) if res.status().is_success() => match res.json().await {
                Ok(v) => Outcome::Acked(v, life),
                // The status came but the body did not: the caller cannot know the id.
                Err(_) => Outcome::Lost,
            },
            Ok(res) => Outcome::Refused(res.status().as_u16(), res.text().await.unwrap_or_default()),
            Err(_) => Outcome::Lost,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tried {
    No,
    Lost,
    Acked,
}

struct AckedClient {
    id: String,
    email: String,
    /// Every company value written, in order, and whether the write was acknowledged; the
    /// first is the one it was created with.
    companies: Vec<(String, Tried)>,
}

struct AckedInvoice {
    id: String,
    number: String,
    client_email: String,
    lines: usize,
    totals: (i64, i64, i64),
    send: Tried,
}

/// One writer's record of what the server acknowledged.
#[derive(Default)]
struct Ledger {
    clients: Vec<AckedClient>,
    invoices: Vec<AckedInvoice>,
    /// (message id, body)
    messages: Vec<(String, String)>,
    acked: usize,
    acked_per_life: BTreeMap<usize, usize>,
    lost: usize,
    refused: Vec<String>,
}

impl Ledger {
    /// The body of a 2xx, counted; otherwise whether the write may have happened (a
    /// refusal is kept for the report).
    fn take(&mut self, what: &str, outcome: Outcome) -> Result<Value, Tried> {
        match outcome {
            Outcome::Acked(v, life) => {
                self.acked += 1;
                *self.acked_per_life.entry(life).or_default() += 1;
                Ok(v)
            }
            Outcome::Refused(status, body) => {
                self.refused.push(format!("{what}: {status} {body}"));
                Err(Tried::No)
            }
            Outcome::Lost => {
                self.lost += 1;
                Err(Tried::Lost)
            }
            Outcome::Down => Err(Tried::No),
        }
    }
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("an id in {v}")).to_string()
}

/// A thread of its own to post in, set up before the first kill.
struct Desk {
    thread_id: String,
}

async fn desk(load: &Load, ledger: &mut Ledger, w: usize) -> Desk {
    let email = format!("desk{w}@crash.example");
    let body = json!({ "name": format!("Desk {w}"), "email": email, "company": "Initial" });
    let client = ledger.take("create client", load.call(Method::POST, "/clients", body).await).expect("desk client");
    ledger.clients.push(AckedClient { id: id(&client), email, companies: vec![("Initial".into(), Tried::Acked)] });
    let body = json!({ "client_id": id(&client), "name": format!("Project {w}") });
    let project = ledger.take("create project", load.call(Method::POST, "/projects", body).await).expect("project");
    let text = format!("Kick-off [w{w}-m0]");
    let body = json!({ "title": "Crash test", "body": text });
    let path = format!("/projects/{}/threads", id(&project));
    let thread = ledger.take("start thread", load.call(Method::POST, &path, body).await).expect("thread");
    ledger.messages.push((id(&thread["message"]), text));
    Desk { thread_id: id(&thread) }
}

/// Writes until told to stop: creates, status changes and messages, in seeded proportions.
async fn write(load: Arc<Load>, mut ledger: Ledger, desk: Desk, w: usize, seed: u64) -> Ledger {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(w as u64 + 1));
    let mut n = 0usize;
    while !load.stop.load(Ordering::SeqCst) {
        n += 1;
        let roll = rng.below(10);
        let unsent: Vec<usize> = (0..ledger.invoices.len()).filter(|&i| ledger.invoices[i].send == Tried::No).collect();
        if roll < 2 || ledger.clients.len() < 2 {
            let email = format!("c{w}-{n}@crash.example");
            let body =
                json!({ "name": format!("Client {w}-{n}"), "email": email, "status": "lead", "company": "Initial" });
            if let Ok(v) = ledger.take("create client", load.call(Method::POST, "/clients", body).await) {
                ledger.clients.push(AckedClient {
                    id: id(&v),
                    email,
                    companies: vec![("Initial".into(), Tried::Acked)],
                });
            }
        } else if roll < 4 {
            // A status change (lead to active) and a field, in one write.
            let c = rng.below(ledger.clients.len());
            let company = format!("Co {w}-{n}");
            let path = format!("/clients/{}", ledger.clients[c].id);
            let body = json!({ "company": company, "status": "active" });
            let outcome = ledger.take("update client", load.call(Method::PATCH, &path, body).await);
            let tried = match outcome {
                Ok(_) => Tried::Acked,
                Err(t) => t,
            };
            if tried != Tried::No {
                ledger.clients[c].companies.push((company, tried));
            }
        } else if roll < 7 || unsent.is_empty() {
            let c = rng.below(ledger.clients.len());
            let count = 1 + rng.below(4);
            let lines: Vec<Value> = (0..count)
                .map(|k| {
                    let quantity = ["1", "2", "1.5", "0.25"][rng.below(4)];
                    let tax_rate_bp = [0, 550, 2000][rng.below(3)];
                    let unit_price_minor = 1000 + rng.below(90_000) as i64;
                    json!({
                        "description": format!("Work {k}"),
                        "quantity": quantity,
                        "unit_price_minor": unit_price_minor,
                        "tax_rate_bp": tax_rate_bp,
                    })
                })
                .collect();
            let body = json!({ "client_id": ledger.clients[c].id, "title": format!("Crash {w}-{n}"), "lines": lines });
            if let Ok(v) = ledger.take("create invoice", load.call(Method::POST, "/invoices", body).await) {
                let t = &v["totals"];
                let totals = (
                    t["subtotal_minor"].as_i64().unwrap(),
                    t["tax_minor"].as_i64().unwrap(),
                    t["total_minor"].as_i64().unwrap(),
                );
                let invoice = AckedInvoice {
                    id: id(&v),
                    number: v["number"].as_str().unwrap().to_string(),
                    client_email: ledger.clients[c].email.clone(),
                    lines: v["lines"].as_array().map_or(0, Vec::len),
                    totals,
                    send: Tried::No,
                };
                assert_eq!(invoice.lines, count, "the answer shows every line");
                ledger.invoices.push(invoice);
            }
        } else if roll < 8 {
            let i = unsent[rng.below(unsent.len())];
            let path = format!("/invoices/{}/send", ledger.invoices[i].id);
            let outcome = ledger.take("send invoice", load.call(Method::POST, &path, json!({})).await);
            ledger.invoices[i].send = match outcome {
                Ok(v) => {
                    assert_eq!(v["status"], "sent", "{v}");
                    Tried::Acked
                }
                Err(t) => t,
            };
        } else {
            let text = format!("Update [w{w}-m{n}]");
            let path = format!("/threads/{}/messages", desk.thread_id);
            let body = json!({ "body": text });
            if let Ok(v) = ledger.take("post message", load.call(Method::POST, &path, body).await) {
                ledger.messages.push((id(&v), text));
            }
        }
    }
    ledger
}

/// The dead server's outbox leases, run out. A row it had claimed stays locked for the
/// lease (120 s, outbox/worker.rs), longer than any delivery, so that a live worker never
/// loses one; after that any worker takes it again (`claim_due`). A restart within seconds
/// would wait out those two minutes; the clock is moved through the database instead, as
/// webhooks.rs does for retries. Only called while no server runs, so every lease is the
/// dead one's.
fn run_out_leases(db: &Db) -> usize {
    let mut conn = db.conn().unwrap();
    diesel::update(outbox::table.filter(outbox::status.eq("pending")).filter(outbox::locked_until.gt(now())))
        .set(outbox::locked_until.eq(Some(now() - TimeDelta::seconds(1))))
        .execute(&mut *conn)
        .unwrap()
}

/// What the database holds after the run. The database is the test's own, with one tenant.
struct Snapshot {
    /// id → (email, company, status)
    clients: HashMap<String, (String, Option<String>, String)>,
    /// id → (number, status, subtotal, tax, total)
    invoices: HashMap<String, (String, String, i64, i64, i64)>,
    /// (invoice id, position, net, tax)
    lines: Vec<(String, i32, i64, i64)>,
    invoice_counter: Option<i64>,
    /// (subject type, subject id, verb, data)
    activity: Vec<(String, String, String, String)>,
    /// id → body
    messages: HashMap<String, String>,
    /// (id, kind, status, payload)
    outbox: Vec<(String, String, String, String)>,
    /// id → body
    hooks: HashMap<String, String>,
}

fn snapshot(db: &Db) -> Snapshot {
    let mut conn = db.conn().unwrap();
    let c = &mut *conn;
    Snapshot {
        clients: clients::table
            .select((clients::id, (clients::email, clients::company, clients::status)))
            .load(c)
            .unwrap()
            .into_iter()
            .collect(),
        invoices: invoices::table
            .select((
                invoices::id,
                (
                    invoices::number,
                    invoices::status,
                    invoices::subtotal_minor,
                    invoices::tax_minor,
                    invoices::total_minor,
                ),
            ))
            .load(c)
            .unwrap()
            .into_iter()
            .collect(),
        lines: invoice_lines::table
            .select((
                invoice_lines::invoice_id,
                invoice_lines::position,
                invoice_lines::net_minor,
                invoice_lines::tax_minor,
            ))
            .load(c)
            .unwrap(),
        invoice_counter: counters::table
            .filter(counters::kind.like("invoice%"))
            .select(counters::value)
            .first(c)
            .optional()
            .unwrap(),
        activity: activity::table
            .select((activity::subject_type, activity::subject_id, activity::verb, activity::data))
            .load(c)
            .unwrap(),
        messages: messages::table.select((messages::id, messages::body)).load(c).unwrap().into_iter().collect(),
        outbox: outbox::table.select((outbox::id, outbox::kind, outbox::status, outbox::payload)).load(c).unwrap(),
        hooks: webhook_messages::table
            .select((webhook_messages::id, webhook_messages::body))
            .load(c)
            .unwrap()
            .into_iter()
            .collect(),
    }
}

/// Waits until the outbox holds nothing left to deliver; fails on a message given up.
async fn drained(db: &Db) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    loop {
        let rows = snapshot(db).outbox;
        let dead: Vec<_> = rows.iter().filter(|r| r.2 == "dead").collect();
        assert!(dead.is_empty(), "outbox messages given up: {dead:?}");
        let left = rows.iter().filter(|r| r.2 != "sent").count();
        if left == 0 {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{left} outbox messages still undelivered after 40 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn message_id_of(mail: &crate::smtp::Received) -> String {
    let line = mail
        .data
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
        .unwrap_or_else(|| panic!("a Message-ID in {}", mail.data));
    let value = line.split_once(':').unwrap().1.trim().trim_start_matches('<');
    value.split('@').next().unwrap().to_string()
}

fn number_of(number: &str) -> i64 {
    number.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("a numbered invoice: {number}"))
}

async fn survives_kill_nine(backend: Backend) {
    let seed = std::env::var("PORTICO_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(DEFAULT_SEED);
    let smtp = SmtpServer::start().await;
    let setup =
        Setup { db: TestDb::new(backend), data: TempDir::new(), smtp_url: format!("smtp://127.0.0.1:{}", smtp.port) };
    let receiver = Receiver::start().await;
    eprintln!("crash ({backend:?}): seed {seed}");

    // The tenant and its key, as an operator makes them.
    let out = portico(&setup.db)
        .env("PORTICO_DATA_DIR", &setup.data.0)
        .args(["create-tenant", "--slug", "crash", "--name", "Crash Ltd", "--owner-email", "owner@crash.example"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let key = stdout.split_whitespace().find(|w| w.starts_with("pk_live_")).expect("key printed").to_string();
    let db = Db::open(&DbTarget::parse(&setup.db.url).unwrap(), 2).unwrap();

    let mut node = setup.start();
    let load = Arc::new(Load {
        server: RwLock::new(Some((node.base.clone(), 0))),
        stop: AtomicBool::new(false),
        http: reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap(),
        key,
    });
    let mut setup_ledger = Ledger::default();
    let body = json!({ "url": receiver.url("/hooks"), "events": EVENTS });
    setup_ledger.take("create endpoint", load.call(Method::POST, "/webhooks/endpoints", body).await).expect("endpoint");
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let mut ledger = Ledger::default();
        let desk = desk(&load, &mut ledger, w).await;
        writers.push(tokio::spawn(write(load.clone(), ledger, desk, w, seed)));
    }

    let mut rng = Rng::new(seed);
    let mut leases = 0;
    for life in 1..=KILLS {
        tokio::time::sleep(Duration::from_millis(700 + rng.below(1500) as u64)).await;
        *load.server.write().unwrap() = None;
        block_in_place(|| node.kill());
        leases += block_in_place(|| run_out_leases(&db));
        node = setup.start();
        *load.server.write().unwrap() = Some((node.base.clone(), life));
    }
    tokio::time::sleep(Duration::from_millis(1000)).await;
    load.stop.store(true, Ordering::SeqCst);
    let mut ledgers = vec![setup_ledger];
    for writer in writers {
        ledgers.push(writer.await.expect("a writer panicked"));
    }

    drained(&db).await;
    let snap = snapshot(&db);
    let refused: Vec<&String> = ledgers.iter().flat_map(|l| &l.refused).collect();
    assert!(refused.is_empty(), "answers other than 2xx (seed {seed}): {refused:?}");
    let mut per_life: BTreeMap<usize, usize> = BTreeMap::new();
    for (life, n) in ledgers.iter().flat_map(|l| &l.acked_per_life) {
        *per_life.entry(*life).or_default() += n;
    }
    assert_eq!(per_life.len(), KILLS + 1, "writes were acknowledged in every life of the server: {per_life:?}");
    let writes: usize = ledgers.iter().map(|l| l.acked).sum();
    let lost: usize = ledgers.iter().map(|l| l.lost).sum();

    // 1. Every acknowledged write is there, its latest acknowledged change included.
    for c in ledgers.iter().flat_map(|l| &l.clients) {
        let (email, company, status) = snap.clients.get(&c.id).unwrap_or_else(|| panic!("client {} lost", c.email));
        assert_eq!(email, &c.email);
        // The last acknowledged value, or one written after it whose answer was lost.
        let last = c.companies.iter().rposition(|(_, t)| *t == Tried::Acked).unwrap();
        let allowed: Vec<&str> = c.companies[last..].iter().map(|(v, _)| v.as_str()).collect();
        assert!(
            allowed.contains(&company.as_deref().unwrap_or("")),
            "{}: company {company:?}, not {allowed:?}",
            c.email
        );
        let updated = c.companies.len() > 1;
        if !c.email.starts_with("desk") {
            let acked_update = c.companies[1..].iter().any(|(_, t)| *t == Tried::Acked);
            match (acked_update, updated, status.as_str()) {
                (true, _, "active") | (false, false, "lead") | (false, true, "lead" | "active") => {}
                _ => panic!("{}: status {status} after updates {:?}", c.email, c.companies),
            }
        }
    }
    let mut acked_invoices = 0;
    for i in ledgers.iter().flat_map(|l| &l.invoices) {
        acked_invoices += 1;
        let (number, status, sub, tax, total) = snap.invoices.get(&i.id).unwrap_or_else(|| panic!("{} lost", i.number));
        assert_eq!(number, &i.number);
        assert_eq!((*sub, *tax, *total), i.totals, "{} totals", i.number);
        let lines = snap.lines.iter().filter(|l| l.0 == i.id).count();
        assert_eq!(lines, i.lines, "{} has every line it was created with", i.number);
        let ok = match i.send {
            Tried::Acked => status == "sent",
            Tried::Lost => status == "sent" || status == "draft",
            Tried::No => status == "draft",
        };
        assert!(ok, "{}: status {status} after send {:?}", i.number, i.send);
    }
    for (mid, text) in ledgers.iter().flat_map(|l| &l.messages) {
        assert_eq!(snap.messages.get(mid), Some(text), "message {text} lost");
    }

    // 2. Nothing half-written, acknowledged or not.
    let mut lines_of: HashMap<&str, Vec<(i32, i64, i64)>> = HashMap::new();
    for (invoice_id, position, net, tax) in &snap.lines {
        assert!(snap.invoices.contains_key(invoice_id), "a line without its invoice {invoice_id}");
        lines_of.entry(invoice_id).or_default().push((*position, *net, *tax));
    }
    let mut numbers = Vec::new();
    for (iid, (number, _, sub, tax, total)) in &snap.invoices {
        let mut lines = lines_of.remove(iid.as_str()).unwrap_or_default();
        lines.sort();
        let positions: Vec<i32> = lines.iter().map(|l| l.0).collect();
        assert!(
            !lines.is_empty() && positions == (0..lines.len() as i32).collect::<Vec<_>>(),
            "{number}: {positions:?}"
        );
        let sums = (lines.iter().map(|l| l.1).sum::<i64>(), lines.iter().map(|l| l.2).sum::<i64>());
        assert_eq!((*sub, *tax), sums, "{number}: totals are the sums of its lines");
        assert_eq!(*total, sub + tax, "{number}");
        numbers.push(number_of(number));
    }
    numbers.sort();
    let n = numbers.len() as i64;
    assert_eq!(numbers, (1..=n).collect::<Vec<_>>(), "invoice numbers unique and without gaps");
    assert_eq!(snap.invoice_counter.unwrap_or(0), n, "the counter stands at the last number");

    // Each change and its side effects went in together: one activity entry, one webhook
    // message for a subscribed event, one outbox delivery of it, and its email.
    let mut entries: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let mut expected_events: HashMap<(String, String), usize> = HashMap::new();
    for (kind, subject, verb, data) in &snap.activity {
        let event = match (kind.as_str(), verb.as_str()) {
            ("client", "created") => Some(("client.created", subject.clone())),
            ("client", "updated") => Some(("client.updated", subject.clone())),
            ("invoice", "sent") => Some(("invoice.sent", subject.clone())),
            ("project", "message_posted") => {
                let data: Value = serde_json::from_str(data).unwrap();
                let mid = data["message_id"].as_str().unwrap().to_string();
                Some(("message.created", mid))
            }
            _ => None,
        };
        *entries.entry((kind, subject, verb)).or_default() += 1;
        if let Some((event, object)) = event {
            *expected_events.entry((event.to_string(), object)).or_default() += 1;
        }
    }
    let one = |k: &str, s: &str, v: &str| entries.get(&(k, s, v)).copied().unwrap_or(0);
    for (cid, (email, _, _)) in &snap.clients {
        assert_eq!(one("client", cid, "created"), 1, "{email}: one creation entry");
    }
    for (iid, (number, status, ..)) in &snap.invoices {
        assert_eq!(one("invoice", iid, "created"), 1, "{number}: one creation entry");
        assert_eq!(one("invoice", iid, "sent"), usize::from(status == "sent"), "{number} ({status}): its send entry");
    }
    for mid in snap.messages.keys() {
        assert_eq!(expected_events.get(&("message.created".to_string(), mid.clone())), Some(&1), "{mid}: one entry");
    }
    let mut events: HashMap<(String, String), usize> = HashMap::new();
    for body in snap.hooks.values() {
        let v: Value = serde_json::from_str(body).unwrap();
        let key = (v["type"].as_str().unwrap().to_string(), v["data"]["id"].as_str().unwrap().to_string());
        *events.entry(key).or_default() += 1;
    }
    assert_eq!(events, expected_events, "one webhook message per change, no more, no less");

    let mut hook_jobs: HashMap<String, usize> = HashMap::new();
    let mut mails: Vec<(String, Value)> = Vec::new();
    for (oid, kind, _, payload) in &snap.outbox {
        let v: Value = serde_json::from_str(payload).unwrap();
        match kind.as_str() {
            "webhook" => *hook_jobs.entry(v["message_id"].as_str().unwrap().to_string()).or_default() += 1,
            "email" => mails.push((oid.clone(), v)),
            other => panic!("unexpected outbox kind {other}"),
        }
    }
    let hook_ids: HashSet<&String> = snap.hooks.keys().collect();
    assert_eq!(hook_jobs.keys().collect::<HashSet<_>>(), hook_ids, "each webhook message queued to the endpoint");
    assert!(hook_jobs.values().all(|n| *n == 1), "queued once each");
    let mut emails_expected = 0;
    for (number, status, ..) in snap.invoices.values() {
        if status == "sent" {
            emails_expected += 1;
            let prefix = format!("Invoice {number}:");
            let n = mails.iter().filter(|(_, m)| m["subject"].as_str().unwrap().starts_with(&prefix)).count();
            assert_eq!(n, 1, "{number}: its email queued with its send");
        }
    }
    for body in snap.messages.values() {
        emails_expected += 1;
        let n = mails.iter().filter(|(_, m)| m["text"].as_str().unwrap().contains(body.as_str())).count();
        assert_eq!(n, 1, "{body}: its email queued with it");
    }
    assert_eq!(mails.len(), emails_expected, "no email the changes did not cause");

    // 3. Everything in the outbox was delivered after the last restart: every id at least
    // once, and no id the outbox does not hold.
    // Every email goes to a client (sent invoices, staff messages): gather theirs.
    let received: Vec<crate::smtp::Received> = snap.clients.values().flat_map(|c| smtp.delivered_to(&c.0)).collect();
    let delivered_mail: HashSet<String> = received.iter().map(message_id_of).collect();
    let queued_mail: HashSet<String> = mails.iter().map(|(oid, _)| oid.clone()).collect();
    assert_eq!(delivered_mail, queued_mail, "every queued email delivered, counted by Message-ID");
    let hits = receiver.hits();
    assert!(hits.iter().all(|h| h.answered == 200));
    let delivered_hooks: HashSet<String> = hits.iter().map(|h| h.header("webhook-id").to_string()).collect();
    let queued_hooks: HashSet<String> = snap.hooks.keys().cloned().collect();
    assert_eq!(delivered_hooks, queued_hooks, "every webhook, by webhook-id");

    // And each acknowledged write's own side effects, as the receiving ends see them.
    let seen: HashSet<(String, String)> = hits
        .iter()
        .map(|h| {
            let v = h.json();
            (v["type"].as_str().unwrap().to_string(), v["data"]["id"].as_str().unwrap().to_string())
        })
        .collect();
    let saw = |event: &str, object: &str| seen.contains(&(event.to_string(), object.to_string()));
    for c in ledgers.iter().flat_map(|l| &l.clients) {
        assert!(saw("client.created", &c.id), "{}: client.created delivered", c.email);
        if c.companies.iter().skip(1).any(|(_, t)| *t == Tried::Acked) {
            assert!(saw("client.updated", &c.id), "{}: client.updated delivered", c.email);
        }
    }
    let mut acked_sends = 0;
    for i in ledgers.iter().flat_map(|l| &l.invoices).filter(|i| i.send == Tried::Acked) {
        acked_sends += 1;
        assert!(saw("invoice.sent", &i.id), "{}: invoice.sent delivered", i.number);
        let mailed = received
            .iter()
            .any(|m| m.to.contains(&i.client_email) && m.decoded().contains(&format!("Invoice {}:", i.number)));
        assert!(mailed, "{}: the client got its email", i.number);
    }
    for (mid, text) in ledgers.iter().flat_map(|l| &l.messages) {
        assert!(saw("message.created", mid), "{text}: message.created delivered");
        assert!(received.iter().any(|m| m.decoded().contains(text.as_str())), "{text}: the client got its email");
    }

    let (emails, hooks) = (delivered_mail.len(), delivered_hooks.len());
    eprintln!(
        "crash ({backend:?}, seed {seed}): {KILLS} kills survived, {writes} acknowledged writes verified, \
         {emails} emails, {hooks} webhooks delivered ({} and {} repeated after a kill); {lost} requests cut off \
         by a kill, {leases} leases held by a dead server; {acked_invoices} acknowledged invoices ({acked_sends} sent), \
         {n} in the database",
        received.len() - emails,
        hits.len() - hooks,
    );
    eprintln!(
        "crash: {KILLS} kills survived, {writes} acknowledged writes verified, {emails} emails, {hooks} webhooks delivered"
    );
    block_in_place(|| node.kill());
}

crate::both!(backend; survives_kill_nine);
