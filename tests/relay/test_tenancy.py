"""Every row knows its merchant: each table of the project carries `merchant_id`.

It is the security boundary (every query filters on it) and the sharding key (Citus
distributes by it). The merchant table itself is the one exception: its `id` is that key.
"""

from __future__ import annotations

from tortoise import Tortoise

from core.db import APP_LABEL

#: Tables that are not tenant data: the merchant row (its id is the key) and aerich's history.
EXEMPT = {"merchant", "aerich"}


async def test_every_table_carries_merchant_id(database_url):
    models = Tortoise.apps[APP_LABEL].values()
    checked = []
    for model in models:
        table = model._meta.db_table
        if table in EXEMPT:
            continue
        columns = {field.source_field or name for name, field in model._meta.fields_map.items()}
        assert "merchant_id" in columns, f"table {table} has no merchant_id"
        checked.append(table)
    assert len(checked) >= 15  # the walk really walked
