"""Recipe admin: an editor's tool. Every save goes through recipes.services, like the API and the website."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON

from recipes import services
from recipes.models import Recipe, WordSetField
from recipes.resources import RecipeResource
from recipes.vocab import MEAL_TYPES

from .fields import WordsField
from .filters import (
    DietFilter,
    LiveCulturesFilter,
    LowFodmapFilter,
    MealTypeFilter,
    OwnerFilter,
    ScoreBandFilter,
    UsesFoodFilter,
)
from .ingredients import IngredientInline, IngredientLineFormSet

ADMIN_CSS = {"all": ("recipes/admin.css",)}

# The fields an editor types; everything else on a recipe is computed by the services.
EDITABLE_FIELDS = tuple(name for name in services.RECIPE_FIELDS if name != "title")

NUTRITION_ROWS = (
    ("Energy", "energy_kcal", "kcal", 0),
    ("Protein", "protein_g", "g", 1),
    ("Fat", "fat_g", "g", 1),
    ("of which saturated", "saturated_fat_g", "g", 1),
    ("Carbohydrate", "carbohydrate_g", "g", 1),
    ("Sugars", "sugars_g", "g", 1),
    ("of which free sugars", "free_sugars_g", "g", 1),
    ("Fiber", "fiber_g", "g", 1),
    ("Prebiotics (total)", "prebiotic_g", "g", 2),
    ("Fructans (inulin/FOS)", "fructans_g", "g", 2),
    ("GOS", "gos_g", "g", 2),
    ("Resistant starch", "resistant_starch_g", "g", 2),
    ("Beta-glucan", "beta_glucan_g", "g", 2),
    ("Sodium", "sodium_mg", "mg", 0),
    ("Live-culture servings", "live_culture_servings", "", 2),
    ("Plants", "plants", "", 1),
)


def score_band_key(score: int) -> str:
    return "very" if score >= 70 else "good" if score >= 40 else "limited"


class RecipeAdminForm(forms.ModelForm):
    meal_types = forms.MultipleChoiceField(
        choices=[(meal, meal) for meal in MEAL_TYPES], required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = WordsField()

    class Meta:
        model = Recipe
        fields = ("owner", "title", *EDITABLE_FIELDS)
        help_texts = {"owner": "Empty for the shared catalogue, which is always public."}

    def clean_servings(self):
        servings = self.cleaned_data.get("servings")
        if servings is not None and not 1 <= servings <= services.MAX_SERVINGS:
            raise ValidationError(f"Servings must be a whole number from 1 to {services.MAX_SERVINGS}.")
        return servings

    def _clean_minutes(self, name: str):
        minutes = self.cleaned_data.get(name)
        if minutes is not None and minutes > 60 * 24 * 7:
            raise ValidationError("At most 10080 minutes (a week).")
        return minutes

    def clean_prep_minutes(self):
        return self._clean_minutes("prep_minutes")

    def clean_cook_minutes(self):
        return self._clean_minutes("cook_minutes")

    def clean(self):
        cleaned = super().clean()
        adding = self.instance.pk is None
        owner = cleaned.get("owner") if adding else self.instance.owner
        if owner is None:
            if adding:
                cleaned["is_public"] = True  # create_recipe makes the catalogue public whatever the box says
            elif not cleaned.get("is_public"):
                self.add_error("is_public", "Catalogue recipes (no owner) are always public.")
        return cleaned


@admin.register(Recipe)
class RecipeAdmin(ImportExportModelAdmin):
    form = RecipeAdminForm
    resource_classes = [RecipeResource]
    formats = [CSV, JSON]
    inlines = [IngredientInline]
    list_display = (
        "title",
        "servings",
        "energy",
        "fiber",
        "prebiotics",
        "live_cultures",
        "plants_count",
        "score",
        "owner_name",
        "is_public",
        "updated_at",
    )
    list_filter = (
        MealTypeFilter,
        DietFilter,
        LiveCulturesFilter,
        LowFodmapFilter,
        ScoreBandFilter,
        OwnerFilter,
        UsesFoodFilter,
        "is_public",
    )
    list_select_related = ("owner",)
    search_fields = ("title", "ingredients__raw_text")
    search_help_text = "Title or any ingredient line."
    list_per_page = 50
    autocomplete_fields = ("owner",)
    readonly_fields = ("nutrition_panel", "score_panel", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "owner", "is_public", "servings", "yields_text", "meal_types", "tags")}),
        ("Details", {"fields": ("description", "prep_minutes", "cook_minutes", "instructions")}),
        ("Source", {"fields": ("slug", "source_url", "image_url"), "classes": ("collapse",)}),
        ("Nutrition and gut score (per serving, computed on save)", {"fields": ("nutrition_panel", "score_panel")}),
        ("History", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )
    actions = ("recompute", "duplicate", "make_public", "make_private", "export_json", "export_csv")

    class Media:
        css = ADMIN_CSS

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # update_recipe cannot move a recipe between owners; duplicate it instead.
        return (*fields, "owner") if obj is not None else fields

    # --- changelist columns ---------------------------------------------------------------------

    @admin.display(description="kcal", ordering="energy_kcal")
    def energy(self, recipe: Recipe) -> str:
        return f"{recipe.energy_kcal:.0f}"

    @admin.display(description="fiber", ordering="fiber_g")
    def fiber(self, recipe: Recipe) -> str:
        return f"{recipe.fiber_g:.1f} g"

    @admin.display(description="prebiotics", ordering="prebiotic_g")
    def prebiotics(self, recipe: Recipe) -> str:
        return f"{recipe.prebiotic_g:.1f} g"

    @admin.display(description="live cultures", ordering="live_culture_servings")
    def live_cultures(self, recipe: Recipe) -> str:
        return f"{recipe.live_culture_servings:.1f}"

    @admin.display(description="plants", ordering="plants")
    def plants_count(self, recipe: Recipe) -> str:
        return f"{recipe.plants:g}"

    @admin.display(description="score", ordering="gut_score")
    def score(self, recipe: Recipe):
        return format_html(
            '<span class="mp-score mp-score--{}" title="{}">{}</span>',
            score_band_key(recipe.gut_score),
            recipe.gut_score_band,
            recipe.gut_score,
        )

    @admin.display(description="owner", ordering="owner__username")
    def owner_name(self, recipe: Recipe) -> str:
        return recipe.owner.get_username() if recipe.owner_id else "catalogue"

    # --- read-only panels -----------------------------------------------------------------------

    @admin.display(description="nutrition per serving")
    def nutrition_panel(self, recipe: Recipe):
        if recipe.pk is None:
            return "Shown once the recipe is saved."
        rows = [
            (label, f"{getattr(recipe, field):.{decimals}f} {unit}".strip())
            for label, field, unit, decimals in NUTRITION_ROWS
        ]
        rows += [
            ("Diets", ", ".join(recipe.diets) or "none (contains meat)"),
            ("Allergens", ", ".join(recipe.allergens) or "none found"),
            ("FODMAP level", recipe.fodmap_level or "unknown"),
            (
                "FODMAP triggers",
                "; ".join(
                    f"{t.get('food')} ({t.get('level')}, {t.get('grams')} g a serving"
                    + (f"; swap: {t['swap']}" if t.get("swap") else "")
                    + ")"
                    for t in recipe.fodmap_triggers
                )
                or "none",
            ),
            ("Plant species", ", ".join(recipe.plant_species) or "none"),
            ("Lines matched", f"{recipe.matched_share:.0%} ({recipe.unmatched_count} unmatched)"),
        ]
        return format_html(
            '<table class="mp-panel"><tbody>{}</tbody></table>',
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )

    @admin.display(description="gut score breakdown")
    def score_panel(self, recipe: Recipe):
        if recipe.pk is None:
            return "Shown once the recipe is saved."
        rows = [
            (
                part.get("label", part.get("key", "")),
                part.get("points", 0),
                part.get("max_points", ""),
                part.get("reason", ""),
            )
            for part in recipe.score_breakdown
            if isinstance(part, dict)
        ]
        return format_html(
            '<table class="mp-panel"><thead><tr><th>component</th><th>points</th><th>of</th><th>why</th></tr></thead>'
            "<tbody>{}</tbody><tfoot><tr><th>Gut score</th>"
            '<td><span class="mp-score mp-score--{}">{}</span></td><td>100</td><td>{} (version {})</td></tr></tfoot>'
            "</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
            score_band_key(recipe.gut_score),
            recipe.gut_score,
            recipe.gut_score_band,
            recipe.gut_score_version or "-",
        )

    # --- saving through the services ------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related writes the recipe and its lines in one service call."""

    def save_related(self, request, form, formsets, change):
        data = form.cleaned_data
        values = {name: data[name] for name in EDITABLE_FIELDS if name in data}
        for name in ("meal_types", "tags"):
            if name in values:
                values[name] = WordSetField.to_words(values[name])
        lines_formset = next((fs for fs in formsets if isinstance(fs, IngredientLineFormSet)), None)
        lines = lines_formset.ingredient_lines() if lines_formset is not None else None
        if change:
            recipe = services.update_recipe(
                form.instance, ingredients=lines, servings=data.get("servings"), title=data["title"], **values
            )
        else:
            recipe = services.create_recipe(
                owner=data.get("owner"),
                title=data["title"],
                ingredients=lines or [],
                servings=data.get("servings"),
                **values,
            )
        form.instance.pk = recipe.pk
        form.instance._state.adding = False
        form.instance.refresh_from_db()
        for formset in formsets:
            if isinstance(formset, IngredientLineFormSet):
                formset.mark_written_by_service()
        self.message_user(
            request,
            f"Parsed {len(lines or [])} ingredient lines: {recipe.unmatched_count} unmatched; "
            f"{recipe.energy_kcal:.0f} kcal and {recipe.fiber_g:.1f} g fiber per serving; "
            f"gut score {recipe.gut_score}.",
            messages.WARNING if recipe.unmatched_count else messages.INFO,
        )

    def delete_model(self, request, obj):
        services.delete_recipe(obj)

    def delete_queryset(self, request, queryset):
        for recipe in queryset:
            services.delete_recipe(recipe)

    # --- actions --------------------------------------------------------------------------------

    @admin.action(description="Recompute nutrition and gut score")
    def recompute(self, request, queryset):
        count = 0
        for recipe in queryset.order_by("id"):
            services.recompute_recipe(recipe)
            count += 1
        self.message_user(request, f"Recomputed nutrition and gut score of {count} recipe(s).")

    @admin.action(description="Duplicate as a private copy for me")
    def duplicate(self, request, queryset):
        """A private copy owned by the acting user: editing it can never change the catalogue or a user's recipe."""
        copies, failed = 0, []
        for recipe in queryset.prefetch_related("ingredients"):
            rows = sorted(recipe.ingredients.all(), key=lambda x: (x.position, x.id))
            lines = [services.IngredientInput(row.raw_text, row.food_id if row.food_chosen else None) for row in rows]
            values = {name: getattr(recipe, name) for name in EDITABLE_FIELDS}
            values.update(slug="", is_public=False)
            try:
                services.create_recipe(
                    owner=request.user,
                    title=f"{recipe.title} (copy)"[:200],
                    ingredients=lines,
                    servings=recipe.servings,
                    **values,
                )
            except ValidationError as exc:
                failed.append(f"{recipe.title}: {' '.join(exc.messages)}")
                continue
            copies += 1
        self.message_user(request, f"Created {copies} private copy(ies) owned by {request.user.get_username()}.")
        if failed:
            self.message_user(request, "Not copied: " + "; ".join(failed), messages.WARNING)

    @admin.action(description="Make public")
    def make_public(self, request, queryset):
        count = 0
        for recipe in queryset.filter(is_public=False):
            services.update_recipe(recipe, is_public=True)
            count += 1
        self.message_user(request, f"Made {count} recipe(s) public.")

    @admin.action(description="Make private")
    def make_private(self, request, queryset):
        catalogue = queryset.filter(owner__isnull=True, is_public=True).count()
        count = 0
        for recipe in queryset.filter(owner__isnull=False, is_public=True):
            services.update_recipe(recipe, is_public=False)
            count += 1
        message = f"Made {count} recipe(s) private."
        if catalogue:
            message += f" {catalogue} catalogue recipe(s) left public: the shared catalogue is always public."
        self.message_user(request, message, messages.WARNING if catalogue else messages.INFO)

    @admin.action(description="Export selected as JSON (schema.org Recipe)")
    def export_json(self, request, queryset):
        from recipes.importers.export import export_catalogue  # the shape import_recipes reads back

        response = HttpResponse(
            json.dumps(export_catalogue(queryset), indent=2, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="recipes.json"'
        return response

    @admin.action(description="Export selected as CSV")
    def export_csv(self, request, queryset):
        dataset = RecipeResource().export(queryset.order_by("title", "id"))
        response = HttpResponse(dataset.csv, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="recipes.csv"'
        return response
