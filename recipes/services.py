"""Writes to recipes: create, update, recompute. Website, admin, API and commands all call these."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from recipes.engine.nutrition import RecipeAnalysis, analyse_recipe
from recipes.engine.parser import parse_yields
from recipes.engine.scoring import SCORE_VERSION, score_recipe
from recipes.engine.types import PER_SERVING_NUTRIENTS, FoodRecord
from recipes.models import Recipe, RecipeIngredient
from recipes.selectors import food_index_cache, get_food_index
from recipes.vocab import MEAL_TYPES

MAX_INGREDIENT_LINES = 150
MAX_SERVINGS = 100


@dataclass(frozen=True)
class IngredientInput:
    """A line as written and the food an editor chose for it; food_id None hands the line to the matcher."""

    text: str
    food_id: int | None = None


# What create_recipe and update_recipe take per line: a plain string says nothing about the food.
IngredientLine = str | IngredientInput


def clean_ingredients(lines: Iterable[IngredientLine] | str) -> list[IngredientLine]:
    """One ingredient per line, blanks dropped, each stripped; strings stay strings."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    cleaned: list[IngredientLine] = []
    for line in lines:
        if isinstance(line, IngredientInput):
            if line.text.strip():
                cleaned.append(IngredientInput(line.text.strip(), line.food_id))
        elif str(line).strip():
            cleaned.append(str(line).strip())
    texts = [line_text(line) for line in cleaned]
    errors = []
    if not cleaned:
        errors.append("Add at least one ingredient line.")
    if len(cleaned) > MAX_INGREDIENT_LINES:
        errors.append(f"At most {MAX_INGREDIENT_LINES} ingredient lines (got {len(cleaned)}).")
    too_long = [i + 1 for i, text in enumerate(texts) if len(text) > 500]
    if too_long:
        errors.append(f"Ingredient line(s) {', '.join(map(str, too_long))} are longer than 500 characters.")
    # a NUL character cannot be stored (PostgreSQL text and JSON refuse it); no recipe line has one
    with_nul = [i + 1 for i, text in enumerate(texts) if "\x00" in text]
    if with_nul:
        errors.append(f"Ingredient line(s) {', '.join(map(str, with_nul))} contain a null character.")
    if errors:
        raise ValidationError({"ingredients": errors})
    return cleaned


def clean_lines(lines: Iterable[IngredientLine] | str) -> list[str]:
    """One ingredient per line, blanks dropped; accepts a pasted block or a list."""
    return [line_text(line) for line in clean_ingredients(lines)]


def line_text(line: IngredientLine) -> str:
    """The text of a line given either way."""
    return line.text if isinstance(line, IngredientInput) else line


def resolve_servings(servings: int | None, yields_text: str) -> int:
    if servings is None:
        # "Makes 120 cookies": a yield beyond the limit is a batch, planned as MAX_SERVINGS servings.
        servings = min(parse_yields(yields_text or "") or 1, MAX_SERVINGS)
    if not isinstance(servings, int) or isinstance(servings, bool) or servings < 1 or servings > MAX_SERVINGS:
        raise ValidationError({"servings": [f"Servings must be a whole number from 1 to {MAX_SERVINGS}."]})
    return servings


def analyse(
    lines: Sequence[str], *, servings: int, instructions: str = "", chosen_foods: dict[int, int] | None = None
) -> RecipeAnalysis:
    """Nutrition and matching for lines, without saving anything.

    `chosen_foods` maps a line's position to the id of the food chosen for it by hand; an id that is
    not in the food table is a ValidationError naming the line.
    """
    index = get_food_index()
    records: dict[int, FoodRecord] = {}
    missing = []
    for position, food_id in (chosen_foods or {}).items():
        record = index.get(food_id)
        if record is None:
            missing.append(f'Line {position + 1} ("{lines[position]}"): there is no food with id {food_id}.')
        else:
            records[position] = record
    if missing:
        raise ValidationError({"ingredients": missing})
    return analyse_recipe(lines, servings=servings, index=index, instructions=instructions, chosen_foods=records)


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
                food_chosen=line.chosen,
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


