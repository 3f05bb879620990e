"""The reader's language: which one a run speaks, and the Korean catalog's completeness.

The catalog tests extract the marked strings from the source with Babel (as
``tools/catalogs.py`` does), so a new ``_("…")`` without its Korean fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from twins_cli.base.dates import FuzzyDate, month_label
from twins_cli.base.i18n import _, choose_language, language, ngettext, speak, use_language
from twins_cli.base.vocabulary import spelled_out, word
from twins_cli.base.words import did_you_mean
from twins_cli.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogs() -> ModuleType:
    """tools/catalogs.py, imported."""
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template(catalogs: ModuleType) -> object:
    return catalogs.extract()


def test_every_marked_string_has_its_korean(catalogs: ModuleType, template: object) -> None:
    problems = list(catalogs.untranslated("ko", template))
    assert problems == [], "translate them in src/twins_cli/locale/ko/LC_MESSAGES/twins.po:\n" + "\n".join(problems)


def test_the_source_marks_strings_in_every_layer_it_should(template: object) -> None:
    """The extraction sees the keywords: a table heading, a counted noun, a constant marked with N_."""
    ids = {message.id for message in template if message.id}  # type: ignore[attr-defined]
    assert {"Title", ("{count} error", "{count} errors"), "Early {year}"} <= ids


def test_the_shipped_mo_is_compiled_from_the_po(catalogs: ModuleType) -> None:
    assert list(catalogs.stale("ko")) == [], "run: python tools/catalogs.py compile"


def test_placeholders_are_compared_by_name_and_form(catalogs: ModuleType) -> None:
    assert catalogs.placeholders("no proposal {ref!r}{suggestion} in %s") == ["%s", "{ref!r}", "{suggestion}"]
    assert catalogs.placeholders("{ref}") != catalogs.placeholders("{ref!r}")


def test_a_translation_with_other_placeholders_is_reported(
    catalogs: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.catalog import Catalog

    template = Catalog(locale=None)
    template.add("{count} roadmaps in {source}")
    template.add("Title")
    template.add("Themes")
    korean = Catalog(locale="ko")
    korean.add("{count} roadmaps in {source}", "로드맵 {count}개")  # {source} lost
    korean.add("Title", "제목", flags=["fuzzy"])
    folder = tmp_path / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "twins.po").write_bytes(catalogs.po_bytes(korean))
    monkeypatch.setattr(catalogs, "LOCALE", tmp_path)
    found = list(catalogs.untranslated("ko", template))
    assert [line.split(":")[0] for line in found] == ["placeholders differ in ko", "fuzzy in ko", "missing in ko"]


# --- which language a run speaks --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("ko", {}, "ko"),
        ("KO", {}, "ko"),
        ("en", {"TWINS_LANG": "ko", "LANG": "ko_KR.UTF-8"}, "en"),  # the option first
        (None, {"TWINS_LANG": "ko", "LANG": "en_GB.UTF-8"}, "ko"),  # then TWINS_LANG
        (None, {"TWINS_LANG": "ko_KR.UTF-8"}, "ko"),
        (None, {"TWINS_LANG": " ", "LANG": "ko_KR.UTF-8"}, "ko"),  # a blank TWINS_LANG is unset
        (None, {"LANG": "ko_KR.UTF-8"}, "ko"),
        (None, {"LANG": "ko_KR"}, "ko"),
        (None, {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),  # LC_ALL before LANG, and C is English
        (None, {"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),  # a locale twins does not speak: English, silently
    ],
)
def test_the_language_comes_from_the_option_then_twins_lang_then_the_locale(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "source", "suggested"),
    [
        ("kr", {}, "--lang", "ko"),
        ("korean", {}, "--lang", "ko"),
        ("english", {}, "--lang", "en"),
        ("", {}, "--lang", None),
        (None, {"TWINS_LANG": "fr"}, "TWINS_LANG", None),
    ],
)
def test_a_language_the_user_names_that_twins_does_not_speak_is_a_usage_error(
    option: str | None, environ: dict[str, str], source: str, suggested: str | None
) -> None:
    with pytest.raises(UsageError) as raised:
        choose_language(option, environ)
    assert source in raised.value.message
    assert ("did you mean" in raised.value.message) == (suggested is not None)
    if suggested:
        assert f"{suggested!r}" in raised.value.message
    assert raised.value.hint and "en, ko" in raised.value.hint


@pytest.mark.parametrize(
    ("option", "environ", "said_in"),
    [
        ("fr", {"LANG": "ko_KR.UTF-8"}, "ko"),  # refused in the locale's language
        ("fr", {"TWINS_LANG": "ko"}, "ko"),
        (None, {"TWINS_LANG": "fr", "LANG": "ko_KR.UTF-8"}, "ko"),  # TWINS_LANG itself is left out
        ("fr", {"TWINS_LANG": "de"}, "en"),  # nothing else twins speaks: English
        ("fr", {}, "en"),
    ],
)
def test_an_unsupported_language_is_refused_in_the_language_the_rest_chooses(
    option: str | None, environ: dict[str, str], said_in: str
) -> None:
    with pytest.raises(UsageError) as raised:
        speak(option, environ)
    assert language() == said_in
    assert ("지원 언어" in str(raised.value.hint)) == (said_in == "ko")


def test_speak_uses_the_language_chosen() -> None:
    speak(None, {"LANG": "ko_KR.UTF-8"})
    assert language() == "ko"
    speak("en", {"LANG": "ko_KR.UTF-8"})
    assert language() == "en"


def test_use_language_refuses_another_code() -> None:
    with pytest.raises(ValueError):
        use_language("fr")
    assert language() == "en"


def test_english_is_the_source_and_needs_no_catalog() -> None:
    use_language("en")
    assert _("Title") == "Title"
    assert ngettext("{count} error", "{count} errors", 1) == "{count} error"
    assert ngettext("{count} error", "{count} errors", 2) == "{count} errors"
    assert word("in-development") == "in-development"


def test_korean_has_one_form_for_every_count() -> None:
    use_language("ko")
    assert _("Title") == "제목"
    assert ngettext("{count} error", "{count} errors", 1).format(count=1) == "오류 1건"
    assert ngettext("{count} error", "{count} errors", 3).format(count=3) == "오류 3건"
    assert word("mou") == "양해각서(MOU)"
    assert word("not-a-code") == "not-a-code"  # a value no catalog knows is shown as written
    assert did_you_mean("lsit", ["list"]) == " (혹시 'list'인가요?)"


def test_a_page_spells_codes_out_in_english_and_says_the_codes_word_in_korean() -> None:
    use_language("en")
    assert [spelled_out(code) for code in ("in-development", "priority", "non-profit", "mou", "new-code")] == [
        "In development",
        "Priority",
        "Non-profit",
        "Memorandum of understanding",
        "new-code",
    ]
    assert spelled_out(None) == ""
    use_language("ko")
    assert spelled_out("in-development") == word("in-development") != "in-development"


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "english", "korean"),
    [
        ("2025-03-07", "7 March 2025", "2025년 3월 7일"),
        ("2025-04", "April 2025", "2025년 4월"),
        ("2025", "2025", "2025년"),
        ("Early 2025", "Early 2025", "2025년 초"),
        ("Mid 2025", "Mid 2025", "2025년 중반"),
        ("Late 2025", "Late 2025", "2025년 말"),
        ("Q1 2025", "Q1 2025", "2025년 1분기"),
        ("Q4 2025", "Q4 2025", "2025년 4분기"),
        ("H2 2025", "H2 2025", "2025년 하반기"),
        ("0001-01", "January 0001", "0001년 1월"),
    ],
)
def test_a_date_label_in_each_language_and_as_written(written: str, english: str, korean: str) -> None:
    date = FuzzyDate.parse(written)
    assert date.label == english
    use_language("ko")
    assert date.label == korean
    assert str(date) == korean
    assert date.written == written  # what a file says does not change with the reader
    assert date.iso == FuzzyDate.parse(written).iso


def test_a_timeline_month_in_each_language() -> None:
    march = FuzzyDate.parse("2024-03")
    assert month_label(march) == "Mar 2024"
    use_language("ko")
    assert month_label(march) == "2024년 3월"
    assert month_label(FuzzyDate.parse("Late 2024")) == "2024년 말"
    assert month_label(None) == "—"


def test_strings_marked_inside_f_strings_are_extracted(catalogs: ModuleType, template: object) -> None:
    """Babel's tokenizer sees an f-string as one string before Python 3.12: its marked parts still reach the catalog."""
    source = "x = f\"<h2>{_('Downloads')}</h2>{ngettext('{n} page', '{n} pages', n)}{other('Not marked')}\"\n"
    assert set(catalogs.in_fstrings(source)) == {(1, "Downloads"), (1, ("{n} page", "{n} pages"))}
    ids = {message.id for message in template if message.id}  # type: ignore[attr-defined]
    assert {"Skip to content", "problems found"} <= ids  # the site's markup, validate's Markdown summary
