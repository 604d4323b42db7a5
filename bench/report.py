#!/usr/bin/env python3
"""Turns one backend's run directory into bench/results/<date>-<backend>[-<preset>].{json,md}.

    report.py RUN_DIR RESULTS_DIR

RUN_DIR holds what bench/run.sh collected: facts.tsv ("key\\tvalue" lines), wrk/<endpoint>.json
(rotate.lua's summaries), wrk/<endpoint>.precheck-failed for an endpoint whose pre-check
failed, login.json (login.py), seed.log (the output of `portico seed-bench`), firstload.json
(firstload.py: the portal's first load in bytes on the wire) and lighthouse.json
(lighthouse/run.mjs: Lighthouse's figures for the portal's login page and dashboard).

Exit status 1 when the run had any error (a non-2xx answer, a socket error, a failed
pre-check, a failed login pair, a missing measurement): the files are still written, with the
errors listed at the top, so a bad run is visible rather than silently in the averages.
Python 3.11 standard library only.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from endpoints import ENDPOINTS, P99_TARGET_MS

RSS_IDLE_TARGET_MIB = 60
RSS_PEAK_TARGET_MIB = 150
COLD_START_TARGET_MS = 1000


def read_facts(run: Path) -> dict[str, str]:
    facts = {}
    for line in (run / "facts.tsv").read_text().splitlines():
        key, _, value = line.partition("\t")
        if key:
            facts[key] = value
    return facts


def num(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def machine() -> dict:
    cpu = "unknown"
    mem_kib = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_mib": round(mem_kib / 1024) if mem_kib else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def seeding(run: Path, facts: dict[str, str]) -> dict:
    """What seed-bench printed: its last line, and per-table counts where it printed them."""
    log = run / "seed.log"
    text = log.read_text() if log.exists() else ""
    out: dict = {"cached": facts.get("seed_cached") == "yes", "log_tail": text.strip().splitlines()[-20:]}
    m = re.search(r"seeded\s+([\d,_]+)\s+rows\s+in\s+([\d.]+)\s*s\s*\(([\d.,_]+)\s*rows/s\)", text)
    if m:
        out["rows"] = int(re.sub(r"[,_]", "", m.group(1)))
        out["seconds"] = float(m.group(2))
        out["rows_per_s"] = float(re.sub(r"[,_]", "", m.group(3)))
    return out


def ms(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}"


def build(run: Path) -> tuple[dict, list[str]]:
    facts = read_facts(run)
    errors: list[str] = []
    wrk = run / "wrk"
    endpoints = []
    for e in ENDPOINTS:
        row: dict = {"name": e.name, "endpoint": e.label, "kind": e.kind, "json": e.json}
        if (wrk / f"{e.name}.precheck-failed").exists():
            row["precheck_failed"] = (wrk / f"{e.name}.precheck-failed").read_text().strip()
            errors.append(f"{e.label}: pre-check failed (not every request answered 2xx)")
        summary = wrk / f"{e.name}.json"
        if summary.exists():
            row.update(json.loads(summary.read_text()))
        elif "precheck_failed" not in row:
            errors.append(f"{e.label}: no measurement (wrk produced no summary)")
        if row.get("non_2xx"):
            errors.append(f"{e.label}: {row['non_2xx']} of {row['requests']} responses were errors (status >= 400)")
        sock = sum((row.get("socket_errors") or {}).values())
        if sock:
            errors.append(f"{e.label}: {sock} socket errors {row['socket_errors']}")
        endpoints.append(row)

    readyz = next((r.get("requests_per_s") for r in endpoints if r["name"] == "readyz"), None)
    for r, e in zip(endpoints, ENDPOINTS):
        rps = r.get("requests_per_s")
        r["ratio_to_readyz"] = round(rps / readyz, 3) if rps is not None and readyz else None
        checks = []
        if e.min_ratio is not None and r["ratio_to_readyz"] is not None:
            checks.append(r["ratio_to_readyz"] >= e.min_ratio)
        p99 = (r.get("latency_ms") or {}).get("p99")
        if e.json and e.kind != "baseline" and p99 is not None:
            checks.append(p99 < P99_TARGET_MS)
        r["meets_targets"] = all(checks) if checks else None

    login = None
    if (run / "login.json").exists():
        login = json.loads((run / "login.json").read_text())
        if readyz and login.get("pairs_per_s") is not None:
            login["ratio_to_readyz"] = round(login["pairs_per_s"] / readyz, 4)
        if login.get("errors"):
            errors.append(f"login: {login['errors']} failed pairs {login.get('errors_by_kind')}")
        if not login.get("pairs"):
            errors.append("login: no pair completed")
    elif facts.get("login") != "skipped":
        errors.append("login: no measurement (login.py produced no summary)")

    rss_idle = num(facts.get("rss_idle_kib"))
    rss_peak = num(facts.get("rss_peak_kib"))
    cold = num(facts.get("cold_start_ms"))
    server = {
        "cold_start_ms": cold,
        "rss_idle_mib": round(rss_idle / 1024, 1) if rss_idle else None,
        "rss_peak_mib": round(rss_peak / 1024, 1) if rss_peak else None,
    }
    for k, v in server.items():
        if v is None:
            errors.append(f"server: {k} was not measured")
    for line in facts.get("errors", "").split(" | "):
        if line.strip():
            errors.append(line.strip())

    web = {"first_load": None, "lighthouse": None}
    if (run / "firstload.json").exists():
        web["first_load"] = json.loads((run / "firstload.json").read_text())
        errors += [f"first load: {e}" for e in web["first_load"].get("errors", [])]
    else:
        errors.append("first load: no measurement (firstload.py produced no summary)")
    if (run / "lighthouse.json").exists():
        web["lighthouse"] = json.loads((run / "lighthouse.json").read_text())["pages"]
        for page in web["lighthouse"]:
            if page.get("error"):
                errors.append(f"lighthouse {page['page']}: {page['error'].splitlines()[0]}")
    elif facts.get("lighthouse") == "skipped":
        web["lighthouse"] = "skipped"
    else:
        errors.append("lighthouse: no measurement (bench/lighthouse/run.mjs produced no summary)")

    counts = {k.removeprefix("count."): int(v) for k, v in facts.items() if k.startswith("count.") and v.isdigit()}
    result = {
        "date": facts.get("date"),
        "started_at": facts.get("started_at"),
        "backend": facts.get("backend"),
        "preset": facts.get("preset"),
        "ok": not errors,
        "errors": errors,
        "git": {"commit": facts.get("git_commit"), "dirty": facts.get("git_dirty") == "yes"},
        "machine": machine(),
        "load": {
            "tool": facts.get("wrk_version"),
            "threads": int(facts.get("wrk_threads", 0)),
            "connections": int(facts.get("wrk_connections", 0)),
            "duration": facts.get("wrk_duration"),
            "warmup": facts.get("wrk_warmup"),
            "login_workers": int(facts.get("login_workers", 0)),
            "sessions": {"clients": int(facts.get("sessions_clients", 0)), "staff": int(facts.get("sessions_staff", 0))},
        },
        "server": server,
        "server_settings": {k.removeprefix("env."): v for k, v in facts.items() if k.startswith("env.")},
        "database": {
            "version": facts.get("db_version"),
            "anchor_day": facts.get("dataset_anchor"),
            "size_bytes": int(facts["db_size_bytes"]) if facts.get("db_size_bytes", "").isdigit() else None,
            "table_rows": counts,
            "seeding": seeding(run, facts),
        },
        "endpoints": endpoints,
        "login": login,
        "web": web,
    }
    return result, errors


def mark(ok: bool | None) -> str:
    return "" if ok is None else ("✓" if ok else "✗ missed")


def markdown(r: dict) -> str:
    out = [f"# Portico benchmark: {r['backend']}, {r['preset']} dataset, {r['date']}", ""]
    if r["errors"]:
        out += ["**⚠ THIS RUN HAD ERRORS — its figures are not comparable:**", ""]
        out += [f"- {e}" for e in r["errors"]] + [""]
    m, load = r["machine"], r["load"]
    commit = (r["git"]["commit"] or "?") + (" (uncommitted changes)" if r["git"]["dirty"] else "")
    out += [
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_mib']} MiB RAM, Linux {m['kernel']}. "
        f"Commit {commit}, started {r['started_at']}.",
        "",
        f"Load: {load['tool']} `-t{load['threads']} -c{load['connections']} -d{load['duration']}` per endpoint "
        f"after a {load['warmup']} warm-up, on loopback, same machine as the server; requests rotate over "
        f"{load['sessions']['clients']} client and {load['sessions']['staff']} staff sessions. "
        f"Login: {load['login_workers']} workers for {load['duration']}.",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | × /readyz | errors | targets |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for e in r["endpoints"]:
        lat = e.get("latency_ms") or {}
        rps = e.get("requests_per_s")
        ratio = e.get("ratio_to_readyz")
        errs = (e.get("non_2xx") or 0) + sum((e.get("socket_errors") or {}).values())
        label = e["endpoint"] + (" (pre-check failed)" if e.get("precheck_failed") else "")
        out.append(
            f"| {label} | {rps:,.0f} | {ms(lat.get('p50'))} | {ms(lat.get('p99'))} | "
            f"{'—' if ratio is None else f'{ratio:.2f}'} | {'**' + str(errs) + '**' if errs else 0} | "
            f"{mark(e.get('meets_targets'))} |"
            if rps is not None
            else f"| {label} | — | — | — | — | — | not measured |"
        )
    lg = r["login"]
    if lg:
        lat = lg["latency_ms"]
        ratio = lg.get("ratio_to_readyz")
        out.append(
            f"| login: OTP request + emailed code + verify (pairs) | {lg['pairs_per_s']:,.1f} | {ms(lat['p50'])} | "
            f"{ms(lat['p99'])} | {'—' if ratio is None else f'{ratio:.3f}'} | "
            f"{'**' + str(lg['errors']) + '**' if lg['errors'] else 0} | |"
        )
    out += [
        "",
        f"Targets: client endpoints ≥ 0.3 × /readyz (dashboard ≥ 0.5 ×), p99 < {P99_TARGET_MS:.0f} ms on "
        "JSON endpoints. Errors: responses with status ≥ 400 and socket errors during the run (every "
        "request line was first checked to answer 2xx).",
    ]
    if lg:
        ph = lg["phases_ms"]
        out += [
            "",
            f"Login pair phases, p50 / p99 ms: request code {ms(ph['request_code']['p50'])} / "
            f"{ms(ph['request_code']['p99'])}, email delivered {ms(ph['mail_delivery']['p50'])} / "
            f"{ms(ph['mail_delivery']['p99'])}, verify {ms(ph['verify']['p50'])} / {ms(ph['verify']['p99'])}. "
            f"{lg['accounts']} addresses, {lg['cooldown_waits']} waits for an address's "
            f"{lg['cooldown_s']} s cooldown ({lg['cooldown_wait_s']} s in all). The SMTP sink "
            + (
                "acknowledged every segment at once (TCP_QUICKACK, BENCH_SMTP_QUICKACK=1)."
                if lg.get("smtp_sink_quickack")
                else "delays its ACKs like any Linux receiver, a real relay included."
            ),
        ]
    s = r["server"]

    def target_row(label: str, value: float | None, unit: str, limit: float) -> str:
        if value is None:
            return f"| {label} | — | < {limit:g} {unit} | not measured |"
        return f"| {label} | {value:g} {unit} | < {limit:g} {unit} | {mark(value < limit)} |"

    out += [
        "",
        "| server | measured | target | |",
        "|---|---:|---:|---|",
        target_row("RSS idle (after start, before load)", s["rss_idle_mib"], "MiB", RSS_IDLE_TARGET_MIB),
        target_row("RSS peak (VmHWM after all load)", s["rss_peak_mib"], "MiB", RSS_PEAK_TARGET_MIB),
        target_row("cold start: spawn → first 200 from /readyz", s["cold_start_ms"], "ms", COLD_START_TARGET_MS),
    ]
    out += web_markdown(r["web"])
    db = r["database"]
    seed = db["seeding"]
    if "rows" in seed:
        how = f"{seed['rows']:,} rows seeded in {seed['seconds']:g} s ({seed['rows_per_s']:,.0f} rows/s)"
    else:
        how = "seeding time unknown (no `seeded … rows in … s` line in seed.log)"
    how += ", loaded from the cached copy for this run" if seed["cached"] else ", seeded for this run"
    size = f"{db['size_bytes'] / 2**20:,.0f} MiB" if db["size_bytes"] else "size unknown"
    out += ["", f"Dataset ({db['version']}, {size}, laid out around {db['anchor_day']}): {how}."]
    if db["table_rows"]:
        out += ["", "| table | rows |", "|---|---:|"]
        out += [f"| {t} | {n:,} |" for t, n in db["table_rows"].items()]
    if r["server_settings"]:
        settings = ", ".join(f"{k}={v}" for k, v in r["server_settings"].items())
        out += ["", f"Server settings: {settings}."]
    return "\n".join(out) + "\n"


def kib(n: float | None) -> str:
    return "—" if n is None else f"{n / 1024:,.1f} KiB"


def web_markdown(web: dict) -> list[str]:
    out: list[str] = []
    fl = web.get("first_load")
    if fl:
        out += [
            "",
            f"Portal first load, `{fl['page']}` and the files it names, empty cache: bytes on the wire "
            f"(bodies, plus status lines and headers) as a browser asks (`Accept-Encoding: {fl['accept_encoding']}`) "
            "and asking for no compression.",
            "",
            "| file | type | plain | on the wire | encoding |",
            "|---|---|---:|---:|---|",
        ]
        for f in fl["files"]:
            out.append(
                f"| `{f['path']}` | {f['type'].split(';')[0]} | {f['plain_bytes']:,} B | {f['wire_bytes']:,} B | "
                f"{f['encoding'] or 'none'} |"
            )
        ratio = fl.get("ratio")
        out.append(
            f"| **first load, with headers** | | {fl['total_bytes_uncompressed']:,} B | "
            f"{fl['total_bytes_compressed']:,} B | {'—' if ratio is None else f'{ratio:.1%} of plain'} |"
        )
    lh = web.get("lighthouse")
    if lh == "skipped":
        out += ["", "Lighthouse: skipped (BENCH_LIGHTHOUSE=0)."]
    elif lh:
        first = next((p for p in lh if not p.get("error")), {})
        out += [
            "",
            f"Lighthouse {first.get('lighthouse', '?')}, {first.get('form_factor', 'mobile')} profile, "
            f"{first.get('throttling', 'simulate')}d throttling (Lighthouse's default: a mid-range phone on slow 4G), "
            "performance only, a fresh Chromium per page; the dashboard is a logged-in client's (session "
            "from bench-sessions, stored as the app stores it).",
            "",
            "| page | score | FCP | LCP | TBT | CLS | Speed Index | transferred | requests |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for p in lh:
            if p.get("error"):
                out.append(f"| `{urlsplit(p['url']).path}` | **not measured** | | | | | | | |")
                continue
            out.append(
                f"| `{urlsplit(p['url']).path}` "
                f"| {p['score']} | {p['fcp_ms'] / 1000:.2f} s | {p['lcp_ms'] / 1000:.2f} s | {p['tbt_ms']:.0f} ms | "
                f"{p['cls']:.3f} | {p['speed_index_ms'] / 1000:.2f} s | {kib(p['transfer_bytes'])} | {p['requests']} |"
            )
    return out


def main(run_dir: str, results_dir: str) -> int:
    run = Path(run_dir)
    result, errors = build(run)
    name = f"{result['date']}-{result['backend']}"
    if result["preset"] != "full":
        name += f"-{result['preset']}"
    out = Path(results_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (out / f"{name}.md").write_text(markdown(result))
    print(f"wrote {out / name}.json and .md")
    if errors:
        print(f"\n⚠ {result['backend']}: THE RUN HAD ERRORS:", file=sys.stderr)
        for e in errors:
            print(f"  - {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
