"""The radar's tables' lines, written by tags in Python: every value escaped (hostile names, quotes,
Cyrillic), and the same HTML as the template loops they replace, in English and Russian."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import translation

from haven.accounts.models import Organisation
from haven.cases.models import Household, Person
from haven.radar.rows import RadarRow
from haven.radar.templatetags.radar_tables import radar_deadline_rows, radar_warning_rows, radar_week_rows
from haven_core.data_quality import HouseholdWarning, Problem
from haven_core.deadlines import Deadline, Kind
from haven_core.deadlines_chart import Chart, Week

TODAY = dt.date(2026, 12, 7)
HOSTILE = "<script>alert('x')</script>"

# The template loops the tags replace, as they were, to compare the tags' lines with.
FORMER_DEADLINES = """{% load i18n caseload %}{% translate "Date" as l_date %}{% translate "Days left" as l_days %}{% translate "What" as l_what %}{% translate "Household" as l_household %}{% translate "Person" as l_person %}{% translate "Urgency" as l_urgency %}{% translate "Case owner" as l_owner %}{% translate "Removal" as w_removal %}{% translate "Hearing" as w_hearing %}{% translate "Whole household" as w_whole %}{% translate "Detained" as w_detained %}{% translate "not assessed" as w_unassessed %}{% translate "no owner" as w_no_owner %}{% for row in rows %}
    <tr{% if row.deadline.detained %} class="detained"{% endif %}>
      <td data-label="{{ l_date }}"><span class="date">{{ row.deadline.date|date:"SHORT_DATE_FORMAT" }}</span></td>
      <td class="num" data-label="{{ l_days }}" data-days="{{ row.days_left }}">{% days_left row.deadline.date %}</td>
      <td data-label="{{ l_what }}">{% if row.deadline.kind == "removal" %}<strong>▲ {{ w_removal }}</strong>{% elif row.deadline.kind == "hearing" %}■ {{ w_hearing }}{% else %}● {{ row.event_label }}{% endif %}</td>
      <td data-label="{{ l_household }}"><a class="reference" href="{% url 'cases:detail' row.household.reference %}">{{ row.household.reference }}</a></td>
      <td data-label="{{ l_person }}">
        {% if row.person %}<span lang="ru">{{ row.person.display_name }}</span>{% else %}<span class="muted">{{ w_whole }}</span>{% endif %}
        {% if row.deadline.detained %}<span class="badge badge-detained">⚠ {{ w_detained }}</span>{% endif %}
      </td>
      <td data-label="{{ l_urgency }}">{% if row.urgency %}<span class="level level-{{ row.urgency }}">{{ row.urgency_label }}</span>{% else %}<span class="muted">{{ w_unassessed }}</span>{% endif %}</td>
      <td data-label="{{ l_owner }}">{% if row.household.owner %}{{ row.household.owner.get_full_name|default:row.household.owner.get_username }}{% else %}<span class="muted">{{ w_no_owner }}</span>{% endif %}<br><span class="muted">{{ row.household.organisation.name }}</span></td>
    </tr>
  {% endfor %}"""  # noqa: E501

FORMER_WEEKS = """{% load i18n %}{% translate "Week" as l_week %}{% translate "Removals" as l_removals %}{% translate "Hearings" as l_hearings %}{% translate "Other events" as l_events %}{% translate "Of detained people" as l_detained %}{% translate "Total" as l_total %}{% for week in chart.weeks %}
    <tr><td data-label="{{ l_week }}">{{ week.start|date:"SHORT_DATE_FORMAT" }} – {{ week.end|date:"SHORT_DATE_FORMAT" }}</td><td class="num" data-label="{{ l_removals }}">{{ week.removals }}</td><td class="num" data-label="{{ l_hearings }}">{{ week.hearings }}</td><td class="num" data-label="{{ l_events }}">{{ week.events }}</td><td class="num" data-label="{{ l_detained }}">{{ week.detained }}</td><td class="num" data-label="{{ l_total }}">{{ week.total }}</td></tr>
  {% endfor %}"""  # noqa: E501

FORMER_WARNINGS = """{% load i18n %}{% translate "Household" as l_household %}{% translate "Person" as l_person %}{% translate "What is wrong" as l_wrong %}{% translate "What to do" as l_todo %}{% for item in warnings %}{% with w=item.warning %}
    <tr class="warning-{{ w.problem }}">
      <td data-label="{{ l_household }}"><a class="reference" href="{% url 'cases:detail' item.household.reference %}">{{ item.household.reference }}</a></td>
      <td data-label="{{ l_person }}">{% for person in item.people %}<span lang="ru">{{ person.display_name }}</span>{% if not forloop.last %}, {% endif %}{% endfor %}</td>
      {% if w.problem == "detained_no_facility" %}
      <td data-label="{{ l_wrong }}">{% translate "Detained, but no detention facility is recorded." %}</td>
      <td data-label="{{ l_todo }}">{% if item.person %}<a href="{% url 'cases:us_record' item.household.reference item.person.public_id %}">{% translate "Enter the detention facility in the US record." %}</a>{% else %}{% translate "Enter the detention facility in the US record." %}{% endif %}</td>
      {% elif w.problem == "final_order_no_removal" %}
      <td data-label="{{ l_wrong }}">{% translate "Final order of removal, but no scheduled removal date." %}</td>
      <td data-label="{{ l_todo }}">{% if item.person %}<a href="{% url 'cases:us_record' item.household.reference item.person.public_id %}">{% translate "Find out the removal date (ICE, the attorney of record) and enter it in the US record." %}</a>{% else %}{% translate "Find out the removal date (ICE, the attorney of record) and enter it in the US record." %}{% endif %}</td>
      {% else %}
      <td data-label="{{ l_wrong }}">{% blocktranslate with date=w.date|date:"SHORT_DATE_FORMAT" %}The hearing of {{ date }} has passed and no outcome is recorded.{% endblocktranslate %}</td>
      <td data-label="{{ l_todo }}"><a href="{% url 'cases:event_new' item.household.reference %}">{% translate "Add a “Hearing held” event to the timeline; if the hearing was moved, enter the new date in the US record." %}</a></td>
      {% endif %}
    </tr>
  {% endwith %}{% endfor %}"""  # noqa: E501


def _households() -> list[Household]:
    """A household whose owner, organisation and reference carry markup, quotes and Cyrillic; one with
    no owner."""
    hostile_org = Organisation(name=f'Помощь "Свобода" & {HOSTILE}', slug="hostile")
    owner = get_user_model()(username="anna<b>", first_name='Анна "Ann"', last_name=HOSTILE)
    nameless_owner = get_user_model()(username="o'brien&co")
    hostile = Household(reference='H-1"><script>', organisation=hostile_org, owner=owner)
    plain = Household(reference="H-00000002", organisation=Organisation(name="Free Russia Aid"), owner=None)
    other = Household(reference="H-00000003", organisation=hostile_org, owner=nameless_owner)
    return [hostile, plain, other]


def _person(household: Household, surname: str, given: str = "Юлия") -> Person:
    return Person(
        public_id=uuid.uuid4(), household=household, surname_cyrillic=surname, given_name_cyrillic=given
    )


def _rows() -> list[RadarRow]:
    hostile, plain, other = _households()
    someone = _person(hostile, HOSTILE, given='O\'Hara "Ю"')
    rows = []
    for i, (household, person, kind, event_kind, detained, urgency) in enumerate(
        [
            (hostile, someone, Kind.REMOVAL, "", True, "emergency"),
            (plain, _person(plain, "Котова"), Kind.HEARING, "", False, ""),
            (plain, None, Kind.EVENT, "appeal_filed", False, "high"),
            (other, None, Kind.EVENT, "other", True, "<b>odd</b>"),
            (other, _person(other, "Котов", "Миша"), Kind.EVENT, "removal_scheduled", False, "emergency"),
            (hostile, someone, Kind.HEARING, "", False, "emergency"),
        ]
    ):
        date = TODAY + dt.timedelta(days=(-3, 0, 2, 14, 15, 400)[i])
        deadline = Deadline(
            household.reference, str(person.public_id) if person else "", kind, date, detained, event_kind
        )
        rows.append(RadarRow(deadline, household, person, (date - TODAY).days, urgency))
    return rows


def _warnings() -> list[dict[str, Any]]:
    hostile, plain, _ = _households()
    first, second = _person(hostile, HOSTILE), _person(hostile, "Иванов", "Иван")
    warnings = [
        (hostile, [first], first, Problem.DETAINED_NO_FACILITY, None),
        (plain, [], None, Problem.DETAINED_NO_FACILITY, None),
        (hostile, [first, second], None, Problem.FINAL_ORDER_NO_REMOVAL, None),
        (hostile, [second], second, Problem.FINAL_ORDER_NO_REMOVAL, None),
        (plain, [], None, Problem.HEARING_NO_OUTCOME, TODAY - dt.timedelta(days=9)),
    ]
    return [
        {
            "warning": HouseholdWarning(h.reference, problem, tuple(str(p.public_id) for p in people), date),
            "household": h,
            "people": people,
            "person": person,
        }
        for h, people, person, problem, date in warnings
    ]


def _chart() -> Chart:
    weeks = [
        Week(TODAY, TODAY + dt.timedelta(days=6), 10.0, removals=3, hearings=11, events=1, detained=2),
        Week(TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=13), 20.0, removals=1234),
    ]
    return Chart(today=TODAY, days=90, weeks=weeks)


@pytest.fixture(params=["en", "ru", "fr"])
def language(request: Any) -> Any:
    with translation.override(request.param):
        yield request.param


def test_hostile_names_are_escaped_in_every_line(monkeypatch: Any) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    html = radar_deadline_rows(_rows()) + radar_warning_rows(_warnings())
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "O&#x27;Hara &quot;Ю&quot;" in html  # a name's quotes, Cyrillic as it is
    assert "Помощь &quot;Свобода&quot; &amp;" in html and "Анна &quot;Ann&quot;" in html
    assert "o&#x27;brien&amp;co" in html  # the owner's username when they have no full name
    assert 'href="/cases/H-1%22%3E%3Cscript%3E/"' in html  # a reference quoted in a link
    assert ">H-1&quot;&gt;&lt;script&gt;</a>" in html  # and escaped as text
    assert 'class="level level-&lt;b&gt;odd&lt;/b&gt;"' in html


def test_the_deadline_lines_are_the_former_templates(language: str, monkeypatch: Any) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: TODAY)
    rows = _rows()
    former = Template(FORMER_DEADLINES).render(Context({"rows": rows}))
    assert radar_deadline_rows(rows) == former
    assert former.count("<tr") == 6 and former.count("badge-detained") == 2  # every branch drawn


def test_the_week_lines_are_the_former_templates(language: str) -> None:
    chart = _chart()
    assert radar_week_rows(chart) == Template(FORMER_WEEKS).render(Context({"chart": chart}))


def test_the_warning_lines_are_the_former_templates(language: str) -> None:
    warnings = _warnings()
    former = Template(FORMER_WARNINGS).render(Context({"warnings": warnings}))
    assert radar_warning_rows(warnings) == former
    assert former.count("<tr ") == 5 and former.count("/us-record/") == 2 and "/events/new/" in former


def test_no_lines_no_html() -> None:
    assert radar_deadline_rows([]) == "" and radar_warning_rows([]) == ""
    assert radar_week_rows(Chart(today=TODAY, days=90)) == ""
