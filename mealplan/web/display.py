"""What the plan page draws: each day's bars against its targets, the week's plant count. Presentation
only; the numbers come from mealplan.selectors.plan_days."""

from __future__ import annotations

from dataclasses import dataclass

from mealplan.selectors import PlanDay

# Not targets of the plan, shown for scale: 5 g a day is the lower inulin dose found bifidogenic
# (Kolida et al. 2007); 10 different plants is what the day score counts in full.
PREBIOTIC_REFERENCE_G = 5.0
DAY_PLANTS_REFERENCE = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    target_text: str
    percent: float  # width of the filled part, 0-100
    target_percent: float  # where the target mark sits, 0-100
    status: str  # "met", "short", "over" or "reference"

    @property
    def target_x(self) -> float:
        return max(self.target_percent - 0.6, 0)


def _number(value: float, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if digits and "." in text else text


def bar(
    label: str,
    value: float,
    target: float,
    *,
    unit: str,
    digits: int,
    status: str,
    target_word: str,
    target_suffix: str = "",
) -> Bar:
    scale = max(value, target, 1e-9) * 1.15

    def with_unit(number: float) -> str:
        text = _number(number, digits)
        if not unit:
            return text
        return f"{text} {unit.removesuffix('s') if unit == 'servings' and text == '1' else unit}"

    return Bar(
        label=label,
        value_text=with_unit(value),
        target_text=f"{target_word} {with_unit(target)}{target_suffix}",
        percent=round(min(value / scale, 1) * 100, 1),
        target_percent=round(target / scale * 100, 1),
        status=status,
    )


def day_bars(day: PlanDay) -> list[Bar]:
    targets, totals, met = day.targets, day.totals, day.met
    energy_target = targets.get("energy_kcal") or 2000
    energy = totals["energy_kcal"]
    energy_status = "met" if met.get("energy_kcal", True) else ("over" if energy > energy_target else "short")
    tolerance = targets.get("energy_tolerance") or 0.1
    return [
        bar(
            "Energy",
            energy,
            energy_target,
            unit="kcal",
            digits=0,
            status=energy_status,
            target_word="target",
            target_suffix=f" ± {tolerance * 100:.0f} %",
        ),
        bar(
            "Fibre",
            totals["fiber_g"],
            targets.get("fiber_g") or 0,
            unit="g",
            digits=1,
            status="met" if met.get("fiber_g", True) else "short",
            target_word="target",
        ),
        bar(
            "Fermentable fibers",
            totals["prebiotic_g"],
            PREBIOTIC_REFERENCE_G,
            unit="g",
            digits=1,
            status="reference",
            target_word="reference",
        ),
        bar(
            "Live cultures",
            totals["live_culture_servings"],
            targets.get("live_culture_servings") or 0,
            unit="servings",
            digits=1,
            status="met" if met.get("live_culture_servings", True) else "short",
            target_word="target",
        ),
        bar(
            "Plants",
            totals["plants"],
            DAY_PLANTS_REFERENCE,
            unit="",
            digits=0,
            status="reference",
            target_word="reference",
        ),
    ]


def week_plants_bar(week: dict) -> Bar:
    return bar(
        "Different plants this week",
        week["plants"],
        week["plants_target"],
        unit="",
        digits=0,
        status="met" if week["plants"] >= week["plants_target"] else "short",
        target_word="target",
    )
