"""The rubrics and scoring bands of /work/shared/RUBRICS.md, as shipped data.

Item splits are "as best known" (RUBRICS.md), so every rubric starts unverified: the office
confirms it against its copy of the standard in the rubric page.
"""

from django.db import migrations

P, R = "process", "result"

# (code, name, points, is_results, [(code, name, points, kind, guidance)])
GBT19580_2004 = [
    ("4.1", "领导", 100, False, [
        ("4.1.1", "组织的领导", 60, P, "高层领导的作用、组织治理、组织绩效的评审"),
        ("4.1.2", "社会责任", 40, P, ""),
    ]),
    ("4.2", "战略", 80, False, [
        ("4.2.1", "战略制定", 40, P, ""),
        ("4.2.2", "战略部署", 40, P, ""),
    ]),
    ("4.3", "顾客与市场", 90, False, [
        ("4.3.1", "顾客与市场的了解", 40, P, ""),
        ("4.3.2", "顾客关系与顾客满意", 50, P, ""),
    ]),
    ("4.4", "资源", 120, False, [
        ("4.4.1", "人力资源", 40, P, ""),
        ("4.4.2", "财务资源", 10, P, ""),
        ("4.4.3", "基础设施", 20, P, ""),
        ("4.4.4", "信息", 20, P, ""),
        ("4.4.5", "技术", 20, P, ""),
        ("4.4.6", "相关方关系", 10, P, ""),
    ]),
    ("4.5", "过程管理", 110, False, [
        ("4.5.1", "价值创造过程", 70, P, ""),
        ("4.5.2", "支持过程", 40, P, ""),
    ]),
    ("4.6", "测量、分析与改进", 100, False, [
        ("4.6.1", "测量与分析", 40, P, ""),
        ("4.6.2", "信息和知识的管理", 30, P, ""),
        ("4.6.3", "改进", 30, P, ""),
    ]),
    ("4.7", "经营结果", 400, True, [
        ("4.7.1", "顾客与市场的结果", 120, R, ""),
        ("4.7.2", "财务结果", 80, R, ""),
        ("4.7.3", "资源结果", 80, R, ""),
        ("4.7.4", "过程有效性结果", 70, R, ""),
        ("4.7.5", "组织的治理和社会责任结果", 50, R, ""),
    ]),
]

# In 2012 each category's x.1 clause is general (总则), so scored items start at x.2.
GBT19580_2012 = [
    ("4.1", "领导", 110, False, [
        ("4.1.2", "高层领导的作用", 50, P, ""),
        ("4.1.3", "组织治理", 30, P, ""),
        ("4.1.4", "社会责任", 30, P, ""),
    ]),
    ("4.2", "战略", 90, False, [
        ("4.2.2", "战略制定", 40, P, ""),
        ("4.2.3", "战略部署", 50, P, ""),
    ]),
    ("4.3", "顾客与市场", 90, False, [
        ("4.3.2", "顾客和市场的了解", 40, P, ""),
        ("4.3.3", "顾客关系与顾客满意", 50, P, ""),
    ]),
    ("4.4", "资源", 130, False, [
        ("4.4.2", "人力资源", 60, P, ""),
        ("4.4.3", "财务资源", 15, P, ""),
        ("4.4.4", "信息和知识资源", 20, P, ""),
        ("4.4.5", "技术资源", 15, P, ""),
        ("4.4.6", "基础设施", 10, P, ""),
        ("4.4.7", "相关方关系", 10, P, ""),
    ]),
    ("4.5", "过程管理", 100, False, [
        ("4.5.2", "过程的识别与设计", 50, P, ""),
        ("4.5.3", "过程的实施与改进", 50, P, ""),
    ]),
    ("4.6", "测量、分析与改进", 80, False, [
        ("4.6.2", "测量、分析和评价", 40, P, ""),
        ("4.6.3", "改进与创新", 40, P, ""),
    ]),
    ("4.7", "结果", 400, True, [
        ("4.7.2", "产品和服务结果", 80, R, ""),
        ("4.7.3", "顾客与市场结果", 80, R, ""),
        ("4.7.4", "财务结果", 80, R, ""),
        ("4.7.5", "资源结果", 60, R, ""),
        ("4.7.6", "过程有效性结果", 50, R, ""),
        ("4.7.7", "领导方面的结果", 50, R, ""),
    ]),
]

