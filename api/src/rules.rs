//! Field rules shared by several domains, as `validator` custom functions whose messages
//! tell a person what to type instead.

use std::borrow::Cow;
use std::str::FromStr;

use validator::ValidationError;

fn invalid(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

/// Words a slug may not be, because they are (or will be) paths of our own: the web app's
/// top-level pages, and every word after `/api/v1/portal/` that is not a slug (a tenant
/// called "invoices" would otherwise meet `/api/v1/portal/invoices/{id}`).
pub const RESERVED_SLUGS: &[&str] = &[
    "admin",
    "api",
    "api-keys",
    "app",
    "appointments",
    "apps",
    "assets",
    "auth",
    "availability",
    "billing",
    "book",
    "booking",
    "booking-settings",
    "calendar",
    "clients",
    "console",
    "contracts",
    "dashboard",
    "deliverables",
    "docs",
    "favicon",
    "files",
    "forms",
    "healthz",
    "help",
    "home",
    "invoices",
    "login",
    "logout",
    "mail",
    "manifest",
    "me",
    "metrics",
    "new",
    "notifications",
    "openapi",
    "orders",
    "payments",
    "portal",
    "products",
    "projects",
    "public",
    "quotes",
    "readyz",
    "register",
    "reviews",
    "robots",
    "root",
    "service-orders",
    "services",
    "settings",
    "signup",
    "staff",
    "static",
    "status",
    "support",
    "swagger",
    "system",
    "templates",
    "tenant",
    "threads",
    "time",
    "time-logs",
    "view-as",
    "webhooks",
    "www",
];

/// Lowercase letters, digits and single hyphens; 3–40 characters; starts with a letter.
pub fn slug(value: &str) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if !(3..=40).contains(&len) {
        return Err(invalid("slug", "must be 3 to 40 characters long"));
    }
    let shaped = value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && value.as_bytes()[0].is_ascii_lowercase()
        && !value.ends_with('-')
        && !value.contains("--");
    if !shaped {
        return Err(invalid(
            "slug",
            "may hold only lowercase letters, digits and single hyphens, starting with a letter (e.g. 'studio-anna')",
        ));
    }
    if RESERVED_SLUGS.contains(&value) {
        return Err(invalid("slug", format!("'{value}' is reserved; choose another")));
    }
    Ok(())
}

/// `#rrggbb`.
pub fn hex_color(value: &str) -> Result<(), ValidationError> {
    let ok = value.len() == 7 && value.starts_with('#') && value[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok { Ok(()) } else { Err(invalid("color", "must be a colour like #1a2b3c")) }
}

/// An absolute http(s) URL.
pub fn web_url(value: &str) -> Result<(), ValidationError> {
    match url::Url::parse(value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(()),
        _ => Err(invalid("url", "must be an absolute http:// or https:// URL")),
    }
}

/// An IANA time zone name such as `Europe/Paris`.
pub fn timezone(value: &str) -> Result<(), ValidationError> {
    chrono_tz::Tz::from_str(value)
        .map(|_| ())
        .map_err(|_| invalid("timezone", "must be an IANA time zone such as Europe/Paris or America/New_York"))
}

/// A string schema that is one of `values`: how the spec names a field whose values are a
/// list kept in code (event types, activity kinds), so a generated client offers the list.
pub fn string_enum<'a>(
    description: &str,
    values: impl IntoIterator<Item = &'a str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new().schema_type(Type::String).description(Some(description)).enum_values(Some(values)).into()
}

/// How the spec states a time zone field: a pattern that is the alternation of every name
/// [`timezone`] takes (chrono-tz's copy of the IANA database). Not an `enum`: names such as
/// `Etc/GMT+1` and `Etc/GMT-1` become the same identifier in generated clients, which then
/// refuse the whole document.
pub struct TimeZoneName;

impl utoipa::PartialSchema for TimeZoneName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let names: Vec<String> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name().replace('+', "\\+")).collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("An IANA time zone name such as `Europe/Paris`."))
            .pattern(Some(format!("^(?:{})$", names.join("|"))))
            .into()
    }
}

impl utoipa::ToSchema for TimeZoneName {}

/// The currencies money may be in: ISO 4217's codes in circulation (as of 2025), without
/// funds, precious metals, drawing rights, test codes and withdrawn currencies (HRK, SLL,
/// ZWL, ANG…), none of which a business invoices in. Sorted, for the spec's pattern.
pub const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD",
    "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
    "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
    "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
    "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// Dates a person could mean: 2000-01-01 up to 2099-12-31. Outside it, a typo (20266) or a
/// probe; the spec says the same with a pattern on the year (`20xx`).
pub fn sane_date(value: &chrono::NaiveDate) -> Result<(), ValidationError> {
    use chrono::Datelike;
    if (2000..2100).contains(&value.year()) { Ok(()) } else { Err(invalid("date", "must be a date from 2000 to 2099")) }
}

