"""Declaring console pages: `Pages` collects the routes of one console, `Page` is what a handler gets.

A page handler is ``async def handler(page: Page) -> Response``. The wrapper loads the session,
checks the CSRF token on every unsafe method (403 page), runs the console's guard (who may see
it), calls the handler, turns a RelayError into the matching error page (404, 403, ...), adds
the security headers and writes the session cookie back when it changed.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import NoMatchFound, Route

from core.api import check_path_ids, path_bounds
from core.errors import DatabaseUnavailable, Forbidden, NotFound, RelayError, is_database_unreachable
from core.money import POINTS
from core.sql import MAX_BIGINT
from relay.pages import sessions
from relay.pages.i18n import HTML_LANG, LOCALES, negotiate, translations
from relay.pages.templating import environment, format_minor, format_points

log = logging.getLogger("relay.pages")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


#: The largest list offset a page accepts (a pager deeper than that is not a page anyone reads).
MAX_OFFSET = 999_999_999


def number_in(text: str, *, at_most: int = MAX_BIGINT) -> int | None:
    """`text` as a whole number from 0 to `at_most` (an id, an offset); None when it is not one:
    empty, signed, too large, or digits `int()` refuses although `str.isdigit()` takes them ("²")."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(at_most)):
        return None
    value = int(text)
    return value if value <= at_most else None
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


#: app -> route name -> the app's route that answers it (see `Page.url`).
_named_routes: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class MerchantView:
    """The signed-in merchant as pages need it."""

    id: int
    name: str
    currency: str
    timezone: str


@dataclass(frozen=True, slots=True)
class NavItem:
    route: str  #: route name
    label: str  #: msgid (marked with N_), translated when shown


class CsrfFailed(Forbidden):
    def __init__(self) -> None:
        super().__init__("the form's security token is missing or wrong; reload the page and try again")


