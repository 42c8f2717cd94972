"""Website: browse recipes, read one, write your own. Writes go through recipes.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from recipes import services
from recipes.api.filters import RecipeFilter
from recipes.forms import ImportForm, IngredientEditor, PreviewForm, RecipeForm
from recipes.importers import import_recipe_text
from recipes.models import Recipe
from recipes.vocab import ALLERGENS, DIET_CHOICES, MEAL_TYPES

PAGE_SIZE = 24
LIST_FIELDS = (
    "id",
    "title",
    "owner_id",
    "is_public",
    "servings",
    "total_minutes",
    "energy_kcal",
    "fiber_g",
    "prebiotic_g",
    "live_culture_servings",
    "plants",
    "gut_score",
    "fodmap_level",
    "diets",
)
SORTS = (
    ("-gut_score", "Best score"),
    ("-fiber_g", "Most fiber"),
    ("total_minutes", "Quickest"),
    ("energy_kcal", "Fewest kcal"),
    ("title", "Title A–Z"),
)
NUTRITION_ROWS = (
    ("energy_kcal", "Energy", "kcal"),
    ("protein_g", "Protein", "g"),
    ("fat_g", "Fat", "g"),
    ("saturated_fat_g", "of which saturated", "g"),
    ("carbohydrate_g", "Carbohydrate", "g"),
    ("sugars_g", "of which sugars", "g"),
    ("free_sugars_g", "Free sugars", "g"),
    ("fiber_g", "Fibre", "g"),
    ("prebiotic_g", "Fermentable fibers (prebiotic sources)", "g"),
    ("sodium_mg", "Sodium", "mg"),
    ("live_culture_servings", "Servings of live-culture foods", ""),
    ("plants", "Different plants", ""),
)


def _render_partial(request, template: str, partial: str, context: dict):
    """The whole page, or just `partial` when htmx asks for a fragment (not for a history restore)."""
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        template = f"{template}#{partial}"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _filter_params(request) -> QueryDict:
    """The query string with checkbox lists joined as the API's CSV (`exclude_allergens=milk,gluten`)."""
    params = request.GET.copy()
    allergens = [a for value in params.getlist("exclude_allergens") for a in value.split(",") if a.strip()]
    if allergens:
        params.setlist("exclude_allergens", [",".join(dict.fromkeys(allergens))])
    else:
        params.pop("exclude_allergens", None)
    # Empty fields from the form mean "no filter", as an unset parameter does in the API.
    for key in list(params):
        if key != "exclude_allergens" and not any(v.strip() for v in params.getlist(key)):
            params.pop(key)
    return params


def _paginate(request, queryset):
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _browse_context(params: QueryDict) -> dict:
    selected_allergens = params.get("exclude_allergens", "").split(",")
    return {
        "params": params,
        "diets": DIET_CHOICES,
        "meal_types": MEAL_TYPES,
        "allergens": [(a, a in selected_allergens) for a in ALLERGENS],
        "sorts": SORTS,
    }


@require_GET
def recipe_list(request):
    params = _filter_params(request)
    base = Recipe.objects.visible_to(request.user).only(*LIST_FIELDS)
    filterset = RecipeFilter(params, queryset=base, request=request)
    if filterset.is_valid():
        queryset = filterset.qs
        if "ordering" not in params:
            queryset = queryset.order_by("-gut_score", "title", "id")
        errors = {}
    else:
        queryset = base.none()
        errors = filterset.errors
    page, query = _paginate(request, queryset)
    context = _browse_context(params) | {"page": page, "query": query, "filter_errors": errors}
    return _render_partial(request, "recipes/recipe_list.html", "results", context)


@login_required
@require_GET
def my_recipes(request):
    queryset = Recipe.objects.owned_by(request.user).only(*LIST_FIELDS).order_by("title", "id")
    page, query = _paginate(request, queryset)
    return render(request, "recipes/my_recipes.html", {"page": page, "query": query})


def _scaled_lines(recipe: Recipe, servings: int) -> list[dict]:
    factor = servings / recipe.servings
    lines = []
    for line in recipe.ingredients.select_related("food").order_by("position", "id"):
        lines.append(
            {
                "line": line,
                "grams": None if line.grams is None else line.grams * factor,
                "food": line.food,
            }
        )
    return lines


def _servings_param(request, recipe: Recipe) -> int:
    try:
        servings = int(request.GET.get("servings", recipe.servings))
    except (TypeError, ValueError):
        return recipe.servings
    return min(max(servings, 1), services.MAX_SERVINGS)


def _breakdown(components: list[dict]) -> list[dict]:
    """Score lines with the bar length (0-100) each one fills of its own maximum."""
    rows = []
    for component in components or []:
        points, most = component.get("points", 0), component.get("max_points", 0)
        share = abs(points) / abs(most) if most else (1.0 if points else 0.0)
        rows.append(component | {"percent": round(min(share, 1.0) * 100, 1), "deduction": points < 0 or most < 0})
    return rows


def _nutrition_rows(values: dict) -> list[tuple[str, float, str]]:
    return [(label, values.get(key) or 0, unit) for key, label, unit in NUTRITION_ROWS]


