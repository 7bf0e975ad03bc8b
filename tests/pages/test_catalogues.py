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


def test_one_english_word_takes_two_chinese_ones_through_message_contexts():
    extracted = catalogues.extract()
    assert ("When", "time") in extracted and ("When", "rule conditions") in extracted
    assert translations("zh_Hans").pgettext("time", "When") == "时间"
    assert translations("zh_Hans").pgettext("rule conditions", "When") == "条件"
    assert translations("en").pgettext("rule conditions", "When") == "When"


def test_the_language_comes_from_accept_language():
    assert negotiate("zh-CN,zh;q=0.9,en;q=0.8") == "zh_Hans"
    assert negotiate("en-GB,en;q=0.9,zh-CN;q=0.8") == "en"
    assert negotiate("fr-FR,zh-TW;q=0.5") == "zh_Hans"
    assert negotiate("de, fr") == "en"
    assert negotiate("") == "en"
    assert negotiate("zh;q=0, en;q=0.1") == "en"


def test_make_messages_files_new_strings_by_console_and_keeps_the_translation_of_a_string_taken_out(tmp_path, monkeypatch):
    from babel.messages.pofile import write_po

    from relay.pages.i18n import read_catalogue

    (tmp_path / "templates" / "finance").mkdir(parents=True)
    (tmp_path / "partner").mkdir()
    (tmp_path / "babel.cfg").write_text(catalogues.MAPPING.read_text())
    template = tmp_path / "templates" / "finance" / "batch.html"
    template.write_text('{{ _("Approve") }} {{ _("Shared") }}')
    (tmp_path / "partner" / "home.py").write_text('N_("Shared")\nN_("My links")\n')
    monkeypatch.setattr(catalogues, "PAGES", tmp_path)
    monkeypatch.setattr(catalogues, "MAPPING", tmp_path / "babel.cfg")
    monkeypatch.setattr(catalogues, "LOCALE_DIR", tmp_path / "locale")

    catalogues.update()
    zh = tmp_path / "locale" / "zh_Hans" / "LC_MESSAGES"
    assert sorted(p.name for p in zh.glob("*.po")) == ["finance.po", "partner.po"]
    assert catalogues.missing()["zh_Hans"] == ["Approve", "My links", "Shared"]
    assert catalogues.missing()["en"] == []  # English starts as the msgid
    finance = read_catalogue(zh / "finance.po", "zh_Hans")
    finance["Approve"].string = "批准"
    with (zh / "finance.po").open("wb") as file:
        write_po(file, finance)

    template.write_text('{{ _("Shared") }}')  # "Approve" taken out...
    catalogues.update()
    assert "Approve" in read_catalogue(zh / "finance.po", "zh_Hans").obsolete
    template.write_text('{{ _("Approve") }} {{ _("Shared") }}')  # ...and back: its translation too
    catalogues.update()
    assert read_catalogue(zh / "finance.po", "zh_Hans")["Approve"].string == "批准"
