"""Search keys that make every spelling of a Russian name meet.

A name in any script is cut into tokens; each token becomes one or more *skeleton keys*: a reduced Latin
form in which the differences between transliteration systems disappear ("Юлия", "Iuliia", "Yuliya",
"Iouliia" and "Yulia" all become ``ula``). Indexing stores the keys of every spelling a person has;
searching computes the keys of each query token and asks for people holding one of them per token.

Keys are deliberately coarse (ч and ц, ш and щ meet): they find candidates for a human to look at,
they do not decide identity. Latin letters whose Russian source is ambiguous ("j" is ж in French
passports but й in German and English usage; "ch" is ч in English but ш in French) give several keys.
"""

from __future__ import annotations

import re
import unicodedata

from haven_core.names.set_aside import without_set_aside
from haven_core.names.transliteration import System, transliterate

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Latin digraphs of the passport systems, longest first, reduced to one skeleton letter.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shtch", "s"), ("chtch", "s"), ("shch", "s"), ("sch", "s"), ("tch", "c"), ("sh", "s"),
    ("zh", "z"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("tc", "c"), ("tz", "c"), ("cz", "c"), ("x", "ks"),
    ("w", "v"), ("ou", "u"), ("y", "i"), ("'", ""), ("’", ""),
)  # fmt: skip
_GU = re.compile(r"gu(?=[ei])")  # French "Serguei" for Сергей
_DOUBLE = re.compile(r"(.)\1+")
_IOTATED = (("iu", "u"), ("ia", "a"), ("io", "o"), ("ie", "e"))


def tokens(text: str) -> list[str]:
    """Split a name into word tokens; hyphenated surnames yield their parts.

    >>> tokens("Римский-Корсаков Николай")
    ['Римский', 'Корсаков', 'Николай']
    """
    return _TOKEN.findall(text or "")


# Letters that accents do not make: Czech, Polish and German letters written for one Russian sound,
# and the Ukrainian and Belarusian letters read as their Russian neighbours.
_LETTERS = str.maketrans(
    {"š": "sh", "č": "ch", "ž": "zh", "ś": "sh", "ć": "ch", "ź": "zh", "ż": "zh", "ł": "l", "ß": "ss",
     "ř": "rzh", "і": "и", "ї": "и", "є": "е", "ґ": "г", "ў": "у"}
)  # fmt: skip


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ё", "е").translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")


def _reduce(latin: str) -> str:
    """Reduce a Latin spelling to its skeleton."""
    s = _GU.sub("g", latin)
    for digraph, single in _DIGRAPHS:
        s = s.replace(digraph, single)
    s = _DOUBLE.sub(r"\1", s)
    for pair, single in _IOTATED:
        s = s.replace(pair, single)
    return _DOUBLE.sub(r"\1", s)


# The fine skeleton: what the coarse one gets wrong when deciding rather than finding. The coarse
# skeleton is left as it is, because search keys computed from it are already stored.
_GU_FINE = re.compile(r"gu(?=[eiy])")  # French "Sarguylana" for Саргылана, as "Serguei"
_FRENCH_SH = re.compile(r"(?<![st])ch")  # French "ch" is ш even where "tch" (ч) is in the same word


def _reduce_fine(latin: str) -> str:
    """Reduce a Latin spelling to its fine skeleton.

    Unlike the coarse skeleton it keeps an iotated vowel at the start of a word, where it tells names
    apart (Яна is not Анна, Юля is not Уля; only the press's "Ye" for a first Е still meets "E"); it
    reads "ch" as the "tch" of French-style passports (Рачинский: "Rachinskii" and "Ratchinskii"), and
    "stch" (с+ч) as "sch" (Счастливая: "Schastlivaia" and "Stchastlivaia").
    """
    s = _GU_FINE.sub("g", latin).replace("stch", "sch")
    for digraph, single in _DIGRAPHS:
        s = s.replace(digraph, single).replace("ch", "c") if digraph == "tch" else s.replace(digraph, single)
    s = _DOUBLE.sub(r"\1", s.replace("ch", "c"))  # again: "kh" may have left a "ch" (Чхартишвили)
    head, s = (s[:2], s[2:]) if s[:2] in ("iu", "ia", "io") else ("", s)
    for pair, single in _IOTATED:
        s = s.replace(pair, single)
    return _DOUBLE.sub(r"\1", head + s)


