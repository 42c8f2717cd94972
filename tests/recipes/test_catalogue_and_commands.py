import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from recipes.catalogue import load_catalogue, read_catalogue
from recipes.models import Recipe

SOUP = {
    "slug": "test-yogurt-soup",
    "title": "Cold yogurt soup",
    "yields": "Serves 2",
    "prep_minutes": 10,
    "cook_minutes": 0,
    "meal_types": ["lunch"],
    "tags": ["fermented"],
    "ingredients": ["2 cups plain yogurt", "1 cup milk", "1 tbsp olive oil"],
    "instructions": ["Whisk everything together.", "Serve chilled."],
}


def write(directory, name, data):
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(json.dumps(data), encoding="utf-8")
    return directory


@pytest.mark.django_db
def test_catalogue_loads_public_recipes_and_second_run_changes_nothing(tmp_path, food_index):
    directory = write(tmp_path / "recipes", "a.json", [SOUP])
    first = load_catalogue(directory)
    assert (first.created, first.updated, first.unchanged) == (1, 0, 0)
    recipe = Recipe.objects.get(slug="test-yogurt-soup")
    assert recipe.owner is None and recipe.is_public
    assert recipe.meal_types == ["lunch"]
    assert recipe.total_minutes == 10
    second = load_catalogue(directory)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    changed = write(directory, "a.json", [{**SOUP, "ingredients": [*SOUP["ingredients"], "1 tsp salt"]}])
    third = load_catalogue(changed)
    assert third.updated == 1
    assert Recipe.objects.get(slug="test-yogurt-soup").ingredients.count() == 4


@pytest.mark.django_db
def test_malformed_catalogue_is_reported_by_file_and_item_and_nothing_is_written(tmp_path, food_index):
    directory = write(tmp_path / "recipes", "a.json", [SOUP, {**SOUP, "title": "Copy"}, {"slug": "x"}])
    with pytest.raises(ValidationError) as excinfo:
        load_catalogue(directory)
    text = " ".join(excinfo.value.messages)
    assert "a.json item 1: slug 'test-yogurt-soup' already used at a.json item 0" in text
    assert "a.json item 2: missing title" in text
    (directory / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="b.json: not valid JSON"):
        read_catalogue(directory)
    assert not Recipe.objects.exists()


@pytest.mark.django_db
def test_analyze_recipes_command_writes_nutrition_score_and_reports_bad_lines(tmp_path, food_index):
    source = tmp_path / "in.jsonl"
    good = {"id": "r1", "yields": "Serves 2", "ingredients": ["2 cups plain yogurt", "some moon dust"]}
    source.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"id": "r2", "ingredients": "oops"}) + "\n")
    out, err = StringIO(), StringIO()
    call_command("analyze_recipes", str(source), stdout=out, stderr=err)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["r1"]
    result = results[0]
    assert result["servings"] == 2
    assert result["per_serving"]["energy_kcal"] > 0
    assert result["unmatched"] == ["some moon dust"]
    assert 0 <= result["gut_score"] <= 100
    assert sum(c["points"] for c in result["breakdown"]) == result["gut_score"]
    assert "line 2: skipped" in err.getvalue()
    assert "line 3: skipped" in err.getvalue()
    assert not Recipe.objects.exists()


def test_analyze_recipes_reports_a_missing_file():
    with pytest.raises(CommandError, match="cannot read"):
        call_command("analyze_recipes", "/nonexistent/file.jsonl")


@pytest.mark.django_db
def test_rescore_and_recompute_commands_update_stored_values(tmp_path, food_index):
    load_catalogue(write(tmp_path / "recipes", "a.json", [SOUP]))
    Recipe.objects.update(gut_score=0, gut_score_version="0", energy_kcal=0)
    out = StringIO()
    call_command("rescore", stdout=out)
    recipe = Recipe.objects.get()
    assert recipe.gut_score > 0 and recipe.gut_score_version != "0"
    call_command("recompute_nutrition", stdout=out)
    assert Recipe.objects.get().energy_kcal > 0
