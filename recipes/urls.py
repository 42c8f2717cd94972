"""Website: /recipes/ (browse, recipe pages, my recipes, import). Views in recipes/views.py."""

urlpatterns: list = []