_POLISH_RZ = re.compile(r"(?<=[bcdfgkpt])rz")  # ж after a consonant; "Murza" keeps its r
_UKRAINIAN_H = re.compile(r"(?<![kszctg])h")  # Ukrainian г: "Hennadiy", "Oleh"
_GERMAN_CH = re.compile(r"(?<![ts])ch")  # German, Czech and Polish х: "Chodorkowski"
_GERMAN = re.compile(r"w|sch|tz|^j[aeou]")  # a spelling German in its letters ("Zwetajewa", "Jelzin")
_FRENCH_ENDINGS = (("ine", "in"), ("off", "ov"), ("eff", "ev"))  # MVD 310 "Poutine", émigré "Romanoff"


def _family_variants(token: str, *, german: bool) -> set[str]:
    """Readings of the other transliteration families: Ukrainian, German, Czech and Polish, French."""
    variants = {token}
    if "sz" in token or "rz" in token or "cz" in token:  # Polish: "Szostakowicz", "Przybylski"
        polish = _POLISH_RZ.sub("zh", token.replace("szcz", "shch").replace("sz", "sh"))
        variants.add(polish.replace("cz", "ch"))
    if "tsch" in token:  # German ч: "Tschaikowski"
        variants.add(token.replace("tsch", "ch"))
    if "h" in token:
        variants |= {_UKRAINIAN_H.sub("g", v) for v in variants}
    if "ch" in token:
        variants |= {_GERMAN_CH.sub("kh", v) for v in variants}
    if german and "z" in token:
        variants |= {v.replace("tz", "ts").replace("z", "ts") for v in variants}  # German z is ц
    elif token.endswith("z") and len(token) > 2:
        variants |= {v[:-1] + "ts" for v in variants if v.endswith("z")}  # a final ц: "Kaz", "Schulz"
    for written, russian in _FRENCH_ENDINGS:
        if token.endswith(written) and len(token) > len(written) + 2:
            variants |= {v[: -len(written)] + russian for v in variants if v.endswith(written)}
    return variants


def _latin_variants(token: str, *, families: bool = True) -> set[str]:
    """The readings of a Latin token whose letters stand for more than one Cyrillic letter; with
    ``families``, also as Ukrainian, German, Czech, Polish and French spellings would be read."""
    variants = {token}
    if "j" in token:
        variants = {v.replace("j", "zh") for v in variants} | {v.replace("j", "i") for v in variants}
    if "ch" in token and "tch" not in token and "sch" not in token:
        variants |= {v.replace("ch", "sh") for v in variants}  # French "ch" is ш
    elif "tch" in token and "sch" not in token:
        # French passports: "tch" is ч and "ch" is ш in one word ("CHENDEROVITCH", "TCHAIKOVSKI")
        marked = [v.replace("tch", "\0") for v in variants]
        variants |= {v.replace("\0", "ch") for v in marked} | {
            v.replace("ch", "sh").replace("\0", "ch") for v in marked
        }
    for yo in ("yo", "io", "jo"):
        if any(yo in v for v in variants):
            variants |= {v.replace(yo, "e") for v in variants}  # ё is written е in passports
    if not families:
        return variants
    german = bool(_GERMAN.search(token))
    return {family for v in variants for family in _family_variants(v, german=german)}


