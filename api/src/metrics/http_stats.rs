//! Request counts and latency histograms per route, kept in memory since start.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use super::exposition::{Exposition, MetricKind};

/// Latency bucket bounds in seconds: fine below 100 ms, where a portal's answers should be.
pub const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// A route as its pattern (`/api/v1/quotes/{id}`), never the concrete path, so the number of
/// series stays bounded whatever clients ask for.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct RouteKey {
    method: String,
    route: String,
}

#[derive(Default)]
struct RouteStats {
    /// Count per status code.
    statuses: HashMap<u16, u64>,
    /// Cumulative at render time; stored per bucket (the last slot is +Inf).
    buckets: [u64; BUCKETS.len() + 1],
    sum_seconds: f64,
    count: u64,
}

#[derive(Default)]
pub struct HttpStats {
    routes: Mutex<HashMap<RouteKey, RouteStats>>,
    in_flight: AtomicI64,
}

impl HttpStats {
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// One finished request. `route` is `None` when no route matched (the web app's files,
    /// unknown paths): they are counted together, as `unmatched`.
    pub fn finished(&self, method: &str, route: Option<&str>, status: u16, took: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let key = RouteKey { method: method.to_string(), route: route.unwrap_or("unmatched").to_string() };
        let seconds = took.as_secs_f64();
        let slot = BUCKETS.iter().position(|bound| seconds <= *bound).unwrap_or(BUCKETS.len());
        let mut routes = self.routes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let stats = routes.entry(key).or_default();
        *stats.statuses.entry(status).or_default() += 1;
        stats.buckets[slot] += 1;
        stats.sum_seconds += seconds;
        stats.count += 1;
    }

    pub fn render(&self, out: &mut Exposition) {
        let routes = self.routes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut keys: Vec<&RouteKey> = routes.keys().collect();
        keys.sort();

        out.family("portico_http_requests_total", MetricKind::Counter, "HTTP requests answered, per route and status.");
        for key in &keys {
            let mut statuses: Vec<_> = routes[*key].statuses.iter().collect();
            statuses.sort();
            for (status, count) in statuses {
                let status = status.to_string();
                let labels = [("method", key.method.as_str()), ("route", key.route.as_str()), ("status", &status)];
                out.sample("portico_http_requests_total", &labels, *count as f64);
            }
        }

        let name = "portico_http_request_duration_seconds";
        out.family(name, MetricKind::Histogram, "Time from request to response, per route.");
        for key in &keys {
            let stats = &routes[*key];
            let base = [("method", key.method.as_str()), ("route", key.route.as_str())];
            let mut cumulative = 0;
            for (i, bound) in BUCKETS.iter().enumerate() {
                cumulative += stats.buckets[i];
                let le = bound.to_string();
                out.sample(&format!("{name}_bucket"), &[base[0], base[1], ("le", &le)], cumulative as f64);
            }
            out.sample(&format!("{name}_bucket"), &[base[0], base[1], ("le", "+Inf")], stats.count as f64);
            out.sample(&format!("{name}_sum"), &base, stats.sum_seconds);
            out.sample(&format!("{name}_count"), &base, stats.count as f64);
        }

        out.family("portico_http_requests_in_flight", MetricKind::Gauge, "Requests being answered now.");
        out.sample("portico_http_requests_in_flight", &[], self.in_flight.load(Ordering::Relaxed) as f64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative_and_routes_bounded() {
        let stats = HttpStats::default();
        for (route, ms, status) in [
            (Some("/api/v1/quotes/{id}"), 3, 200),
            (Some("/api/v1/quotes/{id}"), 40, 404),
            (None, 1, 200),
            (None, 20_000, 200),
        ] {
            stats.started();
            stats.finished("GET", route, status, Duration::from_millis(ms));
        }
        let mut out = Exposition::default();
        stats.render(&mut out);
        let text = out.finish();
        let line =
            |needle: &str| text.lines().find(|l| l.starts_with(needle)).unwrap_or_else(|| panic!("{needle} in {text}"));
        assert_eq!(
            line(r#"portico_http_requests_total{method="GET",route="/api/v1/quotes/{id}",status="404"}"#)
                .rsplit(' ')
                .next(),
            Some("1")
        );
        let b = r#"portico_http_request_duration_seconds_bucket{method="GET",route="/api/v1/quotes/{id}",le="#;
        assert!(line(&format!(r#"{b}"0.005"}}"#)).ends_with(" 1"));
        assert!(line(&format!(r#"{b}"0.05"}}"#)).ends_with(" 2"));
        let unmatched = r#"portico_http_request_duration_seconds_bucket{method="GET",route="unmatched",le="#;
        assert!(line(&format!(r#"{unmatched}"10"}}"#)).ends_with(" 1"), "20 s is over the last bound");
        assert!(line(&format!(r#"{unmatched}"+Inf"}}"#)).ends_with(" 2"));
        assert!(line("portico_http_requests_in_flight ").ends_with(" 0"));
    }
}
