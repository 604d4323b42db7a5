//! Every setting, read from `PORTICO_*` environment variables (and an optional `.env`),
//! typed and checked once at start-up. A bad value stops start-up with one line naming
//! the variable and what is wrong.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use url::Url;

use crate::db::DbTarget;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, coloured when writing to a terminal.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub database: DbTarget,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub public_url: Url,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub db_pool_size: u32,
    pub cors_origins: Vec<String>,
    /// Failed authentication attempts one IP may make per minute before 429.
    pub auth_failures_per_minute: u32,
    pub workers: usize,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub sms: Option<SmsSettings>,
    /// The built single-page app (`index.html` and `assets/`), served outside the API paths.
    pub web_dir: PathBuf,
    /// Where uploaded files are kept.
    pub storage: StorageTarget,
    /// The largest file one upload may carry, in bytes.
    pub max_upload_bytes: u64,
    /// Seconds a request body may go without a byte before it is given up on (408).
    pub body_idle_seconds: u64,
    /// Where the online payment providers' APIs are; only tests point them elsewhere.
    pub payments: PaymentApis,
    /// Intake form submissions one IP may send to one portal per hour.
    pub form_submissions_per_ip_per_hour: i32,
    /// Public booking requests (codes asked, bookings made) one IP may send to one portal per hour.
    pub bookings_per_ip_per_hour: i32,
    /// How often the reminder scheduler looks for reminders due.
    pub reminder_check_seconds: u64,
    pub metrics: MetricsSettings,
    /// Let webhook endpoints be on loopback, private or link-local addresses and use plain
    /// `http`. For development and tests only: in production it would let staff make the
    /// server call into its own network (SSRF).
    pub webhooks_allow_private: bool,
}

/// How `/metrics` is reached: with a bearer token on the main address, and/or without one
/// on a separate address. Neither: off.
#[derive(Debug, Clone, Default)]
pub struct MetricsSettings {
    pub token: Option<String>,
    pub listen: Option<SocketAddr>,
}

/// Where uploaded files are kept: a local directory, or an S3-compatible bucket whose
/// credentials and endpoint come from the standard `AWS_*` variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageTarget {
    Local(PathBuf),
    S3 { bucket: String, prefix: String },
}

impl StorageTarget {
    /// `s3://bucket/prefix`, `file:///abs/dir` or a plain directory path.
    pub fn parse(raw: &str) -> Result<StorageTarget, String> {
        if let Some(rest) = raw.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err(format!("'{raw}' names no bucket; use s3://bucket or s3://bucket/prefix"));
            }
            return Ok(StorageTarget::S3 { bucket: bucket.to_string(), prefix: prefix.trim_matches('/').to_string() });
        }
        let path = raw.strip_prefix("file://").unwrap_or(raw);
        if path.is_empty() || raw.contains("://") && !raw.starts_with("file://") {
            return Err(format!("'{raw}' is not s3://bucket/prefix, file:///path or a directory path"));
        }
        Ok(StorageTarget::Local(PathBuf::from(path)))
    }
}

/// Login and session limits (NIST SP 800-63B for out-of-band codes, OWASP ASVS L2 sessions).
#[derive(Debug, Clone)]
pub struct AuthSettings {
    pub jwt_secret: Option<String>,
    pub hmac_secret: Option<String>,
    /// Key encrypting secrets stored in the database (payment provider keys).
    pub vault_secret: Option<String>,
    pub code_ttl_minutes: i64,
    pub link_ttl_minutes: i64,
    pub code_max_attempts: i32,
    pub resend_cooldown_seconds: i64,
    /// Codes one address may be sent per hour at the request of one IP address.
    pub codes_per_email_per_hour: i32,
    /// Codes one address may be sent per hour in all; past it, one per cooldown.
    pub codes_per_email_all_ips_per_hour: i32,
    pub requests_per_ip_per_hour: i32,
    pub access_token_minutes: i64,
    pub session_idle_minutes: i64,
    pub session_max_hours: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailTransport {
    Console,
    Smtp(String),
}

/// Base URLs of the payment providers' APIs (no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentApis {
    pub stripe_url: String,
    pub paystack_url: String,
}

