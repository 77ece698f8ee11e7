"""Plan the way from an assessment to a certificate: backlog, schedule, resources and costs.

``load_plan_config`` reads ``plans/plan.yaml`` (with a consultant's file merged over it);
``make_plan`` turns an assessment into a :class:`~readiness.models.plan.Plan` for one scenario;
``make_scenarios`` makes one plan per configured scenario for a side-by-side comparison.
"""

from __future__ import annotations

from readiness.plan.build import make_plan, make_scenarios
from readiness.plan.config import default_config_path, load_plan_config

__all__ = ["default_config_path", "load_plan_config", "make_plan", "make_scenarios"]
