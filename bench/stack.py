"""The production stack for the load benchmark: PostgreSQL (or SQLite), Redis and gunicorn on 127.0.0.1."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "mealplan_bench"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited early with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port} after {timeout_s} s")


def _postgres_url() -> str | None:
    """A fresh database on the local PostgreSQL, or None when there is none to use."""
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            pass
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    except Exception:
        return None
    return f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"


def drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")


@dataclass
class Stack:
    env: dict
    database: str
    cache: str
    workdir: Path
    processes: list = field(default_factory=list)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def start_stack(workdir: Path) -> Stack:
    env = {k: v for k, v in os.environ.items() if k not in ("MEALPLAN_TESTING", "DJANGO_DEBUG", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="mealplan.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        API_THROTTLE_USER="1000000/min",
        API_THROTTLE_ANON="1000000/min",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    database_url = _postgres_url()
    if database_url:
        database = "PostgreSQL (127.0.0.1:5432)"
    else:
        database_url = f"sqlite:///{workdir / 'load.sqlite3'}"
        database = "SQLite (WAL)"
    env["DATABASE_URL"] = database_url
    stack = Stack(env=env, database=database, cache="local memory, per process", workdir=workdir)
    redis_server = shutil.which("redis-server")
    if redis_server:
        port = _free_port()
        redis = subprocess.Popen(
            [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.processes.append(redis)
        _wait_for_port(port, redis)
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        stack.cache = "Redis (shared: throttles, sessions)"
    return stack


def _run(stack: Stack, args: list[str], *, timeout: int, what: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=stack.env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-4000:]}")
    return done.stdout


def run_build(stack: Stack) -> dict:
    started = time.perf_counter()
    out = _run(stack, ["-m", "bench.api_load", "--build"], timeout=1200, what="building the database")
    info = json.loads(out.strip().splitlines()[-1])
    info["build_seconds"] = time.perf_counter() - started
    _run(stack, ["manage.py", "collectstatic", "--noinput", "--verbosity", "0"], timeout=300, what="collectstatic")
    return info


def start_gunicorn(stack: Stack) -> tuple[int, int]:
    workers = 2 * (os.cpu_count() or 1) + 1
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn) if gunicorn.exists() else "gunicorn", "mealplan.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60", "--backlog", "2048"]
    log = open(stack.workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(command, cwd=ROOT, env=stack.env, stdout=log, stderr=subprocess.STDOUT)
    stack.processes.append(process)
    _wait_for_port(port, process)
    return port, workers
