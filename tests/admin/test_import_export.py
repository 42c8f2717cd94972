"""Import and export from the admin: a dry-run preview with row errors first, nothing written until confirmed."""

import csv
import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recipes import services
from recipes.models import Food, Recipe

from .conftest import small_food

pytestmark = pytest.mark.django_db

CSV_FORMAT, JSON_FORMAT = "0", "1"  # the admin offers [CSV, JSON]


def recipe_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["id", "title", "owner", "is_public", "servings", "meal_types", "ingredients"]
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({"id": "", "owner": "", "is_public": "1", "meal_types": "dinner", **row})
    return out.getvalue().encode()


def preview(client, model, content: bytes, name: str, file_format: str):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        reverse(f"admin:recipes_{model}_import"), {"import_file": upload, "format": file_format, "resource": "0"}
    )


def export(client, model, query=""):
    """The export form as a browser posts it: every field of the resource ticked."""
    url = reverse(f"admin:recipes_{model}_export") + query
    page = client.get(url).content.decode()
    fields = dict.fromkeys(re.findall(rf'name="({model}resource_[a-z_]+)"', page), "on")
    assert fields
    return client.post(url, {"format": CSV_FORMAT, "resource": "0", **fields})


def confirm(client, model, response):
    form = response.context["confirm_form"]
    assert form is not None
    return client.post(reverse(f"admin:recipes_{model}_process_import"), form.initial)


def test_a_recipe_file_with_bad_rows_shows_the_errors_and_writes_nothing(staff_client):
    content = recipe_csv(
        [
            {"title": "Good soup", "servings": "2", "ingredients": "200 g red lentils\n1 onion"},
            {"title": "No lines", "servings": "2", "ingredients": ""},
            {"title": "Odd servings", "servings": "many", "ingredients": "100 g rolled oats"},
            {"title": "Bad meal", "servings": "2", "meal_types": "brunch", "ingredients": "100 g rolled oats"},
            {"title": "Nobody's", "servings": "2", "owner": "nobody", "ingredients": "100 g rolled oats"},
        ]
    )
    before = Recipe.objects.count()
    response = preview(staff_client, "recipe", content, "recipes.csv", CSV_FORMAT)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    assert {row.number for row in result.invalid_rows} == {2, 3, 4, 5}
    assert not result.has_errors()  # every bad row is a row-level validation error, shown with its message
    page = response.content.decode()
    assert "Add at least one ingredient line." in page
    assert "Enter a whole number, not &#x27;many&#x27;." in page or "Enter a whole number, not 'many'." in page
    assert "Unknown meal type(s): brunch" in page
    assert "No user &#x27;nobody&#x27;." in page or "No user 'nobody'." in page
    assert response.context.get("confirm_form") is None
    assert Recipe.objects.count() == before
    assert not Recipe.objects.filter(title="Good soup").exists()


def test_a_good_recipe_file_previews_then_imports_through_the_service(staff_client):
    content = recipe_csv([{"title": "Imported soup", "servings": "2", "ingredients": "200 g red lentils\n1 onion"}])
    response = preview(staff_client, "recipe", content, "recipes.csv", CSV_FORMAT)
    assert response.status_code == 200
    assert not response.context["result"].has_validation_errors()
    assert not Recipe.objects.filter(title="Imported soup").exists()  # the preview wrote nothing
    done = confirm(staff_client, "recipe", response)
    assert done.status_code == 302
    recipe = Recipe.objects.get(title="Imported soup")
    assert recipe.owner is None and recipe.is_public
    lines = list(recipe.ingredients.order_by("position"))
    assert [line.raw_text for line in lines] == ["200 g red lentils", "1 onion"]
    assert lines[0].grams == 200
    assert recipe.energy_kcal > 0 and recipe.gut_score_version == services.SCORE_VERSION


