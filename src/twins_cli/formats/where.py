"""``twins where`` told: one line per setting for a person, or JSON with absolute paths for tools."""

from __future__ import annotations

from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name, real_path
from twins_cli.catalog.where import Setting
from twins_cli.files.locate import folder_name
from twins_cli.formats.data import to_json


def _shown(setting: Setting) -> str:
    if setting.path is None:
        return _("off") if setting.name == "cache" else _("none")
    return folder_name(setting.path) if setting.name in ("roadmaps", "cache") else display_name(setting.path)


def where_text(settings: list[Setting]) -> str:
    """One line each: ``roadmaps   data/roadmaps  (roadmaps = "data/roadmaps" in twins.toml)``."""
    width = max(len(setting.name) for setting in settings)
    return "".join(f"{setting.name:<{width}}  {_shown(setting)}  ({setting.why})\n" for setting in settings)


def where_json(settings: list[Setting]) -> str:
    """``{"roadmaps": {"path": absolute path or null, "why": ...}, ...}``."""
    data = {
        setting.name: {"path": str(real_path(setting.path)) if setting.path else None, "why": setting.why}
        for setting in settings
    }
    return to_json(data)