def token_keys(token: str, *, fine: bool = False, families: bool = True) -> set[str]:
    """All skeleton keys of one token, in whichever script it is written.

    Fine keys (``fine=True``) still make the transliterations of one name meet but keep apart names
    that the coarse keys merge, for deciding rather than finding. ``families=False`` leaves out the
    readings of the other transliteration families ("Hennadiy" read as Геннадий, "Poutine" as Путин):
    a table of names is looked up without them, so that "Chania" does not become a given name.

    >>> token_keys("Юлия") == {"ula"} and "ula" in token_keys("Iouliia")
    True
    >>> token_keys("Яна") == token_keys("Anna"), token_keys("Яна", fine=True) == token_keys("Anna", fine=True)
    (True, False)
    """
    folded = _fold(token)
    if not folded:
        return set()
    if _CYRILLIC.search(folded):
        # й carries a combining breve after NFKD: put it back together before transliterating.
        cyrillic = unicodedata.normalize("NFC", folded)
        latin = transliterate(cyrillic, System.ICAO_9303)
        return {_reduce_fine(latin) if fine else _reduce(latin)}
    plain = "".join(c for c in folded if c.isascii())
    if not fine:
        return {_reduce(v) for v in _latin_variants(plain, families=families)} - {""}
    variants = _latin_variants(plain, families=families)
    variants |= {_FRENCH_SH.sub("sh", v) for v in variants}  # Chenderovitch: Шендерович
    return {_reduce_fine(v) for v in variants} - {""}


def name_keys(*names: str) -> set[str]:
    """Every key of every token of the given spellings, plus joined keys of hyphenated names; a suffix
    or title ("Jr.", "мл.", "Dr") is not a name and gives no key."""
    keys: set[str] = set()
    for name in names:
        parts, _ = without_set_aside(tokens(name))
        for part in parts:
            keys |= token_keys(part)
        for hyphenated in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", name or ""):
            keys |= token_keys(hyphenated.replace("-", ""))
    return keys


def query_keys(query: str) -> list[set[str]]:
    """For each token of a search query, the set of keys any one of which must match.

    Suffixes and titles are left out. Two neighbouring words may be a double surname that a record
    holds joined ("Kara Murza" for Karamurza): each of them also accepts the key of the two joined.

    >>> [sorted(keys) for keys in query_keys("Kara Murza Jr.")]
    [['kara', 'karamurza'], ['karamurza', 'murza']]
    """
    words, _ = without_set_aside(tokens(query))
    per_word = [token_keys(word) for word in words]
    for i in range(len(words) - 1):
        if per_word[i] and per_word[i + 1]:
            joined = token_keys(words[i] + words[i + 1].lower())
            per_word[i] = per_word[i] | joined
            per_word[i + 1] = per_word[i + 1] | joined
    return [keys for keys in per_word if keys]


PREFIX = "^"  # marks a stored prefix key, so that a prefix never meets a whole key of the same letters
MIN_PREFIX = 3  # the shortest prefix a search finds a name by; a single letter is an initial


def prefix_keys(keys: set[str]) -> set[str]:
    """The prefix keys stored beside ``keys``: the initial and every prefix of three letters or more.

    >>> sorted(prefix_keys({"kravcenko"}))[:4]
    ['^k', '^kra', '^krav', '^kravc']
    """
    found: set[str] = set()
    for key in keys:
        found.add(PREFIX + key[:1])
        found.update(PREFIX + key[:n] for n in range(MIN_PREFIX, len(key) + 1))
    return found


def search_keys(query: str) -> list[set[str]]:
    """For each token of a search query, the stored keys any one of which must match.

    A token of three letters or more finds a name it begins (``Krav``, ``кравч``); a single letter is an
    initial (``Туманова Е``); two letters must be a whole name part.

    >>> search_keys("Туманова Е")[1]
    {'^e'}
    """
    found = []
    words, _ = without_set_aside(tokens(query))  # suffixes and titles are not names
    for i, token in enumerate(words):
        keys = token_keys(token)
        if not keys:
            continue
        letters = len(_fold(token))
        if letters == 1:
            found.append({PREFIX + k[:1] for k in keys})
            continue
        wanted = keys | {PREFIX + k for k in keys} if letters >= MIN_PREFIX else set(keys)
        # Two neighbouring words may be a double surname a record holds joined ("Kara Murza").
        for left, right in ((i - 1, i), (i, i + 1)):
            if 0 <= left and right < len(words) and token_keys(words[left]) and token_keys(words[right]):
                wanted |= token_keys(words[left] + words[right].lower())
        found.append(wanted)
    return found
