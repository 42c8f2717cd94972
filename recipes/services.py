"""Writes to recipes: create, update, recompute. Website, admin, API and commands all call these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from recipes.engine.nutrition import RecipeAnalysis, analyse_recipe
from recipes.engine.parser import parse_yields
from recipes.engine.scoring import SCORE_VERSION, score_recipe
from recipes.engine.types import PER_SERVING_NUTRIENTS
from recipes.models import Recipe, RecipeIngredient
from recipes.selectors import food_index_cache, get_food_index
from recipes.vocab import MEAL_TYPES

MAX_INGREDIENT_LINES = 150
MAX_SERVINGS = 100


def clean_lines(lines: Iterable[str] | str) -> list[str]:
    """One ingredient per line, blanks dropped; accepts a pasted block or a list."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    cleaned = [str(line).strip() for line in lines if str(line).strip()]
    errors = []
    if not cleaned:
        errors.append("Add at least one ingredient line.")
    if len(cleaned) > MAX_INGREDIENT_LINES:
        errors.append(f"At most {MAX_INGREDIENT_LINES} ingredient lines (got {len(cleaned)}).")
    too_long = [i + 1 for i, line in enumerate(cleaned) if len(line) > 500]
    if too_long:
        errors.append(f"Ingredient line(s) {', '.join(map(str, too_long))} are longer than 500 characters.")
    if errors:
        raise ValidationError({"ingredients": errors})
    return cleaned


def resolve_servings(servings: int | None, yields_text: str) -> int:
    if servings is None:
        # "Makes 120 cookies": a yield beyond the limit is a batch, planned as MAX_SERVINGS servings.
        servings = min(parse_yields(yields_text or "") or 1, MAX_SERVINGS)
    if not isinstance(servings, int) or isinstance(servings, bool) or servings < 1 or servings > MAX_SERVINGS:
        raise ValidationError({"servings": [f"Servings must be a whole number from 1 to {MAX_SERVINGS}."]})
    return servings


def analyse(lines: Sequence[str], *, servings: int, instructions: str = "") -> RecipeAnalysis:
    """Nutrition and matching for lines, without saving anything."""
    return analyse_recipe(lines, servings=servings, index=get_food_index(), instructions=instructions)


def analysis_document(analysis: RecipeAnalysis) -> dict:
    """The JSON shape shared by analyze_recipes, the API and the stored Recipe.analysis."""
    score = score_recipe(analysis.per_serving)
    return {
        "servings": analysis.servings,
        "per_serving": analysis.per_serving_dict(),
        "matched_share": round(analysis.matched_share, 3),
        "unmatched": list(analysis.unmatched),
        "gut_score": score.score,
        "gut_score_version": SCORE_VERSION,
        "breakdown": score.as_dict()["components"],
        "score_notes": list(score.notes),
        "diets": list(analysis.diets),
        "allergens": list(analysis.allergens),
        "fodmap_level": analysis.fodmap_level,
        "fodmap_triggers": list(analysis.fodmap_triggers),
        "plant_species": sorted(analysis.per_serving.plant_species),
        "lines": [line.as_dict() for line in analysis.lines],
    }


def _apply(recipe: Recipe, analysis: RecipeAnalysis) -> None:
    """Copy an analysis onto the recipe's stored columns and rewrite its ingredient rows."""
    doc = analysis_document(analysis)
    n = analysis.per_serving
    for name in PER_SERVING_NUTRIENTS:
        setattr(recipe, name, round(getattr(n, name), 3))
    recipe.plant_species = sorted(n.plant_species)
    recipe.diets = list(analysis.diets)
    recipe.allergens = list(analysis.allergens)
    recipe.fodmap_level = analysis.fodmap_level
    recipe.fodmap_triggers = list(analysis.fodmap_triggers)
    recipe.matched_share = round(analysis.matched_share, 3)
    recipe.unmatched_count = len(analysis.unmatched)
    recipe.gut_score = doc["gut_score"]
    recipe.gut_score_version = SCORE_VERSION
    recipe.score_breakdown = doc["breakdown"]
    recipe.analysis = {k: v for k, v in doc.items() if k != "lines"}


def _ingredient_rows(recipe: Recipe, analysis: RecipeAnalysis) -> list[RecipeIngredient]:
    rows = []
    for position, line in enumerate(analysis.lines):
        parsed = line.parsed
        rows.append(
            RecipeIngredient(
                recipe=recipe,
                position=position,
                raw_text=line.raw[:500],
                quantity=parsed.amount,
                unit=parsed.unit[:40],
                grams=None if line.grams is None else round(line.grams, 2),
                food_id=line.food.id if line.food else None,
                food_text=parsed.food[:300],
                preparation=parsed.preparation[:200],
                optional=parsed.optional,
                match_confidence=round(min(max(line.confidence, 0.0), 1.0), 3),
                status=line.status,
                note=line.note[:300],
            )
        )
    return rows


