import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mealplan.models import Plan


def test_generate_plan_json_is_the_plan_document(user, catalogue, owner_api):
    out = StringIO()
    call_command(
        "generate_plan", "--user", "owner", "--start", "2026-11-30", "--days", "2", "--slots", "lunch,dinner",
        "--diet", "vegan", "--exclude-allergens", "nuts", "--json", stdout=out,
    )  # fmt: skip
    document = json.loads(out.getvalue())
    assert document["days"] == 2 and len(document["entries"]) == 4
    assert all("vegan" in e["recipe"]["diets"] and "nuts" not in e["recipe"]["allergens"] for e in document["entries"])
    assert owner_api.get(f"/api/v1/plans/{document['id']}/").json() == document


def test_generate_plan_summary_and_errors(user, catalogue):
    out = StringIO()
    call_command("generate_plan", "--user", "owner", "--start", "2026-11-30", stdout=out)
    assert "optimal" in out.getvalue() and "Distinct plants" in out.getvalue()
    with pytest.raises(CommandError, match="no user"):
        call_command("generate_plan", "--user", "nobody", "--start", "2026-11-30")
    with pytest.raises(CommandError, match="not a date"):
        call_command("generate_plan", "--user", "owner", "--start", "tomorrow")
    with pytest.raises(CommandError, match="slots"):
        call_command("generate_plan", "--user", "owner", "--start", "2026-11-30", "--slots", "brunch")
    assert Plan.objects.count() == 1
