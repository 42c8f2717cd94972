"""The gut score (recipes/engine/scoring.py): properties, boundaries, wording and the worked examples.

The worked examples in docs/scoring.md are tests: their inputs, every component's points, the score,
the band and the ranking written in the document are read from it and checked against the code.
"""

from __future__ import annotations

import ast
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recipes.engine.intake import add_nutrition, score_day, score_week
from recipes.engine.scoring import SCORE_VERSION, Component, ScoreResult, band_for, score_recipe
from recipes.engine.types import ServingNutrition

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"

# The worked examples of docs/scoring.md, per serving. The document states the same inputs (checked below).
EXAMPLES: dict[str, dict] = {
    "Overnight oats with kefir and raspberries": {
        "energy_kcal": 495.0,
        "fiber_g": 14.6,
        "free_sugars_g": 5.7,
        "fructans_g": 0.0,
        "gos_g": 0.0,
        "resistant_starch_g": 0.0,
        "beta_glucan_g": 2.6,
        "legumes_g": 0.0,
        "plants": 4.5,
        "live_culture_servings": 1.5,
        "cooked_ferment_servings": 0.0,
        "whole_grain_g": 50.0,
        "refined_grain_g": 0.0,
        "processed_meat_g": 0.0,
        "ultra_processed_share": 0.0,
    },
    "Lentil and onion soup": {
        "energy_kcal": 355.0,
        "fiber_g": 10.5,
        "free_sugars_g": 0.0,
        "fructans_g": 1.9,
        "gos_g": 1.0,
        "resistant_starch_g": 0.0,
        "beta_glucan_g": 0.0,
        "legumes_g": 62.5,
        "plants": 7.0,
        "live_culture_servings": 0.0,
        "cooked_ferment_servings": 0.0,
        "whole_grain_g": 0.0,
        "refined_grain_g": 0.0,
        "processed_meat_g": 0.0,
        "ultra_processed_share": 0.0,
    },
    "Kimchi rice bowl": {
        "energy_kcal": 440.0,
        "fiber_g": 5.3,
        "free_sugars_g": 2.0,
        "fructans_g": 0.3,
        "gos_g": 0.0,
        "resistant_starch_g": 3.0,
        "beta_glucan_g": 0.0,
        "legumes_g": 0.0,
        "plants": 7.0,
        "live_culture_servings": 1.875,
        "cooked_ferment_servings": 0.0,
        "whole_grain_g": 0.0,
        "refined_grain_g": 60.0,
        "processed_meat_g": 0.0,
        "ultra_processed_share": 0.0,
    },
    "White-bread ham sandwich": {
        "energy_kcal": 355.0,
        "fiber_g": 2.1,
        "free_sugars_g": 0.0,
        "fructans_g": 0.4,
        "gos_g": 0.12,
        "resistant_starch_g": 0.0,
        "beta_glucan_g": 0.0,
        "legumes_g": 0.0,
        "plants": 3.0,
        "live_culture_servings": 0.0,
        "cooked_ferment_servings": 0.0,
        "whole_grain_g": 0.0,
        "refined_grain_g": 60.0,
        "processed_meat_g": 30.0,
        "ultra_processed_share": 0.46,
    },
}

MEDICAL_WORDS = ("heal", "cure", "treat", "prevent", "probiotic", "detox")


def points(result: ScoreResult) -> dict[str, int]:
    return {c.key: c.points for c in result.components}


def comp(result: ScoreResult, key: str) -> Component:
    return next(c for c in result.components if c.key == key)


# --- strategies -----------------------------------------------------------------------------------

