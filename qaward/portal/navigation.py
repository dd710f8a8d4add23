"""The menu as data: who sees which entry, in which section, in which order.

Add your app's entries to NAV_ENTRIES. An entry whose URL name does not resolve (the app is not
installed or its page is not written yet) is skipped, so entries can be declared ahead of the pages.

``roles``: None — any signed-in user; PUBLIC — everyone, signed in or not; otherwise the role
codes (qaward.accounts.enums.Role) whose holders see the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qaward.accounts.enums import Role

PUBLIC = "public"


@dataclass(frozen=True)
class Section:
    code: str
    label: Promise
    order: int


SECTIONS = {
    section.code: section
    for section in [
        Section("work", _("工作台"), 10),
        Section("apply", _("申报"), 20),
        Section("review", _("审核推荐"), 30),
        Section("organise", _("评选组织"), 40),
        Section("evaluate", _("评审"), 50),
        Section("decide", _("审议与决定"), 60),
        Section("oversight", _("监督"), 70),
        Section("public", _("公开信息"), 90),
    ]
}


@dataclass(frozen=True)
class NavEntry:
    label: Promise | str
    url_name: str
    roles: frozenset[str] | str | None = None
    icon: str = "bi-circle"
    order: int = 100
    section: str = "work"

    def visible_to(self, user) -> bool:
        if self.roles == PUBLIC:
            return True
        if not user.is_authenticated:
            return False
        return self.roles is None or bool(user.role_codes() & self.roles)

    def for_role(self, role: str) -> bool:
        """Whether the entry is one of the role's own pages (not a page everyone has)."""
        return isinstance(self.roles, frozenset) and role in self.roles


def roles(*codes: str) -> frozenset[str]:
    return frozenset(codes)


OFFICE_SIDE = roles(Role.OFFICE, Role.THIRD_PARTY)
RECEIVERS = roles(Role.COUNTY_MSA, Role.INDUSTRY_AUTHORITY, Role.COUNTY_GOVERNMENT)

