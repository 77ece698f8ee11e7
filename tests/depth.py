"""How deep the property and fuzz tests go: fully when the slow tests run, lightly otherwise.

``tests/conftest.py`` sets ``READINESS_FULL_TESTS=1`` before any test module is imported when
the run includes the slow tests (``--slow``, ``CI=true`` or ``-m``); a plain local ``pytest``
draws a sixth of the examples, so that it stays fast and still exercises every property.
"""

from __future__ import annotations

import os

FULL = os.environ.get("READINESS_FULL_TESTS") == "1"
"""True in a run that includes the slow tests."""


def examples(full: int) -> int:
    """Hypothesis examples for a test that draws ``full`` of them in a full run."""
    return full if FULL else max(5, full // 6)
