"""The merchant console, under /console/ (role admin): partners, rules, reports, fraud review, audit log.

Every page here is guarded by `admin_page`; scope every service call by ``page.merchant_id``.
Add a page in a module of this package and import it below; ``nav=N_(...)`` lists it in the nav.
"""

from __future__ import annotations

from relay.pages.guards import admin_page
from relay.pages.routing import Pages

pages = Pages("console", guard=admin_page)

from relay.pages.console import home, partners, applications, partner_form, links, rules, reports, review, settings, access, audit, commissions  # noqa: E402,F401,I001