def test_a_json_import_updates_an_existing_recipe_by_id(staff_client):
    recipe = services.create_recipe(owner=None, title="Old title", ingredients=["200 g red lentils"], servings=2)
    content = json.dumps(
        [
            {
                "id": recipe.pk,
                "title": "New title",
                "owner": "",
                "is_public": True,
                "servings": 4,
                "ingredients": ["200 g red lentils", "1 onion"],
                "gut_score": 100,
                "energy_kcal": 1,
            },
        ]
    ).encode()
    response = preview(staff_client, "recipe", content, "recipes.json", JSON_FORMAT)
    assert not response.context["result"].has_validation_errors(), response.content.decode()[-3000:]
    assert confirm(staff_client, "recipe", response).status_code == 302
    recipe.refresh_from_db()
    assert recipe.title == "New title" and recipe.servings == 4
    assert recipe.ingredients.count() == 2
    # Computed columns in the file are ignored: the service recomputed them.
    assert recipe.energy_kcal != 1
    assert recipe.gut_score != 100 or recipe.score_breakdown


def test_exported_recipes_import_back_unchanged(staff_client):
    services.create_recipe(owner=None, title="Round trip", ingredients=["200 g red lentils", "1 onion"], servings=2)
    exported = export(staff_client, "recipe")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert [r["title"] for r in rows] == ["Round trip"]
    assert rows[0]["ingredients"].splitlines() == ["200 g red lentils", "1 onion"]
    response = preview(staff_client, "recipe", exported.content, "recipes.csv", CSV_FORMAT)
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()


def test_a_food_file_with_bad_rows_shows_errors_and_writes_nothing(staff_client):
    content = json.dumps(
        [
            {"name": "zzimport good", "food_group": "grains", "energy_kcal": 350, "allergens": "gluten"},
            {"name": "zzimport allergen", "food_group": "grains", "energy_kcal": 350, "allergens": "gluten, plutonium"},
            {"name": "zzimport energy", "food_group": "grains", "energy_kcal": 5000, "allergens": ""},
            {"name": "zzimport group", "food_group": "snacks", "energy_kcal": 100, "allergens": ""},
        ]
    ).encode()
    response = preview(staff_client, "food", content, "foods.json", JSON_FORMAT)
    assert response.status_code == 200
    result = response.context["result"]
    refused = {row.number for row in result.invalid_rows} | {number for number, _ in result.row_errors()}
    assert refused == {2, 3, 4}
    page = response.content.decode()
    assert "Unknown allergen(s): plutonium" in page
    assert "Unknown food group" in page
    assert response.context.get("confirm_form") is None
    assert not Food.objects.filter(name__startswith="zzimport").exists()


def test_a_food_import_recomputes_the_recipes_using_changed_foods(staff_client):
    small_food("zzimportteff", energy_kcal=300, fiber_g=10)
    services.food_index_cache.clear()
    recipe = services.create_recipe(owner=None, title="Teff", ingredients=["100 g zzimportteff"], servings=1)
    assert recipe.energy_kcal == pytest.approx(300)
    content = json.dumps(
        [
            {"name": "zzimportteff", "food_group": "grains", "energy_kcal": 360, "fiber_g": 10, "allergens": ""},
            {"name": "zzimport new", "food_group": "legumes", "energy_kcal": 120, "fiber_g": 5, "allergens": "soy"},
        ]
    ).encode()
    response = preview(staff_client, "food", content, "foods.json", JSON_FORMAT)
    assert not response.context["result"].has_validation_errors()
    assert Food.objects.get(name="zzimportteff").energy_kcal == 300  # still the preview
    done = confirm(staff_client, "food", response)
    assert done.status_code == 302
    assert Food.objects.get(name="zzimport new").allergens == ["soy"]
    recipe.refresh_from_db()
    assert recipe.energy_kcal == pytest.approx(360)
    followed = staff_client.get(done["Location"])
    assert "Recomputed nutrition and gut score of 1 recipe(s) using changed foods." in followed.content.decode()


def test_food_export_lists_allergens_as_words(staff_client):
    small_food("zzexport wheat", allergens=["gluten", "milk"])
    response = export(staff_client, "food", "?q=zzexport")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    row = next(r for r in rows if r["name"] == "zzexport wheat")
    assert row["allergens"] == "gluten, milk"
