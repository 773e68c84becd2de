"""The heading of each person's evidence on the household page, written by a tag in Python
(``{% evidence_person_head %}``): the person's name escaped (markup, quotes, Cyrillic) and the same HTML
as the template it replaces, in English, Russian and French."""

from __future__ import annotations

import uuid

import pytest
from django.template import Context, Template
from django.utils import translation

from haven.cases.models import Household, Person

HOSTILE = "<script>alert('x')</script>"

# The template the tag replaces, as it was, to compare the tag's heading with.
FORMER = """{% load i18n %}<article class="evidence-person" aria-labelledby="evidence-{{ row.person.public_id }}">
    <div class="section-head">
      <h3 id="evidence-{{ row.person.public_id }}">{{ row.person.display_name }} <span class="count">{{ row.entries|length }}</span></h3>
      <ul class="card-actions">
        <li><a href="{% url 'evidence:person' household.reference row.person.public_id %}">{% translate "All evidence" %}<span class="visually-hidden"> — {{ row.person.display_name }}</span></a></li>
        <li><a href="{% url 'evidence:new' household.reference row.person.public_id %}">{% translate "Upload" %}<span class="visually-hidden"> — {{ row.person.display_name }}</span></a></li>
        <li><a href="{% url 'evidence:capture' household.reference row.person.public_id %}">{% translate "Capture a web page" %}<span class="visually-hidden"> — {{ row.person.display_name }}</span></a></li>
      </ul>
    </div>"""  # noqa: E501


@pytest.mark.parametrize("language", ["en", "ru", "fr"])
@pytest.mark.parametrize(
    ("surname", "given", "entries"), [(HOSTILE, 'О\'Хара "Юля"', 3), ("Котова", "Юлия", 0)]
)
def test_the_heading_is_the_templates(language: str, surname: str, given: str, entries: int) -> None:
    household = Household(reference="H-00000001")
    person = Person(
        public_id=uuid.uuid4(), household=household, surname_cyrillic=surname, given_name_cyrillic=given
    )
    context = {"household": household, "row": {"person": person, "entries": [object()] * entries}}
    with translation.override(language):
        former = Template(FORMER).render(Context(context))
        drawn = Template("{% load evidence_people %}{% evidence_person_head row %}").render(Context(context))
    assert drawn == former
    assert "<script>" not in drawn and f'<span class="count">{entries}</span>' in drawn
    assert drawn.count(str(person.public_id)) == 5
    if surname == HOSTILE:
        assert (
            drawn.count("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; О&#x27;Хара &quot;Юля&quot;") == 4
        )
