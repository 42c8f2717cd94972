from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import views

admin.site.site_header = "mealplan administration"
admin.site.site_title = "mealplan admin"
admin.site.index_title = "Recipes, foods and plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}mealplan/favicon.svg", permanent=True)),
    path("about/score/", views.about_score, name="about-score"),
    path("admin/", admin.site.urls),
    path("api/", include("mealplan.api.urls")),
    path("recipes/", include("recipes.urls")),
    path("plans/", include("mealplan.web.urls")),
    path("accounts/", include("mealplan.accounts")),
]
