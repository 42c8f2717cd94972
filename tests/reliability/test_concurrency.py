"""Concurrent writes to one plan on PostgreSQL: swaps and regenerations that race leave one entry per slot,
every successful write counted in the version (no lost update), and a stale version refused.

These need real row locks (select_for_update) and separate connections, so they run on PostgreSQL only
(CI runs the suite with DATABASE_URL=postgres://...). They commit, so they use the transactional_db
fixture, which empties the database afterwards; `reload_foods_afterwards` puts the shipped food table
back for the tests that follow (module-scoped, so it is torn down after the last flush).
"""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from mealplan import services
from mealplan.models import Plan, PlanEntry

from .conftest import START, make_catalogue

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and concurrent connections are tested on PostgreSQL (set DATABASE_URL=postgres://...)",
)


@pytest.fixture(scope="module")
def reload_foods_afterwards(django_db_setup, django_db_blocker):
    """Once, after this module's last test (pytest-randomly shuffles within a module, never across)."""
    yield
    with django_db_blocker.unblock():
        call_command("load_foods", verbosity=0)


@pytest.fixture
def plan(transactional_db, django_user_model):
    owner = django_user_model.objects.create_user(username="racer", password="a long enough passphrase")
    make_catalogue()
    return services.generate_plan(owner=owner, start=START, days=7)


def race(*calls) -> list:
    """Run the calls at the same moment in their own threads and connections; return value or exception each."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as exc:  # collected and asserted on by the test
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racing write never finished (deadlock?)"
    return results


def assert_consistent(plan: Plan) -> None:
    entries = list(PlanEntry.objects.filter(plan_id=plan.pk))
    expected = {(START + timedelta(days=d), slot) for d in range(plan.days) for slot in plan.slots}
    assert sorted((e.date, e.slot) for e in entries) == sorted(expected)  # exactly one entry per slot


def refused_as_stale(result) -> bool:
    return isinstance(result, ValidationError) and "version" in result.message_dict


def test_two_swaps_at_once_both_land(reload_foods_afterwards, plan):
    first, second = list(plan.entries.order_by("date", "slot"))[:2]
    results = race(
        lambda: services.swap_entry(plan=Plan(pk=plan.pk), entry_id=first.pk),
        lambda: services.swap_entry(plan=Plan(pk=plan.pk), entry_id=second.pk),
    )
    assert all(isinstance(r, PlanEntry) for r in results), results
    plan.refresh_from_db()
    assert plan.version == 1 + 2
    assert_consistent(plan)
    # No lost update: both meals changed, neither write undid the other.
    assert PlanEntry.objects.get(pk=first.pk).recipe_id != first.recipe_id
    assert PlanEntry.objects.get(pk=second.pk).recipe_id != second.recipe_id


def test_two_swaps_from_the_same_version_one_is_refused(reload_foods_afterwards, plan):
    first, second = list(plan.entries.order_by("date", "slot"))[:2]
    results = race(
        lambda: services.swap_entry(plan=Plan(pk=plan.pk), entry_id=first.pk, expected_version=1),
        lambda: services.swap_entry(plan=Plan(pk=plan.pk), entry_id=second.pk, expected_version=1),
    )
    landed = [r for r in results if isinstance(r, PlanEntry)]
    assert len(landed) == 1 and sum(refused_as_stale(r) for r in results) == 1, results
    plan.refresh_from_db()
    assert plan.version == 2
    assert_consistent(plan)
    loser = second if landed[0].pk == first.pk else first
    assert PlanEntry.objects.get(pk=loser.pk).recipe_id == loser.recipe_id  # the refused write changed nothing


def test_two_regenerations_at_once_leave_one_entry_per_slot(reload_foods_afterwards, plan):
    results = race(
        lambda: services.regenerate_plan(plan=Plan(pk=plan.pk)),
        lambda: services.regenerate_plan(plan=Plan(pk=plan.pk)),
    )
    assert all(isinstance(r, Plan) for r in results), results
    plan.refresh_from_db()
    assert plan.version == 1 + 2
    assert_consistent(plan)


def test_regeneration_and_swap_at_once(reload_foods_afterwards, plan):
    entry = plan.entries.order_by("date", "slot").first()
    results = race(
        lambda: services.regenerate_plan(plan=Plan(pk=plan.pk)),
        lambda: services.swap_entry(plan=Plan(pk=plan.pk), entry_id=entry.pk),
    )
    successes = sum(not isinstance(r, Exception) for r in results)
    # The swap can lose its entry to the regeneration (it deletes unlocked entries): a clean 400, not a crash.
    for result in results:
        assert not isinstance(result, Exception) or isinstance(result, ValidationError), results
    plan.refresh_from_db()
    assert plan.version == 1 + successes
    assert_consistent(plan)


def test_two_api_regenerations_with_the_same_version(reload_foods_afterwards, plan):
    key = Token.objects.create(user=plan.owner).key

    def regenerate():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client.post(f"/api/v1/plans/{plan.pk}/regenerate/", {"version": 1}, format="json")

    responses = race(regenerate, regenerate)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 400], codes
    refused = next(r for r in responses if r.status_code == 400).json()
    assert "version" in refused["errors"]
    winner = next(r for r in responses if r.status_code == 200).json()
    plan.refresh_from_db()
    assert winner["version"] == plan.version == 2
    assert_consistent(plan)
