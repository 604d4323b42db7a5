//! The `portico` command: serve the API, run migrations, create tenants, print the spec.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
#[cfg(feature = "bench")]
use portico::bench::{self, Sizes};
use portico::config::{Config, MailTransport};
use portico::db::Db;
use portico::error::ApiError;
use portico::provision::{self, NewTenant};
use portico::storage::Storage;
use portico::{Application, demo, openapi, telemetry};

#[derive(Parser)]
#[command(name = "portico", version, about = "Self-hostable, multi-tenant client portal")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the HTTP server (the default).
    Serve {
        /// On an empty database, create the demo tenant and print its API key once.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the demo tenant `demo` with a dozen clients, unless it exists.
    SeedDemo,
    /// Create a tenant with its owner; prints a new API key once.
    CreateTenant {
        /// Portal handle: lowercase letters, digits and hyphens, 3–40 characters.
        #[arg(long)]
        slug: String,
        /// The business's name.
        #[arg(long)]
        name: String,
        /// Email of the owner (the first staff member).
        #[arg(long)]
        owner_email: String,
        /// IANA time zone.
        #[arg(long, default_value = "UTC")]
        timezone: String,
        /// ISO 4217 currency code.
        #[arg(long, default_value = "EUR")]
        currency: String,
    },
    /// Print the OpenAPI document (JSON) and exit.
    Openapi,
    /// Fill an empty database with the benchmark dataset (deterministic for a seed and day).
    /// Built with `--features bench` only.
    #[cfg(feature = "bench")]
    SeedBench(SeedBenchArgs),
    /// Log in a sample of the benchmark dataset's clients and staff; prints JSON for `make bench`.
    #[cfg(feature = "bench")]
    BenchSessions {
        #[arg(long, default_value_t = 64)]
        clients: usize,
        #[arg(long, default_value_t = 16)]
        staff: usize,
    },
}

#[cfg(feature = "bench")]
#[derive(clap::Args)]
struct SeedBenchArgs {
    /// A quick dataset (20 tenants, 2,000 clients, 20,000 appointments…) instead of the full one.
    #[arg(long)]
    small: bool,
    /// The generator's seed: the same seed, sizes and day give the same rows.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The day the data is "now" for (appointments before it are past); default today (UTC).
    #[arg(long)]
    anchor: Option<chrono::NaiveDate>,
    #[arg(long)]
    tenants: Option<usize>,
    #[arg(long)]
    clients: Option<usize>,
    #[arg(long)]
    appointments: Option<usize>,
    #[arg(long)]
    projects: Option<usize>,
    #[arg(long)]
    tasks: Option<usize>,
    #[arg(long)]
    invoices: Option<usize>,
    #[arg(long)]
    messages: Option<usize>,
}

#[cfg(feature = "bench")]
impl SeedBenchArgs {
    fn sizes(&self) -> Sizes {
        let base = if self.small { Sizes::small() } else { Sizes::full() };
        Sizes {
            tenants: self.tenants.unwrap_or(base.tenants),
            clients: self.clients.unwrap_or(base.clients),
            appointments: self.appointments.unwrap_or(base.appointments),
            projects: self.projects.unwrap_or(base.projects),
            tasks: self.tasks.unwrap_or(base.tasks),
            invoices: self.invoices.unwrap_or(base.invoices),
            messages: self.messages.unwrap_or(base.messages),
        }
    }
}

