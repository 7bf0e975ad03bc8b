"""Where Relay may send a request to a URL a merchant chose (their webhook URL): never into its own
network.

`destination` reads the URL (https only, unless the development rule allows http; no user info),
resolves its host once and refuses it unless every address is public: loopback, private,
link-local, multicast, reserved, unspecified and other special-purpose ranges are refused, in
IPv4 and IPv6, numeric hosts in any form the system resolver takes (``0x7f000001``,
``2130706433``, ``017700000001``, ``127.1``, ``[::ffff:127.0.0.1]``), and IPv4 inside IPv6
(mapped, 6to4, Teredo, NAT64) by the IPv4 address it carries. The caller connects to the address
that was checked (`Destination.connect_url`), so a second lookup cannot answer differently (DNS
rebinding), and names the host in the Host header and TLS SNI.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
#: host, port -> the addresses it resolves to (raises OSError when it resolves to none).
Resolver = Callable[[str, int], Awaitable[list[str]]]

#: What a development machine's own receiver uses; allowed only by `UrlRules.allow_insecure`.
_LOCAL_NETWORKS = tuple(ipaddress.ip_network(net) for net in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7",
))
#: IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 / 8215).
_NAT64 = tuple(ipaddress.ip_network(net) for net in ("64:ff9b::/96", "64:ff9b:1::/48"))


@dataclass(frozen=True, slots=True)
class UrlRules:
    """`allow_insecure`: development only (`RELAY_WEBHOOK_ALLOW_INSECURE=1`): http URLs, and
    loopback and private (10/8, 172.16/12, 192.168/16, fc00::/7) addresses, a receiver on this
    machine or its network. Link-local, multicast, reserved and unspecified stay refused."""

    allow_insecure: bool = False


class UnsafeUrl(ValueError):
    """The URL may not be sent to; the message says why, for a person."""


class UnresolvedHost(UnsafeUrl):
    """The URL's host resolves to no address (now)."""


@dataclass(frozen=True, slots=True)
class Destination:
    """A checked URL: the name as written (Host, TLS SNI) and the address to connect to."""

    scheme: str
    host: str
    port: int
    address: Address
    target: str  #: path and query

    @property
    def connect_url(self) -> str:
        """The URL with the checked address in place of the name."""
        address = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        return f"{self.scheme}://{address}:{self.port}{self.target}"

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == {"http": 80, "https": 443}[self.scheme] else f"{host}:{self.port}"


def syntax_problem(url: str) -> str | None:
    """What makes `url` unusable whatever the rules (None: nothing): an http(s) URL with a host,
    no user info, no fragment and a valid port."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "expected an http(s) URL like https://shop.example.com/relay"
    if "@" in parts.netloc:
        return "a user name or password in the URL is not allowed"
    if parts.fragment:
        return "a fragment (#...) is not allowed"
    try:
        parts.port  # noqa: B018 -- raises ValueError when out of range or not a number
    except ValueError:
        return "the port is not valid"
    if "%" in parts.hostname:
        return "an IPv6 zone (%...) is not allowed"
    return None


def refusal(address: Address, rules: UrlRules) -> str | None:
    """Why `address` may not be connected to (None: it may)."""
    if isinstance(address, ipaddress.IPv6Address):
        carried = _carried_ipv4(address)
        if carried is not None:
            return refusal(carried, rules)
    if address.is_unspecified:
        return f"{address} is an unspecified address"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if address.is_link_local:
        return f"{address} is a link-local address"
    if address.is_loopback:
        return None if rules.allow_insecure else f"{address} is a loopback address"
    if any(address in network for network in _LOCAL_NETWORKS):
        return None if rules.allow_insecure else f"{address} is a private address"
    if address.is_reserved or not address.is_global:
        return f"{address} is a reserved or special-purpose address"
    return None


def _carried_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


async def system_resolver(host: str, port: int) -> list[str]:
    """The system's resolver (numeric hosts in every form it takes, names through DNS)."""
    found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in found]


async def destination(url: str, rules: UrlRules, resolve: Resolver = system_resolver) -> Destination:
    """The checked destination of `url`; `UnsafeUrl` when it may not be sent to. Every address the
    host resolves to must be allowed (one refused is enough to refuse: a name could list a public
    address and a private one); the first is the one to connect to. A host that does not resolve
    is `UnsafeUrl` too (`OSError` is not raised)."""
    problem = syntax_problem(url)
    if problem is not None:
        raise UnsafeUrl(problem)
    parts = urlsplit(url)
    if parts.scheme != "https" and not rules.allow_insecure:
        raise UnsafeUrl("only https URLs are allowed")
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = await resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise UnresolvedHost(f"the host {host} does not resolve ({exc})") from None
    addresses = [ipaddress.ip_address(text.split("%", 1)[0]) for text in found]
    if not addresses:
        raise UnresolvedHost(f"the host {host} does not resolve")
    for address in addresses:
        why = refusal(address, rules)
        if why is not None:
            raise UnsafeUrl(f"the host {host} is refused: {why}")
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    return Destination(parts.scheme, host, port, addresses[0], target)


async def save_problem(url: str, rules: UrlRules, resolve: Resolver = system_resolver) -> str | None:
    """Why `url` may not be saved (None: it may): everything `destination` refuses, except a host
    that does not resolve yet (its DNS may come later; every delivery checks again)."""
    try:
        await destination(url, rules, resolve)
    except UnresolvedHost:
        return None
    except UnsafeUrl as refused:
        return str(refused)
    return None
