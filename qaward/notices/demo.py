"""The notices of the demo world.

The current demo edition is `open` (applications are being submitted), so nothing is published
for it: a notice there would have no list yet and could only block its next stage. The past
edition gets its recommendation-list notice back-filled, so the public pages show a past notice
and the winners of the first edition. All names are fictitious.
"""

from __future__ import annotations

import datetime as dt

from .enums import AwardLevel, NoticeKind, Track
from .services import EntryData, record_past_notice

HISTORICAL_WINNERS = [
    EntryData("运城演示精密机械有限公司", Track.ORGANIZATION, AwardLevel.AWARD, region="盐湖区 · 通用设备制造业"),
    EntryData("山西演示果业集团有限公司", Track.ORGANIZATION, AwardLevel.AWARD, region="临猗县 · 农副食品加工业"),
    EntryData("周演示", Track.INDIVIDUAL, AwardLevel.AWARD, unit="运城演示精密机械有限公司", region="盐湖区"),
    EntryData("运城演示新材料股份有限公司", Track.ORGANIZATION, AwardLevel.NOMINATION, region="河津市 · 有色金属冶炼"),
    EntryData("运城市演示医院", Track.ORGANIZATION, AwardLevel.NOMINATION, region="盐湖区 · 卫生"),
]


def build_notices(world) -> None:
    edition = world.objects.get("historical_edition")
    if edition is None:
        return
    notice = record_past_notice(
        edition, kind=NoticeKind.RECOMMENDATION, entries=HISTORICAL_WINNERS, actor=world.user("office1"),
        title="关于第一届运城市市长质量奖获奖建议名单的公示", document_number="演示质奖办〔2021〕6号",
        start=dt.date(2021, 12, 6), workdays=5,
        body="根据《运城市市长质量奖管理办法》有关规定，经领导小组审议，现将第一届运城市市长质量奖获奖建议名单予以公示。"
             "（演示数据，单位和人员均为虚构。）",
    )
    world.log(f"往期公示：{notice.title}（{notice.start}至{notice.end}）")
