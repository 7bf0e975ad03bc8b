"""Every string of the consoles is translated in zh_Hans and en (en may repeat the msgid)."""

from __future__ import annotations

from relay.pages import catalogues
from relay.pages.i18n import LOCALES, negotiate, translations


def test_every_extracted_string_has_a_non_fuzzy_translation_in_every_locale():
    extracted = catalogues.extract()
    assert "Sign in" in extracted and "Home" in extracted  # templates and python (N_) are both read
    gaps = catalogues.missing()
    assert gaps == {locale: [] for locale in LOCALES}, (
        "untranslated strings: run `make messages`, then fill in the empty msgstr of "
        "relay/pages/locale/zh_Hans/LC_MESSAGES/*.po"
    )


def test_catalogues_load_straight_from_po_files():
    assert translations("zh_Hans").gettext("Sign in") == "登录"
    assert translations("en").gettext("Sign in") == "Sign in"
    assert translations("zh_Hans").ngettext("%(num)s point", "%(num)s points", 3) == "%(num)s 积分"


def test_the_language_comes_from_accept_language():
    assert negotiate("zh-CN,zh;q=0.9,en;q=0.8") == "zh_Hans"
    assert negotiate("en-GB,en;q=0.9,zh-CN;q=0.8") == "en"
    assert negotiate("fr-FR,zh-TW;q=0.5") == "zh_Hans"
    assert negotiate("de, fr") == "en"
    assert negotiate("") == "en"
    assert negotiate("zh;q=0, en;q=0.1") == "en"
