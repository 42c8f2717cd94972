"""Shapes of recipes, foods and analyses in and out of the API. No business logic: services do the writes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from recipes.models import Food, FoodPortion, Recipe
from recipes.services import MAX_INGREDIENT_LINES, MAX_SERVINGS, IngredientInput, IngredientLine, line_text
from recipes.vocab import ALLERGENS, DIETS, MEAL_TYPES

from .fields import ChoiceListField, FlatListField
from .shapes import (
    FODMAP_LEVEL_CHOICES,
    PER_100G_FIELDS,
    PER_SERVING_FIELDS,
    FodmapTriggerSerializer,
    IngredientLineSerializer,
    Per100gSerializer,
    PerServingSerializer,
    ScoreComponentSerializer,
    ingredient_row,
)


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

    def to_representation(self, recipe: Recipe) -> dict:
        """The declared fields' output built directly: DRF's per-field path (a deep copy of the fields per
        serializer, a call per field per row) was half the time of an uncached list page. A test checks the
        two give the same document."""
        return {
            "id": recipe.id,
            "title": recipe.title,
            "servings": recipe.servings,
            "total_minutes": recipe.total_minutes,
            "meal_types": list(recipe.meal_types),
            "tags": list(recipe.tags),
            "is_public": recipe.is_public,
            "is_own": self.get_is_own(recipe),
            "image_url": recipe.image_url,
            "gut_score": recipe.gut_score,
            "gut_score_band": recipe.gut_score_band,
            "diets": list(recipe.diets),
            "allergens": list(recipe.allergens),
            "fodmap_level": recipe.fodmap_level,
            "per_serving": self.get_per_serving(recipe),
        }


class RecipeDetailSerializer(RecipeListSerializer):
    """A recipe with its structured ingredient lines, score breakdown and FODMAP triggers."""

    to_representation = serializers.ModelSerializer.to_representation  # every declared field, the DRF way

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


INGREDIENT_LINE_SCHEMA = {
    "oneOf": [
        {
            "type": "string",
            "description": "The line as written. On update, a food chosen earlier for a line with this text is kept.",
        },
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "description": "The line as written."},
                "food": {
                    "type": "integer",
                    "nullable": True,
                    "description": "Id of the food this line is (see /api/v1/foods/), chosen by hand; "
                    "null hands the line to the automatic matcher.",
                },
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}


@extend_schema_field(INGREDIENT_LINE_SCHEMA)
class IngredientLineField(serializers.Field):
    """A line as a string, or {"text": ..., "food": id or null} to choose its food by hand."""

    default_error_messages = {
        "invalid": 'Give a line as a string or as {{"text": "...", "food": <food id or null>}}.',
        "food": "food must be a food id (a whole number) or null.",
    }

    def to_internal_value(self, data) -> IngredientLine:
        if isinstance(data, str):
            return data
        if not isinstance(data, dict) or set(data) - {"text", "food"} or not isinstance(data.get("text"), str):
            self.fail("invalid")
        food = data.get("food")
        if food is not None and (isinstance(food, bool) or not isinstance(food, int)):
            self.fail("food")
        return IngredientInput(data["text"], food)

    def to_representation(self, value: IngredientLine):
        if isinstance(value, IngredientInput):
            return {"text": value.text, "food": value.food_id}
        return value


class RecipeWriteSerializer(serializers.Serializer):
    """What a client sends to create or change a recipe: ingredients as raw lines, parsed on save."""

    title = serializers.CharField(max_length=200)
    # Line length and count are checked by recipes.services.clean_lines, in the one error shape.
    ingredients = FlatListField(
        child=IngredientLineField(),
        max_length=MAX_INGREDIENT_LINES,
        help_text='One ingredient per line, as written: ["1 cup rolled oats", "2 tbsp chia seeds"]. '
        'To choose a line\'s food by hand: {"text": "1 cup lentils", "food": 123}.',
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

    def validate_ingredients(self, lines: list[IngredientLine]) -> list[IngredientLine]:
        if not any(line_text(line).strip() for line in lines):
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
