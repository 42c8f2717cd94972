"""Query parameters of the recipe and food lists (django-filter). Bad values are a 400, never ignored."""

import django_filters as filters
from django.db.models import Exists, OuterRef, Q

from recipes.models import Food, Recipe, RecipeIngredient
from recipes.vocab import ALLERGENS, DIET_CHOICES, FODMAP_LEVELS, FOOD_GROUPS, MEAL_TYPES

YES_NO = (("true", "true"), ("false", "false"))


def _choices(values) -> list[tuple[str, str]]:
    return [(value, value) for value in values]


class YesNoFilter(filters.ChoiceFilter):
    """A strict boolean: only "true" or "false" (a typo is an error, not a silently ignored filter)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", YES_NO)
        super().__init__(*args, **kwargs)


class ChoiceCSVFilter(filters.BaseCSVFilter, filters.ChoiceFilter):
    """A comma-separated list where every item must be one of the choices: `milk,gluten`."""


class StableOrderingFilter(filters.OrderingFilter):
    """Ordering with the id as the last key, so pages never overlap or skip rows."""

    def filter(self, qs, value):
        if value in filters.constants.EMPTY_VALUES:
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*ordering, "-id" if ordering[0].startswith("-") else "id")


class RecipeFilter(filters.FilterSet):
    q = filters.CharFilter(method="filter_q", max_length=100, help_text="Words in the title or an ingredient line.")
    meal_type = filters.ChoiceFilter(choices=_choices(MEAL_TYPES), method="filter_meal_type")
    diet = filters.ChoiceFilter(
        choices=_choices(DIET_CHOICES), method="filter_diet", help_text="Recipes that fit this diet."
    )
    exclude_allergens = ChoiceCSVFilter(
        choices=_choices(ALLERGENS),
        method="filter_exclude_allergens",
        help_text="Comma-separated allergen groups to leave out, e.g. `milk,gluten`.",
    )
    low_fodmap = YesNoFilter(
        method="filter_low_fodmap", help_text="true: low FODMAP at one serving; false: moderate or high."
    )
    live_cultures = YesNoFilter(
        method="filter_live_cultures", help_text="true: at least one serving of live cultures; false: none."
    )
    min_fiber_g = filters.NumberFilter(field_name="fiber_g", lookup_expr="gte", min_value=0)
    min_prebiotic_g = filters.NumberFilter(field_name="prebiotic_g", lookup_expr="gte", min_value=0)
    min_score = filters.NumberFilter(field_name="gut_score", lookup_expr="gte", min_value=0, max_value=100)
    max_energy_kcal = filters.NumberFilter(field_name="energy_kcal", lookup_expr="lte", min_value=0)
    max_total_minutes = filters.NumberFilter(
        field_name="total_minutes", lookup_expr="lte", min_value=0, help_text="Recipes without a time are left out."
    )
    tag = filters.CharFilter(method="filter_tag", max_length=40)
    ordering = StableOrderingFilter(
        fields=(
            ("gut_score", "gut_score"),
            ("fiber_g", "fiber_g"),
            ("energy_kcal", "energy_kcal"),
            ("total_minutes", "total_minutes"),
            ("title", "title"),
        ),
        help_text="Sort key; prefix with - for descending, e.g. `-gut_score`.",
    )

    class Meta:
        model = Recipe
        fields = ()

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # EXISTS rather than a join: a recipe with the word in two lines still comes back once.
        in_lines = RecipeIngredient.objects.filter(recipe=OuterRef("pk"), raw_text__icontains=value)
        return queryset.filter(Q(title__icontains=value) | Q(Exists(in_lines)))

    def filter_meal_type(self, queryset, name, value):
        return queryset.for_meal_type(value)

    def filter_diet(self, queryset, name, value):
        return queryset.for_diet(value)

    def filter_exclude_allergens(self, queryset, name, value):
        return queryset.without_allergens(value)

    def filter_low_fodmap(self, queryset, name, value):
        if value == "true":
            return queryset.low_fodmap()
        return queryset.filter(fodmap_level__in=("moderate", "high"))

    def filter_live_cultures(self, queryset, name, value):
        if value == "true":
            return queryset.with_live_cultures()
        return queryset.filter(live_culture_servings__lt=1)

    def filter_tag(self, queryset, name, value):
        return queryset.with_tag(value.strip().lower())


class FoodFilter(filters.FilterSet):
    q = filters.CharFilter(method="filter_q", max_length=100, help_text="Words in the name or an alias.")
    food_group = filters.ChoiceFilter(choices=_choices(FOOD_GROUPS))
    live_cultures = YesNoFilter(method="filter_live_cultures")
    fodmap_level = filters.ChoiceFilter(choices=_choices(FODMAP_LEVELS))

    class Meta:
        model = Food
        fields = ()

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_live_cultures(self, queryset, name, value):
        return queryset.filter(live_cultures=value == "true")
