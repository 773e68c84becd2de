"""Dates as a reader of each language writes them, for dates Haven may know only in part."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "en": ("January February March April May June July August September October November December").split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
}
# A month without a day: Russian names it in the nominative ("апрель 1988", not "апреля").
MONTHS_ALONE = {
    **MONTHS,
    "ru": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(),
}


def display_date(value: str | dt.date | None, language: str) -> str:
    """``1988-04-12`` → "April 12, 1988" / "12 avril 1988" / "12 апреля 1988"; ``1988-04`` → "April
    1988"; ``1988`` → "1988". A value that is not an ISO date comes back as it was."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    lang = language.split("-")[0].lower()
    months, alone = MONTHS.get(lang, MONTHS["en"]), MONTHS_ALONE.get(lang, MONTHS["en"])
    parts = text[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return text
    if len(parts) == 1 and len(parts[0]) == 4:
        return parts[0]
    if len(parts) == 2 and 1 <= numbers[1] <= 12:
        return f"{alone[numbers[1] - 1]} {numbers[0]}"
    if len(parts) == 3:
        try:
            day = dt.date(*numbers)
        except ValueError:
            return text
        if lang == "fr":
            return f"{'1er' if day.day == 1 else day.day} {months[day.month - 1]} {day.year}"
        if lang == "ru":
            return f"{day.day} {months[day.month - 1]} {day.year}"
        return f"{months[day.month - 1]} {day.day}, {day.year}"
    return text
