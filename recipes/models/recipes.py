"""Recipes, their ingredient lines, and the per-serving nutrition stored on them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from recipes.vocab import FODMAP_LEVELS

from .fields import WordSetField, member
from .foods import Food


class RecipeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The shared catalogue's public recipes plus the user's own (staff see everything)."""
        if user is not None and user.is_authenticated:
            if user.is_staff:
                return self
            return self.filter(Q(is_public=True) | Q(owner=user))
        return self.filter(is_public=True)

    def owned_by(self, user):
        return self.filter(owner=user)

    def for_diet(self, diet: str):
        if not diet or diet == "omnivore":
            return self
        return self.filter(diets__contains=member(diet))

    def without_allergens(self, allergens):
        qs = self
        for allergen in allergens:
            qs = qs.exclude(allergens__contains=member(allergen))
        return qs

    def for_meal_type(self, meal_type: str):
        return self.filter(meal_types__contains=member(meal_type))

    def with_tag(self, tag: str):
        return self.filter(tags__contains=member(tag))

    def low_fodmap(self):
        return self.exclude(fodmap_level__in=("moderate", "high"))

    def with_live_cultures(self):
        return self.filter(live_culture_servings__gte=1)

    def gut_friendly(self, min_score: int = 70):
        return self.filter(gut_score__gte=min_score)


class Recipe(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recipes",
        help_text="Empty for the shared catalogue.",
    )
    is_public = models.BooleanField(default=False, db_index=True)
    title = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=120, blank=True, help_text="Stable key of a catalogue recipe.")
    description = models.TextField(blank=True)
    yields_text = models.CharField(max_length=120, blank=True, help_text='As written, e.g. "Makes 12 muffins".')
    servings = models.PositiveSmallIntegerField(default=1)
    prep_minutes = models.PositiveIntegerField(null=True, blank=True)
    cook_minutes = models.PositiveIntegerField(null=True, blank=True)
    total_minutes = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    meal_types = WordSetField()
    tags = WordSetField()
    instructions = models.TextField(blank=True)
    source_url = models.URLField(max_length=500, blank=True, db_index=True)
    image_url = models.URLField(max_length=500, blank=True)

    # Per serving, recomputed by recipes.services whenever ingredients, servings or foods change.
    energy_kcal = models.FloatField(default=0, db_index=True)
    protein_g = models.FloatField(default=0)
    fat_g = models.FloatField(default=0)
    saturated_fat_g = models.FloatField(default=0)
    carbohydrate_g = models.FloatField(default=0)
    fiber_g = models.FloatField(default=0, db_index=True)
    sugars_g = models.FloatField(default=0)
    free_sugars_g = models.FloatField(default=0)
    sodium_mg = models.FloatField(default=0)
    fructans_g = models.FloatField(default=0)
    gos_g = models.FloatField(default=0)
    resistant_starch_g = models.FloatField(default=0)
    beta_glucan_g = models.FloatField(default=0)
    prebiotic_g = models.FloatField(default=0, db_index=True)
    live_culture_servings = models.FloatField(default=0)
    plants = models.FloatField(default=0, help_text="Distinct plants (herbs and spices count half).")
    plant_species = WordSetField(max_length=2000)
    diets = WordSetField(max_length=100)
    allergens = WordSetField(max_length=200)
    fodmap_level = models.CharField(max_length=10, blank=True, db_index=True)
    fodmap_triggers = models.JSONField(default=list, blank=True)
    matched_share = models.FloatField(default=0)
    unmatched_count = models.PositiveIntegerField(default=0)
    gut_score = models.PositiveSmallIntegerField(default=0, db_index=True)
    gut_score_version = models.CharField(max_length=20, blank=True)
    score_breakdown = models.JSONField(default=list, blank=True)
    analysis = models.JSONField(default=dict, blank=True, help_text="The full per-serving analysis.")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecipeQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["is_public", "-gut_score"], name="recipe_public_score")]
        constraints = [
            models.CheckConstraint(condition=Q(servings__gte=1), name="recipe_servings_positive"),
            models.CheckConstraint(condition=Q(gut_score__gte=0, gut_score__lte=100), name="recipe_score_0_100"),
            models.CheckConstraint(
                condition=Q(fodmap_level__in=("", *FODMAP_LEVELS)), name="recipe_fodmap_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | Q(is_public=True), name="catalogue_recipe_is_public"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recipe-detail", args=[self.pk])

    @property
    def gut_score_band(self) -> str:
        if self.gut_score >= 70:
            return "very gut-friendly"
        if self.gut_score >= 40:
            return "good"
        return "limited"


class RecipeIngredient(models.Model):
    class Status(models.TextChoices):
        MATCHED = "matched", "matched"
        UNMATCHED = "unmatched", "unmatched"
        IGNORED = "ignored", "not counted"  # headings, "salt to taste", references to other recipes

    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE, related_name="ingredients")
    position = models.PositiveSmallIntegerField(default=0)
    raw_text = models.CharField(max_length=500)
    quantity = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    grams = models.FloatField(null=True, blank=True)
    food = models.ForeignKey(Food, null=True, blank=True, on_delete=models.SET_NULL, related_name="recipe_lines")
    food_chosen = models.BooleanField(
        default=False, help_text="The food was chosen by hand; the matcher leaves it alone."
    )
    food_text = models.CharField(max_length=300, blank=True, help_text="The food name as parsed.")
    preparation = models.CharField(max_length=200, blank=True)
    optional = models.BooleanField(default=False)
    match_confidence = models.FloatField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UNMATCHED)
    note = models.CharField(max_length=300, blank=True, help_text="Why a line was not counted.")

    class Meta:
        ordering = ["recipe_id", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(grams__isnull=True) | Q(grams__gte=0), name="ingredient_grams_nonneg"),
            models.CheckConstraint(
                condition=Q(match_confidence__gte=0, match_confidence__lte=1), name="ingredient_confidence_0_1"
            ),
        ]

    def __str__(self) -> str:
        return self.raw_text
