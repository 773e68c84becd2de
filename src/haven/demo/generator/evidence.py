"""Evidence for the demo's people, from well documented to barely documented.

Each household's evidence is drawn from its own ``random.Random`` (seeded with the coalition's seed and
the household's key), so adding evidence changes nothing else the generator draws. A principal applicant
gets a documentation profile — strong (several posts and articles over a long period, an official
document or registry listing, mostly verified), moderate, weak (one unverified post) or none — and a
spouse sometimes a post or two. Files come from the shared pool of :mod:`haven.demo.generator.documents`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace

from haven.demo.generator.documents import ARTICLES, POSTS_EN, POSTS_RU, WITNESS_RU
from haven.demo.generator.records import SyntheticEvidence, SyntheticHousehold

WAR_BEGAN = dt.date(2022, 2, 24)
PROFILES = ("strong", "moderate", "weak", "none")
_PROFILE_WEIGHTS = (30, 30, 25, 15)
_RESUBMITTED_WEIGHTS = (5, 20, 40, 35)  # a second organisation has collected less so far

# What each post of the pool shows (by its index in POSTS_RU / POSTS_EN).
_POST_TAGS_RU = (
    ("public_antiwar_statement",),
    ("protest_participation", "public_antiwar_statement"),
    ("public_antiwar_statement",),
    ("donation_ukraine",),
    ("prior_ac_20_3_3", "public_antiwar_statement"),
    ("military_refusal",),
    ("public_antiwar_statement",),
    ("public_antiwar_statement",),
    ("protest_participation",),
    ("fbk_work",),
    ("undesirable_media_journalism",),
    ("lgbtq_activism", "public_antiwar_statement"),
)
_POST_TAGS_EN = (
    ("public_antiwar_statement",),
    ("protest_participation",),
    ("donation_ukraine",),
    ("undesirable_media_journalism",),
)
_ARTICLE_SITES = {
    "Meduza": "meduza.io",
    "OVD-Info": "ovd.info",
    "Novaya Gazeta Europe": "novayagazeta.eu",
    "The Moscow Times": "themoscowtimes.com",
    "Mediazona": "zona.media",
    "Radio Liberty": "rferl.org",
    "Dozhd": "tvrain.tv",
    "Current Time": "currenttime.tv",
}
_ARTICLE_TAGS = (
    ("protest_participation",),
    ("open_criminal_case",),
    ("military_refusal",),
    ("wanted_listing", "arrest_in_absentia"),
    ("arrest_in_absentia",),
    ("public_antiwar_statement",),
    ("fbk_work", "open_criminal_case"),
    ("military_refusal",),
)
_WITNESS_TAGS = (("protest_participation",), ("fbk_work",), ("protest_participation",))
_OFFICIAL = {
    "ruling": (
        "Постановление по делу об административном правонарушении (ст. 20.3.3 КоАП)",
        ("prior_ac_20_3_3",),
    ),
    "arrest": ("Постановление о заочном аресте", ("arrest_in_absentia", "open_criminal_case")),
    "wanted": ("Карточка розыска МВД", ("wanted_listing",)),
    "case": ("Уведомление о возбуждении уголовного дела", ("open_criminal_case",)),
}
_REGISTRIES = (
    ("Минюст: реестр иностранных агентов", "ИА-{n:04d}"),
    ("Росфинмониторинг: перечень экстремистов и террористов", "РФМ-{n:05d}"),
)
_PLATFORMS = (
    ("t.me", "https://t.me/{handle}/{n}"),
    ("vk.com", "https://vk.com/wall-{n}_{m}"),
    ("instagram.com", "https://www.instagram.com/p/{code}/"),
    ("x.com", "https://x.com/{handle}/status/{big}"),
)
_HANDLE_WORDS = ("nowar", "mir", "svoboda", "pravda", "golos", "protest", "sever", "yug", "ural", "volga")
_VERIFY_NOTES = {
    "social_post": (
        "Post still online; the file matches it.",
        "Сверено с архивной копией страницы; дата совпадает.",
    ),
    "article": (
        "Article found on the outlet's site; the text matches.",
        "Статья на сайте издания, текст совпадает.",
    ),
    "court_document": ("Checked on the court's website: case number and date match.",),
    "registry_listing": ("Found in the registry export; reference and date match.",),
    "witness_statement": (
        "Called the witness back; they confirmed the statement.",
        "Свидетель подтвердил показания.",
    ),
}
_DISPUTE_NOTES = (
    "The account was created after the date of the post.",
    "Дата публикации не подтверждается архивом.",
)
_RETRACT_NOTES = ("The caseworker uploaded the wrong person's document.",)


def household_evidence(
    seed: int, household: SyntheticHousehold, today: dt.date
) -> tuple[SyntheticEvidence, ...]:
    """The evidence collected so far about the household's people (deterministic for seed and key)."""
    rng = random.Random(f"{seed}:{household.key}:evidence")
    weights = _RESUBMITTED_WEIGHTS if household.resubmission_of else _PROFILE_WEIGHTS
    profile = rng.choices(PROFILES, weights)[0]
    window = _window(household, today)
    items = _principal_items(rng, profile, window)
    spouses = [i for i, p in enumerate(household.people) if p.relationship == "spouse"]
    if spouses and rng.random() < 0.2:
        items += [_post(rng, window, person=spouses[0]) for _ in range(rng.randint(1, 2))]
    return tuple(_review(rng, profile, item) for item in items)


