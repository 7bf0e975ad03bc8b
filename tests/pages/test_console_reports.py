"""The console's reports page for a program with more partners selling than the page lists: the
first partners by revenue read one by one, and the totals and the CSV those of every partner."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from commissions.service.earning import commission_order
from relay.pages.console import reports
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import client_as_staff, make_staff

PERIOD = "by=partner&from=2026-03-01&to=2026-03-31"


def _part(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">(.*?)</(?:div>\s*<div class="card"|table>)', html, re.S)
    assert found, element_id
    return found[1]


def _names(table: str) -> list[str]:
    return re.findall(r'<a href="[^"]*/console/partners/\d+">([^<]*)</a>', table)


async def test_a_program_with_more_sellers_than_the_page_shows_lists_the_first_and_totals_them_all(client, monkeypatch):
    merchant = await make_merchant()
    await publish_rule_set(merchant.id, {"rules": [percent_rule("a", "10")]})
    for name, total in (("Small", 10000), ("Large", 30000), ("Middle", 20000)):
        partner = await make_partner(merchant.id, display_name=name)
        order = await make_order(merchant.id, partner.id, [("A", "toys", 1, total)], at=datetime(2026, 3, 10, 4, tzinfo=UTC))
        await commission_order(merchant.id, order.for_commission())
    await client_as_staff(client, await make_staff(merchant.id, "admin"))

    every_row = (await client.get(f"/console/reports?{PERIOD}")).text  # three sellers: a page holds them
    monkeypatch.setattr(reports, "SHOWN", 2)
    first_two = (await client.get(f"/console/reports?{PERIOD}")).text

    assert _names(_part(every_row, "report")) == ["Large", "Middle", "Small"]
    assert _names(_part(first_two, "report")) == ["Large", "Middle"]
    assert "The first 2 rows; the CSV has them all." in first_two
    assert _part(first_two, "report").split("</tr>")[:3] == _part(every_row, "report").split("</tr>")[:3]
    assert _part(first_two, "report-totals") == _part(every_row, "report-totals")  # all three summed
    table = list(csv.reader(io.StringIO((await client.get(f"/console/reports.csv?{PERIOD}")).text)))
    assert [(row[2], row[6], row[7]) for row in table[1:]] == [
        ("Large", "300.00", "30.00"), ("Middle", "200.00", "20.00"), ("Small", "100.00", "10.00"),
        ("", "600.00", "60.00"),
    ]
    assert "600.00" in _part(first_two, "report-totals") and "60.00" in _part(first_two, "report-totals")
