"""The reader's language: English unless asked for Korean (``--lang``, ``TWINS_LANG``, the locale).

Every sentence a person reads goes through ``_`` (or ``ngettext`` when it counts
something); text fixed at import time is marked with ``N_`` and translated where
it is shown. The catalogs are gettext ``.mo`` files shipped in ``twins_cli/locale``
(made from ``locale/*.po`` by ``tools/catalogs.py``). English is the source
language: it needs no catalog, and ``gettext`` is imported only for another one.
The data itself is never translated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol

from twins_cli.errors import UsageError

LANGUAGES = ("en", "ko")
"""The languages twins speaks, English (the default) first."""

DOMAIN = "twins"


class _Catalog(Protocol):
    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


_catalog: _Catalog | None = None
_language = LANGUAGES[0]


def _(message: str) -> str:
    """``message`` in the reader's language (itself when there is no translation)."""
    return message if _catalog is None else _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` things in the reader's language."""
    if _catalog is None:
        return singular if n == 1 else plural
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (a constant; translate with ``_`` when shown)."""
    return message


def language() -> str:
    """The language of this run: ``en`` or ``ko``."""
    return _language


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """``TWINS_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``): the first that is set, as a code.

    Returns the code as written (``ko`` from ``ko_KR.UTF-8``), or ``None`` when none is set;
    whether twins speaks it is for ``choose_language`` to say.
    """
    environ = os.environ if environ is None else environ
    for name in ("TWINS_LANG", *_LOCALE_VARIABLES):
        value = environ.get(name, "").strip()
        if value:
            return _code(value)
    return None


_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# Other names people give the languages, for "did you mean": `--lang korean` suggests `ko`.
_ALIASES = {"english": "en", "eng": "en", "korean": "ko", "kor": "ko", "kr": "ko", "한국어": "ko"}


def _code(value: str) -> str:
    """The language code of a locale or a language name: ``ko`` from ``ko_KR.UTF-8``, ``en`` from ``C``."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return LANGUAGES[0] if code in ("c", "posix") else code


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: ``--lang``, else ``TWINS_LANG``, else the locale, else English.

    One the user names (``--lang``, ``TWINS_LANG``) that twins does not speak is a ``UsageError``;
    a locale twins does not speak (``de_DE.UTF-8``, ``C``) simply means English.
    """
    environ = os.environ if environ is None else environ
    for named, source in ((option, "--lang"), (environ.get("TWINS_LANG"), "TWINS_LANG")):
        if named is not None and (named.strip() or source == "--lang"):
            code = _code(named)
            if code not in LANGUAGES:
                from twins_cli.base.words import did_you_mean

                raise UsageError(
                    _("unsupported language {value!r} in {source}{suggestion}").format(
                        value=named, source=source, suggestion=did_you_mean(_ALIASES.get(code, code), LANGUAGES)
                    ),
                    _("twins speaks {languages}").format(languages=", ".join(LANGUAGES)),
                )
            return code
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            code = _code(value)
            return code if code in LANGUAGES else LANGUAGES[0]
    return LANGUAGES[0]


def speak(option: str | None, environ: Mapping[str, str] | None = None) -> None:
    """Speak the language ``choose_language`` picks. One named but unsupported is a ``UsageError`` said in
    the language the other settings pick: ``LANG=ko_KR.UTF-8 twins --lang fr`` is refused in Korean.
    """
    environ = os.environ if environ is None else environ
    try:
        use_language(choose_language(option, environ))
        return
    except UsageError:
        pass
    rest = environ if option is not None else {name: value for name, value in environ.items() if name != "TWINS_LANG"}
    try:
        use_language(choose_language(None, rest))
    except UsageError:
        use_language(LANGUAGES[0])
    choose_language(option, environ)  # refused again, now in that language


def use_language(code: str) -> None:
    """Speak ``code`` (one of ``LANGUAGES``) from now on; ``ValueError`` for any other."""
    global _catalog, _language
    if code not in LANGUAGES:
        raise ValueError(code)
    _language = code
    _catalog = None if code == LANGUAGES[0] else _load(code)


def _load(code: str) -> _Catalog:
    """The compiled catalog for ``code`` shipped with the package."""
    import gettext
    from importlib.resources import files

    compiled = files("twins_cli") / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with compiled.open("rb") as stream:
        return gettext.GNUTranslations(stream)
