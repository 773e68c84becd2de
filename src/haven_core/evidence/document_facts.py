"""Facts Haven proposes from a Russian document's text, for a reviewer to confirm or reject.

Nothing here is settled: a protocol that cites ст. 20.3.3 КоАП is not yet a penalty, and OCR misreads.
Each :class:`Proposal` says what was found, the words it was found in, and, where it would feed the
assessment, the evidence tag it would become and the rule that reads that tag (the signal ids of the
rules file, ``haven_core/assessment/rules``). A reviewer's confirmation turns it into the item's tag.

Articles are found as they are written in Russian documents: "ч. 1 ст. 20.3.3 КоАП РФ", "ст. 207.3 УК РФ",
"п. «д» ч. 2 ст. 207.3 УК", "статьи 20.3.3 Кодекса Российской Федерации об административных
правонарушениях", and with the usual OCR noise in the number ("20.3.З", "20. 3. 3", "207,3").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

AC, CC = "AC", "CC"  # Code of Administrative Offences (КоАП), Criminal Code (УК), as in the rules' ids

# Letters OCR puts for digits inside an article number.
_DIGIT_LOOKALIKES = str.maketrans({"З": "3", "з": "3", "О": "0", "о": "0", "O": "0", "o": "0",
                                   "l": "1", "I": "1", "|": "1", "Б": "6", "б": "6",
                                   ",": ".", ":": ".", ";": ".", "-": "."})  # fmt: skip
_NUM_CHAR = r"[0-9ЗзОоOolI|Бб]"
# Between the parts of a number: a dot, which OCR may read as a colon or semicolon, with a space either
# side; or a comma or hyphen with none ("207,3", "207-3": a comma and a space separate articles in a list).
_NUMBER = rf"(?P<number>\d{_NUM_CHAR}{{0,2}}(?:(?:\s?[.:;]\s?|[,-]){_NUM_CHAR}{{1,2}}){{0,2}})"
_ARTICLE = re.compile(
    r"(?:(?:пп?\.\s*|пункт[а-яё]*\s+)[«\"“]?(?P<point>[а-яё])[»\"”)]?\s*,?\s*(?=ч|част))?"
    r"(?:(?:ч|част[а-яё]*)\s*\.?\s*(?P<part>\d)\s*,?\s*)?"
    # "ст" not inside a lower-case word ("пост."); OCR reads it as Latin "CT" or "cr", and "1ст" as "Тст"
    rf"(?<!(?-i:[а-яёa-z]))(?:[сc][тTr]|стать[а-яё]*)\s*[.:,]{{0,2}}\s*{_NUMBER}(?![0-9ЗзОо])",
    re.IGNORECASE,
)
# The code named after the number, as printed and as OCR misreads it: Latin look-alikes ("KoAП"), a
# last letter lost ("КодП", "Кодн"), the full name broken across lines.
_AC_WORDS = re.compile(
    r"^[\s,.]*(?:РФ\s*)?(?:[КK][оo0О][дДаАAa]?[АAаaДд][ПпНнnILlИиTТ]|Кодекс[а-яё]*\W.{0,60}?административн)",
    re.IGNORECASE | re.DOTALL,
)
_CC_WORDS = re.compile(
    r"^[\s,.]*(?:РФ\s*)?(?:[УYV][КK](?![А-Яа-яЁёA-Za-z])|Уголовн[а-яё]*\s+кодекс)", re.IGNORECASE
)


@dataclass(frozen=True)
class Article:
    code: str  # AC or CC
    number: str  # "20.3.3"
    part: str = ""  # "1"
    point: str = ""  # "д"

    @property
    def provision(self) -> str:
        """The provision's id in the rules file: "AC 20.3.3", "CC 207.3"."""
        return f"{self.code} {self.number}"

    def __str__(self) -> str:
        words = []
        if self.point:
            words.append(f"п. «{self.point}»")
        if self.part:
            words.append(f"ч. {self.part}")
        words.append(f"ст. {self.number} {'КоАП РФ' if self.code == AC else 'УК РФ'}")
        return " ".join(words)


@dataclass(frozen=True)
class Proposal:
    """One fact for the reviewer: ``field`` is article, kind, date or authority."""

    field: str
    value: str
    excerpt: str
    tag: str = ""  # the evidence tag it would become, if any
    rule: str = ""  # the rule (signal id) that reads that tag
    activity_date: dt.date | None = None

    @property
    def key(self) -> str:
        return f"{self.field}:{self.value}"


def _clean_number(raw: str) -> str:
    number = re.sub(r"\s", "", raw).translate(_DIGIT_LOOKALIKES)
    return number.strip(".")


def _excerpt(text: str, start: int, end: int, margin: int = 40) -> str:
    return " ".join(text[max(0, start - margin) : end + margin].split())


