"""django-import-export resources for foods and recipes (CSV and JSON, with a dry-run preview in the admin).

Recipes are written through recipes.services, so an imported recipe is parsed, matched and scored exactly
like one saved from the API: the file gives the fields and the ingredient lines, never the nutrition.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Prefetch
from import_export import fields, resources, widgets

from recipes import services
from recipes.models import Food, Recipe, RecipeIngredient, WordSetField
from recipes.vocab import ALLERGENS, FOOD_GROUPS


class WordSetWidget(widgets.Widget):
    """A WordSetField as "a, b, c" in a file (a JSON list is read too)."""

    def clean(self, value, row=None, **kwargs):
        return WordSetField.to_words(value)

    def render(self, value, obj=None, **kwargs):
        return ", ".join(WordSetField.to_words(value))


class WholeNumberWidget(widgets.IntegerWidget):
    """An integer cell whose bad values ("many", "2.5x") are a row's validation error, not a crash."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ArithmeticError, TypeError, ValueError) as exc:
            raise ValueError(f"Enter a whole number, not '{value}'.") from exc


class NamedForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by name; an unknown name is the row's validation error, with the name in the message."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ObjectDoesNotExist as exc:
            raise ValueError(f"No {self.model._meta.verbose_name} '{value}'.") from exc


def ingredient_lines(value) -> list[str]:
    """The ingredients cell: one line per row of text, or a JSON list of lines."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(line).strip() for line in value if str(line).strip()]
    return [line.strip() for line in str(value).splitlines() if line.strip()]


def _words(name: str, readonly: bool = False) -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=WordSetWidget(), readonly=readonly)


class FoodResource(resources.ModelResource):
    """Foods keyed by name; after a real import the recipes using changed foods are recomputed."""

    usda_food = fields.Field(
        attribute="usda_food", column_name="usda_food", widget=NamedForeignKeyWidget(Food, field="name")
    )
    allergens = _words("allergens")

    class Meta:
        model = Food
        import_id_fields = ("name",)
        exclude = ("id", "updated_at")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.changed_food_ids: list[int] = []
        self.recomputed_recipes = 0

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        bad = [a for a in instance.allergens if a not in ALLERGENS]
        if bad and "allergens" not in errors:
            errors["allergens"] = [f"Unknown allergen(s): {', '.join(bad)}. Use {', '.join(ALLERGENS)}."]
        if instance.food_group and instance.food_group not in FOOD_GROUPS and "food_group" not in errors:
            errors["food_group"] = [f"Unknown food group '{instance.food_group}'. Use {', '.join(FOOD_GROUPS)}."]
        super().validate_instance(instance, errors, validate_unique)

    def after_save_instance(self, instance, row, **kwargs):
        if not kwargs.get("dry_run") and instance.pk:
            self.changed_food_ids.append(instance.pk)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and self.changed_food_ids and not result.has_errors():
            self.recomputed_recipes = services.recompute_recipes_using_foods(self.changed_food_ids)
            result.recomputed_recipes = self.recomputed_recipes  # the admin's success message reports it


# The stored per-serving values a recipe export carries; an import ignores them and recomputes.
COMPUTED_RECIPE_FIELDS = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "carbohydrate_g",
    "fiber_g",
    "prebiotic_g",
    "live_culture_servings",
    "plants",
    "gut_score",
    "fodmap_level",
    "unmatched_count",
)


class RecipeResource(resources.ModelResource):
    """Recipes with their ingredient lines; rows are written by services.create_recipe / update_recipe.

    A row with an id updates that recipe, a row without one creates a recipe. A blank owner means the
    shared catalogue (always public); an owner is a username and cannot change on an existing recipe.
    """

    owner = fields.Field(
        attribute="owner",
        column_name="owner",
        widget=NamedForeignKeyWidget(get_user_model(), field="username"),
    )
    meal_types = _words("meal_types")
    tags = _words("tags")
    diets = _words("diets", readonly=True)
    allergens = _words("allergens", readonly=True)
    ingredients = fields.Field(column_name="ingredients")
    servings = fields.Field(attribute="servings", column_name="servings", widget=WholeNumberWidget())
    prep_minutes = fields.Field(attribute="prep_minutes", column_name="prep_minutes", widget=WholeNumberWidget())
    cook_minutes = fields.Field(attribute="cook_minutes", column_name="cook_minutes", widget=WholeNumberWidget())

    class Meta:
        model = Recipe
        fields = (
            "id",
            "title",
            "owner",
            "is_public",
            "servings",
            "yields_text",
            "prep_minutes",
            "cook_minutes",
            "meal_types",
            "tags",
            "slug",
            "description",
            "instructions",
            "source_url",
            "image_url",
            "ingredients",
            *COMPUTED_RECIPE_FIELDS,
            "diets",
            "allergens",
        )
        export_order = fields
        import_id_fields = ("id",)
        clean_model_instances = True

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        # Nutrition and score are the services' output: exported, never imported.
        return super().field_from_django_field(
            field_name, django_field, readonly or field_name in COMPUTED_RECIPE_FIELDS
        )

    def dehydrate_ingredients(self, recipe: Recipe) -> str:
        if recipe.pk is None:
            return ""
        lines = sorted(recipe.ingredients.all(), key=lambda line: (line.position, line.id))
        return "\n".join(line.raw_text for line in lines)

    def export(self, queryset=None, **kwargs):
        queryset = Recipe.objects.all() if queryset is None else queryset
        queryset = queryset.select_related("owner").prefetch_related(
            Prefetch("ingredients", queryset=RecipeIngredient.objects.order_by("position", "id"))
        )
        return super().export(queryset, **kwargs)

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._owner_before_import = None if new else instance.owner_id

    def save_instance(self, instance, is_create, row, **kwargs):
        lines = ingredient_lines(row.get("ingredients"))
        values = {name: getattr(instance, name) for name in services.RECIPE_FIELDS}
        values.pop("title")
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            services.clean_lines(lines)  # a dry run without a transaction still reports bad lines
            return
        if is_create:
            recipe = services.create_recipe(
                owner=instance.owner, title=instance.title, ingredients=lines, servings=instance.servings, **values
            )
            instance.pk = recipe.pk
            instance._state.adding = False
        else:
            if instance.owner_id != instance._owner_before_import:
                raise ValidationError({"owner": ["The owner of an existing recipe cannot change on import."]})
            if instance.owner_id is None and not instance.is_public:
                raise ValidationError({"is_public": ["Catalogue recipes are always public."]})
            # An empty ingredients cell keeps the recipe's lines; nutrition is recomputed either way.
            services.update_recipe(
                instance, ingredients=lines or None, servings=instance.servings, title=instance.title, **values
            )
        instance.refresh_from_db()
