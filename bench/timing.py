"""Timing a code path: one counted first run, then repeated runs of which the median is reported."""

from __future__ import annotations

import contextlib
import gc
import statistics
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from time import perf_counter

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Timing:
    median_ms: float
    min_ms: float
    max_ms: float
    first_ms: float  # the first run: cold caches, and the query capture's own overhead
    samples: int
    queries: float  # issued by one run (per unit when scaled)

    def per(self, units: int) -> Timing:
        """The same timing divided by ``units`` (e.g. per application of a sample)."""
        return Timing(self.median_ms / units, self.min_ms / units, self.max_ms / units, self.first_ms / units,
                      self.samples, self.queries / units)


@dataclass
class Measured:
    timing: Timing
    result: object  # what the first run returned
    queries: list[str] = field(default_factory=list)  # the SQL of the first run


@contextlib.contextmanager
def settled() -> Iterator[None]:
    """Move everything alive now (Django, the generated world) out of the collector's sight.

    Each run starts with gc.collect() so that no run pays for its predecessor's garbage; frozen,
    that collection walks only what the cases create instead of the whole process.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Side:
    """One side of a comparison: its function, its setup, its first run and its samples."""

    def __init__(self, fn: Callable[..., object], setup: Callable[[], object] | None):
        self.fn, self.setup = fn, setup
        self.samples: list[float] = []

    def once(self) -> tuple[float, object]:
        arg = (self.setup(),) if self.setup else ()
        gc.collect()
        start = perf_counter()
        value = self.fn(*arg)
        return (perf_counter() - start) * 1000, value

    def first(self) -> None:
        with CaptureQueriesContext(connection) as captured:
            self.first_ms, self.result = self.once()
        self.queries = [q["sql"] for q in captured.captured_queries]

    def measured(self) -> Measured:
        samples = self.samples
        timing = Timing(
            median_ms=statistics.median(samples), min_ms=min(samples), max_ms=max(samples),
            first_ms=self.first_ms, samples=len(samples), queries=len(self.queries),
        )
        return Measured(timing, self.result, self.queries)


def compare(system: Callable[..., object], floor: Callable[..., object], repeat: int, *,
            setup: Callable[[], object] | None = None) -> tuple[Measured, Measured]:
    """Time the system's path and its floor: one counted first run each, then ``repeat`` rounds.

    The two sides alternate run by run, so a burst of load on a shared machine slows both and
    the ratio of the medians stays meaningful. ``setup`` (untimed, system side only) makes what
    each run starts from, e.g. a freshly loaded user, so caches on the object do not carry over
    from one run to the next, as they would not between requests.
    """
    sides = (_Side(system, setup), _Side(floor, None))
    for side in sides:
        side.first()
    for _ in range(max(repeat, 1)):
        for side in sides:
            side.samples.append(side.once()[0])
    return sides[0].measured(), sides[1].measured()


@dataclass
class CaseResult:
    """One line of the report: the system's path against its floor."""

    key: str
    title: str
    system: Timing
    floor: Timing
    rows_system: int  # what each side produced (rows, counts, days …), to show they did the same work
    rows_floor: int
    agree: bool  # the system's answer equals the floor's
    unit: str = "per call"
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.system.median_ms / self.floor.median_ms if self.floor.median_ms else float("inf")

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 2)
        data["ratio_of_minimums"] = round(self.system.min_ms / self.floor.min_ms, 2) if self.floor.min_ms else None
        return data
