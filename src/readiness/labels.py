"""Interface labels in English and Chinese, from ``templates/labels.yaml``."""

from __future__ import annotations

from functools import cache

from pydantic import RootModel

from readiness.language import Language
from readiness.paths import templates_dir
from readiness.validation import validate_document
from readiness.yamlsource import load_yaml_file


class _Labels(RootModel[dict[Language, dict[str, str]]]):
    pass


@cache
def labels(language: Language) -> dict[str, str]:
    """Every label in ``language``; English fills any gap."""
    document = load_yaml_file(templates_dir() / "labels.yaml")
    table = validate_document(_Labels, document, what="a labels file").root
    return {**table[Language.EN], **table.get(language, {})}