/// An instant in the same window. A day of slack either side, so any time written with a
/// 20xx year and an offset (which the spec's pattern allows) is accepted.
pub fn sane_instant(value: &chrono::DateTime<chrono::Utc>) -> Result<(), ValidationError> {
    use chrono::{NaiveDate, TimeDelta};
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
    let to = NaiveDate::from_ymd_opt(2100, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
    match (from, to) {
        (Some(from), Some(to)) if *value >= from - TimeDelta::days(1) && *value < to + TimeDelta::days(1) => Ok(()),
        _ => Err(invalid("date", "must be a time from 2000 to 2099")),
    }
}

/// The pattern the spec puts on those dates and times: a year from 2000 to 2099.
pub const SANE_YEAR: &str = "^20[0-9]{2}-";

/// An ISO 4217 code of a currency in circulation ([`CURRENCIES`]).
pub fn currency(value: &str) -> Result<(), ValidationError> {
    if CURRENCIES.binary_search(&value).is_ok() {
        Ok(())
    } else {
        Err(invalid("currency", "must be the ISO 4217 code of a currency in circulation, such as EUR, USD or GBP"))
    }
}

/// A BCP 47 language tag of the common shape: `en`, `en-US`, `pt-BR`, `zh-Hant-TW`.
pub fn locale(value: &str) -> Result<(), ValidationError> {
    let mut parts = value.split('-');
    let lang_ok = parts.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    let rest_ok = parts.all(|p| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
            || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
            || (p.len() == 4 && p.as_bytes()[0].is_ascii_uppercase() && p[1..].bytes().all(|b| b.is_ascii_lowercase()))
    });
    if lang_ok && rest_ok { Ok(()) } else { Err(invalid("locale", "must be a language tag such as en-US or fr-FR")) }
}

/// A lowercase host name with at least one dot and no scheme, port or path.
pub fn domain(value: &str) -> Result<(), ValidationError> {
    let labels_ok = value.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    if value.len() <= 253 && value.contains('.') && labels_ok {
        Ok(())
    } else {
        Err(invalid("domain", "must be a lowercase host name such as portal.example.com (no https://, port or path)"))
    }
}

/// Digits, spaces and `+()-./`; 5–32 characters.
pub fn phone(value: &str) -> Result<(), ValidationError> {
    let ok = (5..=32).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_digit() || b" +()-./".contains(&b))
        && value.bytes().filter(u8::is_ascii_digit).count() >= 5;
    if ok { Ok(()) } else { Err(invalid("phone", "must be a phone number such as +33 6 12 34 56 78")) }
}

/// Six digits, once spaces and dashes (as people paste them) are removed.
pub fn login_code(value: &str) -> Result<(), ValidationError> {
    let digits: Vec<u8> = value.bytes().filter(|b| !matches!(b, b' ' | b'-')).collect();
    if digits.len() == 6 && digits.iter().all(u8::is_ascii_digit) {
        Ok(())
    } else {
        Err(invalid("code", "must be the 6 digits from the email"))
    }
}

/// Not only white space.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() { Err(invalid("blank", "must not be blank")) } else { Ok(()) }
}

/// One line of text: no line break, tab or other control character (C0, DEL, C1, and the
/// Unicode line and paragraph separators). Names and titles end up in email headers (the
/// sender's display name, subjects) and HTTP headers (download file names), where a line
/// break would end the header early. The OpenAPI document states the same rule as the
/// pattern `^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$`.
pub fn one_line(value: &str) -> Result<(), ValidationError> {
    if value.chars().any(breaks_a_line) {
        Err(invalid("one_line", "must be on one line, without line breaks, tabs or other control characters"))
    } else {
        Ok(())
    }
}

/// A postal address fits the document's "Bill to" block: at most eight lines (the spec says
/// `^[^\u0000\n]*(?:\n[^\u0000\n]*){0,7}$`).
pub fn at_most_eight_lines(value: &str) -> Result<(), ValidationError> {
    if value.split('\n').count() > 8 { Err(invalid("at_most_eight_lines", "must be at most 8 lines")) } else { Ok(()) }
}

