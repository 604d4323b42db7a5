#!/usr/bin/env python3
"""Schema fuzzing: schemathesis against the live server, as each kind of caller, on each database.

For every backend asked for and every caller — an API key, a staff session, a client session —
a fresh database and data directory, then `portico serve --demo` on a free loopback port (the
demo tenant gives the fuzzer real objects to find), mail on the console transport so the login
codes are read back from the server's own log. Each caller's run has a database of its own:
a run before it cannot have renamed, archived or re-addressed the account it logs in as, ended
its session or spent its code limits (a shared database made CI fail at random when the staff
run had changed the demo client). Then `st run` against the served `/api/v1/openapi.json` with
every check schemathesis has (`--checks all`; fuzz/schemathesis.toml lists the operations
where one check is off, and why), in every phase (examples, coverage, fuzzing, stateful) and with
positive and negative data:

  not_a_server_error            no 5xx
  status_code_conformance       no status the operation does not document
  content_type_conformance      the documented media type
  response_headers_conformance  the documented headers
  response_schema_conformance   bodies match the documented schema
  positive_data_acceptance      a request the spec allows is not refused (400/422)
  negative_data_rejection       a request the spec forbids is refused
  missing_required_header       a missing required header is refused
  unsupported_method            an undocumented method answers 405
  allow_header_conformance      … with the documented methods in `Allow`
  use_after_free                a deleted object stays gone
  ensure_resource_availability  a created object can be read
  ignored_auth                  a credential is not ignored
  object_level_authorization    one caller's object is not another's

Before it, with the API key's server: a client generated from the spec by openapi-python-client
lists, creates and reads a client and logs in (fuzz/generated_client.py).

Runs are seeded (--seed): the same seed, schema and time budget generate the same cases.
The server log is searched for panics afterwards; the requests it answered are read from its
own metrics. Exits 1 on any finding, with the reports under --out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# No `--checks` on the command line: every check is on by default, and a check named there
# would override the per-operation exceptions of fuzz/schemathesis.toml.
OWNER_EMAIL = "owner@lumen.example"
CLIENT_EMAIL = "maria@lopez-interiors.es"
DEMO_SLUG = "demo"
METRICS_TOKEN = "fuzz-metrics-token-0123456789"
CASES: dict[str, int] = {}  # test cases schemathesis generated, per run
# Ending one's own session would turn the rest of a run into 401s: not fuzzed.
EXCLUDED_PATHS = ["/api/v1/auth/logout", "/api/v1/portal/{slug}/auth/logout"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base: str, method: str, path: str, body: dict | None = None, token: str | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            raw = res.read()
            return res.status, raw
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Server:
    """`portico serve --demo` on a fresh database; its log is kept in a file."""

    def __init__(self, binary: Path, backend: str, pg_admin: str | None, work: Path):
        self.binary, self.backend, self.pg_admin, self.work = binary, backend, pg_admin, work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = work / "server.log"
        self.pg_db = None
        if backend == "sqlite":
            self.db_url = f"sqlite://{work / 'portico.db'}"
        else:
            self.pg_db = f"portico_fuzz_{uuid.uuid4().hex[:12]}"
            subprocess.run(["psql", pg_admin, "-qc", f'CREATE DATABASE "{self.pg_db}"'], check=True)
            self.db_url = urllib.parse.urlsplit(pg_admin)._replace(path=f"/{self.pg_db}").geturl()

    def start(self) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PORTICO_")}
        env.update(
            PORTICO_DATABASE_URL=self.db_url,
            PORTICO_DATA_DIR=str(self.work / "data"),
            PORTICO_LISTEN=f"127.0.0.1:{self.port}",
            PORTICO_MAIL_TRANSPORT="console",
            PORTICO_LOG="info",
            PORTICO_LOG_FORMAT="text",
            PORTICO_METRICS_TOKEN=METRICS_TOKEN,
            PORTICO_WEB_DIR=str(ROOT / "web" / "dist"),
            # Sessions outlive the longest `make fuzz` run.
            PORTICO_ACCESS_TOKEN_MINUTES="600",
            PORTICO_SESSION_IDLE_MINUTES="600",
            PORTICO_SESSION_MAX_HOURS="24",
            # The fuzzer's refused calls are not an attack: the limit has its own tests.
            PORTICO_AUTH_FAILURES_PER_MINUTE="100000",
            # Its code requests neither: the logins after it must still get their email.
            PORTICO_OTP_PER_IP_PER_HOUR="1000000",
            PORTICO_OTP_PER_EMAIL_PER_HOUR="100000",
            PORTICO_OTP_COOLDOWN_SECONDS="1",
            PORTICO_WORKERS="2",
        )
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [str(self.binary), "serve", "--demo"], env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited ({self.proc.returncode}); log: {self.log_path}")
            found = re.search(r"Demo API key:\s+(\S+)", self.log_text())
            if found:
                try:
                    if call(self.base, "GET", "/readyz")[0] == 200:
                        return found.group(1)
                except OSError:
                    pass
            time.sleep(0.2)
        raise SystemExit(f"the server did not become ready; log: {self.log_path}")

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def login(self, base_path: str, email: str) -> str:
        """Asks for a code, reads it from the emailed text in the log, verifies it."""
        offset = len(self.log_text())
        self.last_login_path = base_path
        status, body = call(self.base, "POST", f"{base_path}/otp", {"email": email})
        if status != 202:
            # 429 names the limit and the wait; anything else is the server's own problem text.
            raise SystemExit(f"asking a code for {email}: {status} {body[:300].decode(errors='replace')}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            text = self.log_text()[offset:]
            # The login email's subject carries the code (the fuzzer asks codes for others too).
            found = re.search(rf"to={re.escape(email)} subject=(\d{{6}}) is your", text)
            if found:
                status, body = call(
                    self.base, "POST", f"{base_path}/otp/verify", {"email": email, "code": found.group(1)}
                )
                tokens = json.loads(body)
                if status != 200 or tokens.get("status") != "authenticated":
                    raise SystemExit(f"verifying {email}: {status} {tokens}")
                return tokens["access_token"]
            time.sleep(0.1)
        raise SystemExit(f"no login email for {email} within 30 s: {self.why_no_email(email)} (log: {self.log_path})")

    def query(self, sql: str, *params: str) -> list[tuple]:
        if self.backend == "sqlite":
            with sqlite3.connect(self.db_url.removeprefix("sqlite://")) as conn:
                return list(conn.execute(sql, params))
        # psql variables (:'p1') quote the values; the fuzz harness never sends untrusted ones.
        cmd = ["psql", self.db_url, "-tAF", "\t"]
        for i, value in enumerate(params, 1):
            cmd += ["-v", f"p{i}={value}"]
        numbered = iter(range(1, len(params) + 1))
        sql = re.sub(r"\?", lambda _: f":'p{next(numbered)}'", sql)
        out = subprocess.run(cmd, input=sql, check=True, capture_output=True, text=True)
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def why_no_email(self, email: str) -> str:
        """What the database says about the account and the login emails, for a failed login."""
        if "/portal/" in self.last_login_path:
            accounts = self.query(
                "SELECT status, portal_enabled FROM clients WHERE lower(email) = ?", email.lower()
            )
            if not accounts:
                return "no client has this email any more (its email was changed or it was deleted)"
            # The login asks for an active client with portal access (clients::store::portal_accounts).
            if not any(str(enabled) in ("1", "t", "True") and status == "active" for status, enabled in accounts):
                return f"no client with this email may log in (status, portal access: {accounts})"
        elif not self.query("SELECT id FROM staff WHERE lower(email) = ?", email.lower()):
            return "no staff member has this email any more"
        stuck = self.query(
            "SELECT status, attempts, last_error FROM outbox WHERE kind = 'email' AND status <> 'sent' "
            "ORDER BY created_at DESC LIMIT 3"
        )
        if stuck:
            return f"the account can log in; emails not delivered (status, attempts, error): {stuck}"
        return "the account can log in and no email is waiting: the code request was not queued"

    def requests_answered(self) -> dict[str, int]:
        """Requests the server answered, by status class, from its own metrics."""
        status, body = call(self.base, "GET", "/metrics", token=METRICS_TOKEN)
        if status != 200:
            raise SystemExit(f"GET /metrics: {status}")
        classes: dict[str, int] = {}
        for line in body.decode().splitlines():
            found = re.match(r'portico_http_requests_total\{.*status="(\d)\d\d".*\} (\S+)$', line)
            if found:
                key = f"{found.group(1)}xx"
                classes[key] = classes.get(key, 0) + int(float(found.group(2)))
        return dict(sorted(classes.items()))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        if self.pg_db:
            subprocess.run(["psql", self.pg_admin, "-qc", f'DROP DATABASE IF EXISTS "{self.pg_db}" WITH (FORCE)'])


def run_schemathesis(st: Path, server: Server, who: str, token: str, args, out: Path) -> bool:
    out.mkdir(parents=True, exist_ok=True)
    # Through fuzz/st.py, with the venv's Python: the CLI with `ast.parse` made thread-safe.
    cmd = [
        str(st.parent / "python"), str(ROOT / "fuzz" / "st.py"),
        "--config-file", str(ROOT / "fuzz" / "schemathesis.toml"),
        "run", f"{server.base}/api/v1/openapi.json",
        "--url", server.base,
        "--header", f"Authorization: Bearer {token}",
        "--seed", str(args.seed),
        "--max-time", str(args.max_time),
        "--max-examples", str(args.max_examples),
        "--mode", args.mode,
        "--workers", str(args.workers),
        "--request-timeout", "30",
        "--suppress-health-check", "all",
        "--report", "junit",
        "--report-dir", str(out),
        "--output-truncate", "true",
        "--warnings", "off",
    ]  # fmt: skip
    for path in EXCLUDED_PATHS:
        cmd += ["--exclude-path", path]
    print(f"\n=== {server.backend}: as {who} ===", flush=True)
    started = time.monotonic()
    # Run where its replay store (.schemathesis/) may live: `cd target/fuzz && st replay ID`.
    result = subprocess.run(
        cmd, cwd=out.parent.parent, env={**os.environ, "NO_COLOR": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = result.stdout.decode(errors="replace")
    (out / "output.txt").write_text(output)
    print(output, flush=True)
    generated = re.search(r"(\d+) generated", output)
    CASES[f"{server.backend} as {who}"] = int(generated.group(1)) if generated else 0
    print(f"--- {server.backend} as {who}: exit {result.returncode} in {time.monotonic() - started:.0f} s", flush=True)
    return result.returncode == 0


def generated_client_works(venv: Path, server: Server, key: str, work: Path) -> bool:
    """Generates a Python client from the served spec and runs fuzz/generated_client.py with it."""
    spec = work / "openapi.json"
    spec.write_bytes(call(server.base, "GET", "/api/v1/openapi.json")[1])
    generated = work / "client" / "portico_client"
    gen = subprocess.run(
        [str(venv / "bin" / "openapi-python-client"), "generate", "--path", str(spec),
         "--output-path", str(generated), "--meta", "none", "--overwrite"],
        capture_output=True, text=True,
    )  # fmt: skip
    # It reports what it could not read as warnings and still writes the rest: both count.
    problems = [line for line in (gen.stdout + gen.stderr).splitlines() if "Unable to parse" in line]
    if gen.returncode != 0 or problems:
        print(f"openapi-python-client could not take the spec ({gen.returncode}):\n{gen.stdout}{gen.stderr}")
        return False
    run = subprocess.run(
        [str(venv / "bin" / "python"), str(ROOT / "fuzz" / "generated_client.py"),
         server.base, key, OWNER_EMAIL, str(server.log_path)],
        cwd=generated.parent, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(generated.parent)},
    )  # fmt: skip
    print(run.stdout + run.stderr, end="", flush=True)
    return run.returncode == 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--binary", default=str(ROOT / "target" / "debug" / "portico"))
    p.add_argument("--st", default=str(ROOT / "target" / "fuzz-venv" / "bin" / "st"))
    p.add_argument(
        "--client-venv",
        default=str(ROOT / "target" / "client-venv"),
        help="virtualenv with openapi-python-client, for the generated-client check",
    )
    p.add_argument("--seed", type=int, default=20261130)
    p.add_argument("--max-time", type=int, default=30, help="seconds per principal and backend")
    p.add_argument("--max-examples", type=int, default=25, help="cases per operation and phase")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--mode", choices=["all", "positive", "negative"], default="all", help="schemathesis data mode")
    p.add_argument("--out", default=str(ROOT / "target" / "fuzz"))
    args = p.parse_args()

    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    pg_admin = os.environ.get("PORTICO_TEST_PG_URL")
    if "postgres" in backends and not pg_admin:
        print("FATAL: PORTICO_TEST_PG_URL is not set; the PostgreSQL run cannot happen.", file=sys.stderr)
        return 1
    out_root = Path(args.out)
    shutil.rmtree(out_root, ignore_errors=True)
    failed, answered, panics = [], {}, []
    for backend in backends:
        for who in ("an API key", "staff", "a client"):
            run = f"{backend} as {who}"
            name = who.split()[-1]
            work = Path(tempfile.mkdtemp(prefix=f"portico-fuzz-{backend}-{name}-"))
            server = Server(Path(args.binary), backend, pg_admin, work)
            try:
                key = server.start()
                if who == "an API key":
                    token = key
                    if not generated_client_works(Path(args.client_venv), server, key, work):
                        failed.append(f"{backend}: the generated Python client")
                elif who == "staff":
                    token = server.login("/api/v1/auth", OWNER_EMAIL)
                else:
                    token = server.login(f"/api/v1/portal/{DEMO_SLUG}/auth", CLIENT_EMAIL)
                if not run_schemathesis(Path(args.st), server, who, token, args, out_root / backend / name):
                    failed.append(run)
                for cls, n in server.requests_answered().items():
                    answered.setdefault(backend, {}).setdefault(cls, 0)
                    answered[backend][cls] += n
            finally:
                server.stop()
            if "panicked" in server.log_text():
                panics.append(run)
            (out_root / backend).mkdir(parents=True, exist_ok=True)
            shutil.copy(server.log_path, out_root / backend / f"{name}-server.log")
            shutil.rmtree(work, ignore_errors=True)

    print("\n=== schema fuzzing ===")
    print(f"{sum(CASES.values())} test cases (seed {args.seed}): " + ", ".join(f"{n} {run}" for run, n in CASES.items()))
    for backend, classes in answered.items():
        detail = ", ".join(f"{n} {c}" for c, n in classes.items())
        print(f"{backend}: {sum(classes.values())} requests answered by the server ({detail})")
    if panics:
        print(f"a handler panicked on: {', '.join(panics)} (see {out_root}/*/*-server.log)")
    if failed:
        print(f"findings: {', '.join(failed)} (reports under {out_root})")
    return 1 if failed or panics else 0


if __name__ == "__main__":
    sys.exit(main())
