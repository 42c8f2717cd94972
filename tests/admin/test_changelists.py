"""Every changelist answers 200 with the same number of queries for 1 and 50 rows; only staff get in."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mealplan.models import Plan, PlanEntry, PlanProfile
from recipes.models import Food, FoodPortion

from .conftest import small_food, stored_recipes

pytestmark = pytest.mark.django_db


def make_recipes(count, staff, start=0):
    # Half catalogue, half owned, so the owner column is exercised both ways.
    stored_recipes(count - count // 2, prefix=f"Admintest cat {start}")
    stored_recipes(count // 2, prefix=f"Admintest own {start}", owner=staff)
    return "?q=Admintest"


def make_foods(count, staff, start=0):
    for i in range(start, start + count):
        small_food(f"zzadmintest food {i:03d}", allergens=["gluten"] if i % 2 else [])
    return "?q=zzadmintest"


def make_portions(count, staff, start=0):
    food = small_food(f"zzadmintest portioned food {start}")
    FoodPortion.objects.bulk_create(FoodPortion(food=food, seq=i, unit=f"cup {i}", grams=10 + i) for i in range(count))
    return "?q=zzadmintest"


def _users(count, prefix, start):
    User = get_user_model()
    return User.objects.bulk_create(User(username=f"{prefix}{i:03d}") for i in range(start, start + count))


def make_plans(count, staff, start=0):
    recipe = stored_recipes(1, prefix=f"Planned {start}")[0]
    monday = datetime.date(2026, 1, 5)
    for i, owner in enumerate(_users(count, "planner", start)):
        plan = Plan.objects.create(owner=owner, start=monday + datetime.timedelta(days=i), days=2, slots=["dinner"])
        PlanEntry.objects.bulk_create(
            PlanEntry(plan=plan, date=plan.start + datetime.timedelta(days=d), slot="dinner", recipe=recipe)
            for d in range(2)
        )
    return ""


def make_profiles(count, staff, start=0):
    users = _users(count, "profiled", start)
    PlanProfile.objects.bulk_create(PlanProfile(user=user, slots=["dinner"]) for user in users)
    return ""


CHANGELISTS = {
    "recipes_recipe": make_recipes,
    "recipes_food": make_foods,
    "recipes_foodportion": make_portions,
    "mealplan_plan": make_plans,
    "mealplan_planprofile": make_profiles,
}


def changelist_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.mark.parametrize("model", CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(staff, client, model):
    client.force_login(staff)
    url = reverse(f"admin:{model}_changelist")
    query = CHANGELISTS[model](1, staff)
    one, page = changelist_queries(client, url + query)
    assert "1 " in page  # the result count ("1 recipe", "1 plan", ...)
    CHANGELISTS[model](49, staff, start=1)
    fifty, page = changelist_queries(client, url + query)
    assert "50 " in page
    print(f"{model}: {one} queries for 1 row, {fifty} for 50")
    assert fifty == one, f"{model}: {one} queries for 1 row, {fifty} for 50"


def test_recipe_changelist_shows_the_columns(staff_client, staff):
    stored_recipes(1, prefix="Columns", owner=staff)
    page = staff_client.get(reverse("admin:recipes_recipe_changelist")).content.decode()
    for header in (
        "kcal",
        "fiber",
        "prebiotics",
        "live cultures",
        "plants",
        "score",
        "owner",
        "Is public",
        "Updated at",
    ):
        assert header.lower() in page.lower(), header
    assert "Columns 000" in page
    assert ">staff<" in page


@pytest.mark.parametrize("name", ["recipes_recipe", "recipes_food", "recipes_foodportion"])
def test_add_pages_open(staff_client, name):
    assert staff_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_change_pages_open(staff_client, staff):
    recipe = stored_recipes(1)[0]
    food = Food.objects.get(name="rolled oats")
    portion = FoodPortion.objects.filter(food=food).first()
    make_plans(1, staff)
    make_profiles(1, staff)
    urls = [
        reverse("admin:recipes_recipe_change", args=[recipe.pk]),
        reverse("admin:recipes_food_change", args=[food.pk]),
        reverse("admin:recipes_foodportion_change", args=[portion.pk]),
        reverse("admin:mealplan_plan_change", args=[Plan.objects.get().pk]),
        reverse("admin:mealplan_planprofile_change", args=[PlanProfile.objects.get().pk]),
    ]
    for url in urls:
        assert staff_client.get(url).status_code == 200, url


def test_admin_home_links_to_the_site_and_the_api_docs(staff_client):
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert 'href="/api/docs/"' in page
    assert 'href="/"' in page
    assert "mealplan administration" in page


@pytest.mark.parametrize("path", ["admin:index", "admin:recipes_recipe_changelist", "admin:recipes_food_changelist"])
def test_a_non_staff_user_is_sent_to_the_admin_login(client, user, path):
    client.force_login(user)
    response = client.get(reverse(path))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:recipes_recipe_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
