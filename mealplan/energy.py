"""Daily energy needs: Mifflin-St Jeor resting energy times an activity factor. Pure Python."""

from __future__ import annotations

ACTIVITY_FACTORS = {"sedentary": 1.2, "light": 1.375, "moderate": 1.55, "active": 1.725}
DEFAULT_ENERGY_KCAL = 2000.0


def mifflin_st_jeor(*, age: float, sex: str, height_cm: float, weight_kg: float) -> float:
    """Resting energy expenditure (kcal/day), Mifflin et al. 1990, Am J Clin Nutr 51:241."""
    base = 10 * weight_kg + 6.25 * height_cm - 5 * age
    return base + 5 if sex == "male" else base - 161


def daily_energy_kcal(
    *,
    energy_kcal: float | None = None,
    age: float | None = None,
    sex: str = "",
    height_cm: float | None = None,
    weight_kg: float | None = None,
    activity: str = "light",
) -> tuple[float, str]:
    """The daily energy to plan for and how it was found: given, computed, or the 2,000 kcal default."""
    if energy_kcal:
        return float(energy_kcal), "given"
    if age and sex in ("female", "male") and height_cm and weight_kg:
        ree = mifflin_st_jeor(age=age, sex=sex, height_cm=height_cm, weight_kg=weight_kg)
        return round(ree * ACTIVITY_FACTORS.get(activity, 1.375)), "Mifflin-St Jeor"
    return DEFAULT_ENERGY_KCAL, "default"
