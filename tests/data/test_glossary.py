"""Every Chinese text we ship follows the glossary (templates/glossary.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from readiness.paths import data_root

CJK = re.compile(r"[\u4e00-\u9fff]")
FOLDERS = ("clauses", "questionnaires", "plans", "templates")
GLOSSARY = "templates/glossary.yaml"


def _terms() -> list[dict[str, Any]]:
    data = yaml.safe_load((data_root() / GLOSSARY).read_text(encoding="utf-8"))
    terms: list[dict[str, Any]] = data["terms"]
    return terms


def _strings(node: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _strings(value, f"{key}.{name}" if key else str(name))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            ident = value.get("id") if isinstance(value, dict) else None
            yield from _strings(value, f"{key}[{ident or index}]")
    elif isinstance(node, str) and CJK.search(node):
        yield key, node


def _zh_texts() -> Iterator[tuple[str, str, str]]:
    """(file, key, text) for every string with Chinese characters in the shipped data."""
    root = data_root()
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root).as_posix()
            if relative == GLOSSARY or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".yaml":
                for key, value in _strings(yaml.safe_load(text), ""):
                    yield relative, key, value
            elif path.suffix in {".j2", ".css"}:
                for number, line in enumerate(text.splitlines(), start=1):
                    if CJK.search(line):
                        yield relative, f"line {number}", line


def _violations(file: str, text: str, terms: list[dict[str, Any]]) -> Iterator[str]:
    for term in terms:
        if not any(file.startswith(prefix) for prefix in term.get("only_in", [""])):
            continue
        cleaned = text
        for phrase in term.get("allowed", []):
            cleaned = cleaned.replace(phrase, "")
        for variant in term["rejected"]:
            if variant in cleaned:
                yield f"{variant} (use {term['preferred']})"


def test_the_glossary_is_well_formed() -> None:
    terms = _terms()
    assert len(terms) >= 12
    for term in terms:
        assert set(term) <= {"preferred", "meaning", "rejected", "allowed", "only_in"}, term
        assert term["preferred"] and term["meaning"] and term["rejected"], term
        assert term["preferred"] not in term["rejected"], term


def test_every_zh_string_follows_the_glossary() -> None:
    terms = _terms()
    texts = list(_zh_texts())
    files = {file for file, _, _ in texts}
    # the scan really reaches every kind of file we ship
    assert any(f.startswith("clauses/") for f in files)
    assert any(f.startswith("questionnaires/iso20000-2018/") for f in files)
    assert any(f.startswith("plans/") for f in files)
    assert "templates/labels.yaml" in files
    assert len(texts) > 1000
    problems = [
        f"{file}: {key}: {problem}"
        for file, key, text in texts
        for problem in _violations(file, text, terms)
    ]
    assert not problems, "\n".join(problems)


def test_a_rejected_variant_is_caught_with_file_and_key() -> None:
    terms = _terms()
    assert list(_violations("clauses/x.yaml", "变更咨询委员会审批", terms)) == [
        "变更咨询委员会 (use 变更顾问委员会（CAB）)"
    ]
    assert list(_violations("clauses/x.yaml", "岗位说明书", terms)) == []
    assert list(_violations("clauses/x.yaml", "关键岗位", terms)) == ["岗位 (use 角色)"]
    # 客户 is the consultant's client in the labels, the organization's customer elsewhere
    assert list(_violations("templates/labels.yaml", "客户名称", terms)) == []
    assert list(_violations("questionnaires/q.yaml", "客户", terms)) == ["客户 (use 顾客)"]
    keys = [key for key, _ in _strings({"areas": [{"id": "A.X.01", "zh": "退役"}]}, "")]
    assert keys == ["areas[A.X.01].zh"]
