//! Free start times, computed from opening hours and busy times alone (no database), so the
//! rules can be tested directly.
//!
//! Rules: start times run every `step` minutes from each opening time, on the local dates
//! asked for, skipping closed days; a start is offered when the whole service fits before
//! the interval closes (on the wall clock), it is not before `earliest`, and it is free.
//! Free means: for an assigned appointment, that staff member holds no overlapping live
//! appointment; in every case, fewer live appointments overlap than there are staff
//! members (the same rule `appointments::actions::ensure_free` enforces on write).
//! Overlap counts the business's buffers: every appointment keeps `buffer_before` minutes
//! free before it and `buffer_after` after it, so two appointments are at least
//! `buffer_after + buffer_before` apart. A day on which the service reached its daily cap
//! offers nothing, and nothing starts after `latest` (the booking horizon).
//!
//! Daylight saving: a local time that does not exist (clocks spring forward) is skipped; a
//! local time that happens twice (clocks fall back) yields both instants. Slots are UTC.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use super::settings::model::OpeningInterval;

/// A live appointment that holds a time.
#[derive(Debug, Clone)]
pub struct Busy {
    pub staff_id: Option<String>,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}

/// What the computation needs.
pub struct Rules<'a> {
    pub tz: Tz,
    pub hours: &'a [OpeningInterval],
    pub closed: &'a [NaiveDate],
    pub step_minutes: i64,
    pub duration_minutes: i64,
    /// Nothing earlier is offered (now plus the booking notice).
    pub earliest: DateTime<Utc>,
    /// Nor later (now plus the maximum days ahead), when set.
    pub latest: Option<DateTime<Utc>>,
    pub buffer_before_minutes: i64,
    pub buffer_after_minutes: i64,
    /// Local dates on which the service is fully booked (its daily cap).
    pub full_days: &'a [NaiveDate],
    /// The appointment's staff member, if assigned.
    pub staff_id: Option<&'a str>,
    /// How many appointments may run at once: the number of staff members.
    pub capacity: i64,
    pub busy: &'a [Busy],
}

/// Whether `[starts, starts + duration)` may be taken under `rules`.
pub fn is_free(rules: &Rules<'_>, starts: DateTime<Utc>) -> bool {
    let ends = starts + TimeDelta::minutes(rules.duration_minutes);
    let (before, after) =
        (TimeDelta::minutes(rules.buffer_before_minutes), TimeDelta::minutes(rules.buffer_after_minutes));
    // Each side padded by its buffers: [start - before, end + after).
    let overlapping =
        rules.busy.iter().filter(|b| b.starts - before < ends + after && b.ends + after > starts - before);
    let mut total = 0;
    for b in overlapping {
        if rules.staff_id.is_some() && b.staff_id.as_deref() == rules.staff_id {
            return false;
        }
        total += 1;
    }
    total < rules.capacity.max(1)
}

