"""The gut score: a transparent 0-100 score for a recipe serving, a day or a week of eating.

Pure Python, no Django. Every weight, threshold and cap is explained, with its source, in
docs/scoring.md; change the model there and here together and bump SCORE_VERSION.

Each component is rounded to a whole number of points on its own, and the score is the sum of
the rounded components, so the breakdown always adds up exactly to the score. When the penalty
cap or the floor at 0 applies, it appears as its own line ("penalty_cap", "floor").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .types import ServingNutrition

SCORE_VERSION = "1.0"

# Fiber density (IOM/NASEM AI 14 g per 1,000 kcal; Reynolds 2019 dose-response).
FIBER_AI_G_PER_1000_KCAL = 14.0
FIBER_FULL_G_PER_1000_KCAL = 20.0
FIBER_POINTS_AT_AI = 25.0
FIBER_MAX = 35
REFERENCE_DAY_KCAL = 2000.0  # 14 g x 2 = the "28 g day" the reasons quote

PLANT_POINTS_EACH = 2.0
PLANTS_MAX = 20

# Fermentable-fiber classes: amounts per serving that count as "present" (design choices).
FRUCTANS_MIN_G = 1.0  # 3 g/day, the low end of effective ITF doses, over 3 meals
GOS_MIN_G = 0.3
LEGUMES_MIN_G = 60.0
RESISTANT_STARCH_MIN_G = 1.5
BETA_GLUCAN_MIN_G = 1.0  # EU Reg. 1160/2011: >= 1 g per portion
FIBER_CLASSES_MAX = 15
FIBER_CLASSES_TRACKED = 4  # pectin-rich fruit is not in ServingNutrition yet

LIVE_MAX = 15
LIVE_FIRST_SERVING_POINTS = 10.0
LIVE_SECOND_SERVING_POINTS = 5.0
COOKED_FERMENT_POINTS = 2.0  # per serving, up to one serving

# Grains (HEI-2015/2020 standards, per 1,000 kcal).
GRAIN_G_PER_OZ_EQ = 28.0
WHOLE_GRAIN_FULL_OZ_EQ = 1.5
REFINED_GRAIN_ZERO_OZ_EQ = 4.3
GRAINS_MAX = 15

EMULSIFIER_EACH = 5.0
EMULSIFIER_MAX = 10
ULTRA_PROCESSED_MAX = 15
FREE_SUGAR_FREE_PCT = 6.5
FREE_SUGAR_FULL_PCT = 26.0
FREE_SUGAR_MAX = 10
PROCESSED_MEAT_PER_25_G = 5.0
PROCESSED_MEAT_MAX = 10
ALCOHOL_PENALTY = 5
PENALTIES_CAP = 40

LOW_ENERGY_KCAL = 150.0

BANDS = ((70, "very gut-friendly"), (40, "good"), (0, "limited"))


@dataclass(frozen=True)
class Component:
    """One line of the breakdown. Deductions have negative points and a negative max_points."""

    key: str
    label: str
    points: int
    max_points: int
    reason: str

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "points": self.points,
            "max_points": self.max_points,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ScoreResult:
    """A score with its breakdown; sum(c.points for c in components) == score, always."""

    score: int
    components: tuple[Component, ...]
    band: str
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "band": self.band,
            "version": SCORE_VERSION,
            "components": [c.as_dict() for c in self.components],
            "notes": list(self.notes),
        }


def band_for(score: int) -> str:
    """'limited' 0-39, 'good' 40-69, 'very gut-friendly' 70-100."""
    for lowest, name in BANDS:
        if score >= lowest:
            return name
    return BANDS[-1][1]


# --- small helpers -------------------------------------------------------------------------


def _half_up(value: float) -> int:
    """Round to the nearest whole number, halves away from zero (2.5 -> 3, -2.5 -> -3)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def _pos(value: float) -> float:
    """Negative, NaN and infinite inputs count as 0 (bad data must not break the score)."""
    return value if math.isfinite(value) and value > 0 else 0.0


def _g(value: float) -> str:
    return f"{value:,.1f}"


