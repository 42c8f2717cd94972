"""Shapes of recipes, foods and analyses in and out of the API. No business logic: services do the writes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from recipes.models import Food, FoodPortion, Recipe, RecipeIngredient
from recipes.services import MAX_INGREDIENT_LINES, MAX_SERVINGS
from recipes.vocab import ALLERGENS, DIETS, FODMAP_LEVELS, MEAL_TYPES

# The per-serving values, named as in the analyze output and `analyze_recipes` (per_serving).
PER_SERVING_FIELDS = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "saturated_fat_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "free_sugars_g",
    "sodium_mg",
    "fructans_g",
    "gos_g",
    "resistant_starch_g",
    "beta_glucan_g",
    "prebiotic_g",
    "live_culture_servings",
    "plants",
)

# Per-100 g values of a food; None means unknown, never zero.
PER_100G_FIELDS = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "saturated_fat_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "sodium_mg",
    "fructans_g",
    "gos_g",
    "resistant_starch_g",
    "beta_glucan_g",
)

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
    food = FoodRefSerializer(allow_null=True, help_text="The matched food; null when no food matched.")
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
        "confidence": line["confidence"],
        "status": line["status"],
        "preparation": line.get("preparation", ""),
        "optional": line.get("optional", False),
        "note": line.get("note", ""),
    }


class RecipeListSerializer(serializers.ModelSerializer):
    """A recipe in a list: nutrition and score, no ingredient rows (one query for a whole page)."""

    meal_types = serializers.ListField(child=serializers.ChoiceField(choices=MEAL_TYPES), read_only=True)
    tags = serializers.ListField(child=serializers.CharField(), read_only=True)
    diets = serializers.ListField(
        child=serializers.ChoiceField(choices=DIETS), read_only=True, help_text="Diets the recipe fits."
    )
    allergens = serializers.ListField(
        child=serializers.ChoiceField(choices=ALLERGENS), read_only=True, help_text="EU allergen groups present."
    )
    fodmap_level = serializers.ChoiceField(
        choices=FODMAP_LEVEL_CHOICES, read_only=True, help_text="Level at one serving; blank when unknown."
    )
    image_url = serializers.CharField(read_only=True, help_text="Blank when there is none.")
    per_serving = serializers.SerializerMethodField()
    gut_score_band = serializers.CharField(read_only=True)
    is_own = serializers.SerializerMethodField()

    class Meta:
        model = Recipe
        fields = (
            "id",
            "title",
            "servings",
            "total_minutes",
            "meal_types",
            "tags",
            "is_public",
            "is_own",
            "image_url",
            "gut_score",
            "gut_score_band",
            "diets",
            "allergens",
            "fodmap_level",
            "per_serving",
        )
        read_only_fields = fields

    @extend_schema_field(PerServingSerializer)
    def get_per_serving(self, recipe: Recipe) -> dict:
        return {name: round(getattr(recipe, name), 2) for name in PER_SERVING_FIELDS}  # as analyze rounds

    def get_is_own(self, recipe: Recipe) -> bool:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return bool(user and user.is_authenticated and recipe.owner_id == user.pk)


class RecipeDetailSerializer(RecipeListSerializer):
    """A recipe with its structured ingredient lines, score breakdown and FODMAP triggers."""

    source_url = serializers.CharField(read_only=True, help_text="Blank when there is none.")
    plant_species = serializers.ListField(child=serializers.CharField(), read_only=True)
    breakdown = serializers.SerializerMethodField()
    score_notes = serializers.SerializerMethodField()
    fodmap_triggers = serializers.SerializerMethodField()
    ingredients = serializers.SerializerMethodField()

    class Meta(RecipeListSerializer.Meta):
        fields = (
            *RecipeListSerializer.Meta.fields,
            "description",
            "yields_text",
            "prep_minutes",
            "cook_minutes",
            "instructions",
            "source_url",
            "gut_score_version",
            "breakdown",
            "score_notes",
            "fodmap_triggers",
            "plant_species",
            "matched_share",
            "unmatched_count",
            "ingredients",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    @extend_schema_field(ScoreComponentSerializer(many=True))
    def get_breakdown(self, recipe: Recipe) -> list:
        return recipe.score_breakdown

    def get_score_notes(self, recipe: Recipe) -> list[str]:
        return list((recipe.analysis or {}).get("score_notes", []))

    @extend_schema_field(FodmapTriggerSerializer(many=True))
    def get_fodmap_triggers(self, recipe: Recipe) -> list:
        return recipe.fodmap_triggers

    @extend_schema_field(IngredientLineSerializer(many=True))
    def get_ingredients(self, recipe: Recipe) -> list[dict]:
        return [ingredient_row(row) for row in recipe.ingredients.all()]


def _lower_words(values: list[str]) -> list[str]:
    return sorted({value.strip().lower() for value in values if value.strip()})


class FlatListField(serializers.ListField):
    """A list whose item errors come out as "item 2: message", so `errors` stays {field: [messages]}."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if not isinstance(exc.detail, dict):
                raise
            messages = [
                f"item {int(index) + 1}: {message}" for index, errors in exc.detail.items() for message in errors
            ]
            raise serializers.ValidationError(messages) from exc


