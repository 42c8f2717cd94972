"""The planning domain: a user's plan profile, plans and their entries."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from recipes.models import Recipe, WordSetField
from recipes.vocab import DIET_CHOICES, MEAL_TYPES


def default_slots() -> list[str]:
    return ["breakfast", "lunch", "dinner"]


class PlanProfile(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "female", "female"
        MALE = "male", "male"

    class Activity(models.TextChoices):
        SEDENTARY = "sedentary", "sedentary (x1.2)"
        LIGHT = "light", "lightly active (x1.375)"
        MODERATE = "moderate", "moderately active (x1.55)"
        ACTIVE = "active", "very active (x1.725)"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_profile")
    household_servings = models.PositiveSmallIntegerField(default=1)
    energy_kcal = models.PositiveIntegerField(null=True, blank=True, help_text="Daily energy; blank to compute.")
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, blank=True, choices=Sex.choices)
    height_cm = models.FloatField(null=True, blank=True)
    weight_kg = models.FloatField(null=True, blank=True)
    activity = models.CharField(max_length=12, choices=Activity.choices, default=Activity.LIGHT)
    slots = WordSetField(max_length=60, default=default_slots)
    diet = models.CharField(max_length=12, default="omnivore", choices=[(d, d) for d in DIET_CHOICES])
    exclude_allergens = WordSetField(max_length=200)
    exclude_foods = models.ManyToManyField("recipes.Food", blank=True, related_name="+")
    low_fodmap = models.BooleanField(default=False)
    max_minutes = models.JSONField(default=dict, blank=True, help_text='Per slot, e.g. {"breakfast": 15}.')
    max_repeats = models.PositiveSmallIntegerField(default=2)
    leftovers = models.BooleanField(default=False, help_text="Cook dinner once, eat it again next day's lunch.")
    fiber_g_per_1000_kcal = models.FloatField(default=14)
    live_culture_servings_per_day = models.FloatField(default=1)
    plants_per_week = models.PositiveSmallIntegerField(default=30)
    energy_tolerance = models.FloatField(default=0.10)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(household_servings__gte=1), name="profile_household_positive"),
            models.CheckConstraint(
                condition=Q(energy_tolerance__gt=0, energy_tolerance__lte=0.5), name="profile_tolerance_range"
            ),
            models.CheckConstraint(condition=Q(fiber_g_per_1000_kcal__gte=0), name="profile_fiber_nonneg"),
        ]

    def __str__(self) -> str:
        return f"Plan profile of {self.user}"


class PlanQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class Plan(models.Model):
    class Status(models.TextChoices):
        OPTIMAL = "optimal", "optimal"
        RELAXED = "relaxed", "relaxed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans")
    start = models.DateField()
    days = models.PositiveSmallIntegerField(default=7)
    slots = WordSetField(max_length=60)
    profile_snapshot = models.JSONField(default=dict)
    targets = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPTIMAL)
    messages = models.JSONField(default=list, blank=True)
    solver_status = models.CharField(max_length=40, blank=True)
    objective = models.FloatField(null=True, blank=True)
    mip_gap = models.FloatField(null=True, blank=True)
    solve_seconds = models.FloatField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Bumped on every change, for optimistic locking.")
    shopping_checked = models.JSONField(default=list, blank=True, help_text="Shopping-list items ticked off.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(days__gte=1, days__lte=28), name="plan_days_1_28"),
        ]

    def __str__(self) -> str:
        return f"Plan from {self.start} ({self.days} days)"

    def get_absolute_url(self) -> str:
        return reverse("plan-detail", args=[self.pk])


class PlanEntry(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    slot = models.CharField(max_length=12, choices=[(s, s) for s in MEAL_TYPES])
    recipe = models.ForeignKey(Recipe, on_delete=models.PROTECT, related_name="plan_entries")
    servings = models.FloatField(default=1)
    locked = models.BooleanField(default=False)
    is_leftover = models.BooleanField(default=False)

    class Meta:
        ordering = ["plan_id", "date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "date", "slot"], name="one_entry_per_slot"),
            models.CheckConstraint(condition=Q(servings__gt=0), name="entry_servings_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.slot}: {self.recipe}"
