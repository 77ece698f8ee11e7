"""What every job starts from: the shipped data, loaded once, and assessments from any input."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.models.answers import AnswerFile
    from readiness.models.assessment import Assessment, Disagreement
    from readiness.models.catalogue import Catalogue
    from readiness.models.questionnaire import Questionnaire
    from readiness.models.scoring import ScoringConfig


@dataclass(frozen=True)
class Data:
    """The catalogue, the question bank and the scoring parameters a job works with."""

    catalogue: Catalogue
    questionnaire: Questionnaire
    scoring: ScoringConfig


def load_data(scoring: Path | None = None) -> Data:
    """The shipped catalogue and question bank, with ``scoring`` (a scoring.yaml) or the
    shipped scoring parameters."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire

    catalogue = load_catalogue()
    return Data(catalogue, load_questionnaire(catalogue), load_scoring(scoring))


def assessment_of(path: Path, data: Data) -> Assessment:
    """The assessment behind ``path``: read back if it is a saved ``assessment.json``, else
    made from the answers in it."""
    from readiness.inputs.answers import load_answer_file
    from readiness.inputs.saved import is_saved_assessment, load_assessment
    from readiness.scoring.assess import assess

    if is_saved_assessment(path):
        return load_assessment(path, data.catalogue)  # checked against the catalogue too
    answers = load_answer_file(path, data.questionnaire, data.catalogue)
    return assess(answers, data.catalogue, data.questionnaire, data.scoring)


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
