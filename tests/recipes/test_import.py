"""Recipe import (saved pages, JSON-LD files, pasted text, API) and schema.org export."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recipes.api.imports import RecipeImportView
from recipes.importers import RecipeImportError, import_paths, import_recipe_text
from recipes.importers import html as html_reader
from recipes.importers.base import duration_minutes
from recipes.importers.export import export_catalogue, recipe_to_schema_org
from recipes.importers.jsonld import parse_jsonld_text, read_yields, recipes_from_data
from recipes.models import Recipe

SAMPLES = Path(__file__).parent / "samples"
RECIPE_FILES = (
    "kimchi-fried-rice.html",
    "overnight-oats-sections.html",
    "chickpea-salad.jsonld",
    "two-recipes.json",
    "moon-cheese-toast.jsonld",
)
IMPORT_URL = "/api/v1/recipes/import/"

# The API tests route the view themselves, so they do not depend on where mealplan/api/v1.py mounts it.
urlpatterns = [path(IMPORT_URL.lstrip("/"), RecipeImportView.as_view(), name="api-recipe-import")]


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def lines_of(recipe: Recipe) -> list[str]:
    return list(recipe.ingredients.order_by("position").values_list("raw_text", flat=True))


# --- reading pages and JSON-LD ------------------------------------------------------------------


@pytest.mark.django_db
def test_html_page_with_a_graph_imports_the_recipe_with_times_meal_type_tags_and_url(user, food_index):
    result = import_recipe_text(owner=user, text=sample("kimchi-fried-rice.html"))
    recipe = result.recipe
    assert result.created
    assert recipe.title == "Kimchi fried rice with a fried egg"
    assert recipe.owner == user and not recipe.is_public
    assert lines_of(recipe)[0] == "2 cups cooked brown rice"
    assert len(lines_of(recipe)) == 8
    assert recipe.servings == 2
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == (5, 15, 20)
    assert recipe.meal_types == ["dinner"]
    assert {"kimchi", "fermented", "quick"} <= set(recipe.tags)
    assert recipe.source_url == "https://greenfield-kitchen.example/recipes/kimchi-fried-rice/"
    assert recipe.instructions.splitlines()[0].startswith("Heat the sesame oil")
    assert result.unmatched_lines == []
    assert recipe.fiber_g > 0 and recipe.energy_kcal > 0
    assert recipe.gut_score > 0 and recipe.gut_score_version


@pytest.mark.django_db
def test_howto_sections_keep_their_headings_and_entities_are_decoded(user, food_index):
    recipe = import_recipe_text(owner=user, text=sample("overnight-oats-sections.html")).recipe
    steps = recipe.instructions.splitlines()
    assert steps.index("Mix the walnuts and flaxseed.") > steps.index(
        "Stir the oats, kefir, chia seeds and maple syrup together in a bowl."
    )
    assert any(step.startswith("The night before") for step in steps)
    assert any(step.startswith("In the morning") for step in steps)
    assert recipe.servings == 2
    assert recipe.meal_types == ["breakfast"]
    assert "make-ahead" in recipe.tags  # a category we cannot place becomes a tag
    assert "Sunday & breakfast" in recipe.description
    assert recipe.image_url == "https://cdn.slowbreakfast.example/img/kefir-oats.webp"
    assert recipe.live_culture_servings > 0  # kefir, never heated


def test_json_ld_shapes_string_instructions_number_yield_and_total_time_only():
    chickpea = parse_jsonld_text(sample("chickpea-salad.jsonld"))[0]
    assert chickpea.instructions[1].startswith("Whisk the oil")
    assert len(chickpea.instructions) == 3
    assert chickpea.yields_text == "4"
    assert (chickpea.prep_minutes, chickpea.cook_minutes, chickpea.total_minutes) == (None, None, 15)
    assert chickpea.url == "https://beanbook.example/recipes/chickpea-cucumber-salad"  # from @id, fragment dropped
    assert chickpea.meal_types == ["lunch"]
    soup, apple = parse_jsonld_text(sample("two-recipes.json"))
    assert (soup.yields_text, soup.servings) == ("4 bowls", 4)
    assert sorted(soup.meal_types) == ["lunch"]
    assert apple.instructions == [
        "Core the apple and cut it into rings.",
        "Spread with peanut butter and scatter over the seeds.",
    ]
    assert apple.meal_types == ["snack"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PT20M", 20),
        ("PT1H30M", 90),
        ("P0DT2H0M", 120),
        ("PT0.5H", 30),
        ("P1D", 1440),
        (45, 45),
        ("25 mins", 25),
        ("1 hr 10 mins", 70),
        ("P", None),
        ("PT", None),
        ("soon", None),
        (-5, None),
        (True, None),
        (None, None),
    ],
)
def test_durations(value, expected):
    assert duration_minutes(value) == expected


def test_yields_in_their_real_world_shapes():
    assert read_yields("Serves 4") == ("Serves 4", None)
    assert read_yields(6) == ("6", None)
    assert read_yields(["2", "2 loaves"]) == ("2 loaves", 2)
    assert read_yields(["8"]) == ("8", None)
    assert read_yields(None) == ("", None)
    assert read_yields({"value": 3}) == ("", None)


def test_recipe_inside_a_page_object_and_a_type_list_are_found():
    data = {
        "@type": "WebPage",
        "mainEntity": {
            "@type": ["Recipe", "NewsArticle"],
            "name": "Miso soup",
            "recipeIngredient": "1 tbsp miso\n2 cups water",
        },
    }
    (recipe,) = recipes_from_data(data)
    assert recipe.title == "Miso soup"
    assert recipe.ingredients == ["1 tbsp miso", "2 cups water"]


def test_a_recipe_without_ingredients_or_a_document_without_a_recipe_is_refused():
    with pytest.raises(RecipeImportError, match="lists no ingredients"):
        recipes_from_data({"@type": "Recipe", "name": "Empty", "recipeIngredient": []})
    with pytest.raises(RecipeImportError, match="No schema.org Recipe"):
        recipes_from_data({"@type": "Article", "name": "News"})
    with pytest.raises(RecipeImportError, match="Not valid JSON"):
        parse_jsonld_text('{"@type": "Recipe",')


def test_page_is_read_from_its_json_ld_when_recipe_scrapers_finds_nothing(monkeypatch):
    def scraper_finds_nothing(*args, **kwargs):
        raise LookupError("no schema")

    monkeypatch.setattr(html_reader, "scrape_html", scraper_finds_nothing)
    (recipe,) = html_reader.parse_html(sample("overnight-oats-sections.html"))
    assert recipe.title == "Blueberry kefir overnight oats"
    assert recipe.instructions[0] == "The night before:"  # our reader marks section headings
    assert recipe.image_url == "https://cdn.slowbreakfast.example/img/kefir-oats.webp"
    with pytest.raises(RecipeImportError, match="No recipe found"):
        html_reader.parse_html(sample("about-us.html"))


# --- pasted text (website and API share this) -----------------------------------------------


@pytest.mark.django_db
def test_a_page_without_a_recipe_is_a_validation_error_and_nothing_is_written(user, food_index):
    for text in (sample("about-us.html"), sample("broken.json"), "just some words", ""):
        with pytest.raises(ValidationError) as excinfo:
            import_recipe_text(owner=user, text=text)
        assert "text" in excinfo.value.message_dict
    assert not Recipe.objects.exists()


@pytest.mark.django_db
def test_unknown_ingredient_is_reported_as_unmatched(user, food_index):
    result = import_recipe_text(owner=user, text=sample("moon-cheese-toast.jsonld"))
    assert result.unmatched_lines == ["2 tbsp zorblax paste"]
    assert result.recipe.unmatched_count == 1
    assert result.recipe.ingredients.get(raw_text="2 slices rye bread").food is not None


@pytest.mark.django_db
def test_same_url_updates_the_owners_recipe_and_another_owner_gets_their_own(user, stranger, food_index):
    first = import_recipe_text(owner=user, text=sample("kimchi-fried-rice.html"))
    again = import_recipe_text(owner=user, text=sample("kimchi-fried-rice.html"))
    assert (again.created, again.changed, again.recipe.pk) == (False, False, first.recipe.pk)
    edited = sample("kimchi-fried-rice.html").replace('"2 eggs"]', '"2 eggs","1 tsp gochugaru"]')
    updated = import_recipe_text(owner=user, text=edited)
    assert (updated.created, updated.changed, updated.recipe.pk) == (False, True, first.recipe.pk)
    assert lines_of(updated.recipe)[-1] == "1 tsp gochugaru"
    theirs = import_recipe_text(owner=stranger, text=sample("kimchi-fried-rice.html"))
    assert theirs.created and theirs.recipe.pk != first.recipe.pk
    assert Recipe.objects.filter(owner=user).count() == 1


@pytest.mark.django_db
def test_a_given_url_wins_and_recipes_without_any_url_match_on_title(user, food_index):
    text = json.dumps({"@type": "Recipe", "name": "Plain yogurt bowl", "recipeIngredient": ["1 cup plain yogurt"]})
    first = import_recipe_text(owner=user, text=text)
    assert first.recipe.source_url == ""
    assert not import_recipe_text(owner=user, text=text).created
    other = import_recipe_text(owner=user, text=text, url="https://example.com/yogurt-bowl")
    assert other.created and other.recipe.source_url == "https://example.com/yogurt-bowl"


# --- files and folders: import_recipes ---------------------------------------------------------


@pytest.mark.django_db
def test_folder_import_reports_bad_files_and_a_second_run_changes_nothing(food_index):
    first = import_paths([SAMPLES])
    assert first.files == len(list(SAMPLES.iterdir()))
    assert (first.created, first.updated, first.unchanged) == (6, 0, 0)
    failed = dict(first.failed)
    assert set(failed) == {str(SAMPLES / "broken.json"), str(SAMPLES / "about-us.html")}
    assert "Not valid JSON" in failed[str(SAMPLES / "broken.json")]
    assert "No recipe found" in failed[str(SAMPLES / "about-us.html")]
    assert first.unmatched_lines == ["Rye toast with zorblax paste: 2 tbsp zorblax paste"]
    catalogue = Recipe.objects.filter(owner__isnull=True, is_public=True)
    assert catalogue.count() == 6
    before = {r.pk: r.updated_at for r in catalogue}

    second = import_paths([SAMPLES])
    assert (second.created, second.updated, second.unchanged) == (0, 0, 6)
    assert {r.pk: r.updated_at for r in Recipe.objects.all()} == before


@pytest.mark.django_db
def test_command_imports_for_an_owner_and_prints_the_summary(user, food_index):
    out, err = StringIO(), StringIO()
    paths = [str(SAMPLES / name) for name in RECIPE_FILES]
    call_command("import_recipes", *paths, "--owner", "owner", "--public", stdout=out, stderr=err)
    assert "6 imported, 0 updated, 0 unchanged, 0 failed; 1 unmatched ingredient lines" in out.getvalue()
    assert "unmatched: Rye toast with zorblax paste: 2 tbsp zorblax paste" in out.getvalue()
    assert Recipe.objects.filter(owner=user, is_public=True).count() == 6
    out = StringIO()
    call_command("import_recipes", *paths, "--owner", "owner", stdout=out, stderr=err)
    assert "0 imported, 0 updated, 6 unchanged" in out.getvalue()
    assert Recipe.objects.filter(owner=user, is_public=True).count() == 6  # never made private by omission


@pytest.mark.django_db
def test_a_broken_file_is_reported_with_its_path_and_nothing_is_written(tmp_path, food_index):
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_recipes", str(SAMPLES / "broken.json"), stdout=StringIO(), stderr=err)
    assert f"failed: {SAMPLES / 'broken.json'}: Not valid JSON" in err.getvalue()
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("import_recipes", str(SAMPLES), "--owner", "nobody", stdout=StringIO(), stderr=StringIO())
    assert not Recipe.objects.exists()


@pytest.mark.django_db
def test_a_bad_recipe_in_a_file_fails_alone_and_writes_nothing_of_itself(tmp_path, food_index):
    good = {"@type": "Recipe", "name": "Kefir", "url": "https://example.com/kefir", "recipeIngredient": ["1 cup kefir"]}
    too_long = {**good, "name": "Long", "url": "https://example.com/long", "recipeIngredient": ["1 apple"] * 151}
    long_line = {**good, "name": "Long line", "url": "https://example.com/line", "recipeIngredient": ["x" * 600]}
    (tmp_path / "mixed.json").write_text(json.dumps([good, too_long, long_line]))
    (tmp_path / "notes.txt").write_text("not a recipe")
    report = import_paths([tmp_path, tmp_path / "notes.txt", tmp_path / "missing.html"])
    assert report.created == 1
    reasons = dict(report.failed)
    assert "At most 150 ingredient lines" in reasons[f"{tmp_path / 'mixed.json'} (recipe 2: Long)"]
    assert "longer than 500 characters" in reasons[f"{tmp_path / 'mixed.json'} (recipe 3: Long line)"]
    assert reasons[str(tmp_path / "notes.txt")].startswith("not a recipe file")
    assert reasons[str(tmp_path / "missing.html")] == "no such file or folder"
    assert report.failed_files == 3
    assert list(Recipe.objects.values_list("title", flat=True)) == ["Kefir"]


# --- export ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_is_schema_org_with_nutrition_per_serving(food_index):
    import_paths([SAMPLES / "kimchi-fried-rice.html"])
    recipe = Recipe.objects.get()
    document = recipe_to_schema_org(recipe)
    assert document["@type"] == "Recipe" and document["@context"] == "https://schema.org"
    assert document["name"] == recipe.title
    assert document["url"] == recipe.source_url
    assert document["recipeYield"] == "2 servings"
    assert document["recipeIngredient"] == lines_of(recipe)
    assert document["recipeInstructions"][0] == {
        "@type": "HowToStep",
        "text": "Heat the sesame oil in a large frying pan over a medium-high heat.",
    }
    assert (document["prepTime"], document["cookTime"], document["totalTime"]) == ("PT5M", "PT15M", "PT20M")
    nutrition = document["nutrition"]
    assert nutrition["fiberContent"] == f"{round(recipe.fiber_g, 1):g} g"
    assert nutrition["calories"] == f"{round(recipe.energy_kcal)} kcal"
    assert nutrition["sodiumContent"].endswith(" mg")
    assert document["x-mealplan"]["gutScore"] == recipe.gut_score


@pytest.mark.django_db
def test_servings_that_differ_from_the_yield_text_survive_the_export(user, food_index):
    text = json.dumps(
        {
            "@type": "Recipe",
            "name": "Muffins",
            "recipeYield": ["6", "Makes 12 muffins"],
            "recipeIngredient": ["2 cups whole wheat flour", "1 cup milk"],
        }
    )
    recipe = import_recipe_text(owner=user, text=text).recipe
    assert (recipe.servings, recipe.yields_text) == (6, "Makes 12 muffins")
    assert recipe_to_schema_org(recipe)["recipeYield"] == ["6", "Makes 12 muffins"]


@pytest.mark.django_db
def test_export_then_import_into_an_empty_database_then_export_gives_the_same_json(tmp_path, food_index):
    import_paths([SAMPLES / name for name in RECIPE_FILES])
    first_file = tmp_path / "first.json"
    call_command("export_recipes", "--output", str(first_file), stdout=StringIO(), stderr=StringIO())
    first = json.loads(first_file.read_text(encoding="utf-8"))
    assert len(first) == 6

    again = StringIO()
    call_command("import_recipes", str(first_file), stdout=again, stderr=StringIO())
    assert "0 imported, 0 updated, 6 unchanged" in again.getvalue()  # read back unchanged

    Recipe.objects.all().delete()
    report = import_paths([first_file])
    assert (report.created, report.failed) == (6, [])
    out = StringIO()
    call_command("export_recipes", stdout=out)
    assert json.loads(out.getvalue()) == first


@pytest.mark.django_db
def test_export_of_the_catalogue_takes_a_constant_number_of_queries(food_index, django_assert_num_queries):
    import_paths([SAMPLES / name for name in RECIPE_FILES])
    with django_assert_num_queries(2):
        documents = export_catalogue(Recipe.objects.all())
    assert [d["name"] for d in documents] == sorted(d["name"] for d in documents)


# --- API -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_api_import_creates_then_updates_and_reports_unmatched_lines(owner_api, user, food_index):
    response = owner_api.post(IMPORT_URL, {"text": sample("moon-cheese-toast.jsonld")}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    recipe = Recipe.objects.get(pk=body["id"])
    assert recipe.owner == user
    assert body["title"] == "Rye toast with zorblax paste"
    assert body["created"] is True
    assert body["unmatched"] == ["2 tbsp zorblax paste"]
    again = owner_api.post(IMPORT_URL, {"text": sample("moon-cheese-toast.jsonld")}, format="json")
    assert again.status_code == 200
    assert (again.json()["id"], again.json()["created"], again.json()["changed"]) == (body["id"], False, False)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_api_import_explains_bad_input(owner_api, food_index):
    cases = {
        sample("broken.json"): "Not valid JSON",
        sample("about-us.html"): "No recipe found",
        '{"@type": "Recipe", "name": "Nothing in it"}': "lists no ingredients",
    }
    for text, message in cases.items():
        response = owner_api.post(IMPORT_URL, {"text": text}, format="json")
        assert response.status_code == 400
        assert message in " ".join(response.json()["errors"]["text"])
    missing = owner_api.post(IMPORT_URL, {}, format="json")
    assert missing.status_code == 400 and "text" in missing.json()["errors"]
    bad_url = owner_api.post(IMPORT_URL, {"text": sample("chickpea-salad.jsonld"), "url": "nope"}, format="json")
    assert bad_url.status_code == 400 and "url" in bad_url.json()["errors"]
    assert not Recipe.objects.exists()


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_api_import_needs_a_signed_in_user(api_client, food_index):
    response = api_client.post(IMPORT_URL, {"text": sample("chickpea-salad.jsonld")}, format="json")
    assert response.status_code == 401
    assert not Recipe.objects.exists()


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_api_import_has_its_own_rate_limit(owner_api, settings, food_index):
    from django.core.cache import cache

    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "import": "1/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    cache.clear()
    text = sample("chickpea-salad.jsonld")
    assert owner_api.post(IMPORT_URL, {"text": text}, format="json").status_code == 201
    limited = owner_api.post(IMPORT_URL, {"text": text}, format="json")
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers
    cache.clear()


# --- the JSON-LD reader on arbitrary input ------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=40,
)
RECIPE_KEYS = (
    "name",
    "recipeIngredient",
    "recipeInstructions",
    "recipeYield",
    "prepTime",
    "cookTime",
    "totalTime",
    "recipeCategory",
    "keywords",
    "url",
    "image",
    "identifier",
    "description",
    "mainEntityOfPage",
    "@id",
)
recipe_like = st.fixed_dictionaries(
    {"@type": st.sampled_from(["Recipe", ["Recipe"], "schema:Recipe", "http://schema.org/Recipe"])},
    optional=dict.fromkeys(RECIPE_KEYS, json_values),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        json_values,
        recipe_like,
        st.lists(recipe_like, max_size=3),
        st.fixed_dictionaries({"@graph": st.lists(recipe_like | json_values, max_size=3)}),
    )
)
def test_json_ld_reader_only_ever_raises_recipe_import_error(data):
    try:
        recipes = recipes_from_data(data)
    except RecipeImportError as exc:
        assert str(exc)
        return
    for recipe in recipes:
        assert recipe.title and recipe.ingredients
        assert all(isinstance(line, str) and line for line in recipe.ingredients)
        assert all(
            minutes is None or 0 <= minutes <= 10080
            for minutes in (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes)
        )
        assert set(recipe.meal_types) <= {"breakfast", "lunch", "dinner", "snack"}
        assert len(recipe.title) <= 200


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_json_ld_text_reader_only_ever_raises_recipe_import_error(text):
    try:
        recipes = parse_jsonld_text(text)
    except RecipeImportError as exc:
        assert str(exc)
    else:
        assert all(recipe.title and recipe.ingredients for recipe in recipes)


@pytest.mark.django_db
def test_the_shipped_catalogue_round_trips_through_export_and_import(tmp_path, food_index):
    from recipes.catalogue import load_catalogue

    load_catalogue()
    exported = tmp_path / "catalogue.json"
    call_command("export_recipes", "--output", str(exported), stdout=StringIO(), stderr=StringIO())
    first = json.loads(exported.read_text(encoding="utf-8"))
    assert len(first) == Recipe.objects.count() > 0
    assert (import_paths([exported]).unchanged, import_paths([exported]).updated) == (len(first), 0)
    Recipe.objects.all().delete()
    report = import_paths([exported])
    assert (report.created, report.failed, report.unmatched_lines) == (len(first), [], [])
    assert Recipe.objects.filter(owner__isnull=True).exclude(slug="").count() == len(first)  # slugs kept
    assert export_catalogue(Recipe.objects.filter(owner__isnull=True)) == first


html_fragments = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<head>",
            '<script type="application/ld+json">',
            "</script>",
            '{"@type": "Recipe", "name": "Soup", ',
            '"recipeIngredient": ["1 onion"]}',
            '<div itemscope itemtype="http://schema.org/Recipe">',
            '<span itemprop="name">Tea</span>',
            '<li itemprop="recipeIngredient">1 cup tea</li>',
            "</div>",
            "<p>&amp; text",
            "]}",
        ]
    )
    | st.text(max_size=20),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(html_fragments)
def test_page_reader_only_ever_raises_recipe_import_error(fragments):
    try:
        recipes = html_reader.parse_html("<" + "".join(fragments))
    except RecipeImportError as exc:
        assert str(exc)
    else:
        assert all(recipe.title and recipe.ingredients for recipe in recipes)
