"""JSON Schema fragments for the answer file's forgiving fields, so the published schema accepts
what the tool accepts (``readiness schema``, used by YAML editors for completion and checks).

A client writes a rating in any case, as a word or in Chinese; ``documented: yes`` arrives as
true from a YAML 1.1 reader (PyYAML) and as the string "yes" from a YAML 1.2 one (an editor);
a figure may be a number, yes/no or "64 %". JSON Schema has no case-insensitive match, so the
patterns are built letter by letter from the same word tables the readers use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

SCHEMA_FILE = "readiness-answers.schema.json"
"""The schema's file name beside an exported YAML questionnaire (its first line points to it)."""

BLANK = r"^\s*$"
"""An empty or blank string: read as not answered."""


def _letters(word: str) -> str:
    """``word`` as a case-insensitive ECMA-262 pattern, any run of spaces where it has one."""
    parts = []
    for char in word:
        if char == " ":
            parts.append(r"\s+")
        elif char.isascii() and char.isalpha():
            parts.append(f"[{char.upper()}{char.lower()}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def words_pattern(words: Iterable[str], *, leading: bool = False, suffix: str = "") -> str:
    """A pattern matching one of ``words`` (any case, spaces around); with ``leading`` an ASCII
    one-word spelling may be followed by more text, as in the dropdown label "F 完全实现"."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    choice = "|".join(_letters(word) for word in ordered)
    pattern = rf"^\s*(?:{choice})\s*{suffix}$"
    if leading:
        single = "|".join(_letters(w) for w in ordered if w.isascii() and " " not in w)
        pattern = rf"{pattern}|^\s*(?:{single})\s.*$"
    return pattern


def rating_schema(words: Iterable[str], codes: Iterable[str]) -> dict[str, Any]:
    """A rating: a code offered for completion, any spelling the reader knows, or empty."""
    return {
        "anyOf": [
            {"enum": list(codes)},
            {"type": "string", "pattern": words_pattern(words, leading=True)},
            {"type": "string", "pattern": BLANK},
            {"type": "null"},
        ],
        "description": "N, P, L, F or NA (any case; words such as 'largely' or 大部分 too)",
    }


def extent_schema(words: Iterable[str], values: Iterable[str]) -> dict[str, Any]:
    """yes / partly / no: as words in any case, or true/false as YAML 1.1 reads yes/no."""
    return {
        "anyOf": [
            {"enum": list(values)},
            {"type": "boolean"},
            {"type": "string", "pattern": words_pattern(words)},
            {"type": "string", "pattern": BLANK},
            {"type": "null"},
        ],
        "description": "yes, partly or no",
    }


NUMBER = r"^\s*[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*%?\s*$"
"""A number as text: "64", "64 %", "1,200", "2.5"."""


def figure_schema(yes_no_words: Iterable[str]) -> dict[str, Any]:
    """A figure: a number, yes/no (a boolean or a word), a number written as text, or empty."""
    return {
        "anyOf": [
            {"type": "number"},
            {"type": "boolean"},
            {"type": "string", "pattern": NUMBER},
            {"type": "string", "pattern": words_pattern(yes_no_words)},
            {"type": "string", "pattern": BLANK},
            {"type": "null"},
        ],
        "description": "a number (64, '64 %'), or yes / no",
    }


def text_list_schema(max_length: int, max_items: int) -> dict[str, Any]:
    """A list of short texts; one text alone or nothing is read as a list too."""
    return {
        "anyOf": [
            {"type": "array", "items": {"type": "string", "maxLength": max_length}},
            {"type": "string", "maxLength": max_length},
            {"type": "null"},
        ],
        "maxItems": max_items,
    }


def assignment_schema() -> dict[str, Any]:
    """P (primary) or B (backup) in the role matrix, any case."""
    return {
        "anyOf": [{"enum": ["P", "B"]}, {"type": "string", "pattern": r"^\s*[PpBb]\s*$"}],
        "description": "P (primary) or B (backup)",
    }


def finish_answer_schema(
    document: dict[str, Any], version: str, *, shorthand: dict[str, Any]
) -> dict[str, Any]:
    """The generated schema made whole: its dialect and ``$id``; an answer given as a bare
    rating (``shorthand``: ``B.SLM.02: P``); the blank export's nulls.

    A blank questionnaire leaves ``client.name`` empty; an editor should not flag the file the
    consultant sent, while ``readiness validate`` still asks for the name before assessing.
    """
    answers = document["properties"]["answers"]
    answers["additionalProperties"] = {"anyOf": [answers["additionalProperties"], shorthand]}
    client = document["$defs"]["Client"]
    client["properties"]["name"] = {
        "anyOf": [client["properties"]["name"], {"type": "null"}],
        "description": "the client's name (needed before assessing; empty in a blank file)",
    }
    client["required"] = []
    version_field = document["properties"]["questionnaire_version"]
    document["properties"]["questionnaire_version"] = {"anyOf": [version_field, {"type": "number"}]}
    client["properties"]["edition"] = {"enum": ["2018", 2018], "default": "2018"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:readiness:answer-file:{version}",
        "title": "readiness answer file",
        **{key: value for key, value in document.items() if key != "title"},
    }


def modeline() -> str:
    """The first line of an exported YAML questionnaire: the schema for editors."""
    return f"# yaml-language-server: $schema={SCHEMA_FILE}"
