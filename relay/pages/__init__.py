"""The browser consoles, server-rendered with Jinja2: the partner portal (/p/), the merchant
console (/console/, role admin) and the finance console (/finance/, role finance).

Pages cross domains, so they live here, above them: a page calls the domains' service
functions, never their tables. `routes()` is what relay/app.py mounts.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

#: Paths answered with HTML pages (an unknown path under them gets the 404 page, not problem+json).
PAGE_PREFIXES = ("/p/", "/console/", "/finance/", "/lang/", "/sign-out", "/join/", "/unsubscribe/")


def routes() -> list[BaseRoute]:
    from relay.pages import apply, auth, console, finance, partner, partner_sign_in, unsubscribe
    from relay.pages.i18n import LOCALES, translations

    for locale in LOCALES:
        translations(locale)  # read the catalogues now: a broken .po stops the start, not a page

    # The sign-in pages first: /console/sign-in must win over any /console/{...} route.
    return [
        *auth.pages.routes(), *partner_sign_in.pages.routes(), *partner.pages.routes(), *console.pages.routes(),
        *finance.pages.routes(), *apply.pages.routes(), *unsubscribe.pages.routes(),
    ]


def is_page_path(path: str) -> bool:
    return path.startswith(PAGE_PREFIXES) or path in ("/p", "/console", "/finance")


async def not_found_page(request: Request) -> Response:
    """The 404 page, for an unknown path under a console (app.py's 404 handler calls it)."""
    from relay.pages.routing import finish, start

    page = start(request, "errors", [])
    return finish(page, page.render("errors/404.html", status=404))
