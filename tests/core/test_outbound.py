"""core.outbound: a merchant's URL never reaches Relay's own network, whatever form the address
takes; the address checked is the one connected to."""

from __future__ import annotations

import ipaddress

import pytest

from core.outbound import UnsafeUrl, UrlRules, destination, save_problem, syntax_problem

STRICT, DEVELOPMENT = UrlRules(), UrlRules(allow_insecure=True)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://127.0.0.1/hooks", "loopback"),
        ("https://localhost/hooks", "loopback"),  # a name: resolved by the system (/etc/hosts)
        ("https://0x7f000001/hooks", "loopback"),  # hexadecimal
        ("https://2130706433/hooks", "loopback"),  # one decimal number
        ("https://017700000001/hooks", "loopback"),  # octal
        ("https://0177.0.0.1/hooks", "loopback"),  # octal first part
        ("https://127.1/hooks", "loopback"),  # two parts
        ("https://[::1]/hooks", "loopback"),
        ("https://[::ffff:127.0.0.1]/hooks", "loopback"),  # IPv4-mapped IPv6
        ("https://[::ffff:7f00:1]/hooks", "loopback"),  # the same, in hexadecimal
        ("https://[2002:7f00:1::]/hooks", "loopback"),  # 6to4 carrying 127.0.0.1
        ("https://[64:ff9b::7f00:1]/hooks", "loopback"),  # NAT64 carrying 127.0.0.1
        ("https://10.1.2.3/hooks", "private"),
        ("https://172.16.0.1/hooks", "private"),
        ("https://192.168.1.1/hooks", "private"),
        ("https://[fd00::1]/hooks", "private"),
        ("https://169.254.169.254/latest/meta-data", "link-local"),  # a cloud's metadata service
        ("https://[fe80::1]/hooks", "link-local"),
        ("https://[::ffff:169.254.169.254]/hooks", "link-local"),
        ("https://224.0.0.1/hooks", "multicast"),
        ("https://[ff02::1]/hooks", "multicast"),
        ("https://240.0.0.1/hooks", "reserved"),
        ("https://100.64.0.1/hooks", "special-purpose"),  # carrier-grade NAT
        ("https://192.0.2.1/hooks", "special-purpose"),  # documentation
        ("https://0.0.0.0/hooks", "unspecified"),
        ("https://[::]/hooks", "unspecified"),
    ],
)
async def test_every_form_of_an_internal_address_is_refused(url, why):
    with pytest.raises(UnsafeUrl, match=why):
        await destination(url, STRICT)
    assert why in (await save_problem(url, STRICT) or "")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://shop.example.com/hooks", "only https"),
        ("https://user:secret@shop.example.com/hooks", "user name or password"),
        ("https://@shop.example.com/hooks", "user name or password"),
        ("https://shop.example.com/hooks#x", "fragment"),
        ("https://shop.example.com:99999/hooks", "port"),
        ("ftp://shop.example.com/hooks", "expected an http"),
        ("https:///hooks", "expected an http"),
        ("https://[fe80::1%25eth0]/hooks", "zone"),
    ],
)
async def test_a_url_of_the_wrong_form_is_refused(url, why):
    with pytest.raises(UnsafeUrl, match=why):
        await destination(url, STRICT)


async def test_every_address_a_name_resolves_to_must_be_public_and_the_first_is_connected_to():
    async def resolver(host: str, port: int) -> list[str]:
        return {"mixed.example": ["93.184.216.34", "10.0.0.7"], "public.example": ["93.184.216.34", "2606:2800::1"]}[host]

    with pytest.raises(UnsafeUrl, match="10.0.0.7 is a private address"):
        await destination("https://mixed.example/hooks", STRICT, resolver)
    checked = await destination("https://public.example:8443/hooks?x=1", STRICT, resolver)
    assert (checked.host, checked.address, checked.port) == ("public.example", ipaddress.ip_address("93.184.216.34"), 8443)
    assert (checked.connect_url, checked.host_header) == ("https://93.184.216.34:8443/hooks?x=1", "public.example:8443")


async def test_the_development_rule_allows_http_loopback_and_private_but_not_link_local_or_multicast():
    for url in ("http://127.0.0.1:8080/hooks", "https://[::1]/hooks", "http://192.168.1.20/hooks"):
        assert (await destination(url, DEVELOPMENT)).address.is_private
    for url in ("http://169.254.169.254/", "http://224.0.0.1/", "http://0.0.0.0/"):
        with pytest.raises(UnsafeUrl):
            await destination(url, DEVELOPMENT)
    assert (await destination("http://[::1]:81/x", DEVELOPMENT)).connect_url == "http://[::1]:81/x"


async def test_a_name_that_does_not_resolve_yet_may_be_saved_but_is_not_sent_to():
    async def nowhere(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    assert await save_problem("https://hooks.shop.example/relay", STRICT, nowhere) is None
    with pytest.raises(UnsafeUrl, match="does not resolve"):
        await destination("https://hooks.shop.example/relay", STRICT, nowhere)
    assert syntax_problem("https://hooks.shop.example/relay") is None
