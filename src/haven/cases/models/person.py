from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveFlagField, SensitiveTextField
from haven_core.dates import PartialDate, PartialDateError

RELATIONSHIP_CHOICES = [
    ("principal", _("Principal applicant")),
    ("spouse", _("Spouse or partner")),
    ("child", _("Child")),
    ("parent", _("Parent")),
    ("sibling", _("Sibling")),
    ("other", _("Other dependant")),
]

SEX_CHOICES = [("F", _("Female")), ("M", _("Male")), ("X", _("Another / not stated"))]

VULNERABILITY_FIELDS = (
    "serious_medical",
    "disability",
    "pregnancy",
    "lgbtq",
    "elderly",
    "minor",
    "survivor_of_violence",
)


class Person(ChoiceLabels, models.Model):
    """Someone in a household, with every spelling of their name Haven knows."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey("cases.Household", on_delete=models.CASCADE, related_name="people")
    relationship = models.CharField(_("relationship"), max_length=20, choices=RELATIONSHIP_CHOICES)
    relationship_detail = models.CharField(_("relationship, in words"), max_length=100, blank=True)

    surname_cyrillic = SensitiveTextField(_("surname (Cyrillic)"))
    given_name_cyrillic = SensitiveTextField(_("given name (Cyrillic)"))
    patronymic_cyrillic = SensitiveTextField(_("patronymic (Cyrillic)"))
    surname_latin = SensitiveTextField(_("surname (passport Latin)"))
    given_name_latin = SensitiveTextField(_("given names (passport Latin)"))
    other_spellings = SensitiveTextField(_("other spellings"), help_text=_("One per line."))
    former_names = SensitiveTextField(_("former names"), help_text=_("One per line."))

    sex = models.CharField(_("sex"), max_length=1, choices=SEX_CHOICES, blank=True)
    birth_date = SensitiveTextField(
        _("date of birth"), help_text=_("YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY; partial dates are fine.")
    )
    place_of_birth = SensitiveTextField(_("place of birth"))
    citizenships = models.CharField(
        _("citizenships"), max_length=100, blank=True, help_text=_("E.g. RU, UA.")
    )
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    phone = SensitiveTextField(_("phone"))
    email = SensitiveTextField(_("email"))
    address = SensitiveTextField(_("address"))

    serious_medical = SensitiveFlagField(_("serious medical condition"))
    disability = SensitiveFlagField(_("disability"))
    pregnancy = SensitiveFlagField(_("pregnancy"))
    lgbtq = SensitiveFlagField(_("LGBTQ+"))
    elderly = SensitiveFlagField(_("elderly"))
    minor = SensitiveFlagField(_("minor"))
    survivor_of_violence = SensitiveFlagField(_("survivor of violence or torture"))
    vulnerability_notes = SensitiveTextField(_("vulnerability notes"))
    external_id = models.CharField(_("your id"), max_length=100, blank=True)  # see Household.external_id
    # What the person asked to keep out of every referral, whatever its recipient: names of fields of a
    # referral record (haven_core.referral.profile.PRIVATE_FIELDS), one a line. Encrypted: the choice
    # itself (e.g. to hide a vulnerability) says something about the person.
    keep_private = SensitiveTextField(_("kept out of referrals"))

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["household_id", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=models.Q(relationship="principal"),
                name="one_principal_per_household",
            ),
            models.UniqueConstraint(
                fields=["household", "external_id"],
                condition=~models.Q(external_id=""),
                name="unique_person_external_id",
            ),
        ]
        # A person's row holds every encrypted field and is some forty times wider than these: the radar
        # reads a person's household and public id, and the dashboard the principal applicants of some
        # households, from an index alone (an index-only scan) rather than from the people's rows.
        indexes = [
            models.Index(fields=["id", "household", "public_id"], name="person_household_public_id"),
            models.Index(
                fields=["household", "id"],
                condition=models.Q(relationship="principal"),
                name="person_principal_ids",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        cyr = " ".join(
            p for p in (self.surname_cyrillic, self.given_name_cyrillic, self.patronymic_cyrillic) if p
        )
        lat = " ".join(p for p in (self.surname_latin, self.given_name_latin) if p)
        return cyr or lat or str(_("(no name)"))

    @property
    def latin_name(self) -> str:
        if self.surname_latin:
            return f"{self.surname_latin.upper()}, {self.given_name_latin}".strip(", ")
        return str(self.given_name_latin)

    def all_spellings(self) -> list[str]:
        cyr = " ".join(
            p for p in (self.surname_cyrillic, self.given_name_cyrillic, self.patronymic_cyrillic) if p
        )
        lat = " ".join(p for p in (self.given_name_latin, self.surname_latin) if p)
        extra = [line.strip() for line in f"{self.other_spellings}\n{self.former_names}".splitlines()]
        return [s for s in (cyr, lat, *extra) if s]

    @property
    def birth(self) -> PartialDate | None:
        try:
            return PartialDate.parse(self.birth_date) if self.birth_date else None
        except PartialDateError:
            return None

    @property
    def private_fields(self) -> list[str]:
        return [line.strip() for line in (self.keep_private or "").splitlines() if line.strip()]

    def age(self, today: dt.date | None = None) -> int | None:
        birth = self.birth
        return birth.age_on(today or dt.date.today()) if birth else None

    def vulnerabilities(self, today: dt.date | None = None) -> list[str]:
        """Vulnerability facts marked yes, plus minor/elderly derived from a known birth date."""
        marked = [name for name in VULNERABILITY_FIELDS if getattr(self, name) is True]
        age = self.age(today)
        if age is not None and age < 18 and "minor" not in marked and self.minor is not False:
            marked.append("minor")
        if age is not None and age >= 65 and "elderly" not in marked and self.elderly is not False:
            marked.append("elderly")
        return marked


class PersonNameKey(models.Model):
    """Search index: one row per skeleton key of any spelling of a person's name (see haven_core.names)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=128, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="unique_name_key")]

    def __str__(self) -> str:
        return f"name key of person {self.person_id}"
