"""Website: /recipes/ (browse, recipe pages, my recipes, import). Views in recipes/views.py."""

from django.urls import path

from recipes import views

urlpatterns = [
    path("", views.recipe_list, name="recipe-list"),
    path("mine/", views.my_recipes, name="recipe-mine"),
    path("new/", views.recipe_create, name="recipe-new"),
    path("preview/", views.recipe_preview, name="recipe-preview"),
    path("import/", views.recipe_import, name="recipe-import"),
    path("<int:pk>/", views.recipe_detail, name="recipe-detail"),
    path("<int:pk>/edit/", views.recipe_edit, name="recipe-edit"),
    path("<int:pk>/delete/", views.recipe_delete, name="recipe-delete"),
]
