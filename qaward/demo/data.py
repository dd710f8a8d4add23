"""The fictitious people and organisations of the demo world.

Public bodies come from the accounts data migration (they are real and public). Everything here is
invented: applicant organisations, expert homes, the third-party agency and every person. Brand
words of the company names (禾岚, 涑澜, 晴岭 …) were made up for the demo.
"""

from dataclasses import dataclass

# Readable username suffix per division (GB/T 2260 code; 140871 is the development zone's internal code).
DIVISION_SLUGS = {
    "140802": "yanhu",
    "140821": "linyi",
    "140822": "wanrong",
    "140823": "wenxi",
    "140824": "jishan",
    "140825": "xinjiang",
    "140826": "jiangxian",
    "140827": "yuanqu",
    "140828": "xiaxian",
    "140829": "pinglu",
    "140830": "ruicheng",
    "140881": "yongji",
    "140882": "hejin",
    "140871": "kaifaqu",
}

# Industry authority (organisation name) → username suffix.
INDUSTRY_SLUGS = {
    "运城市工业和信息化局": "gongxin",
    "运城市农业农村局": "nongye",
    "运城市住房和城乡建设局": "zhujian",
    "运城市交通运输局": "jiaotong",
    "运城市商务局": "shangwu",
    "运城市文化和旅游局": "wenlv",
    "运城市卫生健康委员会": "weijian",
    "运城市教育局": "jiaoyu",
}

# Consulted department (consultation area) → username suffix.
CONSULTED_SLUGS = {
    "public_security": "police",
    "discipline": "discipline",
    "organization": "organization",
    "human_resources": "hr",
    "environment": "environment",
    "emergency": "emergency",
    "market": "market",
    "tax": "tax",
}

THIRD_PARTY_NAME = "运城某某质量认证咨询有限公司"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN_NAMES = [
    "建华", "秀英", "志强", "丽娟", "海涛", "晓燕", "国平", "文静", "振宇", "春梅", "立新", "慧敏",
    "永红", "晨阳", "俊杰", "雅琴", "德明", "佳怡", "长青", "雪梅", "宏伟", "玉兰", "子轩", "淑珍",
    "卫东", "思远", "桂芳", "鹏飞", "丹丹", "学军", "若溪", "明辉", "凤霞", "晓东", "瑞雪", "向阳",
]


def person_name(index: int) -> str:
    """A fictitious, deterministic name; consecutive indexes give distinct names."""
    return SURNAMES[index % len(SURNAMES)] + GIVEN_NAMES[(index * 7) % len(GIVEN_NAMES)]


@dataclass(frozen=True)
class Home:
    name: str
    short_name: str
    industry_codes: str


EXPERT_HOMES = [
    Home("晋南岚溪理工学院", "岚溪理工学院", "P"),
    Home("运城禾岚质量技术研究院", "禾岚质量研究院", "M"),
    Home("河东涑水标准化服务中心", "涑水标准化中心", "M"),
    Home("运城晴川卓越绩效咨询有限公司", "晴川绩效咨询", "L"),
    Home("晋南桐岳检验检测有限公司", "桐岳检测", "M"),
]


@dataclass(frozen=True)
class Expert:
    home: int  # index into EXPERT_HOMES
    title: str
    expertise: tuple[str, ...]  # GB/T 4754-2017 section or division codes


# The evaluation issue will give experts a profile model; until then this is the source of their data.
EXPERTS = [
    Expert(0, "教授", ("C34", "C35")),
    Expert(0, "教授", ("C38", "C39")),
    Expert(0, "副教授", ("P83",)),
    Expert(0, "副教授", ("C26", "C27")),
    Expert(1, "正高级工程师", ("C", "D")),
    Expert(1, "高级工程师", ("C13", "C14")),
    Expert(1, "高级工程师", ("A01", "A05")),
    Expert(1, "正高级工程师", ("C32", "C33")),
    Expert(2, "高级工程师", ("E47", "E48")),
    Expert(2, "高级经济师", ("F51", "F52")),
    Expert(2, "高级工程师", ("G54", "G59")),
    Expert(3, "高级经济师", ("L72",)),
    Expert(3, "高级经济师", ("R86", "R87")),
    Expert(3, "注册质量工程师", ("I65",)),
    Expert(4, "主任医师", ("Q84",)),
    Expert(4, "正高级工程师", ("D44", "D45")),
    Expert(4, "高级工程师", ("C30", "C31")),
    Expert(4, "高级工程师", ("C38",)),
]