/// A Twilio-compatible SMS API, when configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsSettings {
    pub url: String,
    pub account_sid: String,
    pub auth_token: String,
    pub from: String,
}

#[derive(Debug, Clone)]
pub struct MailSettings {
    pub transport: MailTransport,
    pub from: String,
}

/// A setting that could not be used. Displayed as the one line start-up prints.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{var}: {problem}")]
pub struct ConfigError {
    pub var: &'static str,
    pub problem: String,
}

/// Each variable with its default and meaning; README's table is written from this list.
pub const VARIABLES: &[(&str, &str, &str)] = &[
    ("PORTICO_LISTEN", "127.0.0.1:8080", "Address and port the HTTP server binds."),
    ("PORTICO_DATABASE_URL", "sqlite://data/portico.db", "sqlite://<path> or postgres://user:pass@host:port/db."),
    ("PORTICO_DATA_DIR", "data/", "Directory for generated secrets and local file storage."),
    ("PORTICO_PUBLIC_URL", "http://<PORTICO_LISTEN>", "Public base URL, used for links in emails and printed URLs."),
    ("PORTICO_LOG_FORMAT", "text", "text (human, coloured on a terminal) or json (one object per line)."),
    ("PORTICO_LOG", "info", "Log filter, e.g. debug or portico=debug,actix_web=info."),
    ("PORTICO_DB_POOL_SIZE", "8", "Maximum database connections (1-100)."),
    (
        "PORTICO_CORS_ORIGINS",
        "(empty)",
        "Comma-separated origins allowed to call the API from a browser; the SPA is same-origin.",
    ),
    ("PORTICO_AUTH_FAILURES_PER_MINUTE", "30", "Failed authentications one IP may make per minute before 429."),
    ("PORTICO_WORKERS", "number of CPUs", "HTTP worker threads."),
    (
        "PORTICO_TRUST_PROXY",
        "false",
        "true behind a reverse proxy: client IPs (rate limits, sessions) come from X-Forwarded-For.",
    ),
    ("PORTICO_MAIL_TRANSPORT", "console", "console (emails, login codes included, are written to the log) or smtp."),
    (
        "PORTICO_SMTP_URL",
        "(none)",
        "With smtp: smtp://user:pass@host:587?tls=required (STARTTLS), smtps://host:465, or smtp://host:25.",
    ),
    (
        "PORTICO_MAIL_FROM",
        "Portico <no-reply@localhost>",
        "Sender address; the display name becomes the tenant's name.",
    ),
    (
        "PORTICO_JWT_SECRET",
        "(generated in the data dir)",
        "Key signing access tokens, 32+ characters; set it when several nodes share no data dir.",
    ),
    ("PORTICO_HMAC_SECRET", "(generated in the data dir)", "Key for login-code HMACs, 32+ characters."),
    (
        "PORTICO_VAULT_KEY",
        "(generated in the data dir)",
        "Key encrypting payment provider keys at rest, 32+ characters; every node needs the same one, and changing it means entering the provider keys again.",
    ),
    ("PORTICO_STRIPE_API_URL", "https://api.stripe.com", "Stripe's API; only tests point it elsewhere."),
    ("PORTICO_PAYSTACK_API_URL", "https://api.paystack.co", "Paystack's API; only tests point it elsewhere."),
    ("PORTICO_OTP_TTL_MINUTES", "10", "Lifetime of a login code."),
    ("PORTICO_MAGIC_LINK_TTL_MINUTES", "15", "Lifetime of a magic link."),
    ("PORTICO_OTP_MAX_ATTEMPTS", "5", "Wrong codes before a code is void."),
    ("PORTICO_OTP_COOLDOWN_SECONDS", "60", "Minimum time between two code requests for one email."),
    ("PORTICO_OTP_PER_EMAIL_PER_HOUR", "5", "Code requests per email per hour from one IP address."),
    (
        "PORTICO_OTP_PER_EMAIL_ALL_PER_HOUR",
        "20",
        "Code emails per address per hour from everywhere; past it, one per cooldown.",
    ),
    ("PORTICO_OTP_PER_IP_PER_HOUR", "30", "Code requests per IP per hour."),
    ("PORTICO_ACCESS_TOKEN_MINUTES", "15", "Lifetime of an access token (JWT)."),
    ("PORTICO_SESSION_IDLE_MINUTES", "30", "A session unused this long ends."),
    ("PORTICO_SESSION_MAX_HOURS", "12", "A session ends this long after login, used or not."),
    ("PORTICO_SMS_URL", "https://api.twilio.com", "Base URL of a Twilio-compatible SMS API."),
    ("PORTICO_SMS_ACCOUNT_SID", "(none)", "SMS account id; with the token and sender it enables login codes by SMS."),
    ("PORTICO_SMS_AUTH_TOKEN", "(none)", "SMS API token."),
    ("PORTICO_SMS_FROM", "(none)", "Sender number (E.164) or id for text messages."),
    (
        "PORTICO_WEB_DIR",
        "web/dist",
        "The built web app (index.html and assets/), served on every path outside the API.",
    ),
    (
        "PORTICO_STORAGE_URL",
        "<PORTICO_DATA_DIR>/files",
        "Where uploaded files live: a directory, or s3://bucket/prefix (credentials, region and AWS_ENDPOINT from the AWS_* variables).",
    ),
    (
        "PORTICO_METRICS_TOKEN",
        "(none)",
        "Bearer token for GET /metrics (Prometheus) on the main address, 16+ characters; without it (or the next) metrics are off.",
    ),
    (
        "PORTICO_METRICS_LISTEN",
        "(none)",
        "A separate address (e.g. 127.0.0.1:9090 or a private interface) serving /metrics without a token.",
    ),
    ("PORTICO_MAX_UPLOAD_MB", "25", "Largest file one upload may carry, in MB (1-10240); larger ones get 413."),
    (
        "PORTICO_BODY_IDLE_SECONDS",
        "20",
        "Seconds a request body may go without a byte before the request gets 408 (1-600).",
    ),
    (
        "PORTICO_WEBHOOKS_ALLOW_PRIVATE",
        "false",
        "true lets webhook endpoints use http and loopback, private or link-local addresses; for development and tests only (SSRF).",
    ),
    (
        "PORTICO_FORM_SUBMISSIONS_PER_IP_PER_HOUR",
        "5",
        "Intake form submissions one IP may send to one portal per hour; more get 429.",
    ),
    (
        "PORTICO_BOOKINGS_PER_IP_PER_HOUR",
        "10",
        "Public booking requests (booking codes asked, bookings made) one IP may send to one portal per hour; more get 429.",
    ),
    (
        "PORTICO_REMINDER_CHECK_SECONDS",
        "30",
        "How often the server looks for appointment reminders that are due (1-3600).",
    ),
];

