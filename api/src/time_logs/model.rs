//! Time log rows, the amount rule, and the DTOs. The portal DTOs carry no rate, no staff
//! member and no non-billable entry.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::time_logs;
use crate::db::utc;
use crate::http::patch::double_option;
use crate::rules;

/// Highest hourly rate accepted, in minor units (1 000 000.00 an hour).
pub const MAX_RATE: i64 = 100_000_000;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = time_logs)]
pub struct TimeLogRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: String,
    pub staff_id: Option<String>,
    pub work_date: NaiveDate,
    pub minutes: i32,
    pub description: String,
    pub billable: bool,
    pub hourly_rate_minor: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = time_logs)]
pub struct TimeLogChanges {
    pub staff_id: Option<Option<String>>,
    pub work_date: Option<NaiveDate>,
    pub minutes: Option<i32>,
    pub description: Option<String>,
    pub billable: Option<bool>,
    pub hourly_rate_minor: Option<Option<i64>>,
    pub updated_at: Option<NaiveDateTime>,
}

/// What an entry costs: `minutes × hourly_rate_minor / 60`, rounded half to even to the
/// minor unit (so 30 s at 1.00/h — half a cent — is 0, and 1.5 cents rounds to 2). A
/// non-billable entry, or one without a rate, costs nothing.
pub fn amount_minor(minutes: i32, hourly_rate_minor: Option<i64>) -> i64 {
    let Some(rate) = hourly_rate_minor else { return 0 };
    let n = i128::from(minutes) * i128::from(rate);
    let (q, r) = (n.div_euclid(60), n.rem_euclid(60));
    let q = match (r * 2).cmp(&60) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => q + (q & 1),
    };
    q as i64
}

impl TimeLogRow {
    /// The amount billed for this entry: 0 unless billable.
    pub fn amount(&self) -> i64 {
        if self.billable { amount_minor(self.minutes, self.hourly_rate_minor) } else { 0 }
    }

    /// `YYYY-MM` of the work date.
    pub fn month(&self) -> String {
        format!("{:04}-{:02}", self.work_date.year(), self.work_date.month())
    }
}

/// An entry as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TimeLog {
    pub id: String,
    pub project_id: String,
    /// Who did the work; `null` if not recorded or the staff member was removed.
    pub staff_id: Option<String>,
    pub staff_name: Option<String>,
    pub work_date: NaiveDate,
    #[schema(example = 90, minimum = 1, maximum = 1440)]
    pub minutes: i32,
    #[schema(example = "Logo concepts, second round")]
    pub description: String,
    /// Whether the client is billed for it (and sees it in the portal).
    pub billable: bool,
    /// Per hour, in minor units of the tenant's currency.
    #[schema(example = 8000)]
    pub hourly_rate_minor: Option<i64>,
    /// `minutes × hourly_rate_minor / 60`, rounded half to even; 0 when not billable.
    #[schema(example = 12000)]
    pub amount_minor: i64,
    pub currency: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Totals over a project's time, as staff see them.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TimeTotals {
    /// All minutes, billable or not.
    pub minutes: i64,
    pub billable_minutes: i64,
    /// The sum of the billable entries' amounts (each rounded first).
    pub billable_amount_minor: i64,
    pub currency: String,
}

/// A project's time, newest work date first, with totals.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TimeLogList {
    pub items: Vec<TimeLog>,
    pub totals: TimeTotals,
}

/// New time on a project.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTimeLog {
    /// `YYYY-MM-DD`: the day the work was done.
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub work_date: NaiveDate,
    #[validate(range(min = 1, max = 1440, message = "must be 1 to 1440 minutes (one day)"))]
    #[schema(example = 90, minimum = 1, maximum = 1440)]
    pub minutes: i32,
    #[validate(
        length(min = 1, max = 2000, message = "must be 1 to 2000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Logo concepts, second round")]
    #[schema(min_length = 1, max_length = 2000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub description: String,
    pub billable: bool,
    /// Per hour, in minor units of your currency. Required when `billable` (there is no
    /// default rate).
    #[validate(range(min = 0, max = 100000000, message = "must be 0 to 100000000 (minor units per hour)"))]
    #[schema(example = 8000, minimum = 0, maximum = 100000000)]
    pub hourly_rate_minor: Option<i64>,
    /// Who did the work; default: you (nobody, for an API key).
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<String>,
}

/// Changes to an entry. Fields left out stay as they are; `null` clears `staff_id` and
/// `hourly_rate_minor` (a billable entry still needs a rate).
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"minutes": 90, "description": "Logo sketches, second round", "billable": true}))]
pub struct UpdateTimeLog {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    #[schema(nullable = false)]
    pub work_date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(range(min = 1, max = 1440, message = "must be 1 to 1440 minutes (one day)"))]
    #[schema(minimum = 1, maximum = 1440, nullable = false)]
    pub minutes: Option<i32>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 2000, message = "must be 1 to 2000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 2000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$", nullable = false)]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[schema(nullable = false)]
    pub billable: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(range(min = 0, max = 100000000, message = "must be 0 to 100000000 (minor units per hour)"))]
    #[schema(value_type = Option<i64>, nullable)]
    #[schema(minimum = 0, maximum = 100000000)]
    pub hourly_rate_minor: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<Option<String>>,
}

/// A billable entry as the client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalTimeEntry {
    pub id: String,
    pub work_date: NaiveDate,
    pub minutes: i32,
    pub description: String,
    /// What this entry is billed at, in minor units.
    pub amount_minor: i64,
}

