"""Response shapes read straight from a service's frozen records, without a hand-written mapper."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict


class FromRecord(BaseModel):
    """A response shape whose fields are the record's attributes of the same names (pydantic's
    `from_attributes`, nested shapes too): `Shape.of(record)`. A shape that words or converts
    anything (an amount in major units, a renamed field) writes its own `of`."""

    model_config = ConfigDict(from_attributes=True)

    @classmethod
    def of(cls, record: Any) -> Self:
        return cls.model_validate(record)
