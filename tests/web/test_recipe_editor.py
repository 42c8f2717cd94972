"""The recipe editor's two ways of writing ingredients: one pasted box, or one input per ingredient.

The editor's buttons (add, remove, switch mode) work through htmx (a fragment comes back) and as
plain submit buttons (the whole form comes back, with everything typed and no errors yet).
"""

import html
import re

import pytest
from django.urls import reverse

from recipes import services
from recipes.models import Recipe, RecipeIngredient

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
LINES = ["200 g red lentils", "1 onion, chopped", "2 garlic cloves", "150 g plain yogurt"]


def rows(body: str) -> list[tuple[int, str]]:
    """(number, value) of every one-per-line input, in page order."""
    found = re.findall(r'<input type="text" name="line" id="id_line_(\d+)" value="([^"]*)"', body)
    return [(int(number), html.unescape(value)) for number, value in found]


def textarea(body: str) -> str:
    match = re.search(r'<textarea name="ingredients"[^>]*>\n(.*?)</textarea>', body, re.S)
    assert match, "no ingredients textarea"
    return html.unescape(match.group(1))


def autofocused(body: str) -> list[str]:
    return re.findall(r'<(?:input|textarea|button)[^>]*\bid="([^"]+)"[^>]*\sautofocus\b', body)


def lines_form(lines, **extra) -> dict:
    return {"ingredient_mode": "lines", "line": list(lines), **extra}


def full_form(**extra) -> dict:
    return {
        "title": "Lentil soup",
        "servings": "3",
        "meal_types": ["lunch", "dinner"],
        "prep_minutes": "10",
        "tags": "soup, batch",
        "is_public": "on",
        **extra,
    }


# --- the page --------------------------------------------------------------------------------


def test_new_recipe_starts_with_the_paste_box_and_offers_one_by_one(owner_client):
    body = owner_client.get("/recipes/new/").content.decode()
    assert textarea(body) == ""
    assert 'name="ingredient_mode" value="paste"' in body
    assert re.search(r'value="mode-lines"[^>]*>Enter ingredients one by one instead</button>', body, re.S)
    assert rows(body) == []


def test_enter_in_a_text_box_saves_rather_than_removing_a_line(owner_client):
    """Browsers press the form's first submit button on Enter; without JavaScript that must be Save."""
    body = owner_client.post("/recipes/new/", lines_form(LINES[:2], action="mode-lines")).content.decode()
    form = body[body.index('<form id="recipe-form"') :]
    first_button = re.search(r"<button\b[^>]*>([^<]*)", form)
    assert 'value="save"' in first_button.group(0) and first_button.group(1) == "Save recipe"
    assert 'aria-hidden="true"' in first_button.group(0) and 'tabindex="-1"' in first_button.group(0)


def test_the_editor_loads_its_own_script_and_styles_under_the_csp(owner_client):
    response = owner_client.get("/recipes/new/")
    body = response.content.decode()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    scripts = re.findall(r"<script\b[^>]*>", body)
    assert any("mealplan/recipes-editor.js" in tag for tag in scripts)
    assert all("src=" in tag for tag in scripts)
    assert "mealplan/recipes-editor.css" in body
    assert " style=" not in body and "hx-on" not in body


# --- adding and removing lines with htmx -----------------------------------------------------


