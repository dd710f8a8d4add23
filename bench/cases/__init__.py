"""The benchmark cases, each a module with ``run(world, repeat) -> list[CaseResult]``.

Modules are imported only once Django is configured (bench.environment), hence the names here.
"""

from __future__ import annotations

import importlib

CASES = {
    "a": "lists",  # acceptance list and office application list
    "b": "counts",  # counts by state and county
    "c": "eligibility",  # formal-review checklist of one application
    "d": "calendar",  # working days
    "e": "audit_chain",  # audit chain verification
    "f": "todo",  # the office's to-do list
}


def load(key: str):
    return importlib.import_module(f"{__name__}.{CASES[key]}")