/// Billable time totals.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalTimeTotals {
    pub minutes: i64,
    pub amount_minor: i64,
    pub currency: String,
}

/// Billable time in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MonthTotal {
    /// `YYYY-MM`, of the work date.
    #[schema(example = "2026-11")]
    pub month: String,
    pub minutes: i64,
    pub amount_minor: i64,
}

/// Billable time on one of your projects: the entries (newest first), the totals, and the
/// totals per month (newest month first).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProjectTime {
    pub entries: Vec<PortalTimeEntry>,
    pub totals: PortalTimeTotals,
    pub by_month: Vec<MonthTotal>,
}

/// Billable time on one project, in a summary.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectTimeTotal {
    pub project_id: String,
    #[schema(example = "Brand refresh")]
    pub project_name: String,
    pub minutes: i64,
    pub amount_minor: i64,
}

/// Billable time across all your projects: per project (those with billable time, by
/// name), per month (newest first), and in total.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalTimeSummary {
    pub projects: Vec<ProjectTimeTotal>,
    pub by_month: Vec<MonthTotal>,
    pub totals: PortalTimeTotals,
}

impl TimeLog {
    pub fn of(row: TimeLogRow, staff_name: Option<String>, currency: &str) -> TimeLog {
        TimeLog {
            amount_minor: row.amount(),
            id: row.id,
            project_id: row.project_id,
            staff_id: row.staff_id,
            staff_name,
            work_date: row.work_date,
            minutes: row.minutes,
            description: row.description,
            billable: row.billable,
            hourly_rate_minor: row.hourly_rate_minor,
            currency: currency.to_string(),
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
        }
    }
}

impl TimeTotals {
    pub fn of(rows: &[TimeLogRow], currency: &str) -> TimeTotals {
        let billable = rows.iter().filter(|r| r.billable);
        TimeTotals {
            minutes: rows.iter().map(|r| i64::from(r.minutes)).sum(),
            billable_minutes: billable.clone().map(|r| i64::from(r.minutes)).sum(),
            billable_amount_minor: billable.map(TimeLogRow::amount).sum(),
            currency: currency.to_string(),
        }
    }
}

/// Sums billable rows: (minutes, amount). Non-billable rows are skipped here too, though
/// the portal's queries never load them.
pub fn billable_sum<'a>(rows: impl IntoIterator<Item = &'a TimeLogRow>) -> (i64, i64) {
    rows.into_iter().filter(|r| r.billable).fold((0, 0), |(m, a), r| (m + i64::from(r.minutes), a + r.amount()))
}

/// Billable totals per month of the work date, newest month first.
pub fn by_month<'a>(rows: impl IntoIterator<Item = &'a TimeLogRow>) -> Vec<MonthTotal> {
    let mut months: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for r in rows.into_iter().filter(|r| r.billable) {
        let e = months.entry(r.month()).or_default();
        e.0 += i64::from(r.minutes);
        e.1 += r.amount();
    }
    months
        .into_iter()
        .rev()
        .map(|(month, (minutes, amount_minor))| MonthTotal { month, minutes, amount_minor })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_round_half_to_even_to_the_minor_unit() {
        assert_eq!(amount_minor(1, Some(100)), 2, "100/60 = 1.67 → 2");
        assert_eq!(amount_minor(1, Some(30)), 0, "0.5 → 0 (even)");
        assert_eq!(amount_minor(1, Some(90)), 2, "1.5 → 2 (even)");
        assert_eq!(amount_minor(3, Some(50)), 2, "2.5 → 2 (even)");
        assert_eq!(amount_minor(1, Some(210)), 4, "3.5 → 4 (even)");
        assert_eq!(amount_minor(1, Some(80)), 1, "1.33 → 1");
        assert_eq!(amount_minor(60, Some(8000)), 8000);
        assert_eq!(amount_minor(90, Some(8000)), 12000);
        assert_eq!(amount_minor(1440, Some(MAX_RATE)), 2_400_000_000, "a full day at the highest rate fits");
        assert_eq!(amount_minor(45, None), 0);
        assert_eq!(amount_minor(45, Some(0)), 0);
    }

    fn row(date: &str, minutes: i32, billable: bool, rate: i64) -> TimeLogRow {
        let at = chrono::DateTime::UNIX_EPOCH.naive_utc();
        TimeLogRow {
            id: date.into(),
            tenant_id: "t".into(),
            project_id: "p".into(),
            staff_id: None,
            work_date: date.parse().unwrap(),
            minutes,
            description: "x".into(),
            billable,
            hourly_rate_minor: Some(rate),
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn totals_sum_rounded_entries_and_leave_non_billable_time_out_of_the_client_figures() {
        let rows =
            [row("2026-10-30", 1, true, 90), row("2026-11-02", 1, true, 90), row("2026-11-03", 600, false, 9000)];
        let staff = TimeTotals::of(&rows, "EUR");
        assert_eq!((staff.minutes, staff.billable_minutes, staff.billable_amount_minor), (602, 2, 4));
        assert_eq!(billable_sum(&rows), (2, 4), "1.5 + 1.5 rounds per entry: 2 + 2");
        assert_eq!(
            by_month(&rows),
            [
                MonthTotal { month: "2026-11".into(), minutes: 1, amount_minor: 2 },
                MonthTotal { month: "2026-10".into(), minutes: 1, amount_minor: 2 },
            ]
        );
    }
}
