"""python -m bench: generate a world in a scratch database, run the cases, report the ratios.

    python -m bench                                   # temporary SQLite, default sizes
    python -m bench --database-url postgres://postgres@127.0.0.1:5432/qaward_bench
    python -m bench --organizations 500 --applications 200 --audit-records 10000 --cases a,c

See bench/README.md for how to read the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .cases import CASES
from .environment import BenchSetupError, analyze, scratch_database
from .generate import Size

RESULTS = Path(__file__).resolve().parent / "results"


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="scratch database (default: a new temporary SQLite file); a "
                        "PostgreSQL database is created and dropped by the bench")
    parser.add_argument("--organizations", type=int, default=Size.organizations)
    parser.add_argument("--applications", type=int, default=Size.applications)
    parser.add_argument("--audit-records", type=int, default=Size.audit_records)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side (median reported)")
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated subset of {','.join(CASES)}")
    parser.add_argument("--keep", action="store_true", help="keep the generated database")
    parser.add_argument("--reuse", action="store_true", help="benchmark a world kept earlier; generate nothing")
    parser.add_argument("--output", type=Path, default=RESULTS, help="directory of latest.json/.md")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    unknown = set(args.cases.split(",")) - CASES.keys()
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    if args.reuse and not args.database_url:
        parser.error("--reuse needs --database-url")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    size = Size(args.organizations, args.applications, args.audit_records)
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        with scratch_database(args.database_url, keep=args.keep, reuse=args.reuse) as url:
            from django.db import connection

            from . import report
            from .cases import load
            from .generate import World, generate
            from .timing import settled

            vendor = connection.vendor
            print(f"scratch database: {url} ({vendor})")
            if args.reuse:
                world = World.discover()
            else:
                print(f"generating {size}")
                world = generate(size)
                analyze()
            print(f"world: {world.counts}")
            results = []
            with settled():
                for key in args.cases.split(","):
                    began = time.perf_counter()
                    case_results = load(key).run(world, args.repeat)
                    results += case_results
                    print(f"  case {key}: {', '.join(r.key for r in case_results)} "
                          f"({time.perf_counter() - began:.1f}s)")
            print()
            print(report.table(results))
            meta = {"started": started, "environment": report.environment(vendor), "world": world.counts,
                    "size": vars(size), "repeat": args.repeat}
            if not args.no_write:
                for path in report.write(results, meta, args.output, ["latest", vendor]):
                    print(f"wrote {path}")
            if args.keep:
                print(f"kept {url}")
    except BenchSetupError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    return 0 if all(r.agree for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
