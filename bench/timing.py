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


def measure(fn: Callable[..., object], repeat: int, *, setup: Callable[[], object] | None = None) -> Measured:
    """Run ``fn`` once with its queries captured, then ``repeat`` more times, timed.

    ``setup`` (untimed) makes what each run starts from, e.g. a freshly loaded user, so caches on
    the object do not carry over from one run to the next as they would not between requests.
    """

    def once() -> tuple[float, object]:
        arg = (setup(),) if setup else ()
        gc.collect()
        start = perf_counter()
        value = fn(*arg)
        return (perf_counter() - start) * 1000, value

    with CaptureQueriesContext(connection) as captured:
        first_ms, result = once()
    samples = [once()[0] for _ in range(max(repeat, 1))]
    timing = Timing(
        median_ms=statistics.median(samples), min_ms=min(samples), max_ms=max(samples), first_ms=first_ms,
        samples=len(samples), queries=len(captured.captured_queries),
    )
    return Measured(timing, result, [q["sql"] for q in captured.captured_queries])


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
        return data
