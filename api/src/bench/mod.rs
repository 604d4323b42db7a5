//! The benchmark's dataset and sessions: `portico seed-bench` fills an empty database with a
//! large, skewed, deterministic dataset, and `portico bench-sessions` logs in a sample of its
//! clients and staff for the load generator. `make bench` drives both (see bench/).

pub mod rng;
mod rows;
pub mod seed;
pub mod sessions;

/// How much of everything to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub tenants: usize,
    pub clients: usize,
    pub appointments: usize,
    pub projects: usize,
    pub tasks: usize,
    pub invoices: usize,
    pub messages: usize,
}

impl Sizes {
    /// A platform hosting a thousand businesses.
    pub fn full() -> Sizes {
        Sizes {
            tenants: 1_000,
            clients: 100_000,
            appointments: 1_000_000,
            projects: 50_000,
            tasks: 500_000,
            invoices: 200_000,
            messages: 100_000,
        }
    }

    /// Big enough for the query planner to prefer indexes, small enough for a test.
    pub fn mid() -> Sizes {
        Sizes {
            tenants: 50,
            clients: 10_000,
            appointments: 100_000,
            projects: 3_000,
            tasks: 30_000,
            invoices: 20_000,
            messages: 10_000,
        }
    }

    /// A quick run.
    pub fn small() -> Sizes {
        Sizes {
            tenants: 20,
            clients: 2_000,
            appointments: 20_000,
            projects: 1_000,
            tasks: 10_000,
            invoices: 4_000,
            messages: 2_000,
        }
    }

    /// Every tenant needs a client for the rest to hang on.
    pub fn check(&self) -> Result<(), String> {
        if self.tenants == 0 {
            return Err("--tenants must be at least 1".into());
        }
        if self.clients < self.tenants {
            return Err(format!("--clients ({}) must be at least --tenants ({})", self.clients, self.tenants));
        }
        Ok(())
    }
}
