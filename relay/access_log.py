"""uvicorn's logging configuration, with the secrets a URL may carry redacted from the access log.

A one-time sign-in link (`/p/sign-in/<token>`, `/console/sign-in/<token>`) is opened with a GET,
whose path the access log would keep; opening it uses nothing up (the page POSTs the token), and
the log keeps `/p/sign-in/[redacted]`, so a log reader holds no token either.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

#: What follows /sign-in/ in a path: a one-time link's token.
SECRET_IN_PATH = re.compile(r"(/sign-in/)[^/?#\s]+")


def redact(path: str) -> str:
    return SECRET_IN_PATH.sub(r"\1[redacted]", path)


class RedactSecrets(logging.Filter):
    """For uvicorn's access records: args (client, method, path with query, HTTP version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact(args[2]), *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's default logging, its access handler filtered by `RedactSecrets`."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_secrets"] = {"()": f"{__name__}.RedactSecrets"}
    config["handlers"]["access"]["filters"] = ["redact_secrets"]
    return config
