#!/usr/bin/env python3
"""The benchmarked endpoints, and their request lists built from `portico bench-sessions`.

    endpoints.py write SESSIONS.json DIR   one DIR/<name>.txt per endpoint ("<path>\\t<token>"
                                           lines, which bench/wrk/rotate.lua rotates over) and
                                           DIR/order.txt with the names in run order
    endpoints.py check BASE_URL DIR NAME   sends every line of DIR/NAME.txt once and fails
                                           (exit 1, first answers shown) unless all are 2xx,
                                           so a load run never measures error pages

Python 3.11 standard library only.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True)
class Endpoint:
    name: str
    label: str
    kind: str  # baseline, client, staff
    json: bool
    # Minimum throughput as a fraction of /readyz's in the same run (issue 9's targets).
    min_ratio: float | None = None


ENDPOINTS = [
    Endpoint("healthz", "GET /healthz", "baseline", False),
    Endpoint("readyz", "GET /readyz", "baseline", False),
    Endpoint("portal_me", "GET /api/v1/portal/me", "client", True, 0.3),
    Endpoint("portal_dashboard", "GET /api/v1/portal/dashboard", "client", True, 0.5),
    Endpoint("portal_appointments", "GET /api/v1/portal/appointments", "client", True, 0.3),
    Endpoint("portal_project", "GET /api/v1/portal/projects/{project_id}", "client", True, 0.3),
    Endpoint("portal_invoices", "GET /api/v1/portal/invoices", "client", True, 0.3),
    Endpoint("portal_invoice_pdf", "GET /api/v1/portal/invoices/{invoice_id}/pdf", "client", False, 0.3),
    Endpoint("staff_clients_search", "GET /api/v1/clients?q={search}", "staff", True),
    Endpoint("staff_appointments_week", "GET /api/v1/appointments?from={week_from}&to={week_to}", "staff", True),
]
BY_NAME = {e.name: e for e in ENDPOINTS}
# The JSON endpoints' p99 must stay under this (issue 9).
P99_TARGET_MS = 20.0


def request_lines(name: str, sessions: dict) -> list[str]:
    clients, staff = sessions["clients"], sessions["staff"]

    def q(value: str) -> str:
        return quote(str(value), safe="")

    match name:
        case "healthz":
            return ["/healthz\t"]
        case "readyz":
            return ["/readyz\t"]
        case "portal_me":
            return [f"/api/v1/portal/me\t{c['access_token']}" for c in clients]
        case "portal_dashboard":
            return [f"/api/v1/portal/dashboard\t{c['access_token']}" for c in clients]
        case "portal_appointments":
            return [f"/api/v1/portal/appointments\t{c['access_token']}" for c in clients]
        case "portal_project":
            return [f"/api/v1/portal/projects/{q(c['project_id'])}\t{c['access_token']}" for c in clients]
        case "portal_invoices":
            return [f"/api/v1/portal/invoices\t{c['access_token']}" for c in clients]
        case "portal_invoice_pdf":
            return [f"/api/v1/portal/invoices/{q(c['invoice_id'])}/pdf\t{c['access_token']}" for c in clients]
        case "staff_clients_search":
            return [f"/api/v1/clients?q={q(s['search'])}\t{s['access_token']}" for s in staff]
        case "staff_appointments_week":
            return [
                f"/api/v1/appointments?from={q(s['week_from'])}&to={q(s['week_to'])}\t{s['access_token']}"
                for s in staff
            ]
    raise KeyError(name)


def write(sessions_path: str, out: str) -> int:
    sessions = json.loads(Path(sessions_path).read_text())
    for key in ("clients", "staff"):
        if not sessions.get(key):
            print(f"endpoints.py: {sessions_path} has no {key}", file=sys.stderr)
            return 1
    d = Path(out)
    d.mkdir(parents=True, exist_ok=True)
    for e in ENDPOINTS:
        (d / f"{e.name}.txt").write_text("\n".join(request_lines(e.name, sessions)) + "\n")
    (d / "order.txt").write_text("\n".join(e.name for e in ENDPOINTS) + "\n")
    return 0


def check(base: str, d: str, name: str) -> int:
    lines = [line for line in Path(d, f"{name}.txt").read_text().splitlines() if line]

    def one(line: str) -> tuple[int, str, str]:
        path, _, token = line.partition("\t")
        req = urllib.request.Request(base.rstrip("/") + path)
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
                return r.status, path, ""
        except urllib.error.HTTPError as e:
            return e.code, path, e.read()[:300].decode("utf-8", "replace")
        except OSError as e:
            return 0, path, str(e)

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(one, lines))
    bad = [a for a in answers if not 200 <= a[0] < 300]
    if bad:
        print(f"PRE-CHECK FAILED: {name}: {len(bad)} of {len(lines)} requests did not answer 2xx", file=sys.stderr)
        for status, path, body in bad[:5]:
            print(f"  {status} GET {path} {body}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["write", sessions_path, out]:
            sys.exit(write(sessions_path, out))
        case ["check", base, d, name]:
            sys.exit(check(base, d, name))
        case _:
            print(__doc__, file=sys.stderr)
            sys.exit(2)
