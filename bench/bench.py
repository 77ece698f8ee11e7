"""Speed of readiness, reported as ratios against baselines measured in the same run.

    python bench/bench.py [--repeat 7] [--sizes 1000,10000] [--workers 2]

- start-up: `readiness --version` against `python -c "import typer"`;
- one assessment: `readiness assess` of the shipped example, writing every format (HTML,
  Markdown, Excel, JSON), against `python -c "import typer, rich, pydantic, yaml, openpyxl,
  jinja2"`, and with `--format json` only against `python -c "import typer, pydantic, yaml"`;
- planning: in one process, the time to plan the example (standard scenario) and a synthetic
  assessment with every requirement failing, against the time to score the example;
- rendering: in one process, the time to render each format of the example's report against
  the time to score it (parse the answers and assess);
- reading an answered workbook: `read_workbook` of the example as .xlsx against openpyxl's
  bare `load_workbook(read_only=True)` of the same file (iterating every cell);
- many files: time to read and score N synthetic answer files (YAML text in memory, parsed
  and assessed as the CLI does), for each N, to show the time grows linearly;
- a portfolio as a user runs it: `readiness assess` of 200 synthetic client files with
  `--format json` (worker processes, one per core), in milliseconds a file;
- peak memory (VmHWM) of `readiness assess` of the example with every format, and of the
  largest process of each many-files run, against the 200 MiB bound.
Each time is the best of repeated runs (the machine may be shared: the best run is the one
least disturbed), each ratio is against a baseline measured in the same run. Nothing is
asserted; the last table says which of issue 11's targets are met.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "questionnaires" / "examples" / "acme-cloud-services.yaml"
MIB = 2**20
PEAK_TARGET = 200 * MIB
"""Issue 6's bound on peak memory."""
PORTFOLIO = 200
"""Client files of the portfolio run."""


def best_seconds(command: list[str], repeat: int) -> float:
    """Best wall time of running ``command`` ``repeat`` times (after one warm-up run)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def synthetic_texts(count: int, seed: int = 20) -> list[str]:
    """``count`` distinct answer files as YAML text, with random ratings and evidence facts."""
    from readiness.data.catalogue import load_catalogue
    from readiness.data.questionnaire import load_questionnaire

    questionnaire = load_questionnaire(load_catalogue())
    rng = random.Random(seed)
    texts = []
    for index in range(count):
        answers = {
            q.id: {
                "rating": rng.choice("NPLF"),
                "documented": rng.choice(["yes", "partly", "no"]),
                "practised": rng.choice(["yes", "partly", "no"]),
                "evidence": [f"DOC-{rng.randint(1, 999):03d}"],
                "owner": rng.choice(["Li Wei", "Zhang Min", "Wang Fang"]),
            }
            for q in questionnaire.questions()
            if rng.random() < 0.95
        }
        data = {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": f"Client {index}", "personnel_in_scope": rng.randint(5, 500)},
            "answers": answers,
            "figures": {
                "emergency_change_share": rng.randint(0, 90),
                "trial_run_months": rng.randint(0, 6),
            },
        }
        texts.append(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return texts


def peak_rss() -> int:
    """This process's peak resident memory in bytes (VmHWM: its own, not its parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


PEAK_CHILD = """
import atexit, sys
from pathlib import Path
def report():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            print("PEAK", int(line.split()[1]) * 1024, file=sys.stderr)
atexit.register(report)
sys.argv = ["readiness", *sys.argv[1:]]
from readiness.cli.app import main
main()
"""


def peak_of_command(arguments: list[str]) -> int:
    """Peak resident memory, in bytes, of one ``readiness`` run with ``arguments``."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_CHILD, *arguments], capture_output=True, text=True, check=True
    )
    return int(done.stderr.rsplit("PEAK ", 1)[1].split()[0])


def score_texts(texts: list[str]) -> tuple[int, int]:
    """Parse, check and assess each text as `readiness assess` does; return the count and the
    process's peak memory."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import parse_answers
    from readiness.scoring.assess import assess

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    config = load_scoring()
    for number, text in enumerate(texts):
        answers = parse_answers(text, f"client-{number}.yaml", questionnaire, catalogue)
        assess(answers, catalogue, questionnaire, config).model_dump_json()
    return len(texts), peak_rss()


