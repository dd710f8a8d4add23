"""Invented names and texts for the generated world; nothing here names a real organisation or person."""

from __future__ import annotations

import random

from stdnum.cn import ric, uscc


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


BRANDS = _words(
    "禾岚 涑澜 晴岭 中条 河东 盐池 舜耕 关帝 鹳雀 池神 银湖 条山 岚峰 青禾 泓远 嘉禾 华晋 晋南 汾河 黄河 "
    "永盛 恒信 瑞丰 鼎泰 宏达 新元 天和 金穗 润泽 博远 聚源 鑫诚 安泰 宝华 昌隆 德顺 福源 广和 弘毅 华信 "
    "佳禾 锦程 康泰 立信 明德 宁远 鹏程 庆丰 荣盛 善和 泰和 万通 祥和 信达 亚太 裕隆 兆丰 振华 正通 致远 "
    "中和 卓越 东升 南风 西岭 北辰 云海 星河 晨曦 朝阳 舜都 虞乡 解州 安邑 猗顿 绛州 闻喜 河津 芮城 稷王"
)
TRADES = {
    "A": ("农业", "果业", "畜牧"), "C": ("机械", "食品", "化工", "铝业", "制药", "电子", "建材", "汽车配件", "纺织", "装备"),
    "D": ("电力", "燃气", "水务"), "E": ("建设", "建工", "路桥"), "F": ("商贸", "物流商贸"), "G": ("运输", "物流"),
    "H": ("酒店", "餐饮"), "I": ("信息技术", "软件"), "M": ("检测", "科技"), "P": ("职业学校", "培训学校"),
    "Q": ("医院", "健康"), "R": ("文旅", "传媒"),
}
INDUSTRIES = (  # GB/T 4754-2017 divisions, weighted towards manufacturing as the applicants are
    ["C13", "C14", "C15", "C26", "C27", "C30", "C31", "C32", "C33", "C34", "C35", "C36", "C38", "C39"] * 3
    + ["A01", "A03", "D44", "D45", "E47", "E48", "F51", "F52", "G54", "H61", "I65", "M74", "P83", "Q84", "R87"]
)
SUFFIXES = {"enterprise": ("有限公司", "股份有限公司", "集团有限公司"), "non_profit": ("协会", "研究会", "服务中心"),
            "public_institution": ("中心", "研究院", "管理所")}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰峰辉斌波宁凯欣悦晨浩宇鑫"
POSITIONS = ("质量部部长", "质量总监", "首席质量官", "总工程师", "质量管理工程师", "技术中心主任", "品质经理")

SENTENCES = (
    "公司坚持“质量第一、顾客至上”的方针，建立了覆盖研发、采购、生产、交付和服务全过程的质量管理体系。",
    "先后通过ISO 9001、ISO 14001和ISO 45001认证，并持续保持有效运行。",
    "近三年主要产品一次交验合格率保持在99.5%以上，顾客满意度逐年提升。",
    "高层领导每季度主持质量分析会，对关键质量指标进行评审，明确改进方向和责任人。",
    "公司制定了五年发展战略，将质量提升作为核心战略目标之一，逐级分解到部门和岗位。",
    "建立了顾客需求识别、投诉处理和满意度测量的闭环机制，投诉处理及时率达到100%。",
    "加大研发投入，研发费用占营业收入的比例连续三年超过3%，拥有有效发明专利二十余项。",
    "推行精益生产和六西格玛管理，开展质量改进项目，累计降低质量损失成本数百万元。",
    "建立了覆盖原材料、过程和成品的检测体系，关键工序实现在线监测和数据追溯。",
    "重视人才培养，建立了技能等级评价和首席技师制度，职工年度培训时间人均超过四十学时。",
    "积极履行社会责任，参与乡村振兴和公益活动，近三年未发生重大质量、安全和环境事故。",
    "与同行业先进企业对标，主要经济技术指标处于全市同行业前列。",
    "建立了供应商评价和分级管理制度，对关键供应商开展年度现场审核。",
    "运用信息化手段建设质量大数据平台，实现质量数据的采集、分析与预警。",
    "通过QC小组、合理化建议等活动，调动全员参与质量改进的积极性。",
)
MODES = (
    "以“卓越绩效+精益管理”为核心的“三全一持续”质量管理模式：全员参与、全过程控制、全价值链协同，持续改进。",
    "“标准引领、数据驱动、持续改进”的质量管理模式，以标准化为基础，以数字化为手段，以顾客满意为目标。",
    "“零缺陷”质量文化与过程方法相结合的管理模式，第一次就把事情做对。",
)


def text(rng: random.Random, chars: int) -> str:
    """Prose of about ``chars`` characters, drawn from the sentences above."""
    parts, length = [], 0
    while length < chars:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def credit_code(division_code: str, number: int) -> str:
    """A unified social credit code with a valid check digit, registered in ``division_code``."""
    base = f"91{division_code}MA{number:07d}"
    return base + uscc.calc_check_digit(base)


def id_number(rng: random.Random, number: int) -> str:
    """A resident ID number with a valid check digit (142701: 运城 before 2000)."""
    base = f"142701{rng.randint(1965, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{number % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


def organization_name(rng: random.Random, place: str, kind: str, industry: str, seen: set[str]) -> str:
    """A name not in ``seen`` (which it joins), e.g. 盐湖禾岚机械有限公司."""
    trades = TRADES.get(industry[0], ("实业",))
    for _attempt in range(40):
        name = f"{place}{rng.choice(BRANDS)}{rng.choice(trades)}{rng.choice(SUFFIXES[kind])}"
        if name not in seen:
            break
    else:  # the word lists are exhausted for this place and trade: number it
        name = f"{name}（{len(seen) + 1}）"
    seen.add(name)
    return name
