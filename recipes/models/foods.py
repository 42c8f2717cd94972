"""The food composition table: values per 100 g, each food with its source."""

from django.db import models
from django.db.models import Q

from recipes.vocab import FODMAP_LEVELS

from .fields import WordSetField, member


class FoodQuerySet(models.QuerySet):
    def common(self):
        """The curated ingredients people write in recipes (the matcher's first choice)."""
        return self.filter(is_common=True)

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(aliases__icontains=text))

    def with_live_cultures(self):
        return self.filter(live_cultures=True)

    def with_allergen(self, allergen: str):
        return self.filter(allergens__contains=member(allergen))


class Food(models.Model):
    class FodmapLevel(models.TextChoices):
        UNKNOWN = "", "unknown"
        LOW = "low", "low"
        MODERATE = "moderate", "moderate"
        HIGH = "high", "high"

    name = models.CharField(max_length=200, unique=True)
    aliases = models.TextField(blank=True, help_text="Other names people write, one per line.")
    food_group = models.CharField(max_length=60, blank=True, db_index=True)
    is_common = models.BooleanField(default=False, db_index=True, help_text="A curated ingredient the matcher prefers.")
    ndb_id = models.CharField("USDA NDB number", max_length=10, blank=True, db_index=True, help_text="SR28 NDB_No.")
    fdc_id = models.PositiveIntegerField("FoodData Central id", null=True, blank=True, unique=True)
    usda_food = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="common_foods",
        help_text="The USDA food a curated ingredient takes its values from.",
    )

    # Per 100 g of edible portion. NULL means unknown, never zero.
    energy_kcal = models.FloatField(null=True, blank=True)
    protein_g = models.FloatField(null=True, blank=True)
    fat_g = models.FloatField(null=True, blank=True)
    saturated_fat_g = models.FloatField(null=True, blank=True)
    carbohydrate_g = models.FloatField(null=True, blank=True)
    fiber_g = models.FloatField(null=True, blank=True)
    sugars_g = models.FloatField(null=True, blank=True)
    sodium_mg = models.FloatField(null=True, blank=True)
    fructans_g = models.FloatField("fructans (inulin/FOS) g", null=True, blank=True)
    gos_g = models.FloatField("GOS g", null=True, blank=True)
    resistant_starch_g = models.FloatField(null=True, blank=True)
    beta_glucan_g = models.FloatField(null=True, blank=True)
    density_g_per_ml = models.FloatField(null=True, blank=True)

    live_cultures = models.BooleanField(
        default=False, help_text="Raw, unpasteurised or 'live and active' fermented food."
    )
    fermented = models.BooleanField(default=False, help_text="Any fermented food, live or not.")
    plant_species = models.CharField(
        max_length=100, blank=True, help_text="Key for counting distinct plants; blank if not a plant."
    )
    is_herb_or_spice = models.BooleanField(default=False, help_text="Counts half a plant.")
    fodmap_level = models.CharField(max_length=10, blank=True, choices=FodmapLevel.choices)
    fodmap_serving_g = models.FloatField(null=True, blank=True)
    low_fodmap_swap = models.CharField(max_length=200, blank=True)
    allergens = WordSetField()
    contains_meat = models.BooleanField(default=False)
    contains_fish = models.BooleanField(default=False)
    contains_dairy = models.BooleanField(default=False)
    contains_egg = models.BooleanField(default=False)
    animal_product = models.BooleanField(default=False, help_text="Any animal product (honey too).")
    contains_gluten = models.BooleanField(default=False)
    ultra_processed = models.BooleanField(default=False)
    emulsifier = models.BooleanField(default=False, help_text="Contains a flagged emulsifier.")
    processed_meat = models.BooleanField(default=False)
    alcohol = models.BooleanField(default=False)
    free_sugar = models.BooleanField(default=False, help_text="Its sugars are free sugars.")
    grain = models.CharField(
        max_length=10,
        blank=True,
        choices=[("", "not a grain"), ("whole", "whole grain"), ("refined", "refined grain")],
    )

    source = models.CharField(max_length=300, blank=True, help_text="Where the per-100 g values come from.")
    gut_source = models.TextField(blank=True, help_text="Citations for the gut fields.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = FoodQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(fodmap_level__in=("", *FODMAP_LEVELS)), name="food_fodmap_level_valid"),
            models.CheckConstraint(
                condition=Q(energy_kcal__isnull=True) | Q(energy_kcal__gte=0, energy_kcal__lte=902),
                name="food_energy_in_range",
            ),
            models.CheckConstraint(
                condition=Q(fiber_g__isnull=True) | Q(fiber_g__gte=0, fiber_g__lte=100),
                name="food_fiber_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class FoodPortion(models.Model):
    """A household measure of a food and its weight: "1 cup, chopped = 160 g"."""

    food = models.ForeignKey(Food, on_delete=models.CASCADE, related_name="portions")
    seq = models.PositiveSmallIntegerField(default=1)
    amount = models.FloatField(default=1)
    unit = models.CharField(max_length=120, help_text='As written, e.g. "cup, chopped" or "medium".')
    grams = models.FloatField()

    class Meta:
        ordering = ["food_id", "seq"]
        constraints = [
            models.CheckConstraint(condition=Q(grams__gt=0), name="portion_grams_positive"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="portion_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.amount:g} {self.unit} = {self.grams:g} g"
