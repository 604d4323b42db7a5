//! Tenant rows and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::color::readable_text_on;
use crate::db::schema::tenants;
use crate::db::utc;
use crate::http::patch::double_option;
use crate::i18n::Language;
use crate::mail::templates::Brand;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct TenantRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    pub primary_color: String,
    pub accent_color: String,
    pub login_title: Option<String>,
    pub login_message: Option<String>,
    pub custom_domain: Option<String>,
    pub timezone: String,
    pub currency: String,
    pub locale: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub mail_from: Option<String>,
    pub language: String,
    pub remember_device: bool,
}

/// A tenant as its staff and API keys see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Tenant {
    pub id: String,
    /// Lowercase handle in portal URLs: `/portal/{slug}`.
    #[schema(example = "studio-anna")]
    pub slug: String,
    #[schema(example = "Studio Anna")]
    pub name: String,
    pub logo_url: Option<String>,
    /// Main brand colour, `#rrggbb`.
    #[schema(example = "#2563eb")]
    pub primary_color: String,
    #[schema(example = "#f59e0b")]
    pub accent_color: String,
    /// Heading of the portal's login page (defaults to the tenant's name).
    pub login_title: Option<String>,
    /// A short message under the heading.
    pub login_message: Option<String>,
    /// A host name that serves this tenant's portal at `/`.
    #[schema(example = "portal.studio-anna.com")]
    pub custom_domain: Option<String>,
    /// IANA time zone for showing times and for business hours.
    #[schema(example = "Europe/Paris")]
    pub timezone: String,
    /// Default ISO 4217 currency.
    #[schema(example = "EUR")]
    pub currency: String,
    /// BCP 47 locale for formatting dates and money.
    #[schema(example = "fr-FR")]
    pub locale: String,
    /// Address the tenant's emails come from; `null` uses the server's `PORTICO_MAIL_FROM`.
    /// The mail relay must be allowed to send for its domain (SPF, DKIM).
    #[schema(example = "hello@studio-anna.com")]
    pub mail_from: Option<String>,
    /// The language the business writes to clients who have not chosen theirs: emails,
    /// PDFs, and the portal for a visitor whose browser asks for none Portico speaks.
    pub language: Language,
    /// Whether the login pages offer "keep me signed in on this device" (30 days) for this
    /// business's clients and staff. Off: every browser session ends when the browser closes.
    pub remember_device: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a portal's login page may show before anyone logs in.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublicBranding {
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    pub primary_color: String,
    /// `#ffffff` or `#111827`, whichever reads better on `primary_color`.
    pub primary_text_color: String,
    pub accent_color: String,
    pub login_title: String,
    pub login_message: Option<String>,
    pub timezone: String,
    pub locale: String,
    /// The portal's language for a visitor whose browser asks for none Portico speaks.
    pub language: Language,
    /// Whether the login page may offer "text me the code" (`channel: sms`): text messages
    /// are set up. A client without a mobile on file still gets the code by email; the
    /// answer is the same either way.
    pub sms_login: bool,
    /// Whether the login page may offer "keep me signed in on this device" (`remember`).
    pub remember_device: bool,
}

/// Changes to the caller's tenant. Fields left out stay as they are; `null` clears an
/// optional field.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Lumen Design Studio", "primary_color": "#4f46e5", "login_title": "Welcome to your studio space", "timezone": "Europe/Paris"}))]
pub struct UpdateTenant {
    /// Changing it changes every portal link already sent to clients. Lowercase letters,
    /// digits and single hyphens, 3 to 40 characters, starting with a letter; not one of the
    /// words of Portico's own routes (the pattern lists them).
    #[validate(custom(function = "rules::slug"))]
    #[schema(
        pattern = "^(?!(?:admin|api|api-keys|app|appointments|apps|assets|auth|availability|billing|book|booking|booking-settings|calendar|clients|console|contracts|dashboard|deliverables|docs|favicon|files|forms|healthz|help|home|invoices|login|logout|mail|manifest|me|metrics|new|notifications|openapi|orders|payments|portal|products|projects|public|quotes|readyz|register|reviews|robots|root|service-orders|services|settings|signup|staff|static|status|support|swagger|system|templates|tenant|threads|time|time-logs|view-as|webhooks|www)$)(?=.{3,40}$)[a-z](?:-?[a-z0-9])*$"
    )]
    pub slug: Option<String>,
    #[validate(
        length(min = 1, max = 120, message = "must be 1 to 120 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::web_url"), length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,4})?(?:[/?#][^\\s]*)?$"
    )]
    pub logo_url: Option<Option<String>>,
    #[validate(custom(function = "rules::hex_color"))]
    #[schema(pattern = "^#[0-9A-Fa-f]{6}$")]
    pub primary_color: Option<String>,
    #[validate(custom(function = "rules::hex_color"))]
    #[schema(pattern = "^#[0-9A-Fa-f]{6}$")]
    pub accent_color: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 120, message = "must be at most 120 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = Option<String>, nullable, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 120)]
    pub login_title: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 1000, message = "must be at most 1000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 1000)]
    pub login_message: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::domain"))]
    #[schema(value_type = Option<String>, nullable, max_length = 253)]
    #[schema(pattern = "^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    pub custom_domain: Option<Option<String>>,
    #[validate(custom(function = "rules::timezone"))]
    #[schema(value_type = Option<rules::TimeZoneName>)]
    pub timezone: Option<String>,
    #[validate(custom(function = "rules::currency"))]
    #[schema(
        pattern = "^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHF|CLP|CNY|COP|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|VED|VES|VND|VUV|WST|XAF|XCD|XCG|XOF|XPF|YER|ZAR|ZMW|ZWG)$"
    )]
    pub currency: Option<String>,
    #[validate(custom(function = "rules::locale"))]
    #[schema(pattern = "^[a-z]{2,3}(?:-(?:[A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3}))*$")]
    pub locale: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(email(message = "must be a valid email address"))]
    #[schema(value_type = Option<String>, nullable, format = Email)]
    pub mail_from: Option<Option<String>>,
    pub language: Option<Language>,
    /// Off: browser sessions always end when the browser closes; sessions already kept
    /// for 30 days run out as they were promised.
    pub remember_device: Option<bool>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = tenants)]
