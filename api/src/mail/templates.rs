//! The emails Portico writes, each as plain text and HTML, branded with the tenant's name
//! and colour. Every interpolated value is HTML-escaped.

use chrono::{DateTime, Utc};

use super::Email;

/// Who the email speaks for (a tenant's is `TenantRow::brand`).
pub struct Brand<'a> {
    pub name: &'a str,
    /// The tenant's own sender address, if any.
    pub address: Option<&'a str>,
    /// IANA time zone for the times an email shows.
    pub timezone: &'a str,
    pub color: &'a str,
    pub text_color: &'a str,
}

impl Brand<'_> {
    /// Portico's own, for mail that speaks for no single tenant (staff login).
    pub fn portico() -> Brand<'static> {
        Brand { name: "Portico", address: None, timezone: "UTC", color: "#2563eb", text_color: "#ffffff" }
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
pub fn login(brand: &Brand<'_>, to: &str, code: &str, link: &str, code_expires: DateTime<Utc>, minutes: i64) -> Email {
    let tz = brand.timezone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
    let expiry =
        format!("It expires in {minutes} minutes (at {}).", code_expires.with_timezone(&tz).format("%H:%M %Z"));
    let footer = "If you did not ask to log in, ignore this email: nobody can log in without the code or the link.";
    let text = format!(
        "Your login code for {name} is:\n\n    {code}\n\n{expiry}\n\n\
         Or open this link to log in (it asks you to confirm first):\n{link}\n\n{footer}\n",
        name = brand.name,
    );
    let button = format!("Log in to {}", brand.name);
    let card =
        Card { heading: "Your login code", highlight: Some(code), lines: &[&expiry], button: &button, link, footer };
    email(brand, to, format!("{code} is your {} login code", brand.name), text, layout(brand, &card))
}

/// An invitation: a welcome line, one button, and how long the link works.
pub fn invitation(brand: &Brand<'_>, to: &str, greeting_name: &str, what: &str, link: &str, days: i64) -> Email {
    let invited = format!("{} invited you to {what}.", brand.name);
    let later =
        "Later, log in with your email address: you will get a code each time. There is no password to remember.";
    let text = format!(
        "Hello {greeting_name},\n\n{invited}\n\n\
         Open this link to log in (it works for {days} days and asks you to confirm first):\n{link}\n\n{later}\n"
    );
    let heading = format!("Hello {greeting_name}");
    let button = format!("Open {}", brand.name);
    let footer = format!("The button works for {days} days. {later}");
    let card = Card { heading: &heading, highlight: None, lines: &[&invited], button: &button, link, footer: &footer };
    email(brand, to, format!("{} invited you to {what}", brand.name), text, layout(brand, &card))
}

/// What an order-status email says.
pub struct OrderNews<'a> {
    /// `SO-0007`.
    pub reference: &'a str,
    pub title: &'a str,
    /// How the order stands, after "Your order SO-0007 ": "is ready for pickup".
    pub phrase: &'a str,
    /// Staff's note with the change.
    pub note: Option<&'a str>,
    /// The order's page in the portal.
    pub link: &'a str,
}

/// A service order changed status: the news in the subject, staff's note, a button to the order.
pub fn order_status(brand: &Brand<'_>, to: &str, greeting_name: &str, news: &OrderNews<'_>) -> Email {
    let subject = format!("Your order {} {}", news.reference, news.phrase);
    let about = format!("{}: {}", news.reference, news.title);
    let note = news.note.map(|n| format!("Note from {}: {n}", brand.name));
    let mut lines = vec![about.as_str()];
    lines.extend(note.as_deref());
    let text =
        format!("Hello {greeting_name},\n\n{subject}.\n\n{}\n\nSee the order:\n{}\n", lines.join("\n\n"), news.link);
    let footer = format!("You get this email because {} is handling this order for you.", brand.name);
    let card = Card {
        heading: &subject,
        highlight: None,
        lines: &lines,
        button: "View your order",
        link: news.link,
        footer: &footer,
    };
    email(brand, to, subject.clone(), text, layout(brand, &card))
}