class ChoiceListField(FlatListField):
    """Words from a vocabulary. Unknown words give one message naming them (not one per index),
    so `errors` stays {field: [messages]}."""

    def __init__(self, *, choices, noun: str, **kwargs):
        self.vocabulary = tuple(choices)
        self.noun = noun
        super().__init__(child=serializers.ChoiceField(choices=self.vocabulary), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, (str, dict)) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        words = [str(word).strip().lower() for word in data]
        unknown = [word for word in words if word not in self.vocabulary]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown {self.noun}: {', '.join(unknown)}. Use {', '.join(self.vocabulary)}."
            )
        return super().to_internal_value(words)


class RecipeWriteSerializer(serializers.Serializer):
    """What a client sends to create or change a recipe: ingredients as raw lines, parsed on save."""

    title = serializers.CharField(max_length=200)
    # Line length and count are checked by recipes.services.clean_lines, in the one error shape.
    ingredients = FlatListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        max_length=MAX_INGREDIENT_LINES,
        help_text='One ingredient per line, as written: ["1 cup rolled oats", "2 tbsp chia seeds"].',
    )
    servings = serializers.IntegerField(
        min_value=1,
        max_value=MAX_SERVINGS,
        required=False,
        allow_null=True,
        help_text="Leave out to read it from yields_text (1 when that says nothing).",
    )
    yields_text = serializers.CharField(max_length=120, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    prep_minutes = serializers.IntegerField(min_value=0, max_value=10080, required=False, allow_null=True)
    cook_minutes = serializers.IntegerField(min_value=0, max_value=10080, required=False, allow_null=True)
    meal_types = ChoiceListField(choices=MEAL_TYPES, noun="meal type(s)", required=False)
    tags = FlatListField(child=serializers.CharField(), required=False, max_length=20)
    instructions = serializers.CharField(required=False, allow_blank=True)
    source_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    image_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    is_public = serializers.BooleanField(required=False)

    def validate_ingredients(self, lines: list[str]) -> list[str]:
        if not [line for line in lines if line.strip()]:
            raise serializers.ValidationError("Add at least one ingredient line.")
        return lines

    def validate_tags(self, tags: list[str]) -> list[str]:
        cleaned = _lower_words(tags)
        if any("," in tag for tag in cleaned):
            raise serializers.ValidationError("A tag cannot contain a comma.")
        if any(len(tag) > 40 for tag in cleaned):
            raise serializers.ValidationError("A tag has at most 40 characters.")
        return cleaned

    def validate_meal_types(self, meal_types: list[str]) -> list[str]:
        return _lower_words(meal_types)


class AnalyzeRequestSerializer(serializers.Serializer):
    """Lines to analyse, as a list or as one pasted block; nothing is saved."""

    ingredients = FlatListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        required=False,
        max_length=MAX_INGREDIENT_LINES,
        help_text="One ingredient per item. Give this or `text`.",
    )
    text = serializers.CharField(
        required=False, max_length=MAX_INGREDIENT_LINES * 501, help_text="A pasted block, one ingredient per line."
    )
    servings = serializers.IntegerField(min_value=1, max_value=MAX_SERVINGS, required=False, allow_null=True)
    yields = serializers.CharField(
        max_length=120, required=False, allow_blank=True, help_text='Read when servings is absent, e.g. "Serves 4".'
    )
    instructions = serializers.CharField(
        required=False, allow_blank=True, help_text="The method; decides whether fermented foods are eaten uncooked."
    )

    def validate(self, attrs: dict) -> dict:
        if "ingredients" in attrs and "text" in attrs:
            raise serializers.ValidationError({"ingredients": ["Give either ingredients or text, not both."]})
        if "ingredients" not in attrs and "text" not in attrs:
            raise serializers.ValidationError({"ingredients": ["Add at least one ingredient line."]})
        return attrs