# 第十二条第（二）至（五）项 are scored; (一) and (六) are eligibility gates, not scores.
# One category keeps the four items freely re-weightable within the 100 points.
INDIVIDUAL_2023 = [
    ("12", "个人质量工作业绩", 100, False, [
        ("12(2)", "贯彻 GB/T 19580、推进质量管理", 25, P, "第十二条第（二）项"),
        ("12(3)", "质量管理理念、方法创新与质量文化，形成独特模式与成果，对全市质量发展的贡献", 35, P,
         "第十二条第（三）项"),
        ("12(4)", "所管辖组织的质量、技术、经济指标及示范作用（降耗、资源利用、环保、可持续）", 25, R,
         "第十二条第（四）项"),
        ("12(5)", "所管辖组织的社会知名度与美誉度", 15, R, "第十二条第（五）项"),
    ]),
]

RUBRICS = [
    ("gbt19580-2004", "卓越绩效评价准则（GB/T 19580-2004）", "GB/T 19580-2004", "organization", 1000,
     GBT19580_2004),
    ("gbt19580-2012", "卓越绩效评价准则（GB/T 19580-2012）", "GB/T 19580-2012", "organization", 1000,
     GBT19580_2012),
    ("individual-2023", "个人评分标准（依据《管理办法》第十二条）", "", "individual", 100, INDIVIDUAL_2023),
]

# (min, max, process description, result description) — GB/Z 19579 bands.
BANDS = [
    (0, 5,
     "无系统方法，信息零散；几乎未展开；被动应对问题；各部门各自为政",
     "无结果或结果差；无趋势或趋势不利；无对比信息；重要领域无结果"),
    (10, 25,
     "开始有系统方法应对基本要求；多数领域处于展开初期；开始转向改进导向；主要靠共同解决问题协调",
     "少量结果，部分初显良好；几乎无趋势数据；几乎无对比数据；覆盖少数重要领域"),
    (30, 45,
     "有效、系统的方法应对基本要求；已展开，个别领域处于初期；开始系统的评价与改进；初步协调一致",
     "多数领域水平良好；初步趋势；初步对比；覆盖多数重要领域"),
    (50, 65,
     "有效、系统的方法应对总体要求；展开良好；基于事实的评价改进，有一定学习与创新；与组织需要协调一致",
     "多数领域改进趋势或良好水平，无不利模式；部分对比良好至很好；覆盖主要领域"),
    (70, 85,
     "有效、系统的方法应对多重要求；展开良好无明显差距；学习与创新成为关键管理工具；方法与组织需要整合",
     "多数重要领域水平良好至优秀且持续；多数趋势良好；许多领域处于领先；与战略整合"),
    (90, 100,
     "方法完全响应多重要求；全面展开无差距；全组织范围的创新；方法高度整合",
     "多数重要领域水平卓越；持续改进趋势；行业标杆领先；完全整合并有预测"),
]


def create(apps, schema_editor):
    Rubric = apps.get_model("programs", "Rubric")
    RubricCategory = apps.get_model("programs", "RubricCategory")
    RubricItem = apps.get_model("programs", "RubricItem")
    ScoringBand = apps.get_model("programs", "ScoringBand")

    for code, name, standard, track, total, categories in RUBRICS:
        rubric = Rubric.objects.create(code=code, name=name, standard=standard, track=track,
                                       total_points=total, verified=False)
        for order, (cat_code, cat_name, cat_points, is_results, items) in enumerate(categories, start=1):
            category = RubricCategory.objects.create(rubric=rubric, code=cat_code, name=cat_name,
                                                     points=cat_points, order=order, is_results=is_results)
            for item_order, (item_code, item_name, points, kind, note) in enumerate(items, start=1):
                RubricItem.objects.create(
                    category=category, code=item_code, name=item_name, points=points, kind=kind,
                    guidance=note, source=item_code if track == "individual" else "", order=item_order,
                )

    for order, (low, high, process, result) in enumerate(BANDS, start=1):
        ScoringBand.objects.create(order=order, min_percent=low, max_percent=high,
                                   process_description=process, result_description=result)


def remove(apps, schema_editor):
    apps.get_model("programs", "ScoringBand").objects.all().delete()
    apps.get_model("programs", "Rubric").objects.filter(
        code__in=[code for code, *_ in RUBRICS]
    ).delete()


class Migration(migrations.Migration):

    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