amount = st.floats(min_value=0, max_value=200, allow_nan=False)
servings_st = st.builds(
    ServingNutrition,
    energy_kcal=st.one_of(st.just(0.0), st.floats(min_value=0, max_value=3000, allow_nan=False)),
    fiber_g=st.floats(min_value=0, max_value=80, allow_nan=False),
    free_sugars_g=amount,
    fructans_g=st.floats(min_value=0, max_value=10, allow_nan=False),
    gos_g=st.floats(min_value=0, max_value=5, allow_nan=False),
    resistant_starch_g=st.floats(min_value=0, max_value=10, allow_nan=False),
    beta_glucan_g=st.floats(min_value=0, max_value=6, allow_nan=False),
    legumes_g=amount,
    plants=st.integers(min_value=0, max_value=40).map(lambda half: half / 2),
    live_culture_servings=st.floats(min_value=0, max_value=4, allow_nan=False),
    cooked_ferment_servings=st.floats(min_value=0, max_value=3, allow_nan=False),
    whole_grain_g=st.floats(min_value=0, max_value=300, allow_nan=False),
    refined_grain_g=st.floats(min_value=0, max_value=300, allow_nan=False),
    processed_meat_g=st.floats(min_value=0, max_value=150, allow_nan=False),
    alcohol_uncooked=st.booleans(),
    emulsifier_foods=st.lists(st.sampled_from(["ice cream", "cream cheese", "salad dressing"]), max_size=3).map(
        lambda names: tuple(sorted(set(names)))
    ),
    ultra_processed_share=st.floats(min_value=0, max_value=1, allow_nan=False),
)
more = st.floats(min_value=0, max_value=50, allow_nan=False)


# --- properties -----------------------------------------------------------------------------------


@given(servings_st)
def test_score_is_between_0_and_100_and_breakdown_sums_exactly(n):
    result = score_recipe(n)
    assert 0 <= result.score <= 100
    assert sum(c.points for c in result.components) == result.score
    assert result.band == band_for(result.score)
    for c in result.components:
        low, high = sorted((0, c.max_points))
        assert low <= c.points <= high, c


@given(servings_st)
def test_score_is_deterministic(n):
    assert score_recipe(n) == score_recipe(replace(n))
    assert score_recipe(n).as_dict() == score_recipe(n).as_dict()


@given(servings_st, more)
def test_more_fiber_never_lowers_the_score(n, extra):
    assert score_recipe(replace(n, fiber_g=n.fiber_g + extra)).score >= score_recipe(n).score


@given(servings_st, st.floats(min_value=0, max_value=3, allow_nan=False))
def test_more_live_cultures_never_lower_the_score(n, extra):
    more_live = replace(n, live_culture_servings=n.live_culture_servings + extra)
    assert score_recipe(more_live).score >= score_recipe(n).score


@given(servings_st, st.floats(min_value=0, max_value=1, allow_nan=False))
def test_moving_a_serving_from_live_to_cooked_never_raises_it(n, fraction):
    moved = n.live_culture_servings * fraction
    cooked = replace(
        n,
        live_culture_servings=n.live_culture_servings - moved,
        cooked_ferment_servings=n.cooked_ferment_servings + moved,
    )
    assert score_recipe(cooked).score <= score_recipe(n).score


@given(servings_st, st.integers(min_value=0, max_value=20))
def test_adding_plants_never_lowers_the_score(n, halves):
    assert score_recipe(replace(n, plants=n.plants + halves / 2)).score >= score_recipe(n).score


@given(servings_st, st.floats(min_value=0, max_value=5, allow_nan=False))
def test_more_fermentable_fiber_or_whole_grain_never_lowers_it(n, extra):
    base = score_recipe(n).score
    for name in ("fructans_g", "gos_g", "legumes_g", "resistant_starch_g", "beta_glucan_g", "whole_grain_g"):
        assert score_recipe(replace(n, **{name: getattr(n, name) + extra * 20})).score >= base, name


@given(servings_st, more, st.floats(min_value=0, max_value=1, allow_nan=False))
def test_penalties_never_raise_the_score(n, extra, share):
    base = score_recipe(n).score
    worse = [
        replace(n, free_sugars_g=n.free_sugars_g + extra),
        replace(n, processed_meat_g=n.processed_meat_g + extra),
        replace(n, refined_grain_g=n.refined_grain_g + extra),
        replace(n, ultra_processed_share=max(n.ultra_processed_share, share)),
        replace(n, alcohol_uncooked=True),
        replace(n, emulsifier_foods=(*n.emulsifier_foods, "margarine")),
    ]
    for changed in worse:
        assert score_recipe(changed).score <= base, changed


@given(servings_st)
def test_no_reason_or_note_uses_medical_words(n):
    result = score_recipe(n)
    for text in [c.reason for c in result.components] + list(result.notes):
        lowered = text.lower()
        assert not [word for word in MEDICAL_WORDS if word in lowered], text


