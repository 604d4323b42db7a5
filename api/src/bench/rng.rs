//! A small seeded generator of our own: the dataset must be the same for a given seed on every
//! machine and with every version of the `rand` crate, which does not promise that.

use chrono::NaiveDateTime;

/// SplitMix64: tiny, fast, and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n); 0 when n is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.unit() * n as f64) as usize }
    }

    /// Uniform in [lo, hi].
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.unit() * (hi - lo + 1) as f64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An index in [0, n) where low indexes come up far more often: a few clients hold most
    /// of a business's appointments and invoices, as in life.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u * u) * n as f64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A UUIDv7 whose time part is `at`, so ids keep the time order the application relies on
    /// (read marks, cursors).
    pub fn id_at(&mut self, at: NaiveDateTime) -> String {
        let millis = at.and_utc().timestamp_millis().max(0) as u64;
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes()[..2]);
        uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid().to_string()
    }
}

/// Splits `total` across `weights` in proportion, exactly (largest remainders get the rest).
pub fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut shares: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let given: usize = shares.iter().sum();
    for &i in order.iter().cycle().take(total.saturating_sub(given)) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
        assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    }

    #[test]
    fn apportion_is_exact_and_proportional() {
        let shares = apportion(100, &[3.0, 1.0, 1.0]);
        assert_eq!(shares.iter().sum::<usize>(), 100);
        assert_eq!(shares, vec![60, 20, 20]);
        assert_eq!(apportion(10, &[1.0, 1.0, 1.0]).iter().sum::<usize>(), 10);
    }

    #[test]
    fn skewed_favours_low_indexes() {
        let mut rng = Rng::new(1);
        let low = (0..10_000).filter(|_| rng.skewed(100) < 10).count();
        assert!(low > 4_000, "{low}");
    }

    #[test]
    fn ids_follow_time() {
        let mut rng = Rng::new(1);
        let t = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let (a, b) = (rng.id_at(t), rng.id_at(t + chrono::TimeDelta::seconds(1)));
        assert!(a < b);
        assert_eq!(uuid::Uuid::parse_str(&a).unwrap().get_version_num(), 7);
    }
}
