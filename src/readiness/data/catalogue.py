"""Load the catalogue of the standard and the scoring parameters from YAML."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field

from readiness.data.cache import cached_model, source_key
from readiness.models.catalogue import Area, Catalogue, Clause, Part, Requirement
from readiness.models.common import LocalText, NonEmpty, Strict
from readiness.models.scoring import ScoringConfig
from readiness.paths import clauses_dir
from readiness.sources.validation import construct, validate_document, validate_files
from readiness.sources.yaml import load_yaml_file

EDITION_FOLDER = "iso20000-1-2018"


class _ClausesFile(Strict):
    standard: NonEmpty
    edition: NonEmpty
    catalogue_version: NonEmpty
    title: LocalText
    clauses: list[Clause] = Field(min_length=1)


class _RequirementsFile(Strict):
    requirements: list[Requirement] = Field(min_length=1)


class _AreasFile(Strict):
    parts: list[Part] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """Load the catalogue from ``folder`` (default: the shipped ``clauses/``).

    Raises :class:`InputError` naming the file and line of every problem. A catalogue parsed
    once is read back from the cache (:mod:`readiness.data.cache`) until its files change.
    """
    return _load_catalogue((folder or clauses_dir()).resolve())


def catalogue_key(catalogue: Catalogue) -> str | None:
    """The cache key of a catalogue loaded by :func:`load_catalogue` (None for others)."""
    return _KEYS.get(id(catalogue), (None, None))[1]


_KEYS: dict[int, tuple[Catalogue, str | None]] = {}
"""Per loaded catalogue, its key; the catalogue is kept in the value so its id stays unique."""


@cache
def _load_catalogue(folder: Path) -> Catalogue:
    edition = folder / EDITION_FOLDER
    files = [edition / "clauses.yaml", *sorted(edition.glob("requirements-*.yaml"))]
    key = source_key("catalogue", folder, [*files, folder / "areas.yaml"])
    catalogue = cached_model(Catalogue, "catalogue", key, lambda: _parse_catalogue(folder))
    _KEYS[id(catalogue)] = (catalogue, key)
    return catalogue


def _parse_catalogue(folder: Path) -> Catalogue:
    edition = folder / EDITION_FOLDER
    head = validate_document(
        _ClausesFile, load_yaml_file(edition / "clauses.yaml"), what="a clause list"
    )
    files = validate_files(
        _RequirementsFile, edition, "requirements-*.yaml", what="a requirements file"
    )
    areas = validate_document(
        _AreasFile, load_yaml_file(folder / "areas.yaml"), what="an areas file"
    )
    return construct(
        Catalogue,
        folder,
        standard=head.standard,
        edition=head.edition,
        catalogue_version=head.catalogue_version,
        title=head.title,
        clauses=head.clauses,
        requirements=[r for file in files for r in file.requirements],
        parts=areas.parts,
        areas=areas.areas,
    )


def load_scoring(path: Path | None = None) -> ScoringConfig:
    """Load the scoring parameters (thresholds, caps, verdict rules)."""
    return _load_scoring((path or clauses_dir() / "scoring.yaml").resolve())


@cache
def _load_scoring(path: Path) -> ScoringConfig:
    return validate_document(ScoringConfig, load_yaml_file(path), what="a scoring file")
