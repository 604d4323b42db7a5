#!/usr/bin/env python3
"""Bytes on the wire for the portal's first load: the page (index.html) and every file it
names (scripts, style sheets, preloads, icons), fetched once as a browser would
(`Accept-Encoding: gzip, deflate, br, zstd`, what Chromium sends) and once asking for no
compression, with an empty cache both times.

    firstload.py BASE_URL PAGE_PATH OUT.json

Counts response bodies as sent and the status line and headers as received (HTTP/1.1, no TLS,
no TCP/IP overhead), so the two totals compare like for like. Exit status 1 when a file does
not answer 200, or when the compressed load is not smaller (compression is off).
Python 3.11 standard library only.
"""

from __future__ import annotations

import http.client
import json
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BROWSER = "gzip, deflate, br, zstd"


class Assets(HTMLParser):
    """The same-origin files a page makes the browser fetch before it can run."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        url = None
        if tag == "script" and a.get("src"):
            url = a["src"]
        elif tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if rels & {"stylesheet", "modulepreload", "preload", "icon", "manifest"}:
                url = a["href"]
        if url and not urlsplit(url).netloc and url not in self.paths:
            self.paths.append(url)


def fetch(base: str, path: str, accept: str | None) -> dict:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    headers = {"Accept": "*/*", "User-Agent": "portico-bench"}
    if accept is not None:
        headers["Accept-Encoding"] = accept
    conn.request("GET", path, headers=headers)
    res = conn.getresponse()
    body = res.read()
    conn.close()
    head = len(f"HTTP/1.1 {res.status} {res.reason}\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in res.getheaders()) + 2
    return {
        "status": res.status,
        "type": res.getheader("Content-Type", ""),
        "encoding": res.getheader("Content-Encoding"),
        "vary": res.getheader("Vary"),
        "body": body,
        "header_bytes": head,
    }


def load(base: str, page: str, accept: str | None) -> list[tuple[str, dict]]:
    first = fetch(base, page, accept)
    out = [(page, first)]
    if first["status"] != 200:
        return out
    # The page itself is only readable uncompressed; its list of files does not change.
    html = fetch(base, page, None)["body"].decode("utf-8", "replace")
    parser = Assets()
    parser.feed(html)
    for path in parser.paths:
        out.append((urljoin(page, path), fetch(base, urljoin(page, path), accept)))
    return out


def main(base: str, page: str, out_path: str) -> int:
    base = base.rstrip("/")
    raw = load(base, page, None)
    compressed = dict(load(base, page, BROWSER))
    errors = []
    files = []
    for path, plain in raw:
        comp = compressed.get(path)
        if plain["status"] != 200 or not comp or comp["status"] != 200:
            errors.append(f"{path}: status {plain['status']} / {comp and comp['status']}")
            continue
        files.append(
            {
                "path": path,
                "type": plain["type"],
                "plain_bytes": len(plain["body"]),
                "wire_bytes": len(comp["body"]),
                "encoding": comp["encoding"],
                "vary": comp["vary"],
                "header_bytes_plain": plain["header_bytes"],
                "header_bytes_compressed": comp["header_bytes"],
            }
        )
    total_plain = sum(f["plain_bytes"] + f["header_bytes_plain"] for f in files)
    total_comp = sum(f["wire_bytes"] + f["header_bytes_compressed"] for f in files)
    if files and total_comp >= total_plain:
        errors.append("the compressed first load is not smaller than the plain one: is compression off?")
    result = {
        "page": page,
        "accept_encoding": BROWSER,
        "files": files,
        "total_bytes_uncompressed": total_plain,
        "total_bytes_compressed": total_comp,
        "ratio": round(total_comp / total_plain, 3) if total_plain else None,
        "errors": errors,
    }
    with open(out_path, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    for f_ in files:
        print(
            f"    {f_['path']:<40} {f_['plain_bytes']:>9,} B -> {f_['wire_bytes']:>9,} B {f_['encoding'] or 'plain'}",
            file=sys.stderr,
        )
    print(f"    {'first load (with headers)':<40} {total_plain:>9,} B -> {total_comp:>9,} B", file=sys.stderr)
    for e in errors:
        print(f"    ERROR {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
