"""Payout terms: a merchant withholds nothing until it chooses a rule."""

from __future__ import annotations

import pytest

from payouts.models import PayoutTerms
from payouts.withholding import CN_LABOUR_REMUNERATION, cn_labour_remuneration, no_withholding, rule
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def test_new_terms_withhold_nothing_and_a_chosen_rule_is_found_by_its_stored_name():
    m = await make_merchant()
    terms = await PayoutTerms.create(merchant_id=m.id)
    assert rule((await PayoutTerms.get(merchant_id=m.id)).withholding) is no_withholding
    terms.withholding = CN_LABOUR_REMUNERATION
    await terms.save()
    assert rule((await PayoutTerms.get(merchant_id=m.id)).withholding) is cn_labour_remuneration
