"""Hand-written SQL of the order hot path, for PostgreSQL and SQLite alike.

Every order.created runs through here, so the statements are few and each is cheap to
plan: one query gathers every attribution fact (on PostgreSQL, the new order's ids too); on
PostgreSQL the order, its lines and binding are rows of the event's write plan (`NEW_ORDER`,
`NEW_LINES`, `NEW_BINDING`: `core.write_plan`), on SQLite two INSERTs (`insert_order_rows`).
Timestamps passed in must be UTC: SQLite compares the stored ISO text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from core.sql import dollar
from core.write_plan import Insert

#: Everything attribution needs, in one round trip: one row per fact found. Written by hand
#: rather than through `partners.partner_by_code`, `clicks.get_click` and `clicks.last_click`
#: because those are four to six round trips on the path every order takes; the clicks still
#: queued in this process are merged in afterwards, as `clicks.last_click` does. Each branch
#: is a lookup by a unique or leading index (cheap to plan and to run), and only the branches
#: the order's inputs call for are sent. The columns are shared: the partner's id, status and
#: customer_ref, then per fact `n1 n2 t1 t2 at1 at2 flag`, then what commissions evaluate on
#: the partner and their active recruiter (`EARNER_COLUMNS`, read by `earners.earners_of`, so
#: the commissions step needs no query of its own), typed in the first branch (PostgreSQL
#: takes a UNION's column types from the left).
_FACT_BRANCHES = {
    "merchant": """
SELECT 'merchant' AS fact, CAST(NULL AS BIGINT) AS partner, CAST(NULL AS TEXT) AS status,
       CAST(NULL AS TEXT) AS customer, CAST(m.attribution_window_days AS BIGINT) AS n1,
       m.binding_days AS n2, CAST(m.attribution_model AS TEXT) AS t1, CAST(NULL AS TEXT) AS t2,
       CAST(NULL AS TIMESTAMPTZ) AS at1, CAST(NULL AS TIMESTAMPTZ) AS at2, m.allow_self_referral AS flag,
       CAST(NULL AS TEXT) AS p_group, CAST(NULL AS TEXT) AS p_kind, CAST(NULL AS TEXT) AS p_reward,
       CAST(NULL AS BIGINT) AS p_recruiter, CAST(NULL AS BIGINT) AS r_id, CAST(NULL AS TEXT) AS r_group,
       CAST(NULL AS TEXT) AS r_kind, CAST(NULL AS TEXT) AS r_status, CAST(NULL AS BIGINT) AS r_recruiter,
       CAST(NULL AS TEXT) AS r_reward
  FROM merchant m WHERE m.id = :merchant""",
    "order": """
SELECT 'order', NULL, NULL, NULL, o.id, NULL, o.content_hash, NULL, NULL, NULL, NULL, {no_earner}
  FROM shop_order o WHERE o.merchant_id = :merchant AND o.external_id = :external_id""",
    "code": """
SELECT 'code', p.id, p.status, p.customer_ref, NULL, NULL, NULL, NULL, NULL, NULL, NULL, {earner}
  FROM partner p {recruiter} WHERE p.merchant_id = :merchant AND p.code = :code""",
    "binding": """
SELECT 'binding', p.id, p.status, p.customer_ref, NULL, NULL, NULL, NULL, b.bound_at, b.expires_at, NULL, {earner}
  FROM customer_binding b JOIN partner p ON p.merchant_id = b.merchant_id AND p.id = b.partner_id {recruiter}
 WHERE b.merchant_id = :merchant AND b.customer_ref = :customer""",
    "attributed_before": """
SELECT 'attributed_before', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, {no_earner}
 WHERE EXISTS (SELECT 1 FROM shop_order a WHERE a.merchant_id = :merchant AND a.customer_ref = :customer
                  AND a.partner_id IS NOT NULL AND a.status <> 'canceled')""",
    "click": """
