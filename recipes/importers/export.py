"""Recipes as schema.org Recipe JSON-LD, in the shape import_recipes reads back unchanged."""

from __future__ import annotations

from django.db.models import Prefetch

from recipes.engine.parser import parse_yields
from recipes.engine.scoring import band_for
from recipes.models import Recipe, RecipeIngredient
from recipes.services import MAX_SERVINGS

EXTRAS_KEY = "x-mealplan"  # our computed values; import ignores them and recomputes


def iso_minutes(minutes: int | None) -> str | None:
    if minutes is None:
        return None
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _grams(value: float) -> str:
    return f"{round(value, 1):g} g"


def recipe_yield(recipe: Recipe) -> str | list[str]:
    """The yield as written; a [servings, text] pair when the text alone would give other servings."""
    if not recipe.yields_text:
        return str(recipe.servings)
    implied = min(parse_yields(recipe.yields_text) or 1, MAX_SERVINGS)
    if implied == recipe.servings:
        return recipe.yields_text
    return [str(recipe.servings), recipe.yields_text]


def nutrition(recipe: Recipe) -> dict:
    """Per serving, in schema.org NutritionInformation's text-with-unit form."""
    return {
        "@type": "NutritionInformation",
        "servingSize": "1 serving",
        "calories": f"{round(recipe.energy_kcal)} kcal",
        "carbohydrateContent": _grams(recipe.carbohydrate_g),
        "sugarContent": _grams(recipe.sugars_g),
        "fiberContent": _grams(recipe.fiber_g),
        "proteinContent": _grams(recipe.protein_g),
        "fatContent": _grams(recipe.fat_g),
        "saturatedFatContent": _grams(recipe.saturated_fat_g),
        "sodiumContent": f"{round(recipe.sodium_mg)} mg",
    }


def recipe_to_schema_org(recipe: Recipe) -> dict:
    """One recipe as a schema.org Recipe; ingredients in order (prefetch them when exporting many)."""
    lines = [line.raw_text for line in sorted(recipe.ingredients.all(), key=lambda line: (line.position, line.id))]
    steps = [step.strip() for step in recipe.instructions.splitlines() if step.strip()]
    document: dict = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": recipe.title,
    }
    if recipe.slug:
        document["identifier"] = recipe.slug
    if recipe.source_url:
        document["url"] = recipe.source_url
    if recipe.description:
        document["description"] = recipe.description
    if recipe.image_url:
        document["image"] = recipe.image_url
    document["recipeYield"] = recipe_yield(recipe)
    for key, minutes in (
        ("prepTime", recipe.prep_minutes),
        ("cookTime", recipe.cook_minutes),
        ("totalTime", recipe.total_minutes),
    ):
        if minutes is not None:
            document[key] = iso_minutes(minutes)
    if recipe.meal_types:
        document["recipeCategory"] = list(recipe.meal_types)
    if recipe.tags:
        document["keywords"] = ", ".join(recipe.tags)
    document["recipeIngredient"] = lines
    document["recipeInstructions"] = [{"@type": "HowToStep", "text": step} for step in steps]
    document["nutrition"] = nutrition(recipe)
    document[EXTRAS_KEY] = {
        "servings": recipe.servings,
        "gutScore": recipe.gut_score,
        "gutScoreBand": band_for(recipe.gut_score),
        "gutScoreVersion": recipe.gut_score_version,
        "plants": recipe.plants,
        "prebioticGrams": round(recipe.prebiotic_g, 2),
        "liveCultureServings": round(recipe.live_culture_servings, 2),
        "diets": list(recipe.diets),
        "allergens": list(recipe.allergens),
        "fodmapLevel": recipe.fodmap_level,
    }
    return document


def export_catalogue(queryset=None) -> list[dict]:
    """Recipes (default: all) as a list of schema.org Recipe objects, ordered by title; two queries."""
    queryset = Recipe.objects.all() if queryset is None else queryset
    queryset = queryset.order_by("title", "id").prefetch_related(
        Prefetch("ingredients", queryset=RecipeIngredient.objects.order_by("position", "id"))
    )
    return [recipe_to_schema_org(recipe) for recipe in queryset]
