"""What the importer says about a problem, in English and in Russian, kept as data.

A problem is a code and its values; :func:`say` renders it in either language, so that the pure core
needs no translation machinery and a Russian-speaking caseworker reads their report in Russian.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, tuple[str, str]] = {
    "choice": ("{value!r} is not one of: {allowed}.", "«{value}» — нет в списке: {allowed}."),
    "flag": ("{value!r} is not yes or no (да / нет).", "«{value}» — не «да» и не «нет» (yes / no)."),
    "date_ambiguous": (
        "{value!r} is ambiguous: {first} {second_month} or {second} {first_month}? Choose the file's date "
        "order (day first or month first), or write YYYY-MM-DD.",
        "«{value}» можно прочитать двояко: {first}.{second:02d} или {second}.{first:02d} (день.месяц)? "
        "Укажите порядок дат в файле (сначала день или сначала месяц) или пишите ГГГГ-ММ-ДД.",
    ),
    "date_impossible": ("{value!r} is not a real date.", "«{value}» — такой даты не бывает."),
    "date_unreadable": (
        "{value!r} is not a date: write DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD.",
        "«{value}» — не дата: пишите ДД.ММ.ГГГГ, ММ/ДД/ГГГГ или ГГГГ-ММ-ДД.",
    ),
    "a_number": (
        "An A-number is the letter A followed by 8 or 9 digits, e.g. A012345678.",
        "A-номер — это буква A и 8 или 9 цифр, например A012345678.",
    ),
    "no_name": (
        "The person has no name: give a surname or given name, in Cyrillic or Latin.",
        "У человека нет имени: укажите фамилию или имя, кириллицей или латиницей.",
    ),
    "us_status": (
        "Give the person's US status when any US column is filled.",
        "Укажите статус в США, если заполнен любой из столбцов о США.",
    ),
    "canada_relative": (
        "Give the relative's name and relationship.",
        "Укажите имя родственника и степень родства.",
    ),
    "column_twice": ("The column {header!r} is given twice.", "Столбец «{header}» указан дважды."),
    "no_household_column": ("The file has no Household ID column.", "В файле нет столбца «ID семьи»."),
    "no_household_id": ("Every row needs a Household ID.", "В каждой строке нужен ID семьи."),
    "id_too_long": (
        "An id is at most {limit} characters long.",
        "ID может быть не длиннее {limit} символов.",
    ),
    "person_twice": (
        "Person ID {value!r} is given twice in this household, on rows {first} and {again}: give each "
        "person their own id.",
        "ID человека «{value}» дважды встречается в этой семье, в строках {first} и {again}: дайте каждому "
        "человеку свой ID.",
    ),
    "second_principal": (
        "The household already has a principal applicant on an earlier row.",
        "У семьи уже есть основной заявитель в одной из строк выше.",
    ),
    "principal_changed": (
        "Haven has {haven!r} as the principal applicant of household {household!r}; the file names "
        "{file!r}. An import never changes a principal: change it on the household's page in Haven first, "
        "or name {haven!r} as the principal in the file.",
        "В Haven основной заявитель семьи «{household}» — «{haven}», а в файле — «{file}». Импорт не меняет "
        "основного заявителя: сначала смените его на странице семьи в Haven или укажите в файле основным "
        "заявителем «{haven}».",
    ),
    "no_principal": ("The household has no principal applicant.", "У семьи нет основного заявителя."),
    "likely_duplicate": (
        'This person is likely already in Haven, in {households}. Choose "update that household" or "a '
        'different person" for this row (haven import-cases: --update ROW=REFERENCE or --different-person '
        "ROW).",
        "Этот человек, вероятно, уже есть в Haven: {households}. Выберите для этой строки «обновить эту "
        "семью» или «другой человек» (haven import-cases: --update СТРОКА=НОМЕР или --different-person "
        "СТРОКА).",
    ),
    "duplicate_choice": (
        "{choice!r} is not one of the households this person likely is in: {households}.",
        "«{choice}» — не одна из семей, где, вероятно, уже есть этот человек: {households}.",
    ),
    "duplicate_two_households": (
        "Row {row} already makes household {household!r} an update of another household in Haven.",
        "Строка {row} уже сделала семью «{household}» обновлением другой семьи в Haven.",
    ),
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def say(code: str, params: Mapping[str, object], language: str = "en") -> str:
    english, russian = MESSAGES[code]
    values = dict(params)
    if code == "date_ambiguous":
        values["first_month"] = _MONTHS[int(str(values["first"])) - 1]
        values["second_month"] = _MONTHS[int(str(values["second"])) - 1]
    return (russian if language.startswith("ru") else english).format(**values)