def _stored_lines(recipe: Recipe) -> list[IngredientInput]:
    """The recipe's lines as stored, each with the food chosen for it by hand (if any)."""
    rows = recipe.ingredients.order_by("position", "id").values_list("raw_text", "food_id", "food_chosen")
    return [IngredientInput(text, food_id if chosen else None) for text, food_id, chosen in rows]


def _keep_choices(recipe: Recipe, lines: list[IngredientLine]) -> list[IngredientInput]:
    """Plain strings keep the food chosen for a stored line with the same text (in order, for repeated lines)."""
    previous: dict[str, deque[int | None]] = defaultdict(deque)
    for line in _stored_lines(recipe):
        previous[line.text].append(line.food_id)
    kept = []
    for line in lines:
        queue = previous.get(line_text(line))
        food_id = queue.popleft() if queue else None
        kept.append(line if isinstance(line, IngredientInput) else IngredientInput(line, food_id))
    return kept


def _write(recipe: Recipe, lines: list[IngredientInput] | None) -> Recipe:
    if recipe.prep_minutes is not None or recipe.cook_minutes is not None:
        recipe.total_minutes = (recipe.prep_minutes or 0) + (recipe.cook_minutes or 0)
    if lines is None:
        lines = _stored_lines(recipe)
    chosen = {position: line.food_id for position, line in enumerate(lines) if line.food_id is not None}
    texts = [line.text for line in lines]
    analysis = analyse(texts, servings=recipe.servings, instructions=recipe.instructions, chosen_foods=chosen)
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
    *, owner, title: str, ingredients: Iterable[IngredientLine] | str, servings: int | None = None, **fields
) -> Recipe:
    """Create a recipe, parse and match its lines and store its nutrition and score.

    A line is a string (matched automatically) or an IngredientInput carrying the food chosen for it.
    """
    unknown = set(fields) - set(RECIPE_FIELDS)
    if unknown:
        raise TypeError(f"unknown recipe fields: {', '.join(sorted(unknown))}")
    fields["title"] = title
    _validate_fields(fields)
    lines = [
        line if isinstance(line, IngredientInput) else IngredientInput(line) for line in clean_ingredients(ingredients)
    ]
    recipe = Recipe(owner=owner, servings=resolve_servings(servings, fields.get("yields_text", "")))
    for name, value in fields.items():
        setattr(recipe, name, value.strip() if isinstance(value, str) else value)
    if owner is None:
        recipe.is_public = True  # the shared catalogue is public by definition
    return _write(recipe, lines)


@transaction.atomic
def update_recipe(
    recipe: Recipe, *, ingredients: Iterable[IngredientLine] | str | None = None, servings: int | None = None, **fields
) -> Recipe:
    """Change a recipe's fields and/or lines; nutrition and score are recomputed in the same transaction.

    Lines replace the stored ones. An IngredientInput says which food the line is (food_id None: the
    matcher's choice). A plain string says nothing about the food: when a stored line has the same text
    and a food chosen by hand, the new line keeps that food (same text, same choice); otherwise it is matched.
    """
    unknown = set(fields) - set(RECIPE_FIELDS)
    if unknown:
        raise TypeError(f"unknown recipe fields: {', '.join(sorted(unknown))}")
    _validate_fields(fields)
    recipe = Recipe.objects.select_for_update().get(pk=recipe.pk)
    for name, value in fields.items():
        setattr(recipe, name, value.strip() if isinstance(value, str) else value)
    if servings is not None or "yields_text" in fields:
        recipe.servings = resolve_servings(servings, recipe.yields_text)
    lines = _keep_choices(recipe, clean_ingredients(ingredients)) if ingredients is not None else None
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
    """Recompute nutrition and score from the stored ingredient lines, keeping the foods chosen by hand."""
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
