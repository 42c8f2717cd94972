"""/api/v1/plans/: generate, read, change and export a user's plans. Owner-scoped; every write goes
through mealplan.services (row lock + version), so the website and the API behave the same.

The plan document (mealplan.selectors.plan_document) is the same here and in `generate_plan --json`.
"""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from mealplan import services
from mealplan.api.profile import PlanProfileSerializer
from mealplan.api.schema import errors
from mealplan.api.throttles import ScopedDefaultRateThrottle
from mealplan.ics import plan_calendar
from mealplan.models import Plan
from mealplan.selectors import plan_document
from mealplan.shopping import shopping_csv, shopping_list


class PlanGenerateThrottle(ScopedDefaultRateThrottle):
    scope = "plan_generate"
    default_rate = "20/min"


class CSVRenderer(renderers.BaseRenderer):
    """Shopping lists as CSV (`?format=csv`); the view hands over the rendered text."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode("utf-8") if isinstance(data, str) else b""


# Schema of the plan document --------------------------------------------------------------------


class PlanRecipeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    diets = serializers.ListField(child=serializers.CharField())
    allergens = serializers.ListField(child=serializers.CharField())
    meal_types = serializers.ListField(child=serializers.CharField())
    energy_kcal = serializers.FloatField()
    protein_g = serializers.FloatField()
    fiber_g = serializers.FloatField()
    prebiotic_g = serializers.FloatField()
    live_culture_servings = serializers.FloatField()
    plants = serializers.FloatField()
    gut_score = serializers.IntegerField()
    fodmap_level = serializers.CharField()
    total_minutes = serializers.IntegerField(allow_null=True)


class PlanEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    slot = serializers.CharField()
    servings = serializers.FloatField(help_text="Servings per person.")
    locked = serializers.BooleanField()
    is_leftover = serializers.BooleanField()
    recipe = PlanRecipeSerializer()


class PlanTargetsSerializer(serializers.Serializer):
    energy_kcal = serializers.FloatField(allow_null=True)
    energy_tolerance = serializers.FloatField(allow_null=True)
    fiber_g = serializers.FloatField(allow_null=True)
    live_culture_servings = serializers.FloatField(allow_null=True)
    plants_per_week = serializers.IntegerField(allow_null=True)


class PlanDaySummarySerializer(serializers.Serializer):
    date = serializers.DateField()
    energy_kcal = serializers.FloatField()
    protein_g = serializers.FloatField()
    fiber_g = serializers.FloatField()
    prebiotic_g = serializers.FloatField()
    live_culture_servings = serializers.FloatField()
    plants = serializers.IntegerField()
    met = serializers.DictField(child=serializers.BooleanField(), help_text="Which daily targets the day meets.")
    score = serializers.IntegerField(allow_null=True, help_text="The day's gut score.")


class PlanSummarySerializer(serializers.Serializer):
    days = PlanDaySummarySerializer(many=True)
    plants_per_week = serializers.IntegerField()
    plant_species = serializers.ListField(child=serializers.CharField())
    score = serializers.IntegerField(allow_null=True, help_text="The week's gut score.")
    score_breakdown = serializers.JSONField()


class PlanSolverSerializer(serializers.Serializer):
    status = serializers.CharField()
    objective = serializers.FloatField(allow_null=True)
    mip_gap = serializers.FloatField(allow_null=True)
    seconds = serializers.FloatField(allow_null=True)


class PlanDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    start = serializers.DateField()
    days = serializers.IntegerField()
    slots = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=Plan.Status.choices)
    messages = serializers.ListField(child=serializers.CharField(), help_text="Each target missed, and by how much.")
    targets = PlanTargetsSerializer()
    entries = PlanEntrySerializer(many=True)
    summary = PlanSummarySerializer()
    solver = PlanSolverSerializer()
    version = serializers.IntegerField(help_text="Send it back with a change to detect concurrent edits.")
    created_at = serializers.DateTimeField()


class PlanListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ("id", "start", "days", "slots", "status", "messages", "version", "created_at", "updated_at")
        read_only_fields = fields


# Requests ---------------------------------------------------------------------------------------


class PlanCreateSerializer(PlanProfileSerializer):
    """Start, days and any profile field; omitted fields come from your saved profile (which is not changed)."""

    start = serializers.DateField(help_text="First day of the plan.")
    days = serializers.IntegerField(min_value=1, max_value=services.MAX_PLAN_DAYS, default=7)

    class Meta(PlanProfileSerializer.Meta):
        fields = ("start", "days", *(f for f in PlanProfileSerializer.Meta.fields if f != "updated_at"))
        read_only_fields = ()


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The plan version you last saw; a stale one is refused (optimistic locking)."
    )


class SwapSerializer(VersionSerializer):
    recipe_id = serializers.IntegerField(
        required=False, help_text="A recipe to put in; leave out to let the optimiser choose another one."
    )


class EntryPatchSerializer(VersionSerializer):
    locked = serializers.BooleanField()


class ShoppingItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    group = serializers.CharField()
    grams = serializers.FloatField()
    amount = serializers.CharField(help_text='In kitchen units: "3 (about 330 g)", "750 ml", "1.2 kg".')
    recipes = serializers.ListField(child=serializers.CharField())
    checked = serializers.BooleanField()


class ShoppingGroupSerializer(serializers.Serializer):
    group = serializers.CharField()
    items = ShoppingItemSerializer(many=True)


class ShoppingTickSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=80)
    checked = serializers.BooleanField()


def _groups(plan: Plan) -> list[dict]:
    return [{"group": group, "items": [i.as_dict() for i in items]} for group, items in shopping_list(plan)]


_PLAN = {200: PlanDocumentSerializer}


@extend_schema_view(
    list=extend_schema(summary="Your plans, newest first", responses={200: PlanListSerializer, **errors(401, 404)}),
    retrieve=extend_schema(
        summary="A plan: entries, daily totals against targets, the week's plants and score",
        responses={**_PLAN, **errors(401, 404)},
    ),
    destroy=extend_schema(summary="Delete a plan", responses={204: None, **errors(401, 404)}),
)
class PlanViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Plan.objects.none()  # the schema's model; requests see only their owner's plans
    serializer_class = PlanListSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Plan.objects.none()
        return Plan.objects.owned_by(self.request.user).order_by("-start", "-id")

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action in ("create", "regenerate", "regenerate_day", "swap"):
            throttles.append(PlanGenerateThrottle())
        return throttles

    def finalize_response(self, request, response, *args, **kwargs):
        # An error asked for as CSV (`?format=csv` on a missing plan) is still answered in the JSON error shape.
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and renderer is not None and renderer.format == "csv":
            request.accepted_renderer = renderers.JSONRenderer()
            request.accepted_media_type = request.accepted_renderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def _document(self, plan: Plan, code=status.HTTP_200_OK) -> Response:
        plan.refresh_from_db()
        return Response(plan_document(plan), status=code)

    def perform_destroy(self, instance: Plan) -> None:
        services.delete_plan(plan=instance)

    def retrieve(self, request, pk=None):
        return self._document(self.get_object())

    @extend_schema(
        summary="Generate a plan",
        description="Solves the period with the optimiser for your profile, with any profile field given here "
        "overriding it for this plan. Targets that cannot be met are relaxed in a documented order and named in "
        "`messages`; a request no plan can satisfy (a slot with no recipe left) is a 400 that says why.",
        request=PlanCreateSerializer,
        responses={201: PlanDocumentSerializer, **errors(400, 401, 429)},
    )
    def create(self, request):
        data = PlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        plan = services.generate_plan(owner=request.user, start=values.pop("start"), days=values.pop("days"), **values)
        return self._document(plan, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Swap one meal",
        description="Without `recipe_id` the optimiser re-solves with every other meal fixed and the current "
        "recipe excluded from this one; with it, that recipe is put in if it fits the plan's settings.",
        request=SwapSerializer,
        responses={**_PLAN, **errors(400, 401, 404, 429)},
    )
    @action(detail=True, methods=["post"], url_path=r"entries/(?P<entry_id>[0-9]+)/swap")
    def swap(self, request, pk=None, entry_id=None):
        plan = self.get_object()
        data = SwapSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.swap_entry(
            plan=plan,
            entry_id=int(entry_id),
            recipe_id=data.validated_data.get("recipe_id"),
            expected_version=data.validated_data.get("version"),
        )
        return self._document(plan)

    @extend_schema(
        summary="Lock or unlock one meal",
        request=EntryPatchSerializer,
        responses={**_PLAN, **errors(400, 401, 404)},
    )
    @action(detail=True, methods=["patch"], url_path=r"entries/(?P<entry_id>[0-9]+)")
    def entry(self, request, pk=None, entry_id=None):
        plan = self.get_object()
        data = EntryPatchSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.set_entry_locked(
            plan=plan,
            entry_id=int(entry_id),
            locked=data.validated_data["locked"],
            expected_version=data.validated_data.get("version"),
        )
        return self._document(plan)

    @extend_schema(
        summary="Plan one day again (locked meals stay, the day's other meals change)",
        request=VersionSerializer,
        responses={**_PLAN, **errors(400, 401, 404, 429)},
    )
    @action(detail=True, methods=["post"], url_path=r"days/(?P<day>\d{4}-\d{2}-\d{2})/regenerate")
    def regenerate_day(self, request, pk=None, day=None):
        plan = self.get_object()
        data = VersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        day_field = serializers.DateField()
        try:
            when = day_field.to_internal_value(day)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"day": exc.detail}) from exc
        services.redo_day(plan=plan, day=when, expected_version=data.validated_data.get("version"))
        return self._document(plan)

    @extend_schema(
        summary="Plan the whole period again (locked meals stay)",
        request=VersionSerializer,
        responses={**_PLAN, **errors(400, 401, 404, 429)},
    )
    @action(detail=True, methods=["post"])
    def regenerate(self, request, pk=None):
        plan = self.get_object()
        data = VersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.regenerate_plan(plan=plan, expected_version=data.validated_data.get("version"))
        return self._document(plan)

    @extend_schema(
        methods=["GET"],
        summary="The shopping list, grouped by food group (`?format=csv` for a CSV file)",
        parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"], required=False)],
        responses={
            200: ShoppingGroupSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
            **errors(401, 404),
        },
    )
    @extend_schema(
        methods=["POST"],
        summary="Tick an item off (or back on)",
        request=ShoppingTickSerializer,
        responses={200: ShoppingGroupSerializer(many=True), **errors(400, 401, 404)},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="shopping-list",
        renderer_classes=[renderers.JSONRenderer, renderers.BrowsableAPIRenderer, CSVRenderer],
        pagination_class=None,  # one list of groups, not a page of plans (and so says the schema)
    )
    def shopping_list(self, request, pk=None):
        plan = self.get_object()
        if request.method == "POST":
            data = ShoppingTickSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            services.set_shopping_item(plan=plan, **data.validated_data)
            plan.refresh_from_db()
        if request.accepted_renderer.format == "csv":
            response = Response(shopping_csv(shopping_list(plan)))
            response["Content-Disposition"] = f'attachment; filename="shopping-list-{plan.start}.csv"'
            return response
        return Response(_groups(plan))

    @extend_schema(
        summary="The plan as an iCalendar (.ics) file",
        responses={(200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY), **errors(401, 404)},
    )
    @action(detail=True, methods=["get"], url_path="calendar")
    def calendar(self, request, pk=None):
        plan = self.get_object()
        response = HttpResponse(
            plan_calendar(plan, base_url=request.build_absolute_uri("/")), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="mealplan-{plan.start}.ics"'
        return response
