"""A role whose work opens in a later stage says so on its workbench instead of showing an empty card."""

from tests.factories import UserFactory


def test_expert_workbench_says_evaluation_opens_in_the_evaluation_stage(client, open_edition):
    client.force_login(UserFactory(roles=["expert"]))

    html = client.get("/workbench/").content.decode()

    assert 'data-testid="role-waiting-expert"' in html
    assert "评审打分尚未开始" in html
    assert "评审打分在「评审」阶段开放。运城市市长质量奖第三届目前处于「申报中」阶段，还需经过 3 个阶段。" in html
    assert "（第三十二条）" in html


def test_waiting_note_disappears_once_the_stage_is_reached(client, open_edition):
    open_edition.stage = "evaluation"
    open_edition.save(update_fields=["stage"])
    client.force_login(UserFactory(roles=["expert"]))

    html = client.get("/workbench/").content.decode()

    assert "role-waiting" not in html


def test_roles_working_from_the_start_have_no_waiting_note(client, open_edition):
    client.force_login(UserFactory(roles=["county_msa"]))

    assert "role-waiting" not in client.get("/workbench/").content.decode()
