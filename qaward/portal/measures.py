"""Turn the stored text of a rule document into chapters, articles and paragraphs for display.

The text is either cleaned already, one paragraph per line (qaward.programs.measures_text), or as
extracted from the published PDF: lines are hard-wrapped mid-sentence, blank lines and page
breaks fall anywhere. A paragraph therefore ends where a sentence ends at the end of a line, or
where the next line opens a chapter (第N章), an article (第N条) or an item (（一）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import get_language

_DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(_DIGITS)}
_NUMERAL = "[一二三四五六七八九十百零]+"
_CHAPTER = re.compile(rf"^第({_NUMERAL})章\s*(.*)$")
_ARTICLE = re.compile(rf"^第({_NUMERAL})条\s*(.*)$")
_ITEM = re.compile(rf"^（{_NUMERAL}）")
_SENTENCE_END = tuple("。：；！？;:")
# The distribution list (抄送) and the printing line (…办公室 2023年6月8日印发) close the document.
_COLOPHON = re.compile(r"^抄送|\d\s*日\s*印发$")


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 35 → 三十五 (article numbers stay below 100)."""
    if not 0 < number < 100:
        raise ValueError(f"article number out of range: {number}")
    tens, units = divmod(number, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[units] if units else "")


def parse_numeral(text: str) -> int:
    if "十" not in text:
        return _VALUES[text]
    tens, _, units = text.partition("十")
    return (_VALUES[tens] if tens else 1) * 10 + (_VALUES[units] if units else 0)


def article_label(number: int) -> str:
    """第十五条 in Chinese; "Article 15" in other interface languages."""
    if (get_language() or "zh-hans").startswith("zh"):
        return f"第{chinese_numeral(number)}条"
    return f"Article {number}"


@dataclass
class Article:
    number: int
    label: str  # 第十一条
    paragraphs: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"article-{self.number}"


@dataclass
class Chapter:
    number: int
    label: str  # 第三章
    title: str  # 申报条件
    articles: list[Article] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"chapter-{self.number}"


@dataclass
class ParsedDocument:
    preamble: list[str] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    colophon: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [article for chapter in self.chapters for article in chapter.articles]


def _join(paragraph: str, line: str) -> str:
    # Latin words and numbers split across lines keep their space; CJK text never had one.
    if paragraph and line and paragraph[-1].isascii() and paragraph[-1].isalnum() and line[0].isascii() \
            and line[0].isalnum():
        return f"{paragraph} {line}"
    return paragraph + line


def _width(line: str) -> int:
    return sum(1 if char.isascii() else 2 for char in line)


def _lines(text: str) -> list[str]:
    cleaned = text.replace("\f", "\n").replace("\u3000", " ")
    return [line.strip() for line in cleaned.splitlines() if line.strip()]


def parse_rule_text(text: str) -> ParsedDocument:
    document = ParsedDocument()
    lines = _lines(text)
    # The cover letter's heading lines end short of the wrapping width; they are paragraphs of their own.
    short = 0.8 * max((_width(line) for line in lines), default=0)
    # Text already cleaned to one paragraph per line (programs.measures_text) has no blank lines.
    one_per_line = "\n\n" not in text and "\f" not in text
    paragraphs = document.preamble  # where the next line goes
    previous = ""
    for line in lines:
        ended_short = paragraphs is document.preamble and _width(previous) < short
        previous = line
        if chapter := _CHAPTER.match(line):
            number = parse_numeral(chapter.group(1))
            document.chapters.append(Chapter(number, f"第{chapter.group(1)}章", chapter.group(2).strip()))
            paragraphs = []  # text between a chapter heading and its first article is not expected
            continue
        if article := _ARTICLE.match(line):
            if not document.chapters:  # a document without chapters: one anonymous chapter
                document.chapters.append(Chapter(0, "", ""))
            entry = Article(parse_numeral(article.group(1)), f"第{article.group(1)}条")
            document.chapters[-1].articles.append(entry)
            paragraphs = entry.paragraphs
            paragraphs.append(article.group(2).strip())
            continue
        if document.chapters and (paragraphs is document.colophon or _COLOPHON.search(line)):
            paragraphs = document.colophon
            paragraphs.append(line)
            continue
        starts_new = (not paragraphs or one_per_line or ended_short or _ITEM.match(line)
                      or paragraphs[-1].endswith(_SENTENCE_END))
        if starts_new:
            paragraphs.append(line)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line)
    return document