@settings(max_examples=50)
@given(st.lists(servings_st, min_size=1, max_size=7))
def test_day_and_week_scores_are_bounded_and_sum_exactly(days):
    week = score_week(days)
    day = score_day(days[0], energy_target_kcal=2000, fiber_target_g=28, live_target=1)
    for result in (week, day):
        assert 0 <= result.score <= 100
        assert sum(c.points for c in result.components) == result.score
        for text in [c.reason for c in result.components] + list(result.notes):
            assert not [word for word in MEDICAL_WORDS if word in text.lower()], text


# --- components at their boundaries ---------------------------------------------------------------


def at_1000_kcal(**values) -> ServingNutrition:
    return ServingNutrition(energy_kcal=1000.0, **values)


@pytest.mark.parametrize(
    ("fiber_g", "expected"),
    [(0, 0), (7, 13), (14, 25), (17, 30), (20, 35), (45, 35)],
)
def test_fiber_density_points(fiber_g, expected):
    # 0 -> 25 points at 14 g/1,000 kcal (7 g: 12.5 rounds up), 25 -> 35 at 20 g, capped.
    assert points(score_recipe(at_1000_kcal(fiber_g=fiber_g)))["fiber"] == expected


def test_fiber_reason_gives_per_serving_share_of_day_and_density():
    reason = comp(score_recipe(ServingNutrition(energy_kcal=410.0, fiber_g=6.2)), "fiber").reason
    assert "6.2 g fiber per serving" in reason
    assert "22 % of a day's 28 g" in reason
    assert "15.1 g per 1,000 kcal" in reason


@pytest.mark.parametrize(("plants", "expected"), [(0, 0), (0.5, 1), (3.5, 7), (10, 20), (14, 20)])
def test_plant_points(plants, expected):
    result = score_recipe(at_1000_kcal(plants=plants))
    assert points(result)["plants"] == expected
    assert f"{plants:g} distinct plants" in comp(result, "plants").reason


@pytest.mark.parametrize(
    ("values", "classes"),
    [
        ({}, 0),
        ({"fructans_g": 0.99}, 0),
        ({"fructans_g": 1.0}, 1),
        ({"gos_g": 0.29}, 0),
        ({"gos_g": 0.3}, 1),
        ({"legumes_g": 59.9}, 0),
        ({"legumes_g": 60.0}, 1),
        ({"gos_g": 0.5, "legumes_g": 100.0}, 1),  # one class, whichever way it is met
        ({"resistant_starch_g": 1.49}, 0),
        ({"resistant_starch_g": 1.5}, 1),
        ({"beta_glucan_g": 0.99}, 0),
        ({"beta_glucan_g": 1.0}, 1),
        ({"fructans_g": 2, "gos_g": 1, "resistant_starch_g": 2, "beta_glucan_g": 2}, 4),
    ],
)
def test_fiber_class_thresholds(values, classes):
    result = score_recipe(at_1000_kcal(**values))
    # 4 tracked classes share 15 points: 3.75 each, rounded half up.
    assert points(result)["fiber_classes"] == {0: 0, 1: 4, 2: 8, 3: 11, 4: 15}[classes]
    reason = comp(result, "fiber_classes").reason
    assert reason.startswith(f"{classes} of 4 fermentable-fiber classes")
    assert "Pectin-rich fruit is not tracked" in reason


@pytest.mark.parametrize(
    ("live", "cooked", "expected"),
    [
        (0, 0, 0),
        (0.5, 0, 5),
        (1, 0, 10),
        (1.5, 0, 13),  # 12.5 rounds half up
        (2, 0, 15),
        (3, 0, 15),
        (0, 1, 2),
        (0, 0.5, 1),
        (0, 3, 2),
        (1, 1, 12),
        (2, 1, 15),
    ],
)
def test_live_culture_points(live, cooked, expected):
    result = score_recipe(at_1000_kcal(live_culture_servings=live, cooked_ferment_servings=cooked))
    assert points(result)["live_cultures"] == expected


