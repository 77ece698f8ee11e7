"""Hypothesis strategies for answer files (valid, and values that break loaders), and the
check every fuzz test makes: an answer file that assesses, or our own error, nothing else."""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from readiness.data.catalogue import load_catalogue, load_scoring
from readiness.data.questionnaire import load_questionnaire
from readiness.errors import InputError
from readiness.models.answers import EXTENT_WORDS, RATING_WORDS, AnswerFile
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.scoring.assess import assess
from tests.depth import examples

EXAMPLES = int(os.environ.get("READINESS_FUZZ_EXAMPLES", examples(60)))
"""Examples per fuzz test (60 in a full run, see tests/depth.py); a deeper run:
``READINESS_FUZZ_EXAMPLES=5000 pytest tests/hostile``."""
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@functools.cache
def shipped() -> tuple[Catalogue, Questionnaire, Any]:
    catalogue = load_catalogue()
    return catalogue, load_questionnaire(catalogue), load_scoring()


def outcome(load: Any) -> AnswerFile | None:
    """Run ``load``; an answer file must assess, and only an :class:`InputError` may escape."""
    catalogue, questionnaire, config = shipped()
    try:
        answers = load()
    except InputError as error:
        message = str(error)
        assert message.startswith(error.source) and "Traceback" not in message
        return None
    result = assess(answers, catalogue, questionnaire, config, assessed_on=dt.date(2026, 1, 1))
    assert isinstance(result, Assessment)
    score = result.overall.score
    assert score is None or 0 <= score <= 100
    return answers


# ------------------------------------------------------------------------ valid answer files

# Printable text as a client types it: any script, but no control characters, surrogates or
# unassigned code points (those are refused on purpose).
clean_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")), min_size=1, max_size=30
).filter(lambda text: bool(text.strip()))
ratings = st.sampled_from(sorted(RATING_WORDS)).flatmap(
    lambda word: st.sampled_from([word, word.upper(), word.title()])
)
extents = st.sampled_from([True, False, *sorted(EXTENT_WORDS)])


@st.composite
def answer(draw: st.DrawFn) -> Any:
    rating = draw(ratings)
    if draw(st.booleans()) and RATING_WORDS[rating.lower()].value != "NA":
        return rating  # the bare shorthand
    entry: dict[str, Any] = {"rating": rating}
    if RATING_WORDS[rating.lower()].value == "NA":
        entry["justification"] = draw(clean_text)
    for key, values in (("documented", extents), ("practised", extents)):
        if draw(st.booleans()):
            entry[key] = draw(values)
    if draw(st.booleans()):
        entry["evidence"] = draw(st.lists(clean_text, max_size=4))
    if draw(st.booleans()):
        entry["notes"] = draw(clean_text)
    if draw(st.booleans()):
        entry["owner"] = draw(clean_text)
    return entry


def figure_value(kind: str) -> st.SearchStrategy[Any]:
    if kind == "yes_no":
        return st.sampled_from([True, False, "yes", "no", "是", "否"])
    if kind == "percent":
        return st.one_of(
            st.integers(0, 100),
            st.floats(0, 100, allow_nan=False),
            st.integers(0, 100).map(lambda n: f"{n} %"),
        )
    return st.integers(0, 1_000_000)


@st.composite
def valid_answer_file(draw: st.DrawFn) -> dict[str, Any]:
    catalogue, questionnaire, _ = shipped()
    ids = [q.id for q in questionnaire.questions()]
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=40))
    data: dict[str, Any] = {
        "questionnaire": questionnaire.id,
        "questionnaire_version": questionnaire.version,
        "client": {"name": draw(clean_text)},
        "answers": {question_id: draw(answer()) for question_id in chosen},
    }
    if draw(st.booleans()):
        data["assessed_on"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    if draw(st.booleans()):
        categories = [c.id for c in questionnaire.business_categories]
        data["client"]["business_categories"] = draw(
            st.lists(st.sampled_from(categories), unique=True, max_size=3)
        )
        data["client"]["personnel_in_scope"] = draw(st.integers(1, 1_000_000))
    if draw(st.booleans()):
        figures = draw(st.lists(st.sampled_from(questionnaire.figures), unique_by=lambda f: f.id))
        data["figures"] = {figure.id: draw(figure_value(figure.kind)) for figure in figures}
    processes = [area.id for area in catalogue.processes()]
    if draw(st.booleans()):
        attributes = [a.id for a in questionnaire.asked_attributes()]
        data["capability"] = {
            area: draw(st.dictionaries(st.sampled_from(attributes), ratings, max_size=3))
            for area in draw(st.lists(st.sampled_from(processes), unique=True, max_size=3))
        }
    if draw(st.booleans()):
        data["roles"] = {
            "sms_owner": draw(clean_text),
            "process_owners": draw(st.dictionaries(st.sampled_from(processes), clean_text)),
        }
    if draw(st.booleans()):
        data["matrix"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "item": clean_text,
                        "area": st.sampled_from(processes),
                        "assign": st.dictionaries(clean_text, st.sampled_from(["P", "B", "p"])),
                    }
                ),
                max_size=3,
            )
        )
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


specials = st.sampled_from(
    [math.nan, math.inf, -math.inf, 10**400, -(10**20), "nan", "-inf", "1e999", "", " ", "NA",
     "L", "yes", "=SUM(A1)", "\x00", "\x1b[2J", 0, -1, 1.5, 101, True, None]
)  # fmt: skip
"""Values that broke, or could break, a loader: non-numbers, huge numbers, control text."""
scalars = st.one_of(
    specials,
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.text(max_size=400),
    st.dates(),
)
junk = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location inside ``data``."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def container_at(data: Any, location: tuple[Any, ...]) -> Any:
    for part_ in location[:-1]:
        data = data[part_]
    return data


def known_places() -> list[tuple[str, ...]]:
    """Places of an answer file where a value of the wrong kind is most telling."""
    catalogue, questionnaire, _ = shipped()
    question = questionnaire.questions()[0].id
    process = catalogue.processes()[0].id
    places: list[tuple[str, ...]] = [
        ("assessed_on",),
        ("assessor",),
        ("questionnaire_version",),
        ("client", "name"),
        ("client", "personnel_in_scope"),
        ("client", "business_categories"),
        ("client", "sites"),
        ("client", "edition"),
        ("answers", question),
        ("answers", question, "rating"),
        ("answers", question, "documented"),
        ("answers", question, "evidence"),
        ("answers", question, "justification"),
        ("capability", process, "PA2.1"),
        ("roles", "process_owners", process),
        ("matrix",),
    ]
    places += [("figures", figure.id) for figure in questionnaire.figures]
    return places


def poke(data: dict[str, Any], place: tuple[str, ...], value: Any) -> None:
    """Set ``place`` in ``data`` to ``value``, making the mappings on the way."""
    for key in place[:-1]:
        if not isinstance(data.get(key), dict):
            data[key] = {}
        data = data[key]
    data[place[-1]] = value