def warm_up(seconds: float) -> None:
    """Import what scoring needs and hold the worker, so that each worker gets one."""
    score_texts([])
    time.sleep(seconds)


def time_many(count: int, pool_texts: list[str], workers: int) -> tuple[float, int]:
    """Seconds to score ``count`` files (cycling through the distinct texts) on ``workers``,
    and the largest peak memory of a process doing it."""
    texts = [pool_texts[i % len(pool_texts)] for i in range(count)]
    chunks = [texts[i::workers] for i in range(workers)]
    # Spawned workers, as the portfolio runs them: a forked worker would count the pages it
    # shares with this process (which has rendered a PDF by now) in its own peak.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
        list(pool.map(warm_up, [0.5] * workers))  # every worker started and its imports done
        start = time.perf_counter()
        results = list(pool.map(score_texts, chunks))
    done, peak = sum(r[0] for r in results), max(r[1] for r in results)
    assert done == count
    return time.perf_counter() - start, peak


def time_workbook_read(repeat: int) -> tuple[float, float]:
    """Best seconds to read the example as a workbook, and to merely load it with openpyxl."""
    from openpyxl import load_workbook

    from readiness.data.catalogue import load_catalogue
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answers
    from readiness.inputs.workbook import read_workbook
    from readiness.language import Language
    from readiness.render.questionnaire.workbook import workbook_bytes

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    answers = load_answers(EXAMPLE, questionnaire, catalogue)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.xlsx"
        path.write_bytes(
            workbook_bytes(catalogue, questionnaire, language=Language.EN, answers=answers)
        )

        def bare() -> None:
            workbook = load_workbook(path, read_only=True)
            for sheet in workbook.worksheets:
                for _row in sheet.iter_rows(values_only=True):
                    pass
            workbook.close()

        def ours() -> None:
            read_workbook(path, questionnaire, catalogue)

        return _best_call(ours, repeat), _best_call(bare, repeat)


def time_rendering(repeat: int) -> tuple[float, dict[str, float]]:
    """Best seconds to score the example, and to render each report format from the result."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answers
    from readiness.language import Language
    from readiness.outputs.report import ReportFormat, render_outputs
    from readiness.scoring.assess import assess

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    config = load_scoring()

    def score() -> None:
        assess(load_answers(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config)

    result = assess(
        load_answers(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config
    )
    # PDF (WeasyPrint, opt-in) takes about a minute for the example's report: timed once.
    quick: list[ReportFormat] = [
        output for output in ReportFormat if output is not ReportFormat.PDF
    ]
    renders = {
        output.value: _best_call(partial(_render, result, catalogue, questionnaire, output), repeat)
        for output in quick
    }
    renders["all but pdf"] = _best_call(
        lambda: render_outputs(result, catalogue, questionnaire, Language.EN, quick),
        repeat,
    )
    if importlib.util.find_spec("weasyprint") is not None:
        begin = time.perf_counter()
        render_outputs(result, catalogue, questionnaire, Language.EN, [ReportFormat.PDF])
        renders["pdf (once)"] = time.perf_counter() - begin
    return _best_call(score, repeat), renders


def time_planning(repeat: int) -> tuple[float, float, float, float]:
    """Best seconds: score the example; plan it; plan an all-failing one; render the plan."""
    import datetime as dt

    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answers
    from readiness.language import Language
    from readiness.models.answers import AnswerFile
    from readiness.outputs.plan import PlanFormat, render_plan_outputs
    from readiness.planning import load_plan_config, make_plan, make_scenarios
    from readiness.scoring.assess import assess

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    config = load_scoring()
    plan_config = load_plan_config(catalogue=catalogue)
    start = dt.date(2027, 1, 4)

    def score() -> None:
        assess(load_answers(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config)

    example = assess(
        load_answers(EXAMPLE, questionnaire, catalogue), catalogue, questionnaire, config
    )
    failing_answers = AnswerFile.model_validate(
        {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": "Everything fails"},
            "answers": {q.id: {"rating": "N"} for q in questionnaire.questions()},
        }
    )
    failing = assess(failing_answers, catalogue, questionnaire, config)
    plans = make_scenarios(example, catalogue, plan_config, start=start)
    return (
        _best_call(score, repeat),
        _best_call(lambda: make_plan(example, catalogue, plan_config, start=start), repeat),
        _best_call(lambda: make_plan(failing, catalogue, plan_config, start=start), repeat),
        _best_call(
            lambda: render_plan_outputs(
                plans[0], Language.EN, [f for f in PlanFormat if f is not PlanFormat.PDF], plans[1:]
            ),
            repeat,
        ),
    )


def time_portfolio(texts: list[str], readiness: str, repeat: int) -> float:
    """Best seconds of `readiness assess` of ``PORTFOLIO`` files with ``--format json``."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number in range(PORTFOLIO):
            path = Path(folder) / f"client-{number:03d}.yaml"
            path.write_text(texts[number % len(texts)], encoding="utf-8")
            files.append(str(path))
        out = str(Path(folder) / "out")
        command = [readiness, "assess", *files, "--out", out, "--quiet", "--format", "json"]
        return best_seconds(command, repeat)


