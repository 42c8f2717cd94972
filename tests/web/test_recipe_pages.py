"""The recipe pages: browse with the API's filter names, read one, write and preview your own."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from recipes import services
from recipes.models import Recipe, RecipeIngredient
from tests.web.conftest import stored_recipe

pytestmark = pytest.mark.django_db

SOUP_LINES = "200 g red lentils\n1 onion, chopped\n2 garlic cloves\n150 g plain yogurt"


def titles(response) -> list[str]:
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def soup(user):
    return services.create_recipe(
        owner=user, title="Lentil soup", ingredients=SOUP_LINES, servings=2, instructions="Simmer the lentils."
    )


# --- home and the score page -----------------------------------------------------------------


def test_home_explains_the_score_and_shows_top_recipes(client):
    stored_recipe("Best bowl", gut_score=91)
    stored_recipe("Plain toast", gut_score=12)
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("about-score") in body
    assert "/plans/new/" in body
    assert titles(response) == ["Best bowl", "Plain toast"]


def test_home_without_recipes_says_so(client):
    response = client.get("/")
    assert "No recipes yet" in response.content.decode()


def test_score_page_explains_every_component_without_medical_claims(client):
    body = client.get("/about/score/").content.decode()
    for part in ("Fiber density", "Plant diversity", "Fermentable-fiber classes", "Live-culture foods", "Whole grains"):
        assert part in body
    for claim in ("heals", "cures", "treats"):
        assert claim not in body.lower()


# --- list and filters ------------------------------------------------------------------------


def test_list_shows_public_and_own_recipes_only(client, user, stranger):
    stored_recipe("Public porridge")
    stored_recipe("My secret stew", owner=user, public=False)
    stored_recipe("Their secret stew", owner=stranger, public=False)
    assert titles(client.get("/recipes/")) == ["Public porridge"]
    client.force_login(user)
    assert sorted(titles(client.get("/recipes/"))) == ["My secret stew", "Public porridge"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=lentil", ["Lentil dal"]),
        ("diet=vegan", ["Lentil dal"]),
        ("meal_type=breakfast", ["Kefir oats"]),
        ("low_fodmap=true", ["Kefir oats"]),
        ("live_cultures=true", ["Kefir oats"]),
        ("min_fiber_g=10", ["Lentil dal"]),
        ("min_score=80", ["Kefir oats"]),
        ("max_total_minutes=15", ["Kefir oats"]),
        ("exclude_allergens=milk", ["Lentil dal", "Tuna pasta"]),
        ("exclude_allergens=milk&exclude_allergens=gluten", ["Lentil dal"]),
        ("exclude_allergens=milk,gluten", ["Lentil dal"]),
        ("ordering=title", ["Kefir oats", "Lentil dal", "Tuna pasta"]),
        ("ordering=-fiber_g", ["Lentil dal", "Kefir oats", "Tuna pasta"]),
    ],
)
def test_filters_narrow_the_list(client, query, expected):
    stored_recipe("Lentil dal", fiber_g=14, gut_score=70, total_minutes=40, fodmap_level="high")
    stored_recipe(
        "Kefir oats",
        meal_types=["breakfast"],
        fiber_g=9,
        gut_score=85,
        total_minutes=10,
        live_culture_servings=1.5,
        allergens=["milk", "gluten"],
        diets=["vegetarian", "pescatarian"],
    )
    stored_recipe(
        "Tuna pasta", fiber_g=4, gut_score=30, diets=["pescatarian"], allergens=["fish", "gluten"], fodmap_level="high"
    )
    response = client.get(f"/recipes/?{query}")
    assert response.status_code == 200
    found = titles(response)
    if query.startswith("ordering="):
        assert found == expected
    else:
        assert sorted(found) == expected


def test_default_order_is_best_score_first(client):
    stored_recipe("Middling", gut_score=50)
    stored_recipe("Top", gut_score=90)
    stored_recipe("Low", gut_score=10)
    assert titles(client.get("/recipes/")) == ["Top", "Middling", "Low"]


def test_filter_form_keeps_the_chosen_values(client):
    body = client.get("/recipes/?q=oats&diet=vegan&low_fodmap=true&exclude_allergens=milk&min_score=40").content
    body = body.decode()
    assert 'value="oats"' in body
    assert '<option value="vegan" selected>' in body
    assert re.search(r'name="low_fodmap" value="true"\s+checked', body)
    assert re.search(r'name="exclude_allergens" value="milk"\s+checked', body)
    assert not re.search(r'name="exclude_allergens" value="gluten"\s+checked', body)
    assert 'name="min_score" min="0" max="100" step="5" value="40"' in body


def test_bad_filter_value_is_explained_not_ignored(client):
    stored_recipe("Anything")
    response = client.get("/recipes/?min_score=lots&diet=carnivore")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Some filters could not be used" in body
    assert "min_score" in body and "diet" in body
    assert titles(response) == []


def test_htmx_request_gets_only_the_results_partial(client):
    stored_recipe("Lentil dal", fiber_g=14)
    stored_recipe("White toast", fiber_g=1)
    response = client.get("/recipes/?min_fiber_g=10", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert titles(response) == ["Lentil dal"]
    assert "HX-Request" in response.headers["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get("/recipes/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_list_is_paginated(client):
    for i in range(30):
        stored_recipe(f"Recipe {i:02d}", gut_score=i)
    first = client.get("/recipes/?ordering=title")
    second = client.get("/recipes/?ordering=title&page=2")
    assert len(titles(first)) == 24
    assert titles(second) == [f"Recipe {i:02d}" for i in range(24, 30)]
    assert "ordering=title&amp;page=2" in first.content.decode()


def test_cards_show_fiber_prebiotics_live_cultures_and_score(client):
    stored_recipe("Kimchi bowl", fiber_g=6.4, prebiotic_g=2.3, live_culture_servings=1.8, gut_score=77)
    body = client.get("/recipes/").content.decode()
    assert "6.4 g fiber" in body
    assert "2.3 g fermentable fibers" in body
    assert "live cultures" in body
    assert re.search(r'class="score score-high"[^>]*>77<', body)


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/recipes/").status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow_with_recipes(owner_client, user):
    stored_recipe("First")
    one = _list_queries(owner_client)
    for i in range(19):
        stored_recipe(f"More {i}", owner=user, public=False)
    assert titles(owner_client.get("/recipes/")).__len__() == 20
    assert _list_queries(owner_client) == one


# --- recipe page ----------------------------------------------------------------------------


def test_recipe_page_shows_lines_grams_foods_nutrition_breakdown_and_method(client, soup):
    soup.is_public = True
    soup.save()
    response = client.get(soup.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    for line in soup.ingredients.select_related("food"):
        assert line.raw_text in body
        if line.food:
            assert f"matched: {line.food.name}" in body
        if line.grams is not None:
            assert f"{line.grams:.0f} g" in body
    for part in soup.score_breakdown:
        assert escape(part["label"]) in body
        assert escape(part["reason"]) in body
    assert body.count('class="bar-fill"') == len(soup.score_breakdown)
    assert "Nutrition per serving" in body
    assert "Simmer the lentils." in body


def test_fodmap_flags_show_their_swaps(client, soup):
    soup.is_public = True
    soup.fodmap_triggers = [{"food": "onion", "level": "high", "grams": 55.0, "swap": "green tops of spring onion"}]
    soup.save()
    body = client.get(soup.get_absolute_url()).content.decode()
    assert "swap for green tops of spring onion" in body


def test_servings_scaler_returns_the_ingredient_partial_with_scaled_grams(owner_client, soup):
    line = soup.ingredients.exclude(grams=None).order_by("position").first()
    response = owner_client.get(f"{soup.get_absolute_url()}?servings=6", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "6 servings" in body and "scaled from 2" in body
    assert f"{line.grams * 3:.0f} g" in body


def test_servings_scaler_without_javascript_renders_the_page(owner_client, soup):
    body = owner_client.get(f"{soup.get_absolute_url()}?servings=1").content.decode()
    assert "<html" in body and "1 serving</strong>" in body


def test_private_recipe_is_404_for_strangers_and_anonymous(stranger_client, owner_client, soup):
    for url in (
        soup.get_absolute_url(),
        reverse("recipe-edit", args=[soup.pk]),
        reverse("recipe-delete", args=[soup.pk]),
    ):
        assert owner_client.get(url).status_code == 200
        assert stranger_client.get(url).status_code == 404
    assert Client().get(soup.get_absolute_url()).status_code == 404
    assert stranger_client.post(reverse("recipe-delete", args=[soup.pk])).status_code == 404
    assert Recipe.objects.filter(pk=soup.pk).exists()


def test_public_recipe_of_someone_else_cannot_be_edited(stranger_client, soup):
    soup.is_public = True
    soup.save()
    assert stranger_client.get(soup.get_absolute_url()).status_code == 200
    assert stranger_client.get(reverse("recipe-edit", args=[soup.pk])).status_code == 404


# --- my recipes, create, edit, delete --------------------------------------------------------


def test_my_recipes_needs_login_and_lists_only_mine(owner_client, user, stranger):
    stored_recipe("Mine", owner=user, public=False)
    stored_recipe("Theirs", owner=stranger, public=True)
    stored_recipe("Catalogue")
    assert Client().get("/recipes/mine/").status_code == 302
    assert titles(owner_client.get("/recipes/mine/")) == ["Mine"]


def test_my_recipes_empty_state(owner_client):
    assert "You have no recipes yet" in owner_client.get("/recipes/mine/").content.decode()


def test_new_recipe_requires_login():
    response = Client().get("/recipes/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_create_via_form_stores_parsed_ingredients_and_nutrition(owner_client, user):
    response = owner_client.post(
        "/recipes/new/",
        {
            "title": "Lentil soup",
            "ingredients": SOUP_LINES,
            "servings": "2",
            "meal_types": ["lunch", "dinner"],
            "prep_minutes": "10",
            "cook_minutes": "25",
            "tags": "Soup, batch",
        },
    )
    recipe = Recipe.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == recipe.get_absolute_url()
    lines = list(recipe.ingredients.order_by("position"))
    assert [line.raw_text for line in lines] == SOUP_LINES.splitlines()
    assert all(line.status == RecipeIngredient.Status.MATCHED and line.grams for line in lines)
    assert recipe.fiber_g > 0 and recipe.energy_kcal > 0 and recipe.score_breakdown
    assert recipe.total_minutes == 35 and sorted(recipe.meal_types) == ["dinner", "lunch"]
    assert sorted(recipe.tags) == ["batch", "soup"]
    assert recipe.is_public is False


def test_invalid_form_shows_errors_next_to_fields_and_keeps_the_text(owner_client):
    pasted = "200 g red lentils\n1 onion, chopped"
    response = owner_client.post("/recipes/new/", {"title": "", "ingredients": pasted, "servings": "0"})
    body = response.content.decode()
    assert response.status_code == 200
    assert Recipe.objects.count() == 0
    assert re.search(r'id="id_title_error"|aria-invalid="true"[^>]*id="id_title"|id="id_title"[^>]*aria-invalid', body)
    assert "This field is required." in body
    assert "Ensure this value is greater than or equal to 1." in body
    assert "200 g red lentils\n1 onion, chopped</textarea>" in body


def test_service_errors_show_on_the_ingredients_field(owner_client):
    too_many = "\n".join(f"{i} g oats" for i in range(1, services.MAX_INGREDIENT_LINES + 2))
    response = owner_client.post("/recipes/new/", {"title": "Huge", "ingredients": too_many, "servings": "2"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "At most 150 ingredient lines" in body
    assert body.index("At most 150 ingredient lines") < body.index('name="ingredients"')
    assert Recipe.objects.count() == 0


def test_edit_form_shows_current_lines_and_saves_changes(owner_client, soup):
    url = reverse("recipe-edit", args=[soup.pk])
    assert "200 g red lentils\n1 onion, chopped" in owner_client.get(url).content.decode()
    response = owner_client.post(
        url, {"title": "Lentil and oat soup", "ingredients": "100 g rolled oats", "servings": "1"}
    )
    soup.refresh_from_db()
    assert response.status_code == 302
    assert soup.title == "Lentil and oat soup" and soup.servings == 1
    assert list(soup.ingredients.values_list("raw_text", flat=True)) == ["100 g rolled oats"]


def test_delete_asks_then_deletes(owner_client, soup):
    url = reverse("recipe-delete", args=[soup.pk])
    assert "cannot be undone" in owner_client.get(url).content.decode()
    response = owner_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("recipe-mine")
    assert not Recipe.objects.filter(pk=soup.pk).exists()


def test_deleting_a_planned_recipe_is_refused_with_a_message(owner_client, user, soup):
    import datetime

    from mealplan.models import Plan, PlanEntry

    plan = Plan.objects.create(owner=user, start=datetime.date(2026, 1, 5), days=1)
    PlanEntry.objects.create(plan=plan, date=plan.start, slot="dinner", recipe=soup)
    response = owner_client.post(reverse("recipe-delete", args=[soup.pk]), follow=True)
    assert Recipe.objects.filter(pk=soup.pk).exists()
    assert "A meal plan still uses this recipe" in response.content.decode()


def test_preview_analyses_without_saving(owner_client):
    before = (Recipe.objects.count(), RecipeIngredient.objects.count())
    response = owner_client.post("/recipes/preview/", {"ingredients": "80 g rolled oats\n150 g kefir", "servings": "1"})
    body = response.content.decode()
    analysed = services.analysis_document(services.analyse(["80 g rolled oats", "150 g kefir"], servings=1))
    assert response.status_code == 200
    assert f'data-preview-score="{analysed["gut_score"]}"' in body
    assert "rolled oats" in body and "<html" not in body
    assert (Recipe.objects.count(), RecipeIngredient.objects.count()) == before


def test_preview_reports_bad_input(owner_client):
    body = owner_client.post("/recipes/preview/", {"ingredients": "1 cup oats", "servings": "500"}).content.decode()
    assert "Servings must be a whole number" in body


def test_preview_needs_login():
    assert Client().post("/recipes/preview/", {"ingredients": "1 cup oats"}).status_code == 302


def test_csrf_is_enforced_on_recipe_forms(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    for url in ("/recipes/new/", "/recipes/preview/"):
        assert client.post(url, {"title": "X", "ingredients": "1 cup oats", "servings": "1"}).status_code == 403
    assert Recipe.objects.count() == 0


def test_pages_render_under_the_csp_without_inline_scripts(client):
    response = client.get("/recipes/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    body = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", body)
    assert scripts and all("src=" in tag for tag in scripts)
    assert " style=" not in body


# --- import ---------------------------------------------------------------------------------

JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Recipe",
"name": "Imported dal", "recipeYield": "4 servings",
"recipeIngredient": ["250 g red lentils", "1 onion, chopped"],
"recipeInstructions": [{"@type": "HowToStep", "text": "Simmer everything."}]}</script>"""


def require_importer() -> None:
    module = pytest.importorskip("recipes.importers", reason="recipes.importers is not in this checkout yet")
    if not hasattr(module, "import_recipe_text"):
        pytest.skip("recipes.importers.import_recipe_text is not in this checkout yet")


def test_import_form_creates_a_recipe_from_json_ld(owner_client, user):
    require_importer()
    response = owner_client.post("/recipes/import/", {"text": JSON_LD, "url": "https://example.com/dal"})
    recipe = Recipe.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == recipe.get_absolute_url()
    assert recipe.title == "Imported dal"
    assert recipe.ingredients.count() == 2


def test_import_form_shows_errors_and_keeps_the_text(owner_client):
    require_importer()
    response = owner_client.post("/recipes/import/", {"text": "<html>no recipe here</html>"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "&lt;html&gt;no recipe here&lt;/html&gt;</textarea>" in body
    assert 'class="errorlist' in body
    assert Recipe.objects.count() == 0


def test_import_form_requires_text(owner_client):
    response = owner_client.post("/recipes/import/", {"text": "", "url": "not a url"})
    body = response.content.decode()
    assert "This field is required." in body and "Enter a valid URL." in body
