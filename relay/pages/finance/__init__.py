"""The finance console, under /finance/ (role finance): payout batches, the ledger and the payout terms.

Every page here is guarded by `finance_page`; scope every service call by ``page.merchant_id``.
Add a page in a module of this package and import it below; ``nav=N_(...)`` lists it in the nav.
"""

from __future__ import annotations

from relay.pages.guards import finance_page
from relay.pages.routing import Pages

pages = Pages("finance", guard=finance_page)

from relay.pages.finance import home, batches, bank_files, withdrawals, ledger, terms  # noqa: E402,F401,I001
