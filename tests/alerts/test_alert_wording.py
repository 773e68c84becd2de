"""What an alert says: English then Russian, subjects too, the right plural, links under the site URL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from haven.alerts import emails

DAY = dt.date(2026, 3, 9)


def test_a_digest_is_written_in_english_then_russian(settings: Any) -> None:
    settings.HAVEN_SITE_URL = "https://haven.example.org/"
    email = emails.digest(
        [emails.Soon("H-AAAA", 2, DAY), emails.Soon("H-AAAA", 21, DAY), emails.Soon("H-BBBB", 0, DAY)],
        emails.BOTH,
    )
    assert email.subject == "Haven: 3 deadlines coming up / Haven: приближаются 3 срока"
    english, russian = email.body.split(emails.SEPARATOR)
    assert "H-AAAA — in 2 days; in 21 days" in english and "H-BBBB — today" in english
    assert "H-AAAA — через 2 дня; через 21 день" in russian and "H-BBBB — сегодня" in russian
    assert "  https://haven.example.org/cases/H-AAAA/" in russian
    assert english.index("H-BBBB") < english.index("H-AAAA")  # soonest first


def test_one_language_when_the_reader_has_one() -> None:
    email = emails.emergency(["H-AAAA"], ["ru"])
    assert email.subject == "Haven: домохозяйство получило экстренный приоритет"
    assert emails.SEPARATOR not in email.body and "Здравствуйте!" in email.body


def test_registry_hits_are_counted_in_both_languages() -> None:
    email = emails.registry_hits({"H-AAAA": 5}, emails.BOTH)
    assert "H-AAAA — 5 possible matches" in email.body
    assert "H-AAAA — 5 возможных совпадений" in email.body
