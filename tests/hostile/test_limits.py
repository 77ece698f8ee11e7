"""The worst inputs of the corpus stay within bounded memory and time.

They are loaded in a child process whose address space is capped (``RLIMIT_AS``), so that a
bomb that got through would fail the test with a MemoryError instead of taking the machine
down; the child reports, per case, the outcome and the time, and at the end its peak RSS.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import FILES
from tests.hostile.generate import build

ADDRESS_SPACE = 512 * 2**20
"""The child's whole address space; the interpreter with every library takes about 190 MiB."""
PEAK_RSS = 300 * 2**20
"""Most resident memory the child may reach while refusing every case."""
TIME_LIMIT = 5.0

WORST = {
    "alias-bomb.yaml": None,
    "huge.yaml": "huge_yaml",
    "deep100k.yaml": "deep_flow_100k",
    "deep10k.yaml": "deep_flow_10k",
    "deep-block.yaml": "deep_block",
    "many-values.yaml": "many_values",
    "long-scalar.yaml": "long_scalar",
    "many-ids.yaml": "many_unknown_ids",
    "figure-huge-int.yaml": None,
    "bomb.xlsx": "zip_bomb",
    "ratio.xlsx": "zip_bomb_ratio",
    "lying.xlsx": "zip_bomb_lying",
    "lol-sheet.xlsx": "xml_bomb_sheet",
    "lol-strings.xlsx": "xml_bomb_shared_strings",
    "lol-book.xlsx": "xml_bomb_workbook",
    "parts.xlsx": "too_many_parts",
    "huge.xlsx": "huge_xlsx",
}

CHILD = """
import json, resource, sys, time
from pathlib import Path
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from readiness.inputs.answers import load_answer_file
from readiness.data.catalogue import load_catalogue
from readiness.errors import InputError
from readiness.data.questionnaire import load_questionnaire
import readiness.inputs.workbook  # imported before measuring, like the CLI does
catalogue = load_catalogue()
questionnaire = load_questionnaire(catalogue)
def peak_rss():
    # VmHWM belongs to this process's own memory map. ru_maxrss would not do: Linux carries it
    # over exec, so it would report the peak of the pytest process that spawned this child.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
results = {}
for name in sys.argv[2:]:
    start = time.perf_counter()
    try:
        load_answer_file(Path(name), questionnaire, catalogue)
        outcome = "accepted"
    except InputError as error:
        outcome = "refused: " + str(error).split(": ", 1)[-1][:120]
    except BaseException as error:
        outcome = "CRASH " + type(error).__name__ + ": " + str(error)[:200]
    rss = peak_rss()
    results[Path(name).name] = [outcome, time.perf_counter() - start, rss]
print(json.dumps(results))
"""


@pytest.mark.slow
def test_worst_cases_in_bounded_memory_and_time(tmp_path: Path) -> None:
    paths = []
    for name, builder in WORST.items():
        path = tmp_path / name
        if builder:
            build(builder, path)
        else:
            path.write_bytes((FILES / name).read_bytes())
        paths.append(str(path))
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(ADDRESS_SPACE), *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    results = json.loads(child.stdout)
    assert set(results) == set(WORST)
    for name, (outcome, seconds, rss) in results.items():
        assert outcome.startswith("refused: "), f"{name}: {outcome}"
        assert seconds < TIME_LIMIT, f"{name}: {seconds:.1f} s"
        assert rss < PEAK_RSS, f"{name}: peak RSS {rss / 2**20:.0f} MiB"
