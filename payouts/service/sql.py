"""Hand-written SQL for payouts: the shared helpers of core.sql, and the size of id lists.

Payouts composes *relations* handed over by commissions (unsettled entries) and referral
(partners) into its own set-based statements without naming another domain's tables.
"""

from __future__ import annotations

from core.sql import (
    MAX_BIGINT,
    Relation,
    advisory_lock,
    chunks,
    execute,
    instant,
    lock_key,
    marks,
    rows,
    sql,
    utc,
)

__all__ = [
    "IDS_PER_QUERY", "MAX_BIGINT", "Relation", "advisory_lock", "chunks", "execute", "instant", "lock_key", "marks", "rows",
    "sql", "utc",
]

#: Ids per IN (...) list: far below both engines' parameter limits.
IDS_PER_QUERY = 5000
