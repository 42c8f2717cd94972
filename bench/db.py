"""A throwaway SQLite database with the shipped food table (and optionally the catalogue) for benchmarks."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_READY: Path | None = None
_CATALOGUE = False


def setup_django(*, catalogue: bool = False) -> Path:
    """Point Django at a fresh SQLite file under /tmp, migrate, load foods (and recipes); once per process."""
    global _READY, _CATALOGUE
    if _READY is not None:
        if catalogue and not _CATALOGUE:
            from django.core.management import call_command

            call_command("load_catalogue", "--skip-foods", verbosity=0)
            _CATALOGUE = True
        return _READY
    path = Path(tempfile.mkdtemp(prefix="mealplan-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mealplan.settings")
    os.environ.setdefault("MEALPLAN_TESTING", "1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_foods", verbosity=0)
    if catalogue:
        call_command("load_catalogue", "--skip-foods", verbosity=0)
        _CATALOGUE = True
    _READY = path
    return path
