"""Shared fixtures: the shipped data, the miniature catalogue, and answer-file builders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.data.catalogue import load_catalogue, load_scoring
from readiness.data.questionnaire import load_questionnaire
from readiness.inputs.answers import load_answers
from readiness.language import Language
from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
EXAMPLE = ROOT / "questionnaires" / "examples" / "acme-cloud-services.yaml"

os.environ.setdefault("NO_COLOR", "1")
os.environ.setdefault("COLUMNS", "120")
# The parsed catalogue is cached (readiness.data.cache): tests keep theirs out of the user's home.
os.environ.setdefault(
    "READINESS_CACHE_DIR",
    str(Path(tempfile.gettempdir()) / f"readiness-test-cache-{getattr(os, 'getuid', lambda: 0)()}"),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files of the reports from the current output",
    )
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (always run under CI=true or with -m)",
    )


def runs_slow_tests(config: pytest.Config) -> bool:
    """True when the slow tests are wanted: ``--slow``, ``CI`` set, or a ``-m`` expression
    (which then decides alone: ``-m slow`` runs only them)."""
    ci = os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}
    return bool(config.getoption("--slow") or ci or config.getoption("markexpr"))


def pytest_configure(config: pytest.Config) -> None:
    # Before the test modules are imported: tests/depth.py reads it.
    os.environ["READINESS_FULL_TESTS"] = "1" if runs_slow_tests(config) else "0"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the slow tests of a plain local ``pytest`` run."""
    if runs_slow_tests(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]


def pytest_report_header(config: pytest.Config) -> str:
    if runs_slow_tests(config):
        return "slow tests: included"
    return "slow tests: left out (run them with --slow, or CI=true; see README, Development)"


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def questionnaire(catalogue: Catalogue) -> Questionnaire:
    return load_questionnaire(catalogue)


@pytest.fixture(scope="session")
def config() -> ScoringConfig:
    return load_scoring()


@pytest.fixture(scope="session")
def mini_catalogue() -> Catalogue:
    return load_catalogue(MINI / "clauses")


@pytest.fixture(scope="session")
def mini_questionnaire(mini_catalogue: Catalogue) -> Questionnaire:
    return load_questionnaire(mini_catalogue, MINI / "questionnaire")


def mini_answers(**overrides: Any) -> AnswerFile:
    """An answer file of the mini questionnaire; keyword arguments replace top-level keys."""
    data: dict[str, Any] = {
        "questionnaire": "mini",
        "questionnaire_version": "1",
        "client": {"name": "Mini Ltd"},
        "answers": {},
    }
    data.update(overrides)
    return AnswerFile.model_validate(data)


def full_answers(questionnaire: Questionnaire, rating: str = "F", **extra: Any) -> dict[str, Any]:
    """Raw answer-file data rating every question of ``questionnaire`` the same."""
    return {
        "questionnaire": questionnaire.id,
        "questionnaire_version": questionnaire.version,
        "client": {"name": "Test Client"},
        "answers": {q.id: {"rating": rating, **extra} for q in questionnaire.questions()},
    }


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or data, dumped as YAML) to a file under tmp_path; return its path."""

    def write(content: str | dict[str, Any], name: str = "answers.yaml") -> Path:
        path = tmp_path / name
        text = (
            content
            if isinstance(content, str)
            else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        )
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def example(questionnaire: Questionnaire, catalogue: Catalogue) -> AnswerFile:
    """The shipped example client's answers."""
    return load_answers(EXAMPLE, questionnaire, catalogue)


@pytest.fixture
def make_workbook(
    tmp_path: Path, catalogue: Catalogue, questionnaire: Questionnaire
) -> Callable[..., Path]:
    """Write a questionnaire workbook (blank, or filled with ``answers``) to tmp_path."""

    def make(name: str = "q.xlsx", language: Language = Language.EN, **options: Any) -> Path:
        from readiness.render.questionnaire.workbook import workbook_bytes

        path = tmp_path / name
        path.write_bytes(workbook_bytes(catalogue, questionnaire, language=language, **options))
        return path

    return make
