"""Foods: read-only, searchable by name and alias, with portions and sources."""

import pytest

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

LIST = "/api/v1/foods/"


def names(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


def test_anonymous_lists_foods_with_values_portions_and_source(anon_api, pantry):
    body = anon_api.get(LIST).json()
    assert body["count"] == 3
    oats = next(item for item in body["results"] if item["name"] == "rolled oats")
    assert oats["per_100g"]["fiber_g"] == pantry["oats"].fiber_g
    assert oats["per_100g"]["sugars_g"] == pantry["oats"].sugars_g
    assert oats["per_100g"]["fructans_g"] is None  # unknown stays unknown, not zero
    assert oats["portions"] == [{"amount": 1.0, "unit": "cup", "grams": 80.0}]
    assert oats["aliases"] == ["porridge oats", "oatmeal"]
    assert oats["allergens"] == ["gluten"]
    assert oats["source"] == "test table"
    assert "gut_source" in oats


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=oats", ["rolled oats"]),
        ("q=OATMEAL", ["rolled oats"]),  # an alias
        ("q=lentil", ["cooked lentils"]),
        ("q=quinoa", []),
        ("food_group=legumes", ["cooked lentils"]),
        ("live_cultures=true", ["kefir"]),
        ("live_cultures=false", ["cooked lentils", "rolled oats"]),
        ("fodmap_level=high", ["cooked lentils"]),
        ("fodmap_level=low", ["kefir", "rolled oats"]),
        ("fodmap_level=low&q=kef", ["kefir"]),
    ],
)
def test_food_filters(anon_api, pantry, query, expected):
    assert names(anon_api.get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("food_group=sweets", "food_group"),
        ("fodmap_level=extreme", "fodmap_level"),
        ("live_cultures=2", "live_cultures"),
    ],
)
def test_bad_food_filter_is_400(anon_api, pantry, query, field):
    response = anon_api.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert_one_error_shape(response.json())


def test_food_detail_and_404(anon_api, pantry):
    kefir = pantry["kefir"]
    body = anon_api.get(f"{LIST}{kefir.pk}/").json()
    assert body["name"] == "kefir"
    assert body["live_cultures"] is True
    assert anon_api.get(f"{LIST}999999/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_foods_are_read_only(staff_api, pantry, method):
    url = LIST if method == "post" else f"{LIST}{pantry['oats'].pk}/"
    response = getattr(staff_api, method)(url, {"name": "changed"}, format="json")
    assert response.status_code == 405
    pantry["oats"].refresh_from_db()
    assert pantry["oats"].name == "rolled oats"


@pytest.mark.parametrize("n", [1, 50])
def test_food_list_query_count_is_constant(anon_api, empty_food_table, make_food, django_assert_num_queries, n):
    for i in range(n):
        make_food(f"food {i}", portions=[(1, "cup", 100 + i), (1, "tbsp", 10)])
    with django_assert_num_queries(3):  # count, page, portions of the page
        response = anon_api.get(f"{LIST}?page_size=100")
    assert len(response.json()["results"]) == n
    assert all(len(item["portions"]) == 2 for item in response.json()["results"])