SELECT 'click', p.id, p.status, p.customer_ref, k.link_id, NULL, k.id, k.scene, k.occurred_at, NULL, k.is_bot, {earner}
  FROM click k JOIN partner p ON p.merchant_id = k.merchant_id AND p.id = k.partner_id {recruiter}
 WHERE k.merchant_id = :merchant AND k.id = :click""",
    "visit": """
SELECT 'visit', p.id, p.status, p.customer_ref, v.link_id, NULL, v.id, v.scene, v.occurred_at, NULL, v.is_bot, {earner}
  FROM click v JOIN partner p ON p.merchant_id = v.merchant_id AND p.id = v.partner_id {recruiter}
 WHERE v.merchant_id = :merchant AND v.id = (
       SELECT c.id FROM click c
        WHERE c.merchant_id = :merchant AND c.visitor_id = :visitor AND NOT c.is_bot AND c.occurred_at <= :at
        ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1)""",
    # PostgreSQL: the new order's ids, taken from their sequences with the facts, so that its
    # answer is known before it is written and its write plan is whole (`NEW_ORDER`).
    "order_id": """
SELECT 'order_id', NULL, NULL, NULL, nextval(pg_get_serial_sequence('shop_order', 'id')), NULL, NULL, NULL, NULL,
       NULL, NULL, {no_earner}""",
    "line_ids": """
