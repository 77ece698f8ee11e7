"""Fuzzing the other inputs: plan configurations and saved assessments. Whatever they hold,
the result is a plan (or a comparison) or our own :class:`InputError`, never another
exception, and in bounded time."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from readiness.errors import InputError
from readiness.inputs.saved import load_assessment
from readiness.planning import load_plan_config, make_scenarios
from readiness.planning.config import _load
from readiness.scoring.compare import compare
from tests.conftest import EXAMPLE
from tests.hostile.fuzzing import FUZZ, container_at, junk, paths, shipped, specials

SECONDS = 10.0
"""Longest a plan of a fuzzed configuration may take to build (the shipped one: well under 1)."""


@functools.cache
def example_assessment() -> Any:
    from readiness.inputs.answers import load_answer_file
    from readiness.scoring.assess import assess

    catalogue, questionnaire, config = shipped()
    return assess(
        load_answer_file(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config
    )


@functools.cache
def shipped_plan() -> dict[str, Any]:
    from readiness.planning.config import default_config_path

    data: dict[str, Any] = yaml.safe_load(default_config_path().read_text(encoding="utf-8"))
    return data


def nested(location: tuple[Any, ...], value: Any) -> Any:
    """``{a: {b: value}}`` for location ``(a, b)``; list items become one-item lists."""
    for part in reversed(location):
        value = [value] if isinstance(part, int) else {part: value}
    return value


@st.composite
def plan_override(draw: st.DrawFn) -> Any:
    locations = [p for p in paths(shipped_plan()) if p and not isinstance(p[0], int)]
    override: dict[str, Any] = {}
    for _ in range(draw(st.integers(1, 3))):
        location = draw(st.sampled_from(locations))
        if draw(st.booleans()):
            location = location[: draw(st.integers(1, len(location)))]
        value = draw(st.one_of(specials, junk))
        merged = nested(location, value)
        key = next(iter(merged))
        override[key] = (
            merged[key]
            if not isinstance(override.get(key), dict)
            else {**override[key], **(merged[key] if isinstance(merged[key], dict) else {})}
        )
    return override


@FUZZ
@given(plan_override())
def test_any_plan_config_gives_a_plan_or_our_error(tmp_path_factory: Any, override: Any) -> None:
    catalogue = shipped()[0]
    path: Path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    try:
        path.write_text(yaml.safe_dump(override, allow_unicode=True), encoding="utf-8")
    except yaml.YAMLError:
        return
    _load.cache_clear()
    try:
        config = load_plan_config(path, catalogue=catalogue)
    except InputError:
        return
    begin = time.perf_counter()
    with contextlib.suppress(InputError):
        make_scenarios(example_assessment(), catalogue, config, start=dt.date(2027, 1, 4))
    assert time.perf_counter() - begin < SECONDS


@st.composite
def saved_assessment(draw: st.DrawFn) -> Any:
    document = json.loads(example_assessment().model_dump_json())
    locations = [p for p in paths(document) if p]
    for _ in range(draw(st.integers(1, 3))):
        location = draw(st.sampled_from(locations))
        try:
            container_at(document, location)[location[-1]] = draw(st.one_of(specials, junk))
        except (KeyError, IndexError, TypeError):
            continue
    return document


@FUZZ
@given(saved_assessment())
def test_any_saved_assessment_is_checked_before_use(tmp_path_factory: Any, document: Any) -> None:
    catalogue = shipped()[0]
    path: Path = tmp_path_factory.mktemp("saved") / "assessment.json"
    try:
        path.write_text(json.dumps(document, allow_nan=True), encoding="utf-8")
    except (TypeError, ValueError):
        return
    try:
        earlier = load_assessment(path, catalogue)
    except InputError:
        return
    with contextlib.suppress(InputError):
        compare(earlier, example_assessment(), force=True)
    config = load_plan_config(None, catalogue=catalogue)
    make_scenarios(earlier, catalogue, config, start=dt.date(2027, 1, 4))