@dataclass
class Page:
    """One request to a page: the session, the language and who is signed in (set by the guard)."""

    request: Request
    session: sessions.Session
    locale: str
    console: str
    nav: list[NavItem] = field(default_factory=list)
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    merchant: MerchantView | None = None
    #: Set by `partner_page`: the signed-in partner (referral.service.partners.PartnerInfo).
    partner: Any = None
    #: Set by `partner_page`: the partner's open session (accounts.service.partner_sessions.SessionInfo).
    partner_session: Any = None
    #: Set by `staff_page`: the signed-in staff account (accounts.service.sign_in.StaffInfo).
    staff: Any = None
    #: A count shown beside a nav item, by route name (the partner's unread notices).
    badges: dict[str, int] = field(default_factory=dict)

    # --- who -------------------------------------------------------------------------------

    @property
    def merchant_id(self) -> int:
        """The signed-in merchant: scope every query by it."""
        assert self.merchant is not None, "only on a guarded page"
        return self.merchant.id

    @property
    def partner_id(self) -> int:
        """The signed-in partner (partner pages): scope every partner query by it too."""
        assert self.partner is not None, "only on a partner_page"
        return self.partner.id

    @property
    def currency(self) -> str:
        return self.merchant.currency if self.merchant else "CNY"

    @property
    def timezone(self) -> tzinfo:
        return ZoneInfo(self.merchant.timezone if self.merchant else "Asia/Shanghai")

    def owned(self, item: Any) -> Any:
        """`item` (anything with merchant_id, and partner_id on a partner page) if it belongs to
        the signed-in merchant and partner; otherwise NotFound, which renders the 404 page.

        Scope the query itself first (pass page.merchant_id and page.partner_id to the service);
        this is the check for the rows a service can only fetch by id."""
        if item is None or getattr(item, "merchant_id", None) != self.merchant_id:
            raise NotFound("not found")
        if self.partner is not None and getattr(item, "partner_id", None) != self.partner_id:
            raise NotFound("not found")
        return item

    # --- language ----------------------------------------------------------------------------

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.locale]

    def gettext(self, message: str, **values: Any) -> str:
        """Translate `message` (extracted from relay/pages/**.py); %(name)s placeholders filled."""
        text = translations(self.locale).gettext(message)
        return text % values if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        text = translations(self.locale).ngettext(singular, plural, n)
        return text % values if values else text

    def pgettext(self, context: str, message: str, **values: Any) -> str:
        """`message` in the sense `context` names, where one English word needs two Chinese ones
        (``pgettext("rule conditions", "When")`` 条件, ``pgettext("time", "When")`` 时间)."""
        text = translations(self.locale).pgettext(context, message)
        return text % values if values else text

    def format_minor(self, minor: int, currency: str | None = None) -> str:
        """Minor units formatted for this locale (the merchant's currency unless given); points
        (PTS) name their unit: "58 points", "58 积分"."""
        code = currency or self.currency
        if code == POINTS.code:
            return format_points(minor, self.locale, self.ngettext)
        return format_minor(minor, code, self.locale)

    # --- helpers for handlers ------------------------------------------------------------------

    @property
    def here(self) -> str:
        """This page's path with its query string (e.g. to come back after a language switch)."""
        url = self.request.url
        return url.path + (f"?{url.query}" if url.query else "")

    def with_query(self, **changes: Any) -> str:
        """This page's path with some query parameters changed (None removes one), e.g. for a pager
        or a filter link: ``page.with_query(offset=50)``."""
        params = dict(self.request.query_params)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return self.request.url.path + (f"?{urlencode(params)}" if params else "")

    def query_id(self, name: str) -> int | None:
        """An id from the query string (a keyset cursor: list the rows below it), None when absent
        or not an id, e.g. ``page.query_id("before")``."""
        return number_in(self.request.query_params.get(name, ""))

    def home_url(self) -> str:
        """Where the signed-in person starts: their console's home (the brand link, "back to the start")."""
        if self.partner is not None:
            return self.url("partner.home")
        if self.staff is not None:
            return self.url("console.home" if self.staff.role == "admin" else "finance.home")
        return self.url(self.nav[0].route) if self.nav else self.url("auth.staff_sign_in")

    def url(self, name: str, **path_params: Any) -> str:
        """The path of a named route, e.g. ``page.url("partner.home")``. The route answering a name
        is remembered per app: Starlette tries every route on each call, and a list of 50 rows
        with links made thousands of tries."""
        app = self.request.app
        named = _named_routes.setdefault(app, {})
        known = named.get(name)
        if known is not None:
            return str(known.url_path_for(name, **path_params))
        for route in app.router.routes:
            try:
                path = route.url_path_for(name, **path_params)
            except NoMatchFound:
                continue
            named[name] = route
            return str(path)
        raise NoMatchFound(name, path_params)

    def nav_items(self) -> list[tuple[str, str, bool, int]]:
        """(label, url, current, badge) of the console's nav, translated; badge 0: none shown."""
        here = self.request.url.path
        items = []
        for item in self.nav:
            url = self.url(item.route)
            current = here == url or (url.rstrip("/") != self._console_root() and here.startswith(url.rstrip("/") + "/"))
            items.append((self.gettext(item.label), url, current, self.badges.get(item.route, 0)))
        return items

    def _console_root(self) -> str:
        return self.url(self.nav[0].route).rstrip("/") if self.nav else ""

    async def form(self) -> FormData:
        """The submitted form (urlencoded or multipart; already read once by the CSRF check)."""
        return await self.request.form()

    def flash(self, message: str, kind: str = "info") -> None:
        """Show `message` (already translated) once on the next page: kind info, success or error."""
        self.session.flash(message, kind)

    def redirect(self, url: str) -> Response:
        """303 See Other: after a successful POST, send the browser to a page to GET."""
        return RedirectResponse(url, status_code=303)

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """Render `template` (under relay/pages/templates) with `page` and `context`."""
        body = environment(self.locale).get_template(template).render(
            page=self, flashes=self.session.pop_flashes(), **context
        )
        return HTMLResponse(body, status_code=status)

    def error(self, error: RelayError) -> HTMLResponse:
        """The error page for `error`: 404 and 403 pages, else a page with the status and detail."""
        if isinstance(error, NotFound):
            return self.render("errors/404.html", status=404)
        if isinstance(error, Forbidden):
            return self.render("errors/403.html", status=403, reason="csrf" if isinstance(error, CsrfFailed) else "role")
        response = self.render("errors/error.html", status=error.status, error=error)
        response.headers.update(getattr(error, "headers", {}))  # Retry-After of a 429
        return response


