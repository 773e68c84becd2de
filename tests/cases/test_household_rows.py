"""The household page's timeline and US status lines, written by tags in Python (``{% timeline_items %}``,
``{% us_status_items %}``): every value escaped (markup, quotes, Cyrillic) and the same HTML as the template
loops they replace, to the byte, in English, Russian and French, whatever an event or a record holds."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import timezone, translation

from haven.cases.models import Household, Person, TimelineEvent, USRecord
from haven.cases.views.timeline import Entry, first_past

HOSTILE = "<script>alert('x')</script>"

# The template loops the tags replace, as they were, to compare the tags' lines with.
FORMER_TIMELINE = """{% load i18n caseload %}{% for entry in timeline %}
    {% if forloop.counter0 == today_at %}<li class="timeline-today"><span>{% translate "Today" %} · {{ today|date:"SHORT_DATE_FORMAT" }}</span></li>{% endif %}
    <li class="timeline-item{% if entry.date > today %} is-ahead{% endif %}{% if not entry.event %} is-record{% endif %}{% if entry.event.withdrawn %} is-withdrawn{% endif %}">
      <time datetime="{{ entry.date|date:'Y-m-d' }}">{{ entry.date|date:"SHORT_DATE_FORMAT" }}</time>
      <div class="timeline-body">
        <p class="timeline-title">{% if entry.event.withdrawn %}<span class="visually-hidden">{% translate "Withdrawn:" %} </span>{% endif %}{{ entry.label }}{% if entry.person %} <span class="muted">— {{ entry.person.display_name }}</span>{% endif %}
          {% if entry.date > today %}{% days_left entry.date %}{% endif %}</p>
        {% if entry.note %}<p class="timeline-note">{{ entry.note|linebreaksbr }}</p>{% endif %}
        {% if entry.event %}
        {% if entry.event.withdrawn %}
        <p class="timeline-withdrawn">{% blocktranslate with who=entry.event.withdrawn_by.get_username|default:_("someone no longer in Haven") when=entry.event.withdrawn_at|date:"SHORT_DATE_FORMAT" %}Withdrawn by {{ who }} on {{ when }}{% endblocktranslate %}: {{ entry.event.withdrawn_reason }}</p>
        {% endif %}
        <p class="timeline-meta">
          {% if entry.event.system %}{% translate "written by Haven" %}{% if entry.event.created_by %} · {% endif %}{% endif %}
          {% if entry.event.created_by %}{% blocktranslate with who=entry.event.created_by.get_username %}recorded by {{ who }}{% endblocktranslate %}{% endif %}
          {% if not entry.event.system and not entry.event.withdrawn %}{% if entry.event.created_by %} · {% endif %}<a href="{% url 'cases:event_withdraw' household.reference entry.event.public_id %}">{% translate "Withdraw" %}<span class="visually-hidden"> — {{ entry.label }}, {{ entry.date|date:"SHORT_DATE_FORMAT" }}</span></a>{% endif %}
        </p>
        {% endif %}
      </div>
    </li>
    {% if forloop.last and today_at == timeline|length %}<li class="timeline-today"><span>{% translate "Today" %} · {{ today|date:"SHORT_DATE_FORMAT" }}</span></li>{% endif %}
    {% endfor %}"""  # noqa: E501

FORMER_US_STATUS = """{% load i18n caseload %}{% for person in people %}{% with record=person.us_record %}
    <li class="us-status-person">
      <p><strong lang="ru">{{ person.display_name }}</strong> <span class="muted">{{ person.get_relationship_display }}</span>
        <a href="{% url 'cases:us_record' household.reference person.public_id %}">{% if record %}{% translate "Edit" %}{% else %}{% translate "Add" %}{% endif %}<span class="visually-hidden"> — {% translate "US immigration record" %}, {{ person.display_name }}</span></a></p>
      {% if record %}
      <p class="meta">
        <span>{{ record.get_status_display }}</span>
        {% if record.detained %}<span><span class="badge badge-detained">{% translate "Detained" %}</span> {% if record.detention_facility %}{{ record.detention_facility }}{% else %}{% translate "facility not recorded" %}{% endif %}</span>{% endif %}
        {% if record.next_hearing_date %}<span>{{ record|label:"next_hearing_date" }}: {{ record.next_hearing_date|date:"SHORT_DATE_FORMAT" }} {% days_left record.next_hearing_date %}</span>{% endif %}
        {% if record.removal_scheduled_date %}<span>{{ record|label:"removal_scheduled_date" }}: {{ record.removal_scheduled_date|date:"SHORT_DATE_FORMAT" }} {% days_left record.removal_scheduled_date %}</span>{% endif %}
      </p>
      {% else %}<p class="muted">{% translate "No US record yet." %}</p>{% endif %}
    </li>
    {% endwith %}{% endfor %}"""  # noqa: E501


def _people(household: Household) -> list[Person]:
    def person(surname: str, given: str, relationship: str) -> Person:
        return Person(
            public_id=uuid.uuid4(),
            household=household,
            surname_cyrillic=surname,
            given_name_cyrillic=given,
            relationship=relationship,
        )

    hostile = person(HOSTILE, 'О\'Хара "Юля"', "principal")
    hostile.us_record = USRecord(
        status="detained",
        detained=True,
        detention_facility=f'Krome "North" & {HOSTILE}',
        next_hearing_date=timezone.localdate() + dt.timedelta(days=3),
        removal_scheduled_date=timezone.localdate() + dt.timedelta(days=40),
    )
    unknown_facility = person("Котов", "Миша", "spouse")
    unknown_facility.us_record = USRecord(status="final_order", detained=True)
    released = person("Котова", "Аня", "child")
    released.us_record = USRecord(status="released", next_hearing_date=timezone.localdate())
    past = person("Иванов", "Иван", "parent")
    past.us_record = USRecord(status="removal_proceedings", removal_scheduled_date=dt.date(2020, 1, 2))
    return [hostile, unknown_facility, released, past, person("Петров", "Пётр", "sibling")]


# Half past midnight in UTC is still the evening before in Haven's zone (America/New_York): a withdrawal
# then must be dated as its reader's clock says, as the template filter dates it, whatever hour the test runs.
WITHDRAWN_AT = dt.datetime(2026, 12, 8, 0, 30, tzinfo=dt.UTC)


def _timeline(household: Household, people: list[Person], today: dt.date) -> list[Entry]:
    User = get_user_model()
    writer, remover = User(username='anna<b>"'), User(username="о'брайен&co")

    def event(days: int, kind: str, **fields: Any) -> TimelineEvent:
        return TimelineEvent(
            public_id=uuid.uuid4(),
            household=household,
            date=today + dt.timedelta(days=days),
            kind=kind,
            **fields,
        )

    events = [
        event(30, "hearing_scheduled", note=f"Зал 3\n{HOSTILE}", created_by=writer, person=people[0]),
        event(0, "other", note="", created_by=None),
        event(-1, "status_changed", note="intake → documenting: причина <b>", system=True, created_by=writer),
        event(-2, "status_changed", note="odd → note", system=True, created_by=None),
        event(
            -3,
            "other",
            note="снято",
            created_by=writer,
            person=people[1],
            withdrawn_at=WITHDRAWN_AT,
            withdrawn_by=remover,
            withdrawn_reason=f'ошибка "{HOSTILE}"',
        ),
        event(-4, "other", note="x", created_by=None, withdrawn_at=WITHDRAWN_AT, withdrawn_by=None),
        event(-5, "appeal_filed", note="", created_by=writer, person=people[2]),
    ]
    entries = [Entry(e.date, e.get_kind_display(), e.person, e) for e in events]
    entries.append(Entry(today + dt.timedelta(days=3), f"Hearing {HOSTILE}", people[0]))
    return sorted(entries, key=lambda e: e.date, reverse=True)


def _render(template: str, context: dict[str, Any]) -> str:
    return Template(template).render(Context(context))


@pytest.mark.parametrize("language", ["en", "ru", "fr"])
@pytest.mark.parametrize("ahead", [True, False])
def test_the_timeline_tag_writes_what_the_loop_wrote(language: str, ahead: bool) -> None:
    household = Household(reference='H-1"><script>')
    today = timezone.localdate()
    people = _people(household)
    timeline = _timeline(household, people, today)
    if not ahead:  # every line in the past: "today" after the last one
        timeline = [e for e in timeline if e.date < today]
    context = {
        "timeline": timeline,
        "today": today,
        "today_at": first_past(timeline, today),
        "household": household,
    }
    with translation.override(language):
        former = _render(FORMER_TIMELINE, context)
        drawn = _render("{% load household_rows %}{% timeline_items %}", context)
    assert drawn == former
    if language == "en":
        assert "2026-12-07: ошибка" in drawn
    assert HOSTILE not in drawn and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in drawn
    assert "anna&lt;b&gt;&quot;" in drawn and "о&#x27;брайен&amp;co" in drawn and "ошибка &quot;" in drawn
    assert "<script>" not in drawn and "/cases/H-1%22%3E%3Cscript%3E/" in drawn and "timeline-today" in drawn


@pytest.mark.parametrize("language", ["en", "ru", "fr"])
def test_the_us_status_tag_writes_what_the_loop_wrote(language: str) -> None:
    household = Household(reference="H-00000002")
    context = {"people": _people(household), "household": household}
    with translation.override(language):
        former = _render(FORMER_US_STATUS, context)
        drawn = _render("{% load household_rows %}{% us_status_items %}", context)
    assert drawn == former
    assert HOSTILE not in drawn and "Krome &quot;North&quot; &amp; &lt;script&gt;" in drawn
    assert "О&#x27;Хара &quot;Юля&quot;" in drawn and drawn.count("badge-detained") == 2