/// Free start instants on the local dates `from..=to`, ascending, without duplicates.
pub fn free_starts(rules: &Rules<'_>, from: NaiveDate, to: NaiveDate) -> Vec<DateTime<Utc>> {
    let step = TimeDelta::minutes(rules.step_minutes.max(1));
    let duration = TimeDelta::minutes(rules.duration_minutes);
    let mut out = Vec::new();
    for day in from.iter_days().take_while(|d| *d <= to) {
        if rules.closed.contains(&day) || rules.full_days.contains(&day) {
            continue;
        }
        let weekday = day.weekday().number_from_monday() as u8;
        for (opens, closes) in rules.hours.iter().filter(|h| h.weekday == weekday).filter_map(OpeningInterval::times) {
            let (opens, closes) = (day.and_time(opens), day.and_time(closes));
            let mut local = opens;
            while local + duration <= closes {
                let instants = match rules.tz.from_local_datetime(&local) {
                    LocalResult::Single(t) => vec![t],
                    LocalResult::Ambiguous(a, b) => vec![a, b],
                    LocalResult::None => vec![],
                };
                out.extend(
                    instants
                        .into_iter()
                        .map(|t| t.with_timezone(&Utc))
                        .filter(|t| *t >= rules.earliest && rules.latest.is_none_or(|l| *t <= l))
                        .filter(|t| is_free(rules, *t)),
                );
                local += step;
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn sunday(opens: &str, closes: &str) -> Vec<OpeningInterval> {
        vec![OpeningInterval { weekday: 7, opens: opens.into(), closes: closes.into() }]
    }

    fn rules<'a>(hours: &'a [OpeningInterval], busy: &'a [Busy]) -> Rules<'a> {
        Rules {
            tz: chrono_tz::Europe::Berlin,
            hours,
            closed: &[],
            step_minutes: 60,
            duration_minutes: 60,
            earliest: at("2020-01-01T00:00:00Z"),
            latest: None,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            full_days: &[],
            staff_id: None,
            capacity: 1,
            busy,
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn spring_forward_skips_the_missing_hour() {
        let hours = sunday("01:00", "04:00");
        let got = free_starts(&rules(&hours, &[]), day("2027-03-28"), day("2027-03-28"));
        // 01:00 CET is 00:00Z; 02:00 does not exist; 03:00 CEST is 01:00Z.
        assert_eq!(got, [at("2027-03-28T00:00:00Z"), at("2027-03-28T01:00:00Z")]);
    }

    #[test]
    fn fall_back_offers_the_repeated_hour_twice() {
        let hours = sunday("01:00", "04:00");
        let got = free_starts(&rules(&hours, &[]), day("2027-10-31"), day("2027-10-31"));
        assert_eq!(
            got,
            [
                at("2027-10-30T23:00:00Z"),
                at("2027-10-31T00:00:00Z"),
                at("2027-10-31T01:00:00Z"),
                at("2027-10-31T02:00:00Z")
            ]
        );
    }

    #[test]
    fn busy_times_closed_days_and_the_past_are_left_out() {
        let hours = vec![OpeningInterval { weekday: 1, opens: "09:00".into(), closes: "12:00".into() }];
        let busy = [Busy {
            staff_id: Some("ann".into()),
            starts: at("2030-03-04T09:30:00Z"),
            ends: at("2030-03-04T10:00:00Z"),
        }];
        let mut r = rules(&hours, &busy);
        r.tz = chrono_tz::UTC;
        r.step_minutes = 30;
        // 10:00–11:00, 10:30–11:30, 11:00–12:00; 09:00 and 09:30 overlap the busy half hour.
        let got = free_starts(&r, day("2030-03-04"), day("2030-03-04"));
        assert_eq!(got, [at("2030-03-04T10:00:00Z"), at("2030-03-04T10:30:00Z"), at("2030-03-04T11:00:00Z")]);
        // Two staff: someone else is free, unless the appointment is Ann's.
        r.capacity = 2;
        assert_eq!(free_starts(&r, day("2030-03-04"), day("2030-03-04")).len(), 5);
        r.staff_id = Some("ann");
        assert_eq!(free_starts(&r, day("2030-03-04"), day("2030-03-04")).len(), 3);
        r.earliest = at("2030-03-04T10:15:00Z");
        assert_eq!(
            free_starts(&r, day("2030-03-04"), day("2030-03-04")),
            [at("2030-03-04T10:30:00Z"), at("2030-03-04T11:00:00Z")]
        );
        let closed = [day("2030-03-04")];
        r.closed = &closed;
        assert!(free_starts(&r, day("2030-03-04"), day("2030-03-04")).is_empty());
        r.closed = &[];
        r.full_days = &closed;
        assert!(free_starts(&r, day("2030-03-04"), day("2030-03-04")).is_empty(), "a full day offers nothing");
    }

    #[test]
    fn buffers_keep_time_free_around_appointments_and_the_horizon_ends_offers() {
        let hours = vec![OpeningInterval { weekday: 1, opens: "09:00".into(), closes: "13:00".into() }];
        let busy = [Busy { staff_id: None, starts: at("2030-03-04T10:00:00Z"), ends: at("2030-03-04T11:00:00Z") }];
        let mut r = rules(&hours, &busy);
        r.tz = chrono_tz::UTC;
        r.step_minutes = 30;
        r.buffer_after_minutes = 15;
        // 09:00 ends 10:00 but needs 15 min after it before 10:00; 11:00 starts 0 min after
        // the busy hour ends, which needs 15 min after it.
        let got = free_starts(&r, day("2030-03-04"), day("2030-03-04"));
        assert_eq!(got, [at("2030-03-04T11:30:00Z"), at("2030-03-04T12:00:00Z")]);
        r.buffer_after_minutes = 0;
        r.latest = Some(at("2030-03-04T11:30:00Z"));
        let got = free_starts(&r, day("2030-03-04"), day("2030-03-04"));
        assert_eq!(got, [at("2030-03-04T09:00:00Z"), at("2030-03-04T11:00:00Z"), at("2030-03-04T11:30:00Z")]);
    }
}

/// What every offered slot must satisfy, for random opening hours, closed days, steps,
/// durations, capacities and busy times, across daylight-saving changes.
#[cfg(test)]
mod properties {
    use chrono::{NaiveTime, Timelike};
    use proptest::prelude::*;

    use super::*;

    fn hhmm(minutes: u32) -> String {
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }

    proptest! {
        #[test]
        fn every_slot_is_open_free_on_step_and_not_too_early(
            intervals in prop::collection::vec((1u8..=7, 0u32..=23 * 60, 15u32..=12 * 60), 1..5),
            closed_offsets in prop::collection::vec(0i64..14, 0..4),
            step in prop::sample::select(vec![5i64, 10, 15, 30, 60]),
            duration in 5i64..=240,
            capacity in 1i64..=3,
            busy_raw in prop::collection::vec((0i64..14 * 24 * 60, 5i64..=240, prop::option::of(0usize..3)), 0..25),
            earliest_offset in 0i64..3 * 24 * 60,
            zone in prop::sample::select(vec![chrono_tz::Europe::Berlin, chrono_tz::America::New_York, chrono_tz::UTC, chrono_tz::Australia::Lord_Howe]),
            staff in prop::option::of(0usize..3),
            buffers in (0i64..=30, 0i64..=30),
        ) {
            // Two weeks around the end of October: Europe and the US fall back in it.
            let from = NaiveDate::from_ymd_opt(2027, 10, 25).unwrap();
            let to = from + TimeDelta::days(13);
            let base = from.and_hms_opt(0, 0, 0).unwrap().and_utc();
            let hours: Vec<OpeningInterval> = intervals
                .iter()
                .map(|&(weekday, opens, length)| OpeningInterval {
                    weekday,
                    opens: hhmm(opens),
                    closes: hhmm((opens + length).min(23 * 60 + 59)),
                })
                .collect();
            let closed: Vec<NaiveDate> = closed_offsets.iter().map(|d| from + TimeDelta::days(*d)).collect();
            let ids = ["ana", "ben", "cy"];
            let busy: Vec<Busy> = busy_raw
                .iter()
                .map(|&(start, length, who)| Busy {
                    staff_id: who.map(|i| ids[i].to_string()),
                    starts: base + TimeDelta::minutes(start),
                    ends: base + TimeDelta::minutes(start + length),
                })
                .collect();
            let rules = Rules {
                tz: zone,
                hours: &hours,
                closed: &closed,
                step_minutes: step,
                duration_minutes: duration,
                earliest: base + TimeDelta::minutes(earliest_offset),
                latest: None,
                buffer_before_minutes: buffers.0,
                buffer_after_minutes: buffers.1,
                full_days: &[],
                staff_id: staff.map(|i| ids[i]),
                capacity,
                busy: &busy,
            };
            let slots = free_starts(&rules, from, to);
            prop_assert!(slots.windows(2).all(|w| w[0] < w[1]), "ascending, no duplicates");
            for slot in &slots {
                prop_assert!(*slot >= rules.earliest);
                prop_assert!(is_free(&rules, *slot));
                let ends = *slot + TimeDelta::minutes(duration);
                if let Some(mine) = rules.staff_id {
                    prop_assert!(!busy.iter().any(|b| b.staff_id.as_deref() == Some(mine) && b.starts < ends && b.ends > *slot));
                }
                prop_assert!(busy.iter().filter(|b| b.starts < ends && b.ends > *slot).count() < capacity as usize);
                // Inside an opening interval of its local day, on a step from its opening.
                let local = slot.with_timezone(&zone).naive_local();
                prop_assert!(!closed.contains(&local.date()));
                let weekday = local.date().weekday().number_from_monday() as u8;
                let fits = hours.iter().filter(|h| h.weekday == weekday).filter_map(OpeningInterval::times).any(|(o, c)| {
                    let minute = |t: NaiveTime| i64::from(t.num_seconds_from_midnight() / 60);
                    let at = minute(local.time());
                    at >= minute(o) && (at - minute(o)) % step == 0 && at + duration <= minute(c)
                });
                prop_assert!(fits, "{slot} ({local}) is not a start within the opening hours");
            }
        }
    }
}
