"""Website forms for planning. They check shapes only; mealplan.services checks ranges and meaning."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms

from mealplan.models import PlanProfile
from mealplan.services import MAX_PLAN_DAYS
from recipes.vocab import ALLERGENS, DIET_CHOICES, MEAL_TYPES

MINUTE_FIELDS = {slot: f"max_minutes_{slot}" for slot in MEAL_TYPES}


def next_monday(today: date | None = None) -> date:
    """Plans default to the coming week: today when it is a Monday, else the next Monday."""
    today = today or date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7)


class PlanProfileForm(forms.Form):
    household_servings = forms.IntegerField(
        label="People to cook for", help_text="Shopping quantities are multiplied by this."
    )
    energy_kcal = forms.IntegerField(
        required=False,
        label="Daily energy (kcal)",
        help_text="Leave blank to work it out from age, sex, height, weight and activity (or 2,000 kcal).",
    )
    age = forms.IntegerField(required=False, label="Age (years)")
    sex = forms.ChoiceField(required=False, choices=[("", "—"), *PlanProfile.Sex.choices])
    height_cm = forms.FloatField(required=False, label="Height (cm)")
    weight_kg = forms.FloatField(required=False, label="Weight (kg)")
    activity = forms.ChoiceField(choices=PlanProfile.Activity.choices)
    slots = forms.MultipleChoiceField(
        label="Meals each day", choices=[(s, s) for s in MEAL_TYPES], widget=forms.CheckboxSelectMultiple
    )
    diet = forms.ChoiceField(choices=[(d, d) for d in DIET_CHOICES])
    exclude_allergens = forms.MultipleChoiceField(
        label="Leave out allergens",
        required=False,
        choices=[(a, a) for a in ALLERGENS],
        widget=forms.CheckboxSelectMultiple,
    )
    low_fodmap = forms.BooleanField(
        required=False, label="Low-FODMAP", help_text="Only recipes without high-FODMAP ingredients."
    )
    max_minutes_breakfast = forms.IntegerField(required=False, label="Breakfast")
    max_minutes_lunch = forms.IntegerField(required=False, label="Lunch")
    max_minutes_dinner = forms.IntegerField(required=False, label="Dinner")
    max_minutes_snack = forms.IntegerField(required=False, label="Snack")
    max_repeats = forms.IntegerField(label="Most times one recipe may appear", help_text="Per plan.")
    leftovers = forms.BooleanField(
        required=False, label="Leftovers", help_text="Cook dinner once and eat it again for the next day's lunch."
    )
    fiber_g_per_1000_kcal = forms.FloatField(
        label="Fibre (g per 1,000 kcal)", help_text="14 is the Adequate Intake: 28 g on 2,000 kcal."
    )
    live_culture_servings_per_day = forms.FloatField(
        label="Live-culture servings a day", help_text="Yogurt, kefir, unpasteurised sauerkraut, kimchi, miso ..."
    )
    plants_per_week = forms.IntegerField(label="Different plants a week")
    start = forms.DateField(label="First day", widget=forms.DateInput(attrs={"type": "date"}))
    days = forms.IntegerField(label="Days", min_value=1, max_value=MAX_PLAN_DAYS, initial=7)

    minute_errors: list[str] = []

    @classmethod
    def initial_from(cls, profile: PlanProfile) -> dict:
        """The saved profile as form values."""
        initial = {
            name: getattr(profile, name)
            for name in (
                "household_servings",
                "energy_kcal",
                "age",
                "sex",
                "height_cm",
                "weight_kg",
                "activity",
                "diet",
                "low_fodmap",
                "max_repeats",
                "leftovers",
                "fiber_g_per_1000_kcal",
                "live_culture_servings_per_day",
                "plants_per_week",
            )
        }
        initial["slots"] = [s for s in MEAL_TYPES if s in profile.slots]
        initial["exclude_allergens"] = [a for a in ALLERGENS if a in profile.exclude_allergens]
        for slot, field in MINUTE_FIELDS.items():
            initial[field] = (profile.max_minutes or {}).get(slot)
        initial["start"] = next_monday()
        initial["days"] = 7
        return initial

    def minute_fields(self):
        return [self[field] for field in MINUTE_FIELDS.values()]

    def profile_values(self) -> dict:
        """cleaned_data as the keyword arguments of services.update_profile."""
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in (
                "household_servings",
                "energy_kcal",
                "age",
                "height_cm",
                "weight_kg",
                "activity",
                "slots",
                "diet",
                "exclude_allergens",
                "low_fodmap",
                "max_repeats",
                "leftovers",
                "fiber_g_per_1000_kcal",
                "live_culture_servings_per_day",
                "plants_per_week",
            )
        }
        values["sex"] = data["sex"]
        values["max_minutes"] = {
            slot: data[field] for slot, field in MINUTE_FIELDS.items() if data.get(field) is not None
        }
        return values

    def add_service_errors(self, error) -> None:
        """Put a services ValidationError on the fields it names; the rest above the form."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            messages = [m for e in errors for m in e.messages]
            if name == "max_minutes":
                self.minute_errors = messages  # shown on the fieldset of the four slots
            elif name in self.fields:
                self.add_error(name, messages)
            else:
                self.add_error(None, messages)
