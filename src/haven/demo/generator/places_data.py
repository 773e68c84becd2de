"""Places, courts, facilities and phrases the synthetic coalition is made of, kept as data.

Courts and detention facilities are real names of the kind the coalition's caseworkers write down
(../shared/DOMAIN.md §4); everything tied to a person (addresses, phones, attorneys) is invented. Phone
numbers use the 555-01xx block the US keeps for fiction and e-mail addresses use the example domains.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("Exodus Legal Aid", "exodus"),
    ("Pacific Refuge Network", "pacific"),
    ("Northern Passage", "passage"),
    ("Open Door for Russian Exiles", "opendoor"),
    ("Sanctuary Legal Collective", "sanctuary"),
)

# Birthplaces of people from anywhere in Russia, with rough weights.
RUSSIAN_CITIES: tuple[tuple[str, int], ...] = (
    ("Москва", 30), ("Санкт-Петербург", 14), ("Новосибирск", 3), ("Екатеринбург", 4), ("Казань", 2),
    ("Нижний Новгород", 3), ("Челябинск", 2), ("Самара", 2), ("Омск", 2), ("Ростов-на-Дону", 2), ("Уфа", 2),
    ("Красноярск", 2), ("Пермь", 2), ("Воронеж", 2), ("Волгоград", 2), ("Краснодар", 2), ("Саратов", 1),
    ("Тюмень", 1), ("Ижевск", 1), ("Барнаул", 1), ("Иркутск", 1), ("Хабаровск", 1), ("Ярославль", 1),
    ("Владивосток", 1), ("Томск", 1), ("Оренбург", 1), ("Кемерово", 1), ("Рязань", 1), ("Астрахань", 1),
    ("Пенза", 1), ("Калининград", 1), ("Тула", 1), ("Киров", 1), ("Курск", 1), ("Улан-Удэ", 1),
    ("Сочи", 1), ("Тверь", 1), ("Мурманск", 1), ("Архангельск", 1), ("Петрозаводск", 1), ("Псков", 1),
    ("Вологда", 1), ("Якутск", 1), ("Сыктывкар", 1), ("Смоленск", 1), ("Владимир", 1),
)  # fmt: skip

# A passport gives the place of birth as it was called then: (Soviet name, year the city was renamed).
SOVIET_NAMES: dict[str, tuple[str, int]] = {
    "Санкт-Петербург": ("Ленинград", 1991),
    "Екатеринбург": ("Свердловск", 1991),
    "Нижний Новгород": ("Горький", 1990),
    "Самара": ("Куйбышев", 1991),
}


@dataclass(frozen=True)
class USRegion:
    """Where a family lives in the US, with the courts and facilities that serve it."""

    cities: tuple[tuple[str, str, str], ...]  # (city, state, first three digits of the ZIP code)
    area_codes: tuple[str, ...]
    courts: tuple[str, ...]
    facilities: tuple[str, ...]
    weight: int


US_REGIONS: tuple[USRegion, ...] = (
    USRegion(
        cities=(("Brooklyn", "NY", "112"), ("Staten Island", "NY", "103"), ("Queens", "NY", "113")),
        area_codes=("718", "347", "929"),
        courts=("New York – Broadway", "New York – Federal Plaza", "New York – Varick"),
        facilities=("Elizabeth Contract Detention Facility", "Orange County Correctional Facility"),
        weight=22,
    ),
    USRegion(
        cities=(("Fair Lawn", "NJ", "074"), ("Newark", "NJ", "071"), ("Jersey City", "NJ", "073")),
        area_codes=("201", "973"),
        courts=("Newark Immigration Court", "Elizabeth Immigration Court"),
        facilities=("Delaney Hall", "Elizabeth Contract Detention Facility"),
        weight=6,
    ),
    USRegion(
        cities=(("San Diego", "CA", "921"), ("Chula Vista", "CA", "919")),
        area_codes=("619", "858"),
        courts=("San Diego Immigration Court", "Otay Mesa Immigration Court"),
        facilities=("Otay Mesa Detention Center", "Imperial Regional Detention Facility"),
        weight=14,
    ),
    USRegion(
        cities=(("Los Angeles", "CA", "900"), ("West Hollywood", "CA", "900"), ("Glendale", "CA", "912")),
        area_codes=("213", "323", "818"),
        courts=("Los Angeles – Olive", "Los Angeles – Van Nuys", "Adelanto Immigration Court"),
        facilities=("Adelanto ICE Processing Center", "Desert View Annex"),
        weight=14,
    ),
    USRegion(
        cities=(("Sacramento", "CA", "958"), ("Roseville", "CA", "956")),
        area_codes=("916",),
        courts=("Sacramento Immigration Court",),
        facilities=("Golden State Annex",),
        weight=6,
    ),
    USRegion(
        cities=(("San Francisco", "CA", "941"), ("San Jose", "CA", "951")),
        area_codes=("415", "408"),
        courts=("San Francisco Immigration Court", "Concord Immigration Court"),
        facilities=("Mesa Verde ICE Processing Center",),
        weight=5,
    ),
    USRegion(
        cities=(("Seattle", "WA", "981"), ("Bellevue", "WA", "980")),
        area_codes=("206", "425"),
        courts=("Seattle Immigration Court", "Tacoma Immigration Court"),
        facilities=("Northwest ICE Processing Center",),
        weight=6,
    ),
    USRegion(
        cities=(("Portland", "OR", "972"),),
        area_codes=("503",),
        courts=("Portland Immigration Court",),
        facilities=("Northwest ICE Processing Center",),
        weight=3,
    ),
    USRegion(
        cities=(("Chicago", "IL", "606"), ("Skokie", "IL", "600")),
        area_codes=("773", "312", "847"),
        courts=("Chicago Immigration Court",),
        facilities=("Clay County Justice Center",),
        weight=6,
    ),
    USRegion(
        cities=(
            ("Miami", "FL", "331"),
            ("Sunny Isles Beach", "FL", "331"),
            ("Hallandale Beach", "FL", "330"),
        ),
        area_codes=("305", "786", "954"),
        courts=("Miami Immigration Court", "Miami – Krome"),
        facilities=("Krome North Service Processing Center", "Broward Transitional Center"),
        weight=8,
    ),
    USRegion(
        cities=(("Philadelphia", "PA", "191"),),
        area_codes=("215", "267"),
        courts=("Philadelphia Immigration Court",),
        facilities=("Moshannon Valley Processing Center",),
        weight=3,
    ),
    USRegion(
        cities=(("Boston", "MA", "021"), ("Brookline", "MA", "024")),
        area_codes=("617",),
        courts=("Boston Immigration Court",),
        facilities=("Plymouth County Correctional Facility",),
        weight=3,
    ),
    USRegion(
        cities=(("Denver", "CO", "802"), ("Aurora", "CO", "800")),
        area_codes=("303", "720"),
        courts=("Denver Immigration Court", "Aurora Immigration Court"),
        facilities=("Denver Contract Detention Facility",),
        weight=3,
    ),
    USRegion(
        cities=(("Houston", "TX", "770"),),
        area_codes=("713", "832"),
        courts=("Houston Immigration Court", "Conroe Immigration Court"),
        facilities=("Montgomery Processing Center",),
        weight=3,
    ),
)

# Facilities far from where families live, with the court that hears their detained docket.
DISTANT_FACILITIES: tuple[tuple[str, str], ...] = (
    ("Winn Correctional Center", "Oakdale Immigration Court"),
    ("Jackson Parish Correctional Center", "Jena Immigration Court"),
    ("South Louisiana ICE Processing Center", "Oakdale Immigration Court"),
    ("Stewart Detention Center", "Stewart Immigration Court"),
    ("El Paso Service Processing Center", "El Paso Immigration Court"),
    ("Otero County Processing Center", "Otero Immigration Court"),
    ("Torrance County Detention Facility", "Otero Immigration Court"),
    ("Port Isabel Service Processing Center", "Port Isabel Immigration Court"),
)

PORTS_OF_ENTRY: tuple[str, ...] = (
    "San Ysidro port of entry (CBP One appointment)",
    "San Ysidro port of entry (CBP One appointment)",
    "Otay Mesa port of entry",
    "crossed near Tijuana between ports of entry",
    "El Paso port of entry",
    "JFK airport on a B-2 visa",
    "Miami airport on a B-2 visa",
    "Los Angeles airport on a B-2 visa",
)

STREETS: tuple[str, ...] = (
    "Ocean Parkway", "Brighton Beach Avenue", "Oak Street", "Maple Avenue", "Cedar Lane", "Elm Street",
    "Park Avenue", "Washington Street", "Lake Drive", "Hillside Avenue", "Pine Street", "Highland Avenue",
    "Valley Road", "Grand Avenue", "Mission Street", "Church Street", "Center Street", "River Road",
    "Sunset Boulevard", "Franklin Avenue", "Lincoln Way", "Harbor View Drive", "Willow Court",
)  # fmt: skip

ATTORNEY_GIVEN = tuple(
    "Emily Daniel Sarah Michael Laura David Rachel Jonathan Natalie Kevin Priya Maria".split()
)
ATTORNEY_SURNAMES = tuple(
    "Whitfield Okafor Brennan Castillo Lindqvist Novak Harrington Mendez Sato Feldman Kowalski Rosen".split()
)

CANADA_CITIES: tuple[str, ...] = (
    "Toronto", "Toronto", "Toronto", "Vancouver", "Vancouver", "Montréal", "Montréal", "Calgary", "Ottawa",
    "Edmonton", "Winnipeg", "Halifax", "Victoria", "Mississauga", "Richmond Hill", "Vaughan",
)  # fmt: skip

# Why the principal is at risk: what organisations write in a household's notes (../shared/DOMAIN.md §2).
RISK_NOTES: tuple[str, ...] = (
    "Fined under AC 20.3.3 for an anti-war picket in 2022; a criminal case under CC 280.3 followed.",
    "Posted about the war on social media; a case under CC 207.3 was opened in absentia.",
    "Sent money to a Ukrainian humanitarian fund; fears a treason charge under CC 275.",
    "Volunteered for a Navalny regional office until 2021 (designated extremist, CC 282.2).",
    "Refused mobilisation in September 2022 and left Russia; a conscription case under CC 328 is open.",
    "Worked with an outlet declared undesirable (CC 284.1); searched by the FSB before leaving.",
    "Listed by Rosfinmonitoring as a terrorist or extremist; bank accounts frozen.",
    "On the federal wanted list; arrested in absentia by a Moscow district court.",
    "Signed and circulated an anti-war open letter; dismissed from work and questioned by police.",
    "Left a military unit after being sent to the front (CC 337); relatives visited by military police.",
    "LGBT activist; fears prosecution since the 'international LGBT movement' was designated extremist.",
    "Organised a local anti-war group; two members have been convicted under CC 207.3.",
)

CLOSED_REASONS: tuple[str, ...] = (
    "Protection granted in the US; the family no longer seeks resettlement.",
    "Lost contact after release; three attempts by phone and e-mail.",
    "Removed to Russia before a referral could be made.",
    "The family moved to a third country.",
    "The principal withdrew consent to share the case with the coalition.",
)

VULNERABILITY_NOTES: dict[str, tuple[str, ...]] = {
    "serious_medical": (
        "Type 1 diabetes; insulin was interrupted in detention.",
        "Heart condition; surgery postponed since arrival.",
        "Needs dialysis three times a week.",
        "Cancer treatment interrupted by the move; needs an oncologist.",
    ),
    "disability": ("Uses a wheelchair.", "Deaf; needs a sign-language interpreter.", "Partially sighted."),
    "pregnancy": ("Pregnant, second trimester.", "Pregnant; the birth is expected within three months."),
    "lgbtq_M": ("Gay man; outed to his employer and beaten.", "Bisexual man; threatened after a raid."),
    "lgbtq_F": (
        "Lesbian; her partner's family reported them to the police.",
        "Transgender woman; documents still show her former name.",
    ),
    "survivor_of_violence": (
        "Beaten in police custody after an anti-war protest.",
        "Tortured during an FSB interrogation; has scars documented by a doctor.",
        "Survivor of domestic violence; the former partner serves in the security services.",
    ),
}  # fmt: skip