def _window(household: SyntheticHousehold, today: dt.date) -> tuple[dt.date, dt.date]:
    """When the documented activity happened: from the start of the war until the family left."""
    entries = [e.date for e in household.events if e.kind == "entered_us"]
    left = min(entries, default=today) - dt.timedelta(days=14)
    end = max(min(left, today), WAR_BEGAN + dt.timedelta(days=60))
    return WAR_BEGAN, end


def _day(rng: random.Random, window: tuple[dt.date, dt.date]) -> dt.date:
    start, end = window
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _principal_items(
    rng: random.Random, profile: str, window: tuple[dt.date, dt.date]
) -> list[SyntheticEvidence]:
    makers: list[Callable[[random.Random, tuple[dt.date, dt.date]], SyntheticEvidence]]
    if profile == "strong":
        makers = [_post, _article, rng.choice((_official, _registry))]
        makers += rng.sample([_post, _article, _witness, _official], rng.randint(1, 3))
    elif profile == "moderate":
        makers = [_post, rng.choice((_post, _article))]
        if rng.random() < 0.4:
            makers.append(rng.choice((_official, _registry, _witness)))
    elif profile == "weak":
        makers = [_post]
    else:
        makers = []
    return [make(rng, window) for make in makers]


def _post(rng: random.Random, window: tuple[dt.date, dt.date], person: int = 0) -> SyntheticEvidence:
    english = rng.random() < 0.2
    index = rng.randrange(len(POSTS_EN if english else POSTS_RU))
    tags = (_POST_TAGS_EN if english else _POST_TAGS_RU)[index]
    day = _day(rng, window)
    handle = f"{rng.choice(_HANDLE_WORDS)}_{rng.randint(10, 9999)}"
    site, pattern = rng.choice(_PLATFORMS)
    url = pattern.format(
        handle=handle,
        n=rng.randint(10, 99_999),
        m=rng.randint(1, 9_999),
        code="".join(rng.choices("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_", k=11)),
        big=rng.randint(10**17, 10**18),
    )
    followers = int(rng.lognormvariate(7, 1.5))
    return SyntheticEvidence(
        person=person,
        kind="social_post",
        title=f"Post on {site}" if english else f"Пост в {site}",
        description="Public post against the war." if english else "Публичный пост против войны.",
        source_url=url,
        author=f"@{handle}",
        published_on=day,
        language="en" if english else "ru",
        followers=followers,
        views=int(followers * rng.uniform(0.5, 8)),
        tags=tuple((tag, day) for tag in tags),
        document=f"post-{'en' if english else 'ru'}-{index}",
    )


def _article(rng: random.Random, window: tuple[dt.date, dt.date]) -> SyntheticEvidence:
    index = rng.randrange(len(ARTICLES))
    outlet, language, headline, _lede = ARTICLES[index]
    day = _day(rng, window)
    slug = f"{day:%Y/%m/%d}/{rng.randint(1000, 99999)}"
    return SyntheticEvidence(
        person=0,
        kind="article",
        title=headline,
        description=f"{outlet}: the person is named in the article.",
        source_url=f"https://{_ARTICLE_SITES[outlet]}/news/{slug}",
        author=outlet,
        published_on=day,
        language=language,
        tags=tuple((tag, day) for tag in _ARTICLE_TAGS[index]),
        document=f"article-{index}",
    )


def _witness(rng: random.Random, window: tuple[dt.date, dt.date]) -> SyntheticEvidence:
    index = rng.randrange(len(WITNESS_RU))
    day = _day(rng, window)
    return SyntheticEvidence(
        person=0,
        kind="witness_statement",
        title="Показания свидетеля",
        description="Signed statement of a witness, taken by the caseworker.",
        language="ru",
        tags=tuple((tag, day) for tag in _WITNESS_TAGS[index]),
        document=f"witness-{index}",
    )


def _official(rng: random.Random, window: tuple[dt.date, dt.date]) -> SyntheticEvidence:
    kind = rng.choice(tuple(_OFFICIAL))
    title, tags = _OFFICIAL[kind]
    day = _day(rng, window)
    return SyntheticEvidence(
        person=0,
        kind="court_document",
        title=title,
        description="Scan of the document the person received or found on the court's site.",
        published_on=day,
        language="ru",
        tags=tuple((tag, day) for tag in tags),
        document=f"{kind}-{rng.randrange(4)}",
        translation=f"translation-{kind}" if rng.random() < 0.4 else "",
    )


def _registry(rng: random.Random, window: tuple[dt.date, dt.date]) -> SyntheticEvidence:
    registry, reference = rng.choice(_REGISTRIES)
    day = _day(rng, window)
    return SyntheticEvidence(
        person=0,
        kind="registry_listing",
        title=registry,
        description="Listed in the registry (found by identity matching).",
        registry=registry[:60],
        registry_reference=reference.format(n=rng.randint(1, 20_000)),
        registry_listed_on=day,
        tags=(("registry_listing", day),),
    )


def _review(rng: random.Random, profile: str, item: SyntheticEvidence) -> SyntheticEvidence:
    """A reviewer's verdict, more often given (and favourable) the better documented the person is."""
    chances = {"strong": (0.9, 0.04, 0.01), "moderate": (0.55, 0.1, 0.0), "weak": (0.3, 0.0, 0.1)}
    verified, disputed, retracted = chances.get(profile, (0.5, 0.1, 0.0))
    draw = rng.random()
    notes: tuple[str, ...]
    if draw < verified:
        verdict, notes = "verified", _VERIFY_NOTES[item.kind]
    elif draw < verified + disputed:
        verdict, notes = "disputed", _DISPUTE_NOTES
    elif draw < verified + disputed + retracted:
        verdict, notes = "retracted", _RETRACT_NOTES
    else:
        return item
    return replace(item, verdict=verdict, verdict_note=rng.choice(notes))
