#!/usr/bin/env python3
"""Login throughput: OTP request + verify pairs per second against a running server.

The server must send mail over SMTP to --smtp-port (PORTICO_MAIL_TRANSPORT=smtp,
PORTICO_SMTP_URL=smtp://127.0.0.1:<port>): this script listens there with a tiny SMTP sink,
reads each login code from the email's subject, and verifies it, so a pair measures the
real path a client takes, outbox and mail delivery included.

N workers each run pairs back to back for a fixed time, each over its own keep-alive HTTP
connection. An address is never asked for a new code sooner than --cooldown seconds after
its last one (the server's PORTICO_OTP_COOLDOWN_SECONDS cannot go below 1); when every
address is cooling down, workers wait and the wait is reported, since then the figure is
limited by the number of addresses rather than by the server.

Python 3.11 standard library only. Writes one JSON document to --out (or stdout).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import email
import email.policy
import json
import re
import socket
import sys
import time
from dataclasses import dataclass, field

CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")


# --- SMTP sink ---------------------------------------------------------------------------


class Mailboxes:
    """Login codes by recipient, in arrival order."""

    def __init__(self) -> None:
        self.queues: dict[str, asyncio.Queue[str]] = collections.defaultdict(asyncio.Queue)
        self.received = 0
        self.without_code = 0
        self.open_sessions: set[asyncio.StreamWriter] = set()

    def deliver(self, recipients: list[str], data: bytes) -> None:
        self.received += 1
        message = email.message_from_bytes(data, policy=email.policy.default)
        subject = str(message.get("Subject", ""))
        found = CODE.search(subject)
        if not found:
            body = message.get_body(preferencelist=("plain",))
            found = CODE.search(body.get_content() if body else "")
        if not found:
            self.without_code += 1
            return
        for rcpt in recipients:
            self.queues[rcpt.lower()].put_nowait(found.group(1))

    def drain(self, address: str) -> int:
        """Drops codes left over for `address` (a late email of an earlier, failed pair)."""
        q = self.queues[address]
        n = 0
        while not q.empty():
            q.get_nowait()
            n += 1
        return n


async def smtp_session(
    mail: Mailboxes, quickack: bool, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    # Enough ESMTP for lettre: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
    mail.open_sessions.add(writer)
    sock = writer.get_extra_info("socket")

    async def readline() -> bytes:
        if quickack:
            # Linux resets TCP_QUICKACK after a while: set it before every read.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return await reader.readline()

    try:
        writer.write(b"220 localhost ESMTP bench sink\r\n")
        recipients: list[str] = []
        while True:
            line = await readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n")
            elif verb in (b"HELO", b"MAIL", b"NOOP"):
                writer.write(b"250 OK\r\n")
            elif verb == b"RSET":
                recipients.clear()
                writer.write(b"250 OK\r\n")
            elif verb == b"RCPT":
                m = re.search(rb"<([^>]*)>", line)
                recipients.append(m.group(1).decode() if m else "")
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go ahead\r\n")
                await writer.drain()
                chunks = []
                while True:
                    part = await readline()
                    if not part:
                        return
                    if part == b".\r\n":
                        break
                    chunks.append(part[1:] if part.startswith(b"..") else part)
                mail.deliver(recipients, b"".join(chunks))
                recipients = []
                writer.write(b"250 OK queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                return
            else:
                writer.write(b"502 not implemented\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
        return
    finally:
        mail.open_sessions.discard(writer)
        writer.close()


# --- HTTP client -------------------------------------------------------------------------


class HttpError(Exception):
    pass


class Closed(Exception):
    pass


class Http:
    """One keep-alive HTTP/1.1 connection; reopened after an error or `Connection: close`."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer:
            self.writer.close()
        self.reader = self.writer = None

    async def post_json(self, path: str, payload: dict) -> tuple[int, bytes]:
        body = json.dumps(payload).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nAccept: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        for attempt in (1, 2):
            reused = self.writer is not None
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                self.writer.write(head + body)
                await self.writer.drain()
                return await self._response()
            except Closed as e:
                await self.close()
                # The server closed an idle keep-alive connection before reading the request:
                # it was not handled, so sending it again on a new connection is safe.
                if reused and attempt == 1:
                    continue
                raise HttpError(str(e)) from e
            except (OSError, asyncio.IncompleteReadError, HttpError, ValueError) as e:
                await self.close()
                if reused and attempt == 1 and isinstance(e, (ConnectionResetError, BrokenPipeError)):
                    continue
                raise HttpError(f"{type(e).__name__}: {e}") from e
        raise AssertionError("unreachable")

    async def _response(self) -> tuple[int, bytes]:
        assert self.reader is not None
        status_line = await self.reader.readline()
        if not status_line:
            raise Closed("connection closed before a response")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readline()
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            body = b"".join(parts)
        else:
            body = await self.reader.read()
            await self.close()
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body


