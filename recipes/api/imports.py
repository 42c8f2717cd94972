"""POST /api/v1/recipes/import/: one recipe from pasted page HTML or schema.org JSON-LD, through the importer."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from mealplan.api.schema import errors
from mealplan.api.throttles import ScopedDefaultRateThrottle
from recipes.importers import import_recipe_text

MAX_TEXT = 2_000_000


class ImportRateThrottle(ScopedDefaultRateThrottle):
    scope = "import"
    default_rate = "20/min"


class RecipeImportSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_TEXT,
        trim_whitespace=False,
        help_text="The recipe page's HTML source, or its schema.org Recipe JSON-LD (an object, a list or an @graph).",
    )
    url = serializers.URLField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="The page's address. A second import with the same address updates that recipe.",
    )


class RecipeImportResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    created = serializers.BooleanField(help_text="False when a recipe of yours with this source URL was updated.")
    changed = serializers.BooleanField(help_text="False when the stored recipe already matched the import.")
    source_url = serializers.CharField(help_text="Blank when neither the page nor the request gave one.")
    gut_score = serializers.IntegerField()
    unmatched = serializers.ListField(
        child=serializers.CharField(), help_text="Ingredient lines no food matched; they add no nutrition."
    )


class RecipeImportView(APIView):
    """Import one recipe as the signed-in user's own (private) recipe."""

    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, ImportRateThrottle]
    parser_classes = [JSONParser]

    @extend_schema(
        summary="Import a recipe from page HTML or JSON-LD",
        description=(
            "Reads the recipe with recipe-scrapers (HTML) or our schema.org reader (JSON-LD), then matches, weighs "
            "and scores its lines. 201 for a new recipe; 200 when your recipe with the same source URL was updated "
            "(or already matched). Nothing is fetched from the web: send the page's source."
        ),
        request=RecipeImportSerializer,
        responses={
            201: OpenApiResponse(RecipeImportResultSerializer, description="A new recipe."),
            200: OpenApiResponse(
                RecipeImportResultSerializer,
                description="Your recipe with the same source URL, updated (changed: false when it already matched).",
            ),
            **errors(400, 401, 403, 429),
        },
        examples=[
            OpenApiExample(
                "JSON-LD",
                value={
                    "text": '{"@context": "https://schema.org", "@type": "Recipe", "name": "Kefir oats", '
                    '"recipeYield": "Serves 2", "recipeIngredient": ["1 cup rolled oats", "1 cup kefir"]}',
                    "url": "https://example.com/kefir-oats",
                },
                request_only=True,
            ),
        ],
        tags=["recipes"],
    )
    def post(self, request):
        serializer = RecipeImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            result = import_recipe_text(owner=request.user, text=data["text"], url=data.get("url", ""))
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"text": exc.messages}) from exc
        body = {
            "id": result.recipe.pk,
            "title": result.recipe.title,
            "created": result.created,
            "changed": result.changed,
            "source_url": result.recipe.source_url,
            "gut_score": result.recipe.gut_score,
            "unmatched": result.unmatched_lines,
        }
        return Response(body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)
