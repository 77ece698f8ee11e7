"""The ``compare`` job: two or more assessments of one client in, the progress report out
(with the trend when there are three or more)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import UsageError
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
    files: Sequence[Path], data: Data, *, force: bool = False, across_methods: bool = False
) -> Comparison:
    """Compare the assessments behind ``files`` (answers or saved assessments); assessments
    made with different methods only with ``across_methods``.

    Two files: the first with the second, as given. Three or more: put in date order
    (``assessed_on``), the last two compared and the trend over all of them attached.
    """
    from readiness.jobs.context import assessment_of
    from readiness.scoring.compare import compare
    from readiness.scoring.trend import trend

    if len(files) < 2:
        raise UsageError("compare needs two or more assessments of one client")
    assessments = [
        (str(path), assessment_of(path, data, across_methods=across_methods)) for path in files
    ]
    if len(assessments) == 2:
        (old_name, before), (new_name, after) = assessments
        return compare(
            before, after, force=force, names=(old_name, new_name), across_methods=across_methods
        )
    return trend(assessments, data.catalogue, force=force, across_methods=across_methods)[0]


def compare_into_folder(
    files: Sequence[Path],
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
    """Compare ``files`` (see :func:`compare_files`) and write the progress report into
    ``out`` (``templates``: a consultant's folder overriding shipped templates)."""
    from readiness.outputs.report import COMPARISON_FILES, render_comparison_outputs
    from readiness.outputs.writing import write_outputs

    comparison = compare_files(files, data, force=force, across_methods=across_methods)
    if brand is not None:
        comparison.prepared_by = brand.firm(language)
    rendered = render_comparison_outputs(
        comparison, data.catalogue, language, list(formats), templates, brand
    )
    files_out = {COMPARISON_FILES[output]: content for output, content in rendered.items()}
    return CompareResult(comparison, write_outputs(out, files_out, inputs=list(files)))