# --- the load ----------------------------------------------------------------------------


@dataclass
class Account:
    slug: str
    email: str
    last_request: float = 0.0


@dataclass
class Stats:
    pairs: list[float] = field(default_factory=list)
    request_code: list[float] = field(default_factory=list)
    mail: list[float] = field(default_factory=list)
    verify: list[float] = field(default_factory=list)
    errors: collections.Counter = field(default_factory=collections.Counter)
    error_samples: list[str] = field(default_factory=list)
    cooldown_waits: int = 0
    cooldown_wait_s: float = 0.0
    stale_codes: int = 0

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{kind}: {detail}"[:300])


async def worker(
    http: Http,
    accounts: asyncio.Queue[Account],
    mail: Mailboxes,
    args: argparse.Namespace,
    measure_from: float,
    stop_at: float,
    stats: Stats,
) -> None:
    while time.monotonic() < stop_at:
        account = await accounts.get()
        try:
            wait = account.last_request + args.cooldown - time.monotonic()
            if wait > 0:
                stats.cooldown_waits += 1
                stats.cooldown_wait_s += wait
                await asyncio.sleep(wait)
                if time.monotonic() >= stop_at:
                    return
            stats.stale_codes += mail.drain(account.email.lower())
            t0 = time.monotonic()
            base = f"/api/v1/portal/{account.slug}/auth/otp"
            try:
                try:
                    status, body = await http.post_json(base, {"email": account.email})
                finally:
                    # The server counted the request before it answered: the cooldown runs from here.
                    account.last_request = time.monotonic()
                if status != 202:
                    stats.error("request_code_status", f"{status} {body[:200]!r}")
                    continue
                t1 = time.monotonic()
                try:
                    code = await asyncio.wait_for(mail.queues[account.email.lower()].get(), args.mail_timeout)
                except TimeoutError:
                    stats.error("mail_timeout", f"no code for {account.email} within {args.mail_timeout} s")
                    continue
                t2 = time.monotonic()
                status, body = await http.post_json(base + "/verify", {"email": account.email, "code": code})
                if status != 200 or b"access_token" not in body:
                    stats.error("verify_status", f"{status} {body[:200]!r}")
                    continue
            except HttpError as e:
                stats.error("http", str(e))
                await asyncio.sleep(0.05)
                continue
            t3 = time.monotonic()
            # A pair counts when it ends inside the measured window, after the warm-up.
            if measure_from <= t3 <= stop_at:
                stats.pairs.append(t3 - t0)
                stats.request_code.append(t1 - t0)
                stats.mail.append(t2 - t1)
                stats.verify.append(t3 - t2)
        finally:
            accounts.put_nowait(account)


