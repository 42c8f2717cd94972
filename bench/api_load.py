"""Benchmark: the production stack under load. gunicorn (2 x cores + 1 sync workers, DEBUG off) on
127.0.0.1 over a catalogue of 10,000 recipes, on PostgreSQL when 127.0.0.1:5432 answers (else SQLite in
WAL mode) and with Redis for the cache, throttles and sessions when `redis-server` is installed.

Measures throughput, median and p95 latency and errors (any non-2xx or failed connection) for the recipe
list, a recipe page, plan generation and the shopping list at 1, 16 and 64 concurrent clients, each for a
bounded time. Clients are threads with their own http.client connections, each signed in with its own
token (throttles count per user). The database is built in a subprocess, so the numbers do not depend on
what the other benchmarks configured in this process.

`python -m bench.api_load --build` is that subprocess: migrate, load the shipped catalogue, copy it up to
10,000 recipes with bulk inserts, create the users, tokens and one plan, and print their ids as JSON.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stack import drop_postgres, run_build, start_gunicorn, start_stack

ROOT = Path(__file__).resolve().parent.parent
TARGET_RECIPES = 10_000
CONCURRENCY = (1, 16, 64)
SECONDS = float(os.environ.get("MEALPLAN_LOAD_SECONDS", "6"))
REQUEST_TIMEOUT_S = 60  # what a load balancer typically waits; longer counts as an error
CLIENT_USERS = 1 + sum(CONCURRENCY)  # plan generation has a per-user rate: every client is its own user
RECIPE_LIST = "/api/v1/recipes/?diet=vegan&min_fiber_g=5&ordering=-gut_score"
# The same list with a fibre floor drawn afresh for every request: never in the list cache.
RECIPE_LIST_UNCACHED = "/api/v1/recipes/?diet=vegan&min_fiber_g={fiber}&ordering=-gut_score"


# The database (runs in the --build subprocess) -------------------------------------------------------------


def build() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_catalogue", verbosity=0)
    with transaction.atomic():
        shipped = grow_catalogue(TARGET_RECIPES)
    info = {"shipped_recipes": shipped, **make_users()}
    # Fresh planner statistics, as autovacuum would gather soon after a bulk load (operations.md): without
    # them PostgreSQL guesses 7 % of recipes are public and sorts every match instead of walking an index.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return info


def grow_catalogue(target: int) -> int:
    """Copy the shipped public recipes (rows and ingredient lines) with new titles until there are `target`."""
    from recipes.models import Recipe, RecipeIngredient

    sources = list(Recipe.objects.filter(owner__isnull=True).order_by("id"))
    lines: dict[int, list[RecipeIngredient]] = {}
    for line in RecipeIngredient.objects.filter(recipe__in=sources).order_by("recipe_id", "position", "id"):
        lines.setdefault(line.recipe_id, []).append(line)
    skip = ("id", "created_at", "updated_at")
    recipe_fields = [f.attname for f in Recipe._meta.concrete_fields if f.name not in skip]
    line_fields = [f.attname for f in RecipeIngredient._meta.concrete_fields if f.name not in ("id", "recipe")]
    missing = target - Recipe.objects.count()
    copy_round = 0
    while missing > 0:
        copy_round += 1
        batch = []
        for source in sources[: min(missing, len(sources))]:
            copy = Recipe(**{name: getattr(source, name) for name in recipe_fields})
            copy.title = f"{source.title} (variation {copy_round})"
            copy.slug = f"{source.slug}-v{copy_round}"[:120] if source.slug else ""
            batch.append((source.pk, copy))
        Recipe.objects.bulk_create([copy for _, copy in batch], batch_size=500)
        copies = [
            RecipeIngredient(recipe_id=copy.pk, **{name: getattr(line, name) for name in line_fields})
            for source_pk, copy in batch
            for line in lines.get(source_pk, [])
        ]
        RecipeIngredient.objects.bulk_create(copies, batch_size=2000)
        missing -= len(batch)
    return len(sources)


def make_users() -> dict:
    from datetime import date, timedelta

    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from mealplan import services
    from recipes.models import Recipe

    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"load{n:03d}", password="!") for n in range(CLIENT_USERS)]  # no login
    )
    tokens = Token.objects.bulk_create([Token(user=user, key=Token.generate_key()) for user in users])
    start = date.today() + timedelta(days=7 - date.today().weekday())
    plan = services.generate_plan(owner=users[0], start=start, days=7)
    public_ids = list(Recipe.objects.filter(is_public=True).values_list("id", flat=True))
    return {
        "tokens": [token.key for token in tokens],
        "plan_id": plan.pk,
        "plan_start": start.isoformat(),
        "recipe_ids": public_ids,
        "recipes": Recipe.objects.count(),
    }


# The load -----------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    method: str
    path: str  # "{recipe_id}" and "{plan_id}" are filled in per request
    body: dict | None = None
    plan_owner: bool = False  # every client is the plan's owner (token 0); else each client is its own user


@dataclass
class Measured:
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


def _client(port: int, token: str, scenario: Scenario, info: dict, deadline: float, out: Measured, lock, seed):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT_S)
    headers = {"Authorization": f"Token {token}", "Accept": "application/json", "Host": "127.0.0.1"}
    body = None
    if scenario.body is not None:
        body = json.dumps(scenario.body)
        headers["Content-Type"] = "application/json"
    while time.monotonic() < deadline:
        path = scenario.path.format(
            recipe_id=rng.choice(info["recipe_ids"]), plan_id=info["plan_id"], fiber=f"{rng.uniform(4, 6):.6f}"
        )
        started = time.perf_counter()
        try:
            connection.request(scenario.method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            problem = "" if 200 <= status < 300 else f"{status} {scenario.method} {path}"
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            problem = f"{type(exc).__name__}: {exc} ({scenario.method} {path})"
        elapsed = time.perf_counter() - started
        with lock:
            if problem:
                out.errors += 1
                if len(out.error_samples) < 3:
                    out.error_samples.append(problem)
            else:
                out.latencies_s.append(elapsed)
    connection.close()


def measure(port: int, scenario: Scenario, clients: int, tokens: list[str], info: dict) -> dict:
    out, lock = Measured(), threading.Lock()
    started = time.monotonic()
    deadline = started + SECONDS
    threads = [
        threading.Thread(target=_client, args=(port, tokens[n], scenario, info, deadline, out, lock, n))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started  # includes the requests in flight at the deadline
    done = sorted(out.latencies_s)
    p95 = done[min(len(done) - 1, int(0.95 * len(done)))] if done else None
    return {
        "requests": len(done),
        "errors": out.errors,
        "samples": out.error_samples,
        "throughput": len(done) / wall if wall else 0.0,
        "median_ms": statistics.median(done) * 1000 if done else None,
        "p95_ms": p95 * 1000 if p95 is not None else None,
        "wall_s": wall,
    }


def scenarios(info: dict) -> list[Scenario]:
    return [
        Scenario("recipe list (filtered, sorted)", "GET", RECIPE_LIST),
        Scenario("recipe list, cache missed (new filter each request)", "GET", RECIPE_LIST_UNCACHED),
        Scenario("recipe page (website)", "GET", "/recipes/{recipe_id}/"),
        Scenario("shopping list", "GET", "/api/v1/plans/{plan_id}/shopping-list/", plan_owner=True),
        Scenario("plan generation (7 days)", "POST", "/api/v1/plans/", {"start": info["plan_start"], "days": 7}),
    ]


def wait_until_idle(port: int, limit_s: float = 240) -> float:
    """Wait for the requests a row left behind (the server finishes requests whose client gave up) to drain:
    until /healthz answers within 100 ms three times running. Returns the seconds waited."""
    started = time.monotonic()
    fast = 0
    while fast < 3 and time.monotonic() - started < limit_s:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=limit_s)
        begun = time.perf_counter()
        try:
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            fast = fast + 1 if time.perf_counter() - begun < 0.1 else 0
        except (OSError, http.client.HTTPException):
            fast = 0
        finally:
            connection.close()
        time.sleep(0.2)
    return time.monotonic() - started


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def run() -> str:
    workdir = Path(tempfile.mkdtemp(prefix="mealplan-load-"))
    stack = start_stack(workdir)
    try:
        info = run_build(stack)
        port, workers = start_gunicorn(stack)
        tokens = info["tokens"]
        rows = []
        for scenario in scenarios(info):
            # Warm every worker (imports, connections) before measuring.
            wait_until_idle(port)
            warm_users = [tokens[0]] * 4 if scenario.plan_owner else tokens[-4:]
            measure(port, scenario, 4, warm_users, info)
            next_user = 1
            for clients in CONCURRENCY:
                # Each client is its own user (its own token and throttle); only the plan owner reads its shopping list.
                users = [tokens[0]] * clients if scenario.plan_owner else tokens[next_user : next_user + clients]
                next_user += clients
                wait_until_idle(port)
                result = measure(port, scenario, clients, users, info)
                rows.append((scenario.name, clients, result))
                print(f"  {scenario.name} x{clients}: {result}", flush=True)
    finally:
        stack.stop()
        if stack.env["DATABASE_URL"].startswith("postgres"):
            drop_postgres()
        shutil.rmtree(workdir, ignore_errors=True)

    total_errors = sum(result["errors"] for _, _, result in rows)
    lines = [
        "## API under load (gunicorn)",
        "",
        f"{info['recipes']:,} recipes ({info['shipped_recipes']} shipped, copied with new titles and their "
        f"ingredient lines); database: {stack.database}; cache: {stack.cache}; gunicorn with {workers} sync "
        f"workers on 127.0.0.1, DEBUG off. Each row runs for {SECONDS:.0f} s (plus the requests in flight at "
        f"the end), after the server has finished the previous row's work; a request not answered within "
        f"{REQUEST_TIMEOUT_S} s counts as an error. Clients are Python threads on the same machine, so they "
        "share its cores with the server. "
        f"Database built in {info['build_seconds']:.0f} s.",
        "",
        "| endpoint | clients | requests | req/s | median ms | p95 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, clients, result in rows:
        lines.append(
            f"| {name} | {clients} | {result['requests']:,} | {_fmt(result['throughput'], 1)} | "
            f"{_fmt(result['median_ms'])} | {_fmt(result['p95_ms'])} | {result['errors']} |"
        )
    lines += [
        "",
        f"Paths: `{RECIPE_LIST}` (served from the shared list cache after its first request: "
        f"`RECIPE_LIST_CACHE_SECONDS`), `{RECIPE_LIST_UNCACHED}` with a random floor from 4 to 6 g (always "
        "computed), `/recipes/<random public id>/`, `POST /api/v1/plans/` (`days: 7`), "
        "`/api/v1/plans/<id>/shopping-list/`. An error is any non-2xx answer or failed connection.",
        "",
        f"**{total_errors} errors in total** "
        + ("(none under 64 concurrent clients)." if total_errors == 0 else "; first ones:"),
    ]
    for name, clients, result in rows:
        for sample in result["samples"]:
            lines.append(f"- {name} x{clients}: `{sample}`")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--build"]:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(build()))
    else:
        print(run())