@pytest.mark.parametrize(
    ("whole_g", "refined_g", "expected"),
    [
        (0, 0, 8),  # no grain: the median 7.5
        (42, 0, 15),  # 1.5 oz-eq per 1,000 kcal, no refined: full
        (21, 0, 11),  # 0.75 oz-eq: 3.75 + 7.5 = 11.25
        (84, 0, 15),
        (0, 120.4, 0),  # 4.3 oz-eq refined, no whole
        (0, 60.2, 4),  # half of 4.3 oz-eq: 3.75
        (42, 120.4, 8),  # whole full, refined at the limit: 7.5
    ],
)
def test_grain_points(whole_g, refined_g, expected):
    result = score_recipe(at_1000_kcal(whole_grain_g=whole_g, refined_grain_g=refined_g))
    assert points(result)["grains"] == expected


def test_no_grain_reason_says_median():
    assert "median" in comp(score_recipe(at_1000_kcal()), "grains").reason


@pytest.mark.parametrize(
    ("names", "expected"), [((), 0), (("ice cream",), -5), (("a", "b"), -10), (("a", "b", "c"), -10)]
)
def test_emulsifier_penalty(names, expected):
    result = score_recipe(at_1000_kcal(emulsifier_foods=names))
    assert points(result)["emulsifiers"] == expected
    for name in names:
        assert name in comp(result, "emulsifiers").reason


@pytest.mark.parametrize(("share", "expected"), [(0, 0), (0.1, -2), (0.5, -8), (1, -15)])
def test_ultra_processed_penalty(share, expected):
    assert points(score_recipe(at_1000_kcal(ultra_processed_share=share)))["ultra_processed"] == expected


@pytest.mark.parametrize(
    ("free_sugars_g", "expected"),
    [(0, 0), (16.25, 0), (40.625, -5), (65, -10), (200, -10)],  # 6.5 %, 16.25 %, 26 % of 1,000 kcal
)
def test_free_sugar_penalty(free_sugars_g, expected):
    result = score_recipe(at_1000_kcal(free_sugars_g=free_sugars_g))
    assert points(result)["free_sugar"] == expected


@pytest.mark.parametrize(("grams", "expected"), [(0, 0), (12.5, -3), (25, -5), (50, -10), (120, -10)])
def test_processed_meat_penalty(grams, expected):
    result = score_recipe(at_1000_kcal(processed_meat_g=grams))
    assert points(result)["processed_meat"] == expected
    assert f"{grams:.1f} g processed meat per serving" in comp(result, "processed_meat").reason


def test_uncooked_alcohol_penalty():
    assert points(score_recipe(at_1000_kcal(alcohol_uncooked=True)))["alcohol"] == -5
    assert points(score_recipe(at_1000_kcal(alcohol_uncooked=False)))["alcohol"] == 0


def worst_penalties(**values) -> ServingNutrition:
    return at_1000_kcal(
        emulsifier_foods=("a", "b"),
        ultra_processed_share=1.0,
        free_sugars_g=100.0,
        processed_meat_g=100.0,
        alcohol_uncooked=True,
        **values,
    )


def test_deductions_are_capped_at_40_as_an_explicit_line():
    # -10 -15 -10 -10 -5 = -50; the cap gives back 10. Positives: 35 fiber + 20 plants + 8 grains (median).
    result = score_recipe(worst_penalties(fiber_g=20.0, plants=10.0))
    assert points(result)["penalty_cap"] == 10
    assert result.score == 35 + 20 + 8 - 40
    assert sum(c.points for c in result.components) == result.score


def test_floor_at_zero_is_an_explicit_line():
    # Only the no-grain median (8) against the capped -40.
    result = score_recipe(worst_penalties())
    assert result.score == 0
    assert points(result)["floor"] == 32
    assert sum(c.points for c in result.components) == 0
    assert result.band == "limited"


def test_zero_energy_scores_counts_only_and_says_so():
    n = ServingNutrition(fiber_g=3.0, plants=2.0, live_culture_servings=1.0, fructans_g=1.5, refined_grain_g=50.0)
    result = score_recipe(n)
    assert points(result)["fiber"] == 0
    assert points(result)["grains"] == 0
    assert points(result)["free_sugar"] == 0
    assert result.score == 4 + 4 + 10  # plants, one fiber class, one live serving
    assert any("No energy" in note for note in result.notes)


