//! iCalendar (RFC 5545) text: an invitation or a cancellation attached to an email, and a
//! subscription feed. Plain values in, text out: no tenant, no domain.
//!
//! Written by hand rather than with the `icalendar` crate: the output is a dozen property
//! lines, and what calendars are picky about (CRLF, folding at 75 octets on a character
//! boundary, escaping, ORGANIZER and ATTENDEE on a REQUEST, UTC instants) is easier to see
//! and test here than to steer through a builder. Python's `icalendar` parses it back in
//! the tests.
//!
//! Times are UTC (`…Z`): one instant that every calendar shows in its reader's own zone,
//! so no VTIMEZONE block can disagree with the zone database of the reader's calendar.

use chrono::{DateTime, Utc};

/// What the calendar is for (`METHOD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// An invitation or an update of one (same `UID`, higher `SEQUENCE`).
    Request,
    /// The event is off.
    Cancel,
    /// A feed: events to show, no reply expected.
    Publish,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

/// A person in an event.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub email: String,
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across every update of the same appointment.
    pub uid: String,
    /// Raised by every change, so calendars apply the newest.
    pub sequence: i32,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    /// Where to see it in the portal or the console.
    pub url: Option<String>,
    pub cancelled: bool,
    /// Tentative until the business confirms it.
    pub tentative: bool,
    pub organizer: Option<Person>,
    pub attendee: Option<Person>,
    /// When the event last changed (`DTSTAMP`, `LAST-MODIFIED`).
    pub stamp: DateTime<Utc>,
}

/// The MIME type of an attachment written with `method`.
pub fn content_type(method: Method) -> String {
    format!("text/calendar; charset=utf-8; method={}", method.as_str())
}

fn instant(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT value escaping (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (`CN=…`): quoted, without the characters a quoted value cannot hold.
fn param(value: &str) -> String {
    let clean: String = value.chars().filter(|c| !c.is_control() && *c != '"').collect();
    format!("\"{clean}\"")
}

/// Appends one content line, folded so no line exceeds 75 octets (§3.1), never inside a
/// UTF-8 sequence.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// A whole VCALENDAR with `events`. `name` titles a feed (`X-WR-CALNAME`).
pub fn calendar(method: Method, name: Option<&str>, events: &[Event]) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Portico//Client portal//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{}", method.as_str()));
    if let Some(name) = name {
        line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    }
    for e in events {
        event(&mut out, method, e);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, method: Method, e: &Event) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", text(&e.uid)));
    line(out, &format!("SEQUENCE:{}", e.sequence.max(0)));
    line(out, &format!("DTSTAMP:{}", instant(e.stamp)));
    line(out, &format!("LAST-MODIFIED:{}", instant(e.stamp)));
    line(out, &format!("DTSTART:{}", instant(e.starts)));
    line(out, &format!("DTEND:{}", instant(e.ends)));
    line(out, &format!("SUMMARY:{}", text(&e.summary)));
    if let Some(d) = &e.description {
        line(out, &format!("DESCRIPTION:{}", text(d)));
    }
    if let Some(l) = &e.location {
        line(out, &format!("LOCATION:{}", text(l)));
    }
    if let Some(u) = &e.url {
        line(out, &format!("URL:{}", u.chars().filter(|c| !c.is_control()).collect::<String>()));
    }
    let status = if e.cancelled || method == Method::Cancel {
        "CANCELLED"
    } else if e.tentative {
        "TENTATIVE"
    } else {
        "CONFIRMED"
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "TRANSP:OPAQUE");
    if let Some(o) = &e.organizer {
        line(out, &format!("ORGANIZER;CN={}:mailto:{}", param(&o.name), o.email));
    }
    if let Some(a) = &e.attendee {
        // Already agreed on the portal: no RSVP buttons for the reader to press.
        let part = if method == Method::Cancel { "DECLINED" } else { "ACCEPTED" };
        line(out, &format!("ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT={part}:mailto:{}", param(&a.name), a.email));
    }
    line(out, "END:VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn sample() -> Event {
        Event {
            uid: "a1@portico".into(),
            sequence: 2,
            starts: at("2027-03-01T09:30:00Z"),
            ends: at("2027-03-01T10:30:00Z"),
            summary: "Cut, colour; wash".into(),
            description: Some("Line one\nLine two, with a comma".into()),
            location: None,
            url: Some("https://example.com/portal/demo/appointments/a1".into()),
            cancelled: false,
            tentative: false,
            organizer: Some(Person { name: "Salon \"Lumen\"".into(), email: "hello@lumen.example".into() }),
            attendee: Some(Person { name: "Maria".into(), email: "maria@example.com".into() }),
            stamp: at("2027-02-01T08:00:00Z"),
        }
    }

    #[test]
    fn lines_are_crlf_escaped_and_folded_at_75_octets() {
        let mut e = sample();
        e.summary = "Überraschung ".repeat(12);
        let ics = calendar(Method::Request, None, &[e]);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "Überraschung ".repeat(12))));
        assert!(unfolded.contains("DESCRIPTION:Line one\\nLine two\\, with a comma"));
        assert!(unfolded.contains("ORGANIZER;CN=\"Salon Lumen\":mailto:hello@lumen.example"));
        assert!(unfolded.contains("METHOD:REQUEST"));
        assert!(unfolded.contains("DTSTART:20270301T093000Z"));
    }

    #[test]
    fn a_cancellation_says_so() {
        let ics = calendar(Method::Cancel, None, &[sample()]);
        assert!(ics.contains("METHOD:CANCEL\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        assert!(ics.contains("SEQUENCE:2\r\n"));
        assert_eq!(content_type(Method::Cancel), "text/calendar; charset=utf-8; method=CANCEL");
    }
}
