"""/api/v1/me/profile/: the signed-in user's plan profile (created with defaults on first read)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import RetrieveUpdateAPIView
from rest_framework.parsers import JSONParser

from mealplan import services
from mealplan.api.schema import errors
from mealplan.models import PlanProfile
from recipes.api.fields import ChoiceListField
from recipes.models import Food, WordSetField
from recipes.vocab import ALLERGENS, DIET_CHOICES, MEAL_TYPES

MAX_SLOT_MINUTES = 24 * 60


class SlotListField(ChoiceListField):
    """Meal slots in the order of the day. Reads the unsaved default ("breakfast,lunch,dinner") too."""

    def __init__(self, **kwargs):
        super().__init__(choices=MEAL_TYPES, noun="slot(s)", **kwargs)

    def to_representation(self, value):
        words = set(WordSetField.to_words(value))
        return [slot for slot in MEAL_TYPES if slot in words]


class SlotMinutesField(serializers.DictField):
    """{"breakfast": 15, ...}; messages come out flat ("dinner: ...") to keep the one error shape."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.IntegerField(min_value=1, max_value=MAX_SLOT_MINUTES), **kwargs)

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            detail = exc.detail
            if isinstance(detail, dict):
                raise serializers.ValidationError(
                    [f"{slot}: {message}" for slot, messages in detail.items() for message in messages]
                ) from exc
            raise


class PlanProfileSerializer(serializers.ModelSerializer):
    """What the planner aims for: energy, diet, exclusions and gut targets."""

    household_servings = serializers.IntegerField(min_value=1, max_value=20, required=False)
    energy_kcal = serializers.IntegerField(
        min_value=800, max_value=6000, required=False, allow_null=True, help_text="Daily energy; null to compute."
    )
    age = serializers.IntegerField(min_value=14, max_value=110, required=False, allow_null=True)
    height_cm = serializers.FloatField(min_value=100, max_value=250, required=False, allow_null=True)
    weight_kg = serializers.FloatField(min_value=30, max_value=300, required=False, allow_null=True)
    slots = SlotListField(min_length=1, required=False, help_text="Meals to plan, in the order of the day.")
    diet = serializers.ChoiceField(choices=DIET_CHOICES, required=False)
    exclude_allergens = ChoiceListField(choices=ALLERGENS, noun="allergen(s)", required=False)
    exclude_foods = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Food.objects.all(), required=False, help_text="Ids of foods never to plan."
    )
    max_minutes = SlotMinutesField(
        required=False,
        help_text='Longest total time per slot, e.g. {"breakfast": 15}.',
    )
    max_repeats = serializers.IntegerField(min_value=1, max_value=14, required=False)
    fiber_g_per_1000_kcal = serializers.FloatField(min_value=0, max_value=40, required=False)
    live_culture_servings_per_day = serializers.FloatField(min_value=0, max_value=5, required=False)
    plants_per_week = serializers.IntegerField(min_value=0, max_value=100, required=False)
    energy_tolerance = serializers.FloatField(
        min_value=0.01, max_value=0.5, required=False, help_text="Allowed daily energy deviation, as a share."
    )

    class Meta:
        model = PlanProfile
        # The fields mealplan.services.update_profile takes, so the API and the service cannot drift apart.
        fields = (*services.PROFILE_FIELDS, "exclude_foods", "updated_at")
        read_only_fields = ("updated_at",)

    def validate_slots(self, slots: list[str]) -> list[str]:
        return [slot for slot in MEAL_TYPES if slot in set(slots)]  # in the order of the day

    def validate_exclude_allergens(self, allergens: list[str]) -> list[str]:
        return sorted(set(allergens))

    def validate_max_minutes(self, max_minutes: dict) -> dict:
        unknown = sorted(set(max_minutes) - set(MEAL_TYPES))
        if unknown:
            raise serializers.ValidationError(f"Unknown slot(s): {', '.join(unknown)}. Use {', '.join(MEAL_TYPES)}.")
        return max_minutes

    def update(self, instance: PlanProfile, validated_data: dict) -> PlanProfile:
        exclude_foods = validated_data.pop("exclude_foods", None)
        return services.update_profile(instance.user, exclude_foods=exclude_foods, **validated_data)


@extend_schema(tags=["me"])
class ProfileView(RetrieveUpdateAPIView):
    """Your plan profile. GET creates it with defaults the first time; PUT replaces, PATCH changes fields."""

    serializer_class = PlanProfileSerializer
    parser_classes = [JSONParser]

    def get_object(self) -> PlanProfile:
        profile, _ = PlanProfile.objects.prefetch_related("exclude_foods").get_or_create(user=self.request.user)
        return profile

    @extend_schema(summary="Your plan profile", responses={200: PlanProfileSerializer, **errors(401, 403, 429)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Replace your plan profile",
        description="Fields left out keep their values.",
        responses={200: PlanProfileSerializer, **errors(400, 401, 403, 429)},
    )
    def put(self, request, *args, **kwargs):
        return super().put(request, *args, **kwargs)

    @extend_schema(
        summary="Change fields of your plan profile",
        responses={200: PlanProfileSerializer, **errors(400, 401, 403, 429)},
    )
    def patch(self, request, *args, **kwargs):
        return super().patch(request, *args, **kwargs)
