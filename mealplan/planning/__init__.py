"""The weekly-plan optimiser: pure Python and HiGHS, no Django (see docs/planner.md)."""

from mealplan.planning.filters import filter_candidates
from mealplan.planning.optimiser import plan_week
from mealplan.planning.types import Candidate, Locked, PlannedMeal, PlanRequest, PlanResult, Shortfall

__all__ = [
    "Candidate",
    "Locked",
    "PlanRequest",
    "PlanResult",
    "PlannedMeal",
    "Shortfall",
    "filter_candidates",
    "plan_week",
]
