"""Scoring one pair of name records: the evidence of the best reading of each, summed and calibrated.

Every spelling of the query is read against every spelling of the entry (each in its plausible
readings, see :mod:`.name_parts`); the reading pair with the most name evidence wins, and the birth
dates are weighed once. The result lists each piece of evidence in words with its weight.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from haven_core.matching.birth import birth_evidence, parse_birth
from haven_core.matching.features import FEATURES, MATCH_AT, REVIEW_AT, Evidence, score_of
from haven_core.matching.name_parts import Reading, Token, token
from haven_core.matching.profiles import profile
from haven_core.matching.records import Candidate, NameRecord

TYPO_MIN = 4  # the shortest word in which a one-letter difference is read as a typo
_STRONG_SURNAME = ("surname_same", "surname_translit", "surname_alike")
_SHOWN_THOUGH_NAUGHT = ("other_name", "set_aside")  # weigh nothing, but a reviewer should know


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one inserted, deleted or replaced letter, or by two
    neighbouring letters swapped (one Damerau edit)."""
    return _edit(a, b) is not None


def _edit(a: str, b: str) -> str | None:
    """``"one_letter"`` when ``a`` and ``b`` differ by one inserted, deleted or replaced letter,
    ``"letters_swapped"`` when by two neighbouring letters swapped, else None.

    >>> _edit("muratov", "muratv"), _edit("muratov", "mruatov"), _edit("muratov", "mutarov")
    ('one_letter', 'letters_swapped', None)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if a[i + (len(a) == len(b)) :] == b[i + 1 :]:
        return "one_letter"
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if len(a) == len(b) and swapped:
        return "letters_swapped"
    return None


def _close(a: Token, b: Token) -> str | None:
    """How two words a few letters long are a typo apart, if they are (see :func:`_edit`): in their
    skeleton keys, or, when one is in Latin letters, as typed ("Chitsyakova" for Чистякова)."""
    found = _typo(a.fine, b.fine)
    if found != "one_letter" and not (a.cyrillic and b.cyrillic):
        found = _typo(a.spellings, b.spellings) or found
    return found


def _typo(xs: frozenset[str], ys: frozenset[str]) -> str | None:
    found = None
    for x in xs:
        for y in ys:
            if min(len(x), len(y)) >= TYPO_MIN and (kind := _edit(x, y)) is not None:
                if kind == "one_letter":
                    return kind
                found = kind
    return found


def _weight(feature: str) -> float:
    return FEATURES[feature].weight


@lru_cache(maxsize=262144)
def _surname_pair(a: Token, b: Token) -> str:
    if a.folded == b.folded:
        return "surname_same"
    if a.fine & b.fine:
        return "surname_translit"
    if a.coarse & b.coarse:
        return "surname_alike"
    if a.stem is not None and a.stem == b.stem:
        return "surname_other_form"
    if (kind := _close(a, b)) is not None:
        return f"surname_{kind}"
    return "surname_differs"


def _words(tokens: Iterable[Token]) -> str:
    return "-".join(t.text for t in tokens)


def _surname(qs: tuple[Token, ...], es: tuple[Token, ...]) -> Evidence | None:
    if not qs or not es:
        return None
    if len(qs) == 1 and len(es) == 1:
        return Evidence(_surname_pair(qs[0], es[0]), qs[0].text, es[0].text)
    pairs = [(_surname_pair(q, e), q, e) for q in qs for e in es]
    strong = [(q, e) for relation, q, e in pairs if relation in _STRONG_SURNAME]
    if strong:
        q_matched = {id(q) for q, _ in strong}
        e_matched = {id(e) for _, e in strong}
        whole = len(q_matched) == len(qs) and len(e_matched) == len(es)
        return Evidence("surname_translit" if whole else "surname_part", _words(qs), _words(es))
    joined = _surname_pair(token("".join(t.text for t in qs)), token("".join(t.text for t in es)))
    if joined in _STRONG_SURNAME:
        feature = "surname_joined" if len(qs) != len(es) else "surname_translit"
        return Evidence(feature, _words(qs), _words(es))
    relation, q, e = max(pairs, key=lambda p: _weight(p[0]))
    return Evidence(relation, q.text, e.text)


@lru_cache(maxsize=262144)
def _given_pair(a: Token, b: Token) -> str:
    if a.is_initial or b.is_initial:
        return "given_initial" if a.initials & b.initials else "given_differs"
    if a.folded == b.folded:
        return "given_same"
    if a.fine & b.fine:
        return "given_translit"
    shared = {i for i, _ in a.forms} & {i for i, _ in b.forms}
    if shared:
        full = any((i, False) in a.forms and (i, False) in b.forms for i in shared)
        return "given_form" if full else "given_short"
    if a.forms and b.forms:
        return "given_differs"  # two names the table knows, and not the same one
    if a.coarse & b.coarse:
        return "given_alike"
    if (kind := _close(a, b)) is not None:
        return f"given_{kind}"
    return "given_differs"


def _given(q: Reading, e: Reading) -> tuple[Evidence, Token | None, Token | None]:
    if not q.given or not e.given:
        return Evidence("given_missing"), None, None
    relation, qt, et = max(
        ((_given_pair(a, b), a, b) for a in q.given for b in e.given), key=lambda p: _weight(p[0])
    )
    return Evidence(relation, qt.text, et.text), qt, et


@lru_cache(maxsize=262144)
def _patronymic_pair(a: Token, b: Token) -> str:
    if a.is_initial or b.is_initial:
        return "patronymic_initial" if a.initials & b.initials else "patronymic_differs"
    if a.folded == b.folded or a.fine & b.fine:
        return "patronymic_equal"
    if a.coarse & b.coarse or _close(a, b) is not None:
        return "patronymic_alike"
    return "patronymic_differs"


def _middle_name_patronymic(
    q: Reading, e: Reading, used: tuple[Token | None, Token | None]
) -> Evidence | None:
    """A US record may carry the patronymic as a middle name that its ending does not give away
    ("ZAUR ISA" for Заур Иса оглы): compare it with the other side's remaining given names."""
    for have, other, spent in ((q, e, used[1]), (e, q, used[0])):
        if have.patronymic is None:
            continue
        for middle in (t for t in other.given if t is not spent):
            relation = _patronymic_pair(have.patronymic, middle)
            if relation in ("patronymic_equal", "patronymic_initial"):
                feature = "patronymic_as_middle_name" if relation == "patronymic_equal" else relation
                texts = (have.patronymic.text, middle.text)
                return Evidence(feature, *(texts if have is q else texts[::-1]))
    return None


