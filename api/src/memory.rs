//! Keeping the server's resident memory small on glibc (issue 9: under 60 MB idle).
//!
//! glibc gives every thread that allocates its own arena and keeps freed memory in it. Each
//! HTTP worker builds its copy of the routes and of the OpenAPI description at start-up, so an
//! idle server held ~34 MB of heap it no longer used. Two arenas and a periodic
//! `malloc_trim` brought it to ~14 MB with no throughput lost in `make bench`
//! (docs/PERFORMANCE.md). Elsewhere (musl, macOS) these are no-ops.

use std::time::Duration;

/// Call before any thread starts.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Hands freed heap pages back to the system.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim is thread-safe and only releases memory that is free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Trims once the workers are up, then now and then, so memory a burst of load needed goes
/// back once the burst is over.
pub async fn trim_periodically() {
    tokio::time::sleep(Duration::from_secs(2)).await;
    loop {
        trim();
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}