/// A notice about an appointment (cancelled, moved): a heading, a few lines, one button.
pub fn appointment_notice(brand: &Brand<'_>, to: &str, heading: &str, lines: &[&str], link: &str) -> Email {
    let footer = format!("Sent by {} through its client portal.", brand.name);
    let text = format!("{heading}\n\n{}\n\n{link}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button: "Open the portal", link, footer: &footer };
    email(brand, to, format!("{heading} · {}", brand.name), text, layout(brand, &card))
}

/// A notice to staff or a client about project work (a decision on a deliverable, a reply in
/// a thread): a heading that is also the subject, a few lines, one button.
pub fn notice(brand: &Brand<'_>, to: &str, heading: &str, lines: &[&str], button: &str, link: &str) -> Email {
    let footer = format!("Sent by {}'s client portal.", brand.name);
    let text = format!("{heading}\n\n{}\n\n{button}: {link}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button, link, footer: &footer };
    email(brand, to, format!("{heading} · {}", brand.name), text, layout(brand, &card))
}

/// A security notice to an address (a changed login email): no button, nothing to click,
/// so it cannot be mistaken for, or used as, a phishing lure.
pub fn security_notice(brand: &Brand<'_>, to: &str, heading: &str, lines: &[&str]) -> Email {
    let footer = format!("Sent by {}'s client portal. This is a security notice; it cannot be turned off.", brand.name);
    let text = format!("{heading}\n\n{}\n\n{footer}\n", lines.join("\n\n"));
    let card = Card { heading, highlight: None, lines, button: "", link: "", footer: &footer };
    email(brand, to, heading.to_string(), text, layout(brand, &card))
}

/// Adds the line every non-essential email carries: how to stop these emails, with a link
/// to the client's profile in the portal.
pub fn with_opt_out(mut mail: Email, profile_link: &str) -> Email {
    let line = "You get this email because you have an account in this client portal. \
                Turn off these notices in your profile; login codes, invoices and receipts still come.";
    mail.text = format!("{}\n--\n{line}\n{profile_link}\n", mail.text.trim_end());
    let html = format!(
        r#"<p style="margin:12px 0 0;font-size:12px;color:#6b7280">{} <a href="{}" style="color:#6b7280">Email preferences</a></p>"#,
        escape(line),
        escape(profile_link)
    );
    mail.html = mail.html.replacen(AFTER_FOOTER, &html, 1);
    mail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_html_only() {
        let brand =
            Brand { name: "Tom & <Jerry>", address: None, timezone: "UTC", color: "#2563eb", text_color: "#ffffff" };
        let e = login(&brand, "a@b.co", "123456", "https://x/y?token=a&b", Utc::now(), 10);
        assert!(e.html.contains("Tom &amp; &lt;Jerry&gt;") && !e.html.contains("<Jerry>"));
        assert!(e.text.contains("Tom & <Jerry>") && e.text.contains("123456"));
        assert!(e.html.contains("token=a&amp;b"));
    }

    #[test]
    fn the_opt_out_line_goes_under_the_footer_in_both_parts() {
        let brand = Brand { name: "B", address: None, timezone: "UTC", color: "#000000", text_color: "#ffffff" };
        let mail = notice(&brand, "a@b.co", "New quote", &["Hello"], "View", "https://x/q?a=1&b=2");
        let mail = with_opt_out(mail, "https://x/portal/b/profile?x=<y>");
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
        let brand =
            Brand { name: "B", address: None, timezone: "Europe/Berlin", color: "#000000", text_color: "#ffffff" };
        let at = chrono::DateTime::parse_from_rfc3339("2026-01-15T09:05:00Z").unwrap().with_timezone(&Utc);
        let e = login(&brand, "a@b.co", "123456", "https://x", at, 10);
        assert!(e.text.contains("(at 10:05 CET)"), "{}", e.text);
    }
}
