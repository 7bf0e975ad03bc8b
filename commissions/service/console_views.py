"""The shapes of the merchant console's commission reports (`commissions.service.rollup` sums them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

By = Literal["partner", "scene", "day"]


@dataclass(frozen=True, slots=True)
class Earned:
    cash: int = 0  #: minor units of the merchant currency
    points: int = 0
