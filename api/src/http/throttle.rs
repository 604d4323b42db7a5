//! Brute-force brake: too many failed authentications from one IP in a minute → 429.
//! In memory and per process: it protects a node from guessing, not a cluster from a
//! distributed attack (login codes get database-backed limits of their own).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::ApiError;

const WINDOW: Duration = Duration::from_secs(60);
/// Bound the table so a flood of spoofed sources cannot grow it without limit.
const MAX_TRACKED: usize = 100_000;

pub struct AuthThrottle {
    limit: u32,
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl AuthThrottle {
    pub fn new(limit: u32) -> AuthThrottle {
        AuthThrottle { limit, windows: Mutex::new(HashMap::new()) }
    }

    /// Seconds to wait when this IP is over its limit, or `None` when it may try.
    pub fn blocked_for(&self, ip: IpAddr) -> Option<u64> {
        let windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        let (start, count) = *windows.get(&ip)?;
        let elapsed = start.elapsed();
        (elapsed < WINDOW && count >= self.limit).then(|| (WINDOW - elapsed).as_secs().max(1))
    }

    /// 429 while this IP is over its limit.
    pub fn refuse_if_blocked(&self, ip: IpAddr) -> Result<(), ApiError> {
        match self.blocked_for(ip) {
            Some(wait) => Err(ApiError::RateLimited {
                detail: format!("Too many failed authentication attempts from your address; retry in {wait} s."),
                retry_after_secs: wait,
            }),
            None => Ok(()),
        }
    }

    /// Counts the outcome against the IP when it is a failed authentication (401).
    pub fn count<T>(&self, ip: IpAddr, result: &Result<T, ApiError>) {
        if matches!(result, Err(ApiError::Unauthorized(_))) {
            self.record_failure(ip);
        }
    }

    pub fn record_failure(&self, ip: IpAddr) {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() >= MAX_TRACKED {
            windows.retain(|_, (start, _)| start.elapsed() < WINDOW);
        }
        let entry = windows.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_only_that_ip() {
        let t = AuthThrottle::new(3);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(t.blocked_for(a), None);
            t.record_failure(a);
        }
        let wait = t.blocked_for(a).expect("blocked after 3 failures");
        assert!((1..=60).contains(&wait));
        assert_eq!(t.blocked_for(b), None);
    }
}
