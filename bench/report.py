"""The results as a table on the terminal, and as JSON and Markdown files."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from pathlib import Path

from .timing import CaseResult

HEADERS = ("case", "system ms", "floor ms", "ratio", "queries sys/floor", "rows sys/floor", "agree")
# A ratio above this, or queries that grow with the rows, is worth a look (bench/README.md).
ATTENTION_RATIO = 20


def _ms(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.1f}"


def _queries(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def rows(results: Sequence[CaseResult]) -> list[tuple[str, ...]]:
    return [(
        r.key, _ms(r.system.median_ms), _ms(r.floor.median_ms), f"{r.ratio:.1f}×",
        f"{_queries(r.system.queries)}/{_queries(r.floor.queries)}", f"{r.rows_system}/{r.rows_floor}",
        "yes" if r.agree else "NO",
    ) for r in results]


def table(results: Sequence[CaseResult]) -> str:
    body = rows(results)
    widths = [max(len(h), *(len(row[i]) for row in body)) if body else len(h) for i, h in enumerate(HEADERS)]

    def line(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([line(HEADERS), line(["-" * w for w in widths]), *(line(row) for row in body)])


def environment(database: str) -> dict:
    import django

    return {"database": database, "python": platform.python_version(), "django": django.get_version(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
            # Other work on the machine moves absolute times; ratios suffer less.
            "load_average": [round(load, 1) for load in os.getloadavg()]}


def markdown(results: Sequence[CaseResult], meta: dict) -> str:
    lines = [
        "# Benchmark results", "",
        f"{meta['started']} · {meta['environment']['database']} · Python {meta['environment']['python']} · "
        f"Django {meta['environment']['django']} · {meta['environment']['machine']} · "
        f"load average at the end {meta['environment']['load_average']}", "",
        "World: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in meta["world"].items()) + ".",
        f"Median of {meta['repeat']} runs (audit chain: at most 3), after one counted first run. "
        "Times per call, or per application for c_eligibility.", "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(HEADERS) - 1)) + "|",
        *("| " + " | ".join(row) + " |" for row in rows(results)),
        "", "## Cases", "",
    ]
    for r in results:
        flag = " — **look at this**" if r.ratio > ATTENTION_RATIO else ""
        lines.append(f"- **{r.key}** {r.title} ({r.unit}){flag}")
        lines += [f"  - {note}" for note in r.notes]
    return "\n".join(lines) + "\n"


def write(results: Sequence[CaseResult], meta: dict, directory: Path, names: Sequence[str]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    data = json.dumps({**meta, "results": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2) + "\n"
    text = markdown(results, meta)
    written = []
    for name in names:
        for suffix, content in ((".json", data), (".md", text)):
            path = directory / f"{name}{suffix}"
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