impl Config {
    /// From the process environment, after loading `.env` if there is one.
    pub fn from_env() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        let vars: HashMap<String, String> = std::env::vars().filter(|(k, _)| k.starts_with("PORTICO_")).collect();
        Config::from_vars(&vars)
    }

    /// From an explicit map, so tests need not touch the process environment. Each section
    /// reads and checks its own variables.
    pub fn from_vars(vars: &HashMap<String, String>) -> Result<Config, ConfigError> {
        let v = Vars(vars);
        let listen = v.address("PORTICO_LISTEN", "127.0.0.1:8080")?;
        let database_url = v.get("PORTICO_DATABASE_URL").unwrap_or("sqlite://data/portico.db").to_string();
        let database = DbTarget::parse(&database_url).map_err(|e| err("PORTICO_DATABASE_URL", e.to_string()))?;
        let data_dir = PathBuf::from(v.get("PORTICO_DATA_DIR").unwrap_or("data/"));
        let (log_format, log_filter) = logging(&v)?;
        let cpus = std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(2);
        Ok(Config {
            listen,
            database,
            database_url,
            public_url: public_url(&v, listen)?,
            log_format,
            log_filter,
            db_pool_size: v.number("PORTICO_DB_POOL_SIZE", 8, 1..=100)?,
            cors_origins: cors_origins(&v)?,
            auth_failures_per_minute: v.number("PORTICO_AUTH_FAILURES_PER_MINUTE", 30, 1..=100_000)?,
            workers: v.number("PORTICO_WORKERS", cpus, 1..=256)? as usize,
            trust_proxy: v.flag("PORTICO_TRUST_PROXY")?,
            auth: AuthSettings::read(&v)?,
            mail: MailSettings::read(&v)?,
            sms: SmsSettings::read(&v)?,
            // Not checked here: the API runs without the web app, which may be built later.
            web_dir: PathBuf::from(v.get("PORTICO_WEB_DIR").unwrap_or("web/dist")),
            storage: match v.get("PORTICO_STORAGE_URL") {
                Some(raw) => StorageTarget::parse(raw).map_err(|p| err("PORTICO_STORAGE_URL", p))?,
                None => StorageTarget::Local(data_dir.join("files")),
            },
            data_dir,
            max_upload_bytes: u64::from(v.number("PORTICO_MAX_UPLOAD_MB", 25, 1..=10_240)?) * 1024 * 1024,
            body_idle_seconds: u64::from(v.number("PORTICO_BODY_IDLE_SECONDS", 20, 1..=600)?),
            payments: PaymentApis::read(&v)?,
            metrics: MetricsSettings::read(&v, listen)?,
            webhooks_allow_private: v.flag("PORTICO_WEBHOOKS_ALLOW_PRIVATE")?,
            form_submissions_per_ip_per_hour: v.number("PORTICO_FORM_SUBMISSIONS_PER_IP_PER_HOUR", 5, 1..=100_000)?
                as i32,
            bookings_per_ip_per_hour: v.number("PORTICO_BOOKINGS_PER_IP_PER_HOUR", 10, 1..=100_000)? as i32,
            reminder_check_seconds: u64::from(v.number("PORTICO_REMINDER_CHECK_SECONDS", 30, 1..=3600)?),
        })
    }

    /// An absolute URL under the public base, for printing and for links in emails.
    pub fn public(&self, path: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}

