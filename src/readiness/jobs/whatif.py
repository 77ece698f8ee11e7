"""The ``whatif`` job: one client's answers in, the fewest improvements to the target out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.jobs.context import Data
    from readiness.models.answers import AnswerFile
    from readiness.models.whatif import WhatIf


@dataclass
class WhatIfResult:
    """The what-if and the files written."""

    whatif: WhatIf
    written: list[Path] = field(default_factory=list)


def what_if_of(
    answers: AnswerFile,
    data: Data,
    *,
    target: float | None = None,
    config_path: Path | None = None,
) -> WhatIf:
    """The what-if of ``answers`` to ``target`` (default: the scoring's target score), priced
    with the plan configuration at ``config_path`` (default: the shipped one)."""
    from readiness.planning import load_plan_config
    from readiness.planning.whatif import what_if

    plan = load_plan_config(config_path, catalogue=data.catalogue)
    return what_if(answers, data.catalogue, data.questionnaire, data.scoring, plan, target=target)


def what_if_files(
    files: Sequence[Path],
    data: Data,
    *,
    merge: bool = False,
    target: float | None = None,
    config_path: Path | None = None,
    out: Path | None = None,
) -> WhatIfResult:
    """The what-if of one client's answer files (several respondents with ``merge``); with
    ``out``, ``whatif.json`` is written there."""
    from readiness.errors import UsageError
    from readiness.inputs.saved import is_saved_assessment
    from readiness.jobs.context import answers_of
    from readiness.outputs.report import WHATIF_FILE, whatif_json
    from readiness.outputs.writing import write_outputs

    saved = [str(path) for path in files if is_saved_assessment(path)]
    if saved:
        raise UsageError(
            f"{', '.join(saved)}: a what-if changes answers, so it needs the answer file (YAML "
            "or Excel), not a saved assessment.json"
        )
    answered = answers_of(files, data, merge=merge)
    result = WhatIfResult(
        what_if_of(answered.answers, data, target=target, config_path=config_path)
    )
    if out is not None:
        inputs = [*files, config_path] if config_path else list(files)
        result.written = write_outputs(
            out, {WHATIF_FILE: whatif_json(result.whatif)}, inputs=inputs
        )
    return result