def _share(part: float, whole: float) -> float:
    return min(1.0, part / whole) if whole > 0 else 0.0


def _component(key: str, label: str, raw: float, max_points: int, reason: str) -> Component:
    """Round a raw value to whole points, never past its maximum."""
    points = _half_up(raw)
    points = max(points, max_points) if max_points < 0 else min(points, max_points)
    return Component(key, label, points, max_points, reason)


def _assemble(components: list[Component], notes: list[str]) -> ScoreResult:
    """Apply the penalty cap and the floor as explicit lines, so the breakdown sums to the score."""
    deductions = sum(c.points for c in components if c.max_points < 0)
    penalty_room = sum(-c.max_points for c in components if c.max_points < 0) - PENALTIES_CAP
    if deductions < -PENALTIES_CAP:
        components.append(
            Component(
                "penalty_cap",
                "Deductions cap",
                -PENALTIES_CAP - deductions,
                max(penalty_room, 0),
                f"Deductions add up to {deductions}; they are capped at -{PENALTIES_CAP}.",
            )
        )
    total = sum(c.points for c in components)
    if total < 0:
        components.append(
            Component("floor", "Floor at 0", -total, PENALTIES_CAP, f"Points add up to {total}; the score stops at 0.")
        )
        total = 0
    # No cap at 100 is needed: the positive maxima add up to exactly 100 (a test checks 100 is reachable).
    return ScoreResult(score=total, components=tuple(components), band=band_for(total), notes=tuple(notes))


def _oz_eq_per_1000_kcal(grams: float, energy_kcal: float) -> float:
    return _pos(grams) / GRAIN_G_PER_OZ_EQ / energy_kcal * 1000.0


def _grains(n: ServingNutrition, energy: float) -> Component:
    label = "Whole grains vs refined"
    whole_g, refined_g = _pos(n.whole_grain_g), _pos(n.refined_grain_g)
    if energy <= 0:
        return _component("grains", label, 0, GRAINS_MAX, "Not scored: no energy to measure grains against.")
    whole = _oz_eq_per_1000_kcal(whole_g, energy)
    refined = _oz_eq_per_1000_kcal(refined_g, energy)
    # Half the points for whole grains (0 -> full at 1.5 oz-eq), half for keeping refined grains
    # low (full at none -> 0 at 4.3 oz-eq). No grain at all therefore lands on the median, 7.5.
    raw = (
        GRAINS_MAX / 2 * (min(1.0, whole / WHOLE_GRAIN_FULL_OZ_EQ) + 1.0 - min(1.0, refined / REFINED_GRAIN_ZERO_OZ_EQ))
    )
    if whole_g == 0 and refined_g == 0:
        reason = f"No grains: the median {GRAINS_MAX / 2:g} of {GRAINS_MAX}, neither rewarded nor marked down."
    else:
        reason = (
            f"{_g(whole)} oz-eq whole grains and {_g(refined)} oz-eq refined grains per 1,000 kcal "
            f"(1 oz-eq = {GRAIN_G_PER_OZ_EQ:g} g grain as weighed); full marks at {WHOLE_GRAIN_FULL_OZ_EQ:g} or more "
            f"whole and no refined; refined grains lose up to half, all of it at {REFINED_GRAIN_ZERO_OZ_EQ:g}."
        )
    return _component("grains", label, raw, GRAINS_MAX, reason)


