"""What a restore must bring back for one user, as plain JSON (run in-process and in the restored database)."""

import json
import sys


def user_snapshot(username: str) -> dict:
    from django.contrib.auth import get_user_model

    from mealplan.models import Plan, PlanProfile
    from recipes.models import Recipe

    user = get_user_model().objects.get(username=username)
    profile = PlanProfile.objects.filter(user=user).first()
    recipes = []
    for recipe in Recipe.objects.filter(owner=user).order_by("title").prefetch_related("ingredients__food"):
        recipes.append(
            {
                "title": recipe.title,
                "is_public": recipe.is_public,
                "servings": recipe.servings,
                "gut_score": recipe.gut_score,
                "fiber_g": round(recipe.fiber_g, 6),
                "plant_species": sorted(recipe.plant_species),
                "lines": [(i.raw_text, i.grams, i.food.name if i.food else None) for i in recipe.ingredients.all()],
            }
        )
    plans = []
    for plan in Plan.objects.filter(owner=user).order_by("start", "id"):
        plans.append(
            {
                "start": plan.start.isoformat(),
                "days": plan.days,
                "version": plan.version,
                "targets": plan.targets,
                "shopping_checked": plan.shopping_checked,
                "entries": [
                    (e.date.isoformat(), e.slot, e.recipe.title, e.recipe.owner_id is not None, e.servings, e.locked)
                    for e in plan.entries.select_related("recipe").order_by("date", "slot")
                ],
            }
        )
    return {
        "username": user.username,
        "email": user.email,
        "password_hash": user.password,
        "profile": profile
        and {
            "diet": profile.diet,
            "plants_per_week": profile.plants_per_week,
            "max_minutes": profile.max_minutes,
            "exclude_foods": sorted(profile.exclude_foods.values_list("name", flat=True)),
        },
        "recipes": recipes,
        "plans": plans,
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(user_snapshot(sys.argv[1])))
