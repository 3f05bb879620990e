"""``--lang ko``, ``TWINS_LANG`` and the locale: Korean tables, dates and messages; English unchanged by default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, Run, WriteRoadmap
from twins_cli.base.text import display_width
from twins_cli.check.validate import PARALLEL_FROM


def _header(output: str) -> str:
    return output.splitlines()[0]


def test_english_is_the_default(run: Run) -> None:
    result = run("list")
    assert result.exit_code == 0
    assert _header(result.stdout).split()[:3] == ["ID", "Title", "Stage"]
    assert "Mar 2024 – Mar 2024" in result.stdout


@pytest.mark.parametrize("args", [("--lang", "ko", "list"), ("list", "--lang", "ko"), ("--lang=ko", "list")])
def test_lang_ko_gives_a_korean_table(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert _header(result.stdout).split()[:3] == ["ID", "제목", "단계"]
    assert "2024년 3월 – 2024년 3월" in result.stdout  # the timeline's months
    assert "Smart Cities Mission to Hanbit" in result.stdout  # the data as written
    assert result.stdout.rstrip().splitlines()[-1].startswith("* 과제 본문에서 추정함")  # the legend


def test_twins_lang_chooses_korean(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_LANG", "ko")
    assert _header(run("pairs").stdout).split()[0] == "도시"


@pytest.mark.parametrize(("locale", "first"), [("ko_KR.UTF-8", "도시"), ("C", "Pair"), ("de_DE.UTF-8", "Pair")])
def test_the_locale_chooses_when_nothing_else_does(
    run: Run, monkeypatch: pytest.MonkeyPatch, locale: str, first: str
) -> None:
    for name in ("TWINS_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    result = run("pairs")
    assert result.exit_code == 0
    assert _header(result.stdout).split()[0] == first


def test_the_option_wins_over_the_environment(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_LANG", "ko")
    assert _header(run("--lang", "en", "pairs").stdout).split()[0] == "Pair"


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (("--lang", "kr", "list"), {}, "unsupported language 'kr' in --lang (did you mean 'ko'?)"),
        (("list", "--lang", "korean"), {}, "unsupported language 'korean' in --lang (did you mean 'ko'?)"),
        (("list",), {"TWINS_LANG": "fr"}, "unsupported language 'fr' in TWINS_LANG"),
    ],
)
def test_an_unsupported_language_is_one_usage_line(
    run: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], env: dict[str, str], said: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"twins: {said} — ")


def test_an_unsupported_option_is_refused_in_the_locale_s_language(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TWINS_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    result = run("--lang", "fr", "pairs")
    assert result.exit_code == 2
    assert result.stderr == "twins: --lang에 지원하지 않는 언어가 지정되었습니다: 'fr' — 지원 언어: en, ko\n"


def test_failures_are_said_in_korean(run: Run) -> None:
    result = run("--lang", "ko", "show", "P99")
    assert result.exit_code == 1
    assert result.stderr == (
        "twins: 과제를 찾을 수 없습니다: 'P99' (혹시 'P9'인가요?) — `twins list`로 모든 과제를 볼 수 있습니다\n"
    )


def test_usage_errors_found_before_the_command_runs_are_in_korean_too(run: Run) -> None:
    result = run("--lang", "ko", "lst")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: 없는 명령입니다: 'lst' (혹시 'list'인가요?) — ")


def test_json_field_names_stay_english(run: Run) -> None:
    english = json.loads(run("list", "--format", "json").stdout)
    korean = json.loads(run("--lang", "ko", "list", "--format", "json").stdout)
    assert [list(row) for row in korean] == [list(row) for row in english]
    assert [(row["id"], row["start"], row["stage"], row["status"]) for row in korean] == [
        (row["id"], row["start"], row["stage"], row["status"]) for row in english
    ]


def test_a_korean_detail_page(run: Run) -> None:
    result = run("--lang", "ko", "show", "kingsport-hanbit")
    assert result.exit_code == 0
    assert "\n도시\n" in result.stdout  # the Places heading, upper-cased as headings are (Hangul has no case)
    assert ", 한국, " in result.stdout  # the side of a Korean place


def test_validity_in_korean(run: Run) -> None:
    result = run("--lang", "ko", "agreements", "--format", "json")
    validity = [row["validity"] for row in json.loads(result.stdout)]
    assert validity and all("유효" in text or "만료" in text or "미기재" in text for text in validity)


def test_the_validation_summary_in_korean(run: Run) -> None:
    result = run("--lang", "ko", "--roadmaps", str(SAMPLE), "validate")
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("로드맵 4개, 과제 12건: 유효함")


def test_a_korean_table_fits_eighty_columns_like_the_english_one(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hangul takes two columns each: the layout counts display width, so wrapped columns stay aligned."""
    monkeypatch.setenv("COLUMNS", "80")
    for command in ("pairs", "themes", "status", "milestones"):
        lines = run("--lang", "ko", command).stdout.splitlines()
        assert max(display_width(line) for line in lines) <= 80, command
    header, *_ = run("--lang", "ko", "list").stdout.splitlines()
    assert display_width(header) <= 80


