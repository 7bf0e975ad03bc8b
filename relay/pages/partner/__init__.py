"""The partner portal, under /p/ (mobile first): a signed-in partner sees only their own data.

Every page here is guarded by `partner_page`: use ``page.merchant_id`` and ``page.partner_id``
in every service call, so that an id edited in a URL finds nothing (404) outside the partner.
Add a page in a module of this package and import it below; ``nav=N_(...)`` lists it in the nav.
"""

from __future__ import annotations

from relay.pages.guards import partner_page
from relay.pages.routing import Pages

pages = Pages("partner", guard=partner_page)

# Modules register their pages on import; the nav follows this order.
from relay.pages.partner import home, inbox, links, orders, payouts, withdraw, payee, invitees, sessions, application  # noqa: E402,F401,I001 (nav order)