@dataclass(frozen=True)
class Applicant:
    name: str
    short_name: str
    kind: str  # OrganizationKind value
    division: str  # GB/T 2260 code
    industry_codes: str  # GB/T 4754-2017 division code


APPLICANTS = [
    Applicant("运城市禾岚精工机械有限公司", "禾岚精工", "enterprise", "140802", "C34"),
    Applicant("运城市岚禾建设工程有限公司", "岚禾建设", "enterprise", "140802", "E47"),
    Applicant("运城市盐湖区佳禾岚连锁超市有限公司", "佳禾岚超市", "enterprise", "140802", "F52"),
    Applicant("运城市盐湖区禾岚康复医院", "禾岚康复医院", "non_profit", "140802", "Q84"),
    Applicant("运城市顺岳涑澜物流有限公司", "顺岳物流", "enterprise", "140802", "G54"),
    Applicant("临猗县晴岭果业有限公司", "晴岭果业", "enterprise", "140821", "A01"),
    Applicant("临猗县涑澜果蔬冷链有限公司", "涑澜冷链", "enterprise", "140821", "G59"),
    Applicant("万荣县汾畔禾香食品有限公司", "汾畔食品", "enterprise", "140822", "C14"),
    Applicant("万荣县汾畔岚康医院", "汾畔岚康医院", "public_institution", "140822", "Q84"),
    Applicant("闻喜县桐岳铸造有限公司", "桐岳铸造", "enterprise", "140823", "C33"),
    Applicant("稷山县枣韵禾岚食品有限公司", "枣韵食品", "enterprise", "140824", "C14"),
    Applicant("新绛县绛泽岚电子科技有限公司", "绛泽电子", "enterprise", "140825", "C39"),
    Applicant("绛县晋岚韵装备制造有限公司", "晋岚韵装备", "enterprise", "140826", "C35"),
    Applicant("垣曲县岭禾铜材有限公司", "岭禾铜材", "enterprise", "140827", "C32"),
    Applicant("夏县禹岚园生态农业有限公司", "禹岚园农业", "enterprise", "140828", "A01"),
    Applicant("平陆县砥岚文化传媒有限公司", "砥岚文化", "enterprise", "140829", "R87"),
    Applicant("芮城县晴川岚光伏科技有限公司", "晴川岚光伏", "enterprise", "140830", "D44"),
    Applicant("永济市澜舜精密电器有限公司", "澜舜电器", "enterprise", "140881", "C38"),
    Applicant("河津市汾岳禾铝材有限公司", "汾岳铝材", "enterprise", "140882", "C32"),
    Applicant("河津市汾岳岚职业培训学校", "汾岳岚职校", "non_profit", "140882", "P83"),
    Applicant("运城开发区瑞泽岚生物医药有限公司", "瑞泽岚医药", "enterprise", "140871", "C27"),
    Applicant("运城开发区智岚禾软件科技有限公司", "智岚禾软件", "enterprise", "140871", "I65"),
    Applicant("运城开发区涑禾新材料有限公司", "涑禾新材料", "enterprise", "140871", "C30"),
    Applicant("运城市岚溪禾实验学校", "岚溪禾学校", "non_profit", "140802", "P83"),
]

# Applicant individuals (第十二条): index into APPLICANTS of their employer, and a position.
INDIVIDUALS = [
    (0, "质量总监"),
    (9, "技术质量部部长"),
    (17, "首席质量官"),
    (20, "质量管理部经理"),
]
