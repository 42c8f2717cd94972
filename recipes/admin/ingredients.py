"""The recipe admin's ingredient inline: an editor types the lines and may choose a line's food by hand."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html

from recipes import services
from recipes.models import RecipeIngredient


class FoodAutocomplete(AutocompleteSelect):
    """The stock autocomplete box looks its selected food up again, a query per line; this one shows a food
    already loaded with the line (`known`: id -> label) and only looks up the others."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known: dict[str, str] = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not selected or not set(selected) <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for food_id in selected[:1]:
            options.append(self.create_option(name, food_id, self.known[food_id], True, len(options)))
        return [(None, options, 0)]


class IngredientLineForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        box = getattr(self.fields["food"].widget, "widget", self.fields["food"].widget)  # inside the +/edit links
        if isinstance(box, FoodAutocomplete) and self.instance.food_id:
            box.known = {str(self.instance.food_id): str(self.instance.food)}  # select_related by the inline


class IngredientLineFormSet(BaseInlineFormSet):
    """The inline rows as the service's lines, in the order shown (deleted and empty rows dropped)."""

    def ingredient_lines(self) -> list[services.IngredientInput]:
        lines = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or (self.can_delete and self._should_delete_form(form)):
                continue
            text = (data.get("raw_text") or "").strip()
            if text:
                lines.append(services.IngredientInput(text, chosen_food_id(form)))
        return lines

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        try:
            services.clean_lines(self.ingredient_lines())
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc

    def mark_written_by_service(self) -> None:
        # The service rewrote every line; the admin's change message expects what formset.save() records.
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []


def chosen_food_id(form: forms.ModelForm) -> int | None:
    """The food the editor chose for a row: one they changed, or one chosen before and left as it is.

    A food the matcher picked and the editor left alone is not a choice (the matcher may pick again when
    the text changes); an emptied food hands the line back to the matcher.
    """
    food = form.cleaned_data.get("food")
    if food is None:
        return None
    if "food" in form.changed_data or (form.instance.pk and form.instance.food_chosen):
        return food.pk
    return None


class IngredientInline(admin.TabularInline):
    model = RecipeIngredient
    form = IngredientLineForm
    formset = IngredientLineFormSet
    fields = ("raw_text", "food", "quantity", "unit", "grams", "confidence", "line_status")
    readonly_fields = ("quantity", "unit", "grams", "confidence", "line_status")
    autocomplete_fields = ("food",)
    extra = 3
    ordering = ("position", "id")
    verbose_name = "ingredient line"
    verbose_name_plural = (
        "ingredient lines (edit the text; the rest is parsed and matched on save. "
        "Choose a food to override the match; empty it to match again)"
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("food")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "food":
            kwargs["widget"] = FoodAutocomplete(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "raw_text":
            kwargs["widget"] = forms.TextInput(attrs={"size": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="confidence")
    def confidence(self, line: RecipeIngredient) -> str:
        return f"{line.match_confidence:.0%}" if line.pk else ""

    @admin.display(description="status")
    def line_status(self, line: RecipeIngredient):
        if not line.pk:
            return ""
        label = line.get_status_display()
        if line.note:
            label = f"{label}: {line.note}"  # a chosen food's note starts "food chosen by hand"
        return format_html('<span class="mp-status mp-status--{}">{}</span>', line.status, label)
