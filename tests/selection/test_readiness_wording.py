"""What a household lacks to be referred, and who can put it right, in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from haven.selection.wording import gap_text, missing_rows, pin_problem_text

ROWS = [
    {"gap": "evidence_not_verified", "fixed_by": "reviewer", "detail": {"items": 2}},
    {"gap": "no_consent", "fixed_by": "caseworker", "detail": {"adults": 1, "scope": "officials"}},
]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                {
                    "what": "not well documented yet: 2 pieces of evidence await verification",
                    "who": "a reviewer",
                },
                {"what": "no consent to referral on record for every adult", "who": "the caseworker"},
            ],
        ),
        (
            "ru",
            [
                {
                    "what": "пока недостаточно документирована: 2 доказательства ждут проверки",
                    "who": "проверяющий",
                },
                {"what": "не у каждого взрослого записано согласие на направление", "who": "куратор"},
            ],
        ),
        (
            "fr",
            [
                {
                    "what": "pas encore bien documenté : 2 preuves attendent leur vérification",
                    "who": "un réviseur",
                },
                {
                    "what": "pas de consentement à l’orientation enregistré pour chaque adulte",
                    "who": "le travailleur social",
                },
            ],
        ),
    ],
)
def test_gaps_and_roles_are_worded_in_each_language(language: str, expected: list[dict[str, str]]) -> None:
    with translation.override(language):
        assert missing_rows(ROWS) == expected


def test_a_status_is_named_by_its_label_and_a_bad_pin_says_why() -> None:
    with translation.override("ru"):
        assert gap_text("being_documented", {"stage": "intake"}) == "ещё документируется (статус: Приём)"
        assert pin_problem_text("H-1", "unknown") == "H-1: семьи с таким номером нет"
    assert pin_problem_text("H-2", "not_ready") == "H-2 cannot be chosen: not ready for referral"


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_every_gap_and_everyone_who_can_put_it_right_is_worded_in_the_readers_language(language: str) -> None:
    from haven.selection.wording import role_text
    from haven_core.referral.readiness import FIXED_BY, Gap

    detail = {"stage": "documenting", "items": 2}
    with translation.override("en"):
        english = {gap: gap_text(gap.value, detail) for gap in Gap}
        roles = {role: role_text(role.value) for role in set(FIXED_BY.values())}
    with translation.override(language):
        left = [english[gap] for gap in Gap if gap_text(gap.value, detail) == english[gap]]
        left += [roles[role] for role in roles if role_text(role.value) == roles[role]]
    assert left == []
