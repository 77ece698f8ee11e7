"""The ``compare`` job: two assessments of one client in, the progress report out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language

if TYPE_CHECKING:
    from readiness.jobs.context import Data
    from readiness.models.brand import Brand
    from readiness.models.comparison import Comparison
    from readiness.outputs.report import ReportFormat


@dataclass
class CompareResult:
    """The comparison and the files written."""

    comparison: Comparison
    written: list[Path] = field(default_factory=list)


def compare_files(
    old: Path, new: Path, data: Data, *, force: bool = False, across_methods: bool = False
) -> Comparison:
    """Compare the assessments behind ``old`` and ``new`` (answers or saved assessments);
    two made with different methods only with ``across_methods``."""
    from readiness.jobs.context import assessment_of
    from readiness.scoring.compare import compare

    before = assessment_of(old, data, across_methods=across_methods)
    after = assessment_of(new, data, across_methods=across_methods)
    names = (str(old), str(new))
    return compare(before, after, force=force, names=names, across_methods=across_methods)


def compare_into_folder(
    old: Path,
    new: Path,
    out: Path,
    data: Data,
    *,
    formats: Sequence[ReportFormat],
    language: Language = Language.EN,
    force: bool = False,
    templates: Path | None = None,
    across_methods: bool = False,
    brand: Brand | None = None,
) -> CompareResult:
    """Compare ``old`` with ``new`` and write the progress report into ``out`` (``templates``:
    a consultant's folder overriding shipped templates)."""
    from readiness.outputs.report import COMPARISON_FILES, render_comparison_outputs
    from readiness.outputs.writing import write_outputs

    comparison = compare_files(old, new, data, force=force, across_methods=across_methods)
    if brand is not None:
        comparison.prepared_by = brand.firm(language)
    rendered = render_comparison_outputs(
        comparison, data.catalogue, language, list(formats), templates, brand
    )
    files = {COMPARISON_FILES[output]: content for output, content in rendered.items()}
    return CompareResult(comparison, write_outputs(out, files, inputs=[old, new]))
