//! The caller's IP address, for rate limits and session records. Behind a reverse proxy
//! every request comes from the proxy, so with `PORTICO_TRUST_PROXY=true` the address the
//! proxy appended last to `X-Forwarded-For` is used instead (only that entry: the ones
//! before it were written by the client and can be anything).

use std::net::{IpAddr, Ipv4Addr};

use actix_web::{HttpRequest, web};

use crate::config::Config;

pub fn client_ip(req: &HttpRequest) -> IpAddr {
    let peer = req.peer_addr().map(|a| a.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let trust = req.app_data::<web::Data<Config>>().is_some_and(|config| config.trust_proxy);
    if !trust {
        return peer;
    }
    req.headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|ip| ip.trim().parse::<IpAddr>().ok())
        .next_back()
        .unwrap_or(peer)
}
