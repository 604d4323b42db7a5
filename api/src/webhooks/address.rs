//! Where a webhook may go. Staff choose the URL and the server makes the request, so an
//! endpoint on the server's own network (a database, a cloud metadata service) would turn
//! webhooks into a way in (SSRF). In production only `https` to public addresses is allowed:
//! the host is resolved and every address checked at registration, and again at delivery
//! by the HTTP client's own resolver (DNS can change between the two). The
//! `PORTICO_WEBHOOKS_ALLOW_PRIVATE` setting lifts this for development and tests.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use url::{Host, Url};

/// Why an address is not public, or `None` if it is.
pub fn forbidden(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match () {
        _ if ip.is_unspecified() || a == 0 => "an unspecified (\"this network\") address",
        _ if ip.is_loopback() => "a loopback address",
        _ if ip.is_private() => "a private network address",
        _ if ip.is_link_local() => "a link-local address",
        _ if a == 100 && (64..128).contains(&b) => "a carrier-grade NAT address",
        _ if ip.is_broadcast() => "the broadcast address",
        _ if ip.is_multicast() => "a multicast address",
        _ if ip.is_documentation() => "a documentation address",
        _ if a == 198 && (b == 18 || b == 19) => "a benchmarking address",
        _ if a == 192 && b == 0 && c == 0 => "an IETF protocol address",
        _ if a >= 240 => "a reserved address",
        _ => return None,
    })
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    // An IPv4 address wearing IPv6 clothes is judged as IPv4.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4);
    }
    let s = ip.segments();
    let embedded = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    // Well-known NAT64 (64:ff9b::/96) and SIIT's IPv4-translated form (::ffff:0:a.b.c.d) reach
    // the IPv4 address they carry.
    if (s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0])
        || (s[0..4] == [0, 0, 0, 0] && s[4..6] == [0xffff, 0])
    {
        return forbidden_v4(embedded);
    }
    // The IANA IPv6 special-purpose registry, then everything outside global unicast.
    Some(match () {
        _ if ip.is_unspecified() => "an unspecified address",
        _ if ip.is_loopback() => "a loopback address",
        _ if s[0] & 0xfe00 == 0xfc00 => "a unique local (private) address",
        _ if s[0] & 0xffc0 == 0xfe80 || s[0] & 0xffc0 == 0xfec0 => "a link-local address",
        _ if s[0] & 0xff00 == 0xff00 => "a multicast address",
        _ if s[0] == 0x2001 && s[1] == 0x0db8 => "a documentation address",
        _ if s[0] == 0x3fff && s[1] & 0xf000 == 0 => "a documentation address",
        _ if s[0] == 0x0100 && s[1..4] == [0, 0, 0] => "a discard address",
        // NAT64 for local use: what it reaches is up to the local network.
        _ if s[0] == 0x64 && s[1] == 0xff9b && s[2] == 1 => "a local-use NAT64 address",
        // 2001::/23: Teredo (2001::/32), ORCHID (2001:10::/28, 2001:20::/28), benchmarking
        // and the other IETF protocol assignments; tunnels can lead anywhere.
        _ if s[0] == 0x2001 && s[1] < 0x0200 => "an IETF protocol address (Teredo, ORCHID, benchmarking…)",
        // 6to4 carries an IPv4 address through a relay of someone else's choosing.
        _ if s[0] == 0x2002 => "a 6to4 address",
        _ if s[0] == 0x5f00 => "a segment-routing address",
        // IPv4-compatible (deprecated) addresses, `::a.b.c.d`, and the rest of ::/8.
        _ if s[0..6] == [0, 0, 0, 0, 0, 0] => "a reserved address",
        _ if s[0] & 0xe000 != 0x2000 => "an address outside the global unicast range",
        _ => return None,
    })
}

