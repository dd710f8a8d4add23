"""Words for the audit trail's action codes: 「提交申报」 rather than ``application.submit``.

The code stays in the record (and on the page, small, for the supervision group's exact queries);
the label is what a reader scans. Workflow actions take their label from the state machine's own
transition table, so a new transition needs no entry here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .workflow import MACHINES

ACTION_LABELS = {
    "login": _("登录"),
    "logout": _("退出登录"),
    "password_changed": _("修改密码"),
    "totp_enrolled": _("启用两步验证"),
    "totp_removed": _("停用两步验证"),
    "totp_verified": _("两步验证通过"),
    "totp_failed": _("两步验证失败"),
    "account.create": _("开设账号"),
    "account.deactivate": _("停用账号"),
    "account.reactivate": _("恢复账号"),
    "account.reset_password": _("重置密码"),
    "account.grant_role": _("授予角色"),
    "account.revoke_role": _("撤销角色"),
    "account.export_users": _("导出账号列表"),
    "api_token.issue": _("签发接口令牌"),
    "api_token.revoke": _("吊销接口令牌"),
    "applicant.register": _("注册申报者"),
    "applicant.update": _("修改申报主体信息"),
    "applicant.read_id_number": _("查看完整身份证号"),
    "applicant.honour_add": _("登记质量荣誉"),
    "applicant.honour_remove": _("删除质量荣誉"),
    "applicant.accident_add": _("登记事故记录"),
    "applicant.accident_remove": _("删除事故记录"),
    "applicant.violation_add": _("登记违法违规记录"),
    "applicant.violation_remove": _("删除违法违规记录"),
    "application.create": _("创建申报"),
    "application.update": _("修改申报材料"),
    "application.attachment_add": _("上传附件"),
    "application.attachment_remove": _("删除附件"),
    "application.talent_add": _("登记引进人才"),
    "application.talent_remove": _("删除引进人才"),
    "application.talent_verify": _("核实引进人才"),
    "application.publicity": _("登记内部公示"),
    "application.commitment": _("签署承诺书"),
    "application.opinion_request": _("书面征求意见"),
    "application.opinion_answer": _("登记部门意见"),
    "application.open_trade_secret": _("查阅商业秘密材料"),
    "audit.view_trail": _("查阅审计日志"),
    "audit.verify_chain": _("校验审计链"),
    "award_record.create": _("登记获奖记录"),
    "award_record.revoke": _("登记撤销奖项"),
    "calendar.override_set": _("调整工作日历"),
    "calendar.override_deleted": _("删除日历调整"),
    "edition.create": _("新建届次"),
    "edition.update_plan": _("修改评选方案"),
    "edition.choose_rubrics": _("选定评分标准"),
    "edition.record_approval": _("登记审批"),
    "edition.publish_call": _("发布申报通知"),
    "notice.publish": _("发布公示"),
    "notice.record_past": _("补录往期公示"),
    "notice.withdraw": _("撤回公示"),
    "notice.entry.remove": _("从公示名单移除"),
    "objection.file": _("提出异议"),
    "objection.findings": _("记录调查核实情况"),
    "objection.identity.view": _("查看异议人身份"),
    "rubric.mark_verified": _("核对评分标准"),
    "rubric.update_item_points": _("修改条目分值"),
    "rubric.update_category_points": _("修改类目分值"),
}

_ADMIN_VERBS = {"add": _("后台新增"), "change": _("后台修改"), "delete": _("后台删除"),
                "set_password": _("后台设置密码")}


def action_label(code: str) -> str:
    """The reader's words for an action code; the code itself when nothing better is known."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    machine_name, _sep, action = code.partition(".")
    machine = MACHINES.get(machine_name)
    if machine is not None:
        transition = next((t for t in machine.transitions if t.action == action), None)
        if transition is not None:
            return str(transition.label)
    if code.startswith("admin."):  # admin.<app>.<model>.<verb> (qaward.core.admin_mixins)
        verb = code.rsplit(".", 1)[-1]
        if verb in _ADMIN_VERBS:
            return str(_ADMIN_VERBS[verb])
    return code
