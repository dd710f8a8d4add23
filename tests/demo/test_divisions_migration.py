"""accounts 0002: Yuncheng's divisions and the public bodies of the Measures."""

import importlib

from django.apps import apps

from qaward.accounts.enums import ConsultationArea, DepartmentType
from qaward.accounts.models import Division, Organization

migration = importlib.import_module("qaward.accounts.migrations.0002_yuncheng_divisions_and_departments")

EXPECTED_DIVISIONS = [
    ("140802", "盐湖区", "district"),
    ("140821", "临猗县", "county"),
    ("140822", "万荣县", "county"),
    ("140823", "闻喜县", "county"),
    ("140824", "稷山县", "county"),
    ("140825", "新绛县", "county"),
    ("140826", "绛县", "county"),
    ("140827", "垣曲县", "county"),
    ("140828", "夏县", "county"),
    ("140829", "平陆县", "county"),
    ("140830", "芮城县", "county"),
    ("140881", "永济市", "county_city"),
    ("140882", "河津市", "county_city"),
    ("140871", "运城开发区", "dev_zone"),
]


def test_divisions_are_the_thirteen_counties_and_the_dev_zone(db):
    assert list(Division.objects.values_list("code", "name", "kind")) == EXPECTED_DIVISIONS


def test_every_division_has_a_market_supervision_department_and_a_government(db):
    for division in Division.objects.all():
        types = sorted(division.organizations.values_list("department_type", flat=True))
        government = "dev_zone_committee" if division.kind == "dev_zone" else "county_government"
        assert types == sorted(["county_msa", government]), division.name
    assert Organization.objects.get(department_type="county_msa", division__code="140802").name == "盐湖区市场监督管理局"
    assert Organization.objects.get(department_type="county_government", division__code="140881").name == "永济市人民政府"
    assert Organization.objects.get(department_type="dev_zone_committee").name == "运城开发区管委会"


def test_industry_authorities_carry_their_gbt4754_sections(db):
    authorities = dict(Organization.objects.filter(department_type=DepartmentType.INDUSTRY_AUTHORITY)
                       .values_list("name", "industry_codes"))
    assert authorities == {
        "运城市工业和信息化局": "C,D",
        "运城市农业农村局": "A",
        "运城市住房和城乡建设局": "E",
        "运城市交通运输局": "G",
        "运城市商务局": "F",
        "运城市文化和旅游局": "R",
        "运城市卫生健康委员会": "Q",
        "运城市教育局": "P",
    }


def test_each_consultation_area_has_exactly_one_department(db):
    areas = dict(Organization.objects.exclude(consultation_area="").values_list("consultation_area", "name"))
    assert areas == {
        ConsultationArea.PUBLIC_SECURITY: "运城市公安局",
        ConsultationArea.DISCIPLINE: "中共运城市纪律检查委员会 运城市监察委员会",
        ConsultationArea.ORGANIZATION: "中共运城市委组织部",
        ConsultationArea.HUMAN_RESOURCES: "运城市人力资源和社会保障局",
        ConsultationArea.ENVIRONMENT: "运城市生态环境局",
        ConsultationArea.EMERGENCY: "运城市应急管理局",
        ConsultationArea.MARKET: "运城市市场监督管理局",
        ConsultationArea.TAX: "国家税务总局运城市税务局",
    }


def test_city_bodies_have_their_department_types(db):
    assert dict(Organization.objects.filter(department_type__in=[
        "city_government", "leadership_group", "office", "supervision_group", "hr_bureau",
    ]).values_list("department_type", "name")) == {
        "city_government": "运城市人民政府",
        "leadership_group": "运城市标准化和质量强市领导小组",
        "office": "运城市标准化和质量强市领导小组办公室",
        "supervision_group": "运城市标准化和质量强市领导小组监督组",
        "hr_bureau": "运城市人力资源和社会保障局",
    }
    assert set(Organization.objects.values_list("kind", flat=True)) == {"department"}
    assert Organization.objects.count() == 28 + 8 + 12


def test_migration_runs_again_without_duplicates(db):
    Division.objects.filter(code="140802").update(name="改名测试", order=99)
    migration.load(apps, None)
    assert Division.objects.count() == 14
    assert Division.objects.get(code="140802").name == "盐湖区"
    assert Organization.objects.count() == 48
