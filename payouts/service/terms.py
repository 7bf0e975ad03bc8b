"""A merchant's payout terms: the withholding rule, the minimum payout and the schedule per asset,
and whether a recent change of a partner's payee details flags or holds their payouts.

A merchant pays out in its own currency and in points (``PTS``). Without a stored minimum a
cash batch carries forward partners below 50.00 (50 major units of the currency); a points
batch credits anything from 1 point up.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from core.money import POINTS, format_major, parse_minor
from core.time import now
from payouts import withholding
from payouts.errors import AssetNotPayable, PayoutTermsInvalid, WithholdingNotApplicable
from payouts.models import PayeeSignal, PayoutFrequency, PayoutMinimum, PayoutSchedule, PayoutTerms
from payouts.service.sql import advisory_lock
from referral.service.sales import sales_settings

POINTS_ASSET = POINTS.code
#: Default minimum of a cash payout, in major units of the currency.
DEFAULT_CASH_MINIMUM = "50"
#: Default minimum of a points credit: any positive balance is credited.
DEFAULT_POINTS_MINIMUM = 1


@dataclass(frozen=True, slots=True)
class Schedule:
    """Draft a batch at the end of every period, in the merchant's time zone."""

    frequency: PayoutFrequency
    day: int  #: weekly: 0 = Monday ... 6 = Sunday; monthly: 1-28

    def __post_init__(self) -> None:
        low, high = (0, 6) if self.frequency == PayoutFrequency.weekly else (1, 28)
        if type(self.day) is not int or not low <= self.day <= high:
            raise PayoutTermsInvalid("day", f"a {self.frequency.value} schedule takes a day from {low} to {high}")


#: Longest a payee change may keep payouts flagged or held.
MAX_PAYEE_CHANGE_DAYS = 365


@dataclass(frozen=True, slots=True)
class PayeeChange:
    """The fraud signal "payee details changed within `days` days" and what it does to a payout."""

    signal: PayeeSignal = PayeeSignal.flag
    days: int = 7

    def __post_init__(self) -> None:
        if type(self.days) is not int or not 1 <= self.days <= MAX_PAYEE_CHANGE_DAYS:
            raise PayoutTermsInvalid("payee_change.days", f"must be a whole number of days from 1 to {MAX_PAYEE_CHANGE_DAYS}")


@dataclass(frozen=True, slots=True)
class AssetTerms:
    asset: str
    minimum_minor: int  #: minor units (points for PTS); nets below it are carried forward
    minimum_is_default: bool
    schedule: Schedule | None


@dataclass(frozen=True, slots=True)
class PayoutTermsInfo:
    currency: str  #: the merchant's (read-only here)
    timezone: str  #: calendar months for withholding, periods for schedules
    withholding: str  #: a rule in payouts.withholding.RULES
    assets: tuple[AssetTerms, ...]  #: the currency, then PTS
    payee_change: PayeeChange = PayeeChange()

    def for_asset(self, asset: str) -> AssetTerms:
        return next(terms for terms in self.assets if terms.asset == asset)


def default_minimum(asset: str) -> int:
    if asset == POINTS_ASSET:
        return DEFAULT_POINTS_MINIMUM
    return parse_minor(DEFAULT_CASH_MINIMUM, asset)


def describe_minimum(minimum_minor: int, asset: str) -> str:
    """``50.00 CNY`` or ``100 PTS``, for reasons shown to people."""
    return f"{format_major(minimum_minor, asset)} {asset}"


async def payable_assets(merchant_id: int) -> tuple[str, str]:
    """(the merchant's currency, its time zone); a batch pays one of the currency or PTS."""
    settings = await sales_settings(merchant_id)
    return settings.currency, settings.timezone


async def check_asset(merchant_id: int, asset: str, field: str = "asset") -> str:
    """`asset` upper-cased if the merchant pays it out, else `AssetNotPayable` (422)."""
    currency, _ = await payable_assets(merchant_id)
    allowed = [currency, POINTS_ASSET]
    if asset.upper() not in allowed:
        raise AssetNotPayable(asset, allowed, field)
    return asset.upper()


async def get_terms(merchant_id: int) -> PayoutTermsInfo:
    currency, timezone = await payable_assets(merchant_id)
    row = await PayoutTerms.filter(merchant_id=merchant_id).first()
    minimums = dict(
        await PayoutMinimum.filter(merchant_id=merchant_id).values_list("asset", "minimum_minor")
    )
    schedules = {
        row["asset"]: Schedule(PayoutFrequency(row["frequency"]), row["day"])
        for row in await PayoutSchedule.filter(merchant_id=merchant_id).values("asset", "frequency", "day")
    }
    assets = tuple(
        AssetTerms(
            asset=asset,
            minimum_minor=minimums.get(asset, default_minimum(asset)),
            minimum_is_default=asset not in minimums,
            schedule=schedules.get(asset),
        )
        for asset in (currency, POINTS_ASSET)
    )
    if row is None:
        return PayoutTermsInfo(currency, timezone, withholding.NONE, assets)
    return PayoutTermsInfo(
        currency, timezone, row.withholding, assets,
        PayeeChange(PayeeSignal(row.payee_change_signal), row.payee_change_days),
    )


