"""A rule-set version replayed over past attributed orders, without writing anything.

Orders stream from referral in chunks (memory stays bounded by the chunk and the number of
partners); month-to-date facts are rebuilt as the replay goes, in order, as they were when each
order was computed live. Partners are taken as they are now (group, kind, preference, recruiter
and whether that recruiter is active): referral keeps no history of them. The comparison is with
the commissions actually stored for those orders.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from tortoise.functions import Sum

from commissions.models import COUNTING, Commission
from commissions.rules import Beneficiary, LineFacts, OrderFacts
from commissions.service.calendar import local_range, month_of
from commissions.service.earning import MonthEarned, month_earned
from commissions.service.rule_sets import compiled_version
from commissions.service.terms import evaluation_terms
from core.errors import InvalidInput
from referral.service.sales import RulePartner, iter_sales, partners_net, rule_partners

T = TypeVar("T")


@dataclass(slots=True)
class Amounts:
    cash: int = 0  #: minor units of the merchant currency
    points: int = 0


@dataclass(slots=True)
class PartnerComparison:
    partner_id: int
    orders: int = 0  #: orders where the partner is level 1
    simulated: Amounts = field(default_factory=Amounts)
    actual: Amounts = field(default_factory=Amounts)


@dataclass(slots=True)
class SimulationReport:
    version: int
    start: datetime
    end: datetime
    currency: str
    orders: int = 0
    lines: int = 0
    simulated: Amounts = field(default_factory=Amounts)
    actual: Amounts = field(default_factory=Amounts)
    partners: list[PartnerComparison] = field(default_factory=list)


class _Month:
    """Month-to-date net sales and earnings per partner, for one calendar month of the replay."""

    def __init__(self, start: datetime, end: datetime, net: dict[int, int], earned: MonthEarned | None = None):
        self.start, self.end = start, end
        self.net: defaultdict[int, int] = defaultdict(int, net)
        self.earned = earned or MonthEarned()
        self._beneficiaries: dict[tuple[int, int], Beneficiary] = {}

    def beneficiary(self, partner: RulePartner, level: int) -> Beneficiary:
        """The partner as rules see them on the next order: one object per partner and level for
        the month (building one per order costs more than evaluating it), whose earnings are
        this month's own dicts and whose net so far is brought up to date here."""
        who = self._beneficiaries.get((partner.id, level))
        if who is None:
            who = self._beneficiaries[partner.id, level] = Beneficiary(
                partner_id=partner.id, level=level, group=partner.group, kind=partner.kind,
                reward_preference=partner.reward_preference, month_earned=self.earned.total[partner.id],
                month_earned_at_level=self.earned.at_level[partner.id, level],
            )
        who.month_net_before_minor = self.net[partner.id]
        return who


async def simulate(
    merchant_id: int, version: int, start: date | datetime, end: date | datetime, *, chunk: int = 10_000
) -> SimulationReport:
    """What `version` would pay on the attributed, not canceled orders of [start, end), per partner
    and in total, next to what was actually computed for them (originals not canceled or rejected).
    Dates are whole local days in the merchant's time zone, both included.

    The first month's facts before `start` are the real ones (net sales recorded, commissions
    actually earned), so tiers and monthly caps start where they really stood.
    """
    terms = await evaluation_terms(merchant_id)
    start, end = local_range(start, end, terms.timezone)
    if end <= start:
        raise InvalidInput("the range ends before it starts", [{"field": "to", "message": "must be after from"}])
    version_ = await compiled_version(merchant_id, version, terms.currency)
    compiled = version_.compiled
    report = SimulationReport(version=version, start=start, end=end, currency=terms.currency)
    people: dict[int, RulePartner] = {}
    simulated: defaultdict[int, dict[str, int]] = defaultdict(lambda: {"cash": 0, "points": 0})
    actual: defaultdict[int, dict[str, int]] = defaultdict(lambda: {"cash": 0, "points": 0})
    orders_of: defaultdict[int, int] = defaultdict(int)

    first_start, first_end = month_of(start, terms.timezone)
    month = _Month(
        first_start, first_end,
        await partners_net(merchant_id, first_start, start) if first_start < start else {},
        await month_earned(merchant_id, None, first_start, start) if first_start < start else None,
    )
    with _collector_paused():
        async for sales in _read_ahead(iter_sales(merchant_id, start, end, chunk=chunk)):
            new = await rule_partners(merchant_id, {s.partner_id for s in sales} - people.keys())
            people.update(new)
            people.update(await rule_partners(
                merchant_id, {p.recruiter_id for p in new.values() if p.recruiter_id is not None} - people.keys()
            ))
            totals = compiled.totals
            for index, sale in enumerate(sales):
                if index % 250 == 0:
                    await asyncio.sleep(0)  # let the next chunk's query move on meanwhile
                partner = people.get(sale.partner_id)
                if partner is None:  # the partner row is gone: nothing to pay
                    continue
                if not month.start <= sale.occurred_at < month.end:
                    month = _Month(*month_of(sale.occurred_at, terms.timezone), {})
                lines = tuple([LineFacts(*line) for line in sale.lines])  # (line_no, sku, category, quantity, net)
                order = OrderFacts(sale.occurred_at, sale.channel, sale.scene, sale.is_first_order, sale.subtotal_minor, lines)
                who = [month.beneficiary(partner, 1)]
                recruiter = people.get(partner.recruiter_id) if partner.recruiter_id is not None else None
                if recruiter is not None and recruiter.is_active:
                    who.append(month.beneficiary(recruiter, 2))
                for (partner_id, kind), amount in totals(order, who, terms).items():
                    if amount:
                        month.earned.add(partner_id, 1 if partner_id == partner.id else 2, kind, amount)
                        simulated[partner_id][kind] += amount
                month.net[partner.id] += order.net_minor
                orders_of[partner.id] += 1
                report.orders += 1
                report.lines += len(lines)

    for row in await (
        Commission.filter(
            merchant_id=merchant_id, reversal_of=None, status__in=COUNTING, occurred_at__gte=start, occurred_at__lt=end
        )
        .annotate(total=Sum("amount"))
        .group_by("partner_id", "kind")
        .values("partner_id", "kind", "total")
    ):
        actual[row["partner_id"]][row["kind"]] += int(row["total"] or 0)  # PostgreSQL's SUM is numeric
    for partner_id in sorted(simulated.keys() | actual.keys() | orders_of.keys()):
        item = PartnerComparison(
            partner_id, orders_of[partner_id], Amounts(**simulated[partner_id]), Amounts(**actual[partner_id])
        )
        report.partners.append(item)
        for total, part in ((report.simulated, item.simulated), (report.actual, item.actual)):
            total.cash += part.cash
            total.points += part.points
    return report


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The replay makes no reference cycles, only millions of short-lived rows and facts, which
    the cyclic garbage collector keeps promoting and walking: about a quarter of a replay's CPU.
    Reference counting frees them all the same, so memory stays bounded; the collector is
    paused for the replay (process-wide, for seconds) and re-enabled if it was enabled."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


async def _read_ahead(chunks: AsyncIterator[T]) -> AsyncIterator[T]:
    """`chunks`, with the next one already being fetched while the caller works on the current one."""
    upcoming = asyncio.ensure_future(anext(chunks))
    try:
        while True:
            try:
                current = await upcoming
            except StopAsyncIteration:
                return
            upcoming = asyncio.ensure_future(anext(chunks))
            yield current
    finally:
        if not upcoming.done():
            upcoming.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await upcoming