def test_low_energy_note_only_under_150_kcal():
    assert "Under 150 kcal a serving: judge it within a meal." in score_recipe(ServingNutrition(energy_kcal=120)).notes
    assert score_recipe(ServingNutrition(energy_kcal=150)).notes == ()


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "limited"),
        (39, "limited"),
        (40, "good"),
        (69, "good"),
        (70, "very gut-friendly"),
        (100, "very gut-friendly"),
    ],
)
def test_bands(score, band):
    assert band_for(score) == band


def test_a_recipe_can_reach_100():
    n = at_1000_kcal(
        fiber_g=25,
        plants=12,
        fructans_g=2,
        gos_g=1,
        resistant_starch_g=2,
        beta_glucan_g=2,
        live_culture_servings=2,
        whole_grain_g=60,
    )
    assert score_recipe(n).score == 100


def test_as_dict_shape():
    doc = score_recipe(ServingNutrition(**EXAMPLES["Kimchi rice bowl"])).as_dict()
    assert set(doc) == {"score", "band", "version", "components", "notes"}
    assert doc["version"] == SCORE_VERSION == "1.0"
    assert set(doc["components"][0]) == {"key", "label", "points", "max_points", "reason"}
    assert isinstance(doc["notes"], list)


def test_low_fodmap_is_not_part_of_the_score():
    names = {f.name for f in fields(ServingNutrition)}
    assert not any("fodmap" in name for name in names)  # nothing FODMAP-related can reach the score


# --- add_nutrition, day and week --------------------------------------------------------------------


def test_add_nutrition_sums_servings_times_factor():
    a = ServingNutrition(energy_kcal=400, fiber_g=8, live_culture_servings=1, plant_species=frozenset({"oat", "apple"}))
    b = ServingNutrition(
        energy_kcal=600,
        fiber_g=4,
        plant_species=frozenset({"apple", "onion"}),
        emulsifier_foods=("ice cream",),
        ultra_processed_share=0.5,
        alcohol_uncooked=True,
    )
    total = add_nutrition([(a, 2.0), (b, 1.0), (b, 0.0)])
    assert total.energy_kcal == 1400
    assert total.fiber_g == 20
    assert total.live_culture_servings == 2
    assert total.plant_species == {"oat", "apple", "onion"}
    assert total.plants == 3
    assert total.emulsifier_foods == ("ice cream",)  # the zero-factor item is left out
    assert total.alcohol_uncooked is True
    assert total.ultra_processed_share == pytest.approx(0.5 * 600 / 1400)


def test_add_nutrition_rejects_negative_factors():
    with pytest.raises(ValueError):
        add_nutrition([(ServingNutrition(), -1.0)])


def test_day_score_against_targets():
    day = ServingNutrition(
        energy_kcal=2000,
        fiber_g=28,
        plants=10,
        live_culture_servings=1,
        fructans_g=3,
        beta_glucan_g=1.5,
        whole_grain_g=84,
    )
    result = score_day(day, energy_target_kcal=2000, fiber_target_g=28, live_target=1)
    assert points(result) == {
        "fiber": 30,
        "plants": 25,
        "live_cultures": 15,
        "prebiotic_sources": 15,
        "grains": 15,
        "emulsifiers": 0,
        "ultra_processed": 0,
        "free_sugar": 0,
        "processed_meat": 0,
        "alcohol": 0,
    }
    assert result.score == 100
    half = score_day(replace(day, fiber_g=14), energy_target_kcal=2000, fiber_target_g=28, live_target=1)
    assert points(half)["fiber"] == 15
    assert "50 % of the 28 g target" in comp(half, "fiber").reason


def test_day_score_notes_a_day_far_under_its_energy_target():
    result = score_day(ServingNutrition(energy_kcal=900), energy_target_kcal=2000, fiber_target_g=28, live_target=1)
    assert any("45 % of the 2,000 kcal target" in note for note in result.notes)
    with pytest.raises(ValueError):
        score_day(ServingNutrition(), energy_target_kcal=2000, fiber_target_g=0, live_target=1)


def plan_day(index: int, **values) -> ServingNutrition:
    base = {"energy_kcal": 2000.0, "fiber_g": 28.0, "whole_grain_g": 84.0}
    base.update(values)
    return ServingNutrition(plant_species=frozenset({f"plant {index}-{k}" for k in range(5)}), **base)


