//! Numbers, money and dates as a reader of each language expects them, the same rules the web
//! app gets from `Intl`: `€1,234.50` and `7 Dec 2026` in English, `1.234,50 €` and
//! `07.12.2026` in German, `1 234,50 €` and `7 déc. 2026` in French, `1234,50 €` and
//! `7 dic 2026` in Spanish. PDFs are drawn in Helvetica (WinAnsi), so spaces that must not
//! break are U+00A0, which WinAnsi has, where `Intl` would use U+202F.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::Language;
use crate::money::currency::exponent;

const NBSP: char = '\u{a0}';

/// How one reader's numbers and dates are written: their language, in the tenant's region
/// when the tenant's locale speaks it (an `en-US` business writes `Dec 7, 2026` to English
/// readers), else in the language's home region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub language: Language,
    /// Only English varies by region here: month first in the United States, and a 12-hour clock.
    us: bool,
}

impl Formats {
    pub fn new(language: Language, tenant_locale: &str) -> Formats {
        let mut parts = tenant_locale.split(['-', '_']);
        let same_language = parts.next().is_some_and(|l| l.eq_ignore_ascii_case(language.as_str()));
        let us = language == Language::English && same_language && parts.any(|p| p.eq_ignore_ascii_case("US"));
        Formats { language, us }
    }

