"""Website forms for recipes. They only check shapes; recipes.services does the real validation."""

from django import forms

from recipes.services import MAX_INGREDIENT_LINES, MAX_SERVINGS
from recipes.vocab import MEAL_TYPES


class RecipeForm(forms.Form):
    title = forms.CharField(max_length=200)
    ingredients = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=f"One ingredient per line, as you would write it: “200 g red lentils”. Up to {MAX_INGREDIENT_LINES}.",
    )
    servings = forms.IntegerField(min_value=1, max_value=MAX_SERVINGS, initial=2)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    meal_types = forms.MultipleChoiceField(
        choices=[(m, m) for m in MEAL_TYPES], required=False, widget=forms.CheckboxSelectMultiple
    )
    prep_minutes = forms.IntegerField(min_value=0, max_value=60 * 24 * 7, required=False, label="Preparation (minutes)")
    cook_minutes = forms.IntegerField(min_value=0, max_value=60 * 24 * 7, required=False, label="Cooking (minutes)")
    instructions = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}), label="Method")
    tags = forms.CharField(required=False, max_length=300, help_text="Comma-separated, e.g. “quick, batch cooking”.")
    source_url = forms.URLField(required=False, max_length=500, label="Source address", assume_scheme="https")
    is_public = forms.BooleanField(required=False, label="Share with everyone (public)")

    def clean_tags(self) -> list[str]:
        return sorted({tag.strip().lower() for tag in self.cleaned_data["tags"].split(",") if tag.strip()})

    def service_fields(self) -> dict:
        """cleaned_data in the keyword arguments recipes.services expects (title and ingredients apart)."""
        data = dict(self.cleaned_data)
        return {
            "description": data["description"],
            "meal_types": data["meal_types"],
            "prep_minutes": data["prep_minutes"],
            "cook_minutes": data["cook_minutes"],
            "instructions": data["instructions"],
            "tags": data["tags"],
            "source_url": data["source_url"],
            "is_public": data["is_public"],
        }


class PreviewForm(forms.Form):
    """The two inputs the live preview needs; anything else on the page is ignored."""

    ingredients = forms.CharField(required=False)
    servings = forms.IntegerField(min_value=1, max_value=MAX_SERVINGS, required=False)


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Page HTML or JSON-LD",
        max_length=2_000_000,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text="Paste the recipe page's source (its HTML), or its schema.org Recipe JSON-LD.",
    )
    url = forms.URLField(required=False, max_length=500, label="Page address (optional)", assume_scheme="https")
