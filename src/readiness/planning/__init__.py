"""Plan the way from an assessment to a certificate: backlog, schedule, resources and costs.

``load_plan_config`` reads ``plans/plan.yaml`` (with a consultant's file merged over it);
``make_plan`` turns an assessment into a :class:`~readiness.models.plan.Plan` for one scenario;
``make_scenarios`` makes one plan per configured scenario for a side-by-side comparison.

The names load on first use: the command line imports ``readiness.outputs.plan`` at start-up,
and that must not pull in pydantic and the models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.planning.build import make_plan, make_scenarios
    from readiness.planning.config import default_config_path, load_plan_config

__all__ = ["default_config_path", "load_plan_config", "make_plan", "make_scenarios"]

_HOMES = {
    "make_plan": "readiness.planning.build",
    "make_scenarios": "readiness.planning.build",
    "default_config_path": "readiness.planning.config",
    "load_plan_config": "readiness.planning.config",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
