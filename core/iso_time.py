"""Dates and instants as a request may carry them: ISO 8601 text only (never a number: pydantic
would read `0` as 1970-01-01), between `EARLIEST` and `LATEST`, the same rule in the validator and
in the JSON Schema pattern /openapi.json shows, so a client generated from it sends nothing the
API refuses for its form."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

#: Dates and instants a request may carry: well inside what Python represents (years 1 to 9999),
#: so moving one to another time zone, day or month never overflows.
EARLIEST, LATEST = date(1900, 1, 1), date(9998, 12, 31)

_YEAR = r"(?:19\d{2}|[2-8]\d{3}|9[0-8]\d{2}|99[0-8]\d|999[0-8])"  # 1900..9998
DATE_PATTERN = rf"^{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"
INSTANT_PATTERN = (
    DATE_PATTERN[:-1] + r"[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$"
)
_DATE, _INSTANT = re.compile(DATE_PATTERN), re.compile(INSTANT_PATTERN)


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE.match(value):
        return value
    raise PydanticCustomError("iso_date", f"expected a date YYYY-MM-DD between {EARLIEST} and {LATEST}")


def _iso_instant(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and _INSTANT.match(value):
        return value
    raise PydanticCustomError(
        "iso_instant", f"expected an instant with its UTC offset, e.g. 2026-11-01T00:00:00+08:00, between {EARLIEST} "
        f"and {LATEST}",
    )


#: A calendar day: "2026-11-30".
IsoDate = Annotated[date, BeforeValidator(_iso_date),
                    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})]
#: An instant with its offset: "2026-11-30T08:00:00+08:00" (or Z).
IsoInstant = Annotated[AwareDatetime, BeforeValidator(_iso_instant),
                       WithJsonSchema({"type": "string", "format": "date-time", "pattern": INSTANT_PATTERN})]
