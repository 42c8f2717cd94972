"""Routes of /api/v1/. The plans endpoints register on the same router (planner issue)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from recipes.api.imports import RecipeImportView
from recipes.api.views import AnalyzeView, FoodViewSet, RecipeViewSet

from .auth import TokenView
from .plans import PlanViewSet
from .profile import ProfileView

router = SimpleRouter()
router.register("recipes", RecipeViewSet, basename="recipe")
router.register("foods", FoodViewSet, basename="food")
router.register("plans", PlanViewSet, basename="plan")

urlpatterns = [
    path("analyze/", AnalyzeView.as_view(), name="api-analyze"),
    path("recipes/import/", RecipeImportView.as_view(), name="api-recipe-import"),
    path("me/profile/", ProfileView.as_view(), name="api-profile"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("plans/<int:pk>/calendar.ics", PlanViewSet.as_view({"get": "calendar"}), name="plan-calendar-ics"),
    *router.urls,
]
