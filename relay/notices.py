"""What each crossing tells partners (relay/pipeline.py, relay/applications.py): the notices of
an order's commissions, their reversals and their release, built from the domains' records, one
per partner (and asset) of each event, written by `notifications.service.notify` in the same
transaction. Set-based: a release of 10,000 commissions is one notice per partner and asset, a
multi-row INSERT per 500."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from commissions.models import CommissionStatus
from commissions.service.records import CommissionRecord
from notifications.kinds import Kind
from notifications.service import Notice

Totals = dict[tuple[int, str], tuple[int, int]]


def _totals(records: Iterable[CommissionRecord]) -> Totals:
    """(partner, asset) -> (commissions counted, net amount); reversals count in the amount only."""
    totals: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for record in records:
        total = totals[(record.partner_id, record.asset)]
        total[0] += not record.is_reversal
        total[1] += record.amount
    return {key: (count, amount) for key, (count, amount) in totals.items()}


def order_attributed(order_id: int, external_id: str, earned: Iterable[CommissionRecord]) -> list[Notice]:
    """An order's new commissions: each partner earning on it is told what it is expected to earn."""
    return [
        Notice(partner_id, Kind.order_attributed, f"order:{order_id}:{asset}",
               {"order": external_id, "amount_minor": amount, "currency": asset})
        for (partner_id, asset), (_, amount) in _totals(earned).items()
    ]


def commissions_reversed(event_key: str, external_id: str, changed: Iterable[CommissionRecord], reason: str,
                         note: str | None = None) -> list[Notice]:
    """Commissions taken back by one event (`event_key`: a refund's, a cancellation's, a
    rejection's): what each partner lost, and why (`reason`: refund, canceled or rejected)."""
    notices = []
    for (partner_id, asset), (_, amount) in _totals(changed).items():
        if amount == 0:
            continue
        notices.append(Notice(partner_id, Kind.commission_reversed, f"{event_key}:{asset}", {
            "order": external_id, "amount_minor": abs(amount), "currency": asset, "reason": reason,
            **({"note": note} if note else {})}))
    return notices


def commissions_available(released: Iterable[CommissionRecord]) -> list[Notice]:
    """One run's release: per partner and asset, how many commissions became available and
    their net. The key is the smallest id released: each row is released once, so a run's
    notice is written once."""
    first: dict[tuple[int, str], int] = {}
    kept = []
    for record in released:
        if record.status != CommissionStatus.available.value:
            continue
        kept.append(record)
        key = (record.partner_id, record.asset)
        first[key] = min(first.get(key, record.id), record.id)
    return [
        Notice(partner_id, Kind.commissions_available, f"available:{first[(partner_id, asset)]}:{asset}",
               {"count": count, "amount_minor": amount, "currency": asset})
        for (partner_id, asset), (count, amount) in _totals(kept).items()
        if count and amount > 0
    ]
