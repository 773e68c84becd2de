"""The case list's lines, written by a tag in Python: every value escaped (hostile names, references and
organisations, Cyrillic), and the same HTML as the template loop it replaces, in English, Russian and
French, with and without the people a search found."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from haven.accounts.models import Organisation
from haven.cases.caselist import CaseRow
from haven.cases.models import Household, Person
from haven.cases.templatetags.case_rows import case_list_rows

HOSTILE = "<script>alert('x')</script>"

# The template loop the tag replaces, as it was, to compare the tag's lines with.
FORMER = """{% load i18n caseload %}{% translate "Reference" as t_reference %}{% translate "Principal applicant" as t_principal %}{% translate "People" as t_people %}{% translate "Organisation" as t_organisation %}{% translate "Status" as t_status %}{% translate "Detention" as t_detention %}{% translate "Next removal" as t_removal %}{% translate "Next hearing" as t_hearing %}{% for row in rows %}
    <tr>
      <td data-label="{{ t_reference }}"><a class="reference" href="{% url 'cases:detail' row.household.reference %}">{{ row.household.reference }}</a></td>
      <td data-label="{{ t_principal }}">
        {% with p=row.principal %}
        {% if p %}
          {% with cyr=p|cyrillic_name %}{% if cyr %}<span class="name-cyrillic" lang="ru">{{ cyr }}</span>{% endif %}{% endwith %}
          {% if p.latin_name %}<span class="name-latin">{{ p.latin_name }}</span>{% endif %}
        {% else %}<span class="muted">{% translate "(no principal applicant)" %}</span>{% endif %}
        {% endwith %}
        {% if row.matched %}<p class="matched">{% translate "Found:" %} {% for m in row.matched %}<span class="matched-person">{{ m.display_name }} ({{ m.get_relationship_display|lower }})</span>{% if not forloop.last %}, {% endif %}{% endfor %}</p>{% endif %}
      </td>
      <td class="num" data-label="{{ t_people }}">{{ row.people_count }}</td>
      <td data-label="{{ t_organisation }}">{{ row.household.organisation.name }}</td>
      <td data-label="{{ t_status }}"><span class="stage stage-{{ row.household.stage }}">{{ row.household.get_stage_display }}</span></td>
      <td data-label="{{ t_detention }}">{% if row.detained %}<span class="badge badge-detained">{% translate "Detained" %}</span>{% endif %}</td>
      <td data-label="{{ t_removal }}">{% if row.next_removal %}<span class="date">{{ row.next_removal|date:"SHORT_DATE_FORMAT" }}</span> {% days_left row.next_removal %}{% endif %}</td>
      <td data-label="{{ t_hearing }}">{% if row.next_hearing %}<span class="date">{{ row.next_hearing|date:"SHORT_DATE_FORMAT" }}</span> {% days_left row.next_hearing %}{% endif %}</td>
    </tr>
  {% endfor %}"""  # noqa: E501


def _rows() -> list[CaseRow]:
    today = timezone.localdate()
    hostile_org = Organisation(name=f'Помощь "Свобода" & {HOSTILE}', slug="hostile")
    hostile = Household(reference='H-1"><script>', organisation=hostile_org, stage="intake")
    plain = Household(
        reference="H-00000002", organisation=Organisation(name="Free Russia Aid"), stage="referred"
    )
    empty = Household(reference="H-00000003", organisation=hostile_org, stage="closed")
    principal = Person(
        public_id=uuid.uuid4(),
        household=hostile,
        relationship="principal",
        surname_cyrillic=f"Иванова {HOSTILE}",
        given_name_cyrillic="Мария",
        patronymic_cyrillic="Петровна",
        surname_latin="Ivanova & 'Co'",
        given_name_latin="Maria",
    )
    latin_only = Person(
        public_id=uuid.uuid4(), household=plain, relationship="principal", given_name_latin="Olga"
    )
    spouse = Person(
        public_id=uuid.uuid4(), household=hostile, relationship="spouse", surname_cyrillic='Иванов "Ваня"'
    )
    child = Person(public_id=uuid.uuid4(), household=hostile, relationship="child", surname_latin=HOSTILE)
    return [
        CaseRow(
            hostile,
            principal,
            3,
            True,
            today + dt.timedelta(days=3),
            today - dt.timedelta(days=2),
            matched=(principal, spouse, child),
        ),
        CaseRow(plain, latin_only, 1, False, None, today + dt.timedelta(days=40)),
        CaseRow(empty, None, 0, False, today, None),
    ]


@pytest.mark.parametrize("language", ["en", "ru", "fr"])
def test_the_lines_are_the_former_templates(language: str) -> None:
    rows = _rows()
    with translation.override(language):
        former = Template(FORMER).render(Context({"rows": rows}))
        assert "H-00000002" in former and former.count("<tr>") == 3
        assert str(case_list_rows(rows)) == former


def test_every_value_is_escaped() -> None:
    with translation.override("en"):
        html = str(case_list_rows(_rows()))
    assert "<script>" not in html and HOSTILE not in html
    assert "&lt;script&gt;" in html
    assert "IVANOVA &amp; &#x27;CO&#x27;, Maria" in html
    assert 'href="/cases/H-1%22%3E%3Cscript%3E/"' in html
