"""Backup and restore as docs/operations.md describes it: `dumpdata` of the whole database, then `migrate` and
`loaddata` into an empty one, bring a user's account, profile, recipes (with their ingredient lines and foods)
and plans (with their entries) back exactly. The restore runs in a separate process on a new SQLite file, so
on the PostgreSQL run it is also a PostgreSQL-to-SQLite move."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command

from mealplan import services
from recipes import services as recipe_services
from recipes.models import Food

from .backup_probe import user_snapshot
from .conftest import START

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Rebuilt by `migrate` or not worth keeping (sessions, login attempts); see docs/operations.md.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


def manage(*args: str, db_file: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "MEALPLAN_TESTING": "1",
        "DJANGO_SETTINGS_MODULE": "mealplan.settings",
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def users_data(user, stranger, owner_plan, food_index):
    oats = Food.objects.filter(name__icontains="oat").order_by("id").first()
    services.update_profile(user, diet="omnivore", plants_per_week=35, max_minutes={"breakfast": 15})
    services.update_profile(user, exclude_foods=[oats])
    recipe_services.create_recipe(
        owner=user,
        title="Overnight oats",
        servings=2,
        ingredients=["1 cup rolled oats", "1 cup plain kefir", "2 tbsp chia seeds", "1 banana, sliced"],
        meal_types=["breakfast"],
    )
    recipe_services.create_recipe(
        owner=stranger, title="Someone else's soup", ingredients=["200 g cooked lentils"], meal_types=["lunch"]
    )
    entry = owner_plan.entries.order_by("date", "slot").first()
    services.set_entry_locked(plan=owner_plan, entry_id=entry.pk, locked=True)
    services.set_shopping_item(plan=owner_plan, key="oats", checked=True)
    services.generate_plan(owner=user, start=START + timedelta(days=7), days=3)
    return user


def test_dumpdata_then_loaddata_into_an_empty_database_round_trips_a_users_data(users_data, tmp_path):
    before = user_snapshot("owner")
    assert before["recipes"][0]["lines"] and any(line[2] for line in before["recipes"][0]["lines"])
    assert len(before["plans"]) == 2 and before["plans"][0]["shopping_checked"] == ["oats"]
    assert before["profile"]["exclude_foods"]

    backup = tmp_path / "backup.json"
    call_command("dumpdata", "--natural-foreign", "--natural-primary", exclude=EXCLUDE, output=str(backup), verbosity=0)

    restored = tmp_path / "restored.sqlite3"
    migrated = manage("manage.py", "migrate", "--noinput", db_file=restored)
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    loaded = manage("manage.py", "loaddata", str(backup), db_file=restored)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    probe = manage("-m", "tests.reliability.backup_probe", "owner", db_file=restored)
    assert probe.returncode == 0, probe.stderr[-2000:]
    after = json.loads(probe.stdout.strip().splitlines()[-1])

    assert after == json.loads(json.dumps(before))
    # The other user's data came back too, and stayed theirs.
    stranger = manage("-m", "tests.reliability.backup_probe", "stranger", db_file=restored)
    assert stranger.returncode == 0, stranger.stderr[-2000:]
    assert [r["title"] for r in json.loads(stranger.stdout.strip().splitlines()[-1])["recipes"]] == [
        "Someone else's soup"
    ]
