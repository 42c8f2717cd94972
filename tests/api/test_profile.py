"""GET/PUT /api/v1/me/profile/: the signed-in user's plan profile."""

import pytest

from mealplan.models import PlanProfile

from .conftest import assert_one_error_shape

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/profile/"


def test_first_get_creates_the_profile_with_defaults(owner_api, user):
    assert not PlanProfile.objects.filter(user=user).exists()
    response = owner_api.get(URL)
    assert response.status_code == 200
    profile = PlanProfile.objects.get(user=user)
    body = response.json()
    assert body["slots"] == ["breakfast", "lunch", "dinner"]
    assert sorted(body["slots"]) == sorted(profile.slots)
    assert body["diet"] == profile.diet == "omnivore"
    assert body["household_servings"] == profile.household_servings
    assert body["exclude_foods"] == []
    assert owner_api.get(URL).status_code == 200
    assert PlanProfile.objects.filter(user=user).count() == 1


def test_put_changes_the_profile(owner_api, user, pantry):
    payload = {
        "household_servings": 2,
        "energy_kcal": 2200,
        "age": 41,
        "sex": "female",
        "height_cm": 168,
        "weight_kg": 64.5,
        "activity": "moderate",
        "slots": ["dinner", "breakfast"],
        "diet": "vegetarian",
        "exclude_allergens": ["peanuts", "sesame"],
        "exclude_foods": [pantry["lentils"].pk],
        "low_fodmap": True,
        "max_minutes": {"breakfast": 10, "dinner": 45},
        "max_repeats": 3,
        "leftovers": True,
        "fiber_g_per_1000_kcal": 16,
        "live_culture_servings_per_day": 2,
        "plants_per_week": 35,
        "energy_tolerance": 0.15,
    }
    response = owner_api.put(URL, payload)
    assert response.status_code == 200, response.json()
    profile = PlanProfile.objects.get(user=user)
    assert profile.diet == "vegetarian"
    assert profile.exclude_allergens == ["peanuts", "sesame"]
    assert list(profile.exclude_foods.values_list("pk", flat=True)) == [pantry["lentils"].pk]
    assert profile.max_minutes == {"breakfast": 10, "dinner": 45}
    assert profile.energy_kcal == 2200
    assert sorted(profile.slots) == ["breakfast", "dinner"]
    assert response.json()["slots"] == ["breakfast", "dinner"]
    assert response.json()["exclude_foods"] == [pantry["lentils"].pk]
    assert response.json()["low_fodmap"] is True


def test_patch_changes_one_field(owner_api, user):
    owner_api.put(URL, {"diet": "vegan", "plants_per_week": 40})
    response = owner_api.patch(URL, {"plants_per_week": 25})
    assert response.status_code == 200
    profile = PlanProfile.objects.get(user=user)
    assert profile.plants_per_week == 25
    assert profile.diet == "vegan"


def test_each_user_sees_only_their_own_profile(owner_api, stranger_api, user, stranger):
    owner_api.put(URL, {"diet": "vegan"})
    assert stranger_api.get(URL).json()["diet"] == "omnivore"
    stranger_api.put(URL, {"diet": "pescatarian"})
    assert PlanProfile.objects.get(user=user).diet == "vegan"
    assert PlanProfile.objects.get(user=stranger).diet == "pescatarian"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"household_servings": 0}, "household_servings"),
        ({"energy_kcal": 100}, "energy_kcal"),
        ({"energy_kcal": 20000}, "energy_kcal"),
        ({"age": 3}, "age"),
        ({"height_cm": 20}, "height_cm"),
        ({"weight_kg": -1}, "weight_kg"),
        ({"sex": "other"}, "sex"),
        ({"activity": "couch"}, "activity"),
        ({"slots": []}, "slots"),
        ({"slots": ["elevenses"]}, "slots"),
        ({"diet": "keto"}, "diet"),
        ({"exclude_allergens": ["chocolate"]}, "exclude_allergens"),
        ({"exclude_foods": [99999999]}, "exclude_foods"),
        ({"max_minutes": {"brunch": 20}}, "max_minutes"),
        ({"max_minutes": {"dinner": 0}}, "max_minutes"),
        ({"max_minutes": {"dinner": "soon"}}, "max_minutes"),
        ({"max_minutes": ["dinner"]}, "max_minutes"),
        ({"max_repeats": 0}, "max_repeats"),
        ({"fiber_g_per_1000_kcal": -2}, "fiber_g_per_1000_kcal"),
        ({"live_culture_servings_per_day": 9}, "live_culture_servings_per_day"),
        ({"plants_per_week": 500}, "plants_per_week"),
        ({"energy_tolerance": 0}, "energy_tolerance"),
        ({"energy_tolerance": 0.9}, "energy_tolerance"),
    ],
)
def test_bad_profile_values_are_400_naming_the_field(owner_api, user, payload, field):
    owner_api.get(URL)
    before = PlanProfile.objects.get(user=user).updated_at
    response = owner_api.put(URL, payload)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert_one_error_shape(response.json())
    assert PlanProfile.objects.get(user=user).updated_at == before


def test_profile_needs_a_signed_in_user(anon_api):
    assert anon_api.get(URL).status_code == 401
    assert anon_api.put(URL, {"diet": "vegan"}).status_code == 401
    assert PlanProfile.objects.count() == 0