pub struct TenantChanges {
    pub slug: Option<String>,
    pub name: Option<String>,
    pub logo_url: Option<Option<String>>,
    pub primary_color: Option<String>,
    pub accent_color: Option<String>,
    pub login_title: Option<Option<String>>,
    pub login_message: Option<Option<String>>,
    pub custom_domain: Option<Option<String>>,
    pub timezone: Option<String>,
    pub currency: Option<String>,
    pub locale: Option<String>,
    pub mail_from: Option<Option<String>>,
    pub language: Option<String>,
    pub remember_device: Option<bool>,
    pub updated_at: NaiveDateTime,
}

impl UpdateTenant {
    pub fn into_changes(self, now: NaiveDateTime) -> TenantChanges {
        // Blank optional text means "none", so the portal never shows an empty heading.
        let blank_to_none =
            |v: Option<Option<String>>| v.map(|o| o.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
        TenantChanges {
            slug: self.slug,
            name: self.name.map(|n| n.trim().to_string()),
            logo_url: self.logo_url,
            primary_color: self.primary_color.map(|c| c.to_ascii_lowercase()),
            accent_color: self.accent_color.map(|c| c.to_ascii_lowercase()),
            login_title: blank_to_none(self.login_title),
            login_message: blank_to_none(self.login_message),
            custom_domain: self.custom_domain,
            timezone: self.timezone,
            currency: self.currency,
            locale: self.locale,
            mail_from: self.mail_from.map(|m| m.map(|a| a.trim().to_lowercase())),
            language: self.language.map(|l| l.as_str().to_string()),
            remember_device: self.remember_device,
            updated_at: now,
        }
    }
}

impl From<TenantRow> for Tenant {
    fn from(r: TenantRow) -> Tenant {
        let language = r.language();
        Tenant {
            id: r.id,
            slug: r.slug,
            name: r.name,
            logo_url: r.logo_url,
            primary_color: r.primary_color,
            accent_color: r.accent_color,
            login_title: r.login_title,
            login_message: r.login_message,
            custom_domain: r.custom_domain,
            timezone: r.timezone,
            currency: r.currency,
            locale: r.locale,
            mail_from: r.mail_from,
            language,
            remember_device: r.remember_device,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

impl From<TenantRow> for PublicBranding {
    fn from(r: TenantRow) -> PublicBranding {
        let language = r.language();
        PublicBranding {
            primary_text_color: readable_text_on(&r.primary_color).to_string(),
            login_title: r.login_title.unwrap_or_else(|| r.name.clone()),
            slug: r.slug,
            name: r.name,
            logo_url: r.logo_url,
            primary_color: r.primary_color,
            accent_color: r.accent_color,
            login_message: r.login_message,
            language,
            timezone: r.timezone,
            locale: r.locale,
            sms_login: false,
            remember_device: r.remember_device,
        }
    }
}

impl PublicBranding {
    /// The branding as this server offers it: SMS login when text messages are set up.
    pub fn offered(row: TenantRow, config: &crate::config::Config) -> PublicBranding {
        PublicBranding { sms_login: config.sms.is_some(), ..row.into() }
    }
}

impl TenantRow {
    /// The business's default language.
    pub fn language(&self) -> Language {
        Language::stored_or(&self.language, Language::English)
    }

    /// The language to write to someone whose own preference is `chosen` (none: the business's).
    pub fn language_for(&self, chosen: Option<&str>) -> Language {
        Language::stored(chosen).unwrap_or_else(|| self.language())
    }

    /// What the emails speak for: the tenant's name, colour, time zone and sender address.
    pub fn brand(&self) -> Brand<'_> {
        Brand {
            name: &self.name,
            address: self.mail_from.as_deref(),
            timezone: &self.timezone,
            locale: &self.locale,
            color: &self.primary_color,
            text_color: readable_text_on(&self.primary_color),
        }
    }
}