def test_htmx_add_returns_one_new_empty_row_focused(owner_client):
    response = owner_client.post("/recipes/new/", lines_form(LINES[:2], action="add"), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert body.strip().startswith("<li") and body.count("<li") == 1
    assert rows(body) == [(3, "")]
    assert autofocused(body) == ["id_line_3"]
    assert '<label class="visually-hidden" for="id_line_3">Ingredient 3</label>' in body
    remove = r'value="remove-3".*>Remove<span class="visually-hidden"> ingredient 3</span></button>'
    assert re.search(remove, body, re.S)
    assert "HX-Request" in response.headers["Vary"]
    assert Recipe.objects.count() == 0


def test_htmx_remove_returns_the_editor_with_the_rest_in_order(owner_client):
    response = owner_client.post("/recipes/new/", lines_form(LINES, action="remove-2"), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert rows(body) == [(1, LINES[0]), (2, LINES[2]), (3, LINES[3])]
    assert 'name="ingredient_mode" value="lines"' in body
    assert autofocused(body) == ["id_line_2"]  # the line that moved up into the removed one's place
    assert "ingredients-changed" in response.headers["HX-Trigger-After-Swap"]  # the preview refreshes
    assert response.headers["HX-Retarget"] == "#ingredient-editor"


def test_removing_the_last_line_focuses_the_one_before_and_the_only_line_leaves_an_empty_box(owner_client):
    body = owner_client.post("/recipes/new/", lines_form(LINES[:3], action="remove-3"), headers=HTMX)
    assert autofocused(body.content.decode()) == ["id_line_2"]
    body = owner_client.post("/recipes/new/", lines_form(["1 apple"], action="remove-1"), headers=HTMX)
    assert rows(body.content.decode()) == [(1, "")]


def test_a_malformed_remove_changes_nothing_and_saves_nothing(owner_client):
    response = owner_client.post("/recipes/new/", full_form(**lines_form(LINES, action="remove-x")), headers=HTMX)
    assert [text for _, text in rows(response.content.decode())] == LINES
    assert Recipe.objects.count() == 0


def test_add_stops_at_the_line_limit_with_a_note(owner_client):
    full = [f"{i} g oats" for i in range(1, services.MAX_INGREDIENT_LINES + 1)]
    response = owner_client.post("/recipes/new/", lines_form(full, action="add"), headers=HTMX)
    body = response.content.decode()
    assert len(rows(body)) == services.MAX_INGREDIENT_LINES
    assert f"at most {services.MAX_INGREDIENT_LINES} ingredients" in body
    assert response.headers["HX-Retarget"] == "#ingredient-editor"


def test_typed_text_is_escaped_in_the_rows(owner_client):
    tricky = '2 "large" <b>eggs</b> & milk'
    body = owner_client.post("/recipes/new/", lines_form([tricky], action="add"), headers=HTMX).content.decode()
    assert "<b>" not in body
    body = owner_client.post("/recipes/new/", lines_form([tricky], action="remove-9"), headers=HTMX)
    assert rows(body.content.decode()) == [(1, tricky)]


# --- the same buttons without JavaScript -----------------------------------------------------


def test_add_a_line_without_javascript_keeps_everything_typed_and_shows_no_errors(owner_client):
    typed = full_form(title="", servings="0", description="Warming.", **lines_form(["80 g rolled oats", ""]))
    response = owner_client.post("/recipes/new/", typed | {"action": "add"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" in body
    assert rows(body) == [(1, "80 g rolled oats"), (2, ""), (3, "")]
    assert autofocused(body) == ["id_line_3"]
    assert 'name="servings" value="0"' in body
    assert "Warming.</textarea>" in body
    assert re.search(r'name="meal_types" value="lunch"[^>]*checked', body)
    assert not re.search(r'name="meal_types" value="breakfast"[^>]*checked', body)
    assert 'name="tags" value="soup, batch"' in body
    assert re.search(r'name="is_public"[^>]*checked', body)
    assert "errorlist" not in body  # nothing was submitted for saving yet
    assert Recipe.objects.count() == 0


def test_remove_without_javascript_renders_the_whole_form(owner_client):
    response = owner_client.post("/recipes/new/", full_form(**lines_form(LINES, action="remove-1")))
    body = response.content.decode()
    assert "<html" in body
    assert [text for _, text in rows(body)] == LINES[1:]
    assert 'name="title" value="Lentil soup"' in body


def test_edit_page_buttons_work_on_the_owners_recipe_only(owner_client, stranger_client, user):
    recipe = services.create_recipe(owner=user, title="Soup", ingredients=LINES, servings=2)
    url = reverse("recipe-edit", args=[recipe.pk])
    body = owner_client.post(url, {"ingredients": "\n".join(LINES), "action": "mode-lines"}).content.decode()
    assert [text for _, text in rows(body)] == LINES
    assert f'action="{url}"' in body and f'hx-post="{url}"' in body
    assert stranger_client.post(url, lines_form(LINES, action="add"), headers=HTMX).status_code == 404


# --- switching between the modes -------------------------------------------------------------


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "no-js"])
def test_switching_modes_keeps_every_line_in_order(owner_client, headers):
    pasted = "  200 g red lentils\n\n1 onion, chopped  \r\n2 garlic cloves\n   \n150 g plain yogurt\n"
    to_lines = owner_client.post("/recipes/new/", {"ingredients": pasted, "action": "mode-lines"}, headers=headers)
    body = to_lines.content.decode()
    assert rows(body) == list(enumerate(LINES, start=1))
    assert 'name="ingredient_mode" value="lines"' in body and 'name="ingredients"' not in body
    assert autofocused(body) == ["id_line_1"]

    back = owner_client.post("/recipes/new/", lines_form(LINES, action="mode-paste"), headers=headers)
    body = back.content.decode()
    assert textarea(body) == "\n".join(LINES)
    assert 'name="ingredient_mode" value="paste"' in body and rows(body) == []
    assert autofocused(body) == ["id_ingredients"]


def test_switching_an_empty_paste_box_gives_one_empty_line(owner_client):
    body = owner_client.post("/recipes/new/", {"ingredients": "", "action": "mode-lines"}, headers=HTMX)
    assert rows(body.content.decode()) == [(1, "")]


# --- saving from one-per-line mode -----------------------------------------------------------


def test_saving_from_one_per_line_mode_stores_the_lines_in_order(owner_client, user):
    typed = ["80 g rolled oats", "", "150 g kefir", "  80 g raspberries  "]
    response = owner_client.post("/recipes/new/", full_form(**lines_form(typed, action="save")))
    recipe = Recipe.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == recipe.get_absolute_url()
    stored = list(recipe.ingredients.order_by("position"))
    assert [line.raw_text for line in stored] == ["80 g rolled oats", "150 g kefir", "80 g raspberries"]
    assert all(line.status == RecipeIngredient.Status.MATCHED and line.grams for line in stored)
    assert recipe.fiber_g > 0 and recipe.energy_kcal > 0 and recipe.score_breakdown
    assert recipe.servings == 3 and recipe.is_public and sorted(recipe.tags) == ["batch", "soup"]


def test_one_per_line_and_pasted_give_the_same_recipe(owner_client, user):
    owner_client.post("/recipes/new/", full_form(title="Typed", **lines_form(LINES)))
    owner_client.post("/recipes/new/", full_form(title="Pasted", ingredients="\n".join(LINES)))
    typed, pasted = Recipe.objects.get(title="Typed"), Recipe.objects.get(title="Pasted")
    assert list(typed.ingredients.order_by("position").values_list("raw_text", "food_id", "grams")) == list(
        pasted.ingredients.order_by("position").values_list("raw_text", "food_id", "grams")
    )
    assert (typed.gut_score, typed.fiber_g, typed.energy_kcal) == (pasted.gut_score, pasted.fiber_g, pasted.energy_kcal)


def test_editing_in_one_per_line_mode_replaces_the_lines(owner_client, user):
    recipe = services.create_recipe(owner=user, title="Soup", ingredients=LINES, servings=2)
    url = reverse("recipe-edit", args=[recipe.pk])
    response = owner_client.post(url, {"title": "Oat soup", "servings": "2", **lines_form(["100 g rolled oats"])})
    assert response.status_code == 302
    assert list(recipe.ingredients.values_list("raw_text", flat=True)) == ["100 g rolled oats"]


# --- errors keep what was typed --------------------------------------------------------------


def test_invalid_one_per_line_form_shows_errors_and_keeps_the_lines(owner_client):
    typed = ["80 g rolled oats", "150 g kefir"]
    response = owner_client.post("/recipes/new/", {"title": "", "servings": "0", **lines_form(typed)})
    body = response.content.decode()
    assert response.status_code == 200 and Recipe.objects.count() == 0
    assert "This field is required." in body
    assert "Ensure this value is greater than or equal to 1." in body
    assert rows(body) == [(1, typed[0]), (2, typed[1])]
    assert 'name="ingredient_mode" value="lines"' in body


def test_no_ingredients_is_an_error_on_the_ingredient_lines(owner_client):
    response = owner_client.post("/recipes/new/", {"title": "Air", "servings": "1", **lines_form(["", "  "])})
    body = response.content.decode()
    assert 'id="id_ingredients_error"' in body and "Add at least one ingredient line." in body
    assert body.index("Add at least one ingredient line.") < body.index('id="id_line_1"')
    assert rows(body) == [(1, ""), (2, "  ")]
    assert re.search(r'<fieldset class="ingredient-fieldset has-error"[^>]*id_ingredients_error', body)


def test_too_many_lines_is_reported_above_the_lines_and_nothing_is_lost(owner_client):
    typed = [f"{i} g oats" for i in range(1, services.MAX_INGREDIENT_LINES + 2)]
    response = owner_client.post("/recipes/new/", {"title": "Huge", "servings": "2", **lines_form(typed)})
    body = response.content.decode()
    assert "At most 150 ingredient lines" in body
    assert body.index("At most 150 ingredient lines") < body.index('name="line"')
    assert [text for _, text in rows(body)] == typed
    assert Recipe.objects.count() == 0


def test_an_invalid_paste_keeps_the_paste_box(owner_client):
    response = owner_client.post("/recipes/new/", {"title": "", "servings": "2", "ingredients": "1 cup oats\n2 figs"})
    body = response.content.decode()
    assert textarea(body) == "1 cup oats\n2 figs"
    assert 'name="ingredient_mode" value="paste"' in body


# --- the live preview reads either mode ------------------------------------------------------


def test_preview_reads_one_per_line_mode(owner_client):
    typed = ["80 g rolled oats", "", "150 g kefir"]
    response = owner_client.post("/recipes/preview/", {"servings": "1", **lines_form(typed)})
    body = response.content.decode()
    analysed = services.analysis_document(services.analyse(["80 g rolled oats", "150 g kefir"], servings=1))
    assert f'data-preview-score="{analysed["gut_score"]}"' in body
    assert "kefir" in body and "<html" not in body
    assert Recipe.objects.count() == 0


def test_preview_of_empty_lines_asks_for_some(owner_client):
    body = owner_client.post("/recipes/preview/", {"servings": "1", **lines_form(["", ""])}).content.decode()
    assert "Type or paste ingredient lines" in body and "data-preview-score" not in body


def test_the_preview_listens_to_both_modes_and_to_editor_changes(owner_client):
    body = owner_client.get("/recipes/new/").content.decode()
    trigger = re.search(r'id="preview"[^>]*hx-trigger="([^"]+)"', body, re.S).group(1)
    assert "from:#ingredient-editor" in trigger and "ingredients-changed from:body" in trigger
    assert 'hx-include="#recipe-form"' in body
