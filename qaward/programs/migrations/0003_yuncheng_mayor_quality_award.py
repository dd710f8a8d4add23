"""The first program: 运城市市长质量奖 under 运政发〔2023〕14号."""

import datetime

from django.db import migrations

from qaward.programs.measures_text import load_measures_2023

DOCUMENT_NUMBER = "运政发〔2023〕14号"
PROGRAM_CODE = "yuncheng-mayor-quality-award"


def create(apps, schema_editor):
    RuleDocument = apps.get_model("programs", "RuleDocument")
    Program = apps.get_model("programs", "Program")
    Rubric = apps.get_model("programs", "Rubric")

    measures = RuleDocument.objects.create(
        title="运城市市长质量奖管理办法",
        document_number=DOCUMENT_NUMBER,
        issuer="运城市人民政府",
        effective_from=datetime.date(2023, 6, 9),  # 第三十四条
        valid_years=5,  # 第三十五条
        full_text=load_measures_2023(),
    )
    Program.objects.create(
        code=PROGRAM_CODE,
        name="运城市市长质量奖",
        level="city",
        issuing_authority="运城市人民政府",
        rule_document=measures,
        cycle_years=5,  # 第四条
        quota_award_organizations=4,
        quota_award_individuals=4,
        quota_nomination_organizations=4,
        quota_nomination_individuals=4,
        notice_min_workdays=5,  # 第十九、二十条
        acceptance_notice_workdays=5,  # no minimum in 第十七条: program default
        internal_publicity_min_workdays=5,  # 第十五条
        bonus_general_talent=5,  # 第三条
        bonus_senior_talent=20,
        profile_max_chars=3000,
        self_assessment_max_chars=30000,
        organization_min_years=3,  # 第十一条第（一）项
        accident_lookback_years=3,  # 第十一条第（六）项
        person_min_quality_years=10,  # 第十二条第（六）项
        winner_cooldown_editions=2,  # 第十三条
        revocation_ban_editions=3,  # 第三十条
        # 第三条 names GB/T 19580-2004, so it is Yuncheng's default, not the current 2012 edition.
        organization_rubric=Rubric.objects.get(code="gbt19580-2004"),
        individual_rubric=Rubric.objects.get(code="individual-2023"),
    )


def remove(apps, schema_editor):
    apps.get_model("programs", "Program").objects.filter(code=PROGRAM_CODE).delete()
    apps.get_model("programs", "RuleDocument").objects.filter(document_number=DOCUMENT_NUMBER).delete()


class Migration(migrations.Migration):

    dependencies = [("programs", "0002_rubrics_and_scoring_bands")]

    operations = [migrations.RunPython(create, remove)]