def _validate_fields(fields: dict) -> None:
    errors = {}
    meal_types = fields.get("meal_types")
    if meal_types is not None:
        bad = [m for m in meal_types if m not in MEAL_TYPES]
        if bad:
            errors["meal_types"] = [f"Unknown meal type(s): {', '.join(bad)}. Use {', '.join(MEAL_TYPES)}."]
    for name in ("prep_minutes", "cook_minutes"):
        value = fields.get(name)
        if value is not None and (not isinstance(value, int) or value < 0 or value > 60 * 24 * 7):
            errors[name] = ["Minutes must be a whole number from 0 to 10080."]
    if "title" in fields and not str(fields["title"] or "").strip():
        errors["title"] = ["A recipe needs a title."]
    if errors:
        raise ValidationError(errors)


def _write(recipe: Recipe, lines: list[str] | None) -> Recipe:
    if recipe.prep_minutes is not None or recipe.cook_minutes is not None:
        recipe.total_minutes = (recipe.prep_minutes or 0) + (recipe.cook_minutes or 0)
    if lines is None:
        lines = list(recipe.ingredients.order_by("position", "id").values_list("raw_text", flat=True))
    analysis = analyse(lines, servings=recipe.servings, instructions=recipe.instructions)
    _apply(recipe, analysis)
    recipe.full_clean()
    recipe.save()
    recipe.ingredients.all().delete()
    RecipeIngredient.objects.bulk_create(_ingredient_rows(recipe, analysis))
    return recipe


RECIPE_FIELDS = (
    "title",
    "slug",
    "description",
    "yields_text",
    "prep_minutes",
    "cook_minutes",
    "meal_types",
    "tags",
    "instructions",
    "source_url",
    "image_url",
    "is_public",
)


@transaction.atomic
def create_recipe(
    *, owner, title: str, ingredients: Iterable[str] | str, servings: int | None = None, **fields
) -> Recipe:
    """Create a recipe, parse and match its lines and store its nutrition and score."""
    unknown = set(fields) - set(RECIPE_FIELDS)
    if unknown:
        raise TypeError(f"unknown recipe fields: {', '.join(sorted(unknown))}")
    fields["title"] = title
    _validate_fields(fields)
    lines = clean_lines(ingredients)
    recipe = Recipe(owner=owner, servings=resolve_servings(servings, fields.get("yields_text", "")))
    for name, value in fields.items():
        setattr(recipe, name, value.strip() if isinstance(value, str) else value)
    if owner is None:
        recipe.is_public = True  # the shared catalogue is public by definition
    return _write(recipe, lines)


@transaction.atomic
def update_recipe(
    recipe: Recipe, *, ingredients: Iterable[str] | str | None = None, servings: int | None = None, **fields
) -> Recipe:
    """Change a recipe's fields and/or lines; nutrition and score are recomputed in the same transaction."""
    unknown = set(fields) - set(RECIPE_FIELDS)
    if unknown:
        raise TypeError(f"unknown recipe fields: {', '.join(sorted(unknown))}")
    _validate_fields(fields)
    recipe = Recipe.objects.select_for_update().get(pk=recipe.pk)
    for name, value in fields.items():
        setattr(recipe, name, value.strip() if isinstance(value, str) else value)
    if servings is not None or "yields_text" in fields:
        recipe.servings = resolve_servings(servings, recipe.yields_text)
    lines = clean_lines(ingredients) if ingredients is not None else None
    return _write(recipe, lines)


class RecipeInUse(Exception):
    """The recipe is planned in someone's meal plan and cannot be deleted."""


@transaction.atomic
def delete_recipe(recipe: Recipe) -> None:
    """Delete a recipe and its lines; refused (RecipeInUse) while a meal plan still uses it."""
    try:
        recipe.delete()
    except ProtectedError as exc:
        raise RecipeInUse("A meal plan still uses this recipe; change those plans first.") from exc


@transaction.atomic
def recompute_recipe(recipe: Recipe) -> Recipe:
    """Recompute nutrition and score from the stored ingredient lines."""
    return _write(recipe, None)


def recompute_recipes(queryset=None, *, progress=None) -> int:
    """Recompute many recipes (each in its own transaction); returns how many."""
    queryset = queryset if queryset is not None else Recipe.objects.all()
    count = 0
    for recipe in queryset.order_by("id").iterator(chunk_size=200):
        recompute_recipe(recipe)
        count += 1
        if progress:
            progress(1)
    return count


def recompute_recipes_using_foods(food_ids: Iterable[int]) -> int:
    """After food values change: recompute every recipe that uses one of the foods."""
    ids = list(food_ids)
    food_index_cache.clear()  # this process rebuilds now; others see the foods' new updated_at
    return recompute_recipes(Recipe.objects.filter(ingredients__food__in=ids).distinct())
