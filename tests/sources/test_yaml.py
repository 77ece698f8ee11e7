"""Safe YAML loading: lines of every value, duplicates, aliases, bounds, encodings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.sources.yaml import MAX_DEPTH, load_yaml_file, parse_yaml


def message(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml")
    return str(caught.value)


def test_values_and_their_lines() -> None:
    document = parse_yaml("a: 1\nb:\n  - x\n  - {y: 2026-01-02, z: yes, w: true}\n", "f.yaml")
    # YAML 1.1's yes, no, on and off stay as written (a message can quote them); true is true.
    assert document.data == {
        "a": 1,
        "b": ["x", {"y": dt.date(2026, 1, 2), "z": "yes", "w": True}],
    }
    assert document.line_of(("b", 1, "z")) == 4
    assert document.line_of(("b", 0)) == 3
    assert document.line_of(("b", 7, "missing")) == 2  # deepest existing part
    assert document.place(("a",)) == "line 1, a"


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    assert message("a: 1\nb: 2\na: 3\n") == "f.yaml: line 3: 'a' appears twice (first on line 1)"


def test_aliases_are_refused() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert message(bomb) == (
        "f.yaml: line 2: YAML aliases (*name) are not accepted; write the value out in full"
    )


def test_deep_nesting_is_refused_without_crashing() -> None:
    # The C composer would crash the interpreter on this; the event builder stops early.
    assert message("a: " + "[" * 100_000 + "]" * 100_000) == (
        f"f.yaml: line 1: the document is nested more than {MAX_DEPTH} levels deep"
    )


def test_python_tags_are_refused() -> None:
    assert "unsupported YAML tag" in message("a: !!python/object/apply:os.system [ls]\n")


def test_syntax_error_names_line_and_column() -> None:
    assert message("a: [1, 2\nb: 3\n").startswith("f.yaml: line 2, column 2: YAML syntax error")


def test_empty_and_multi_document_files() -> None:
    assert message("  \n") == "f.yaml: the file is empty"
    assert "more than one YAML document" in message("a: 1\n---\nb: 2\n")


def test_bom_is_accepted_and_non_utf8_refused(tmp_path: Path) -> None:
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufeffname: 客户\n".encode())
    assert load_yaml_file(good).data == {"name": "客户"}
    bad = tmp_path / "gbk.yaml"
    bad.write_bytes("a: 1\nname: 客户\n".encode("gbk"))
    with pytest.raises(InputError) as caught:
        load_yaml_file(bad)
    assert (
        str(caught.value)
        == f"{bad}: line 2: the file is not UTF-8 text (byte 12); save it as UTF-8"
    )


def test_size_limit_folder_and_missing_file(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputError, match="the file is 2,004 bytes; the limit is 0 MiB"):
        load_yaml_file(big, max_bytes=1000)
    with pytest.raises(InputError, match="this is a folder, not a file"):
        load_yaml_file(tmp_path)
    with pytest.raises(InputError, match="the file does not exist"):
        load_yaml_file(tmp_path / "nope.yaml")