fn err(var: &'static str, problem: String) -> ConfigError {
    ConfigError { var, problem }
}

/// The variables as given, read the same way by every section: trimmed, empty as unset.
struct Vars<'a>(&'a HashMap<String, String>);

impl Vars<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    fn number(
        &self,
        var: &'static str,
        default: u32,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, ConfigError> {
        number(self.get(var), default, range).map_err(|p| err(var, p))
    }

    fn flag(&self, var: &'static str) -> Result<bool, ConfigError> {
        match self.get(var).map(str::to_ascii_lowercase).as_deref() {
            None | Some("false") | Some("0") | Some("no") => Ok(false),
            Some("true") | Some("1") | Some("yes") => Ok(true),
            Some(other) => Err(err(var, format!("'{other}' is not true or false"))),
        }
    }

    fn address(&self, var: &'static str, default: &str) -> Result<SocketAddr, ConfigError> {
        let raw = self.get(var).unwrap_or(default);
        raw.parse().map_err(|_| err(var, format!("'{raw}' is not an address and port like 127.0.0.1:8080")))
    }

    /// A secret of at least 32 characters, or none (generated and kept in the data dir).
    fn secret(&self, var: &'static str) -> Result<Option<String>, ConfigError> {
        match self.get(var) {
            Some(v) if v.len() < 32 => Err(err(var, "must be at least 32 characters".to_string())),
            other => Ok(other.map(str::to_string)),
        }
    }

    /// An http(s) base URL, without its trailing slash.
    fn base_url(&self, var: &'static str, default: &str) -> Result<String, ConfigError> {
        let url = self.get(var).unwrap_or(default).trim_end_matches('/').to_string();
        if url.starts_with("https://") || url.starts_with("http://") {
            Ok(url)
        } else {
            Err(err(var, format!("'{url}' must start with https:// or http://")))
        }
    }
}