def test_week_counts_distinct_plants_across_days():
    week = [plan_day(i) for i in range(7)]  # 35 distinct species
    assert points(score_week(week))["plants"] == 25
    same = [replace(d, plant_species=frozenset({"oat", "apple", "onion"})) for d in week]
    assert points(score_week(same))["plants"] == 3  # 3 of 30 -> 2.5, rounded up
    assert "3 distinct plants" in comp(score_week(same), "plants").reason


def test_week_fiber_live_and_prebiotic_days():
    week = [plan_day(i, live_culture_servings=1.0, fructans_g=2.0 if i < 5 else 0.0) for i in range(7)]
    result = score_week(week)
    assert points(result)["fiber"] == 30  # 14 g per 1,000 kcal
    assert points(result)["live_cultures"] == 15  # 7 a week
    assert points(result)["prebiotic_sources"] == 10  # fructans on 5 days, no beta-glucan or resistant starch
    fewer = [replace(d, fructans_g=2.0 if i < 2 else 0.0, live_culture_servings=0.5) for i, d in enumerate(week)]
    assert points(score_week(fewer))["prebiotic_sources"] == 4  # 2 of 5 days -> 4
    assert points(score_week(fewer))["live_cultures"] == 8  # 3.5 of 7 -> 7.5


def test_week_pools_penalties():
    week = [plan_day(i) for i in range(7)]
    week[0] = replace(week[0], emulsifier_foods=("ice cream", "salad dressing"))
    assert points(score_week(week))["emulsifiers"] == 0  # 2 flagged items a week are allowed
    week[1] = replace(week[1], emulsifier_foods=("ice cream",))
    assert points(score_week(week))["emulsifiers"] == -5
    week[2] = replace(week[2], processed_meat_g=175.0)  # 25 g a day on average
    assert points(score_week(week))["processed_meat"] == -5


def test_empty_week():
    result = score_week([])
    assert result.score == 0
    assert result.notes == ("No days to score.",)


# --- the worked examples of docs/scoring.md -------------------------------------------------------


def parse_examples(text: str) -> dict[str, dict]:
    """Each '### Example: <name>' section: its input table, breakdown table and stated total."""
    out = {}
    for section in re.split(r"^### Example: ", text, flags=re.M)[1:]:
        name, _, body = section.partition("\n")
        body = body.split("\n## ")[0]
        inputs, components, total = {}, {}, None
        for line in body.splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
            if len(cells) == 2 and re.fullmatch(r"`\w+`", cells[0]):
                inputs[cells[0].strip("`")] = ast.literal_eval(cells[1])
            elif len(cells) == 5 and re.fullmatch(r"`\w+`", cells[0]):
                components[cells[0].strip("`")] = int(cells[2].replace("−", "-"))
            elif len(cells) == 5 and cells[0] == "**Score**":
                total = (int(cells[2].strip("*")), cells[4])
        out[name.strip()] = {"inputs": inputs, "components": components, "total": total}
    return out


def parse_summary(text: str) -> list[tuple[str, int, str]]:
    block = text.split("<!-- examples:start -->")[1].split("<!-- examples:end -->")[0]
    rows = []
    for line in block.strip().splitlines()[2:]:
        name, score, band = (cell.strip() for cell in line.strip().strip("|").split("|"))
        rows.append((name, int(score), band))
    return rows


@pytest.fixture(scope="module")
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def test_doc_states_the_same_example_inputs(doc_text):
    documented = parse_examples(doc_text)
    assert set(documented) == set(EXAMPLES)
    for name, values in EXAMPLES.items():
        assert documented[name]["inputs"] == values, name


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_doc_breakdown_matches_the_code(doc_text, name):
    documented = parse_examples(doc_text)[name]
    result = score_recipe(ServingNutrition(**EXAMPLES[name]))
    assert documented["components"] == points(result)
    assert documented["total"] == (result.score, result.band)


def test_doc_summary_scores_and_ranking(doc_text):
    summary = parse_summary(doc_text)
    assert {name for name, _, _ in summary} == set(EXAMPLES)
    for name, score, band in summary:
        result = score_recipe(ServingNutrition(**EXAMPLES[name]))
        assert (result.score, result.band) == (score, band), name
    # The table is written best first; the code must rank them the same way.
    stated = [score for _, score, _ in summary]
    assert stated == sorted(stated, reverse=True)
    assert len(set(stated)) == len(stated)
