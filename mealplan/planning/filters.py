"""Which recipes a request allows, per slot, and why a slot ended up empty."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mealplan.planning.types import Candidate, PlanRequest

HIGH_FODMAP_LEVELS = frozenset({"moderate", "high"})


def fits_diet(candidate: Candidate, diet: str) -> bool:
    """Omnivore takes every recipe; any other diet must be among the recipe's diets."""
    return diet in ("", "omnivore") or diet in candidate.diets


def passes_food_filters(candidate: Candidate, request: PlanRequest) -> bool:
    """Diet, allergens, excluded foods and low-FODMAP: the filters that do not depend on the slot."""
    return (
        fits_diet(candidate, request.diet)
        and not (candidate.allergens & request.exclude_allergens)
        and not (candidate.food_ids & request.exclude_food_ids)
        and not (request.low_fodmap and candidate.fodmap_level in HIGH_FODMAP_LEVELS)
    )


def fits_time(candidate: Candidate, slot: str, request: PlanRequest) -> bool:
    """Within the slot's time limit. With a limit set, a recipe of unknown time does not fit."""
    limit = request.max_minutes.get(slot)
    if limit is None:
        return True
    return candidate.total_minutes is not None and candidate.total_minutes <= limit


def fits_slot(candidate: Candidate, slot: str, request: PlanRequest) -> bool:
    return slot in candidate.meal_types and fits_time(candidate, slot, request)


def filter_candidates(candidates: Iterable[Candidate], request: PlanRequest) -> list[Candidate]:
    """Recipes that pass the food filters and fit at least one requested slot, sorted by id."""
    return sorted(
        (
            c
            for c in candidates
            if passes_food_filters(c, request) and any(fits_slot(c, slot, request) for slot in request.slots)
        ),
        key=lambda c: c.id,
    )


def slot_candidates(candidates: Sequence[Candidate], slot: str, request: PlanRequest) -> list[Candidate]:
    """The filtered candidates that may be cooked for `slot`."""
    return [c for c in candidates if fits_slot(c, slot, request)]


def describe_filters(request: PlanRequest) -> str:
    """The active filters in a few words, e.g. "vegan + low-FODMAP + no nuts"; "no filters" when none."""
    parts = []
    if request.diet not in ("", "omnivore"):
        parts.append(request.diet)
    if request.low_fodmap:
        parts.append("low-FODMAP")
    parts.extend(f"no {allergen}" for allergen in sorted(request.exclude_allergens))
    if request.exclude_food_ids:
        count = len(request.exclude_food_ids)
        parts.append(f"{count} excluded food{'s' if count != 1 else ''}")
    parts.extend(f"{slot} within {minutes} min" for slot, minutes in sorted(request.max_minutes.items()))
    return " + ".join(parts) if parts else "no filters"


def explain_empty_slot(candidates: Sequence[Candidate], slot: str, request: PlanRequest) -> str:
    """Say which filter, step by step, left `slot` without a recipe."""
    remaining = [c for c in candidates if slot in c.meal_types]
    steps = [f"{len(remaining)} {slot} recipe{'s' if len(remaining) != 1 else ''} in the catalogue"]
    checks = []
    if request.diet not in ("", "omnivore"):
        checks.append((request.diet, lambda c: fits_diet(c, request.diet)))
    for allergen in sorted(request.exclude_allergens):
        checks.append((f"without {allergen}", lambda c, a=allergen: a not in c.allergens))
    if request.exclude_food_ids:
        checks.append(("without the excluded foods", lambda c: not (c.food_ids & request.exclude_food_ids)))
    if request.low_fodmap:
        checks.append(("low-FODMAP", lambda c: c.fodmap_level not in HIGH_FODMAP_LEVELS))
    if slot in request.max_minutes:
        checks.append((f"ready within {request.max_minutes[slot]} min", lambda c: fits_time(c, slot, request)))
    reason = f"no recipe is tagged {slot}"
    for label, keep in checks:
        if not remaining:
            break
        remaining = [c for c in remaining if keep(c)]
        steps.append(f"{len(remaining)} {label}")
        if not remaining:
            reason = f"the filter '{label}' removed the last ones"
    return f"No recipe left for {slot} ({describe_filters(request)}): {', '.join(steps)}; {reason}."