fn public_url(v: &Vars, listen: SocketAddr) -> Result<Url, ConfigError> {
    let Some(raw) = v.get("PORTICO_PUBLIC_URL") else {
        return Url::parse(&format!("http://{listen}/")).map_err(|e| err("PORTICO_PUBLIC_URL", e.to_string()));
    };
    let url = Url::parse(raw).map_err(|e| {
        err("PORTICO_PUBLIC_URL", format!("'{raw}' is not an absolute URL ({e}); e.g. https://portal.example.com"))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(err("PORTICO_PUBLIC_URL", format!("'{raw}' must start with http:// or https://")));
    }
    Ok(url)
}

fn logging(v: &Vars) -> Result<(LogFormat, String), ConfigError> {
    let format = match v.get("PORTICO_LOG_FORMAT").map(str::to_ascii_lowercase).as_deref() {
        None | Some("text") => LogFormat::Text,
        Some("json") => LogFormat::Json,
        Some(other) => return Err(err("PORTICO_LOG_FORMAT", format!("'{other}' is not one of: text, json"))),
    };
    let filter = v.get("PORTICO_LOG").unwrap_or("info").to_string();
    tracing_subscriber::EnvFilter::try_new(&filter)
        .map_err(|e| err("PORTICO_LOG", format!("'{filter}' is not a valid log filter ({e})")))?;
    Ok((format, filter))
}

fn cors_origins(v: &Vars) -> Result<Vec<String>, ConfigError> {
    let mut origins = Vec::new();
    for origin in v.get("PORTICO_CORS_ORIGINS").unwrap_or("").split(',').map(str::trim).filter(|o| !o.is_empty()) {
        let ok = Url::parse(origin)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.path() == "/" && !origin.ends_with('/'));
        if ok.is_none() {
            return Err(err(
                "PORTICO_CORS_ORIGINS",
                format!("'{origin}' is not an origin like https://app.example.com (scheme and host, no path)"),
            ));
        }
        origins.push(origin.to_string());
    }
    Ok(origins)
}

impl AuthSettings {
    fn read(v: &Vars) -> Result<AuthSettings, ConfigError> {
        let int = |var: &'static str, default: u32, max: u32| v.number(var, default, 1..=max).map(i64::from);
        Ok(AuthSettings {
            jwt_secret: v.secret("PORTICO_JWT_SECRET")?,
            hmac_secret: v.secret("PORTICO_HMAC_SECRET")?,
            vault_secret: v.secret("PORTICO_VAULT_KEY")?,
            code_ttl_minutes: int("PORTICO_OTP_TTL_MINUTES", 10, 60)?,
            link_ttl_minutes: int("PORTICO_MAGIC_LINK_TTL_MINUTES", 15, 60 * 24)?,
            code_max_attempts: int("PORTICO_OTP_MAX_ATTEMPTS", 5, 100)? as i32,
            resend_cooldown_seconds: int("PORTICO_OTP_COOLDOWN_SECONDS", 60, 3600)?,
            codes_per_email_per_hour: int("PORTICO_OTP_PER_EMAIL_PER_HOUR", 5, 100_000)? as i32,
            codes_per_email_all_ips_per_hour: int("PORTICO_OTP_PER_EMAIL_ALL_PER_HOUR", 20, 100_000)? as i32,
            requests_per_ip_per_hour: int("PORTICO_OTP_PER_IP_PER_HOUR", 30, 1_000_000)? as i32,
            access_token_minutes: int("PORTICO_ACCESS_TOKEN_MINUTES", 15, 24 * 60)?,
            session_idle_minutes: int("PORTICO_SESSION_IDLE_MINUTES", 30, 7 * 24 * 60)?,
            session_max_hours: int("PORTICO_SESSION_MAX_HOURS", 12, 24 * 90)?,
        })
    }
}

