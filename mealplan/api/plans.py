"""/api/v1/plans/: generate, read, change and export a user's weekly plans. Owner-scoped; all writes go
through mealplan.services (row lock + version), so the website and the API behave the same."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from mealplan import services
from mealplan.api.schema import errors
from mealplan.api.throttles import ScopedDefaultRateThrottle
from mealplan.ics import plan_calendar
from mealplan.models import Plan
from mealplan.selectors import plan_days, plan_entries
from mealplan.shopping import shopping_csv, shopping_list


class PlanGenerateThrottle(ScopedDefaultRateThrottle):
    scope = "plan_generate"
    default_rate = "20/min"


class EntryRecipeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    gut_score = serializers.IntegerField()
    energy_kcal = serializers.FloatField()
    fiber_g = serializers.FloatField()
    prebiotic_g = serializers.FloatField()
    live_culture_servings = serializers.FloatField()
    total_minutes = serializers.IntegerField(allow_null=True)


class PlanEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    slot = serializers.CharField()
    servings = serializers.FloatField(help_text="Servings per person.")
    locked = serializers.BooleanField()
    is_leftover = serializers.BooleanField()
    recipe = EntryRecipeSerializer()


class DayTotalsSerializer(serializers.Serializer):
    energy_kcal = serializers.FloatField()
    fiber_g = serializers.FloatField()
    prebiotic_g = serializers.FloatField()
    live_culture_servings = serializers.FloatField()
    plants = serializers.IntegerField()


class PlanDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    totals = DayTotalsSerializer()
    met = serializers.DictField(child=serializers.BooleanField(), help_text="Which daily targets this day meets.")
    score = serializers.JSONField(allow_null=True, help_text="The day's gut score and breakdown.")
    entries = PlanEntrySerializer(many=True)


class WeekSerializer(serializers.Serializer):
    plants = serializers.IntegerField(help_text="Distinct plants across the plan.")
    plants_target = serializers.IntegerField()
    plant_species = serializers.ListField(child=serializers.CharField())
    fiber_g_per_day = serializers.FloatField()
    score = serializers.JSONField(allow_null=True, help_text="The week's gut score and breakdown.")


class PlanListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ("id", "start", "days", "slots", "status", "messages", "version", "created_at", "updated_at")
        read_only_fields = fields


class PlanDetailSerializer(serializers.ModelSerializer):
    days_detail = serializers.SerializerMethodField()
    week = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = (
            "id",
            "start",
            "days",
            "slots",
            "status",
            "messages",
            "targets",
            "profile_snapshot",
            "solver_status",
            "objective",
            "mip_gap",
            "solve_seconds",
            "version",
            "days_detail",
            "week",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def _days(self, plan):
        if not hasattr(plan, "_days_cache"):
            plan._days_cache = plan_days(plan, plan_entries(plan))
        return plan._days_cache

    @extend_schema_field(PlanDaySerializer(many=True))
    def get_days_detail(self, plan) -> list[dict]:
        days, _ = self._days(plan)
        return [
            {
                "date": day.date,
                "totals": {k: round(v, 2) for k, v in day.totals.items()},
                "met": day.met,
                "score": day.score,
                "entries": [PlanEntrySerializer(e).data for e in day.entries],
            }
            for day in days
        ]

    @extend_schema_field(WeekSerializer)
    def get_week(self, plan) -> dict:
        return self._days(plan)[1]


class PlanCreateSerializer(serializers.Serializer):
    start = serializers.DateField(help_text="First day of the plan.")
    days = serializers.IntegerField(min_value=1, max_value=services.MAX_PLAN_DAYS, default=7)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The plan version you last saw; a stale one is refused (optimistic locking)."
    )


class SwapSerializer(VersionSerializer):
    recipe_id = serializers.IntegerField(required=False, help_text="A recipe to put in; empty for the best other one.")


class LockSerializer(VersionSerializer):
    locked = serializers.BooleanField()


class RedoDaySerializer(VersionSerializer):
    date = serializers.DateField()


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


@extend_schema_view(
    list=extend_schema(summary="Your plans, newest first", responses={200: PlanListSerializer, **errors(401)}),
    retrieve=extend_schema(
        summary="A plan with its days, totals against targets and the week's summary",
        responses={200: PlanDetailSerializer, **errors(401, 404)},
    ),
    destroy=extend_schema(summary="Delete a plan", responses={204: None, **errors(401, 404)}),
)
class PlanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated]
    queryset = Plan.objects.none()  # the schema's model; requests see only their owner's plans

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Plan.objects.none()
        return Plan.objects.owned_by(self.request.user).order_by("-start", "-id")

    def get_serializer_class(self):
        return PlanListSerializer if self.action == "list" else PlanDetailSerializer

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action in ("create", "regenerate", "redo_day"):
            throttles.append(PlanGenerateThrottle())
        return throttles

    def _detail(self, plan: Plan, code=status.HTTP_200_OK) -> Response:
        plan.refresh_from_db()
        return Response(PlanDetailSerializer(plan).data, status=code)

    @extend_schema(
        summary="Generate a plan for your saved profile",
        description="Solves the week with the optimiser. Targets that cannot be met are relaxed and named in "
        "`messages`; a request no plan can satisfy (e.g. a slot with no recipe) is a 400 naming why.",
        request=PlanCreateSerializer,
        responses={201: PlanDetailSerializer, **errors(400, 401, 429)},
    )
    def create(self, request):
        data = PlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.generate_plan(owner=request.user, **data.validated_data)
        return self._detail(plan, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Swap one meal",
        request=SwapSerializer,
        responses={200: PlanDetailSerializer, **errors(400, 401, 404)},
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
        return self._detail(plan)

    @extend_schema(
        summary="Lock or unlock one meal",
        request=LockSerializer,
        responses={200: PlanDetailSerializer, **errors(400, 401, 404)},
    )
    @action(detail=True, methods=["post"], url_path=r"entries/(?P<entry_id>[0-9]+)/lock")
    def lock(self, request, pk=None, entry_id=None):
        plan = self.get_object()
        data = LockSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.set_entry_locked(
            plan=plan,
            entry_id=int(entry_id),
            locked=data.validated_data["locked"],
            expected_version=data.validated_data.get("version"),
        )
        return self._detail(plan)

    @extend_schema(
        summary="Plan one day again (locked meals stay)",
        request=RedoDaySerializer,
        responses={200: PlanDetailSerializer, **errors(400, 401, 404, 429)},
    )
    @action(detail=True, methods=["post"], url_path="redo-day")
    def redo_day(self, request, pk=None):
        plan = self.get_object()
        data = RedoDaySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.redo_day(
            plan=plan, day=data.validated_data["date"], expected_version=data.validated_data.get("version")
        )
        return self._detail(plan)

    @extend_schema(
        summary="Plan the whole period again (locked meals stay)",
        request=VersionSerializer,
        responses={200: PlanDetailSerializer, **errors(400, 401, 404, 429)},
    )
    @action(detail=True, methods=["post"])
    def regenerate(self, request, pk=None):
        plan = self.get_object()
        data = VersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.regenerate_plan(plan=plan, expected_version=data.validated_data.get("version"))
        return self._detail(plan)

    @extend_schema(
        methods=["GET"],
        summary="The plan's shopping list, grouped by food group",
        parameters=[
            OpenApiParameter("download", OpenApiTypes.STR, enum=["csv"], required=False, description="csv for a file")
        ],
        responses={200: ShoppingGroupSerializer(many=True), **errors(401, 404)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Tick an item off (or back on)",
        request=ShoppingTickSerializer,
        responses={200: ShoppingGroupSerializer(many=True), **errors(400, 401, 404)},
    )
    @action(detail=True, methods=["get", "post"], url_path="shopping-list")
    def shopping_list(self, request, pk=None):
        plan = self.get_object()
        if request.method == "POST":
            data = ShoppingTickSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            services.set_shopping_item(plan=plan, **data.validated_data)
            plan.refresh_from_db()
        if request.query_params.get("download") == "csv":
            response = HttpResponse(shopping_csv(shopping_list(plan)), content_type="text/csv; charset=utf-8")
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