def percentiles(samples: list[float]) -> dict[str, float | None]:
    if not samples:
        return {"p50": None, "p90": None, "p99": None, "max": None, "mean": None}
    s = sorted(samples)

    def rank(p: float) -> float:
        # Nearest rank, in milliseconds.
        return round(s[max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))] * 1000, 3)

    return {
        "p50": rank(50),
        "p90": rank(90),
        "p99": rank(99),
        "max": round(s[-1] * 1000, 3),
        "mean": round(sum(s) / len(s) * 1000, 3),
    }


def load_accounts(path: str) -> list[Account]:
    with open(path) as f:
        sessions = json.load(f)
    seen = set()
    accounts = []
    for c in sessions.get("clients", []):
        key = (c["tenant_slug"], c["email"].lower())
        if key not in seen:
            seen.add(key)
            accounts.append(Account(slug=c["tenant_slug"], email=c["email"]))
    return accounts


async def main(args: argparse.Namespace) -> int:
    accounts = load_accounts(args.sessions)
    if not accounts:
        print(f"login.py: no clients in {args.sessions}", file=sys.stderr)
        return 2
    mail = Mailboxes()
    sink = await asyncio.start_server(
        lambda r, w: smtp_session(mail, args.quickack, r, w), "127.0.0.1", args.smtp_port
    )
    host, _, port = args.base.removeprefix("http://").rstrip("/").partition(":")
    pool: asyncio.Queue[Account] = asyncio.Queue()
    for a in accounts:
        pool.put_nowait(a)
    stats = Stats()
    start = time.monotonic()
    measure_from = start + args.warmup
    stop_at = measure_from + args.duration
    clients = [Http(host, int(port or 80)) for _ in range(args.workers)]
    await asyncio.gather(*(worker(h, pool, mail, args, measure_from, stop_at, stats) for h in clients))
    for h in clients:
        await h.close()
    sink.close()
    for w in list(mail.open_sessions):
        w.close()
    await asyncio.sleep(0.05)

    n = len(stats.pairs)
    errors = sum(stats.errors.values())
    result = {
        "pairs": n,
        "duration_s": args.duration,
        "pairs_per_s": round(n / args.duration, 1),
        "latency_ms": percentiles(stats.pairs),
        "phases_ms": {
            "request_code": percentiles(stats.request_code),
            "mail_delivery": percentiles(stats.mail),
            "verify": percentiles(stats.verify),
        },
        "errors": errors,
        "errors_by_kind": dict(stats.errors),
        "error_samples": stats.error_samples,
        "workers": args.workers,
        "accounts": len(accounts),
        "cooldown_s": args.cooldown,
        "cooldown_waits": stats.cooldown_waits,
        "cooldown_wait_s": round(stats.cooldown_wait_s, 3),
        "emails_received": mail.received,
        "emails_without_code": mail.without_code,
        "stale_codes_dropped": stats.stale_codes,
        "smtp_sink_quickack": args.quickack,
    }
    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)
    if errors or n == 0:
        print(f"login.py: {errors} failed pairs, {n} completed: {dict(stats.errors)}", file=sys.stderr)
        for s in stats.error_samples:
            print(f"  {s}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="server base URL, e.g. http://127.0.0.1:8080")
    p.add_argument("--smtp-port", type=int, required=True, help="port the server sends mail to")
    p.add_argument("--sessions", required=True, help="bench-sessions JSON (its clients are the addresses)")
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--duration", type=float, default=10.0, help="measured seconds")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds run first and not measured")
    p.add_argument("--cooldown", type=float, default=1.05, help="seconds between two codes for one address")
    p.add_argument("--mail-timeout", type=float, default=10.0)
    p.add_argument(
        "--quickack",
        action="store_true",
        help="the SMTP sink acknowledges every segment at once (TCP_QUICKACK), so a sender that "
        "writes a message in several small writes without TCP_NODELAY is not held ~40 ms by "
        "Nagle's algorithm against delayed ACKs; a real relay does delay its ACKs",
    )
    p.add_argument("--out")
    sys.exit(asyncio.run(main(p.parse_args())))
