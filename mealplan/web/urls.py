"""Website: /plans/ (list, new, plan grid, shopping list, calendar). Views in mealplan/web/."""

urlpatterns: list = []
