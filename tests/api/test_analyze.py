"""POST /api/v1/analyze/: nutrition and score of lines, saving nothing."""

import pytest
from django.apps import apps

from recipes.models import Recipe

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

URL = "/api/v1/analyze/"


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_analyze_returns_the_analysis_and_saves_nothing(owner_api, pantry):
    before = row_counts()

    response = owner_api.post(
        URL, {"ingredients": ["100 g rolled oats", "200 g cooked lentils", "1 pinch of stardust"], "servings": 2}
    )

    assert response.status_code == 200, response.json()
    assert row_counts() == before
    body = response.json()
    oats, lentils = pantry["oats"], pantry["lentils"]
    expected_fiber = (oats.fiber_g * 1 + lentils.fiber_g * 2) / 2
    assert body["servings"] == 2
    assert body["per_serving"]["fiber_g"] == pytest.approx(expected_fiber, abs=0.01)
    expected_prebiotic = (oats.beta_glucan_g + 2 * (lentils.gos_g + lentils.resistant_starch_g)) / 2
    assert body["per_serving"]["prebiotic_g"] == pytest.approx(expected_prebiotic, abs=0.01)
    assert body["unmatched"] == ["1 pinch of stardust"]
    assert [line["status"] for line in body["lines"]] == ["matched", "matched", "unmatched"]
    assert body["lines"][1]["food"] == {"id": lentils.pk, "name": "cooked lentils"}
    assert body["lines"][2]["food"] is None
    assert 0 <= body["gut_score"] <= 100
    assert sum(component["points"] for component in body["breakdown"]) == body["gut_score"]
    assert body["gut_score_band"] in ("limited", "good", "very gut-friendly")
    assert body["allergens"] == ["gluten"]
    assert body["plant_species"] == ["lentil", "oat"]


def test_analysis_matches_what_a_saved_recipe_stores(owner_api, pantry):
    lines = ["100 g rolled oats", "150 g kefir"]
    analysed = owner_api.post(URL, {"ingredients": lines, "servings": 3}).json()
    saved = owner_api.post("/api/v1/recipes/", {"title": "Same", "ingredients": lines, "servings": 3}).json()
    assert analysed["gut_score"] == saved["gut_score"]
    assert set(analysed["per_serving"]) == set(saved["per_serving"])  # the same names in both
    for name, value in saved["per_serving"].items():
        assert analysed["per_serving"][name] == pytest.approx(value, abs=0.01), name


def test_text_block_and_yields(owner_api, pantry):
    response = owner_api.post(URL, {"text": "400 g rolled oats\n\n  \n", "yields": "Serves 4"})
    assert response.status_code == 200, response.json()
    assert response.json()["servings"] == 4
    assert response.json()["per_serving"]["fiber_g"] == pytest.approx(pantry["oats"].fiber_g, abs=0.01)
    assert len(response.json()["lines"]) == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "ingredients"),
        ({"ingredients": []}, "ingredients"),
        ({"ingredients": ["  "]}, "ingredients"),
        ({"text": "\n\n"}, "text"),
        ({"ingredients": ["1 apple"], "text": "1 apple"}, "ingredients"),
        ({"ingredients": ["1 apple"], "servings": 0}, "servings"),
        ({"ingredients": ["1 apple"], "servings": "two"}, "servings"),
        ({"ingredients": ["x" * 501]}, "ingredients"),
        ({"ingredients": "1 apple"}, "ingredients"),
    ],
)
def test_bad_analyze_input_is_400_naming_the_field(owner_api, payload, field):
    response = owner_api.post(URL, payload)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert_one_error_shape(response.json())


def test_analyze_needs_a_signed_in_user(anon_api, pantry):
    response = anon_api.post(URL, {"ingredients": ["100 g rolled oats"]})
    assert response.status_code == 401
    assert Recipe.objects.count() == 0
