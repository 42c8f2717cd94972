"""Changelist filters over stored recipe columns and the word-set fields."""

from django.contrib import admin

from recipes.models import Food
from recipes.vocab import ALLERGENS, DIETS, MEAL_TYPES

SCORE_BANDS = {
    "limited": ("limited (0-39)", 0, 39),
    "good": ("good (40-69)", 40, 69),
    "very": ("very gut-friendly (70-100)", 70, 100),
}


class MealTypeFilter(admin.SimpleListFilter):
    title = "meal type"
    parameter_name = "meal_type"

    def lookups(self, request, model_admin):
        return [(meal, meal) for meal in MEAL_TYPES]

    def queryset(self, request, queryset):
        return queryset.for_meal_type(self.value()) if self.value() in MEAL_TYPES else queryset


class DietFilter(admin.SimpleListFilter):
    title = "diet"
    parameter_name = "diet"

    def lookups(self, request, model_admin):
        return [(diet, diet) for diet in DIETS]

    def queryset(self, request, queryset):
        return queryset.for_diet(self.value()) if self.value() in DIETS else queryset


class LiveCulturesFilter(admin.SimpleListFilter):
    title = "live cultures"
    parameter_name = "live_cultures"

    def lookups(self, request, model_admin):
        return [("yes", "at least one serving"), ("no", "none")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_live_cultures()
        if self.value() == "no":
            return queryset.filter(live_culture_servings__lt=1)
        return queryset


class LowFodmapFilter(admin.SimpleListFilter):
    title = "low-FODMAP"
    parameter_name = "low_fodmap"

    def lookups(self, request, model_admin):
        return [("yes", "low-FODMAP"), ("no", "moderate or high FODMAP")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.low_fodmap()
        if self.value() == "no":
            return queryset.filter(fodmap_level__in=("moderate", "high"))
        return queryset


class ScoreBandFilter(admin.SimpleListFilter):
    title = "gut score band"
    parameter_name = "score_band"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _, _) in SCORE_BANDS.items()]

    def queryset(self, request, queryset):
        band = SCORE_BANDS.get(self.value() or "")
        if band is None:
            return queryset
        _, lowest, highest = band
        return queryset.filter(gut_score__gte=lowest, gut_score__lte=highest)


class OwnerFilter(admin.SimpleListFilter):
    title = "owner"
    parameter_name = "owner_kind"

    def lookups(self, request, model_admin):
        return [("catalogue", "shared catalogue"), ("users", "users' recipes"), ("mine", "mine")]

    def queryset(self, request, queryset):
        if self.value() == "catalogue":
            return queryset.filter(owner__isnull=True)
        if self.value() == "users":
            return queryset.filter(owner__isnull=False)
        if self.value() == "mine":
            return queryset.filter(owner=request.user)
        return queryset


class UsesFoodFilter(admin.SimpleListFilter):
    """?uses_food=<food id>: the recipes with a line matched to that food (linked from the food page)."""

    title = "uses food"
    parameter_name = "uses_food"

    def lookups(self, request, model_admin):
        # Only the chosen food is offered: listing thousands of foods here would be useless.
        value = self.value()
        if not value or not value.isdigit():
            return []
        food = Food.objects.filter(pk=int(value)).only("name").first()
        return [(value, food.name if food else f"food #{value}")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(ingredients__food_id=int(value)).distinct()
        return queryset


class AllergenFilter(admin.SimpleListFilter):
    """Foods (or recipes) whose allergen word set holds the chosen allergen."""

    title = "allergen"
    parameter_name = "allergen"

    def lookups(self, request, model_admin):
        return [(allergen, allergen) for allergen in ALLERGENS] + [("none", "no allergens")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(allergens="")
        if self.value() in ALLERGENS:
            return queryset.with_allergen(self.value())
        return queryset