def _penalties(
    n: ServingNutrition, energy: float, *, emulsifier_allowance: int = 0, days: float = 1.0, per: str = "per serving"
) -> list[Component]:
    """The deductions, shared by recipe, day and week. Processed meat is judged per serving or per day."""
    out = []
    flagged = list(n.emulsifier_foods)
    counted = max(0, len(flagged) - emulsifier_allowance)
    if flagged:
        names = ", ".join(sorted(set(flagged)))
        allowance = f"; {emulsifier_allowance} allowed before deductions" if emulsifier_allowance else ""
        reason = (
            f"{len(flagged)} item(s) with a flagged emulsifier (CMC E466 or polysorbate 80 E433): {names}"
            f"{allowance}; -{EMULSIFIER_EACH:g} each, at most -{EMULSIFIER_MAX}."
        )
    else:
        reason = "No ingredient with a flagged emulsifier (CMC E466, polysorbate 80 E433)."
    out.append(_component("emulsifiers", "Flagged emulsifiers", -EMULSIFIER_EACH * counted, -EMULSIFIER_MAX, reason))

    share = min(1.0, _pos(n.ultra_processed_share))
    out.append(
        _component(
            "ultra_processed",
            "Ultra-processed share",
            -ULTRA_PROCESSED_MAX * share,
            -ULTRA_PROCESSED_MAX,
            f"{share * 100:.0f} % of the food is ultra-processed (NOVA 4); -{ULTRA_PROCESSED_MAX} x that share.",
        )
    )

    free_sugars = _pos(n.free_sugars_g)
    if energy > 0:
        pct = min(100.0, free_sugars * 4 / energy * 100)
        span = FREE_SUGAR_FULL_PCT - FREE_SUGAR_FREE_PCT
        raw = -FREE_SUGAR_MAX * min(1.0, max(0.0, pct - FREE_SUGAR_FREE_PCT) / span)
        reason = (
            f"{_g(free_sugars)} g free sugars, {pct:.1f} % of energy; nothing off up to {FREE_SUGAR_FREE_PCT:g} %, "
            f"-{FREE_SUGAR_MAX} at {FREE_SUGAR_FULL_PCT:g} % or more."
        )
    else:
        raw, reason = 0.0, "Not scored: no energy to measure free sugars against."
    out.append(_component("free_sugar", "Free sugars", raw, -FREE_SUGAR_MAX, reason))

    meat = _pos(n.processed_meat_g) / days
    out.append(
        _component(
            "processed_meat",
            "Processed meat",
            -PROCESSED_MEAT_PER_25_G * meat / 25.0,
            -PROCESSED_MEAT_MAX,
            f"{_g(meat)} g processed meat {per}; -{PROCESSED_MEAT_PER_25_G:g} per 25 g, at most -{PROCESSED_MEAT_MAX}.",
        )
    )

    reason = (
        f"Alcohol added without cooking: -{ALCOHOL_PENALTY}."
        if n.alcohol_uncooked
        else "No alcohol left uncooked in the dish."
    )
    out.append(
        _component(
            "alcohol", "Uncooked alcohol", -ALCOHOL_PENALTY if n.alcohol_uncooked else 0, -ALCOHOL_PENALTY, reason
        )
    )
    return out


# --- recipe ----------------------------------------------------------------------------------


def _fiber_points(density: float) -> float:
    if density <= FIBER_AI_G_PER_1000_KCAL:
        return FIBER_POINTS_AT_AI * density / FIBER_AI_G_PER_1000_KCAL
    extra = (min(density, FIBER_FULL_G_PER_1000_KCAL) - FIBER_AI_G_PER_1000_KCAL) / (
        FIBER_FULL_G_PER_1000_KCAL - FIBER_AI_G_PER_1000_KCAL
    )
    return FIBER_POINTS_AT_AI + (FIBER_MAX - FIBER_POINTS_AT_AI) * extra


def _fiber_classes(n: ServingNutrition) -> tuple[list[str], list[str]]:
    """(present, absent) descriptions of the tracked fermentable-fiber classes, per serving or day."""
    fructans, gos, legumes = _pos(n.fructans_g), _pos(n.gos_g), _pos(n.legumes_g)
    rs, bg = _pos(n.resistant_starch_g), _pos(n.beta_glucan_g)
    checks = (
        (fructans >= FRUCTANS_MIN_G, f"inulin-type fructans {_g(fructans)} g (counts from {FRUCTANS_MIN_G:g} g)"),
        (
            gos >= GOS_MIN_G or legumes >= LEGUMES_MIN_G,
            f"GOS {_g(gos)} g / legumes {_g(legumes)} g (counts from {GOS_MIN_G:g} g or {LEGUMES_MIN_G:g} g)",
        ),
        (rs >= RESISTANT_STARCH_MIN_G, f"resistant starch {_g(rs)} g (counts from {RESISTANT_STARCH_MIN_G:g} g)"),
        (bg >= BETA_GLUCAN_MIN_G, f"beta-glucan {_g(bg)} g (counts from {BETA_GLUCAN_MIN_G:g} g)"),
    )
    return [text for ok, text in checks if ok], [text for ok, text in checks if not ok]