@require_GET
def recipe_detail(request, pk: int):
    recipe = get_object_or_404(Recipe.objects.visible_to(request.user).select_related("owner"), pk=pk)
    servings = _servings_param(request, recipe)
    per_serving = {row[0]: getattr(recipe, row[0]) for row in NUTRITION_ROWS}
    context = {
        "recipe": recipe,
        "servings": servings,
        "lines": _scaled_lines(recipe, servings),
        "nutrition": _nutrition_rows(per_serving),
        "breakdown": _breakdown(recipe.score_breakdown),
        "score_notes": (recipe.analysis or {}).get("score_notes", []),
        "is_owner": request.user.is_authenticated and recipe.owner_id == request.user.id,
    }
    return _render_partial(request, "recipes/recipe_detail.html", "ingredients", context)


def _add_service_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _recipe_initial(recipe: Recipe) -> dict:
    return {
        "title": recipe.title,
        "servings": recipe.servings,
        "description": recipe.description,
        "meal_types": list(recipe.meal_types),
        "prep_minutes": recipe.prep_minutes,
        "cook_minutes": recipe.cook_minutes,
        "instructions": recipe.instructions,
        "tags": ", ".join(recipe.tags),
        "source_url": recipe.source_url,
        "is_public": recipe.is_public,
    }


def _editor_response(request, editor: IngredientEditor, changed: str, form_action: str):
    """The fragment an htmx editor button asks for: one new row, or the whole ingredient editor."""
    context = {"editor": editor, "form": RecipeForm(), "form_action": form_action}
    if changed == "row":
        context["row"] = editor.rows[-1]
        response = render(request, "recipes/recipe_form.html#ingredient-row", context)
    else:
        response = render(request, "recipes/recipe_form.html#ingredient-editor", context)
        # A retargeted "add" (the list is full) lands here too, so say where it goes.
        retarget(response, "#ingredient-editor")
        reswap(response, "innerHTML")
        # After the swap, so the live preview reads the lines as they are now.
        trigger_client_event(response, "ingredients-changed", after="swap")
    patch_vary_headers(response, ["HX-Request"])
    return response


def _recipe_form_page(request, recipe: Recipe | None):
    """New and edit share one page: the ingredient editor's buttons re-render it, "Save recipe" saves."""
    form_action = reverse("recipe-edit", args=[recipe.pk]) if recipe else reverse("recipe-new")
    if request.method == "GET":
        lines = list(recipe.ingredients.order_by("position", "id").values_list("raw_text", flat=True)) if recipe else []
        editor = IngredientEditor.from_lines(lines)
        form = RecipeForm(initial=_recipe_initial(recipe) if recipe else None)
    else:
        editor = IngredientEditor.from_data(request.POST)
        changed = editor.apply(request.POST.get("action", "save"))
        if changed and request.htmx:
            return _editor_response(request, editor, changed, form_action)
        if changed:
            form = RecipeForm.redisplay(request.POST)
        else:
            form = RecipeForm(request.POST)
            if form.is_valid():
                fields = {
                    "title": form.cleaned_data["title"],
                    "ingredients": form.cleaned_data["ingredients"],
                    "servings": form.cleaned_data["servings"],
                    **form.service_fields(),
                }
                try:
                    if recipe is None:
                        saved = services.create_recipe(owner=request.user, **fields)
                    else:
                        saved = services.update_recipe(recipe, **fields)
                except ValidationError as error:
                    _add_service_errors(form, error)
                else:
                    messages.success(request, f"Saved “{saved.title}”.")
                    return redirect(saved)
    context = {"form": form, "recipe": recipe, "editor": editor, "form_action": form_action}
    return render(request, "recipes/recipe_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recipe_create(request):
    return _recipe_form_page(request, None)


def _own_recipe(request, pk: int) -> Recipe:
    # Someone else's recipe is a 404, public or not: there is nothing of theirs to edit here.
    return get_object_or_404(Recipe, pk=pk, owner=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def recipe_edit(request, pk: int):
    return _recipe_form_page(request, _own_recipe(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def recipe_delete(request, pk: int):
    recipe = _own_recipe(request, pk)
    if request.method == "POST":
        try:
            services.delete_recipe(recipe)
        except services.RecipeInUse as error:
            messages.error(request, str(error))
            return redirect(recipe)
        messages.success(request, f"Deleted “{recipe.title}”.")
        return redirect("recipe-mine")
    return render(request, "recipes/recipe_confirm_delete.html", {"recipe": recipe})


@login_required
@require_POST
def recipe_preview(request):
    """Nutrition and score of the lines being typed; saves nothing."""
    form = PreviewForm(request.POST)
    typed = IngredientEditor.from_data(request.POST).ingredient_lines()
    context: dict = {"doc": None, "error": ""}
    if not form.is_valid():
        context["error"] = f"Servings must be a whole number from 1 to {services.MAX_SERVINGS}."
    elif not typed:
        context["error"] = ""
    else:
        try:
            lines = services.clean_lines(typed)
            analysis = services.analyse(lines, servings=form.cleaned_data["servings"] or 1)
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
        else:
            doc = services.analysis_document(analysis)
            context["doc"] = doc
            context["nutrition"] = _nutrition_rows(doc["per_serving"])
            context["breakdown"] = _breakdown(doc["breakdown"])
    return render(request, "recipes/_preview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recipe_import(request):
    form = ImportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = import_recipe_text(
                owner=request.user, text=form.cleaned_data["text"], url=form.cleaned_data["url"] or ""
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            verb = "Imported" if result.created else "Updated"
            note = f" {len(result.unmatched_lines)} line(s) matched no food." if result.unmatched_lines else ""
            messages.success(request, f"{verb} “{result.recipe.title}”. Check the ingredient matches below.{note}")
            return redirect(result.recipe)
    return render(request, "recipes/recipe_import.html", {"form": form})