def name_evidence(q: Reading, e: Reading, *, middle_names: bool = True) -> list[Evidence]:
    """The evidence two readings give on surname and given name (and a patronymic as a middle name)."""
    evidence: list[Evidence] = []
    if (surname := _surname(q.surname, e.surname)) is not None:
        evidence.append(surname)
    given, qt, et = _given(q, e)
    evidence.append(given)
    if middle_names and (patronymic := _middle_name_patronymic(q, e, (qt, et))) is not None:
        evidence.append(patronymic)
    return evidence


def evidence_for(query: NameRecord, entry: NameRecord) -> list[Evidence]:
    """All the evidence on a pair.

    Surname and given name come from the best pair of readings. Patronymic and sex are facts about
    the person, not about one spelling, so they are compared across all of each record's spellings:
    a spelling that leaves the patronymic out cannot hide a patronymic that differs.
    """
    q_profile, e_profile = profile(query.names), profile(entry.names)
    patronymic = None
    if q_profile.patronymics and e_profile.patronymics:
        patronymic = max(
            (
                Evidence(_patronymic_pair(a, b), a.text, b.text)
                for a in q_profile.patronymics
                for b in e_profile.patronymics
            ),
            key=lambda item: item.weight,
        )
    best: list[Evidence] = []
    best_total = float("-inf")
    best_entry_name = ""
    aside: tuple[str, ...] = ()
    for _, q in q_profile.readings:
        for e_name, e in e_profile.readings:
            found = name_evidence(q, e, middle_names=patronymic is None)
            total = sum(item.weight for item in found)
            if total > best_total:
                best, best_total, best_entry_name = found, total, e_name
                aside = q.set_aside + e.set_aside
    if patronymic is not None:
        best.append(patronymic)
    q_sex, e_sex = q_profile.sex, e_profile.sex
    if q_sex and e_sex and q_sex != e_sex:
        best.append(Evidence("sex_differs", query.names[0], entry.names[0]))
    if best_entry_name and best_entry_name != entry.names[0]:
        best.append(Evidence("other_name", entry=f"«{best_entry_name}»"))
    if aside:
        best.append(Evidence("set_aside", " ".join(dict.fromkeys(aside))))
    best.append(birth_evidence(parse_birth(query.birth), parse_birth(entry.birth)))
    return best


def compare(query: NameRecord, entry: NameRecord) -> Candidate | None:
    """Score ``query`` against ``entry``; None when the pair is not even worth a human's look.

    >>> query = NameRecord("q", ("KOTOVA, IULIIA",), "1988-03-12")
    >>> print(compare(query, NameRecord("e", ("Котова Юлия Сергеевна",), "1988-03-12")).explain())
    match (score 0.92): q ~ e
      +4.0  surname equal after transliteration (KOTOVA = Котова)
      +3.0  given name IULIIA = Юлия
      +3.0  birth date equal (1988-03-12)
    >>> compare(query, NameRecord("e", ("Котова Анна Сергеевна",), "1988-03-12")) is None
    True
    """
    evidence = [
        item for item in evidence_for(query, entry) if item.weight or item.feature in _SHOWN_THOUGH_NAUGHT
    ]
    total = sum(item.weight for item in evidence)
    score = score_of(total)
    if score < REVIEW_AT:
        return None
    return Candidate(
        query_id=query.id,
        entry_id=entry.id,
        score=round(score, 4),
        decision="match" if score >= MATCH_AT else "review",
        reasons=tuple(str(item) for item in evidence),
        weights=tuple(item.weight for item in evidence),
        reasons_ru=tuple(item.russian() for item in evidence),
    )
