import csv
import io
from datetime import date

import pytest

from mealplan.models import Plan

START = "2026-11-30"


@pytest.fixture
def plan_id(owner_api, catalogue):
    response = owner_api.post("/api/v1/plans/", {"start": START, "days": 7}, format="json")
    assert response.status_code == 201, response.content
    return response.json()["id"]


def test_generate_returns_the_plan_document(owner_api, plan_id):
    body = owner_api.get(f"/api/v1/plans/{plan_id}/").json()
    assert body["status"] == "optimal"
    assert set(body) >= {"id", "start", "days", "status", "messages", "targets", "entries", "summary"}
    assert set(body["targets"]) >= {"energy_kcal", "fiber_g", "live_culture_servings", "plants_per_week"}
    assert len(body["entries"]) == 21
    assert [e["slot"] for e in body["entries"][:3]] == ["breakfast", "lunch", "dinner"]
    recipe = body["entries"][0]["recipe"]
    assert set(recipe) >= {"id", "title", "diets", "allergens", "energy_kcal", "fiber_g", "prebiotic_g"}
    assert set(recipe) >= {"live_culture_servings", "plants", "gut_score"}
    day = body["summary"]["days"][0]
    assert set(day) >= {"date", "energy_kcal", "protein_g", "fiber_g", "prebiotic_g", "live_culture_servings"}
    assert set(day) >= {"plants", "score"}
    assert day["met"] == {"energy_kcal": True, "fiber_g": True, "live_culture_servings": True}
    first_day = [e for e in body["entries"] if e["date"] == day["date"]]
    assert day["fiber_g"] == pytest.approx(sum(e["recipe"]["fiber_g"] * e["servings"] for e in first_day), abs=0.2)
    assert body["summary"]["plants_per_week"] >= 30
    assert body["targets"]["fiber_g"] == 28.0


def test_profile_fields_in_the_request_override_the_profile_for_this_plan_only(owner_api, catalogue, user):
    response = owner_api.post(
        "/api/v1/plans/", {"start": START, "days": 3, "diet": "vegan", "slots": ["lunch", "dinner"]}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["entries"]) == 6
    assert all("vegan" in e["recipe"]["diets"] for e in body["entries"])
    assert owner_api.get("/api/v1/me/profile/").json()["diet"] == "omnivore"


def test_list_is_owner_scoped_with_constant_queries(owner_api, stranger_api, plan_id, django_assert_max_num_queries):
    assert [p["id"] for p in owner_api.get("/api/v1/plans/").json()["results"]] == [plan_id]
    assert stranger_api.get("/api/v1/plans/").json()["results"] == []
    for path in ("", "shopping-list/", "calendar.ics"):
        assert stranger_api.get(f"/api/v1/plans/{plan_id}/{path}").status_code == 404
    assert stranger_api.delete(f"/api/v1/plans/{plan_id}/").status_code == 404
    assert Plan.objects.filter(pk=plan_id).exists()
    with django_assert_max_num_queries(8):
        owner_api.get("/api/v1/plans/")


def test_anonymous_cannot_plan(api_client, catalogue):
    assert api_client.post("/api/v1/plans/", {"start": START}, format="json").status_code in (401, 403)
    assert api_client.get("/api/v1/plans/").status_code in (401, 403)


def test_bad_input_names_the_field(owner_api, catalogue):
    response = owner_api.post("/api/v1/plans/", {"start": "someday", "days": 99}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"start", "days"}
    assert not Plan.objects.exists()


def test_swap_lock_and_stale_version(owner_api, plan_id):
    body = owner_api.get(f"/api/v1/plans/{plan_id}/").json()
    entry = body["entries"][0]
    swapped = owner_api.post(
        f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {"version": body["version"]}, format="json"
    )
    assert swapped.status_code == 200
    new_entry = swapped.json()["entries"][0]
    assert new_entry["recipe"]["id"] != entry["recipe"]["id"]
    others = {(e["id"], e["recipe"]["id"]) for e in body["entries"][1:]}
    assert {(e["id"], e["recipe"]["id"]) for e in swapped.json()["entries"][1:]} == others
    assert swapped.json()["version"] == body["version"] + 1
    stale = owner_api.post(
        f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {"version": body["version"]}, format="json"
    )
    assert stale.status_code == 400
    assert "version" in stale.json()["errors"]
    locked = owner_api.patch(f"/api/v1/plans/{plan_id}/entries/{entry['id']}/", {"locked": True}, format="json")
    assert locked.json()["entries"][0]["locked"] is True
    refused = owner_api.post(f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {}, format="json")
    assert refused.status_code == 400


def test_regenerate_a_day_and_the_whole_plan(owner_api, plan_id):
    before = owner_api.get(f"/api/v1/plans/{plan_id}/").json()["entries"]
    response = owner_api.post(f"/api/v1/plans/{plan_id}/days/2026-12-01/regenerate/", {}, format="json")
    assert response.status_code == 200
    after = response.json()["entries"]

    def recipes(entries, same_day):
        return [e["recipe"]["id"] for e in entries if (e["date"] == "2026-12-01") == same_day]

    assert recipes(after, False) == recipes(before, False)
    assert recipes(after, True) != recipes(before, True)
    for bad in ("2027-01-01", "2026-13-45"):
        assert owner_api.post(f"/api/v1/plans/{plan_id}/days/{bad}/regenerate/", {}, format="json").status_code == 400
    assert owner_api.post(f"/api/v1/plans/{plan_id}/regenerate/", {}, format="json").status_code == 200


def test_shopping_list_json_csv_and_ticks(owner_api, plan_id):
    from mealplan.models import PlanEntry
    from recipes.models import Food, RecipeIngredient

    entry = PlanEntry.objects.filter(plan_id=plan_id).first()
    oats = Food.objects.get(ndb_id="08120", is_common=False)
    RecipeIngredient.objects.create(recipe=entry.recipe, raw_text="1 cup oats", grams=80, food=oats, status="matched")
    groups = owner_api.get(f"/api/v1/plans/{plan_id}/shopping-list/").json()
    item = next(i for g in groups for i in g["items"] if i["name"] == oats.name)
    assert item["checked"] is False and item["grams"] > 0
    ticked = owner_api.post(
        f"/api/v1/plans/{plan_id}/shopping-list/", {"key": item["key"], "checked": True}, format="json"
    )
    assert next(i for g in ticked.json() for i in g["items"] if i["key"] == item["key"])["checked"] is True
    response = owner_api.get(f"/api/v1/plans/{plan_id}/shopping-list/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert any(r["item"] == oats.name and r["checked"] == "1" for r in rows)


def test_calendar_download(owner_api, stranger_api, plan_id):
    assert stranger_api.get(f"/api/v1/plans/{plan_id}/calendar.ics").status_code == 404
    response = owner_api.get(f"/api/v1/plans/{plan_id}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.count(b"BEGIN:VEVENT") == 21
    assert f"mealplan-{date(2026, 11, 30)}.ics" in response["Content-Disposition"]


def test_zero_targets_mean_no_target_and_never_a_server_error(owner_api, catalogue):
    body = {"start": START, "days": 2, "plants_per_week": 0, "live_culture_servings_per_day": 0}
    response = owner_api.post("/api/v1/plans/", body, format="json")
    assert response.status_code == 201, response.content
    assert all(day["score"] is not None for day in response.json()["summary"]["days"])


def test_errors_asked_for_as_csv_keep_the_json_error_shape(owner_api):
    response = owner_api.get("/api/v1/plans/999999/shopping-list/?format=csv")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
