"""Food admin: the composition table. Changing a food's values recomputes every recipe that uses it."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON

from recipes import services
from recipes.models import Food, FoodPortion, Recipe
from recipes.resources import FoodResource
from recipes.vocab import ALLERGENS, FOOD_GROUPS

from .fields import WordsField
from .filters import AllergenFilter

ADMIN_CSS = {"all": ("recipes/admin.css",)}

# Editing only these leaves every recipe's nutrition, score and matching as it was.
NO_RECOMPUTE_FIELDS = {"source", "gut_source"}
RECIPES_SHOWN = 20


class FoodAdminForm(forms.ModelForm):
    food_group = forms.ChoiceField(choices=[("", "---------"), *[(g, g) for g in FOOD_GROUPS]], required=False)
    allergens = WordsField(help_text=f"Comma-separated, from: {', '.join(ALLERGENS)}.")

    class Meta:
        model = Food
        fields = [
            field.name for field in Food._meta.get_fields() if getattr(field, "editable", False) and field.concrete
        ]

    def clean_allergens(self):
        words = self.cleaned_data.get("allergens") or []
        bad = [word for word in words if word not in ALLERGENS]
        if bad:
            raise forms.ValidationError(f"Unknown allergen(s): {', '.join(bad)}. Use {', '.join(ALLERGENS)}.")
        return words


class FoodPortionInline(admin.TabularInline):
    model = FoodPortion
    fields = ("seq", "amount", "unit", "grams")
    extra = 0


def recompute_message(count: int, food: Food | str) -> str:
    return f"Recomputed nutrition and gut score of {count} recipe(s) that use {food}."


@admin.register(Food)
class FoodAdmin(ImportExportModelAdmin):
    form = FoodAdminForm
    resource_classes = [FoodResource]
    formats = [CSV, JSON]
    inlines = [FoodPortionInline]
    list_display = (
        "name",
        "food_group",
        "energy_kcal",
        "protein_g",
        "fiber_g",
        "prebiotic_g",
        "live_cultures",
        "fodmap_level",
        "is_common",
        "source",
    )
    list_filter = ("food_group", "live_cultures", "fodmap_level", AllergenFilter, "is_common", "fermented")
    search_fields = ("name", "aliases")
    search_help_text = "Name or any alias."
    list_per_page = 100
    autocomplete_fields = ("usda_food",)
    readonly_fields = ("recipes_using", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "aliases", "food_group", "is_common", "ndb_id", "fdc_id", "usda_food")}),
        (
            "Per 100 g",
            {
                "fields": (
                    "energy_kcal",
                    ("protein_g", "fat_g", "saturated_fat_g"),
                    ("carbohydrate_g", "sugars_g", "fiber_g"),
                    "sodium_mg",
                    "density_g_per_ml",
                )
            },
        ),
        (
            "Gut",
            {
                "fields": (
                    ("fructans_g", "gos_g"),
                    ("resistant_starch_g", "beta_glucan_g"),
                    ("live_cultures", "fermented"),
                    ("plant_species", "is_herb_or_spice"),
                    ("fodmap_level", "fodmap_serving_g"),
                    "low_fodmap_swap",
                )
            },
        ),
        (
            "Flags",
            {
                "fields": (
                    "allergens",
                    ("contains_meat", "contains_fish", "contains_dairy", "contains_egg", "animal_product"),
                    ("contains_gluten", "grain"),
                    ("ultra_processed", "emulsifier", "processed_meat", "alcohol", "free_sugar"),
                )
            },
        ),
        ("Sources", {"fields": ("source", "gut_source", "updated_at")}),
        ("Recipes using this food", {"fields": ("recipes_using",)}),
    )

    class Media:
        css = ADMIN_CSS

    @admin.display(description="prebiotics g")
    def prebiotic_g(self, food: Food) -> str:
        parts = [food.fructans_g, food.gos_g, food.resistant_starch_g, food.beta_glucan_g]
        known = [value for value in parts if value is not None]
        return f"{sum(known):g}" if known else "-"

    @admin.display(description="recipes")
    def recipes_using(self, food: Food):
        if food.pk is None:
            return "-"
        recipes = Recipe.objects.filter(ingredients__food=food).distinct().order_by("title", "id")
        total = recipes.count()
        if not total:
            return "No recipe uses this food."
        changelist = reverse("admin:recipes_recipe_changelist") + f"?uses_food={food.pk}"
        shown = recipes.only("id", "title")[:RECIPES_SHOWN]
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            ((reverse("admin:recipes_recipe_change", args=[r.pk]), r.title) for r in shown),
        )
        return format_html(
            '<ul class="mp-recipes">{}</ul><a href="{}">All {} recipe(s) in the recipe list</a>',
            items,
            changelist,
            total,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            return
        changed = set(form.changed_data) - NO_RECOMPUTE_FIELDS or any(formset.has_changed() for formset in formsets)
        if changed:
            count = services.recompute_recipes_using_foods([form.instance.pk])
            self.message_user(request, recompute_message(count, form.instance))

    def delete_model(self, request, obj):
        affected = list(Recipe.objects.filter(ingredients__food=obj).values_list("id", flat=True).distinct())
        super().delete_model(request, obj)
        self._rematch(request, affected)

    def delete_queryset(self, request, queryset):
        affected = list(Recipe.objects.filter(ingredients__food__in=queryset).values_list("id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        self._rematch(request, affected)

    def _rematch(self, request, recipe_ids: list[int]) -> None:
        # Their lines lost the deleted food: parse and match them again against the foods left.
        services.food_index_cache.clear()
        count = services.recompute_recipes(Recipe.objects.filter(id__in=recipe_ids))
        if count:
            self.message_user(request, f"Matched and recomputed {count} recipe(s) that used the deleted food(s).")

    def add_success_message(self, result, request):
        super().add_success_message(result, request)
        recomputed = getattr(result, "recomputed_recipes", None)
        if recomputed is not None:
            self.message_user(
                request, f"Recomputed nutrition and gut score of {recomputed} recipe(s) using changed foods."
            )


@admin.register(FoodPortion)
class FoodPortionAdmin(admin.ModelAdmin):
    list_display = ("food", "amount", "unit", "grams", "seq")
    list_select_related = ("food",)
    search_fields = ("food__name", "unit")
    autocomplete_fields = ("food",)
    list_per_page = 100

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        count = services.recompute_recipes_using_foods([obj.food_id])
        self.message_user(request, recompute_message(count, obj.food))

    def delete_model(self, request, obj):
        food = obj.food
        super().delete_model(request, obj)
        self.message_user(request, recompute_message(services.recompute_recipes_using_foods([food.pk]), food))

    def delete_queryset(self, request, queryset):
        food_ids = list(queryset.values_list("food_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        count = services.recompute_recipes_using_foods(food_ids)
        self.message_user(request, recompute_message(count, f"{len(food_ids)} food(s)"), messages.INFO)
