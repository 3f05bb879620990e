"""``twins site``: the pages built from the sample fixture, read back as files and links; the folder's safety."""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SAMPLE, Run
from twins_cli.catalog.load import load_catalog
from twins_cli.errors import ExitCode, InvalidDataError, UsageError
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats import registry
from twins_cli.formats.ical import uids
from twins_cli.formats.site.markup import Html
from twins_cli.formats.site.pages import part, site_files
from twins_cli.model.records import Catalog
from twins_cli.query.events import events
from twins_cli.query.publication import publish
from twins_cli.write.site import MARKER, write_site

AS_OF = "2024-06-01"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(SAMPLE, "test"))


def emails(catalog: Catalog) -> set[str]:
    found = {person.email for roadmap in catalog.roadmaps for person in roadmap.people.values() if person.email}
    assert found, "the sample names people with e-mail addresses"
    return found


class Links(HTMLParser):
    """Every ``href`` and ``src`` of a page, and the ``lang`` of every element that has one."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.langs: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value is not None:
                self.targets.append(value)
            if name == "lang" and value is not None:
                self.langs.append((tag, value))
            if name == "id" and value is not None:
                self.ids.add(value)


def build(run: Run, out: Path, *args: str) -> str:
    result = run("site", str(out), "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def html_pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_link_and_script_resolves_to_a_file_and_an_anchor_of_the_site(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(run, out)
    pages = html_pages(out)
    kinds = {page.relative_to(out).parts[0] for page in pages}
    assert {"index.html", "pairs", "proposals", "organisations", "themes", "milestones.html", "contacts.html"} <= kinds
    for page in pages:
        for target in Links(page.read_text("utf-8")).targets:
            parts = urlsplit(target)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc and not target.startswith("/"), (page, target)
            resolved = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert resolved.is_file(), f"{page.relative_to(out)} links to {target}, which is not there"
            assert out.resolve() in resolved.parents
            if parts.fragment:
                assert parts.fragment in Links(resolved.read_text("utf-8")).ids, (page, target)


def test_pages_spell_the_schemas_codes_out(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(run, out)
    home = (out / "index.html").read_text("utf-8")
    assert "In development" in home and ">in-development<" not in home
    pages = "".join(path.read_text("utf-8") for path in html_pages(out))
    assert ">priority<" not in pages and ">Priority<" in pages


def test_the_public_profile_holds_no_e_mail_address_and_says_so(run: Run, tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "site"
    build(run, out)
    everything = b"".join(path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file())
    for address in emails(catalog):
        assert address.encode() not in everything
    home = (out / "index.html").read_text("utf-8")
    withheld = publish(catalog).withheld
    assert withheld and all(html.escape(sentence) in home for sentence in withheld)


def test_include_personal_keeps_the_addresses_and_says_so(run: Run, tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "site"
    build(run, out, "--include-personal")
    contacts = (out / "contacts.html").read_text("utf-8")
    assert all(address in contacts for address in emails(catalog))
    assert "includes personal data" in (out / "index.html").read_text("utf-8")


def test_a_rebuild_of_the_same_roadmaps_is_byte_identical(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    build(run, first)
    build(run, second)
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert "0 new or changed" in build(run, first)


def test_hostile_text_from_the_data_is_shown_not_run(catalog: Catalog) -> None:
    hostile = '<script>alert("x")</script>" onmouseover="alert(1)'
    roadmap = catalog.roadmaps[0]
    proposals = (roadmap.proposals[0]._replace(title=hostile, tagline=hostile), *roadmap.proposals[1:])
    changed = catalog._replace(roadmaps=(roadmap._replace(proposals=proposals), *catalog.roadmaps[1:]))
    files = site_files(publish(changed), date(2024, 6, 1))
    for name, data in files.items():
        if name.endswith(".html"):
            text = data.decode("utf-8")
            assert "<script>alert" not in text and 'onmouseover="' not in text, name
    page = files[f"proposals/{roadmap.id}--{proposals[0].id}.html"].decode("utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)" in page
    index = files["search-index.js"].decode("utf-8")
    entries = json.loads(index.removeprefix("window.TWINS_SEARCH = ").removesuffix(";\n"))
    assert any(entry["title"].endswith(hostile) for entry in entries)  # data, shown by the script as text


def test_korean_text_is_marked_korean_on_an_english_page(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(run, out)
    page = (out / "pairs" / "kingsport-hanbit.html").read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<span lang="ko">한빛특별자치시</span>' in page


@pytest.mark.parametrize(
    ("page", "text", "marked"),
    [
        ("en", "Kingsport", "Kingsport"),
        ("en", "한빛", '<span lang="ko">한빛</span>'),
        ("ko", "Kingsport", '<span lang="en">Kingsport</span>'),
        ("ko", "한빛", "한빛"),
        ("en", "Hanbit 한빛", "Hanbit 한빛"),  # both: the page's language holds
        ("en", "<b>&", "&lt;b&gt;&amp;"),
    ],
)
def test_a_phrase_in_the_other_language_gets_its_lang(page: str, text: str, marked: str) -> None:
    assert Html(page, 0).t(text) == marked


def test_links_climb_back_to_the_root_from_a_page_in_a_folder() -> None:
    assert Html("en", 1).href("pairs/x.html") == "../pairs/x.html"
    assert Html("en", 0).href("pairs/x.html") == "pairs/x.html"


@pytest.mark.parametrize("bad", ["../x", "a/b", "X", "", "a b", "a..b", ".hidden", "x" * 101 + "/"])
def test_a_name_that_is_not_an_id_never_becomes_a_path(bad: str) -> None:
    with pytest.raises(InvalidDataError):
        part(bad)


def test_a_long_id_names_a_short_file_and_two_ids_two_files() -> None:
    """The schema bounds no id: a long one that validates must not stop the site, nor two share a page."""
    one, other = "a" * 150 + "-x", "a" * 150 + "-y"
    assert len(part(one)) <= 60 and part(one) != part(other)
    assert part(one) == part(one) and part(one).startswith("a" * 40)
    assert part("kingsport-hanbit") == "kingsport-hanbit"


def test_a_roadmap_with_a_long_pair_id_is_built(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long_id = "a" * 80 + "-" + "b" * 80
    folder = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, folder)
    source = folder / "lowmoor-dalsan.yaml"
    (folder / f"{long_id}.yaml").write_text(source.read_text("utf-8").replace("lowmoor-dalsan", long_id), "utf-8")
    source.unlink()
    monkeypatch.setenv("TWINS_ROADMAPS", str(folder))
    assert run("validate").exit_code == 0
    out = tmp_path / "site"
    build(run, out)
    pages = [path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()]
    assert any(page.startswith("pairs/" + "a" * 40) for page in pages)
    assert max(len(page) for page in pages) <= 200


def test_calendars_carry_the_stable_uids_and_no_build_time(run: Run, tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "site"
    build(run, out)
    pair = "kingsport-hanbit"
    feed = (out / "downloads" / pair / "milestones.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    expected = uids(events(catalog, (pair,)))
    assert re.findall(r"^UID:(.*)\r$", feed, re.MULTILINE) == expected
    everything = (out / "downloads" / "milestones.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert set(expected) <= set(re.findall(r"^UID:(.*)\r$", everything, re.MULTILINE))
    stamps = set(re.findall(r"^DTSTAMP:(.*)\r$", everything, re.MULTILINE))
    assert len(stamps) == 1 and stamps.pop().endswith("T000000Z")


def test_each_export_format_of_the_listings_is_a_download(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format added to the listing family (one that renders bytes, as a spreadsheet would) appears by itself."""
    extra = registry.Format("ods", render=lambda listing: b"PK\x03\x04" + listing.title.encode())  # type: ignore[arg-type,return-value]
    monkeypatch.setattr(registry.LISTING, "formats", (*registry.LISTING.formats, extra))
    out = tmp_path / "site"
    build(run, out)
    assert (out / "downloads" / "proposals.ods").read_bytes().startswith(b"PK\x03\x04")
    assert (out / "downloads" / "kingsport-hanbit" / "proposals.ods").is_file()
    index = (out / "index.html").read_text("utf-8")
    for name in ("proposals.ods", "proposals.xlsx", "proposals.csv"):
        assert f'href="downloads/{name}"' in index