impl MailSettings {
    fn read(v: &Vars) -> Result<MailSettings, ConfigError> {
        let transport = match v.get("PORTICO_MAIL_TRANSPORT").map(str::to_ascii_lowercase).as_deref() {
            None | Some("console") => MailTransport::Console,
            Some("smtp") => match v.get("PORTICO_SMTP_URL") {
                Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => {
                    MailTransport::Smtp(url.to_string())
                }
                Some(url) => {
                    return Err(err("PORTICO_SMTP_URL", format!("'{url}' must start with smtp:// or smtps://")));
                }
                None => {
                    return Err(err("PORTICO_SMTP_URL", "is required when PORTICO_MAIL_TRANSPORT=smtp".to_string()));
                }
            },
            Some(other) => {
                return Err(err("PORTICO_MAIL_TRANSPORT", format!("'{other}' is not one of: console, smtp")));
            }
        };
        let from = v.get("PORTICO_MAIL_FROM").unwrap_or("Portico <no-reply@localhost>").to_string();
        if !from.contains('@') {
            return Err(err(
                "PORTICO_MAIL_FROM",
                format!("'{from}' is not an address like 'Portico <no-reply@example.com>'"),
            ));
        }
        Ok(MailSettings { transport, from })
    }
}

impl SmsSettings {
    /// None when no `PORTICO_SMS_*` is set; all three credentials once any is.
    fn read(v: &Vars) -> Result<Option<SmsSettings>, ConfigError> {
        let parts =
            ["PORTICO_SMS_ACCOUNT_SID", "PORTICO_SMS_AUTH_TOKEN", "PORTICO_SMS_FROM"].map(|var| (var, v.get(var)));
        if parts.iter().all(|(_, value)| value.is_none()) {
            return Ok(None);
        }
        if let Some((missing, _)) = parts.iter().find(|(_, value)| value.is_none()) {
            return Err(err(missing, "is required once any PORTICO_SMS_* setting is set".to_string()));
        }
        let url = v.get("PORTICO_SMS_URL").unwrap_or("https://api.twilio.com").to_string();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(err("PORTICO_SMS_URL", format!("'{url}' must start with https:// or http://")));
        }
        let value = |i: usize| parts[i].1.unwrap_or_default().to_string();
        Ok(Some(SmsSettings { url, account_sid: value(0), auth_token: value(1), from: value(2) }))
    }
}

impl PaymentApis {
    fn read(v: &Vars) -> Result<PaymentApis, ConfigError> {
        Ok(PaymentApis {
            stripe_url: v.base_url("PORTICO_STRIPE_API_URL", "https://api.stripe.com")?,
            paystack_url: v.base_url("PORTICO_PAYSTACK_API_URL", "https://api.paystack.co")?,
        })
    }
}

impl MetricsSettings {
    fn read(v: &Vars, listen: SocketAddr) -> Result<MetricsSettings, ConfigError> {
        let token = match v.get("PORTICO_METRICS_TOKEN") {
            Some(t) if t.len() < 16 => {
                return Err(err("PORTICO_METRICS_TOKEN", "must be at least 16 characters".to_string()));
            }
            other => other.map(str::to_string),
        };
        let listen_metrics = match v.get("PORTICO_METRICS_LISTEN") {
            Some(raw) => Some(raw.parse::<SocketAddr>().map_err(|_| {
                err("PORTICO_METRICS_LISTEN", format!("'{raw}' is not an address and port like 127.0.0.1:9090"))
            })?),
            None => None,
        };
        if listen_metrics == Some(listen) {
            return Err(err("PORTICO_METRICS_LISTEN", "must differ from PORTICO_LISTEN".to_string()));
        }
        Ok(MetricsSettings { token, listen: listen_metrics })
    }
}