# Specks OCR reads as low or single quotes and backticks, inside numbers as anywhere ("29. ‚10").
_SPECKS = str.maketrans(dict.fromkeys("‚‘’`´", ""))
_MORE = re.compile(rf"\s*(?:,|и)\s*(?:ст\.\s*)?{_NUMBER.replace('?P<number>', '?P<more>')}(?![0-9ЗзОо])")


def find_articles(text: str, known: frozenset[str] = frozenset()) -> list[tuple[Article, str]]:
    """Articles cited, each once, in order, with the words around it.

    A list ("статьями 29.9, 29.10 КоАП РФ") gives each of its articles. The code is read from the
    words after the number or the list (КоАП, УК, or their full names; УПК and others are not kept).
    With no code named, a number is kept only if it is one of ``known`` provisions ("AC 20.3.3") of
    exactly one code.
    """
    text = text.translate(_SPECKS)
    found: dict[tuple[str, str], tuple[Article, str]] = {}
    for match in _ARTICLE.finditer(text):
        numbers, end = [match.group("number")], match.end()
        while more := _MORE.match(text, end):
            numbers.append(more.group("more"))
            end = more.end()
        after = text[end : end + 90]
        code = AC if _AC_WORDS.match(after) else CC if _CC_WORDS.match(after) else ""
        for index, raw in enumerate(numbers):
            number = _clean_number(raw)
            if not re.fullmatch(r"\d{1,3}(?:\.\d{1,2}){0,2}", number):
                continue
            article_code = code or _only_code(number, known)
            if not article_code:
                continue
            part = (match.group("part") or "") if index == 0 else ""
            point = (match.group("point") or "").lower() if index == 0 else ""
            article = Article(article_code, number, part, point)
            key = (article_code, number)
            if key not in found or (article.part and not found[key][0].part):
                found[key] = (article, _excerpt(text, match.start(), end))
    return list(found.values())


def _only_code(number: str, known: frozenset[str]) -> str:
    codes = [code for code in (AC, CC) if f"{code} {number}" in known]
    return codes[0] if len(codes) == 1 else ""


def article_tag(article: Article, known: frozenset[str] = frozenset()) -> str:
    """The tag an article would feed: an AC 20.3.3 penalty is the "prior_ac_20_3_3" signal (a repeat
    within a year is a crime under CC 280.3); a criminal article the rules know is an open criminal
    case. Other articles (procedure, rights read to the person) feed nothing."""
    if article.provision == "AC 20.3.3":
        return "prior_ac_20_3_3"
    if article.code == CC and article.provision in known:
        return "open_criminal_case"
    return ""


_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_WORD_DATE = re.compile(
    r"[«\"]?(?P<day>[0-3]?\d)[»\"]?\s+(?P<month>январ|феврал|марта?|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*"
    r"\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_DOT_DATE = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)")


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    """Dates written "12 марта 2022 г.", "«12» марта 2022" or "12.03.2022", each once, in order."""
    found: list[tuple[int, dt.date, str]] = []
    for match in _WORD_DATE.finditer(text):
        word = match.group("month").lower()
        month = next(m for stem, m in _MONTHS.items() if word.startswith(stem))
        found.append((match.start(), *_date(match, month, text)))
    for match in _DOT_DATE.finditer(text):
        found.append((match.start(), *_date(match, int(match.group("month")), text)))
    seen: dict[dt.date, str] = {}
    for _pos, day, excerpt in sorted(found, key=lambda f: f[0]):
        if day != dt.date.min and day not in seen:
            seen[day] = excerpt
    return list(seen.items())


def _date(match: re.Match[str], month: int, text: str) -> tuple[dt.date, str]:
    try:
        day = dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return dt.date.min, ""
    return day, _excerpt(text, match.start(), match.end(), 20)


# Document kinds, by the words that say what the document is, most telling first: an order of arrest in
# absentia also mentions the criminal case and the wanted list, a protocol the court it goes to.
_W = "[а-яё]*"
_ABSENT = rf"(?:заочно|в\s+отсутстви{_W}\s+обвиняем)"
_CUSTODY = rf"заключени{_W}\s+под\s+страж"
KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind, tag, pattern)
    ("arrest_in_absentia", "arrest_in_absentia", rf"заочн{_W}\s+арест"),
    ("arrest_in_absentia", "arrest_in_absentia",
     rf"{_ABSENT}.{{0,300}}{_CUSTODY}|{_CUSTODY}.{{0,300}}{_ABSENT}"),
    ("wanted_notice", "wanted_listing",
     rf"объявлен{_W}\s+в\s+(?:федеральный\s+|межгосударственный\s+)?розыск|разыскивается|ориентировк"),
    ("indictment", "open_criminal_case",
     rf"обвинительн{_W}\s+заключени|о\s+привлечении\s+в\s+качестве\s+обвиняем"
     r"|о\s+возбуждении\s+уголовного\s+дела"),
    ("court_decision", "",
     rf"(?:постановлени{_W}|решени{_W}|приговор)\b.{{0,200}}(?:суд|судья)"
     r"|(?:суд|судья)\b.{0,400}(?:постановил|решил|приговорил)"),
    ("protocol", "", r"протокол[а-яё]*\s+(?:№\s*\S+\s+)?об\s+административном\s+правонарушении"),
    ("summons", "", rf"повестк|вызыва{_W}\s+(?:Вас\s+)?(?:на\s+допрос|в\s+качестве|для\s+дачи|в\s+суд)"),
)  # fmt: skip
_KIND_PATTERNS = [(kind, tag, re.compile(p, re.IGNORECASE | re.DOTALL)) for kind, tag, p in KINDS]