def target_rows(
    measured: dict[str, float], sizes: list[int], workers: int
) -> list[tuple[str, str, str]]:
    """Issue 11's targets: each with the measured figure and whether it is met."""
    rows: list[tuple[str, str, str]] = []

    def check(name: str, value: float, limit: float, shown: str) -> None:
        rows.append((name, shown, "met" if value <= limit else "MISSED"))

    check(
        "assess example, every format <= 2x the six imports",
        measured["every"],
        2.0,
        f"{measured['every']:.2f}x",
    )
    if 1000 in sizes:
        seconds = measured["files-1000"]
        check(f"1,000 files <= 5 s ({workers} workers)", seconds, 5.0, f"{seconds:.1f} s")
        if 10000 in sizes:
            ratio = measured["files-10000"] / seconds
            check("10,000 files within 11x of 1,000", ratio, 11.0, f"{ratio:.2f}x")
    check("--version <= 1.3x import typer", measured["version"], 1.3, f"{measured['version']:.2f}x")
    peak = measured["peak"] / MIB
    check("peak memory <= 200 MiB", peak, 200.0, f"{peak:.0f} MiB")
    per = measured["portfolio"]
    check(f"assess {PORTFOLIO} files --format json < 10 ms a file", per, 10.0, f"{per:.1f} ms/file")
    return rows


def _render(result: Any, catalogue: Any, questionnaire: Any, output: Any) -> object:
    from readiness.language import Language
    from readiness.outputs.report import render_outputs

    return render_outputs(result, catalogue, questionnaire, Language.EN, [output])