fn number(raw: Option<&str>, default: u32, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    let Some(raw) = raw else { return Ok(default) };
    match raw.parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(format!("'{raw}' is not a whole number from {} to {}", range.start(), range.end())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_need_nothing_set() {
        let c = Config::from_vars(&HashMap::new()).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database, DbTarget::Sqlite("data/portico.db".into()));
        assert_eq!(c.public("/docs"), "http://127.0.0.1:8080/docs");
        assert_eq!(c.log_format, LogFormat::Text);
        assert_eq!(c.web_dir, PathBuf::from("web/dist"));
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        for (var, value) in [
            ("PORTICO_LISTEN", "localhost"),
            ("PORTICO_DATABASE_URL", "mysql://x"),
            ("PORTICO_PUBLIC_URL", "portal.example.com"),
            ("PORTICO_LOG_FORMAT", "xml"),
            ("PORTICO_DB_POOL_SIZE", "0"),
            ("PORTICO_CORS_ORIGINS", "https://a.example.com/path"),
            ("PORTICO_WORKERS", "many"),
            ("PORTICO_MAIL_TRANSPORT", "pigeon"),
            ("PORTICO_WEBHOOKS_ALLOW_PRIVATE", "sometimes"),
            ("PORTICO_OTP_MAX_ATTEMPTS", "0"),
        ] {
            let e = Config::from_vars(&vars(&[(var, value)])).unwrap_err();
            assert_eq!(e.var, var, "{e}");
            assert!(e.to_string().contains(value), "message should quote the bad value: {e}");
        }
    }

    #[test]
    fn short_secrets_are_refused_without_being_echoed() {
        let e = Config::from_vars(&vars(&[("PORTICO_JWT_SECRET", "hunter2")])).unwrap_err();
        assert_eq!(e.var, "PORTICO_JWT_SECRET");
        assert!(!e.to_string().contains("hunter2"));
        let e = Config::from_vars(&vars(&[("PORTICO_MAIL_TRANSPORT", "smtp")])).unwrap_err();
        assert_eq!(e.var, "PORTICO_SMTP_URL");
        let e =
            Config::from_vars(&vars(&[("PORTICO_SMS_ACCOUNT_SID", "AC1"), ("PORTICO_SMS_FROM", "+1500")])).unwrap_err();
        assert_eq!(e.var, "PORTICO_SMS_AUTH_TOKEN", "a partial SMS setup names what is missing");
    }

    #[test]
    fn postgres_urls_are_accepted() {
        let c = Config::from_vars(&vars(&[("PORTICO_DATABASE_URL", "postgres://u@localhost/db")])).unwrap();
        assert_eq!(c.database, DbTarget::Postgres("postgres://u@localhost/db".into()));
    }

    #[test]
    fn storage_defaults_to_the_data_dir_and_takes_s3_urls() {
        let c = Config::from_vars(&vars(&[("PORTICO_DATA_DIR", "/srv/portico")])).unwrap();
        assert_eq!(c.storage, StorageTarget::Local(PathBuf::from("/srv/portico/files")));
        assert_eq!(c.max_upload_bytes, 25 * 1024 * 1024);
        let c = Config::from_vars(&vars(&[
            ("PORTICO_STORAGE_URL", "s3://portal-files/prod/"),
            ("PORTICO_MAX_UPLOAD_MB", "100"),
        ]))
        .unwrap();
        assert_eq!(c.storage, StorageTarget::S3 { bucket: "portal-files".into(), prefix: "prod".into() });
        assert_eq!(c.max_upload_bytes, 100 * 1024 * 1024);
        let c = Config::from_vars(&vars(&[("PORTICO_STORAGE_URL", "file:///var/files")])).unwrap();
        assert_eq!(c.storage, StorageTarget::Local(PathBuf::from("/var/files")));
        for (var, bad) in
            [("PORTICO_STORAGE_URL", "s3://"), ("PORTICO_STORAGE_URL", "gs://b"), ("PORTICO_MAX_UPLOAD_MB", "0")]
        {
            let e = Config::from_vars(&vars(&[(var, bad)])).unwrap_err();
            assert_eq!(e.var, var, "{bad}");
        }
    }
}