def find_kinds(text: str) -> list[tuple[str, str, str]]:
    """What the document may be, most telling first: each kind, the tag it would feed ("" if none) and
    the words it was read from. A court's arrest order that also puts the person on the wanted list is
    both; the reviewer keeps what the document is."""
    kinds: dict[str, tuple[str, str, str]] = {}
    for kind, tag, pattern in _KIND_PATTERNS:
        match = pattern.search(text)
        if match and kind not in kinds:
            end = min(match.end(), match.start() + 80)
            kinds[kind] = (kind, tag, _excerpt(text, match.start(), end, 20))
    return list(kinds.values())


_PLACE = r"(?:(?<=\s)(?:г|обл|респ)\.\s?|[^\n,.]){3,60}"  # "г. Москвы" is part of the name
_AUTHORITY = re.compile(
    r"(?:"
    r"(?:[А-ЯЁ][а-яё-]+\s+){0,3}(?:районн|городск|межрайонн|областн|краев|гарнизонн|окружн|верховн)[а-яё]*\s+(?:военн[а-яё]*\s+)?суд[а-яё]*"
    r"(?:\s+(?:г\.|города)\s*[А-ЯЁ][а-яё-]+|\s+[А-ЯЁ][а-яё-]+(?:\s+(?:области|края|республики))?)?"
    r"|Миров[а-яё]*\s+суд[а-яё]*\s+судебного\s+участка\s+№\s*\d+(?:\s+[а-яё]+){0,4}"
    r"|(?:О|У|Г|ГУ|ОМВД|УМВД|ГУ\s+МВД|Отдел[а-яё]*\s+МВД|Управлени[а-яё]*\s+МВД|Отдел[а-яё]*\s+полиции)\S*\s+(?:России\s+)?по\s+{_PLACE}"
    r"|(?:ГСУ|СУ|Главн[а-яё]*\s+следственн[а-яё]*\s+управлени[а-яё]*|Следственн[а-яё]*\s+(?:отдел|управлени)[а-яё]*)\s+(?:СК|Следственного\s+комитета)(?:\s+России|\s+Российской\s+Федерации)?(?:\s+по\s+{_PLACE})?"
    r"|Военн[а-яё]*\s+комиссариат[а-яё]*\s+{_PLACE}"
    r")".replace("{_PLACE}", _PLACE)
)  # fmt: skip


def find_authorities(text: str) -> list[tuple[str, str]]:
    """Courts, police, investigators and military commissariats named, each once, in order."""
    seen: dict[str, str] = {}
    for match in _AUTHORITY.finditer(text):
        name = " ".join(match.group(0).split()).strip(" ,.")
        key = name.lower()
        if len(name) > 6 and key not in {k.lower() for k in seen}:
            seen[name] = _excerpt(text, match.start(), match.end(), 10)
    return list(seen.items())


def propose(text: str, known: frozenset[str] = frozenset()) -> list[Proposal]:
    """Every fact Haven would propose from ``text``; the first date is taken as the document's date,
    and the date a confirmed tag would carry."""
    dates = find_dates(text)
    document_date = dates[0][0] if dates else None
    proposals: list[Proposal] = []
    for name, tag, excerpt in find_kinds(text):
        proposals.append(Proposal("kind", name, excerpt, tag, tag, document_date if tag else None))
    for article, excerpt in find_articles(text, known):
        tag = article_tag(article, known)
        proposals.append(Proposal("article", str(article), excerpt, tag, tag, document_date if tag else None))
    for day, excerpt in dates:
        proposals.append(Proposal("date", day.isoformat(), excerpt))
    for name, excerpt in find_authorities(text):
        proposals.append(Proposal("authority", name, excerpt))
    return proposals


def cited_provisions(text: str, known: frozenset[str] = frozenset()) -> set[str]:
    """The provisions ("AC 20.3.3") cited in ``text``: what the bench measures."""
    return {article.provision for article, _excerpt in find_articles(text, known)}
