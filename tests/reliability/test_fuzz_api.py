"""Schemathesis over every operation of /api/schema/, through the Django WSGI app (no server).

Each operation gets its own test with a signed-in owner who has recipes, a profile and a plan; path
ids are steered to that owner's objects (and a stranger's) part of the time, so the fuzzing reaches
real rows and not only 404s. `make test` runs a bounded number of examples per operation
(derandomized, so CI is repeatable); MEALPLAN_FUZZ_EXAMPLES=N runs N random ones (`make bench`).
"""

import os
from datetime import timedelta

import pytest
import schemathesis
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.reliability.conftest import stored_recipe

FUZZ_EXAMPLES = int(os.environ.get("MEALPLAN_FUZZ_EXAMPLES") or 0)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())

pytestmark = pytest.mark.django_db

# Failures found here whose fix belongs to another module, by operation; see /work/helpers/fuzz-findings.md.
# strict: once fixed the test passes, fails as XPASS, and the entry has to go.
KNOWN_FAILURES = {
    "POST /api/v1/plans/": "500: plants_per_week=0 or live_culture_servings_per_day=0 reaches score_day's ValueError",
    "GET /api/v1/plans/": "undocumented 404 for ?page=0 (plans list documents 200 and 401 only)",
    "GET /api/v1/plans/{id}/shopping-list/": "?format=csv error answers have no body and no Content-Type",
    "POST /api/v1/plans/{id}/shopping-list/": "?format=csv error answers have no body and no Content-Type",
}


@pytest.fixture
def world(user, stranger, owner_token, owner_plan, private_recipe):
    """What the fuzzed requests can reach: the owner's plan, entries and recipe, and a stranger's recipe."""
    strangers = stored_recipe(901, "lunch", owner=stranger, public=False, title="Stranger's secret salad")
    entries = list(owner_plan.entries.order_by("id").values_list("id", flat=True))
    return {
        "token": owner_token,
        "plan_ids": [owner_plan.pk],
        "entry_ids": entries,
        "recipe_ids": [private_recipe.pk, strangers.pk, owner_plan.entries.first().recipe_id],
        "days": [(owner_plan.start + timedelta(days=d)).isoformat() for d in range(owner_plan.days)],
    }


def _steer(case, world) -> None:
    """Map generated ids onto real ones for most examples (deterministically, from the drawn value)."""
    params = case.path_parameters or {}
    choices = {"id": "plan_ids" if "/plans/" in case.path else "recipe_ids", "entry_id": "entry_ids"}
    for name, pool_name in choices.items():
        value = params.get(name)
        pool = world[pool_name]
        if isinstance(value, int) and pool and value % 4:
            params[name] = pool[value % len(pool)]
    if "day" in params and isinstance(params["day"], str) and len(params["day"]) % 3:
        params["day"] = world["days"][len(params["day"]) % len(world["days"])]


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES or 15,
    deadline=None,
    derandomize=not FUZZ_EXAMPLES,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_within_its_schema(case, world, request):
    known = KNOWN_FAILURES.get(case.operation.label)
    if known:
        request.applymarker(pytest.mark.xfail(reason=known, strict=True))
    cache.clear()  # throttle counters: the fuzzer would otherwise spend its examples on 429s
    _steer(case, world)
    case.call_and_validate(headers={"Authorization": f"Token {world['token']}"}, checks=CHECKS)
