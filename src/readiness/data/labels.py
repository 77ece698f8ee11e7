"""Interface labels in English and Chinese, from ``templates/labels*.yaml``.

``labels.yaml`` holds the summary's and the gap report's; further files (``labels-plan.yaml``
…) add their own keys. A key defined in two files is an error, so no file silently wins.
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


@cache
def labels(language: Language) -> dict[str, str]:
    """Every label in ``language``; English fills any gap."""
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
    return {**merged[Language.EN], **merged.get(language, {})}
