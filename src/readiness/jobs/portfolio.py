"""The portfolio job: many clients in one run, each assessed into its own folder on every
core, then one summary of them all.

``assess_client`` never raises for a bad input: the portfolio goes on past it and lists the
problem in the summary. It runs in worker processes, so it takes and returns plain data.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import ReadinessError
from readiness.language import Language
from readiness.models.portfolio import ClientResult
from readiness.outputs.report import FILE_NAMES, ReportFormat

SUMMARY_NAMES = ("portfolio.md", "portfolio.xlsx")
"""Files of the portfolio summary, beside the client folders: no client folder takes them."""
MAX_FOLDER_NAME = 64
"""Characters of a client folder's name (file systems allow 255 bytes, Windows 260 a path)."""


WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]]
)
"""Names Windows keeps for devices, with any extension (``nul.backup`` is the device NUL)."""


def client_folders(files: Sequence[Path]) -> list[str]:
    """A distinct folder name per file: its stem, made safe and short, numbered when stems
    repeat (compared without case, as Windows and macOS disks do), never a summary's name
    nor a Windows device's (``con`` becomes ``client-con``)."""
    names: list[str] = []
    taken = {name.casefold() for name in SUMMARY_NAMES}
    for path in files:
        base = re.sub(r"[^\w.-]+", "-", path.stem)[:MAX_FOLDER_NAME].strip("-.") or "client"
        if base.split(".")[0].casefold() in WINDOWS_DEVICES:
            base = f"client-{base}"
        name, number = base, 2
        while name.casefold() in taken:
            name, number = f"{base}-{number}", number + 1
        names.append(name)
        taken.add(name.casefold())
    return names


def assess_client(
    path: Path,
    folder: Path,
    language: Language,
    formats: Sequence[ReportFormat],
    scoring: Path | None = None,
    inputs: Sequence[Path] = (),
) -> ClientResult:
    """Assess one answer file and write its reports into ``folder``; report problems as data.

    ``inputs`` are every file of the run: no output replaces any of them."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answer_file
    from readiness.outputs.report import render_outputs
    from readiness.outputs.writing import write_outputs
    from readiness.scoring.assess import assess

    try:
        catalogue = load_catalogue()
        questionnaire = load_questionnaire(catalogue)
        answers = load_answer_file(path, questionnaire, catalogue)
        result = assess(answers, catalogue, questionnaire, load_scoring(scoring))
        rendered = render_outputs(result, catalogue, questionnaire, language, list(formats))
        named = {FILE_NAMES[output]: data for output, data in rendered.items()}
        write_outputs(folder, named, inputs=[path, *inputs])
    except ReadinessError as error:
        return ClientResult(file=str(path), folder=str(folder), error=str(error))
    processes = [a for a in result.areas if a.process and a.score is not None]
    weakest = min(processes, key=lambda a: (a.score or 0.0, a.id), default=None)
    counts = result.counts.total  # the one count every output shows
    return ClientResult(
        file=str(path),
        folder=str(folder),
        client=result.client.name,
        verdict=result.verdict.verdict.value,
        score=result.overall.score,
        weakest=f"{weakest.id} {catalogue.area(weakest.id).title.get(language)}"
        if weakest
        else None,
        weakest_score=weakest.score if weakest else None,
        blockers=len(result.blockers),
        majors=counts.major,
        minors=counts.minor,
        error=None,
    )


@dataclass
class PortfolioResult:
    """Every client's result, in the order of the files given, and the summary files written."""

    clients: list[ClientResult]
    written: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> list[ClientResult]:
        """The clients whose file could not be assessed."""
        return [r for r in self.clients if r.error is not None]


def run_portfolio(
    files: Sequence[Path],
    out: Path,
    formats: Sequence[ReportFormat],
    language: Language,
    scoring: Path | None = None,
    *,
    workers: int | None = None,
    on_done: Callable[[ClientResult], None] | None = None,
) -> PortfolioResult:
    """Assess each file into ``out/<name>/`` in parallel and write the portfolio summary
    (``portfolio.md``, ``portfolio.xlsx``). A bad file does not stop the others: its problem
    is in its result. ``on_done`` is called as each client finishes (for a progress bar)."""
    from readiness.outputs.writing import check_folder, prepare_folder, write_outputs
    from readiness.render.portfolio import portfolio_markdown, portfolio_workbook

    folder = prepare_folder(out, files)
    targets = [folder / name for name in client_folders(files)]
    for target in targets:  # a usage problem, found before any client is assessed
        check_folder(target)
    count = min(workers or os.cpu_count() or 1, len(files))
    results: dict[int, ClientResult] = {}
    spawn = multiprocessing.get_context("spawn")  # as on Windows: nothing inherited by fork
    with ProcessPoolExecutor(max_workers=count, mp_context=spawn) as pool:
        futures = {
            pool.submit(
                assess_client, path, target, language, list(formats), scoring, list(files)
            ): index
            for index, (path, target) in enumerate(zip(files, targets, strict=True))
        }
        for future in as_completed(futures):
            results[futures[future]] = done = future.result()
            if on_done is not None:
                on_done(done)
    ordered = [results[index] for index in range(len(files))]
    summary: dict[str, str | bytes] = {
        "portfolio.md": portfolio_markdown(ordered, language),
        "portfolio.xlsx": portfolio_workbook(ordered, language),
    }
    return PortfolioResult(ordered, write_outputs(folder, summary, inputs=files))