fn main() -> ExitCode {
    portico::memory::limit_arenas();
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve { demo: false });
    if let Command::Openapi = command {
        print!("{}", openapi::spec_json());
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("portico: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format, &config.log_filter);
    if let Err(e) = std::fs::create_dir_all(&config.data_dir) {
        eprintln!("portico: PORTICO_DATA_DIR: cannot create {}: {e}", config.data_dir.display());
        return ExitCode::from(2);
    }
    let opened = match command {
        Command::Serve { .. } => Db::open(&config.database, config.db_pool_size),
        _ => Db::open_for_command(&config.database),
    };
    let db = match opened {
        Ok(db) => db,
        Err(e) => {
            eprintln!("portico: {e} (PORTICO_DATABASE_URL={})", redact(&config.database_url));
            return ExitCode::FAILURE;
        }
    };
    match command {
        Command::Serve { demo } => serve(config, db, demo),
        Command::Migrate => match db.migrate() {
            Ok(n) => {
                println!("Database is up to date ({n} migrations applied now).");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        },
        Command::SeedDemo => match storage(&config).and_then(|storage| demo::seed(&db, &storage)) {
            Ok(Some(created)) => {
                print_demo_banner(&config, Some(&created.api_key));
                ExitCode::SUCCESS
            }
            Ok(None) => {
                println!("The demo tenant '{}' exists already; nothing changed.", demo::SLUG);
                ExitCode::SUCCESS
            }
            Err(e) => fail_api(e),
        },
        Command::CreateTenant { slug, name, owner_email, timezone, currency } => {
            let new = NewTenant { slug, name, owner_email, timezone, currency };
            match provision::create_tenant(&db, new) {
                Ok(p) => {
                    println!("Created tenant '{}' ({}).", p.tenant.name, p.tenant.slug);
                    println!("Portal:  {}", config.public(&format!("/portal/{}", p.tenant.slug)));
                    println!("API key: {}", p.api_key);
                    println!("Store this key now: it is not shown again.");
                    ExitCode::SUCCESS
                }
                Err(e) => fail_api(e),
            }
        }
        #[cfg(feature = "bench")]
        Command::SeedBench(args) => seed_bench(&db, &args),
        #[cfg(feature = "bench")]
        Command::BenchSessions { clients, staff } => match bench::sessions::mint(&db, &config, clients, staff) {
            Ok(sessions) => {
                println!("{}", serde_json::to_string_pretty(&sessions).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Err(e) => fail_api(e),
        },
        Command::Openapi => ExitCode::SUCCESS,
    }
}

#[cfg(feature = "bench")]
fn seed_bench(db: &Db, args: &SeedBenchArgs) -> ExitCode {
    let sizes = args.sizes();
    let anchor = args.anchor.unwrap_or_else(|| chrono::Utc::now().date_naive());
    eprintln!("Seeding {sizes:?} with seed {} as of {anchor}…", args.seed);
    match bench::seed::run(db, &sizes, args.seed, anchor) {
        Ok(report) => {
            for (table, rows) in &report.tables {
                println!("{table:>16} {rows:>10}");
            }
            println!("seeded {} rows in {:.1} s ({:.0} rows/s)", report.rows, report.seconds, report.rows_per_second());
            ExitCode::SUCCESS
        }
        Err(e) => fail_api(e),
    }
}

/// The file store, for the demo seed's files.
fn storage(config: &Config) -> Result<Storage, ApiError> {
    Storage::open(&config.storage).map_err(|e| ApiError::Internal(format!("PORTICO_STORAGE_URL: {e}")))
}

fn serve(config: Config, db: Db, with_demo: bool) -> ExitCode {
    let seeded = if with_demo {
        match db.read_sync(|conn| Ok(portico::tenants::store::count(conn)?)) {
            Ok(0) => match storage(&config).and_then(|storage| demo::seed(&db, &storage)) {
                Ok(created) => created.map(|c| c.api_key),
                Err(e) => return fail_api(e),
            },
            Ok(_) => None,
            Err(e) => return fail_api(e),
        }
    } else {
        None
    };
    let system = actix_web::rt::System::new();
    system.block_on(async move {
        let app = match Application::with_db(config.clone(), db) {
            Ok(app) => app,
            Err(e) => return fail(&e.to_string()),
        };
        if with_demo {
            print_demo_banner(&config, seeded.as_deref());
        }
        tracing::info!(port = app.port(), listen = %config.listen, "portico is listening");
        match app.run_until_stopped().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e.to_string()),
        }
    })
}

fn print_demo_banner(config: &Config, api_key: Option<&str>) {
    println!();
    println!("  Portico is running.");
    println!("  Demo portal:   {}", config.public(&format!("/portal/{}", demo::SLUG)));
    println!("  API docs:      {}", config.public("/docs/"));
    match api_key {
        Some(key) => {
            println!("  Demo API key:  {key}");
            println!(
                "                 (shown once; try: curl -H 'Authorization: Bearer {key}' {})",
                config.public("/api/v1/clients")
            );
        }
        None => println!("  Demo API key:  printed on the first start only (create more with POST /api/v1/api-keys)."),
    }
    println!("  Staff console: {}  (log in as {})", config.public("/app"), demo::OWNER_EMAIL);
    println!("  Try the portal as a client: {}", demo::CLIENT_EMAIL);
    match config.mail.transport {
        MailTransport::Console => {
            println!("  Login codes:   printed in this log, below (PORTICO_MAIL_TRANSPORT=console).")
        }
        MailTransport::Smtp(_) => println!("  Login codes:   sent by email over SMTP."),
    }
    println!();
}

fn fail(message: &str) -> ExitCode {
    eprintln!("portico: {message}");
    ExitCode::FAILURE
}

fn fail_api(err: ApiError) -> ExitCode {
    match err {
        ApiError::Validation(fields) => {
            for f in fields {
                eprintln!("portico: {}: {}", f.field.replace('_', "-"), f.message);
            }
            ExitCode::FAILURE
        }
        other => fail(&other.to_string()),
    }
}

/// The URL with any password hidden, for error messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
