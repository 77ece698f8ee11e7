"""Interface labels in English and Chinese, from ``templates/labels*.yaml``.

``labels.yaml`` holds the summary's and the gap report's; further files (``labels-plan.yaml``
…) add their own keys. A key defined in two files is an error, so no file silently wins. A
consultant's method may change labels (its ``labels.yaml``, see :mod:`readiness.data.method`).
"""

from __future__ import annotations

from functools import cache

from pydantic import RootModel

from readiness.errors import InputError, Problem
from readiness.language import Language
from readiness.paths import templates_dir
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file


class _Labels(RootModel[dict[Language, dict[str, str]]]):
    pass


_OVERLAY: dict[Language, dict[str, str]] = {}
"""Labels a consultant's method changes (see :func:`use_method_labels`)."""


def use_method_labels(table: dict[Language, dict[str, str]]) -> None:
    """Let every later :func:`labels` call show the method's labels over ours.

    Labels are read in every renderer and view of the run; the method of a run is one, so it
    is set once here, before anything is rendered, rather than passed through each of them.
    An empty table goes back to ours.
    """
    _OVERLAY.clear()
    _OVERLAY.update(table)
    labels.cache_clear()


def shipped_labels() -> dict[str, str]:
    """Every label key we ship, with its English text."""
    return dict(_tables()[Language.EN])


@cache
def labels(language: Language) -> dict[str, str]:
    """Every label in ``language``; English fills any gap; a method's labels win over ours."""
    tables = _tables()
    merged = {**tables[Language.EN], **_OVERLAY.get(Language.EN, {})}
    if language is not Language.EN:
        merged |= tables.get(language, {})
        merged |= _OVERLAY.get(language, {})
    return merged


@cache
def _tables() -> dict[Language, dict[str, str]]:
    merged: dict[Language, dict[str, str]] = {Language.EN: {}, Language.ZH: {}}
    seen: dict[str, str] = {}
    for path in sorted(templates_dir().glob("labels*.yaml")):
        document = load_yaml_file(path)
        table = validate_document(_Labels, document, what="a labels file").root
        for key in table.get(Language.EN, {}):
            if key in seen:
                raise InputError(path, [Problem(key, f"label already defined in {seen[key]}")])
            seen[key] = path.name
        for lang, entries in table.items():
            merged.setdefault(lang, {}).update(entries)
    return merged
