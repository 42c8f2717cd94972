"""The planning pages: profile form, weekly grid with swap/lock/redo (htmx and plain forms), shopping list,
calendar, delete; owner-only, login required, constant queries on the plan page."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from mealplan import services
from mealplan.models import Plan, PlanProfile
from recipes.models import Food, RecipeIngredient
from tests.mealplan.conftest import make_recipe

pytestmark = pytest.mark.django_db

START = date(2026, 11, 30)  # a Monday
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def catalogue(db):
    """48 public recipes, 16 per slot, enough to plan an optimal week (tests/mealplan/conftest.py)."""
    return [make_recipe(i, ("breakfast", "lunch", "dinner")[i % 3]) for i in range(48)]


@pytest.fixture
def plan(user, catalogue):
    return services.generate_plan(owner=user, start=START, days=7)


def form_data(**changes) -> dict:
    data = {
        "start": START.isoformat(),
        "days": "7",
        "household_servings": "2",
        "energy_kcal": "",
        "age": "",
        "sex": "",
        "height_cm": "",
        "weight_kg": "",
        "activity": "light",
        "slots": ["breakfast", "lunch", "dinner"],
        "diet": "omnivore",
        "max_minutes_breakfast": "",
        "max_minutes_lunch": "",
        "max_minutes_dinner": "",
        "max_minutes_snack": "",
        "max_repeats": "2",
        "fiber_g_per_1000_kcal": "14",
        "live_culture_servings_per_day": "1",
        "plants_per_week": "30",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def meal_titles(body: str) -> dict[int, str]:
    """{entry id: recipe title} from the grid."""
    found = re.findall(r'<article class="meal[^"]*" id="meal-(\d+)".*?<h3[^>]*><a href="[^"]+">([^<]+)</a>', body, re.S)
    return {int(pk): title for pk, title in found}


# --- login and ownership ---------------------------------------------------------------------


def plan_urls(plan: Plan) -> list[tuple[str, str]]:
    entry = plan.entries.first()
    return [
        ("get", reverse("plan-detail", args=[plan.pk])),
        ("get", reverse("plan-shopping", args=[plan.pk])),
        ("get", reverse("plan-shopping-csv", args=[plan.pk])),
        ("get", reverse("plan-calendar", args=[plan.pk])),
        ("get", reverse("plan-delete", args=[plan.pk])),
        ("post", reverse("plan-delete", args=[plan.pk])),
        ("post", reverse("plan-entry-swap", args=[plan.pk, entry.pk])),
        ("post", reverse("plan-entry-lock", args=[plan.pk, entry.pk])),
        ("post", reverse("plan-day-redo", args=[plan.pk, START.isoformat()])),
        ("post", reverse("plan-regenerate", args=[plan.pk])),
        ("post", reverse("plan-shopping", args=[plan.pk])),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, plan):
    for method, url in [("get", "/plans/"), ("get", "/plans/new/"), ("post", "/plans/new/"), *plan_urls(plan)]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next="), url
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_a_stranger_gets_404_for_everything_of_someone_elses_plan(stranger_client, plan):
    versions = (plan.version, list(plan.entries.values_list("id", "recipe_id", "locked")))
    for method, url in plan_urls(plan):
        data = {"locked": "1", "key": "food:1", "checked": "1"} if method == "post" else None
        assert getattr(stranger_client, method)(url, data).status_code == 404, url
    plan.refresh_from_db()
    assert (plan.version, list(plan.entries.values_list("id", "recipe_id", "locked"))) == versions
    assert plan.shopping_checked == []
    assert f"/plans/{plan.pk}/" not in stranger_client.get("/plans/").content.decode()


# --- history ---------------------------------------------------------------------------------


def test_history_lists_own_plans_newest_first(owner_client, user, stranger, catalogue):
    older = services.generate_plan(owner=user, start=START, days=2)
    newer = services.generate_plan(owner=user, start=START + timedelta(days=7), days=2)
    theirs = services.generate_plan(owner=stranger, start=START + timedelta(days=14), days=2)
    body = owner_client.get("/plans/").content.decode()
    links = re.findall(r'href="/plans/(\d+)/"', body)
    assert links == [str(newer.pk), str(older.pk)]
    assert f"/plans/{theirs.pk}/" not in body


def test_history_without_plans_invites_to_make_one(owner_client):
    body = owner_client.get("/plans/").content.decode()
    assert "No plans yet" in body
    assert reverse("plan-new") in body


# --- new plan --------------------------------------------------------------------------------


def test_new_plan_form_is_prefilled_from_the_saved_profile(owner_client, user):
    services.update_profile(user, household_servings=3, diet="vegan", slots=["lunch", "dinner"], plants_per_week=25)
    services.update_profile(user, exclude_allergens=["nuts"], max_minutes={"dinner": 40}, low_fodmap=True)
    body = owner_client.get("/plans/new/").content.decode()
    assert re.search(r'name="household_servings" value="3"', body)
    assert re.search(r'<option value="vegan" selected>', body)
    assert re.search(r'name="slots" value="lunch"[^>]*checked', body)
    assert not re.search(r'name="slots" value="breakfast"[^>]*checked', body)
    assert re.search(r'name="exclude_allergens" value="nuts"[^>]*checked', body)
    assert re.search(r'name="max_minutes_dinner" value="40"', body)
    assert re.search(r'name="low_fodmap"[^>]*checked', body)
    assert re.search(r'name="plants_per_week" value="25"', body)


def test_new_plan_saves_the_profile_makes_the_plan_and_redirects_to_it(owner_client, user, catalogue):
    data = form_data(household_servings="2", max_minutes_dinner="50", exclude_allergens=["nuts"])
    response = owner_client.post("/plans/new/", data)
    plan = Plan.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert plan.start == START and plan.days == 7
    assert plan.entries.count() == 21
    assert all("nuts" not in e.recipe.allergens for e in plan.entries.select_related("recipe"))
    profile = PlanProfile.objects.get(user=user)
    assert profile.household_servings == 2
    assert profile.max_minutes == {"dinner": 50}
    assert set(profile.exclude_allergens) == {"nuts"}
    assert plan.profile_snapshot["household_servings"] == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"household_servings": "0"}, "household_servings"),
        ({"household_servings": "many"}, "household_servings"),
        ({"energy_kcal": "100"}, "energy_kcal"),
        ({"slots": []}, "slots"),
        ({"days": "40"}, "days"),
        ({"start": "someday"}, "start"),
        ({"plants_per_week": "500"}, "plants_per_week"),
    ],
)
def test_invalid_input_shows_the_error_on_its_field_and_keeps_what_was_typed(
    owner_client, user, catalogue, changes, field
):
    data = form_data(**({"household_servings": "3", "diet": "vegetarian"} | changes))
    response = owner_client.post("/plans/new/", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert not Plan.objects.exists()
    # The error is tied to its own field (and only that one), and every other value is still there.
    assert re.findall(r'<ul class="errorlist" id="id_(\w+)_error">', body) == [field]
    assert re.search(rf'<(?:input|ul)[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*id_{field}_error', body) or (
        field == "slots" and 'id="id_slots_error"' in body
    )
    if field != "household_servings":
        assert 'name="household_servings" value="3"' in body
    assert '<option value="vegetarian" selected>' in body
    for name, value in changes.items():
        if isinstance(value, str) and value and name != "days":
            assert f'value="{value}"' in body


def test_bad_minutes_are_shown_on_the_minutes_fieldset(owner_client, catalogue):
    response = owner_client.post("/plans/new/", form_data(max_minutes_lunch="5000"))
    body = response.content.decode()
    assert response.status_code == 400
    assert re.search(r'<fieldset class="minutes has-error">.*?class="errorlist".*?from 1 to 1440', body, re.S)
    assert 'name="max_minutes_lunch" value="5000"' in body


def test_a_plan_that_cannot_be_made_explains_why_and_keeps_the_old_profile(owner_client, user, catalogue):
    services.update_profile(user, household_servings=4)
    response = owner_client.post("/plans/new/", form_data(slots=["breakfast", "snack"], household_servings="2"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "snack" in body.split('class="form-errors"')[1].split("</div>")[0]
    assert not Plan.objects.exists()
    # Nothing is half-saved: the profile stays as it was, and the form still shows what was typed.
    assert PlanProfile.objects.get(user=user).household_servings == 4
    assert re.search(r'name="slots" value="snack"[^>]*checked', body)
    assert 'name="household_servings" value="2"' in body


def test_a_relaxed_plan_is_made_and_its_messages_are_shown(owner_client, user, catalogue):
    response = owner_client.post("/plans/new/", form_data(plants_per_week="80"), follow=True)
    plan = Plan.objects.get(owner=user)
    body = response.content.decode()
    assert plan.status == Plan.Status.RELAXED and plan.messages
    assert "Targets this plan could not meet" in body
    for message in plan.messages:
        assert message.replace("'", "&#x27;") in body or message in body


# --- the grid --------------------------------------------------------------------------------


def test_plan_page_shows_days_by_slots_with_bars_and_the_week(owner_client, plan):
    response = owner_client.get(plan.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="day-col"') == 7
    assert body.count('<article class="meal') == 21
    for day in range(7):
        column = body.split(f'id="day-{START + timedelta(days=day)}"')[1].split('class="day-col"')[0]
        assert re.findall(r'data-slot="(\w+)"', column) == ["breakfast", "lunch", "dinner"]
        assert column.count('class="day-bar ') == 5
        assert "Redo this day" in column
    titles = meal_titles(body)
    for entry in plan.entries.select_related("recipe"):
        assert titles[entry.pk] == entry.recipe.title
        assert f'href="/recipes/{entry.recipe_id}/"' in body
    plants = len({s for e in plan.entries.select_related("recipe") for s in e.recipe.plant_species})
    assert f'data-plants="{plants}"' in body
    assert "of 30" in body
    assert "Regenerate the plan" in body
    assert body.count('<svg class="tbar"') == 7 * 5 + 1


def test_day_bars_say_which_targets_a_day_misses(owner_client, plan):
    # A day whose dinner is replaced by a tiny low-fibre meal falls short of energy and fibre.
    tiny = make_recipe(70, "dinner", energy_kcal=150, fiber_g=0.5, live_culture_servings=0.0)
    entry = plan.entries.get(date=START, slot="dinner")
    entry.recipe = tiny
    entry.save()
    body = owner_client.get(plan.get_absolute_url()).content.decode()
    column = body.split(f'id="day-{START}"')[1].split('class="day-col"')[0]
    assert 'class="day-bar status-short"' in column
    assert "short" in column
    other = body.split(f'id="day-{START + timedelta(days=1)}"')[1].split('class="day-col"')[0]
    assert "status-short" not in other


def test_plan_page_query_count_does_not_grow_with_days(owner_client, user, catalogue):
    short = services.generate_plan(owner=user, start=START, days=2)
    long = services.generate_plan(owner=user, start=START, days=14)
    owner_client.get(short.get_absolute_url())  # warm the session and caches
    counts = []
    for plan in (short, long):
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get(plan.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 6


def test_swap_with_htmx_returns_the_grid_partial_with_another_recipe(owner_client, plan):
    entry = plan.entries.get(date=START + timedelta(days=2), slot="lunch")
    others = dict(plan.entries.exclude(pk=entry.pk).values_list("id", "recipe_id"))
    url = reverse("plan-entry-swap", args=[plan.pk, entry.pk])
    response = owner_client.post(url, {"version": plan.version}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="plan-body"')
    assert "<html" not in body and "site-header" not in body
    entry.refresh_from_db()
    assert meal_titles(body)[entry.pk] == entry.recipe.title
    assert entry.recipe_id != others.get(entry.pk, -1)
    assert dict(plan.entries.exclude(pk=entry.pk).values_list("id", "recipe_id")) == others
    plan.refresh_from_db()
    assert f'name="version" value="{plan.version}"' in body
    assert "HX-Request" in response["Vary"]


def test_swap_changes_the_recipe(owner_client, plan):
    entry = plan.entries.get(date=START, slot="dinner")
    before = entry.recipe_id
    response = owner_client.post(reverse("plan-entry-swap", args=[plan.pk, entry.pk]), {"version": plan.version})
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    entry.refresh_from_db()
    assert entry.recipe_id != before
    page = owner_client.get(response["Location"]).content.decode()
    assert entry.recipe.title in page  # the success message and the grid


def test_lock_toggles_and_a_locked_meal_cannot_be_swapped(owner_client, plan):
    entry = plan.entries.get(date=START, slot="breakfast")
    url = reverse("plan-entry-lock", args=[plan.pk, entry.pk])
    body = owner_client.post(url, {"locked": "1"}, **HTMX).content.decode()
    entry.refresh_from_db()
    assert entry.locked
    assert re.search(rf'id="lock-{entry.pk}"[^>]*aria-pressed="true"', body)
    assert re.search(rf'id="swap-{entry.pk}"[^>]*disabled', body)

    swap = owner_client.post(reverse("plan-entry-swap", args=[plan.pk, entry.pk]), **HTMX)
    assert "locked" in swap.content.decode().split('role="alert"')[1].split("</div>")[0]
    entry.refresh_from_db()
    assert entry.locked

    body = owner_client.post(url, {"locked": "0"}).status_code
    entry.refresh_from_db()
    assert body == 302 and not entry.locked


def test_a_stale_version_is_refused_with_a_message_and_a_fresh_grid(owner_client, plan):
    entry = plan.entries.get(date=START, slot="lunch")
    before = entry.recipe_id
    services.set_entry_locked(plan=plan, entry_id=plan.entries.get(date=START, slot="dinner").pk, locked=True)
    response = owner_client.post(
        reverse("plan-entry-swap", args=[plan.pk, entry.pk]), {"version": plan.version}, **HTMX
    )
    body = response.content.decode()
    assert "changed since you loaded it" in body
    entry.refresh_from_db()
    assert entry.recipe_id == before
    plan.refresh_from_db()
    assert f'name="version" value="{plan.version}"' in body


def test_redo_day_changes_that_day_only_and_keeps_locked_meals(owner_client, plan):
    day = START + timedelta(days=3)
    kept = plan.entries.get(date=day, slot="breakfast")
    services.set_entry_locked(plan=plan, entry_id=kept.pk, locked=True)
    plan.refresh_from_db()
    others = sorted(plan.entries.exclude(date=day).values_list("id", "recipe_id"))
    response = owner_client.post(
        reverse("plan-day-redo", args=[plan.pk, day.isoformat()]), {"version": plan.version}, **HTMX
    )
    assert response.status_code == 200
    assert sorted(plan.entries.exclude(date=day).values_list("id", "recipe_id")) == others
    assert plan.entries.filter(date=day).count() == 3
    assert plan.entries.get(date=day, slot="breakfast").recipe_id == kept.recipe_id
    assert meal_titles(response.content.decode()) == {
        e.pk: e.recipe.title for e in plan.entries.select_related("recipe")
    }


def test_redo_a_day_outside_the_plan_is_an_error_not_a_crash(owner_client, plan):
    response = owner_client.post(reverse("plan-day-redo", args=[plan.pk, "2030-01-01"]), follow=True)
    assert response.status_code == 200
    assert "is not in this plan" in response.content.decode()
    response = owner_client.post(reverse("plan-day-redo", args=[plan.pk, "not-a-date"]), **HTMX)
    assert "is not a date" in response.content.decode()


def test_regenerate_keeps_locked_meals(owner_client, plan):
    kept = plan.entries.get(date=START + timedelta(days=5), slot="dinner")
    services.set_entry_locked(plan=plan, entry_id=kept.pk, locked=True)
    response = owner_client.post(reverse("plan-regenerate", args=[plan.pk]))
    assert response.status_code == 302
    assert plan.entries.count() == 21
    assert plan.entries.get(pk=kept.pk).recipe_id == kept.recipe_id


def test_delete_asks_first_then_deletes(owner_client, plan):
    page = owner_client.get(reverse("plan-delete", args=[plan.pk]))
    assert "cannot be undone" in page.content.decode()
    assert Plan.objects.filter(pk=plan.pk).exists()
    response = owner_client.post(reverse("plan-delete", args=[plan.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("plan-list")
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_plan_actions_only_accept_post(owner_client, plan):
    entry = plan.entries.first()
    for url in (
        reverse("plan-entry-swap", args=[plan.pk, entry.pk]),
        reverse("plan-entry-lock", args=[plan.pk, entry.pk]),
        reverse("plan-regenerate", args=[plan.pk]),
    ):
        assert owner_client.get(url).status_code == 405


# --- shopping list and calendar --------------------------------------------------------------


@pytest.fixture
def shopping_plan(user, catalogue):
    """A two-day plan whose recipes have two measured ingredient lines each."""
    oats = Food.objects.create(name="test oats", food_group="grains")
    kefir = Food.objects.create(name="test kefir", food_group="dairy and eggs")
    for recipe in catalogue:
        RecipeIngredient.objects.create(
            recipe=recipe, position=0, raw_text="80 g oats", food=oats, grams=80, status="matched"
        )
        RecipeIngredient.objects.create(
            recipe=recipe, position=1, raw_text="100 g kefir", food=kefir, grams=100, status="matched"
        )
    return services.generate_plan(owner=user, start=START, days=2)


def test_shopping_list_groups_items_in_kitchen_units(owner_client, shopping_plan):
    body = owner_client.get(reverse("plan-shopping", args=[shopping_plan.pk])).content.decode()
    assert "Grains" in body and "Dairy and eggs" in body
    assert body.index("Grains") < body.index("Dairy and eggs")  # the food-group order
    # Every meal needs 80 g oats for 2 servings; 6 meals at their servings, household of 1.
    household = shopping_plan.profile_snapshot["household_servings"]
    grams = sum(80 * e.servings * household / e.recipe.servings for e in shopping_plan.entries.select_related("recipe"))
    item = body.split("test oats")[1].split("</li>")[0]
    assert re.search(r'class="item-amount">([\d.,]+ k?g)<', item)
    amount = re.search(r'class="item-amount">([\d.,]+) (k?g)<', item)
    value = float(amount.group(1).replace(",", "")) * (1000 if amount.group(2) == "kg" else 1)
    assert value == pytest.approx(grams, rel=0.06)
    assert "0 of 2 ticked off" in re.sub(r"<[^>]+>", "", body)


def test_ticking_an_item_persists_and_htmx_gets_the_list_partial(owner_client, shopping_plan):
    url = reverse("plan-shopping", args=[shopping_plan.pk])
    key = f"food:{Food.objects.get(name='test oats').pk}"
    response = owner_client.post(url, {"key": key, "checked": "1"}, **HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="shopping"')
    assert re.search(r'class="shop-item is-checked">\s*<form[^>]*>.*?test oats', body, re.S)
    shopping_plan.refresh_from_db()
    assert shopping_plan.shopping_checked == [key]
    assert "1 of 2 ticked off" in re.sub(r"<[^>]+>", "", body)

    response = owner_client.post(url, {"key": key, "checked": "0"})
    assert response.status_code == 302
    shopping_plan.refresh_from_db()
    assert shopping_plan.shopping_checked == []


def test_shopping_csv_has_a_row_per_item_with_ticks(owner_client, shopping_plan):
    key = f"food:{Food.objects.get(name='test kefir').pk}"
    services.set_shopping_item(plan=shopping_plan, key=key, checked=True)
    response = owner_client.get(reverse("plan-shopping-csv", args=[shopping_plan.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["item"]: row["checked"] for row in rows} == {"test oats": "0", "test kefir": "1"}
    assert {row["item"]: row["group"] for row in rows} == {"test oats": "grains", "test kefir": "dairy and eggs"}


def test_empty_shopping_list_says_so(owner_client, plan):
    body = owner_client.get(reverse("plan-shopping", args=[plan.pk])).content.decode()
    assert "no ingredients to buy" in body


def test_calendar_has_one_event_per_meal(owner_client, plan):
    response = owner_client.get(reverse("plan-calendar", args=[plan.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == plan.entries.count() == 21
    summaries = sorted(str(e["summary"]) for e in events)
    expected = sorted(f"{e.slot.capitalize()}: {e.recipe.title}" for e in plan.entries.select_related("recipe"))
    assert [s.removesuffix(" (leftovers)") for s in summaries] == expected


@pytest.mark.parametrize("field", ["live_culture_servings_per_day", "plants_per_week"])
def test_a_zero_target_still_shows_the_plan(owner_client, user, catalogue, field):
    """0 means "no target": the plan page shows it rather than failing on a zero target."""
    response = owner_client.post("/plans/new/", form_data(**{field: "0"}))
    assert response.status_code == 302
    assert owner_client.get(response["Location"]).status_code == 200
