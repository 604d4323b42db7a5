//! The emails Portico writes, each as plain text and HTML, branded with the tenant's name
//! and colour. Every interpolated value is HTML-escaped.

use chrono::{DateTime, Utc};

use super::Email;
use crate::i18n::{Formats, Language};
use crate::tr;

/// Who the email speaks for (a tenant's is `TenantRow::brand`).
pub struct Brand<'a> {
    pub name: &'a str,
    /// The tenant's own sender address, if any.
    pub address: Option<&'a str>,
    /// IANA time zone for the times an email shows.
    pub timezone: &'a str,
    /// The business's BCP 47 locale: the region its readers' formats follow.
    pub locale: &'a str,
    pub color: &'a str,
    pub text_color: &'a str,
}

impl Brand<'_> {
    /// Portico's own, for mail that speaks for no single tenant (staff login).
    pub fn portico() -> Brand<'static> {
        Brand {
            name: "Portico",
            address: None,
            timezone: "UTC",
            locale: "en-GB",
            color: "#2563eb",
            text_color: "#ffffff",
        }
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The parts of a branded email; every string is plain text, escaped when laid out.
struct Card<'a> {
    heading: &'a str,
    /// Shown large, letter-spaced (the login code).
    highlight: Option<&'a str>,
    lines: &'a [&'a str],
    button: &'a str,
    link: &'a str,
    footer: &'a str,
}

/// Where a line may be added under the footer once the card is laid out (`with_opt_out`).
const AFTER_FOOTER: &str = "<!--after-footer-->";

