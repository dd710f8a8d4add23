"""The benchmark suite keeps working: a tiny world, every case once, each agreeing with its floor.

Timings at this size mean nothing; what is checked is that the generator builds a consistent
world (the audit chain it writes verifies) and that every case measures both sides and gets the
same answer from the system's code path as from its hand-written floor.
"""

import pytest

from bench.cases import CASES, load
from bench.generate import Size, generate
from bench.timing import settled
from qaward.core.audit import verify_chain

pytestmark = pytest.mark.django_db

TINY = Size(organizations=20, applications=10, audit_records=200)


@pytest.fixture
def world():
    world = generate(TINY, log=lambda _line: None)
    with settled():  # a full collection of the test process per timed run would dominate
        yield world


def test_generate_builds_the_requested_world_with_an_intact_chain(world):
    report = verify_chain()
    assert world.counts["applications"] == 10
    assert world.counts["applicants"] == 21  # 20 organisations and one individual
    assert world.counts["audit_records"] == report.checked
    assert report.checked > 200  # the bulk trail plus what the real services recorded
    assert report.intact
    assert len(world.recommended_ids) == 3  # 6 of every 20 applications wait for formal review


def test_bench_cases_time_both_sides_and_agree_with_their_floors(world):
    results = [result for key in CASES for result in load(key).run(world, repeat=1)]

    assert [r.key for r in results] == [
        "a1_acceptance_list", "a2_office_list", "b1_counts_python_tally", "b2_counts_orm_aggregate",
        "c_eligibility", "d1_count_workdays_10y", "d2_add_workdays_250", "e_audit_verify_chain", "f_office_todo",
    ]
    disagreeing = [r.key for r in results if not r.agree or r.rows_system <= 0 or r.rows_floor <= 0]
    assert disagreeing == []
    assert all(r.system.median_ms > 0 and r.floor.median_ms > 0 for r in results)
    assert all(r.system.queries >= 1 for r in results if not r.key.startswith("d"))
    by_key = {r.key: r for r in results}
    assert by_key["a1_acceptance_list"].rows_system == 3  # the accepted applications
    assert by_key["a2_office_list"].rows_system == 9  # all but the draft
    assert by_key["e_audit_verify_chain"].rows_system == world.counts["audit_records"]
