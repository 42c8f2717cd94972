"""Nested, read-only shapes shared by recipes, analyses and foods: per-serving values, lines, score parts."""

from rest_framework import serializers

from recipes.engine.types import NUTRIENTS_PER_100G, PER_SERVING_NUTRIENTS
from recipes.models import RecipeIngredient
from recipes.vocab import FODMAP_LEVELS

PER_SERVING_FIELDS = PER_SERVING_NUTRIENTS
# Per-100 g values of a food; None means unknown, never zero.
PER_100G_FIELDS = NUTRIENTS_PER_100G

FODMAP_LEVEL_CHOICES = ("", *FODMAP_LEVELS)


class PerServingSerializer(serializers.Serializer):
    """Nutrition of one serving. `plants` counts distinct plants (herbs and spices count half)."""

    energy_kcal = serializers.FloatField()
    protein_g = serializers.FloatField()
    fat_g = serializers.FloatField()
    saturated_fat_g = serializers.FloatField()
    carbohydrate_g = serializers.FloatField()
    fiber_g = serializers.FloatField()
    sugars_g = serializers.FloatField()
    free_sugars_g = serializers.FloatField()
    sodium_mg = serializers.FloatField()
    fructans_g = serializers.FloatField()
    gos_g = serializers.FloatField()
    resistant_starch_g = serializers.FloatField()
    beta_glucan_g = serializers.FloatField()
    prebiotic_g = serializers.FloatField(help_text="Fructans + GOS + resistant starch + beta-glucan.")
    live_culture_servings = serializers.FloatField(help_text="Servings of live-culture foods eaten uncooked.")
    plants = serializers.FloatField(help_text="Distinct plants; herbs and spices count half.")


class Per100gSerializer(serializers.Serializer):
    """A food's values per 100 g of edible portion; null means unknown, never zero."""

    energy_kcal = serializers.FloatField(allow_null=True)
    protein_g = serializers.FloatField(allow_null=True)
    fat_g = serializers.FloatField(allow_null=True)
    saturated_fat_g = serializers.FloatField(allow_null=True)
    carbohydrate_g = serializers.FloatField(allow_null=True)
    fiber_g = serializers.FloatField(allow_null=True)
    sugars_g = serializers.FloatField(allow_null=True)
    sodium_mg = serializers.FloatField(allow_null=True)
    fructans_g = serializers.FloatField(allow_null=True)
    gos_g = serializers.FloatField(allow_null=True)
    resistant_starch_g = serializers.FloatField(allow_null=True)
    beta_glucan_g = serializers.FloatField(allow_null=True)


class FoodRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ScoreComponentSerializer(serializers.Serializer):
    """One line of the gut score breakdown; deductions have negative points and max_points."""

    key = serializers.CharField()
    label = serializers.CharField()
    points = serializers.IntegerField()
    max_points = serializers.IntegerField()
    reason = serializers.CharField()


class FodmapTriggerSerializer(serializers.Serializer):
    food = serializers.CharField()
    level = serializers.ChoiceField(choices=["moderate", "high"])
    grams = serializers.FloatField(help_text="Grams of the food in one serving.")
    swap = serializers.CharField(allow_blank=True, help_text="A lower-FODMAP alternative, if known.")


class IngredientLineSerializer(serializers.Serializer):
    """One ingredient line as parsed and matched. Works on stored rows and on analysis lines alike."""

    position = serializers.IntegerField()
    text = serializers.CharField(help_text="The line as written.")
    quantity = serializers.FloatField(allow_null=True)
    unit = serializers.CharField(allow_blank=True)
    grams = serializers.FloatField(allow_null=True, help_text="Total grams of the line; null when unknown.")
    food = FoodRefSerializer(
        allow_null=True, help_text="The food counted for the line (matched or chosen by hand); null when none."
    )
    food_chosen = serializers.BooleanField(help_text="The food was chosen by hand, not by the matcher.")
    confidence = serializers.FloatField(help_text="Match confidence, 0 to 1.")
    status = serializers.ChoiceField(choices=RecipeIngredient.Status.values)
    preparation = serializers.CharField(allow_blank=True)
    optional = serializers.BooleanField()
    note = serializers.CharField(allow_blank=True, help_text="Why a line was not counted, or how it was weighed.")


def ingredient_row(row: RecipeIngredient) -> dict:
    return {
        "position": row.position,
        "text": row.raw_text,
        "quantity": row.quantity,
        "unit": row.unit,
        "grams": row.grams,
        "food": {"id": row.food_id, "name": row.food.name} if row.food_id else None,
        "food_chosen": row.food_chosen,
        "confidence": row.match_confidence,
        "status": row.status,
        "preparation": row.preparation,
        "optional": row.optional,
        "note": row.note,
    }


def analysis_line(position: int, line: dict) -> dict:
    """An analysis_document line in the same shape as a stored ingredient row."""
    food = {"id": line["food_id"], "name": line["food"]} if line.get("food_id") is not None else None
    return {
        "position": position,
        "text": line["text"],
        "quantity": line["quantity"],
        "unit": line["unit"],
        "grams": line["grams"],
        "food": food,
        "food_chosen": line.get("food_chosen", False),
        "confidence": line["confidence"],
        "status": line["status"],
        "preparation": line.get("preparation", ""),
        "optional": line.get("optional", False),
        "note": line.get("note", ""),
    }
