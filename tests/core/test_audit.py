"""The SM3 hash chain: every edit or deletion breaks it exactly where it happened."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from qaward.accounts.models import User
from qaward.core import audit
from qaward.core.crypto import sm3_hex
from qaward.core.models import AuditChainHead, AuditRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    """Five records about one user, written by another: sequences 1–5."""
    actor = UserFactory(username="office-wang", roles=["office"])
    subject = UserFactory(username="expert-zhang")
    return [
        audit.record(f"test.step_{n}", actor=actor, obj=subject, reason=f"第{n}步",
                     before={"n": n - 1}, after={"n": n})
        for n in range(1, 6)
    ]


# --- SM3 -----------------------------------------------------------------------------------------

def test_sm3_known_vector_abc():
    # GB/T 32905-2016, example 1.
    assert sm3_hex("abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_sm3_known_vector_512_bits():
    # GB/T 32905-2016, example 2: "abcd" repeated 16 times.
    assert sm3_hex("abcd" * 16) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


def test_record_digest_is_sm3_of_canonical_form(chain):
    entry = AuditRecord.objects.get(sequence=3)

    assert entry.algorithm == "sm3"
    assert entry.digest == sm3_hex(audit._canonical(entry))
    assert len(entry.digest) == 64


# --- writing -------------------------------------------------------------------------------------

def test_record_links_each_entry_to_the_previous(chain):
    entries = list(AuditRecord.objects.order_by("sequence"))

    assert [e.sequence for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].previous_digest == audit.GENESIS
    assert [e.previous_digest for e in entries[1:]] == [e.digest for e in entries[:-1]]
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_sequence, head.last_digest) == (5, entries[-1].digest)


def test_record_stores_actor_object_and_change(chain):
    entry = AuditRecord.objects.get(sequence=2)

    assert entry.actor.username == "office-wang"
    assert entry.actor_label == "office-wang"
    assert entry.action == "test.step_2"
    assert entry.object_type == "accounts.user"
    assert entry.object_id == str(User.objects.get(username="expert-zhang").pk)
    assert entry.object_label == User.objects.get(username="expert-zhang").display_name
    assert (entry.before, entry.after, entry.reason) == ({"n": 1}, {"n": 2}, "第2步")
    assert entry.kind == AuditRecord.Kind.CHANGE


def test_record_actor_labels_system_and_anonymous():
    assert audit.record("test.system").actor_label == "系统"
    assert audit.record("test.anonymous", actor=AnonymousUser()).actor_label == "匿名"
    assert audit.verify_chain().intact


def test_record_read_is_kind_read():
    reader = UserFactory(roles=["supervision"])

    entry = audit.record_read("test.view", actor=reader)

    assert entry.kind == AuditRecord.Kind.READ
    assert entry.object_type == ""


def test_record_values_that_json_changes_still_verify():
    # Dates and decimals are stored as strings; the digest must be computed on what is stored.
    audit.record("test.values", after={"on": dt.date(2026, 10, 12), "amount": Decimal("12.50"), "名称": "质量奖"})

    entry = AuditRecord.objects.get()
    assert entry.after == {"on": "2026-10-12", "amount": "12.50", "名称": "质量奖"}
    assert audit.verify_chain().intact


# --- verifying -----------------------------------------------------------------------------------

def test_verify_chain_empty_is_intact():
    report = audit.verify_chain()

    assert (report.intact, report.checked, report.broken_at) == (True, 0, None)


def test_verify_chain_intact(chain):
    report = audit.verify_chain()

    assert (report.intact, report.checked, report.broken_at, report.reason) == (True, 5, None, "")


def test_verify_chain_edited_reason_breaks_at_that_sequence(chain):
    AuditRecord.objects.filter(sequence=3).update(reason="改过的理由")

    report = audit.verify_chain()

    assert (report.intact, report.broken_at, report.checked) == (False, 3, 2)
    assert report.reason == "记录内容与摘要不符（记录被篡改）"


def test_verify_chain_edited_change_breaks_at_that_sequence(chain):
    AuditRecord.objects.filter(sequence=4).update(after={"n": 40})

    assert audit.verify_chain().broken_at == 4


def test_verify_chain_edit_with_recomputed_digest_breaks_at_next_link(chain):
    entry = AuditRecord.objects.get(sequence=2)
    entry.reason = "改过的理由"
    AuditRecord.objects.filter(pk=entry.pk).update(reason=entry.reason, digest=audit.compute_digest(entry))

    report = audit.verify_chain()

    assert report.broken_at == 3
    assert report.reason == "前序摘要不一致（前一条记录被篡改或删除）"


def test_verify_chain_deleted_middle_record(chain):
    AuditRecord.objects.filter(sequence=3).delete()

    report = audit.verify_chain()

    assert (report.intact, report.broken_at, report.checked) == (False, 3, 2)
    assert report.reason == "缺少第 3 号记录（可能被删除）"


def test_verify_chain_deleted_first_record(chain):
    AuditRecord.objects.filter(sequence=1).delete()

    assert audit.verify_chain().broken_at == 1


def test_verify_chain_deleted_last_record(chain):
    AuditRecord.objects.filter(sequence=5).delete()

    report = audit.verify_chain()

    assert (report.intact, report.broken_at, report.checked) == (False, 5, 4)
    assert report.reason == "链尾缺少第 5 号记录（末尾记录被删除）"


def test_verify_chain_deleted_last_two_records(chain):
    AuditRecord.objects.filter(sequence__gte=4).delete()

    report = audit.verify_chain()

    assert report.broken_at == 4
    assert report.reason == "链尾缺少第 4～5 号记录（末尾记录被删除）"


def test_verify_chain_rewritten_last_record_with_recomputed_digest(chain):
    entry = AuditRecord.objects.get(sequence=5)
    entry.reason = "改过的理由"
    AuditRecord.objects.filter(pk=entry.pk).update(reason=entry.reason, digest=audit.compute_digest(entry))

    report = audit.verify_chain()

    assert report.broken_at == 5
    assert report.reason == "末条记录与链头摘要不符（末尾记录被篡改后重算摘要）"


def test_verify_chain_record_appended_behind_the_writer(chain):
    last = AuditRecord.objects.get(sequence=5)
    forged = AuditRecord(sequence=6, recorded_at=last.recorded_at, kind="change", action="test.forged",
                         previous_digest=last.digest)
    forged.digest = audit.compute_digest(forged)
    forged.save()

    report = audit.verify_chain()

    assert report.broken_at == 6
    assert report.checked == 6


def test_verify_chain_continues_after_new_records(chain):
    audit.record("test.more")

    assert audit.verify_chain().checked == 6


def test_verify_chain_reports_progress_every_n_records(chain):
    walked = []

    report = audit.verify_chain(walked.append, every=2)

    assert walked == [2, 4]
    assert report.checked == 5


def test_verify_chain_record_appended_during_the_walk_is_walked_too(chain):
    """A writer appending while the check runs moves the head past the walk: not a deleted tail."""
    def append_once(walked):
        if walked == 2:
            audit.record("test.meanwhile")

    report = audit.verify_chain(append_once, every=2)

    assert (report.intact, report.checked) == (True, 6)


def test_verify_chain_forged_record_after_a_deleted_tail(chain):
    AuditRecord.objects.filter(sequence=5).delete()
    audit.record("test.after_the_deletion")  # the head said 5, so this one is 6

    report = audit.verify_chain()

    assert (report.broken_at, report.checked) == (5, 4)
    assert report.reason == "缺少第 5 号记录（可能被删除）"


# --- manage.py verify_audit ----------------------------------------------------------------------

def test_verify_audit_command_intact(chain):
    out = StringIO()

    call_command("verify_audit", stdout=out)

    assert out.getvalue() == "已校验 5 条审计记录。\nOK\n"


def test_verify_audit_command_broken_exits_with_status_1(chain):
    AuditRecord.objects.filter(sequence=2).update(reason="改过的理由")
    out = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("verify_audit", stdout=out)

    assert raised.value.returncode == 1
    assert str(raised.value) == "审计链在第 2 号记录处断裂：记录内容与摘要不符（记录被篡改）"
    assert out.getvalue() == "已校验 1 条审计记录。\n"
