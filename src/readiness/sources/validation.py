"""Turn pydantic validation errors into problems that name the line and the place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from readiness.errors import InputError, Problem
from readiness.sources.yaml import load_yaml_file

M = TypeVar("M", bound=BaseModel)
Location = Sequence[str | int]


class Document(Protocol):
    """Parsed input that can name the place of any location in it (a YAML file, a workbook)."""

    source: str
    data: Any

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """A number that orders places in the file (a line, or a sheet and row)."""
        ...

    def place(self, location: Sequence[str | int]) -> str:
        """Where ``location`` is, for a person: ``line 12, answers → B.SLM.01``."""
        ...


def validate_document(
    model: type[M],
    document: Document,
    *,
    what: str,
    alongside: Callable[[], Iterable[tuple[Location, str]]] | None = None,
) -> M:
    """Validate a parsed YAML document as ``model``, or raise one :class:`InputError`.

    ``what`` names the kind of file expected ("an answer file"), for the message given when
    the document is not a mapping at all. ``alongside``, called only when validation fails,
    gives more problems found on the raw data (``(location, message)`` pairs), reported in
    the same error so that the user fixes everything in one round.
    """
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        message = f"this is not {what}: expected a mapping of keys at the top, found {kind}"
        raise InputError(document.source, [Problem("line 1", message)])
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        located = located_problems(error, document)
        if alongside is not None:
            known = {(problem.place, problem.message) for _, problem in located}
            for location, message in alongside():
                problem = Problem(document.place(location), message)
                if (problem.place, problem.message) not in known:
                    located.append((document.line_of(location) or 0, problem))
            located.sort(key=lambda pair: pair[0])
        raise InputError(document.source, [problem for _, problem in located]) from None


def validate_files(model: type[M], folder: Path, pattern: str, *, what: str) -> list[M]:
    """Validate every file of ``folder`` matching ``pattern`` (sorted); at least one must exist."""
    files = sorted(folder.glob(pattern))
    if not files:
        raise InputError(folder, [Problem("", f"no {pattern} file found")])
    return [validate_document(model, load_yaml_file(path), what=what) for path in files]


def construct(model: type[M], source: Path, **fields: Any) -> M:
    """Build a model whose cross-reference checks may fail, naming ``source`` if they do."""
    try:
        return model(**fields)
    except ValidationError as error:
        problems = [Problem("", m) for item in error.errors() for m in split_messages(item["msg"])]
        raise InputError(source, problems) from None


def problems_from(error: ValidationError, document: Document) -> list[Problem]:
    """One problem per place, in file order."""
    return [problem for _, problem in located_problems(error, document)]


def located_problems(error: ValidationError, document: Document) -> list[tuple[int, Problem]]:
    """One problem per place with its order in the file (the line), sorted by it."""
    seen: set[tuple[Any, ...]] = set()
    problems: list[tuple[int, Problem]] = []
    for item in error.errors(include_url=False):
        location = tuple(part for part in item["loc"] if not _is_union_tag(part))
        if location in seen:
            continue
        seen.add(location)
        line = document.line_of(location) or 0
        problems.append((line, Problem(document.place(location), describe(item, location))))
    problems.sort(key=lambda pair: pair[0])
    return problems


def describe(item: Any, location: tuple[Any, ...]) -> str:
    """A short sentence for one pydantic error."""
    kind = item["type"]
    field = str(location[-1]) if location else "value"
    if kind == "extra_forbidden":
        return f"'{field}' is not a known key here"
    if kind == "missing":
        return f"'{field}' is missing"
    if kind == "model_type":  # the same words as for a plain mapping
        return f"Input should be a valid dictionary (found {_show(item.get('input'))})"
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_type"}:
        return f"{_show(item.get('input'))} is not a date; write it as YYYY-MM-DD"
    if kind == "date_from_datetime_inexact":
        return f"{_show(item.get('input'))} has a time of day; write the date alone, as YYYY-MM-DD"
    if kind == "string_too_short" and item.get("ctx", {}).get("min_length") == 1:
        return "must not be empty"
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind in {
        "string_type",
        "int_type",
        "int_parsing",
        "float_parsing",
        "dict_type",
        "list_type",
        "bool_type",
        "date_from_datetime_parsing",
        "date_parsing",
        "literal_error",
        "greater_than_equal",
        "less_than_equal",
        "string_too_long",
        "too_long",
        "too_short",
        "int_from_float",
        "string_pattern_mismatch",
    }:
        return f"{message} (found {_show(item.get('input'))})"
    return message


def split_messages(message: str) -> list[str]:
    """A model validator's "a; b; c" as separate problems."""
    return [
        part.strip() for part in message.removeprefix("Value error, ").split("; ") if part.strip()
    ]


def _show(value: Any) -> str:
    text = f"'{value.isoformat()}'" if isinstance(value, dt.date) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_union_tag(part: Any) -> bool:
    # pydantic adds the member type to the location of union errors: "float", "function-…[…]"
    return isinstance(part, str) and (part in _UNION_MEMBERS or "[" in part)


_UNION_MEMBERS = frozenset({"float", "bool", "int", "str", "none", "date"})