    /// `1234567` → `1,234,567` / `1.234.567` / `1 234 567`; Spanish groups only from five digits.
    pub fn integer(&self, n: u64) -> String {
        let digits = n.to_string();
        let separator = match self.language {
            Language::English => ',',
            Language::German | Language::Spanish => '.',
            Language::French => NBSP,
        };
        if self.language == Language::Spanish && digits.len() <= 4 {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    fn decimal_mark(&self) -> char {
        if self.language == Language::English { '.' } else { ',' }
    }

    /// An amount in a currency's minor unit, with the currency's sign where readers put it:
    /// `€12,345.50`, `12.345,50 €`, `CHF 1,500.00`, `1.500 JPY`.
    pub fn money(&self, minor: i64, currency: &str) -> String {
        let exp = exponent(currency);
        let unit = 10u64.pow(exp);
        let abs = minor.unsigned_abs();
        let mut number = self.integer(abs / unit);
        if exp > 0 {
            number.push(self.decimal_mark());
            number.push_str(&format!("{:0width$}", abs % unit, width = exp as usize));
        }
        let sign = if minor < 0 { "-" } else { "" };
        let symbol = symbol(currency, self.language, self.us);
        match (self.language, symbol) {
            (Language::English, Some(s)) => format!("{sign}{s}{number}"),
            (Language::English, None) => format!("{sign}{currency}{NBSP}{number}"),
            (_, s) => format!("{sign}{number}{NBSP}{}", s.unwrap_or(currency)),
        }
    }

    /// A decimal written with a dot (`"1.5"`, a quantity) in the reader's way: `1,5`.
    pub fn decimal(&self, dotted: &str) -> String {
        let (whole, fraction) = dotted.split_once('.').unwrap_or((dotted, ""));
        let whole = match whole.strip_prefix('-') {
            Some(digits) => digits.parse().map(|n| format!("-{}", self.integer(n))),
            None => whole.parse().map(|n| self.integer(n)),
        }
        .unwrap_or_else(|_| whole.to_string());
        if fraction.is_empty() { whole } else { format!("{whole}{}{fraction}", self.decimal_mark()) }
    }

    /// A basis-points rate as a percentage: `1900` → `19%` / `19 %`; `550` → `5.5%` / `5,5 %`.
    pub fn percent(&self, bp: i64) -> String {
        let whole = bp / 100;
        let fraction = (bp % 100).abs();
        let mut number = whole.to_string();
        if fraction != 0 {
            number.push(self.decimal_mark());
            number.push_str(format!("{fraction:02}").trim_end_matches('0'));
        }
        match self.language {
            Language::English => format!("{number}%"),
            _ => format!("{number}{NBSP}%"),
        }
    }

    /// A calendar date in the medium style: `7 Dec 2026` (`Dec 7, 2026` in the US),
    /// `07.12.2026`, `7 déc. 2026`, `7 dic 2026`.
    pub fn date(&self, day: NaiveDate) -> String {
        let (d, m, y) = (day.day(), day.month0() as usize, day.year());
        match self.language {
            Language::English if self.us => format!("{} {d}, {y}", MONTHS_EN[m]),
            Language::English => format!("{d} {} {y}", MONTHS_EN[m]),
            Language::German => format!("{d:02}.{:02}.{y}", m + 1),
            Language::French => format!("{d} {} {y}", MONTHS_FR[m]),
            Language::Spanish => format!("{d} {} {y}", MONTHS_ES[m]),
        }
    }

    /// A time of day: `14:05`, `2:05 PM` in the US.
    pub fn time(&self, hour: u32, minute: u32) -> String {
        if self.us {
            let h12 = if hour.is_multiple_of(12) { 12 } else { hour % 12 };
            format!("{h12}:{minute:02}{NBSP}{}", if hour < 12 { "AM" } else { "PM" })
        } else {
            format!("{hour:02}:{minute:02}")
        }
    }

    /// An instant on a time zone's clock: its date and time, then the zone's abbreviation.
    pub fn date_time(&self, at: DateTime<Utc>, timezone: &str) -> String {
        let tz = timezone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
        let local = at.with_timezone(&tz);
        format!("{}, {} {}", self.date(local.date_naive()), self.time(local.hour(), local.minute()), local.format("%Z"))
    }

    /// A time of day on a time zone's clock, with the zone's abbreviation: `14:05 CET`.
    pub fn clock(&self, at: DateTime<Utc>, timezone: &str) -> String {
        let tz = timezone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
        let local = at.with_timezone(&tz);
        format!("{} {}", self.time(local.hour(), local.minute()), local.format("%Z"))
    }
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_ES: [&str; 12] = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];

/// The sign readers of a language write for a currency, where they have one.
fn symbol(currency: &str, language: Language, us: bool) -> Option<&'static str> {
    Some(match currency {
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "USD" if language == Language::English && us => "$",
        "USD" if language == Language::English => "US$",
        "USD" => "$",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(language: Language, locale: &str) -> Formats {
        Formats::new(language, locale)
    }

    #[test]
    fn money_is_written_as_each_language_writes_it() {
        assert_eq!(f(Language::English, "en-GB").money(1_234_550, "EUR"), "€12,345.50");
        assert_eq!(f(Language::German, "en-GB").money(1_234_550, "EUR"), "12.345,50\u{a0}€");
        assert_eq!(f(Language::French, "en-GB").money(1_234_550, "EUR"), "12\u{a0}345,50\u{a0}€");
        assert_eq!(f(Language::Spanish, "en-GB").money(123_450, "EUR"), "1234,50\u{a0}€");
        assert_eq!(f(Language::Spanish, "en-GB").money(1_234_550, "EUR"), "12.345,50\u{a0}€");
        assert_eq!(f(Language::English, "en-US").money(-250, "USD"), "-$2.50");
        assert_eq!(f(Language::English, "en-GB").money(150_000, "CHF"), "CHF\u{a0}1,500.00");
        assert_eq!(f(Language::German, "de-DE").money(1500, "JPY"), "1.500\u{a0}¥");
        assert_eq!(f(Language::French, "fr-FR").money(1500, "BHD"), "1,500\u{a0}BHD");
    }

    #[test]
    fn dates_and_times_follow_language_and_region() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(f(Language::English, "en-GB").date(day), "7 Dec 2026");
        assert_eq!(f(Language::English, "en-US").date(day), "Dec 7, 2026");
        assert_eq!(f(Language::English, "de-DE").date(day), "7 Dec 2026");
        assert_eq!(f(Language::German, "en-US").date(day), "07.12.2026");
        assert_eq!(f(Language::French, "en-GB").date(day), "7 déc. 2026");
        assert_eq!(f(Language::Spanish, "en-GB").date(day), "7 dic 2026");
        let at = DateTime::parse_from_rfc3339("2026-12-07T13:05:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(f(Language::German, "de-DE").date_time(at, "Europe/Berlin"), "07.12.2026, 14:05 CET");
        assert_eq!(f(Language::English, "en-US").clock(at, "America/New_York"), "8:05\u{a0}AM EST");
    }

    #[test]
    fn quantities() {
        assert_eq!(f(Language::German, "de-DE").decimal("1.5"), "1,5");
        assert_eq!(f(Language::English, "en-GB").decimal("1500"), "1,500");
        assert_eq!(f(Language::French, "fr-FR").decimal("2"), "2");
    }

    #[test]
    fn percentages() {
        assert_eq!(f(Language::English, "en-GB").percent(1900), "19%");
        assert_eq!(f(Language::German, "de-DE").percent(550), "5,5\u{a0}%");
    }
}
