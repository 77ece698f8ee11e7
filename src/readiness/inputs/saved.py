"""Saved assessments (``assessment.json``) read back, for planning and comparing.

JSON is read with the same safe YAML reader as every other input (JSON is YAML's subset for
what we write), so a broken file gets the same kind of message: the file, the line, the key.
"""

from __future__ import annotations

from pathlib import Path

from readiness.models.assessment import Assessment
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file


def is_saved_assessment(path: Path) -> bool:
    """Whether ``path`` names a saved assessment rather than an answer file."""
    return path.suffix.lower() == ".json"


def load_assessment(path: Path) -> Assessment:
    """A saved assessment, validated against the current schema (InputError if it is not one)."""
    document = load_yaml_file(path)
    return validate_document(Assessment, document, what="a saved assessment (assessment.json)")