class AnalysisSerializer(serializers.Serializer):
    """The analysis of ingredient lines: the same document `analyze_recipes` and stored recipes use."""

    servings = serializers.IntegerField()
    per_serving = PerServingSerializer()
    matched_share = serializers.FloatField(help_text="Share of counted lines matched to a food, 0 to 1.")
    unmatched = serializers.ListField(child=serializers.CharField(), help_text="Lines that were not counted.")
    gut_score = serializers.IntegerField(min_value=0, max_value=100)
    gut_score_version = serializers.CharField()
    gut_score_band = serializers.CharField()
    breakdown = ScoreComponentSerializer(many=True)
    score_notes = serializers.ListField(child=serializers.CharField())
    diets = serializers.ListField(child=serializers.ChoiceField(choices=DIETS))
    allergens = serializers.ListField(child=serializers.ChoiceField(choices=ALLERGENS))
    fodmap_level = serializers.ChoiceField(choices=FODMAP_LEVEL_CHOICES, allow_blank=True)
    fodmap_triggers = FodmapTriggerSerializer(many=True)
    plant_species = serializers.ListField(child=serializers.CharField())
    lines = IngredientLineSerializer(many=True)


class FoodPortionSerializer(serializers.ModelSerializer):
    class Meta:
        model = FoodPortion
        fields = ("amount", "unit", "grams")
        read_only_fields = fields


class FoodSerializer(serializers.ModelSerializer):
    """A food of the composition table: values per 100 g, gut properties, portions and sources."""

    aliases = serializers.ListField(source="alias_list", child=serializers.CharField(), read_only=True)
    allergens = serializers.ListField(child=serializers.ChoiceField(choices=ALLERGENS), read_only=True)
    fodmap_level = serializers.ChoiceField(choices=FODMAP_LEVEL_CHOICES, read_only=True)
    per_100g = serializers.SerializerMethodField()
    portions = FoodPortionSerializer(many=True, read_only=True)

    class Meta:
        model = Food
        fields = (
            "id",
            "name",
            "aliases",
            "food_group",
            "is_common",
            "ndb_id",
            "fdc_id",
            "usda_food",
            "per_100g",
            "density_g_per_ml",
            "live_cultures",
            "fermented",
            "plant_species",
            "is_herb_or_spice",
            "fodmap_level",
            "fodmap_serving_g",
            "low_fodmap_swap",
            "allergens",
            "contains_meat",
            "contains_fish",
            "contains_dairy",
            "contains_egg",
            "animal_product",
            "contains_gluten",
            "grain",
            "ultra_processed",
            "emulsifier",
            "processed_meat",
            "alcohol",
            "free_sugar",
            "portions",
            "source",
            "gut_source",
            "updated_at",
        )
        read_only_fields = fields

    @extend_schema_field(Per100gSerializer)
    def get_per_100g(self, food: Food) -> dict:
        return {name: getattr(food, name) for name in PER_100G_FIELDS}
