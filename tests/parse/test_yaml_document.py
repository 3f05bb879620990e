"""The safe YAML loader: YAML 1.2 values, positions, and every malformed input as a problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import VALID_PROGRAMME
from support import family_of
from twins_cli.check.validate import check_files
from twins_cli.errors import InputError
from twins_cli.parse import yaml_document as yamlload
from twins_cli.parse.syntax_errors import FAMILIES
from twins_cli.parse.yaml_document import MAX_DEPTH, MAX_FILE_BYTES, YamlDocument, load_document, parse_document
from twins_cli.problems import Problem

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.fixture(autouse=True, params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test with libyaml's parser and with the pure-Python one it falls back to."""
    monkeypatch.setattr(yamlload, "_Loader", yamlload.loader_class(request.param))


def load(source: str | bytes) -> YamlDocument:
    return parse_document(source.encode("utf-8") if isinstance(source, str) else source, "t.yaml")


def only_problem(doc: YamlDocument) -> Problem:
    assert len(doc.problems) == 1, doc.problems
    return doc.problems[0]


# --- values by YAML 1.2 rules ---------------------------------------------------------------


def test_dates_stay_text_as_written() -> None:
    doc = load("day: 2024-03-01\nmonth: 2024-03\nyear: 2025\n")
    assert doc.problems == []
    assert doc.data == {"day": "2024-03-01", "month": "2024-03", "year": 2025}


@pytest.mark.parametrize("word", ["NO", "no", "No", "yes", "Yes", "on", "off", "y", "n"])
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    doc = load(f"country: {word}\n")
    assert doc.data == {"country": word}
    assert doc.written == {}


@pytest.mark.parametrize(
    ("written", "value"),
    [("true", True), ("False", False), ("~", None), ("null", None), ("", None), ("-7", -7), ("0.5", 0.5)],
)
def test_core_schema_plain_scalars(written: str, value: object) -> None:
    doc = load(f"v: {written}\n")
    assert doc.data == {"v": value}
    assert type(doc.data["v"]) is type(value)
    assert doc.written == {("v",): written}


def test_leading_zero_is_decimal_and_remembered_as_written() -> None:
    doc = load("tagline: 012\n")
    assert doc.data == {"tagline": 12}  # YAML 1.1 would say 10 (octal)
    assert doc.written == {("tagline",): "012"}


def test_exponent_is_a_float() -> None:
    doc = load("v: 1e3\n")
    assert doc.data == {"v": 1000.0}
    assert isinstance(doc.data["v"], float)
    assert doc.written[("v",)] == "1e3"


def test_quoted_and_block_scalars_are_always_text() -> None:
    doc = load('a: \'12\'\nb: "1e3"\nc: "true"\nd: \'~\'\ne: "2024-03-01"\nf: |\n  012\ng: >-\n  no\n')
    assert doc.problems == []
    assert doc.data == {"a": "12", "b": "1e3", "c": "true", "d": "~", "e": "2024-03-01", "f": "012\n", "g": "no"}
    assert doc.written == {}


def test_str_tag_gives_text() -> None:
    doc = load("v: !!str 12\n")
    assert doc.problems == []
    assert doc.data == {"v": "12"}


def test_a_number_too_long_for_python_stays_text() -> None:
    digits = "9" * 5000
    doc = load(f"v: {digits}\n")
    assert doc.data == {"v": digits}