def _live_reason(live: float, cooked: float) -> str:
    return (
        f"{_g(live)} servings of foods with live cultures eaten uncooked ({LIVE_FIRST_SERVING_POINTS:g} points for "
        f"the first, {LIVE_SECOND_SERVING_POINTS:g} more for the second); {_g(cooked)} servings of fermented foods "
        f"that were heated ({COOKED_FERMENT_POINTS:g} points a serving, for one serving at most; cultures do not "
        "survive heating)."
    )


def score_recipe(n: ServingNutrition) -> ScoreResult:
    """Score one serving of a recipe (docs/scoring.md). Low-FODMAP status does not change it."""
    energy = _pos(n.energy_kcal)
    fiber = _pos(n.fiber_g)
    notes = []
    components = []

    if energy > 0:
        density = fiber / energy * 1000.0
        day_g = FIBER_AI_G_PER_1000_KCAL * REFERENCE_DAY_KCAL / 1000.0
        reason = (
            f"{_g(fiber)} g fiber per serving, {fiber / day_g * 100:.0f} % of a day's {day_g:g} g; "
            f"{_g(density)} g per 1,000 kcal ({FIBER_POINTS_AT_AI:g} points at {FIBER_AI_G_PER_1000_KCAL:g} g, "
            f"full {FIBER_MAX} at {FIBER_FULL_G_PER_1000_KCAL:g} g)."
        )
        components.append(_component("fiber", "Fiber density", _fiber_points(density), FIBER_MAX, reason))
        if energy < LOW_ENERGY_KCAL:
            notes.append(f"Under {LOW_ENERGY_KCAL:g} kcal a serving: judge it within a meal.")
    else:
        reason = f"{_g(fiber)} g fiber per serving; not scored: no energy to measure it against."
        components.append(_component("fiber", "Fiber density", 0, FIBER_MAX, reason))
        notes.append(
            "No energy was matched, so fiber density, grains and free sugars are not scored; "
            "only the counts (plants, fiber classes, live cultures) and the flags are."
        )

    plants = _pos(n.plants)
    components.append(
        _component(
            "plants",
            "Plant diversity",
            min(PLANTS_MAX, PLANT_POINTS_EACH * plants),
            PLANTS_MAX,
            f"{plants:g} distinct plants (herbs and spices count half); {PLANT_POINTS_EACH:g} points each, "
            f"full marks at {PLANTS_MAX / PLANT_POINTS_EACH:g}.",
        )
    )

    present, absent = _fiber_classes(n)
    reason = f"{len(present)} of {FIBER_CLASSES_TRACKED} fermentable-fiber classes at a meaningful amount per serving"
    reason += f": {'; '.join(present)}." if present else "."
    if absent:
        reason += f" Below the amount: {'; '.join(absent)}."
    reason += " Pectin-rich fruit is not tracked yet."
    raw = FIBER_CLASSES_MAX * len(present) / FIBER_CLASSES_TRACKED
    components.append(_component("fiber_classes", "Fermentable-fiber classes", raw, FIBER_CLASSES_MAX, reason))

    live, cooked = _pos(n.live_culture_servings), _pos(n.cooked_ferment_servings)
    raw = (
        LIVE_FIRST_SERVING_POINTS * min(live, 1.0)
        + LIVE_SECOND_SERVING_POINTS * min(max(live - 1.0, 0.0), 1.0)
        + COOKED_FERMENT_POINTS * min(cooked, 1.0)
    )
    components.append(
        _component("live_cultures", "Live-culture foods", min(raw, LIVE_MAX), LIVE_MAX, _live_reason(live, cooked))
    )

    components.append(_grains(n, energy))
    components.extend(_penalties(n, energy))
    return _assemble(components, notes)


# --- day and week -----------------------------------------------------------------------------
