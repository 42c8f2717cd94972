"""Website forms for recipes. They only check shapes; recipes.services does the real validation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from recipes.services import MAX_INGREDIENT_LINES, MAX_SERVINGS, clean_lines
from recipes.vocab import MEAL_TYPES

PASTE = "paste"
ONE_PER_LINE = "lines"
MAX_LINE_CHARS = 500


@dataclass(frozen=True)
class IngredientRow:
    number: int  # 1-based, as the list shows it
    text: str
    autofocus: bool = False


@dataclass
class IngredientEditor:
    """The ingredient lines being written, either pasted in one box or typed one per input.

    The editor's buttons (add, remove, switch mode) post the whole form; the server changes the
    editor and renders it again, so the same code serves htmx and browsers without JavaScript.
    """

    lines_help_text = (
        f"One ingredient in each box, as you would write it: “200 g red lentils”. Up to {MAX_INGREDIENT_LINES}."
    )

    mode: str = PASTE
    text: str = ""
    lines: list[str] = field(default_factory=lambda: [""])
    focus: int | str | None = None  # a row number, "text" or "add": the input the next render focuses
    notice: str = ""

    @classmethod
    def from_data(cls, data: QueryDict) -> IngredientEditor:
        if data.get("ingredient_mode") == ONE_PER_LINE:
            return cls(mode=ONE_PER_LINE, lines=[str(line) for line in data.getlist("line")] or [""])
        return cls(mode=PASTE, text=data.get("ingredients", ""))

    @classmethod
    def from_lines(cls, lines: list[str]) -> IngredientEditor:
        return cls(mode=PASTE, text="\n".join(lines), lines=list(lines) or [""])

    @property
    def rows(self) -> list[IngredientRow]:
        return [IngredientRow(n, text, self.focus == n) for n, text in enumerate(self.lines, start=1)]

    def ingredient_lines(self) -> list[str]:
        """What a save would store: the non-blank lines, in order."""
        source = self.lines if self.mode == ONE_PER_LINE else self.text.splitlines()
        return [line.strip() for line in source if line.strip()]

    def apply(self, action: str) -> str | None:
        """Carry out an editor button: "add", "remove-<n>", "mode-lines" or "mode-paste".

        Returns what changed ("row" when one row was appended, "editor" otherwise), or None for
        anything else, which the form treats as "save".
        """
        if action == "add" and self.mode == ONE_PER_LINE:
            if len(self.lines) >= MAX_INGREDIENT_LINES:
                self.notice = f"A recipe can have at most {MAX_INGREDIENT_LINES} ingredients."
                self.focus = len(self.lines)
                return "editor"
            self.lines.append("")
            self.focus = len(self.lines)
            return "row"
        if action.startswith("remove-") and self.mode == ONE_PER_LINE:
            try:
                number = int(action.removeprefix("remove-"))
            except ValueError:
                return "editor"  # a remove button never saves, even a malformed one
            if 1 <= number <= len(self.lines):
                del self.lines[number - 1]
            self.lines = self.lines or [""]
            self.focus = min(max(number, 1), len(self.lines))
            return "editor"
        if action in (f"mode-{ONE_PER_LINE}", f"mode-{PASTE}"):
            self.switch_to(action.removeprefix("mode-"))
            return "editor"
        return None

    def switch_to(self, mode: str) -> None:
        """Move every line to the other mode; only blank lines are dropped."""
        kept = self.ingredient_lines()
        if mode == ONE_PER_LINE:
            self.lines = kept or [""]
            self.focus = 1
        else:
            self.text = "\n".join(kept)
            self.focus = "text"
        self.mode = mode


class RecipeForm(forms.Form):
    title = forms.CharField(max_length=200)
    # Rendered by hand in recipe_form.html (a pasted block or one input per line); see IngredientEditor.
    ingredients = forms.CharField(
        required=False,
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

    @classmethod
    def redisplay(cls, data: QueryDict) -> RecipeForm:
        """An unbound form showing what was posted: an editor button was pressed, so no errors yet."""
        initial = {
            name: data.getlist(name) if isinstance(field_, forms.MultipleChoiceField) else data.get(name)
            for name, field_ in cls.base_fields.items()
        }
        return cls(initial=initial)

    def clean(self) -> dict:
        cleaned = super().clean()
        try:
            cleaned["ingredients"] = clean_lines(IngredientEditor.from_data(self.data).ingredient_lines())
        except ValidationError as error:
            self.add_error(None, error)  # keyed on "ingredients", so it shows next to the lines
        return cleaned

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
    """Servings for the live preview; the lines come from IngredientEditor.from_data (either mode)."""

    servings = forms.IntegerField(min_value=1, max_value=MAX_SERVINGS, required=False)


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Page HTML or JSON-LD",
        max_length=2_000_000,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text="Paste the recipe page's source (its HTML), or its schema.org Recipe JSON-LD.",
    )
    url = forms.URLField(required=False, max_length=500, label="Page address (optional)", assume_scheme="https")
