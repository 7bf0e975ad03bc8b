"""Tables of the payouts domain: the double-entry ledger and the merchant's payout terms.

The ledger is append-only: its rows are written by payouts/service/ledger.py (multi-row
INSERTs) and never updated or deleted; a mistake is corrected by a new entry. The chart of
accounts and a worked example of every transaction kind are in payouts/ledger.py.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import QuerySet

from payouts.errors import LedgerAppendOnly


class AppendOnlyQuerySet(QuerySet):
    """Refuses set-wise edits, so an ORM call cannot rewrite history behind the ledger's back."""

    def update(self, **kwargs: Any):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never updated")

    def delete(self):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never deleted")

    def bulk_update(self, *args: Any, **kwargs: Any):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never updated")


class AppendOnlyManager(Manager):
    def get_queryset(self) -> QuerySet:
        return AppendOnlyQuerySet(self._model)


class AppendOnly(Model):
    """A model whose rows, once written, are never changed."""

    async def save(self, using_db: Any = None, update_fields: Any = None, force_create: bool = False,
                   force_update: bool = False) -> None:
        if self._saved_in_db or update_fields or force_update:
            raise LedgerAppendOnly(f"{self._meta.db_table} {self.pk} is never updated: post a correcting entry")
        await super().save(using_db=using_db, force_create=force_create)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        raise LedgerAppendOnly(f"{self._meta.db_table} {self.pk} is never deleted: post a correcting entry")

    class Meta:
        abstract = True


class LedgerTransaction(AppendOnly):
    """One balanced entry: why money or points moved (`kind`), in one asset, caused by `reference`.

    A replay with the same `idempotency_key` is answered with this row and writes nothing;
    `content_hash` tells a replay from a different entry reusing the key.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    kind = fields.CharField(max_length=24, description="payouts.ledger.TransactionKind")
    asset = fields.CharField(max_length=3, description="ISO 4217 code, or PTS for points")
    reference = fields.CharField(max_length=100, description="commission id, batch line id...")
    idempotency_key = fields.CharField(max_length=200)
    content_hash = fields.CharField(max_length=64)
    memo = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_transaction"
        unique_together = (("merchant_id", "idempotency_key"),)
        indexes = (("merchant_id", "reference"),)
        manager = AppendOnlyManager()


class LedgerPosting(AppendOnly):
    """One leg of an entry: a signed amount on one account; an entry's legs sum to zero.

    The account is (`account`, `partner_id`): for partner accounts the partner owns it, for
    merchant accounts `partner_id` is the counterparty, so per-partner totals are one GROUP BY.
    `asset` repeats the entry's asset so balances need no join.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    transaction: fields.ForeignKeyRelation[LedgerTransaction] = fields.ForeignKeyField(
        "models.LedgerTransaction", related_name="postings", on_delete=fields.RESTRICT
    )
    account = fields.CharField(max_length=24, description="payouts.ledger.AccountKind")
    partner_id = fields.BigIntField(null=True, description="owner, or counterparty of a merchant account")
    asset = fields.CharField(max_length=3)
    amount_minor = fields.BigIntField(description="signed: positive adds to the account")

    class Meta:
        table = "ledger_posting"
        indexes = (
            ("merchant_id", "partner_id", "asset", "account"),
            ("merchant_id", "asset", "account", "partner_id"),
            ("transaction_id",),
        )
        manager = AppendOnlyManager()


class PayoutTerms(Model):
    """A merchant's payout settings; no row means the defaults (no withholding)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    withholding = fields.CharField(
        max_length=40, default="none", description="name of a rule in payouts.withholding.RULES"
    )
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payout_terms"
