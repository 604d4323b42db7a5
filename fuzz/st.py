"""schemathesis's command line, with `ast.parse` taken by one thread at a time.

CPython 3.11 keeps the AST constructor's recursion depth in state its threads share
(python/cpython#106905): two of schemathesis's worker threads parsing at once — Hypothesis
parses a lambda's source to describe a filter — can fail with "SystemError: AST constructor
recursion depth mismatch", which schemathesis reports as a Runtime Error of whatever operation
it was drawing for. CI failed on that once, with nothing wrong in the API. Parsing is a
sliver of the run's time, so serialising it costs nothing measurable.
"""

import ast
import sys
import threading

_lock = threading.Lock()
_parse = ast.parse


def _serialised_parse(*args, **kwargs):
    with _lock:
        return _parse(*args, **kwargs)


ast.parse = _serialised_parse

from schemathesis.cli import schemathesis  # noqa: E402  (after the patch, which it must see)

if __name__ == "__main__":
    sys.argv[0] = "st"
    sys.exit(schemathesis())
