"""Exports parsed back with independent parsers and compared as facts, not as strings.

ICS is read with ``icalendar``, with ``vobject`` and with the small RFC 5545
reader below (and imported into calcurse when it is installed); vCards with
``vobject``; CSV with ``csv``; JSON with ``json``.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from typer.testing import Result

from conftest import FIXTURES, Run
from support import modules_loaded_by, top_level

QUERY = FIXTURES / "query"
DOMAIN = "@innovation-twins.invalid"
P5_EMAILS = [  # the sample fixture's P5, which `run` reads
    "a.hart@uok.example",
    "b.okoro@uok.example",
    "cdoyle07@uok.example",
    "minsu.park@hanbit-univ.example",
    "jiwoo.kang@hanbit.example",
]


def ok(result: Result) -> str:
    """The output as written: ``Result.stdout`` would turn CRLF into LF."""
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes.decode("utf-8")


def copy_of_query_roadmaps(tmp_path: Path) -> Path:
    folder = tmp_path / "roadmaps-copy"
    shutil.copytree(QUERY, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- a second, minimal iCalendar reader (RFC 5545 section 3.1: unfold, then NAME;PARAMS:VALUE) ---


def unfold(text: str) -> list[str]:
    """Content lines: CRLF-separated, a line starting with a space or tab continues the previous one."""
    assert text.endswith("\r\n")
    lines: list[str] = []
    for line in text[:-2].split("\r\n"):
        assert "\n" not in line and "\r" not in line, "bare LF or CR inside a content line"
        if line[:1] in (" ", "\t"):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def components(text: str, kind: str) -> list[dict[str, tuple[dict[str, str], str]]]:
    """Each ``kind`` component as {NAME: ({PARAM: value}, raw value)} (our files repeat no property)."""
    found: list[dict[str, tuple[dict[str, str], str]]] = []
    current: dict[str, tuple[dict[str, str], str]] | None = None
    for line in unfold(text):
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        if (name, value) == ("BEGIN", kind):
            current = {}
        elif (name, value) == ("END", kind):
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} repeated"
            current[name] = (dict(param.split("=", 1) for param in params), value)
    assert current is None, f"unterminated {kind}"
    return found


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


# --- ICS -----------------------------------------------------------------------------------------


def ics(run: Run, *args: str, roadmaps: Path | None = None) -> str:
    where = ("--roadmaps", str(roadmaps)) if roadmaps else ()
    return ok(run(*where, "milestones", *args, "--format", "ics"))


def icalendar_events(text: str) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_ics_events_are_the_milestones_rows(run: Run) -> None:
    args = ("--as-of", "2024-05-01", "--within", "1y")
    rows = json.loads(ok(run("milestones", *args, "--format", "json")))
    found = icalendar_events(ics(run, *args))
    assert len(found) == len(rows) == 9
    for event, row in zip(found, rows, strict=True):
        assert str(event["X-TWINS-DATE-LABEL"]) == row["label"]
        assert str(event["SUMMARY"]).startswith(row["title"])
        assert str(event["UID"]).startswith(f"{row['pair']}/")
        assert f"Pair: Kingsport–Hanbit ({row['pair']})" in str(event["DESCRIPTION"])
        if row["proposal"]:
            linked = row["proposal"] + ("*" if row["proposal_inferred"] else "")
            assert f"Proposal: {linked} " in str(event["DESCRIPTION"])
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date, "all-day events are dates, not date-times"
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert start.isoformat().startswith(row["date"][:7])
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_ics_a_fuzzy_date_is_its_honest_span_with_the_label_kept(run: Run) -> None:
    found = {str(e["UID"]): e for e in icalendar_events(ics(run, "--as-of", "2024-05-01", "--within", "1y"))}
    early = found[f"kingsport-hanbit/milestone/hanbit-sme-mission-to-kingsport{DOMAIN}"]
    assert early.decoded("DTSTART") == date(2025, 1, 1)
    assert early.decoded("DTEND") == date(2025, 5, 1)  # exclusive: the last day is 30 April
    assert str(early["SUMMARY"]) == "Hanbit SME mission to Kingsport (Early 2025) (link to P2 inferred)"
    assert str(early["X-TWINS-DATE-LABEL"]) == "Early 2025"
    assert "Early 2025 (shown as 1 January 2025 to 30 April 2025)" in str(early["DESCRIPTION"])
    assert "Proposal: P2* Smart Cities Mission to Kingsport" in str(early["DESCRIPTION"])
    assert "* link to the proposal inferred: the source does not state it" in str(early["DESCRIPTION"])
    assert "read as P2 by its title and date" in str(early["DESCRIPTION"])
    hacktheon = found[f"kingsport-hanbit/milestone/hanbit-cyber-security-hacktheon{DOMAIN}"]
    assert (hacktheon.decoded("DTSTART"), hacktheon.decoded("DTEND")) == (date(2024, 6, 1), date(2024, 7, 1))
    assert [str(c) for c in hacktheon["CATEGORIES"].cats] == ["cybersecurity"]
    p2 = found[f"kingsport-hanbit/proposal/P2/start{DOMAIN}"]
    assert [str(c) for c in p2["CATEGORIES"].cats] == ["net-zero", "smart-cities", "cybersecurity", "sme-support"]


def test_ics_an_exact_day_is_one_day(run: Run) -> None:
    found = icalendar_events(ics(run, "--as-of", "2025-08-01", "--within", "30d"))
    assert len(found) == 1
    expiry = found[0]
    assert str(expiry["UID"]) == f"kingsport-hanbit/agreement/kingsport-hanbit-mou/expiry{DOMAIN}"
    assert (expiry.decoded("DTSTART"), expiry.decoded("DTEND")) == (date(2025, 8, 6), date(2025, 8, 7))
    assert str(expiry["SUMMARY"]) == "Memorandum of cooperation and friendship expires"
    assert "Agreement: Memorandum of cooperation and friendship" in str(expiry["DESCRIPTION"])
    assert str(expiry["X-TWINS-DATE-LABEL"]) == "6 August 2025"


def test_ics_calendar_properties(run: Run) -> None:
    text = ics(run, "--as-of", "2024-05-01", "--within", "1y")
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//twins//Innovation Twins roadmaps//EN"
    stamps = {event.decoded("DTSTAMP") for event in calendar.walk("VEVENT")}
    assert stamps == {datetime(2024, 5, 1, tzinfo=timezone.utc)}  # --as-of: reproducible
    assert text == ics(run, "--as-of", "2024-05-01", "--within", "1y")


def test_ics_without_as_of_stamps_now(run: Run) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)
    found = icalendar_events(ics(run, "--all"))
    assert found
    assert all(before <= event.decoded("DTSTAMP") <= datetime.now(timezone.utc) for event in found)


def test_ics_reads_the_same_with_vobject_and_a_plain_rfc5545_reader(run: Run) -> None:
    text = ics(run, "--all")
    with_icalendar = {
        str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"])) for e in icalendar_events(text)
    }
    calendar = vobject.readOne(text)
    with_vobject = {e.uid.value: (e.dtstart.value, e.dtend.value, e.summary.value) for e in calendar.vevent_list}
    plain = {
        event["UID"][1]: (
            date.fromisoformat(_iso(event["DTSTART"][1])),
            date.fromisoformat(_iso(event["DTEND"][1])),
            unescape(event["SUMMARY"][1]),
        )
        for event in components(text, "VEVENT")
    }
    assert with_icalendar == with_vobject == plain
    assert len(plain) == 22  # every date of the sample
    assert all(len(line.encode("utf-8")) <= 75 for line in text[:-2].split("\r\n")), "lines fold at 75 octets"
    for event in components(text, "VEVENT"):
        assert event["DTSTART"][0] == {"VALUE": "DATE"} and event["DTEND"][0] == {"VALUE": "DATE"}
        assert event["DTSTAMP"][1].endswith("Z")
    assert [line for line in unfold(text) if line.startswith(("VERSION", "PRODID"))] == [
        "VERSION:2.0",
        "PRODID:-//twins//Innovation Twins roadmaps//EN",
    ]


def _iso(basic: str) -> str:
    return f"{basic[:4]}-{basic[4:6]}-{basic[6:]}"


def test_ics_uids_survive_a_moved_date(run: Run, tmp_path: Path) -> None:
    folder = copy_of_query_roadmaps(tmp_path)
    args = ("--all", "--as-of", "2024-05-01")  # one DTSTAMP for every run, not the clock's second
    before = {str(e["UID"]): e for e in icalendar_events(ics(run, *args, roadmaps=folder))}
    assert before == {str(e["UID"]): e for e in icalendar_events(ics(run, *args, roadmaps=folder))}
    edit(folder / "alpha-beta.yaml", "date: Early 2025", "date: 2025-06-15")
    edit(folder / "alpha-beta.yaml", "end: 2025-03", "end: 2025-09")
    after = {str(e["UID"]): e for e in icalendar_events(ics(run, *args, roadmaps=folder))}
    assert set(after) == set(before)
    moved = after[f"alpha-beta/milestone/exchange-visit{DOMAIN}"]
    assert (moved.decoded("DTSTART"), moved.decoded("DTEND")) == (date(2025, 6, 15), date(2025, 6, 16))
    assert str(moved["SUMMARY"]) == "Exchange visit"
    assert str(moved["X-TWINS-DATE-LABEL"]) == "15 June 2025"
    finish = after[f"alpha-beta/proposal/P1/finish{DOMAIN}"]
    assert finish.decoded("DTSTART") == date(2025, 9, 1)


def test_ics_two_milestones_with_one_title_get_two_uids(run: Run, tmp_path: Path) -> None:
    folder = copy_of_query_roadmaps(tmp_path)
    edit(folder / "alpha-beta.yaml", "  - title: Exchange visit\n", "  - title: Roadmap launched\n")
    uids = [str(e["UID"]) for e in icalendar_events(ics(run, "--pair", "alpha", "--all", roadmaps=folder))]
    assert f"alpha-beta/milestone/roadmap-launched{DOMAIN}" in uids
    assert f"alpha-beta/milestone/roadmap-launched-2{DOMAIN}" in uids
    assert len(set(uids)) == len(uids)


def test_ics_honours_pair_and_window(run: Run) -> None:
    gamma = icalendar_events(ics(run, "--pair", "gamma-delta", "--all", roadmaps=QUERY))
    assert [str(e["UID"]) for e in gamma] == [
        f"gamma-delta/proposal/P1/start{DOMAIN}",
        f"gamma-delta/milestone/lab-opens{DOMAIN}",
        f"gamma-delta/proposal/P1/finish{DOMAIN}",
    ]
    window = icalendar_events(ics(run, "--as-of", "2025-04-15", "--within", "2m", roadmaps=QUERY))
    assert [str(e["X-TWINS-DATE-LABEL"]) for e in window] == ["Early 2025", "Mid 2025"]


def test_ics_with_nothing_upcoming_is_an_empty_calendar(run: Run) -> None:
    result = run("milestones", "--as-of", "2030-01-01", "--format", "ics")
    assert result.exit_code == 0
    text = ok(result)
    assert icalendar_events(text) == []
    assert components(text, "VCALENDAR")[0]["VERSION"][1] == "2.0"
    assert result.stderr == "twins: nothing upcoming after 2030-01-01\n"


@pytest.mark.skipif(not shutil.which("calcurse"), reason="calcurse (Debian package) is not installed")
def test_ics_imports_into_calcurse(run: Run, tmp_path: Path) -> None:
    ics_file = tmp_path / "twins.ics"
    ok(run("milestones", "--all", "--format", "ics", "--output", str(ics_file)))
    data = tmp_path / "calcurse"
    data.mkdir()
    done = subprocess.run(
        ["calcurse", "-D", str(data), "-i", str(ics_file)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "22 events" in done.stdout and "0 skipped" in done.stdout, done.stdout
    imported = (data / "apts").read_text(encoding="utf-8")
    assert "Hanbit SME mission to Kingsport (Early 2025)" in imported
    assert "01/01/2025 [1] {1D -> 04/30/2025}" in imported  # Early 2025: every day of January to April


def test_help_and_tables_do_not_load_the_format_libraries(tmp_path: Path) -> None:
    for args in (["--help"], ["milestones"], ["contacts", "P5"]):
        loaded = top_level(modules_loaded_by(args, tmp_path))
        assert not loaded & {"icalendar", "vobject"}, args


# --- vCard ---------------------------------------------------------------------------------------


def vcards(run: Run, *args: str, roadmaps: Path | None = None) -> tuple[str, list[Any]]:
    where = ("--roadmaps", str(roadmaps)) if roadmaps else ()
    text = ok(run(*where, "contacts", *args, "--format", "vcard"))
    return text, list(vobject.readComponents(text))


def test_vcard_facts(run: Run) -> None:
    _, cards = vcards(run, "alpha-beta/P1", roadmaps=QUERY)
    ann, kim = cards
    assert ann.version.value == "3.0"
    assert ann.fn.value == "Dr Ann Smith"
    assert (ann.n.value.prefix, ann.n.value.given, ann.n.value.family) == ("Dr", "Ann Smith", "")
    assert ann.title.value == "Director"
    assert ann.org.value == ["Alpha Council"]
    assert ann.email.value == "ann.smith@alpha.example"
    assert ann.email.params["TYPE"] == ["INTERNET"]
    assert ann.uid.value == f"alpha-beta/person/ann-smith{DOMAIN}"
    assert ann.note.value == "Innovation Twins, alpha-beta: P1 (Alpha side)"
    assert kim.fn.value == "Kim Lee"
    assert kim.n.value.prefix == ""
    assert "title" not in kim.contents  # no role in the roadmap: no TITLE
    assert kim.org.value == ["Beta City"]


def test_vcard_matches_the_contact_sheet(run: Run) -> None:
    text, cards = vcards(run, "P5")
    rows = json.loads(ok(run("contacts", "P5", "--format", "json")))
    assert [card.email.value for card in cards] == [row["email"] for row in rows] == P5_EMAILS
    for card, row in zip(cards, rows, strict=True):
        assert card.fn.value == (f"{row['title']} {row['name']}" if row["title"] else row["name"])
        assert card.org.value == [row["organisation"]]
        assert card.title.value == row["role"]
    assert text.count("BEGIN:VCARD\r\n") == text.count("END:VCARD\r\n") == len(rows)
    assert text.startswith("BEGIN:VCARD\r\n") and text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"


def test_vcard_keeps_accents_and_apostrophes(run: Run) -> None:
    _, cards = vcards(run, "P6")
    assert cards[0].fn.value == "Prof Máire O'Quinn"
    assert cards[0].n.value.prefix == "Prof"


def test_vcard_one_card_for_a_person_in_two_pairs(run: Run) -> None:
    _, cards = vcards(run, roadmaps=QUERY)
    ann = [card for card in cards if card.email.value == "ann.smith@alpha.example"]
    assert len(ann) == 1
    assert ann[0].categories.value == ["Innovation Twins", "alpha-beta", "gamma-delta"]
    assert ann[0].note.value == "Innovation Twins, alpha-beta: P1; gamma-delta: P1 (Alpha side)"
    assert len({card.uid.value for card in cards}) == len(cards) == 3


def test_vcard_written_to_a_file_is_crlf_utf8(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "p6.vcf"
    assert ok(run("contacts", "P6", "--format", "vcard", "--output", str(target))) == ""
    data = target.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert [card.fn.value for card in cards] == ["Prof Máire O'Quinn", "Prof Minsu Park"]


# --- CSV and JSON to a file ----------------------------------------------------------------------


def test_contacts_csv_file_has_a_header_row(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "p5.csv"
    ok(run("contacts", "P5", "--format", "csv", "--output", str(target)))
    with target.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["email"] for row in rows] == P5_EMAILS
    assert rows[0]["name"] == "Ann Hart" and rows[0]["title"] == "Dr"
    assert rows[0]["side"] == "Kingsport"


def test_milestones_csv_and_json_files_agree_with_stdout(run: Run, tmp_path: Path) -> None:
    args = ("milestones", "--as-of", "2024-05-01", "--within", "1y")
    ok(run(*args, "--format", "json", "--output", str(tmp_path / "m.json")))
    ok(run(*args, "--format", "csv", "--output", str(tmp_path / "m.csv")))
    from_json = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert from_json == json.loads(ok(run(*args, "--format", "json")))
    from_csv = list(csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8"))))
    assert [row["title"] for row in from_csv] == [row["title"] for row in from_json]
    assert [row["proposal"] or None for row in from_csv] == [row["proposal"] for row in from_json]
