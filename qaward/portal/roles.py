"""What each role does, in the words of DESIGN.md §2, with the articles that give it the task."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qaward.accounts.enums import Role

from .measures import article_label


@dataclass(frozen=True)
class RoleProfile:
    role: Role
    summary: Promise
    articles: tuple[int, ...]
    icon: str

    @property
    def label(self) -> str:
        return self.role.label

    @property
    def article_links(self) -> list[tuple[str, str]]:
        """(第十五条, anchor) pairs for links into the rules page."""
        return [(article_label(number), f"article-{number}") for number in self.articles]


_PROFILES = [
    RoleProfile(Role.APPLICANT, _("登记申报主体，填写申报表，上传证实性材料，记录本组织或单位内部公示结果，"
                                  "签署承诺后向接收部门提交申报。"), (11, 12, 15), "bi-file-earmark-text"),
    RoleProfile(Role.COUNTY_MSA, _("审核本地区申报材料的完整性、真实性、准确性、合法性，审核通过后报本县"
                                   "（市、区）政府或运城开发区管委会推荐；对本地区获奖者履行义务情况进行监督。"),
                (15, 16, 29), "bi-clipboard-check"),
    RoleProfile(Role.INDUSTRY_AUTHORITY, _("负责本行业的培育和推荐工作：审核本行业申报材料，审核通过后直接向"
                                           "领导小组办公室推荐；对本行业获奖者进行监督管理。"),
                (9, 15, 16, 29), "bi-building"),
    RoleProfile(Role.COUNTY_GOVERNMENT, _("对县级市场监管部门审核通过的申报进行推荐，报送领导小组办公室。"),
                (9, 16), "bi-bank"),
    RoleProfile(Role.OFFICE, _("具体组织每届评选：制订评选方案和标准、发布申报通知、形式审查、受理名单公示、"
                               "组建评审组、提出候选名单并组织公示，会同市人社局上报市政府；提请撤销奖项。"),
                (8, 14, 17, 18, 19, 20, 21, 30), "bi-briefcase"),
    RoleProfile(Role.THIRD_PARTY, _("受领导小组办公室委托，承担评选的具体组织工作。"), (10, 18), "bi-diagram-3"),
    RoleProfile(Role.EXPERT, _("对分配给本人的申报进行评审打分，撰写优势与改进机会；与申报者有利害关系的，"
                               "主动申报并回避。"), (18, 32), "bi-mortarboard"),
    RoleProfile(Role.SUPERVISION, _("对评选全过程进行监督（只读），受理投诉和举报，并为举报人保密。"),
                (18, 28), "bi-eye"),
    RoleProfile(Role.LEADERSHIP, _("指导、推动、监督评选工作，审议候选名单形成获奖建议名单，处理评选异议。"),
                (7, 20), "bi-people"),
    RoleProfile(Role.CONSULTED_DEPT, _("就候选组织和个人出具意见：无异议，或说明存在的问题。"), (19,),
                "bi-chat-square-text"),
    RoleProfile(Role.HR_BUREAU, _("与领导小组办公室联合将获奖建议名单上报市政府。"), (21,), "bi-person-badge"),
    RoleProfile(Role.CITY_GOVERNMENT, _("审定表彰对象并发布表彰决定，颁发证书、奖牌或奖章；依法撤销奖项。"),
                (21, 22, 30), "bi-award"),
]

ROLE_PROFILES: dict[str, RoleProfile] = {profile.role.value: profile for profile in _PROFILES}
assert set(ROLE_PROFILES) == set(Role.values), "every role needs a profile"


@dataclass(frozen=True)
class WorkStage:
    """The edition stage in which a role's own work begins, for the workbench's "not yet" note."""

    stage: str  # EditionStage value
    task: Promise


# Roles whose work waits for a later stage of the edition (DESIGN.md §3.1). Before that stage their
# workbench says when the work opens instead of showing an empty card.
WORK_STAGES: dict[str, WorkStage] = {
    Role.EXPERT.value: WorkStage("evaluation", _("评审打分")),
    Role.CONSULTED_DEPT.value: WorkStage("candidates", _("就候选名单出具意见")),
    Role.HR_BUREAU.value: WorkStage("recommendation_notice", _("联合上报获奖建议名单")),
    Role.CITY_GOVERNMENT.value: WorkStage("reported", _("审定表彰对象")),
}