def test_validate_workers_speak_the_language_of_the_run(tmp_path: Path, write_roadmap: WriteRoadmap) -> None:
    """With enough files to start worker processes, started afresh (spawn), a date in a problem is still Korean."""
    folder = tmp_path / "many"
    for index in range(PARALLEL_FROM):
        write_roadmap(directory=folder, name=f"copy-{index:03d}")
    write_roadmap(("      end: 2025-03", "      end: 2020-01"), directory=folder, name="backwards")
    script = (
        "import multiprocessing, sys\n"
        "multiprocessing.set_start_method('spawn')\n"
        "from twins_cli.cli.console import main\n"
        "sys.argv = ['twins', '--lang', 'ko', '--roadmaps', sys.argv[1], 'validate']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert result.returncode == 1, result.stderr
    [problem] = [line for line in result.stdout.splitlines() if " T208 " in line]
    assert "2020년 1월" in problem
    assert "에서 오류 " in result.stdout.rstrip().splitlines()[-1]  # the summary, said by the main process


def test_status_and_milestones_in_korean(run: Run) -> None:
    status = run("--lang", "ko", "status", "--as-of", "2026-01-01")
    assert status.exit_code == 0
    assert "2024년 4월      milestone-unrecorded  Roadmap adopted by both cities: 실시 여부 기록 없음" in status.stdout
    assert status.stdout.rstrip().splitlines()[-1] == "2026-01-01 기준 로드맵 4개 중 4개에서 확인 사항 30건."
    milestones = run("--lang", "ko", "milestones", "--as-of", "2026-01-01")
    assert milestones.stdout.splitlines()[0] == "2026-01-01 이후 예정된 일정이 없습니다. 가장 최근 일정:"
    assert "P5 Cyber Lab 종료" in milestones.stdout  # a title twins words itself, not the data's


def test_codes_and_ids_in_a_korean_table_are_the_schema_words_translated(run: Run) -> None:
    result = run("--lang", "ko", "agreements")
    assert "kingsport-hanbit-mou" in result.stdout  # an id, as written
    assert "양해각서(MOU)" in result.stdout  # the code mou, in words
    assert " mou " not in result.stdout


def test_problems_are_reported_in_korean_with_their_codes_and_positions(run: Run, write_roadmap: WriteRoadmap) -> None:
    roadmap = write_roadmap(("      end: 2025-03", "      end: 2020-01"))
    english = run("validate", str(roadmap))
    korean = run("--lang", "ko", "validate", str(roadmap))
    assert english.exit_code == korean.exit_code == 1
    [line] = [line for line in korean.stdout.splitlines() if " T208 " in line]
    assert line.endswith("T208 종료일(2020년 1월)이 시작일(2024년 3월)보다 앞섭니다 (위치: proposals[0].timeline.end)")
    [was] = [line for line in english.stdout.splitlines() if " T208 " in line]
    assert was.split(" T208 ")[0] == line.split(" T208 ")[0]  # the same file, line and column
    data = json.loads(run("--lang", "ko", "validate", "--format", "json", str(roadmap)).stdout)
    assert [(p["code"], p["rule"], p["path"]) for p in data["problems"]] == [
        (p["code"], p["rule"], p["path"])
        for p in json.loads(run("validate", "--format", "json", str(roadmap)).stdout)["problems"]
    ]


def test_yaml_syntax_problems_in_korean(run: Run, tmp_path: Path) -> None:
    roadmap = tmp_path / "broken.yaml"
    roadmap.write_text("pair:\n\tid: x\n", encoding="utf-8")
    result = run("--lang", "ko", "validate", str(roadmap))
    assert result.exit_code == 1
    assert ":2:1: T010 YAML 구문 오류: 여기에 탭으로 들여쓰기를 했습니다." in result.stdout


def test_the_briefing_in_korean(run: Run) -> None:
    result = run("--lang", "ko", "report", "kingsport-hanbit")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Innovation Twins 브리핑: Kingsport–Hanbit"
    assert "- **도시(한국):** 한빛특별자치시 (Hanbit)" in lines  # the side in words, the Korean name first
    assert "### 협정" in lines and "#### 우선 과제 (8)" in lines
    assert "(대리: Lee Dong-won, Deputy Mayor)" in result.stdout  # the party's signatory


def test_the_site_in_korean(run: Run, tmp_path: Path) -> None:
    result = run("--lang", "ko", "site", str(tmp_path / "site"))
    assert result.exit_code == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "본문으로 건너뛰기" in home and "내려받기" in home  # labels marked inside the markup's f-strings
    assert "<td>작성 중</td>" in home  # a roadmap's status in words, not its code
    pair = (tmp_path / "site" / "pairs" / "kingsport-hanbit.html").read_text(encoding="utf-8")
    assert "도시(영국)" in pair  # the side in words, as the briefing says it
    assert '한빛특별자치시 (<span lang="en">Hanbit</span>)' in pair  # the Korean name first, as every page says it
