"""An integrator's view of the spec: a Python client generated from it, used against a live server.

Run by fuzz/run.py with the client virtualenv's Python, after `openapi-python-client generate`
wrote the package `portico_client` beside this script's working directory. It does what an
integrator's first script does — with the API key: list clients, add one, read it back; as a
person: ask for a login code, verify it — and fails when the generated client cannot send a
request or drops a response it should have parsed (the client returns `None` for a body it
could not read, which is how `LoginResponse` was lost before it had a discriminator).

Arguments: base URL, API key, staff email, and the server's log (mail on the console
transport: the code is read from the emailed subject).
"""

from __future__ import annotations

import re
import sys
import time
import uuid
from pathlib import Path

from portico_client import AuthenticatedClient, Client
from portico_client.api.clients import create_client, get_client, list_clients
from portico_client.api.staff_auth import get_me, request_staff_login_code, verify_staff_login_code
from portico_client.models import CreateClient, LoggedIn, RequestCode, VerifyCode


def expect(value, kind, what: str):
    if not isinstance(value, kind):
        raise SystemExit(f"generated client: {what} gave {value!r}, not a {kind.__name__}")
    return value


def emailed_code(log: Path, email: str, offset: int) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(rf"to={re.escape(email)} subject=(\d{{6}}) is your", log.read_text(errors="replace")[offset:])
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise SystemExit(f"generated client: no login email for {email} within 30 s (log: {log})")


def main() -> int:
    base, key, email, log = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
    with AuthenticatedClient(base_url=base, token=key) as api:
        page = list_clients.sync(client=api)
        if not isinstance(getattr(page, "items", None), list):
            raise SystemExit(f"generated client: listing clients gave {page!r}")
        address = f"generated-{uuid.uuid4().hex[:8]}@example.com"
        created = create_client.sync(client=api, body=CreateClient(email=address, name="Generated Client"))
        if getattr(created, "email", None) != address:
            raise SystemExit(f"generated client: creating a client gave {created!r}")
        fetched = get_client.sync(client=api, id=created.id)
        if getattr(fetched, "id", None) != created.id:
            raise SystemExit(f"generated client: reading the new client back gave {fetched!r}")

    with Client(base_url=base) as anonymous:
        offset = len(log.read_text(errors="replace"))
        asked = request_staff_login_code.sync_detailed(client=anonymous, body=RequestCode(email=email))
        if asked.status_code != 202:
            raise SystemExit(f"generated client: asking a code answered {asked.status_code}: {asked.content[:300]!r}")
        code = emailed_code(log, email, offset)
        login = verify_staff_login_code.sync(client=anonymous, body=VerifyCode(email=email, code=code))
        session = expect(login, LoggedIn, "verifying the code")
    with AuthenticatedClient(base_url=base, token=session.access_token) as staff:
        me = get_me.sync(client=staff)
        if getattr(me, "email", None) != email:
            raise SystemExit(f"generated client: /auth/me with the new session gave {me!r}")
    print(f"generated client: listed, created and read a client; logged in as {email} ({session.status})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
