from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Role codes of DESIGN.md §2; a role is always held within an organisation."""

    APPLICANT = "applicant", _("申报者")
    COUNTY_MSA = "county_msa", _("县级市场监管部门")
    INDUSTRY_AUTHORITY = "industry_authority", _("市级行业主管部门")
    COUNTY_GOVERNMENT = "county_government", _("县（市、区）政府/开发区管委会")
    OFFICE = "office", _("领导小组办公室")
    THIRD_PARTY = "third_party", _("受委托第三方机构")
    EXPERT = "expert", _("评审专家")
    SUPERVISION = "supervision", _("监督组")
    LEADERSHIP = "leadership", _("领导小组")
    CONSULTED_DEPT = "consulted_dept", _("征求意见部门")
    HR_BUREAU = "hr_bureau", _("市人社局")
    CITY_GOVERNMENT = "city_government", _("市政府")


# Staff roles may (and are encouraged to) enrol two-factor login.
STAFF_ROLES = frozenset({Role.OFFICE, Role.SUPERVISION, Role.LEADERSHIP, Role.EXPERT, Role.THIRD_PARTY})


class DivisionKind(models.TextChoices):
    DISTRICT = "district", _("市辖区")
    COUNTY_CITY = "county_city", _("县级市")
    COUNTY = "county", _("县")
    DEV_ZONE = "dev_zone", _("开发区")


class OrganizationKind(models.TextChoices):
    DEPARTMENT = "department", _("政府部门/机构")
    ENTERPRISE = "enterprise", _("企业")
    NON_PROFIT = "non_profit", _("社会组织（非营利）")
    PUBLIC_INSTITUTION = "public_institution", _("机关事业单位")
    EXPERT_HOME = "expert_home", _("专家所在单位")


class DepartmentType(models.TextChoices):
    COUNTY_MSA = "county_msa", _("县级市场监管部门")
    COUNTY_GOVERNMENT = "county_government", _("县（市、区）人民政府")
    DEV_ZONE_COMMITTEE = "dev_zone_committee", _("运城开发区管委会")
    INDUSTRY_AUTHORITY = "industry_authority", _("市级行业主管部门")
    LEADERSHIP_GROUP = "leadership_group", _("运城市标准化和质量强市领导小组")
    OFFICE = "office", _("领导小组办公室")
    SUPERVISION_GROUP = "supervision_group", _("监督组")
    CONSULTED = "consulted", _("征求意见部门")
    HR_BUREAU = "hr_bureau", _("市人力资源和社会保障局")
    CITY_GOVERNMENT = "city_government", _("运城市人民政府")
    THIRD_PARTY = "third_party", _("受委托第三方机构")


class ConsultationArea(models.TextChoices):
    """第十九条: which departments are asked for opinions on a candidate."""

    PUBLIC_SECURITY = "public_security", _("公安")
    DISCIPLINE = "discipline", _("纪检监察")
    ORGANIZATION = "organization", _("组织人事")
    HUMAN_RESOURCES = "human_resources", _("人力资源社会保障")
    ENVIRONMENT = "environment", _("生态环境")
    EMERGENCY = "emergency", _("应急管理")
    MARKET = "market", _("市场监管")
    TAX = "tax", _("税务")
