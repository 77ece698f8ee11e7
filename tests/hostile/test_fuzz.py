"""Fuzzing the loaders: whatever the file holds, the result is an assessment or our own
:class:`InputError`, never another exception.

Strategies (in :mod:`tests.hostile.fuzzing`) build answer files from the shipped
questionnaire: valid ones (which must be accepted and assessed), slightly broken ones (keys,
types and values mutated, entries dropped or repeated), and YAML text with random characters
or bytes spliced in. Workbooks are fuzzed in :mod:`tests.hostile.test_fuzz_workbook`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from readiness.inputs.answers import answers_from_document, load_answer_file, parse_answers
from readiness.sources.yaml import YamlDocument
from tests.hostile.fuzzing import (
    FUZZ,
    container_at,
    dump,
    junk,
    known_places,
    outcome,
    paths,
    poke,
    scalars,
    shipped,
    specials,
    valid_answer_file,
)


@FUZZ
@given(valid_answer_file())
def test_valid_files_are_accepted_and_assessed(data: dict[str, Any]) -> None:
    catalogue, questionnaire, _ = shipped()
    answers = outcome(lambda: parse_answers(dump(data), "fuzz.yaml", questionnaire, catalogue))
    assert answers is not None, "a valid file was refused"
    assert set(answers.answers) == set(data["answers"])


# ---------------------------------------------------------------- slightly broken answer files


@st.composite
def broken_answer_file(draw: st.DrawFn) -> Any:
    data = draw(valid_answer_file())
    for _ in range(draw(st.integers(0, 3))):
        poke(data, draw(st.sampled_from(known_places())), draw(junk))
    for _ in range(draw(st.integers(0, 3))):
        locations = [p for p in paths(data) if p]
        if not locations:
            break
        location = draw(st.sampled_from(locations))
        parent = container_at(data, location)
        action = draw(st.sampled_from(["replace", "drop", "rename", "add", "duplicate"]))
        key = location[-1]
        if action == "replace":
            parent[key] = draw(junk)
        elif action == "drop":
            del parent[key]
        elif action == "rename" and isinstance(parent, dict):
            new_key = draw(st.one_of(st.text(max_size=12), st.just(str(key).lower() + "x")))
            parent[new_key] = parent.pop(key)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(junk)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[key])
    shape = draw(st.integers(0, 9))  # now and then not a mapping at the top at all
    return [data] if shape == 0 else data.get("answers", data) if shape == 1 else data


@FUZZ
@given(broken_answer_file())
def test_broken_files_give_a_result_or_our_error(data: Any) -> None:
    catalogue, questionnaire, _ = shipped()
    try:
        text = dump(data)
    except yaml.YAMLError:
        return
    outcome(lambda: parse_answers(text, "fuzz.yaml", questionnaire, catalogue))
    # The same data straight to validation, as the workbook reader hands it over.
    document = YamlDocument("fuzz.yaml", data)
    outcome(lambda: answers_from_document(document, questionnaire, catalogue))


def load_with(place: tuple[str, ...], value: Any) -> None:
    """A minimal answer file with ``value`` at ``place``, as YAML text and as parsed data."""
    catalogue, questionnaire, _ = shipped()
    data: dict[str, Any] = {
        "questionnaire": questionnaire.id,
        "questionnaire_version": questionnaire.version,
        "client": {"name": "Acme"},
    }
    poke(data, place, value)
    outcome(lambda: parse_answers(dump(data), "fuzz.yaml", questionnaire, catalogue))
    outcome(
        lambda: answers_from_document(YamlDocument("fuzz.yaml", data), questionnaire, catalogue)
    )


@FUZZ
@given(st.sampled_from(known_places()), st.one_of(specials, scalars, junk))
def test_any_value_in_any_known_place(place: tuple[str, ...], value: Any) -> None:
    load_with(place, value)


@FUZZ
@given(st.sampled_from([f.id for f in shipped()[1].figures]), st.one_of(specials, scalars))
def test_any_figure_value(figure: str, value: Any) -> None:
    load_with(("figures", figure), value)


# ------------------------------------------------------------------- random text and bytes


@st.composite
def spliced_text(draw: st.DrawFn) -> str:
    text = dump(draw(valid_answer_file()))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 5))
        text = text[:at] + draw(st.text(max_size=6)) + text[at + cut :]
    if draw(st.booleans()):
        lines = text.splitlines(keepends=True)
        line = draw(st.sampled_from(lines))
        text += line  # a repeated line: a duplicate key, or an item out of place
    return text


@FUZZ
@given(spliced_text())
def test_random_characters_in_yaml(text: str) -> None:
    catalogue, questionnaire, _ = shipped()
    outcome(lambda: parse_answers(text, "fuzz.yaml", questionnaire, catalogue))


@st.composite
def spliced_bytes(draw: st.DrawFn) -> bytes:
    data = dump(draw(valid_answer_file())).encode(draw(st.sampled_from(["utf-8", "utf-16"])))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=6)) + data[at + draw(st.integers(0, 4)) :]
    return data


@FUZZ
@given(spliced_bytes() | st.binary(max_size=200))
def test_random_bytes_in_a_file(tmp_path_factory: Any, data: bytes) -> None:
    catalogue, questionnaire, _ = shipped()
    path: Path = tmp_path_factory.mktemp("fuzz") / "answers.yaml"
    path.write_bytes(data)
    outcome(lambda: load_answer_file(path, questionnaire, catalogue))