def _best_call(function: Callable[[], object], repeat: int) -> float:
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    # An installed wheel carries compiled modules; an editable install run with
    # PYTHONDONTWRITEBYTECODE would compile every module of ours on each start instead.
    import compileall

    compileall.compile_dir(ROOT / "src", quiet=1)
    readiness = shutil.which("readiness") or "readiness"
    python = sys.executable
    rows: list[tuple[str, str, str]] = []

    typer_only = best_seconds([python, "-c", "import typer"], options.repeat)
    version = best_seconds([readiness, "--version"], options.repeat)
    rows.append(
        (
            "readiness --version",
            f"{version * 1000:.0f} ms",
            f"{version / typer_only:.2f}x import typer ({typer_only * 1000:.0f} ms)",
        )
    )

    heavy = "import typer, rich, pydantic, yaml, openpyxl, jinja2"
    imports_all = best_seconds([python, "-c", heavy], options.repeat)
    imports = best_seconds([python, "-c", "import typer, pydantic, yaml"], options.repeat)
    with tempfile.TemporaryDirectory() as out:
        every = best_seconds(
            [readiness, "assess", str(EXAMPLE), "--out", out, "--quiet"], options.repeat
        )
        one = best_seconds(
            [readiness, "assess", str(EXAMPLE), "--out", out, "--quiet", "--format", "json"],
            options.repeat,
        )
    rows.append(
        (
            "readiness assess example, every format",
            f"{every * 1000:.0f} ms",
            f"{every / imports_all:.2f}x {heavy} ({imports_all * 1000:.0f} ms)",
        )
    )
    rows.append(
        (
            "readiness assess example, json only",
            f"{one * 1000:.0f} ms",
            f"{one / imports:.2f}x import typer, pydantic, yaml ({imports * 1000:.0f} ms)",
        )
    )

    scoring, renders = time_rendering(options.repeat)
    rows.append(("score the example (in process)", f"{scoring * 1000:.0f} ms", ""))
    for name, seconds in renders.items():
        rows.append(
            (
                f"render {name}",
                f"{seconds * 1000:.0f} ms",
                f"{seconds / scoring:.2f}x scoring",
            )
        )

    scoring_time, plan_example, plan_failing, plan_render = time_planning(options.repeat)
    for name, seconds in (
        ("plan the example", plan_example),
        ("plan an all-failing assessment", plan_failing),
        ("render the plan, every format but pdf", plan_render),
    ):
        rows.append(
            (name, f"{seconds * 1000:.0f} ms", f"{seconds / scoring_time:.2f}x scoring the example")
        )

    workbook_read, bare_read = time_workbook_read(options.repeat)
    rows.append(
        (
            "read answered workbook",
            f"{workbook_read * 1000:.0f} ms",
            f"{workbook_read / bare_read:.2f}x openpyxl read-only load ({bare_read * 1000:.0f} ms)",
        )
    )

    distinct = synthetic_texts(50)
    sizes = [int(size) for size in options.sizes.split(",")]
    timings: dict[int, float] = {}
    peaks: dict[int, int] = {}
    for size in sizes:
        timings[size], peaks[size] = time_many(size, distinct, options.workers)
    for size, seconds in timings.items():
        per = seconds / size * 1000
        ratio = (
            f"{seconds / timings[sizes[0]]:.2f}x the {sizes[0]:,} run" if size != sizes[0] else ""
        )
        rows.append(
            (
                f"score {size:,} files ({options.workers} workers)",
                f"{seconds:.1f} s ({per:.1f} ms/file)",
                ratio,
            )
        )

    with tempfile.TemporaryDirectory() as out:
        one_peak = peak_of_command(["assess", str(EXAMPLE), "--out", out, "--quiet"])
    rows.append(
        (
            "peak memory: assess example, every format",
            f"{one_peak / MIB:.0f} MiB",
            f"{one_peak / PEAK_TARGET:.2f}x the 200 MiB target",
        )
    )
    for size, peak in peaks.items():
        rows.append(
            (
                f"peak memory: {size:,} files, largest process",
                f"{peak / MIB:.0f} MiB",
                f"{peak / PEAK_TARGET:.2f}x the 200 MiB target",
            )
        )

    portfolio = time_portfolio(distinct, readiness, min(options.repeat, 3))
    rows.append(
        (
            f"readiness assess {PORTFOLIO} files --format json",
            f"{portfolio:.1f} s ({portfolio / PORTFOLIO * 1000:.1f} ms/file)",
            f"{os.cpu_count()} cores",
        )
    )
    measured = {
        "every": every / imports_all,
        "version": version / typer_only,
        "peak": max([one_peak, *peaks.values()]),
        "portfolio": portfolio / PORTFOLIO * 1000,
        **{f"files-{size}": seconds for size, seconds in timings.items()},
    }
    width = max(len(row[0]) for row in rows)
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:>22}  {ratio}")
    print("\ntargets of issue 11")
    checks = target_rows(measured, sizes, options.workers)
    width = max(len(row[0]) for row in checks)
    for name, value, verdict in checks:
        print(f"{name:<{width}}  {value:>14}  {verdict}")


if __name__ == "__main__":
    main()
