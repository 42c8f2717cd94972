"""Recipe, food and analysis endpoints. Reads are QuerySet methods, writes are recipes.services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from mealplan.api.schema import errors
from mealplan.api.throttles import AnalyzeRateThrottle
from recipes import listcache, services
from recipes.engine.scoring import band_for
from recipes.models import Food, FoodPortion, Recipe, RecipeIngredient

from .filters import FoodFilter, RecipeFilter
from .permissions import OwnerOrStaffCanWrite
from .serializers import (
    AnalysisSerializer,
    AnalyzeRequestSerializer,
    FoodSerializer,
    RecipeDetailSerializer,
    RecipeListSerializer,
    RecipeWriteSerializer,
)
from .shapes import PER_SERVING_FIELDS, analysis_line

# Only what the list serializer reads: one query for a page, whatever its size.
LIST_COLUMNS = (
    "id",
    "owner_id",
    "title",
    "servings",
    "total_minutes",
    "meal_types",
    "tags",
    "is_public",
    "image_url",
    "gut_score",
    "diets",
    "allergens",
    "fodmap_level",
    *PER_SERVING_FIELDS,
)

RECIPE_EXAMPLE = OpenApiExample(
    "Overnight oats",
    value={
        "title": "Overnight oats",
        "servings": 2,
        "meal_types": ["breakfast"],
        "ingredients": ["1 cup rolled oats", "1 cup plain kefir", "2 tbsp chia seeds", "1 banana, sliced"],
        "instructions": "Stir everything together and leave in the fridge overnight.",
        "is_public": False,
    },
    request_only=True,
)


@extend_schema_view(
    list=extend_schema(
        summary="List recipes",
        description="Public recipes and your own (staff: all), filterable by nutrition, diet and allergens.",
        responses={200: RecipeListSerializer(many=True), **errors(400, 401, 404, 429)},
    ),
    retrieve=extend_schema(
        summary="A recipe with its ingredient lines",
        responses={200: RecipeDetailSerializer, **errors(401, 404, 429)},
    ),
    create=extend_schema(
        summary="Create a recipe",
        description="Ingredients go in as lines as written; they are parsed, matched and weighed on save.",
        request=RecipeWriteSerializer,
        responses={201: RecipeDetailSerializer, **errors(400, 401, 403, 429)},
        examples=[RECIPE_EXAMPLE],
    ),
    update=extend_schema(
        summary="Replace a recipe you own",
        request=RecipeWriteSerializer,
        responses={200: RecipeDetailSerializer, **errors(400, 401, 403, 404, 429)},
        examples=[RECIPE_EXAMPLE],
    ),
    partial_update=extend_schema(
        summary="Change some fields of a recipe you own",
        description="Send `ingredients` to replace all lines; leave it out to keep them.",
        request=RecipeWriteSerializer(partial=True),
        responses={200: RecipeDetailSerializer, **errors(400, 401, 403, 404, 429)},
    ),
    destroy=extend_schema(
        summary="Delete a recipe you own",
        responses={
            204: OpenApiResponse(description="Deleted."),
            **errors(401, 403, 404, 409, 429),
        },
    ),
)
class RecipeViewSet(viewsets.ModelViewSet):
    # IsAuthenticatedOrReadOnly by name, so the schema shows reads as open to anonymous clients.
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, OwnerOrStaffCanWrite]
    parser_classes = [JSONParser]
    filterset_class = RecipeFilter
    queryset = Recipe.objects.none()  # for the schema; get_queryset scopes to the user

    def get_queryset(self):
        recipes = Recipe.objects.visible_to(self.request.user)
        if self.action == "list":
            return recipes.only(*LIST_COLUMNS)
        lines = RecipeIngredient.objects.select_related("food").only(
            *(f.name for f in RecipeIngredient._meta.concrete_fields if f.name != "food"), "food__id", "food__name"
        )
        return recipes.prefetch_related(Prefetch("ingredients", queryset=lines))

    def get_serializer_class(self):
        if self.action == "list":
            return RecipeListSerializer
        if self.action in ("create", "update", "partial_update"):
            return RecipeWriteSerializer
        return RecipeDetailSerializer

    def list(self, request, *args, **kwargs):
        key = listcache.key_for(request)
        cached = listcache.get(key)
        if cached is not None:
            return Response(cached)
        response = super().list(request, *args, **kwargs)
        if response.status_code == status.HTTP_200_OK:
            listcache.put(key, response.data)
        return response

    def _detail(self, recipe: Recipe) -> dict:
        fresh = self.get_queryset().get(pk=recipe.pk)
        return RecipeDetailSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request, *args, **kwargs):
        serializer = RecipeWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recipe = services.create_recipe(owner=request.user, **serializer.validated_data)
        return Response(self._detail(recipe), status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        recipe = self.get_object()
        serializer = RecipeWriteSerializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        recipe = services.update_recipe(recipe, **serializer.validated_data)
        return Response(self._detail(recipe))

    def destroy(self, request, *args, **kwargs):
        recipe = self.get_object()
        try:
            services.delete_recipe(recipe)
        except services.RecipeInUse as exc:
            return Response({"detail": str(exc), "errors": {}}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(
        summary="List foods",
        description="The food composition table, values per 100 g. Search with `q` (name and aliases).",
        responses={200: FoodSerializer(many=True), **errors(400, 401, 404, 429)},
    ),
    retrieve=extend_schema(
        summary="A food with its portions", responses={200: FoodSerializer, **errors(401, 404, 429)}
    ),
)
class FoodViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]
    serializer_class = FoodSerializer
    filterset_class = FoodFilter
    queryset = Food.objects.prefetch_related(
        Prefetch("portions", queryset=FoodPortion.objects.order_by("food_id", "seq", "id"))
    ).order_by("name", "id")


class AnalyzeView(APIView):
    """Analyse ingredient lines without saving anything."""

    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, AnalyzeRateThrottle]
    parser_classes = [JSONParser]

    @extend_schema(
        summary="Analyse ingredient lines",
        description=(
            "Parses, matches and weighs the lines and returns per-serving nutrition, the gut score with its "
            "breakdown and the lines that were not counted. Nothing is saved."
        ),
        request=AnalyzeRequestSerializer,
        responses={200: AnalysisSerializer, **errors(400, 401, 403, 429)},
        examples=[
            OpenApiExample(
                "Lines and servings",
                value={"ingredients": ["200 g cooked lentils", "1 cup spinach", "1 tbsp olive oil"], "servings": 2},
                request_only=True,
            ),
            OpenApiExample(
                "A pasted block and yields",
                value={"text": "1 cup rolled oats\n1 cup kefir\n1 apple", "yields": "Serves 2"},
                request_only=True,
            ),
        ],
        tags=["analyze"],
    )
    def post(self, request):
        serializer = AnalyzeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        field = "ingredients" if "ingredients" in data else "text"
        try:
            lines = services.clean_lines(data[field])
        except DjangoValidationError as exc:
            raise ValidationError({field: exc.message_dict.get("ingredients", exc.messages)}) from exc
        servings = services.resolve_servings(data.get("servings"), data.get("yields", ""))
        analysis = services.analyse(lines, servings=servings, instructions=data.get("instructions", ""))
        document = services.analysis_document(analysis)
        document["gut_score_band"] = band_for(document["gut_score"])
        document["lines"] = [analysis_line(position, line) for position, line in enumerate(document["lines"])]
        # Through the serializer, so the answer has exactly the documented fields.
        return Response(AnalysisSerializer(document).data)