/// What `one_line` refuses.
pub fn breaks_a_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text made one line: every character that breaks a line becomes a space and runs of
/// spaces become one. For what must stand on one line whatever was stored: a mail header (a
/// line break would end it and start another; `one_line` refuses such names at the API, this
/// is the second line of defence), or an excerpt of a stranger's answer kept in a log.
pub fn flattened(value: &str) -> String {
    let spaced: String = value.chars().map(|c| if breaks_a_line(c) { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Optional text as stored: trimmed, and `None` when nothing is left, so a blank field and
/// an absent one read the same.
pub fn tidy(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["demo", "studio-anna", "a12", "abc-def-9"] {
            assert!(slug(ok).is_ok(), "{ok}");
        }
        for bad in ["ab", "Demo", "1abc", "abc-", "a--b", "api", "docs", "admin", "ünï", &"a".repeat(41)] {
            assert!(slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn no_slug_can_be_a_word_of_our_own_routes() {
        // A new portal resource (`/api/v1/portal/invoices/…`) or API collection fails here
        // until its word is reserved, before any tenant can take it as a slug.
        for path in crate::openapi::spec().paths.paths.keys() {
            let words: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
            let taken = match words.as_slice() {
                ["portal", word, ..] => word,
                [word, ..] => word,
                [] => continue,
            };
            if !taken.starts_with('{') {
                assert!(slug(taken).is_err(), "'{taken}' (from {path}) must be a reserved slug");
            }
        }
        for page in ["book", "orders", "projects", "invoices", "login"] {
            assert!(slug(page).is_err(), "{page}");
        }
    }

    #[test]
    fn the_spec_spells_the_slug_rule_with_every_reserved_word() {
        let spec = serde_json::to_value(crate::openapi::spec()).unwrap();
        let stated = &spec["components"]["schemas"]["UpdateTenant"]["properties"]["slug"]["pattern"];
        let expected = format!("^(?!(?:{})$)(?=.{{3,40}}$)[a-z](?:-?[a-z0-9])*$", RESERVED_SLUGS.join("|"));
        assert_eq!(stated.as_str(), Some(expected.as_str()), "update the pattern on UpdateTenant::slug");
    }

    #[test]
    fn the_spec_states_every_currency_and_only_those() {
        let expected = format!("^(?:{})$", CURRENCIES.join("|"));
        let spec = serde_json::to_value(crate::openapi::spec()).unwrap();
        let mut seen = 0;
        for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
            let Some(field) = schema["properties"].get("currency") else { continue };
            if name.starts_with("Create") || name.starts_with("Update") || name.contains("Draft") {
                assert_eq!(field["pattern"].as_str(), Some(expected.as_str()), "{name}.currency");
                seen += 1;
            }
        }
        assert!(seen >= 3, "the inputs with a currency: {seen}");
        assert!(CURRENCIES.windows(2).all(|w| w[0] < w[1]), "sorted, for binary_search");
        assert!(currency("EUR").is_ok() && currency("JPY").is_ok());
        for bad in ["XAU", "XXX", "HRK", "ABC", "eur"] {
            assert!(currency(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn flattened_text_has_no_line_break_or_control_character() {
        assert_eq!(flattened("Lumen\nStudio"), "Lumen Studio");
        assert_eq!(flattened("Offer\r\nBcc: evil@example.com"), "Offer Bcc: evil@example.com");
        assert_eq!(flattened(" a\t\u{7}b\u{85}c\u{2028}d "), "a b c d");
        assert_eq!(flattened("Café « Kiez » — 10 %"), "Café « Kiez » — 10 %");
    }

    #[test]
    fn colours_zones_locales_domains() {
        assert!(hex_color("#A1b2C3").is_ok());
        assert!(hex_color("red").is_err() && hex_color("#abc").is_err());
        assert!(timezone("Europe/Paris").is_ok() && timezone("Mars/Olympus").is_err());
        assert!(locale("en-US").is_ok() && locale("zh-Hant-TW").is_ok() && locale("english").is_err());
        assert!(domain("portal.example.com").is_ok());
        assert!(domain("https://x.com").is_err() && domain("localhost").is_err() && domain("x.com:80").is_err());
        assert!(currency("EUR").is_ok() && currency("eur").is_err());
        assert!(phone("+33 6 12 34 56 78").is_ok() && phone("call me").is_err());
    }
}

/// The slug rule against its plain-words definition, over strings of the characters people
/// actually try (and a few they should not).
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn by_the_book(s: &str) -> bool {
        let b = s.as_bytes();
        (3..=40).contains(&s.chars().count())
            && b[0].is_ascii_lowercase()
            && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
            && !s.ends_with('-')
            && !s.contains("--")
            && !RESERVED_SLUGS.contains(&s)
    }

    proptest! {
        #[test]
        fn slug_accepts_exactly_what_the_rule_says(
            chars in prop::collection::vec(prop::sample::select(vec!['a', 'm', 'z', '0', '9', '-', 'A', '_', ' ', 'é', '.']), 0..45)
        ) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(slug(&s).is_ok(), by_the_book(&s), "{:?}", s);
        }

        #[test]
        fn reserved_slugs_stay_reserved(i in 0..RESERVED_SLUGS.len()) {
            prop_assert!(slug(RESERVED_SLUGS[i]).is_err());
        }
    }
}