NAV_ENTRIES: list[NavEntry] = [
    # 工作台
    NavEntry(_("待办事项"), "portal:todo", None, "bi-list-check", 10, "work"),
    NavEntry(_("我的工作台"), "portal:workbench", None, "bi-grid-1x2", 20, "work"),
    NavEntry(_("站内通知"), "applications:notifications", None, "bi-bell", 30, "work"),
    # 申报 (第十一、十二、十五条)
    NavEntry(_("我的申报"), "applications:list", roles(Role.APPLICANT), "bi-file-earmark-text", 10, "apply"),
    NavEntry(_("申报主体信息"), "applicants:profile", roles(Role.APPLICANT), "bi-person-vcard", 20, "apply"),
    # 审核推荐 (第十五、十六条)
    NavEntry(_("申报审核"), "applications:inbox", RECEIVERS, "bi-clipboard-check", 10, "review"),
    # 评选组织 (第八、十四、十七条)
    NavEntry(_("届次管理"), "programs:edition_list", roles(Role.OFFICE, Role.SUPERVISION, Role.LEADERSHIP),
             "bi-calendar3", 10, "organise"),
    NavEntry(_("评分标准"), "programs:rubric_list", roles(Role.OFFICE, Role.SUPERVISION, Role.LEADERSHIP),
             "bi-list-ol", 15, "organise"),
    # Formal review is the office's own decision (第十七条); the third party sees the acceptance list only.
    NavEntry(_("形式审查"), "applications:formal_review", roles(Role.OFFICE), "bi-search", 20, "organise"),
    NavEntry(_("公示管理"), "notices:manage", roles(Role.OFFICE), "bi-megaphone", 30, "organise"),
    NavEntry(_("受理名单"), "applications:acceptance", OFFICE_SIDE | {Role.SUPERVISION, Role.LEADERSHIP},
             "bi-list-check", 25, "organise"),
    NavEntry(_("历届获奖记录"), "applications:history", roles(Role.OFFICE), "bi-award", 80, "organise"),
    NavEntry(_("邮件发件箱"), "applications:outbox", roles(Role.OFFICE), "bi-envelope", 85, "organise"),
    NavEntry(_("公示异议"), "notices:objections", roles(Role.OFFICE), "bi-flag", 35, "organise"),
    NavEntry(_("工作日历"), "programs:calendar", roles(Role.OFFICE), "bi-calendar-week", 90, "organise"),
    NavEntry(_("账号管理"), "accounts:user_list", roles(Role.OFFICE), "bi-people", 95, "organise"),
    # 评审 (第十八、三十二条)
    NavEntry(_("评审任务"), "evaluation:my_assignments", roles(Role.EXPERT), "bi-pencil-square", 10,
             "evaluate"),
    # 审议与决定 (第十九～二十一条)
    NavEntry(_("征求意见"), "notices:consultations", roles(Role.CONSULTED_DEPT), "bi-chat-square-text", 10,
             "decide"),
    NavEntry(_("异议处理决定"), "notices:objections", roles(Role.LEADERSHIP), "bi-flag", 20, "decide"),
    # 监督 (第十八、二十八条)
    NavEntry(_("审计日志"), "core:audit_trail", roles(Role.SUPERVISION), "bi-shield-check", 10, "oversight"),
    NavEntry(_("异议与举报"), "notices:reports_inbox", roles(Role.SUPERVISION), "bi-inbox", 20, "oversight"),
    # 公开信息 (第二十七、二十八、三十一条)
    NavEntry(_("首页"), "portal:home", PUBLIC, "bi-house", 10, "public"),
    NavEntry(_("公示公告"), "notices:public_list", PUBLIC, "bi-megaphone", 20, "public"),
    NavEntry(_("获奖名单"), "notices:winners", PUBLIC, "bi-trophy", 25, "public"),
    NavEntry(_("管理办法"), "portal:rules", PUBLIC, "bi-journal-text", 30, "public"),
    NavEntry(_("异议与举报"), "portal:report_guide", PUBLIC, "bi-chat-left-dots", 40, "public"),
    NavEntry(_("证书查验"), "certificates:verify", PUBLIC, "bi-patch-check", 50, "public"),
]


@dataclass(frozen=True)
class NavLink:
    """An entry that resolved, ready for the template."""

    label: str
    url: str
    url_name: str
    icon: str
    section: str
    active: bool


def _resolve(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def resolve_entries(entries: Iterable[NavEntry], current_path: str = "") -> list[NavLink]:
    links = []
    seen: set[str] = set()
    for entry in sorted(entries, key=lambda e: (SECTIONS[e.section].order, e.order)):
        url = _resolve(entry.url_name)
        if url is None or url in seen:  # a page reached by two of the user's roles is listed once
            continue
        seen.add(url)
        links.append(NavLink(str(entry.label), url, entry.url_name, entry.icon, entry.section, False))
    # Only the deepest matching entry is current: /notices/manage/ is 公示管理, not also 公示公告 (/notices/).
    matches = [link.url for link in links
               if current_path == link.url or (link.url != "/" and current_path.startswith(link.url))]
    best = max(matches, key=len, default=None)
    return [replace(link, active=True) if link.url == best else link for link in links]


def links_for(user, current_path: str = "") -> list[NavLink]:
    return resolve_entries([e for e in NAV_ENTRIES if e.visible_to(user)], current_path)


def links_for_role(role: str) -> list[NavLink]:
    return resolve_entries([e for e in NAV_ENTRIES if e.for_role(role)])


def grouped(links: list[NavLink]) -> list[tuple[Section, list[NavLink]]]:
    groups: dict[str, list[NavLink]] = {}
    for link in links:
        groups.setdefault(link.section, []).append(link)
    return [(SECTIONS[code], items) for code, items in groups.items()]
