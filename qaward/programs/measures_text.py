"""Turn the text extracted from the Measures' PDF back into paragraphs.

The extraction breaks every printed line, puts a blank line between lines, starts each page with a
stray space and spaces digits apart from the Chinese around them ("2023 年 6 月 9 日"). The data
migration stores the cleaned text as RuleDocument.full_text, one paragraph per line, with every
article (第N条), chapter (第N章) and enumerated item (（N）) beginning its own paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
MEASURES_2023 = DATA_DIR / "measures-2023.txt"

_NUMERAL = "一二三四五六七八九十百零"
_BLOCK_START = re.compile(rf"^(第[{_NUMERAL}]+[条章]|（[{_NUMERAL}]+）|\([{_NUMERAL}]+\))")
_CHAPTER_HEADING = re.compile(rf"^(第[{_NUMERAL}]+章)\s+(\S)\s+(\S)$")  # 第一章 总 则
_SENTENCE_END = tuple("。；;：:")
# A printed body line holds about 28 characters; shorter lines are titles, signatures or dates.
_FULL_LINE = 20
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BEFORE_DIGIT = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z])")
_SPACE_AFTER_DIGIT = re.compile(rf"(?<=[0-9A-Za-z])[ \t]+(?=[{_CJK}])")


def _tidy(paragraph: str) -> str:
    paragraph = _SPACE_AFTER_DIGIT.sub("", _SPACE_BEFORE_DIGIT.sub("", paragraph))
    heading = _CHAPTER_HEADING.match(paragraph)
    if heading:
        return f"{heading[1]} {heading[2]}{heading[3]}"
    return paragraph


def clean_measures_text(raw: str) -> str:
    paragraphs: list[str] = []
    current = ""
    for line in raw.replace("\f", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        if current and _BLOCK_START.match(line):
            paragraphs.append(current)
            current = ""
        current += line
        if line.endswith(_SENTENCE_END) or len(line) < _FULL_LINE:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(_tidy(p) for p in paragraphs) + "\n"


def load_measures_2023() -> str:
    return clean_measures_text(MEASURES_2023.read_text(encoding="utf-8"))