async def update_terms(
    merchant_id: int,
    *,
    withholding_rule: str | None = None,
    minimums: dict[str, int | None] | None = None,
    schedules: dict[str, Schedule | None] | None = None,
    payee_change: PayeeChange | None = None,
    actor: Actor | None = None,
) -> PayoutTermsInfo:
    """Change what is given; a minimum or schedule of None goes back to the default (none).

    New terms apply to batches computed from now on: an approved batch keeps the minimum and
    withholding rule it was approved with.
    """
    currency, _ = await payable_assets(merchant_id)
    if withholding_rule is not None:
        try:
            withholding.rule(withholding_rule)(0, currency)
        except WithholdingNotApplicable:
            raise PayoutTermsInvalid(
                "withholding", f"rule {withholding_rule!r} does not apply to {currency}"
            ) from None
    checked_minimums: dict[str, int | None] = {}
    for asset, minimum in (minimums or {}).items():
        asset = await check_asset(merchant_id, asset, f"minimums.{asset}")
        if minimum is not None and (type(minimum) is not int or minimum < 1):
            raise PayoutTermsInvalid(f"minimums.{asset}", "must be at least one minor unit (or one point)")
        checked_minimums[asset] = minimum
    checked_schedules: dict[str, Schedule | None] = {}
    for asset, schedule in (schedules or {}).items():
        checked_schedules[await check_asset(merchant_id, asset, f"schedules.{asset}")] = schedule
    async with in_transaction():
        await advisory_lock("payout_terms", merchant_id)
        before = await get_terms(merchant_id) if actor is not None else None
        columns: dict[str, object] = {}
        if withholding_rule is not None:
            columns["withholding"] = withholding_rule
        if payee_change is not None:
            columns |= {"payee_change_signal": payee_change.signal.value, "payee_change_days": payee_change.days}
        if columns:
            updated = await PayoutTerms.filter(merchant_id=merchant_id).update(**columns, updated_at=now())
            if not updated:
                await PayoutTerms.create(merchant_id=merchant_id, **columns)
        for asset, minimum in checked_minimums.items():
            await PayoutMinimum.filter(merchant_id=merchant_id, asset=asset).delete()
            if minimum is not None:
                await PayoutMinimum.create(merchant_id=merchant_id, asset=asset, minimum_minor=minimum)
        for asset, schedule in checked_schedules.items():
            await _set_schedule(merchant_id, asset, schedule)
        after = await get_terms(merchant_id)
        await audit.record(merchant_id, actor, "payout_terms.update", "payout_terms", merchant_id, before=before, after=after)
    return after


async def _set_schedule(merchant_id: int, asset: str, schedule: Schedule | None) -> None:
    current = await PayoutSchedule.get_or_none(merchant_id=merchant_id, asset=asset)
    if schedule is None:
        if current is not None:
            await current.delete()
        return
    if current is None:
        await PayoutSchedule.create(
            merchant_id=merchant_id, asset=asset, frequency=schedule.frequency.value, day=schedule.day
        )
    elif (current.frequency, current.day) != (schedule.frequency.value, schedule.day):
        # A changed schedule starts afresh: periods that ended before the change are not drafted.
        current.frequency, current.day = schedule.frequency.value, schedule.day
        await current.save()


@dataclass(frozen=True, slots=True)
class BatchTerms:
    """The terms a batch of one asset applies when it is computed."""

    minimum: int  #: minimum payout, minor units (points for PTS)
    rule: str  #: the withholding rule's name (none for points)
    payee_change: PayeeChange


async def batch_terms(merchant_id: int, asset: str) -> BatchTerms:
    """The minimum, withholding rule and payee-change signal a batch of `asset` applies now."""
    stored = await PayoutMinimum.filter(merchant_id=merchant_id, asset=asset).first().values_list(
        "minimum_minor", flat=True
    )
    row = await PayoutTerms.filter(merchant_id=merchant_id).first()
    minimum = default_minimum(asset) if stored is None else stored
    if row is None:
        return BatchTerms(minimum, withholding.NONE, PayeeChange())
    return BatchTerms(
        minimum, row.withholding if asset != POINTS_ASSET else withholding.NONE,
        PayeeChange(PayeeSignal(row.payee_change_signal), row.payee_change_days),
    )
