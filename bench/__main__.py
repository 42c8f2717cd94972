"""`make bench`: run every benchmark module and write docs/benchmarks.md.

Each module in MODULES exposes `run() -> str`, returning a markdown section. A module that fails
is reported in the file instead of stopping the others. `python -m bench NAME ...` runs a subset.
"""

import importlib
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["accuracy", "planner", "api_load"]


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mealplan.settings")
    os.environ.setdefault("MEALPLAN_TESTING", "1")
    sys.path.insert(0, str(ROOT))
    selected = argv or MODULES
    sections = []
    failed = False
    for name in selected:
        started = time.perf_counter()
        print(f"== bench {name}", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            body = module.run()
        except Exception:  # a broken benchmark is reported, the others still run
            failed = True
            body = "Failed:\n\n```\n" + traceback.format_exc() + "```\n"
        sections.append(f"{body.rstrip()}\n\n_({name}: {time.perf_counter() - started:.1f} s)_\n")
        print(body, flush=True)
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}.\n\n"
    )
    out = ROOT / "docs" / "benchmarks.md"
    if argv and out.exists():
        # A partial run replaces only its own sections' text in the file.
        out = ROOT / "docs" / f"benchmarks-{'-'.join(argv)}.md"
    out.write_text(header + "\n".join(sections))
    print(f"wrote {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
