"""Food admin: editing values recomputes the recipes that use the food; filters; the recipes-using list."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from recipes import services
from recipes.models import Food, FoodPortion, Recipe

from .conftest import small_food
from .forms import form_values, inline_management

pytestmark = pytest.mark.django_db

FOOD_FIELDS = [f.name for f in Food._meta.concrete_fields if f.editable and f.name not in ("id", "updated_at")]


def food_post(food, **changes):
    data = form_values(food, FOOD_FIELDS)
    portions = list(food.portions.order_by("seq", "id"))
    data.update(inline_management("portions", len(portions), len(portions)))
    for i, portion in enumerate(portions):
        data.update(
            {
                f"portions-{i}-id": str(portion.pk),
                f"portions-{i}-food": str(food.pk),
                f"portions-{i}-seq": str(portion.seq),
                f"portions-{i}-amount": str(portion.amount),
                f"portions-{i}-unit": portion.unit,
                f"portions-{i}-grams": str(portion.grams),
            }
        )
    data.update(changes)
    return data


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def teff():
    """A made-up food only our recipes use, so the counts below are exact."""
    food = small_food("zzteff flakes", energy_kcal=300, fiber_g=10)
    FoodPortion.objects.create(food=food, seq=1, amount=1, unit="cup", grams=100)
    services.food_index_cache.clear()
    return food


def teff_recipes(count: int) -> list[Recipe]:
    recipes = [
        services.create_recipe(owner=None, title=f"Teff bowl {i}", ingredients=["100 g zzteff flakes"], servings=1)
        for i in range(count)
    ]
    assert all(r.ingredients.get().food.name == "zzteff flakes" for r in recipes)
    return recipes


def test_editing_a_foods_values_recomputes_its_recipes_with_a_count(staff_client, teff):
    recipes = teff_recipes(2)
    untouched = services.create_recipe(owner=None, title="Lentils", ingredients=["100 g red lentils"], servings=1)
    assert recipes[0].energy_kcal == pytest.approx(300)
    response = staff_client.post(
        reverse("admin:recipes_food_change", args=[teff.pk]), food_post(teff, energy_kcal="350")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "Recomputed nutrition and gut score of 2 recipe(s) that use zzteff flakes." in messages_of(response)
    for recipe in recipes:
        recipe.refresh_from_db()
        assert recipe.energy_kcal == pytest.approx(350)
    assert Recipe.objects.get(pk=untouched.pk).updated_at == untouched.updated_at


def test_editing_a_portion_inline_recomputes_too(staff_client, teff):
    recipe = services.create_recipe(owner=None, title="Cup of teff", ingredients=["1 cup zzteff flakes"], servings=1)
    assert recipe.energy_kcal == pytest.approx(300)
    data = food_post(teff, **{"portions-0-grams": "50"})
    response = staff_client.post(reverse("admin:recipes_food_change", args=[teff.pk]), data)
    assert response.status_code == 302
    recipe.refresh_from_db()
    assert recipe.energy_kcal == pytest.approx(150)
    assert any("1 recipe(s)" in m for m in messages_of(response))


def test_editing_only_the_source_recomputes_nothing(staff_client, teff):
    teff_recipes(1)
    response = staff_client.post(
        reverse("admin:recipes_food_change", args=[teff.pk]), food_post(teff, source="Checked against the label")
    )
    assert response.status_code == 302
    assert not any("Recomputed" in m for m in messages_of(response))
    assert Food.objects.get(pk=teff.pk).source == "Checked against the label"


def test_unknown_allergens_are_refused(staff_client, teff):
    response = staff_client.post(
        reverse("admin:recipes_food_change", args=[teff.pk]), food_post(teff, allergens="gluten, plutonium")
    )
    assert response.status_code == 200
    assert "Unknown allergen(s): plutonium" in response.content.decode()
    assert Food.objects.get(pk=teff.pk).allergens == []


def test_change_page_lists_the_recipes_using_the_food(staff_client, teff):
    teff_recipes(2)
    page = staff_client.get(reverse("admin:recipes_food_change", args=[teff.pk])).content.decode()
    assert "Teff bowl 0" in page and "Teff bowl 1" in page
    assert f"{reverse('admin:recipes_recipe_changelist')}?uses_food={teff.pk}" in page
    assert "All 2 recipe(s)" in page


def test_deleting_a_food_rematches_its_recipes(staff_client, teff):
    (recipe,) = teff_recipes(1)
    response = staff_client.post(reverse("admin:recipes_food_delete", args=[teff.pk]), {"post": "yes"})
    assert response.status_code == 302
    recipe.refresh_from_db()
    assert recipe.unmatched_count == 1
    assert recipe.energy_kcal == 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"allergen": "gluten"}, {"zzfilter wheat"}),
        ({"allergen": "none"}, {"zzfilter kefir", "zzfilter lentil"}),
        ({"live_cultures__exact": "1"}, {"zzfilter kefir"}),
        ({"fodmap_level__exact": "high"}, {"zzfilter lentil"}),
        ({"food_group": "legumes"}, {"zzfilter lentil"}),
        ({"is_common__exact": "1"}, {"zzfilter wheat"}),
    ],
)
def test_food_filters(staff_client, params, expected):
    small_food("zzfilter wheat", allergens=["gluten"], is_common=True)
    small_food("zzfilter kefir", food_group="dairy and eggs", live_cultures=True)
    small_food("zzfilter lentil", food_group="legumes", fodmap_level="high")
    response = staff_client.get(reverse("admin:recipes_food_changelist"), {"q": "zzfilter", **params})
    assert {food.name for food in response.context["cl"].result_list} == expected


def test_search_finds_aliases(staff_client):
    small_food("zzsearch chickpea", aliases="zzgarbanzo\nzzceci")
    response = staff_client.get(reverse("admin:recipes_food_changelist"), {"q": "zzgarbanzo"})
    assert [food.name for food in response.context["cl"].result_list] == ["zzsearch chickpea"]
