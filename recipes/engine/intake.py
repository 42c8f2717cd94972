"""Day and week scores for plans: the gut score's components applied to what was eaten in a day or a week.

Pure Python, no Django; docs/scoring.md ("Days and weeks") explains every weight. The recipe score and
the shared pieces (components, penalties, rounding) are in scoring.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import fields

from .scoring import (
    BETA_GLUCAN_MIN_G,
    FRUCTANS_MIN_G,
    GOS_MIN_G,
    LEGUMES_MIN_G,
    RESISTANT_STARCH_MIN_G,
    Component,
    ScoreResult,
    _assemble,
    _component,
    _g,
    _grains,
    _penalties,
    _pos,
    _share,
    band_for,
)
from .types import ServingNutrition

# Day and week.
DAY_PLANTS_TARGET = 10.0
INTAKE_FIBER_MAX = 30
INTAKE_PLANTS_MAX = 25
INTAKE_LIVE_MAX = 15
INTAKE_PREBIOTIC_MAX = 15
PREBIOTIC_DAYS_PER_WEEK = 5.0  # days with an ITF or GOS source
OTHER_FERMENTABLE_DAYS_PER_WEEK = 3.0  # days with beta-glucan or resistant starch
WEEK_EMULSIFIER_ALLOWANCE = 2  # flagged items per week before deductions start


def add_nutrition(items: Iterable[tuple[ServingNutrition, float]]) -> ServingNutrition:
    """Sum servings x factor (e.g. the meals of a day, or the days of a week).

    Amounts add up. plant_species is the union and `plants` is its size (herbs count whole here:
    the species set does not say which are herbs). emulsifier_foods keeps one name per item that has
    it, so the same food eaten twice counts twice. ultra_processed_share is energy-weighted (the
    servings carry no total weight). alcohol_uncooked is true if any item has it.
    """
    numeric = [
        f.name
        for f in fields(ServingNutrition)
        if f.name not in ("plants", "plant_species", "alcohol_uncooked", "emulsifier_foods", "ultra_processed_share")
    ]
    totals = dict.fromkeys(numeric, 0.0)
    species: set[str] = set()
    emulsifiers: list[str] = []
    alcohol = False
    upf_weighted = upf_energy = upf_factor_weighted = upf_factor = 0.0
    for serving, factor in items:
        if not math.isfinite(factor) or factor < 0:
            raise ValueError(f"factor must be a finite number >= 0, got {factor!r}")
        if factor == 0:
            continue
        for name in numeric:
            totals[name] += getattr(serving, name) * factor
        species |= serving.plant_species
        emulsifiers.extend(serving.emulsifier_foods)
        alcohol = alcohol or serving.alcohol_uncooked
        energy = _pos(serving.energy_kcal) * factor
        upf_weighted += serving.ultra_processed_share * energy
        upf_energy += energy
        upf_factor_weighted += serving.ultra_processed_share * factor
        upf_factor += factor
    # Weighted by energy; by servings only when nothing has energy.
    upf_share = upf_weighted / upf_energy if upf_energy > 0 else upf_factor_weighted / max(upf_factor, 1e-12)
    return ServingNutrition(
        **totals,
        plants=float(len(species)),
        plant_species=frozenset(species),
        alcohol_uncooked=alcohol,
        emulsifier_foods=tuple(sorted(emulsifiers)),
        ultra_processed_share=upf_share,
    )


def _has_prebiotic_source(n: ServingNutrition) -> bool:
    """An inulin-type fructan or GOS source at the recipe thresholds (ISAPP's established prebiotics)."""
    return _pos(n.fructans_g) >= FRUCTANS_MIN_G or _pos(n.gos_g) >= GOS_MIN_G or _pos(n.legumes_g) >= LEGUMES_MIN_G


def _has_other_fermentable(n: ServingNutrition) -> bool:
    return _pos(n.beta_glucan_g) >= BETA_GLUCAN_MIN_G or _pos(n.resistant_starch_g) >= RESISTANT_STARCH_MIN_G


def _intake_components(
    total: ServingNutrition,
    day_list: Sequence[ServingNutrition],
    *,
    fiber: Component,
    plants: float,
    plants_target: float,
    live_target: float,
) -> list[Component]:
    """Plants, live cultures, prebiotic sources and grains for pooled intake (a day or a week)."""
    n_days = len(day_list)
    out = [fiber]
    out.append(
        _component(
            "plants",
            "Plant diversity",
            INTAKE_PLANTS_MAX * _share(plants, plants_target),
            INTAKE_PLANTS_MAX,
            f"{plants:g} distinct plants against a target of {plants_target:g}.",
        )
    )
    live = _pos(total.live_culture_servings)
    out.append(
        _component(
            "live_cultures",
            "Live-culture foods",
            INTAKE_LIVE_MAX * _share(live, live_target),
            INTAKE_LIVE_MAX,
            f"{_g(live)} servings of foods with live cultures eaten uncooked, against a target of {_g(live_target)}.",
        )
    )
    prebiotic_days = sum(_has_prebiotic_source(d) for d in day_list)
    other_days = sum(_has_other_fermentable(d) for d in day_list)
    prebiotic_target = PREBIOTIC_DAYS_PER_WEEK * n_days / 7
    other_target = OTHER_FERMENTABLE_DAYS_PER_WEEK * n_days / 7
    raw = 10 * _share(prebiotic_days, prebiotic_target) + 5 * _share(other_days, other_target)
    out.append(
        _component(
            "prebiotic_sources",
            "Prebiotic and fermentable-fiber sources",
            raw,
            INTAKE_PREBIOTIC_MAX,
            f"Inulin-type fructan or GOS sources on {prebiotic_days} of {n_days} day(s) (10 points from "
            f"{prebiotic_target:.1f} days); beta-glucan or resistant starch on {other_days} (5 points from "
            f"{other_target:.1f} days).",
        )
    )
    out.append(_grains(total, _pos(total.energy_kcal)))
    return out


def score_day(
    totals: ServingNutrition,
    *,
    energy_target_kcal: float,
    fiber_target_g: float,
    live_target: float,
    plants_target: float = DAY_PLANTS_TARGET,
) -> ScoreResult:
    """Score one day's pooled intake (add_nutrition of its meals) against a person's targets."""
    if fiber_target_g <= 0 or live_target <= 0 or plants_target <= 0 or energy_target_kcal <= 0:
        raise ValueError("energy, fiber, live-culture and plant targets must be positive")
    energy = _pos(totals.energy_kcal)
    fiber_g = _pos(totals.fiber_g)
    density = f"; {_g(fiber_g / energy * 1000)} g per 1,000 kcal" if energy > 0 else ""
    fiber = _component(
        "fiber",
        "Fiber",
        INTAKE_FIBER_MAX * _share(fiber_g, fiber_target_g),
        INTAKE_FIBER_MAX,
        f"{_g(fiber_g)} g fiber, {fiber_g / fiber_target_g * 100:.0f} % of the {fiber_target_g:g} g target{density}.",
    )
    components = _intake_components(
        totals,
        [totals],
        fiber=fiber,
        plants=_pos(totals.plants),
        plants_target=plants_target,
        live_target=live_target,
    )
    components.extend(_penalties(totals, energy, per="that day"))
    notes = []
    if energy < 0.7 * energy_target_kcal:
        notes.append(
            f"This day has {energy:,.0f} kcal, {energy / energy_target_kcal * 100:.0f} % of the "
            f"{energy_target_kcal:,.0f} kcal target: it may be missing a meal."
        )
    return _assemble(components, notes)


def score_week(
    days: Sequence[ServingNutrition],
    *,
    plants_target: int = 30,
    fiber_g_per_1000_kcal: float = 14,
    live_per_week: float = 7,
) -> ScoreResult:
    """Score a plan from its pooled totals (each item of `days` is one day's add_nutrition)."""
    if plants_target <= 0 or fiber_g_per_1000_kcal <= 0 or live_per_week <= 0:
        raise ValueError("plant, fiber and live-culture targets must be positive")
    if not days:
        return ScoreResult(0, (), band_for(0), ("No days to score.",))
    n_days = len(days)
    total = add_nutrition((d, 1.0) for d in days)
    energy = _pos(total.energy_kcal)
    fiber_g = _pos(total.fiber_g)
    notes = []
    if energy > 0:
        density = fiber_g / energy * 1000
        fiber = _component(
            "fiber",
            "Fiber",
            INTAKE_FIBER_MAX * _share(density, fiber_g_per_1000_kcal),
            INTAKE_FIBER_MAX,
            f"{_g(fiber_g / n_days)} g fiber a day on average; {_g(density)} g per 1,000 kcal against "
            f"{fiber_g_per_1000_kcal:g} g (the Adequate Intake).",
        )
    else:
        fiber = _component("fiber", "Fiber", 0, INTAKE_FIBER_MAX, "Not scored: no energy in the plan.")
        notes.append("No energy was matched, so fiber, grains and free sugars are not scored.")
    components = _intake_components(
        total,
        days,
        fiber=fiber,
        plants=float(len(total.plant_species)),
        plants_target=plants_target,
        live_target=live_per_week * n_days / 7,
    )
    allowance = math.floor(WEEK_EMULSIFIER_ALLOWANCE * n_days / 7)
    components.extend(
        _penalties(total, energy, emulsifier_allowance=allowance, days=float(n_days), per="a day on average")
    )
    return _assemble(components, notes)
