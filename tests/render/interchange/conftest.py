"""Fixtures of the interchange tests: the example's assessment and its standard plan."""

from __future__ import annotations

from tests.plan.conftest import example_assessment, plan_config, standard

__all__ = ["example_assessment", "plan_config", "standard"]
