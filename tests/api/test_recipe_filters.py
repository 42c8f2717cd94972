"""Recipe list filters, ordering and pagination: each returns exactly the matching recipes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

LIST = "/api/v1/recipes/"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def catalogue(make_recipe):
    """Public recipes with hand-picked stored values, one property varied at a time."""
    return {
        "oats": make_recipe(
            title="Kefir overnight oats",
            meal_types=["breakfast"],
            tags=["quick", "no-cook"],
            diets=["vegetarian", "pescatarian"],
            allergens=["gluten", "milk"],
            fodmap_level="low",
            fiber_g=8,
            prebiotic_g=3,
            gut_score=82,
            energy_kcal=420,
            total_minutes=5,
            live_culture_servings=1.5,
            lines=["1 cup rolled oats", "1 cup kefir", "1 tbsp oat bran"],
        ),
        "dal": make_recipe(
            title="Red lentil dal",
            meal_types=["dinner", "lunch"],
            tags=["batch"],
            diets=["vegan", "vegetarian", "pescatarian"],
            allergens=[],
            fodmap_level="high",
            fiber_g=12,
            prebiotic_g=4.5,
            gut_score=74,
            energy_kcal=510,
            total_minutes=40,
            lines=["1 cup red lentils", "1 onion"],
        ),
        "salmon": make_recipe(
            title="Salmon traybake",
            meal_types=["dinner"],
            diets=["pescatarian"],
            allergens=["fish"],
            fodmap_level="moderate",
            fiber_g=4,
            prebiotic_g=0.5,
            gut_score=45,
            energy_kcal=650,
            total_minutes=None,
            lines=["2 salmon fillets", "200 g green beans"],
        ),
        "toast": make_recipe(
            title="Toast with butter",
            meal_types=["breakfast", "snack"],
            tags=["quick"],
            diets=["vegetarian", "pescatarian"],
            allergens=["gluten", "milk"],
            fodmap_level="",
            fiber_g=1,
            prebiotic_g=0.2,
            gut_score=12,
            energy_kcal=300,
            total_minutes=3,
            lines=["2 slices white bread", "10 g butter"],
        ),
    }


def names(catalogue: dict, response) -> set[str]:
    by_id = {recipe.pk: key for key, recipe in catalogue.items()}
    return {by_id[pk] for pk in ids(response)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=oat", {"oats"}),  # title
        ("q=LENTILS", {"dal"}),  # ingredient line, case-insensitive
        ("q=bread", {"toast"}),  # only in a line
        ("q=zzz", set()),
        ("meal_type=breakfast", {"oats", "toast"}),
        ("meal_type=dinner", {"dal", "salmon"}),
        ("diet=vegan", {"dal"}),
        ("diet=vegetarian", {"oats", "dal", "toast"}),
        ("diet=omnivore", {"oats", "dal", "salmon", "toast"}),
        ("exclude_allergens=milk", {"dal", "salmon"}),
        ("exclude_allergens=milk,fish", {"dal"}),
        ("exclude_allergens=sesame", {"oats", "dal", "salmon", "toast"}),
        ("low_fodmap=true", {"oats", "toast"}),
        ("low_fodmap=false", {"dal", "salmon"}),
        ("live_cultures=true", {"oats"}),
        ("live_cultures=false", {"dal", "salmon", "toast"}),
        ("min_fiber_g=8", {"oats", "dal"}),
        ("min_fiber_g=8.5", {"dal"}),
        ("min_prebiotic_g=3", {"oats", "dal"}),
        ("min_score=70", {"oats", "dal"}),
        ("min_score=0", {"oats", "dal", "salmon", "toast"}),
        ("max_energy_kcal=420", {"oats", "toast"}),
        ("max_total_minutes=5", {"oats", "toast"}),
        ("max_total_minutes=60", {"oats", "dal", "toast"}),  # no stored time: left out
        ("tag=quick", {"oats", "toast"}),
        ("tag=Batch", {"dal"}),
        ("meal_type=breakfast&min_score=50", {"oats"}),
        ("diet=vegetarian&exclude_allergens=gluten&max_total_minutes=60", {"dal"}),
    ],
)
def test_filter_returns_exactly_the_matching_recipes(anon_api, catalogue, query, expected):
    assert names(catalogue, anon_api.get(f"{LIST}?{query}")) == expected


def test_q_matching_several_lines_returns_the_recipe_once(anon_api, catalogue):
    # "oat" is in the title and in two ingredient lines.
    assert ids(anon_api.get(f"{LIST}?q=oat")) == [catalogue["oats"].pk]
    assert anon_api.get(f"{LIST}?q=oat").json()["count"] == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("meal_type=brunch", "meal_type"),
        ("diet=keto", "diet"),
        ("exclude_allergens=milk,chocolate", "exclude_allergens"),
        ("low_fodmap=maybe", "low_fodmap"),
        ("live_cultures=yes please", "live_cultures"),
        ("min_fiber_g=abc", "min_fiber_g"),
        ("min_fiber_g=-1", "min_fiber_g"),
        ("min_score=101", "min_score"),
        ("max_energy_kcal=lots", "max_energy_kcal"),
        ("max_total_minutes=1.5.2", "max_total_minutes"),
        ("ordering=calories", "ordering"),
        ("ordering=-owner", "ordering"),
    ],
)
def test_unknown_filter_value_is_400_naming_the_parameter(anon_api, catalogue, query, field):
    response = anon_api.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert response.json()["detail"] == "Invalid input."
    assert field in response.json()["errors"]
    assert_one_error_shape(response.json())


@pytest.mark.parametrize(
    ("ordering", "key", "reverse"),
    [
        ("gut_score", "gut_score", False),
        ("-gut_score", "gut_score", True),
        ("fiber_g", "fiber_g", False),
        ("-fiber_g", "fiber_g", True),
        ("energy_kcal", "energy_kcal", False),
        ("-energy_kcal", "energy_kcal", True),
        ("title", "title", False),
        ("-title", "title", True),
    ],
)
def test_ordering(anon_api, catalogue, ordering, key, reverse):
    recipes = sorted(catalogue.values(), key=lambda r: getattr(r, key), reverse=reverse)
    assert ids(anon_api.get(f"{LIST}?ordering={ordering}")) == [r.pk for r in recipes]


def test_ordering_by_total_minutes(anon_api, catalogue):
    timed = sorted((r for r in catalogue.values() if r.total_minutes is not None), key=lambda r: r.total_minutes)
    got = ids(anon_api.get(f"{LIST}?ordering=total_minutes&max_total_minutes=1000"))
    assert got == [r.pk for r in timed]
    got_desc = ids(anon_api.get(f"{LIST}?ordering=-total_minutes&max_total_minutes=1000"))
    assert got_desc == [r.pk for r in reversed(timed)]


def test_response_uses_analysis_field_names(anon_api, catalogue):
    item = next(i for i in anon_api.get(LIST).json()["results"] if i["id"] == catalogue["oats"].pk)
    assert item["per_serving"]["fiber_g"] == 8
    assert item["per_serving"]["prebiotic_g"] == 3
    assert item["per_serving"]["energy_kcal"] == 420
    assert item["gut_score"] == 82
    assert item["gut_score_band"] == "very gut-friendly"
    assert item["allergens"] == ["gluten", "milk"]
    assert "ingredients" not in item  # the list is the light shape


# --- pagination ------------------------------------------------------------------------------


def test_page_size_is_capped_at_100(anon_api, make_recipe):
    for _ in range(105):
        make_recipe()
    body = anon_api.get(f"{LIST}?page_size=500").json()
    assert body["count"] == 105
    assert len(body["results"]) == 100
    assert body["next"] is not None
    assert len(anon_api.get(f"{LIST}?page_size=500&page=2").json()["results"]) == 5


def test_default_page_size_and_pages_do_not_overlap(anon_api, make_recipe):
    for _ in range(25):
        make_recipe(title="Same title", gut_score=50)
    first = ids(anon_api.get(f"{LIST}?ordering=-gut_score"))
    second = ids(anon_api.get(f"{LIST}?ordering=-gut_score&page=2"))
    assert len(first) == 20 and len(second) == 5
    assert not set(first) & set(second)


def test_page_past_the_end_is_404(anon_api, make_recipe):
    make_recipe()
    response = anon_api.get(f"{LIST}?page=9")
    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


# --- query counts ----------------------------------------------------------------------------


def list_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("n", [1, 50])
def test_recipe_list_runs_two_queries_for_any_page_size(anon_api, make_recipe, django_assert_num_queries, n):
    for _ in range(n):
        make_recipe(lines=["1 apple", "2 pears"])
    with django_assert_num_queries(2):  # COUNT for the pager, then the page itself
        response = anon_api.get(f"{LIST}?page_size=100&min_score=0&ordering=-gut_score&q=e")
    assert len(response.json()["results"]) == n


@pytest.mark.parametrize("n", [1, 50])
def test_signed_in_recipe_list_query_count_is_constant(owner_api, user, make_recipe, django_assert_num_queries, n):
    for i in range(n):
        make_recipe(owner=user if i % 2 else None, is_public=not i % 2)
    with django_assert_num_queries(2):
        response = owner_api.get(f"{LIST}?page_size=100")
    assert len(response.json()["results"]) == n


def test_recipe_detail_query_count_does_not_grow_with_lines(anon_api, make_recipe, pantry):
    few = make_recipe(lines=["1 apple"])
    many = make_recipe(lines=[f"{i} g rolled oats" for i in range(1, 41)])
    many.ingredients.update(food=pantry["oats"])
    assert list_queries(anon_api, f"{LIST}{few.pk}/") == list_queries(anon_api, f"{LIST}{many.pk}/")
