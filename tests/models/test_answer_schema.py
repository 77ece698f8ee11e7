"""The answer file's JSON Schema accepts what the tool accepts, read as YAML 1.1 or 1.2.

YAML 1.1 (PyYAML, the tool's reader) turns ``documented: yes`` into true; YAML 1.2 (ruamel.yaml
here, as editors with the YAML language server read it) keeps the string "yes". JSON has no
date type, so dates are compared as the ISO strings an editor sees.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from ruamel.yaml import YAML

from readiness.jobs.context import Data
from readiness.jobs.questionnaire import export_questionnaire
from readiness.language import Language
from readiness.models.answer_schema import SCHEMA_FILE, modeline
from readiness.models.answers import (
    EXTENT_WORDS,
    RATING_WORDS,
    Answer,
    AnswerFile,
    answer_file_schema,
    parse_figure,
)
from readiness.models.common import Extent, Rating
from readiness.models.questionnaire import Questionnaire
from tests.conftest import EXAMPLE

EXAMPLES = sorted(EXAMPLE.parent.glob("*.yaml"))


def jsonish(value: Any) -> Any:
    """The data as JSON holds it: dates as ISO strings, keys as strings."""
    if isinstance(value, dict):
        return {str(key): jsonish(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonish(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_yaml_11(text: str) -> Any:
    return jsonish(yaml.safe_load(text))


def read_yaml_12(text: str) -> Any:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    return jsonish(reader.load(text))


READERS = {"yaml-1.1": read_yaml_11, "yaml-1.2": read_yaml_12}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = answer_file_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:120]}" for e in validator.iter_errors(data)]


def test_schema_names_itself() -> None:
    schema = answer_file_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:readiness:answer-file:")
    assert schema["title"] == "readiness answer file"


def test_the_two_readers_differ_on_yes() -> None:
    text = "documented: yes\n"
    assert read_yaml_11(text) == {"documented": True}
    assert read_yaml_12(text) == {"documented": "yes"}


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_shipped_examples_validate(
    validator: Draft202012Validator, path: Path, reader: str
) -> None:
    data = READERS[reader](path.read_text(encoding="utf-8"))
    assert problems(validator, data) == []


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("language", list(Language))
def test_blank_export_validates_and_names_its_schema(
    validator: Draft202012Validator,
    questionnaire: Questionnaire,
    language: Language,
    reader: str,
    tmp_path: Path,
) -> None:
    from readiness.jobs.context import load_data

    data: Data = load_data()
    written = export_questionnaire(tmp_path / "blank.yaml", data, language=language)
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == modeline()
    assert modeline() == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    beside = tmp_path / SCHEMA_FILE
    assert beside.is_file()  # the relative name in the first line resolves
    loaded = READERS[reader](text)
    assert loaded["client"]["name"] is None and len(loaded["answers"]) == len(
        list(questionnaire.questions())
    )
    assert problems(validator, loaded) == []


def minimal(**answers: Any) -> dict[str, Any]:
    return {
        "questionnaire": "readiness-iso20000-2018",
        "questionnaire_version": "1.0",
        "client": {"name": "Acme"},
        "answers": answers,
    }


# Values the tool reads; each must pass the schema too (and the other way round below).
RATINGS_READ = ["P", "p", " l ", "NA", "n/a", "Largely", "LARGELY achieved", "fully", "partly"]
RATINGS_READ += ["大部分", "完全实现", "F 完全实现", "F (fully)", "", None]
RATINGS_REFUSED = ["mostly", "X", "ok", "5", "完全地", "achieved"]


@pytest.mark.parametrize("written", RATINGS_READ + RATINGS_REFUSED)
def test_schema_and_tool_agree_on_ratings(
    validator: Draft202012Validator, written: str | None
) -> None:
    answer = {"rating": written, "justification": "Not offered"}  # NA needs one
    try:
        Answer.model_validate(answer)
    except ValidationError:
        tool = False
    else:
        tool = True
    assert tool is (written in RATINGS_READ)
    as_field = problems(validator, minimal(**{"B.SLM.02": answer})) == []
    as_bare = problems(validator, minimal(**{"B.SLM.02": written})) == []
    assert as_bare is tool and as_field is tool, written


def test_every_rating_word_passes_in_any_case(validator: Draft202012Validator) -> None:
    for word in RATING_WORDS:
        for written in (word, word.upper(), word.title(), f"  {word}  "):
            data = minimal(**{"A.CTX.01": {"rating": written}})
            assert problems(validator, data) == [], written


def test_largely_is_a_rating() -> None:  # the YAML header says "L (largely)"
    assert Answer.model_validate({"rating": "largely"}).rating is Rating.L
    assert Answer.model_validate({"rating": "Fully"}).rating is Rating.F
    assert Answer.model_validate({"rating": "partially"}).rating is Rating.P


@pytest.mark.parametrize(
    ("written", "read"),
    [(True, True), ("yes", True), ("Partly", True), ("否", True), ("", True), ("maybe", False)],
)
def test_schema_and_tool_agree_on_documented(
    validator: Draft202012Validator, written: Any, read: bool
) -> None:
    try:
        Answer.model_validate({"documented": written})
    except ValidationError:
        tool = False
    else:
        tool = True
    assert tool is read
    schema = problems(validator, minimal(**{"A.CTX.01": {"documented": written}})) == []
    assert schema is read
    assert all(isinstance(key, str) for key in EXTENT_WORDS) and Extent.YES.value == "yes"


@pytest.mark.parametrize("written", [64, 2.5, True, "yes", "NO", "64 %", "1,200", " 3 ", None])
def test_figures_the_tool_reads_pass(validator: Draft202012Validator, written: Any) -> None:
    parse_figure(written)  # the tool reads it
    data = {**minimal(), "figures": {"sla_states_penalties": written}}
    assert problems(validator, data) == []


@pytest.mark.parametrize("written", ["lots", "partly", [1]])
def test_figures_the_tool_refuses_fail(validator: Draft202012Validator, written: Any) -> None:
    with pytest.raises(ValueError):
        parse_figure(written)
    data = {**minimal(), "figures": {"sla_states_penalties": written}}
    assert problems(validator, data) != []


def test_newer_fields_and_shorthands(validator: Draft202012Validator) -> None:
    data = {
        **minimal(**{"B.SLM.01": {"rating": "L", "evidence": "SLA-2026.pdf"}}),
        "questionnaire_version": 1.0,
        "capability": {"B.CHG": {"PA2.1": "l", "PA2.2": None}},
        "capability_evidence": {"B.CHG": ["CAB minutes"], "B.SLM": "SLA review", "B.INC": None},
        "matrix": [{"item": "Approve RFCs", "area": "B.CHG", "assign": {"Zhao Lei": "p"}}],
    }
    assert problems(validator, data) == []
    AnswerFile.model_validate(data)  # the tool reads it too


def test_schema_still_refuses_what_the_tool_refuses(validator: Draft202012Validator) -> None:
    assert problems(validator, minimal(**{"A.CTX.01": {"rating": "F", "colour": "red"}}))
    assert problems(validator, {**minimal(), "clients": {}})
    assert problems(validator, {**minimal(), "client": {"name": "Acme", "edition": "2011"}})
    assert problems(validator, {**minimal(), "matrix": [{"item": "x", "assign": {"A": "X"}}]})