/// One card layout for every email: the tenant's name, a heading, a button in its colour.
fn layout(brand: &Brand<'_>, card: &Card<'_>) -> String {
    let highlight = card
        .highlight
        .map(|h| {
            format!(r#"<p style="margin:0 0 24px;font-size:32px;letter-spacing:8px;font-weight:700">{}</p>"#, escape(h))
        })
        .unwrap_or_default();
    let lines: String =
        card.lines.iter().map(|l| format!(r#"<p style="margin:0 0 24px;font-size:15px">{}</p>"#, escape(l))).collect();
    // A card without a link (a security notice) has no button.
    let button = if card.link.is_empty() {
        String::new()
    } else {
        format!(
            r#"<p style="margin:0 0 24px"><a href="{link}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:{color};color:{text_color};text-decoration:none;font-weight:600">{button}</a></p>"#,
            link = escape(card.link),
            color = escape(brand.color),
            text_color = escape(brand.text_color),
            button = escape(card.button),
        )
    };
    format!(
        r#"<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px">
<tr><td>
<p style="margin:0 0 8px;font-size:14px;color:#6b7280">{name}</p>
<h1 style="margin:0 0 24px;font-size:20px">{heading}</h1>
{highlight}{lines}{button}
<p style="margin:0;font-size:12px;color:#6b7280">{footer}</p>
{AFTER_FOOTER}</td></tr></table></body></html>"#,
        name = escape(brand.name),
        heading = escape(card.heading),
        footer = escape(card.footer),
    )
}

fn email(brand: &Brand<'_>, to: &str, subject: String, text: String, html: String) -> Email {
    Email {
        to: to.to_string(),
        from_name: Some(brand.name.to_string()),
        from_address: brand.address.map(str::to_string),
        subject,
        text,
        html,
        attachments: Vec::new(),
    }
}

/// The login email: a 6-digit code, a one-click link, and when both expire.
pub fn login(
    brand: &Brand<'_>,
    lang: Language,
    to: &str,
    code: &str,
    link: &str,
    code_expires: DateTime<Utc>,
    minutes: i64,
) -> Email {
    let business = brand.name;
    let time = Formats::new(lang, brand.locale).clock(code_expires, brand.timezone);
    let expiry = tr!(lang, "login-expiry", minutes = minutes, time = time);
    let footer = tr!(lang, "login-footer");
    let text = format!(
        "{intro}\n\n    {code}\n\n{expiry}\n\n{link_intro}\n{link}\n\n{footer}\n",
        intro = tr!(lang, "login-intro", business = business),
        link_intro = tr!(lang, "login-link-intro"),
    );
    let button = tr!(lang, "login-button", business = business);
    let heading = tr!(lang, "login-heading");
    let card =
        Card { heading: &heading, highlight: Some(code), lines: &[&expiry], button: &button, link, footer: &footer };
    email(brand, to, tr!(lang, "login-subject", code = code, business = business), text, layout(brand, &card))
}

/// The code a visitor types on the public booking page to prove their email. No link: the
/// booking waits on the page that asked for it.
pub fn booking_code(brand: &Brand<'_>, lang: Language, to: &str, code: &str, minutes: i64) -> Email {
    let business = brand.name;
    let intro = tr!(lang, "booking-code-intro", business = business);
    let expiry = tr!(lang, "booking-code-expiry", minutes = minutes);
    let heading = tr!(lang, "booking-code-heading");
    let text = format!("{heading}\n\n{intro}\n\n    {code}\n\n{expiry}\n");
    let card =
        Card { heading: &heading, highlight: Some(code), lines: &[&intro, &expiry], button: "", link: "", footer: "" };
    email(brand, to, tr!(lang, "booking-code-subject", code = code, business = business), text, layout(brand, &card))
}

/// The login code as a text message.
pub fn login_sms(brand: &Brand<'_>, lang: Language, code: &str, minutes: i64) -> String {
    tr!(lang, "login-sms", code = code, business = brand.name, minutes = minutes)
}

/// What an invitation invites to.
#[derive(Debug, Clone, Copy)]
pub enum Invited<'a> {
    Portal,
    /// The team, in a role (`owner`, `admin`, `member`).
    Team(&'a str),
}

/// An invitation: a welcome line, one button, and how long the link works.
pub fn invitation(
    brand: &Brand<'_>,
    lang: Language,
    to: &str,
    greeting_name: &str,
    what: Invited<'_>,
    link: &str,
    days: i64,
) -> Email {
    let business = brand.name;
    let what = match what {
        Invited::Portal => tr!(lang, "invitation-what-portal"),
        Invited::Team("owner") => tr!(lang, "invitation-what-owner"),
        Invited::Team("admin") => tr!(lang, "invitation-what-admin"),
        Invited::Team(_) => tr!(lang, "invitation-what-member"),
    };
    let invited = tr!(lang, "invitation-line", business = business, what = &what);
    let later = tr!(lang, "invitation-later");
    let text = format!(
        "{greeting}\n\n{invited}\n\n{link_intro}\n{link}\n\n{later}\n",
        greeting = tr!(lang, "greeting", name = greeting_name),
        link_intro = tr!(lang, "invitation-link-intro", days = days),
    );
    let heading = tr!(lang, "invitation-heading", name = greeting_name);
    let button = tr!(lang, "invitation-button", business = business);
    let footer = tr!(lang, "invitation-footer", days = days, later = &later);
    let card = Card { heading: &heading, highlight: None, lines: &[&invited], button: &button, link, footer: &footer };
    email(brand, to, tr!(lang, "invitation-subject", business = business, what = &what), text, layout(brand, &card))
}

/// What an order-status email says.
pub struct OrderNews<'a> {
    /// `SO-0007`.
    pub reference: &'a str,
    pub title: &'a str,
    /// The news as a sentence in the reader's language: "Your order SO-0007 is ready for pickup".
    pub headline: String,
    /// Staff's note with the change.
    pub note: Option<&'a str>,
    /// The order's page in the portal.
    pub link: &'a str,
}

/// A service order changed status: the news in the subject, staff's note, a button to the order.
pub fn order_status(brand: &Brand<'_>, lang: Language, to: &str, greeting_name: &str, news: &OrderNews<'_>) -> Email {
    let subject = &news.headline;
    let about = tr!(lang, "order-about", reference = news.reference, title = news.title);
    let note = news.note.map(|n| tr!(lang, "order-note", business = brand.name, note = n));
    let mut lines = vec![about.as_str()];
    lines.extend(note.as_deref());
    let text = format!(
        "{greeting}\n\n{subject}.\n\n{}\n\n{see}\n{}\n",
        lines.join("\n\n"),
        news.link,
        greeting = tr!(lang, "greeting", name = greeting_name),
        see = tr!(lang, "order-see"),
    );
    let footer = tr!(lang, "order-footer", business = brand.name);
    let button = tr!(lang, "order-button");
    let card =
        Card { heading: subject, highlight: None, lines: &lines, button: &button, link: news.link, footer: &footer };
    email(brand, to, subject.clone(), text, layout(brand, &card))
}

/// A notice about an appointment (cancelled, moved): a heading, a few lines, one button.
pub fn appointment_notice(
    brand: &Brand<'_>,
    lang: Language,
    to: &str,
    heading: &str,
    lines: &[&str],
    link: &str,
) -> Email {
    let footer = tr!(lang, "footer-portal", business = brand.name);
    let button = tr!(lang, "button-portal");
    let text = format!("{heading}\n\n{}\n\n{link}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button: &button, link, footer: &footer };
    email(brand, to, format!("{heading} · {}", brand.name), text, layout(brand, &card))
}

/// A notice's words, written in its reader's language: a heading that is also the subject, a
/// few lines, the button's label.
pub struct Words {
    pub heading: String,
    pub lines: Vec<String>,
    pub button: String,
}

/// A notice to staff or a client about project work (a decision on a deliverable, a reply in
/// a thread): a heading that is also the subject, a few lines, one button.
pub fn notice(brand: &Brand<'_>, lang: Language, to: &str, words: &Words, link: &str) -> Email {
    let Words { heading, lines, button } = words;
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let lines = lines.as_slice();
    let footer = tr!(lang, "footer-notice", business = brand.name);
    let text = format!("{heading}\n\n{}\n\n{button}: {link}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button, link, footer: &footer };
    email(brand, to, format!("{heading} · {}", brand.name), text, layout(brand, &card))
}

/// An email a staff member writes by hand: their subject and paragraphs (plain text, blank
/// lines between paragraphs), signed with their name, and a button to the client's portal.
pub fn personal(
    brand: &Brand<'_>,
    lang: Language,
    to: &str,
    (subject, body, sender): (&str, &str, &str),
    link: &str,
) -> Email {
    let paragraphs: Vec<String> = body.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let mut lines: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    lines.push(sender);
    let button = tr!(lang, "button-portal");
    let footer = tr!(lang, "footer-personal", sender = sender, business = brand.name);
    let text = format!("{}\n\n{sender}\n\n{button}: {link}\n\n{footer}\n", body.trim_end());
    let card = Card { heading: subject, highlight: None, lines: &lines, button: &button, link, footer: &footer };
    email(brand, to, subject.to_string(), text, layout(brand, &card))
}

/// A security notice to an address (a changed login email): no button, nothing to click,
/// so it cannot be mistaken for, or used as, a phishing lure.
pub fn security_notice(brand: &Brand<'_>, lang: Language, to: &str, heading: &str, lines: &[&str]) -> Email {
    let footer = tr!(lang, "footer-security", business = brand.name);
    let text = format!("{heading}\n\n{}\n\n{footer}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button: "", link: "", footer: &footer };
    email(brand, to, heading.to_string(), text, layout(brand, &card))
}

/// Adds the line every non-essential email carries: how to stop these emails, with a link
/// to the client's profile in the portal.
pub fn with_opt_out(mut mail: Email, lang: Language, profile_link: &str) -> Email {
    let line = tr!(lang, "opt-out-line");
    mail.text = format!("{}\n--\n{line}\n{profile_link}\n", mail.text.trim_end());
    let html = format!(
        r#"<p style="margin:12px 0 0;font-size:12px;color:#6b7280">{} <a href="{}" style="color:#6b7280">{}</a></p>"#,
        escape(&line),
        escape(profile_link),
        escape(&tr!(lang, "opt-out-link")),
    );
    mail.html = mail.html.replacen(AFTER_FOOTER, &html, 1);
    mail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_html_only() {
        let brand = Brand {
            name: "Tom & <Jerry>",
            address: None,
            timezone: "UTC",
            locale: "en-GB",
            color: "#2563eb",
            text_color: "#ffffff",
        };
        let e = login(&brand, Language::English, "a@b.co", "123456", "https://x/y?token=a&b", Utc::now(), 10);
        assert!(e.html.contains("Tom &amp; &lt;Jerry&gt;") && !e.html.contains("<Jerry>"));
        assert!(e.text.contains("Tom & <Jerry>") && e.text.contains("123456"));
        assert!(e.html.contains("token=a&amp;b"));
    }

    #[test]
    fn the_opt_out_line_goes_under_the_footer_in_both_parts() {
        let brand = Brand {
            name: "B",
            address: None,
            timezone: "UTC",
            locale: "en-GB",
            color: "#000000",
            text_color: "#ffffff",
        };
        let words = Words { heading: "New quote".into(), lines: vec!["Hello".into()], button: "View".into() };
        let mail = notice(&brand, Language::English, "a@b.co", &words, "https://x/q?a=1&b=2");
        let mail = with_opt_out(mail, Language::English, "https://x/portal/b/profile?x=<y>");
        assert!(mail.text.ends_with("https://x/portal/b/profile?x=<y>\n"), "{}", mail.text);
        assert!(mail.text.contains("Turn off these notices in your profile"));
        let footer = mail.html.find("client portal.</p>").expect("footer");
        let line = mail.html.find("Email preferences").expect("the line");
        assert!(line > footer, "under the footer");
        assert!(mail.html.contains("profile?x=&lt;y&gt;"), "escaped");
        assert!(!mail.html.contains(AFTER_FOOTER));
    }

    #[test]
    fn expiry_is_shown_in_the_tenants_time_zone() {
        let brand = Brand {
            name: "B",
            address: None,
            timezone: "Europe/Berlin",
            locale: "en-GB",
            color: "#000000",
            text_color: "#ffffff",
        };
        let at = chrono::DateTime::parse_from_rfc3339("2026-01-15T09:05:00Z").unwrap().with_timezone(&Utc);
        let e = login(&brand, Language::English, "a@b.co", "123456", "https://x", at, 10);
        assert!(e.text.contains("(at 10:05 CET)"), "{}", e.text);
    }

    #[test]
    fn the_login_email_speaks_the_readers_language() {
        let brand = Brand {
            name: "Lumen",
            address: None,
            timezone: "Europe/Berlin",
            locale: "en-GB",
            color: "#000000",
            text_color: "#ffffff",
        };
        let at = chrono::DateTime::parse_from_rfc3339("2026-01-15T09:05:00Z").unwrap().with_timezone(&Utc);
        let e = login(&brand, Language::German, "a@b.co", "123456", "https://x", at, 10);
        assert_eq!(e.subject, "123456 ist Ihr Anmeldecode für Lumen");
        assert!(e.text.contains("Er läuft in 10 Minuten ab (um 10:05 CET)."), "{}", e.text);
        let e = login(&brand, Language::Spanish, "a@b.co", "123456", "https://x", at, 1);
        assert!(e.text.contains("1 minuto"), "{}", e.text);
    }
}
