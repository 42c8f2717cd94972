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


def test_generate_returns_days_with_totals_and_targets(owner_api, plan_id):
    body = owner_api.get(f"/api/v1/plans/{plan_id}/").json()
    assert body["status"] == "optimal"
    assert len(body["days_detail"]) == 7
    day = body["days_detail"][0]
    assert [e["slot"] for e in day["entries"]] == ["breakfast", "lunch", "dinner"]
    assert day["met"] == {"energy_kcal": True, "fiber_g": True, "live_culture_servings": True}
    assert body["week"]["plants"] >= 30
    assert body["targets"]["fiber_g"] == 28.0


def test_list_is_owner_scoped_with_constant_queries(owner_api, stranger_api, plan_id, django_assert_max_num_queries):
    assert [p["id"] for p in owner_api.get("/api/v1/plans/").json()["results"]] == [plan_id]
    assert stranger_api.get("/api/v1/plans/").json()["results"] == []
    for path in ("", "shopping-list/", "calendar/"):
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
    entry = body["days_detail"][0]["entries"][0]
    swapped = owner_api.post(
        f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {"version": body["version"]}, format="json"
    )
    assert swapped.status_code == 200
    new_entry = swapped.json()["days_detail"][0]["entries"][0]
    assert new_entry["recipe"]["id"] != entry["recipe"]["id"]
    assert swapped.json()["version"] == body["version"] + 1
    stale = owner_api.post(
        f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {"version": body["version"]}, format="json"
    )
    assert stale.status_code == 400
    assert "version" in stale.json()["errors"]
    locked = owner_api.post(f"/api/v1/plans/{plan_id}/entries/{entry['id']}/lock/", {"locked": True}, format="json")
    assert locked.json()["days_detail"][0]["entries"][0]["locked"] is True
    refused = owner_api.post(f"/api/v1/plans/{plan_id}/entries/{entry['id']}/swap/", {}, format="json")
    assert refused.status_code == 400


def test_redo_day_and_regenerate(owner_api, plan_id):
    response = owner_api.post(f"/api/v1/plans/{plan_id}/redo-day/", {"date": "2026-12-01"}, format="json")
    assert response.status_code == 200
    assert (
        owner_api.post(f"/api/v1/plans/{plan_id}/redo-day/", {"date": "2027-01-01"}, format="json").status_code == 400
    )
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
    response = owner_api.get(f"/api/v1/plans/{plan_id}/shopping-list/?download=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert any(r["item"] == oats.name and r["checked"] == "1" for r in rows)


def test_calendar_download(owner_api, plan_id):
    response = owner_api.get(f"/api/v1/plans/{plan_id}/calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.count(b"BEGIN:VEVENT") == 21
    assert f"mealplan-{date(2026, 11, 30)}.ics" in response["Content-Disposition"]