# --- tags, duplicate keys, aliases, merge keys, non-text keys --------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch executed"]',
        "!!python/object/apply:os.system\n    - touch executed",
        "!!python/name:os.system",
        "!!int '12'",
        "!!binary aGk=",
    ],
)
def test_tags_are_refused_never_obeyed(tagged: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc = load(f"title: ok\nnote: {tagged}\n")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (2, 7, "T022")
    assert problem.path == ("note",)
    assert doc.data == {"title": "ok", "note": None}
    assert not (tmp_path / "executed").exists()


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    doc = load("a: 1\nb: 2\na: 3\n")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (3, 1, "T020")
    assert problem.message.endswith("(first at line 1)")
    assert doc.data == {"a": 1, "b": 2}  # the first one is kept


def test_nested_duplicate_key() -> None:
    doc = load("pair:\n  id: x\n  name: X\n  id: y\n")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (4, 3, "T020")
    assert problem.message.endswith("(first at line 2)")
    assert problem.path == ("pair", "id")


def test_alias_is_refused_at_the_key_that_uses_it() -> None:
    doc = load("a: &name Alpha\nb: 1\nc: *name\n")
    problem = only_problem(doc)
    assert (problem.line, problem.code) == (3, "T023")
    assert doc.data == {"a": "Alpha", "b": 1, "c": None}


def test_merge_key_is_refused() -> None:
    doc = load("base: &base\n  x: 1\nc:\n  <<: *base\n  y: 2\n")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (4, 3, "T024")
    assert doc.data == {"base": {"x": 1}, "c": {"y": 2}}


@pytest.mark.parametrize(
    ("source", "shown"),
    [("1: x\n", "'1'"), ("true: x\n", "'true'"), ("~: x\n", "'~'"), ("[a]: b\n", "'a collection'")],
)
def test_non_text_keys_are_refused(source: str, shown: str) -> None:
    doc = load(f"ok: 1\n{source}")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (2, 1, "T021")
    assert shown in problem.message  # the key is named
    assert doc.data == {"ok": 1}


def test_a_refused_key_leaves_no_written_value_behind() -> None:
    # the key's text must not be remembered as if it were the mapping's value
    doc = load("name:\n  1: x\n")
    assert doc.data == {"name": {}}
    assert doc.written == {}


# --- whole files that are not one mapping --------------------------------------------------


@pytest.mark.parametrize("source", [b"", b"\n\n", b"# only\n# comments\n", b"   \n# and blanks\n"])
def test_empty_file(source: bytes) -> None:
    doc = load(source)
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (1, 1, "T013")
    assert not doc.readable


@pytest.mark.parametrize(("source", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "text"), ("12\n", "a number")])
def test_a_roadmap_file_must_be_a_mapping(source: str, kind: str, tmp_path: Path) -> None:
    shutil.copyfile(VALID_PROGRAMME, tmp_path / "programme.yaml")
    path = tmp_path / "alpha-beta.yaml"
    path.write_text(source, encoding="utf-8")
    problems = check_files([path]).problems
    assert len(problems) == 1, problems
    assert (problems[0].line, problems[0].code, problems[0].path) == (1, "T103", ())
    assert problems[0].message.endswith(f"not {kind}")  # says what the file holds instead


def test_several_documents() -> None:
    problem = only_problem(load("a: 1\n---\nb: 2\n"))
    assert (problem.line, problem.code, family_of(problem.message)) == (2, "T010", "several-documents")


# --- bytes and encodings -------------------------------------------------------------------


def test_invalid_utf8_is_reported_at_the_bad_byte() -> None:
    doc = load(b"a: 1\nb: caf\xe9\n")
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (2, 7, "T002")
    assert not doc.readable


def test_utf8_bom_is_accepted() -> None:
    doc = load(b"\xef\xbb\xbfa: 1\nb: x\n")
    assert doc.problems == []
    assert doc.data == {"a": 1, "b": "x"}
    assert doc.value_at[("b",)] == (2, 4)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(encoding: str) -> None:
    doc = load("\ufeffa: 1\n".encode(encoding))
    problem = only_problem(doc)
    assert problem.code == "T002"
    assert "UTF-16" in problem.message  # says which encoding it is
    assert not doc.readable


def test_nul_byte() -> None:
    problem = only_problem(load(b"a: 1\nb: x\x00y\n"))
    assert (problem.line, problem.column, problem.code) == (2, 5, "T002")


def test_control_character() -> None:
    problem = only_problem(load("a: 1\nb: x\x07\n"))
    assert (problem.line, problem.column, problem.code) == (2, 5, "T003")


def test_crlf_line_endings_keep_line_numbers() -> None:
    doc = load(b"a: 1\r\nb:\r\n  c: 2\r\nb: 3\r\n")
    assert doc.data == {"a": 1, "b": {"c": 2}}
    assert doc.value_at[("b", "c")] == (3, 6)
    problem = only_problem(doc)
    assert (problem.line, problem.code) == (4, "T020")
    assert problem.message.endswith("(first at line 2)")


# --- syntax --------------------------------------------------------------------------------


