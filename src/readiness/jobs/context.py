"""What every job starts from: the shipped data, loaded once, and assessments from any input."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.models.answers import AnswerFile
    from readiness.models.assessment import Assessment
    from readiness.models.catalogue import Catalogue
    from readiness.models.method import MethodInfo
    from readiness.models.provenance import Disagreement
    from readiness.models.questionnaire import Questionnaire
    from readiness.models.scoring import ScoringConfig


@dataclass(frozen=True)
class Data:
    """The catalogue, the question bank and the scoring parameters a job works with, and the
    consultant's method they were merged with (if any)."""

    catalogue: Catalogue
    questionnaire: Questionnaire
    scoring: ScoringConfig
    method: MethodInfo | None = None
    plan_config: Path | None = None
    """The method's plan configuration, used when no ``--config`` is given."""


def load_data(scoring: Path | None = None, method: Path | None = None) -> Data:
    """The shipped catalogue and question bank, with ``scoring`` (a scoring.yaml) or the
    shipped scoring parameters; with ``method`` (a method folder) merged over all three.

    A method's labels are shown from then on by every renderer of the run; without a method
    ours are (see :func:`readiness.data.labels.use_method_labels`).
    """
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.labels import shipped_labels, use_method_labels
    from readiness.data.questionnaire import load_questionnaire

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    config = load_scoring(scoring)
    if method is None:
        use_method_labels({})
        return Data(catalogue, questionnaire, config)
    from readiness.data import method as overlay

    found = overlay.load_method(method)
    catalogue = overlay.method_catalogue(found, catalogue)
    questionnaire = overlay.method_questionnaire(found, questionnaire, catalogue)
    config = overlay.method_scoring(found, config)
    use_method_labels(overlay.method_labels(found, shipped_labels()))
    return Data(catalogue, questionnaire, config, found.info, found.plan_config)


def assessment_of(path: Path, data: Data, *, across_methods: bool = False) -> Assessment:
    """The assessment behind ``path``: read back if it is a saved ``assessment.json``, else
    made from the answers in it. A saved one made with another method than the run's is
    refused unless ``across_methods``."""
    from readiness.inputs.answers import load_answer_file
    from readiness.inputs.saved import is_saved_assessment, load_assessment
    from readiness.scoring.assess import assess

    if is_saved_assessment(path):
        # checked against the catalogue too
        return load_assessment(
            path, data.catalogue, method=data.method, across_methods=across_methods
        )
    answers = load_answer_file(path, data.questionnaire, data.catalogue)
    return assess(answers, data.catalogue, data.questionnaire, data.scoring, method=data.method)


@dataclass
class Answered:
    """One client's answers: one file's, or several respondents' merged."""

    answers: AnswerFile
    respondents: list[str]
    disagreements: list[Disagreement]


def answers_of(files: Sequence[Path], data: Data, *, merge: bool = False) -> Answered:
    """The answers of ``files``: the first file's, or all of them merged (``merge``)."""
    from readiness.inputs.answers import load_answer_file
    from readiness.scoring.merge import merge_respondents

    loaded = [
        (path.name, load_answer_file(path, data.questionnaire, data.catalogue)) for path in files
    ]
    if not merge:
        return Answered(loaded[0][1], [], [])
    answers, disagreements = merge_respondents(loaded)
    return Answered(answers, [name for name, _ in loaded], disagreements)
