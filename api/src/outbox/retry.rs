//! When a failed message is tried again: exponential backoff, 30 s doubling to 1 h between
//! tries, about a day in all, then the message is dead.

use chrono::TimeDelta;

/// Attempts before a message is marked dead.
pub const MAX_ATTEMPTS: i32 = 30;

pub fn backoff(attempts: i32) -> TimeDelta {
    let secs = 30i64.saturating_mul(1i64 << attempts.clamp(0, 20));
    TimeDelta::seconds(secs.min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps_at_an_hour() {
        assert_eq!(backoff(0), TimeDelta::seconds(30));
        assert_eq!(backoff(1), TimeDelta::seconds(60));
        assert_eq!(backoff(6), TimeDelta::seconds(1920));
        assert_eq!(backoff(7), TimeDelta::seconds(3600));
        assert_eq!(backoff(29), TimeDelta::seconds(3600));
        let total: i64 = (0..MAX_ATTEMPTS).map(|a| backoff(a).num_seconds()).sum();
        assert!((20 * 3600..=30 * 3600).contains(&total), "about a day: {total}s");
    }
}