# a family of parser errors: (source, line, column) where the mistake is, the same with either parser
SYNTAX_MISTAKES = {
    "unclosed-quote": [
        ('a: 1\nb: "x\nc: 2\nd: 3\n', 2, 4),  # at the quote that opens, not at the end of the file
        ("a: 1\nb: 'it\nc: 2\n", 2, 4),
        ('a: 1\n"b: 2\nc: 3\n', 2, 1),
        ('a: "x\n---\nb: 1\n', 1, 4),
    ],
    "quote-runs-on": [('a: 1\nb: "x\nc: 2\nd: "y"\ne: 3\n', 2, 4)],  # closed by the next value's opening quote
    "text-after-quote": [("a: 'it's here'\n", 1, 8), ('a: "say "hi" now"\n', 1, 10)],
    "escape": [('a: "C:\\path"\n', 1, 7), ('a: "\\xZZ"\n', 1, 5)],
    "unclosed-flow": [("a: 1\nb: [1, 2\nc: 3\n", 2, 4), ("a: {x: 1\nb: 2\n", 1, 4), ("a: [\n", 1, 4)],
    "colon-in-value": [("a: b: c\n", 1, 5), ("title: Note: this\n", 1, 12), ("a:\n  b: 1\n   c: 2\n", 3, 5)],
    "missing-colon": [("a: 1\nb\nc: 2\n", 2, 1), ("a:\n  b: 1\n  c\n  d: 2\n", 3, 3)],
    "list-item-here": [("a: - b\n", 1, 4)],
    "key-here": [("a: ? b\n", 1, 4)],
    "indentation": [("a:\n    b: 1\n  c: 2\n", 3, 3), ("a:\n  - x\n  y: 1\n", 3, 3), ("a: 1\n- b\n", 2, 1)],
    "missing-value": [("a: [1,,2]\n", 1, 7), ("a: ]\n", 1, 4)],
    "cannot-start": [("a: @x\n", 1, 4), ("a: `x`\n", 1, 4)],
    "several-documents": [("a: 1\n---\nb: 2\n", 2, 1)],
    "outside-document": [("a: 1\n...\nb: 2\n", 3, 1), ("%YAML 1.1\na: 1\n", 2, 1)],
    "directive": [("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, 1), ("%TAG !x\n---\na: 1\n", 1, 1)],
    "tag": [("a: !<x\n", 1, 4), ("a: !e!x 1\n", 1, 4)],
    "anchor": [("a: & x\n", 1, 5), ("a: *x\n", 1, 4), ("a: &x 1\nb: &x 2\n", 2, 4)],
    "block-scalar": [("a: |0\n  x\n", 1, 4), ("a: | junk\n  x\n", 1, 4)],
    "tab": [("pair:\n\tid: x\n", 2, 1), ("a:\n  b: 1\n\tc: 2\n", 3, 1), ("a:\n  b:\n  \tc: 1\n", 3, 3)],
}


@pytest.mark.parametrize(
    ("family", "source", "line", "column"),
    [(family, *case) for family, cases in SYNTAX_MISTAKES.items() for case in cases],
    ids=[f"{family}-{index}" for family, cases in SYNTAX_MISTAKES.items() for index in range(len(cases))],
)
def test_syntax_mistake_in_plain_words_where_it_is(family: str, source: str, line: int, column: int) -> None:
    doc = load(source)
    problem = only_problem(doc)
    assert (family_of(problem.message), problem.line, problem.column) == (family, line, column), problem.message
    assert problem.code == "T010"
    assert not doc.readable


def test_every_family_has_an_example() -> None:
    assert set(FAMILIES) - set(SYNTAX_MISTAKES) == {"unreadable"}  # the sentence for what no family knows


def test_an_unclosed_quote_says_which_quote() -> None:
    problem = only_problem(load('title: ok\nnote: "x\n' + "more: text\n" * 17))
    assert problem.format() == (
        "t.yaml:2:7: T010 YAML syntax error:"
        " the quoted text that starts here with '\"' is never closed; end it with '\"'"
    )


def test_an_unknown_error_gets_our_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser error no family knows (a future PyYAML's, say) is still told in our words, at its mark."""

    def fail(text: str) -> None:
        raise yaml.MarkedYAMLError(
            "while doing a new thing", None, "found a new problem", yaml.Mark("t", 0, 2, 3, "", 0)
        )

    monkeypatch.setattr(yamlload, "_compose", fail)
    problem = only_problem(load("a: 1\n"))
    assert (problem.line, problem.column, problem.code, family_of(problem.message)) == (3, 4, "T010", "unreadable")


def test_an_error_without_a_mark_gets_our_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> None:
        raise yaml.YAMLError("input error")

    monkeypatch.setattr(yamlload, "_compose", fail)
    problem = only_problem(load("a: 1\n"))
    assert (problem.line, problem.column, problem.code) == (1, 1, "T010")
    assert problem.message == FAMILIES["unreadable"].message  # our sentence, not the parser's


# --- limits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "column"),
    [("[" * 10000 + "]" * 10000, MAX_DEPTH + 1), ("{a: " * 10000 + "}" * 10000, 4 * MAX_DEPTH + 1)],
    ids=["lists", "mappings"],
)
def test_deep_nesting_is_a_problem_not_an_exception(source: str, column: int) -> None:
    doc = load(source)
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (1, column, "T011")  # the collection too deep inside
    assert not doc.readable


def test_nesting_up_to_the_limit_is_read() -> None:
    doc = load("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert doc.problems == []


@pytest.mark.parametrize(
    ("source", "where"),
    # under libyaml's own limit, so that reading the text again is left to our count, as when libyaml stops at it
    [("[" * 900, (1, MAX_DEPTH + 1)), ("a:\n  b: " + "{c: " * 900, (2, 6 + 4 * (MAX_DEPTH - 2)))],
    ids=["lists", "mappings"],
)
def test_a_parser_that_stops_deep_nesting_itself_gives_our_problem(
    source: str, where: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml 0.2.6 refuses its 1,000th level before our count reaches 64; whichever stops it, the problem is ours."""
    compose = yamlload._compose

    def parser_with_a_limit(text: str) -> object:
        if len(text) == len(source):  # the whole file: fail as libyaml does at its limit, at the last '{' or '['
            mark = yaml.Mark("t.yaml", len(text) - 1, text.count("\n"), len(text.rsplit("\n", 1)[-1]) - 1, None, None)
            raise yaml.scanner.ScannerError("while increasing flow level", mark, yamlload._LIBYAML_DEPTH_LIMIT, mark)
        return compose(text)

    monkeypatch.setattr(yamlload, "_compose", parser_with_a_limit)
    problem = only_problem(load(source))
    assert (problem.line, problem.column, problem.code) == (*where, "T011")


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("- 1\n" * 60, 50, 3),  # the root list is a value too: the 50th item is the 51st
        ("[" + "1, " * 60 + "]", 1, 2 + 3 * 49),
        ("".join(f"k{index}: # note\n  -1\n" for index in range(30)), 50, 3),  # keys count too: the 25th value
        ("a:\n" + "  - x: 1\n" * 20, 17, 8),  # item n is values 3n+1 to 3n+3: the 16th item's 1
    ],
    ids=["block-list", "flow-list", "mapping", "mappings-in-a-list"],
)
def test_too_many_values_is_one_problem_where_the_limit_is_passed(
    source: str, line: int, column: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlload, "MAX_NODES", 50)
    doc = load(source)
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (line, column, "T012")
    assert not doc.readable


def test_values_up_to_the_limit_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlload, "MAX_NODES", 50)
    doc = load("- 1\n" * 49)
    assert doc.problems == []
    assert doc.data == [1] * 49


def test_an_anchored_value_used_twice_is_still_one_alias_problem() -> None:
    """Nodes are let go once built; the alias still finds its anchor's node."""
    doc = load("a: &x [1, 2]\nb: *x\nc: [3]\n")
    assert [(problem.line, problem.path, problem.code) for problem in doc.problems] == [(2, ("b",), "T023")]
    assert doc.data == {"a": [1, 2], "b": None, "c": [3]}


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    doc = load_document(path)
    problem = only_problem(doc)
    assert (problem.line, problem.column, problem.code) == (1, 1, "T001")
    assert not doc.readable


def test_file_at_the_size_limit_is_read() -> None:
    head = b"a: 1\n#"
    doc = load(head + b"x" * (MAX_FILE_BYTES - len(head)))
    assert doc.problems == []
    assert doc.data == {"a": 1}


# --- files that cannot be read at all --------------------------------------------------------


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.yaml")


def test_directory_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_document(tmp_path)


@pytest.mark.parametrize("source", ["~\n", "---\n", "null\n"])
def test_a_null_document_is_one_problem_not_missing_fields(source: str) -> None:
    doc = load(source)
    assert not doc.readable
    assert only_problem(doc)[:4] == ("t.yaml", 1, 1, "T013")