/// Checks the URL's form: absolute, `https` (or `http` when allowed), a host, and when the
/// host is an IP address, a public one. Names are checked by [`resolve`].
pub fn check_url(raw: &str, allow_private: bool) -> Result<Url, String> {
    let url = Url::parse(raw.trim())
        .map_err(|_| "must be a full address, like https://hooks.example.com/portico".to_string())?;
    match url.scheme() {
        "https" => {}
        "http" if allow_private => {}
        "http" => return Err("must start with https://".into()),
        other => return Err(format!("must start with https://, not {other}:")),
    }
    let ip = match url.host() {
        None => return Err("must be a full address, like https://hooks.example.com/portico".into()),
        Some(Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
        Some(Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
        Some(Host::Domain(_)) => None,
    };
    if let (Some(ip), false) = (ip, allow_private)
        && let Some(why) = forbidden(ip)
    {
        return Err(refusal(ip, why));
    }
    Ok(url)
}

fn refusal(ip: IpAddr, why: &str) -> String {
    format!("points to {ip}, {why}; webhooks may only call public internet addresses")
}

/// Resolves the URL's host and refuses it if any address is not public (a name that also
/// resolves to a private address would let an attacker pick which one we connect to).
pub async fn resolve(url: &Url, allow_private: bool) -> Result<(), String> {
    if allow_private {
        return Ok(());
    }
    let Some(Host::Domain(name)) = url.host() else { return Ok(()) };
    let port = url.port_or_known_default().unwrap_or(443);
    // A name that does not resolve (yet) is accepted: DNS may be set up after the endpoint,
    // every delivery resolves again through `PublicOnly`, and its failure shows in the
    // delivery log. What is refused is a name that leads somewhere private.
    let Ok(addrs) = tokio::net::lookup_host((name, port)).await else { return Ok(()) };
    let addrs: Vec<SocketAddr> = addrs.collect();
    match addrs.iter().find_map(|a| forbidden(a.ip()).map(|why| (a.ip(), why))) {
        Some((ip, why)) => Err(format!("names {name}, which {}", refusal(ip, why))),
        None => Ok(()),
    }
}

/// The HTTP client's resolver in production: the same rule, applied to the addresses it is
/// about to connect to, so a name re-pointed after registration is still refused.
pub struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            if let Some((ip, why)) = addrs.iter().find_map(|a| forbidden(a.ip()).map(|why| (a.ip(), why))) {
                let message = format!("refused: {name} {}", refusal(ip, why));
                return Err(message.into());
            }
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn private_and_special_ranges_are_refused() {
        for bad in [
            "127.0.0.1",
            "127.9.9.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "0.1.2.3",
            "255.255.255.255",
            "224.0.0.1",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "198.18.0.1",
            "192.0.0.8",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "::7f00:1",
            // Forms that embed IPv4 or reach private space, and the rest of the registry.
            "::ffff:0:7f00:1",
            "::ffff:0:a00:1",
            "64:ff9b:1::a00:1",
            "2002:7f00:1::1",
            "2002:a00:1::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:10::1",
            "2001:20::1",
            "2001:2::1",
            "3fff::1",
            "5f00::1",
            "100::1",
            "4000::1",
            "::ffff:169.254.169.254",
        ] {
            assert!(forbidden(ip(bad)).is_some(), "{bad} must be refused");
        }
        let good = [
            "93.184.216.34",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "2a00:1450:4001:82a::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ];
        for good in good {
            assert!(forbidden(ip(good)).is_none(), "{good} is public");
        }
    }

    #[test]
    fn urls_need_https_and_a_public_literal_host() {
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        assert!(check_url("http://hooks.example.com/x", false).unwrap_err().contains("https"));
        assert!(check_url("http://127.0.0.1:9/x", true).is_ok(), "allowed in development");
        assert!(check_url("ftp://example.com/", true).is_err());
        assert!(check_url("hooks.example.com", false).is_err());
        let e = check_url("https://169.254.169.254/latest/meta-data", false).unwrap_err();
        assert!(e.contains("169.254.169.254") && e.contains("link-local"), "{e}");
        assert!(check_url("https://[::1]:8443/", false).unwrap_err().contains("loopback"));
    }

    #[tokio::test]
    async fn names_are_resolved_and_checked() {
        let url = check_url("https://localhost:8443/hook", false).unwrap();
        let e = resolve(&url, false).await.unwrap_err();
        assert!(e.contains("localhost") && e.contains("loopback"), "{e}");
        assert!(resolve(&url, true).await.is_ok());
    }
}