SELECT 'line_id', NULL, NULL, NULL, nextval(pg_get_serial_sequence('order_line', 'id')), NULL, NULL, NULL, NULL,
       NULL, NULL, {no_earner}
  FROM generate_series(1, :lines)""",
}
#: What commissions evaluate on a candidate partner and their recruiter (level 2), read with the
#: partner so that the commissions step needs no query of its own (`earners.earners_of`).
EARNER_COLUMNS = (
    "p_group", "p_kind", "p_reward", "p_recruiter", "r_id", "r_group", "r_kind", "r_status", "r_recruiter", "r_reward"
)
_EARNER = (
    'p."group", p.kind, p.reward_preference, p.recruiter_id,'
    ' r.id, r."group", r.kind, r.status, r.recruiter_id, r.reward_preference'
)
_RECRUITER = "LEFT JOIN partner r ON r.merchant_id = p.merchant_id AND r.id = p.recruiter_id"
_FACT_BRANCHES = {
    name: text.format(earner=_EARNER, recruiter=_RECRUITER, no_earner=", ".join(["NULL"] * len(EARNER_COLUMNS)))
    for name, text in _FACT_BRANCHES.items()
}


@functools.lru_cache(maxsize=64)
def facts_query(dialect: str, branches: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The UNION ALL of `branches`, its `:name` placeholders numbered; and the names in order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"{'$' if dialect == 'postgres' else '?'}{names.index(match.group(1)) + 1}"

    text = "\nUNION ALL".join(_FACT_BRANCHES[branch] for branch in branches)
    return re.sub(r":(\w+)", number, text), tuple(names)


def marks(count: int, *, start: int = 0) -> str:
    return ", ".join(f"${start + i + 1}" for i in range(count))


_ORDER_COLUMNS = (
    "merchant_id", "external_id", "customer_ref", "currency", "channel", "store_id", "occurred_at",
    "subtotal_minor", "discount_minor", "total_minor", "status", "partner_id", "attribution", "click_id",
    "link_id", "scene", "is_first_order", "content_hash", "visitor_id", "partner_code", "created_at",
)
_ORDER_TYPES = (
    "bigint", "text", "text", "text", "text", "text", "timestamptz", "bigint", "bigint", "bigint", "text", "bigint",
    "text", "text", "bigint", "text", "bool", "text", "text", "text", "timestamptz",
)
#: SQLite: the order, then its lines (`insert_order_rows`).
_ORDER_SQL = (
    f"INSERT INTO shop_order ({', '.join(_ORDER_COLUMNS)}) VALUES ({marks(len(_ORDER_COLUMNS))}) "
    "ON CONFLICT (merchant_id, external_id) DO NOTHING RETURNING id"
)
_LINE_COLUMNS = (
    "merchant_id", "order_id", "line_no", "sku", "category", "quantity", "unit_price_minor",
    "gross_minor", "discount_minor", "net_minor",
)
_LINE_TYPES = ("bigint", "bigint", "int", "text", "text", "bigint", "bigint", "bigint", "bigint", "bigint")
#: PostgreSQL, ids taken beforehand (facts `order_id`, `line_ids`): a new order as the rows of its
#: write plan (`core.write_plan`), the order its gate: nothing of the plan is written when an
#: order with this external id exists (the gate returns no row).
NEW_ORDER = Insert(
    "new_order",
    (("id", "bigint"), *zip(_ORDER_COLUMNS, _ORDER_TYPES, strict=True)),
    f"INSERT INTO shop_order (id, {', '.join(_ORDER_COLUMNS)}) SELECT d.id, {', '.join('d.' + c for c in _ORDER_COLUMNS)}"
    " FROM {rows} ORDER BY d.n ON CONFLICT (merchant_id, external_id) DO NOTHING RETURNING id",
)
NEW_LINES = Insert(
    "new_lines",
    (("id", "bigint"), *zip(_LINE_COLUMNS, _LINE_TYPES, strict=True)),
    f"INSERT INTO order_line (id, {', '.join(_LINE_COLUMNS)}) SELECT d.id, {', '.join('d.' + c for c in _LINE_COLUMNS)}"
    " FROM {rows} WHERE {gate}",
)


#: The binding an attributed order makes; the WHERE keeps a binding another order made
#: meanwhile (only an expired one is replaced).
BINDING_SQL = (
    "INSERT INTO customer_binding (merchant_id, customer_ref, partner_id, bound_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (merchant_id, customer_ref) DO UPDATE SET "
    "partner_id = excluded.partner_id, bound_at = excluded.bound_at, expires_at = excluded.expires_at "
    "WHERE customer_binding.expires_at IS NOT NULL AND customer_binding.expires_at <= excluded.bound_at"
)
#: The same as rows of the order's write plan: written only with the order.
NEW_BINDING = Insert(
    "new_binding",
    (("merchant_id", "bigint"), ("customer_ref", "text"), ("partner_id", "bigint"), ("bound_at", "timestamptz"),
     ("expires_at", "timestamptz")),
    BINDING_SQL.replace(
        "VALUES ($1, $2, $3, $4, $5)",
        "SELECT d.merchant_id, d.customer_ref, d.partner_id, d.bound_at, d.expires_at FROM {rows} WHERE {gate}",
    ),
)


async def insert_order_rows(
    db: Any, merchant_id: int, order_values: list[Any], lines: list[tuple[Any, ...]]
) -> tuple[int, dict[int, int]] | None:
    """SQLite: insert the order, then its lines; their ids (lines by line_no), or None when an
    order with this external id exists. (PostgreSQL: rows of the order's write plan, `NEW_ORDER`.)"""
    inserted = await db.execute_query_dict(dollar(_ORDER_SQL), order_values)
    if not inserted:
        return None
    order_id = inserted[0]["id"]
    width = len(_LINE_COLUMNS)
    groups = ", ".join(f"({marks(width, start=i * width)})" for i in range(len(lines)))
    rows = await db.execute_query_dict(
        dollar(f"INSERT INTO order_line ({', '.join(_LINE_COLUMNS)}) VALUES {groups} RETURNING id, line_no"),
        [value for line in lines for value in (merchant_id, order_id, *line)],
    )
    return order_id, {r["line_no"]: r["id"] for r in rows}


#: Each line of an order with what earlier refunds took from it.
REFUNDABLE_SQL = """
SELECT l.id AS id, l.sku AS sku, l.quantity AS quantity, l.net_minor AS net_minor,
       COALESCE(SUM(r.quantity), 0) AS refunded_quantity, COALESCE(SUM(r.amount_minor), 0) AS refunded_minor
FROM order_line l
LEFT JOIN refund_line r ON r.merchant_id = l.merchant_id AND r.order_line_id = l.id
WHERE l.merchant_id = $1 AND l.order_id = $2
GROUP BY l.id, l.sku, l.quantity, l.net_minor, l.line_no
ORDER BY l.line_no
"""