def test_without_openpyxl_the_site_is_built_without_its_spreadsheets(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl is an optional extra: a plain install still builds the site, with no link to a file it lacks."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    out = tmp_path / "site"
    build(run, out)
    assert not list(out.rglob("*.xlsx"))
    assert (out / "downloads" / "proposals.csv").is_file()
    assert ".xlsx" not in (out / "index.html").read_text("utf-8")
    assert run("list", "--format", "xlsx", "-o", str(tmp_path / "list.xlsx")).exit_code == ExitCode.USAGE


def test_a_file_or_a_symbolic_link_is_refused_as_the_folder(run: Run, tmp_path: Path) -> None:
    afile = tmp_path / "file.html"
    afile.write_text("mine")
    target = tmp_path / "real"
    target.mkdir()
    link = tmp_path / "link"
    link.symlink_to(target, target_is_directory=True)
    for out in (afile, link):
        for extra in ((), ("--force",)):
            result = run("site", str(out), *extra)
            assert result.exit_code == ExitCode.USAGE, result.stdout
            assert result.stderr.startswith("twins: ")
    assert afile.read_text() == "mine"
    assert not any(target.iterdir())


@pytest.mark.parametrize("where", [".", "site", "deeper/site", "../roadmaps/site", "..", "../.."])
def test_the_site_is_never_built_in_the_roadmaps_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """With --force the site would mix its files with the roadmaps: refused whatever the spelling, before writing."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setenv("TWINS_ROADMAPS", str(folder))
    before = sorted(path.relative_to(folder) for path in folder.rglob("*"))
    result = run("site", str(folder / where), "--force")
    assert result.exit_code == ExitCode.USAGE, result.stdout
    assert result.stderr.count("\n") == 1
    assert "the roadmaps folder" in result.stderr and " — " in result.stderr
    assert sorted(path.relative_to(folder) for path in folder.rglob("*")) == before
    assert not (tmp_path / "index.html").exists()


def test_a_marker_brought_by_someone_else_cannot_name_a_roadmap_for_removal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .twins-site around the roadmaps that lists one would have it removed as a file of the last build."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.setenv("TWINS_ROADMAPS", str(folder))
    (tmp_path / MARKER).write_text("roadmaps/severn-bora.yaml\n", encoding="utf-8")
    assert run("site", str(tmp_path)).exit_code == ExitCode.USAGE
    assert (folder / "severn-bora.yaml").is_file()


def test_a_folder_twins_did_not_make_needs_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep")
    assert run("site", str(out)).exit_code == ExitCode.USAGE
    assert not (out / "index.html").exists()
    build(run, out, "--force")
    assert (out / "index.html").is_file() and (out / "notes.txt").read_text() == "keep"


def test_a_rebuild_removes_what_the_roadmaps_no_longer_make_and_nothing_else(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(run, out)
    (out / "proposals" / "gone--P1.html").write_text("old page")
    (out / "mine.txt").write_text("keep")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    marker = out / MARKER
    marker.write_text(marker.read_text() + "proposals/gone--P1.html\n../outside.txt\n/etc/hostname\n")
    build(run, out)
    assert not (out / "proposals" / "gone--P1.html").exists()
    assert (out / "mine.txt").read_text() == "keep" and outside.read_text() == "keep"
    assert "gone--P1" not in marker.read_text()


def test_a_marker_can_name_for_removal_only_what_a_build_could_have_made(run: Run, tmp_path: Path) -> None:
    """Anyone who can change the folder can write its marker: a file beside the site's own is never removed."""
    out = tmp_path / "site"
    build(run, out)
    keep = ["README.md", "CNAME", "docs/guide.html", "pairs/notes.md", "notes.txt"]
    for name in keep:
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_text("mine")
    (out / "pairs" / "gone.html").write_text("old page")
    (out / "old.html").write_text("old page")
    marker = out / MARKER
    marker.write_text(marker.read_text() + "".join(f"{name}\n" for name in [*keep, "pairs/gone.html", "old.html"]))
    build(run, out)
    assert all((out / name).read_text() == "mine" for name in keep)
    assert not (out / "pairs" / "gone.html").exists() and not (out / "old.html").exists()


def test_a_symbolic_link_inside_the_folder_is_not_written_through(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(run, out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "pairs" / "kingsport-hanbit.html").unlink()
    for page in (out / "pairs").iterdir():
        page.unlink()
    (out / "pairs").rmdir()
    (out / "pairs").symlink_to(elsewhere, target_is_directory=True)
    result = run("site", str(out), "--as-of", AS_OF)
    assert result.exit_code == ExitCode.USAGE
    assert not any(elsewhere.iterdir())


@pytest.mark.parametrize(
    "files",
    [{"../escape.html": b""}, {"/etc/x": b""}, {MARKER: b""}, {"a/b/c/d.html": b""}, {"A.html": b"", "a.html": b""}],
)
def test_a_name_the_writer_cannot_trust_is_refused_before_anything_is_written(
    tmp_path: Path, files: dict[str, bytes]
) -> None:
    out = tmp_path / "site"
    with pytest.raises(UsageError):
        write_site(out, files)
    assert not out.exists() and sorted(tmp_path.iterdir()) == []


def test_a_korean_site_marks_the_english_data_english(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("twins_cli.formats.site.pages.language", lambda: "ko")
    page = site_files(publish(catalog), date(2024, 6, 1))["pairs/kingsport-hanbit.html"].decode("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert '<h1><span lang="en">Kingsport–Hanbit</span></h1>' in page
    assert "(한빛특별자치시)" in page and '<span lang="ko">' not in page
