"""Yuncheng's county-level divisions and the public bodies the Measures name.

Division codes are GB/T 2260 (民政部 county-level codes for 运城市 140800): one district, ten counties
and two county-level cities.

运城开发区 (运城经济技术开发区) is no administrative division and has no GB/T 2260 code. The National
Bureau of Statistics gives some development zones a statistical code in the x71–x79 range of their
city (e.g. 140171 山西转型综合改革示范区, 140271 山西大同经济开发区), but its 统计用区划代码 lists
nothing under 1408 besides the thirteen divisions below. We therefore use 140871 as an *internal*
code: it follows the statistical convention, stays inside 1408xx (the local-organisation check of
第十一条 reads that prefix) and is not used by any official list. Replace it if the NBS assigns one.

Every row is written with update_or_create so the migration can run again over edited data; the
reverse is a no-op because organisations may by then hold role grants and applications.
"""

from django.db import migrations

# (GB/T 2260 code, name, kind) in the order the city lists them.
DIVISIONS = [
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
DEV_ZONE_CODE = "140871"

# (name, short name, GB/T 4754-2017 sections they are in charge of)
INDUSTRY_AUTHORITIES = [
    ("运城市工业和信息化局", "市工信局", "C,D"),
    ("运城市农业农村局", "市农业农村局", "A"),
    ("运城市住房和城乡建设局", "市住建局", "E"),
    ("运城市交通运输局", "市交通运输局", "G"),
    ("运城市商务局", "市商务局", "F"),
    ("运城市文化和旅游局", "市文旅局", "R"),
    ("运城市卫生健康委员会", "市卫健委", "Q"),
    ("运城市教育局", "市教育局", "P"),
]

# (name, short name, department_type, consultation_area): bodies of 第七、八、十八、十九、二十一、二十二条
CITY_BODIES = [
    ("运城市人民政府", "市政府", "city_government", ""),
    ("运城市标准化和质量强市领导小组", "领导小组", "leadership_group", ""),
    # 第八条: the office sits in the municipal market supervision bureau but acts as its own body.
    ("运城市标准化和质量强市领导小组办公室", "领导小组办公室", "office", ""),
    ("运城市标准化和质量强市领导小组监督组", "监督组", "supervision_group", ""),
    # The HR bureau co-signs the report (第二十一条) and is consulted on enterprises (第十九条).
    ("运城市人力资源和社会保障局", "市人社局", "hr_bureau", "human_resources"),
    ("运城市公安局", "市公安局", "consulted", "public_security"),
    ("中共运城市纪律检查委员会 运城市监察委员会", "市纪委监委", "consulted", "discipline"),
    ("中共运城市委组织部", "市委组织部", "consulted", "organization"),
    ("运城市生态环境局", "市生态环境局", "consulted", "environment"),
    ("运城市应急管理局", "市应急管理局", "consulted", "emergency"),
    ("运城市市场监督管理局", "市市场监管局", "consulted", "market"),
    ("国家税务总局运城市税务局", "市税务局", "consulted", "tax"),
]


def county_bodies(code, name):
    """The receiving department (第十五条) and the recommending government (第十六条) of one division."""
    if code == DEV_ZONE_CODE:
        return [
            ("运城开发区市场监督管理局", "开发区市场监管局", "county_msa"),
            ("运城开发区管委会", "开发区管委会", "dev_zone_committee"),
        ]
    return [
        (f"{name}市场监督管理局", f"{name}市场监管局", "county_msa"),
        (f"{name}人民政府", f"{name}政府", "county_government"),
    ]


def load(apps, schema_editor):
    Division = apps.get_model("accounts", "Division")
    Organization = apps.get_model("accounts", "Organization")

    def department(name, short_name, department_type, **fields):
        Organization.objects.update_or_create(
            name=name,
            defaults={"short_name": short_name, "kind": "department", "department_type": department_type,
                      "division": None, "consultation_area": "", "industry_codes": "", "is_active": True,
                      **fields},
        )

    for order, (code, name, kind) in enumerate(DIVISIONS, start=1):
        division, _ = Division.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "order": order}
        )
        for org_name, short_name, department_type in county_bodies(code, name):
            department(org_name, short_name, department_type, division=division)

    for name, short_name, sections in INDUSTRY_AUTHORITIES:
        department(name, short_name, "industry_authority", industry_codes=sections)

    for name, short_name, department_type, area in CITY_BODIES:
        department(name, short_name, department_type, consultation_area=area)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