def _server_error(page: Page) -> Response:
    try:
        return page.render("errors/500.html", status=500)
    except Exception:  # the error page itself failed (e.g. a broken layout)
        log.exception("the 500 page failed too")
        return PlainTextResponse("Internal error; it was logged.", status_code=500)


def start(request: Request, console: str, nav: list[NavItem]) -> Page:
    session = sessions.load(request)
    locale = session.get("locale")
    if locale not in LOCALES:
        locale = negotiate(request.headers.get("accept-language", ""))
    return Page(request=request, session=session, locale=locale, console=console, nav=nav)


def finish(page: Page, response: Response) -> Response:
    headers = response.headers
    headers.setdefault("cache-control", "no-store")
    headers.setdefault("x-content-type-options", "nosniff")
    headers.setdefault("referrer-policy", "same-origin")
    headers.setdefault(
        "content-security-policy",
        f"default-src 'self'; script-src 'nonce-{page.nonce}'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    if "vary" not in headers:
        headers["vary"] = "Accept-Language, Cookie"
    sessions.save(page.request, page.session, response)
    return response


async def check_csrf(page: Page) -> None:
    """Unsafe methods must send the session's token (form field csrf_token or header X-CSRF-Token)."""
    expected = page.session.get("csrf")
    sent = page.request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = page.request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await page.form()).get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise CsrfFailed()


Handler = Callable[[Page], Awaitable[Response]]
#: A guard decides who may open a page: it fills page.merchant/partner/staff, or returns the
#: response to send instead (a redirect to sign in, a 403 page).
Guard = Callable[[Page], Awaitable[Response | None]]


async def public_page(page: Page) -> Response | None:
    """Anyone may open it (sign-in pages, error pages)."""
    return None


class Pages:
    """The routes of one console, with its guard and its nav.

    >>> pages = Pages("partner", guard=partner_page)
    >>> @pages.get("/p/orders", nav=N_("My orders"))
    ... async def orders(page: Page) -> Response: ...
    """

    def __init__(self, console: str, *, guard: Guard = public_page) -> None:
        self.console = console
        self.guard = guard
        self.nav: list[NavItem] = []
        self._routes: list[Route] = []

    def route(
        self, path: str, *, methods: list[str], name: str | None = None, nav: str | None = None,
        guard: Guard | None = None,
    ) -> Callable[[Handler], Handler]:
        """Register `handler` at `path`; its route name is ``<console>.<function name>`` unless given.

        `nav`: a label (marked with N_) to list this page in the console's nav, in registration order.
        `guard`: replaces the console's guard for this route (e.g. a wider set of roles).
        """

        def register(handler: Handler) -> Handler:
            route_name = name or f"{self.console}.{handler.__name__}"
            if nav is not None:
                self.nav.append(NavItem(route_name, nav))
            self._routes.append(
                # Pages are HTML for people, not part of the API's OpenAPI document.
                Route(path, self._endpoint(handler, guard or self.guard, path_bounds(path)), methods=methods, name=route_name,
                      include_in_schema=False)
            )
            return handler

        return register

    def get(self, path: str, **options: Any) -> Callable[[Handler], Handler]:
        return self.route(path, methods=["GET"], **options)

    def post(self, path: str, **options: Any) -> Callable[[Handler], Handler]:
        return self.route(path, methods=["POST"], **options)

    def routes(self) -> list[Route]:
        return list(self._routes)

    def _endpoint(self, handler: Handler, guard: Guard, bounds: dict[str, int]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            page = start(request, self.console, self.nav)
            try:
                check_path_ids(request.path_params, bounds)  # past its column: names nothing
                if request.method not in SAFE_METHODS:
                    await check_csrf(page)
                response = await guard(page) or await handler(page)
            except RelayError as error:
                response = page.error(error)
            except Exception as error:
                if is_database_unreachable(error):  # not a bug: the person may retry shortly
                    log.warning("database unreachable on %s %s: %r", request.method, request.url.path, error)
                    response = page.error(DatabaseUnavailable())
                else:  # a bug: logged with its traceback; the person gets a page, not problem+json
                    log.exception("unexpected error on %s %s", request.method, request.url.path)
                    response = _server_error(page)
            return finish(page, response)

        return endpoint
