"""A person's card on the household page: ``{% person_card person %}``.

A household of eight draws eight cards of some eighty template nodes each (names, facts, the US record,
ties to Canada and a dozen links); built here in Python the card costs a fraction of that, with the same
HTML: every recorded value escaped (``format_html``), Haven's own translated words as the template gave
them. The links of a household differ only by the person's or tie's UUID, so each is reversed once per
page (:class:`Page`) rather than once per link, and each of Haven's own words looked up once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from haven.cases.templatetags.caseload import (
    countries,
    cyrillic_name,
    days_left,
    label,
    partial_date,
    shown_date,
    url_filler,
)
from haven.cases.templatetags.caseload import vulnerability_labels as vulnerability_names

register = template.Library()


class Page:
    """What every card of one household's page shares: its links that take a UUID, each reversed once
    and then filled in, and Haven's own words in the reader's language, each looked up once."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        self._links: dict[str, Callable[..., str]] = {}
        self._words: dict[str, SafeString] = {}

    def link(self, name: str, public_id: uuid.UUID) -> str:
        fill = self._links.get(name)
        if fill is None:
            fill = self._links[name] = url_filler(name, person=True)
        return fill(self.reference, public_id)

    def word(self, message: str) -> SafeString:
        """One of Haven's own words, as ``{% translate %}`` puts it in a page (the catalogue's text, not
        anything a user typed: not escaped)."""
        found = self._words.get(message)
        if found is None:
            found = self._words[message] = mark_safe(gettext(message))  # noqa: S308
        return found


def _fact(name: str, value: Any) -> SafeString:
    return format_html("      <div><dt>{}</dt><dd>{}</dd></div>", name, value)


def _header(person: Any, page: Page) -> list[str]:
    name, pid = person.display_name, person.public_id
    lines: list[str] = [
        '  <header class="card-head">',
        "    <div>",
        format_html('      <h3 id="name-{}">{}</h3>', pid, name),
    ]
    if person.latin_name and cyrillic_name(person):
        lines.append(format_html('      <p class="name-latin">{}</p>', person.latin_name))
    detail = format_html(" — {}", person.relationship_detail) if person.relationship_detail else ""
    lines.append(
        format_html('      <p class="relationship">{}{}</p>', person.get_relationship_display(), detail)
    )
    lines += ["    </div>", '    <ul class="card-actions">']
    hidden = format_html('<span class="visually-hidden"> {}</span>', name)
    edit = page.link("cases:person_edit", pid)
    lines.append(format_html('      <li><a href="{}">{}{}</a></li>', edit, page.word("Edit"), hidden))
    if person.relationship != "principal":
        remove = page.link("cases:person_remove", pid)
        lines.append(format_html('      <li><a href="{}">{}{}</a></li>', remove, page.word("Remove"), hidden))
    lines += ["    </ul>", "  </header>", ""]
    return lines


def _birth(person: Any, page: Page) -> SafeString:
    if not person.birth_date:
        return format_html('<span class="muted">{}</span>', page.word("unknown"))
    age = person.age()
    if age is None:
        return format_html("{}", partial_date(person.birth_date))
    years = ngettext("%(years)s year", "%(years)s years", age) % {"years": age}
    return format_html('{} <span class="muted">({})</span>', partial_date(person.birth_date), years)


def _facts(person: Any, page: Page) -> list[str]:
    lines: list[str] = [
        '  <div class="person-grid">',
        '    <dl class="facts">',
        _fact(label(person, "birth_date"), _birth(person, page)),
    ]
    if person.sex:
        lines.append(_fact(label(person, "sex"), person.get_sex_display()))
    if person.place_of_birth:
        lines.append(_fact(label(person, "place_of_birth"), person.place_of_birth))
    if person.citizenships:
        lines.append(_fact(label(person, "citizenships"), countries(person.citizenships)))
    if person.languages:
        lines.append(_fact(label(person, "languages"), person.languages))
    if person.surname_latin or person.given_name_latin:
        lines.append(_fact(page.word("Passport (Latin)"), person.latin_name))
    for name in ("other_spellings", "former_names"):
        if getattr(person, name):
            lines.append(_fact(label(person, name), linebreaksbr(getattr(person, name), autoescape=True)))
    for name in ("phone", "email"):
        if getattr(person, name):
            lines.append(_fact(label(person, name), getattr(person, name)))
    if person.address:
        lines.append(_fact(label(person, "address"), linebreaksbr(person.address, autoescape=True)))
    lines += ["    </dl>", ""]
    return lines


def _vulnerability(person: Any, page: Page) -> list[str]:
    pid = person.public_id
    lines: list[str] = [
        format_html('    <section class="sensitive-box" aria-labelledby="vuln-{}">', pid),
        format_html(
            '      <h4 id="vuln-{}">{} <span class="sensitive-tag">{}</span></h4>',
            pid,
            page.word("Vulnerability"),
            page.word("Sensitive"),
        ),
    ]
    facts = vulnerability_names(person)
    if facts:
        items = format_html_join("", "<li>{}</li>", ((fact,) for fact in facts))
        lines.append(format_html('      <ul class="facts-list">{}</ul>', items))
    else:
        lines.append(format_html('      <p class="muted">{}</p>', page.word("None recorded.")))
    if person.vulnerability_notes:
        lines.append(
            format_html("      <p>{}</p>", linebreaksbr(person.vulnerability_notes, autoescape=True))
        )
    lines += ["    </section>", "  </div>", ""]
    return lines


def _us_record(person: Any, page: Page) -> list[str]:
    # the template read a missing record (reverse one-to-one: an AttributeError) as none
    pid, record = person.public_id, getattr(person, "us_record", None)
    hidden = format_html(
        '<span class="visually-hidden"> — {}, {}</span>',
        page.word("US immigration record"),
        person.display_name,
    )
    lines: list[str] = [
        format_html('  <section class="subsection us-record" aria-labelledby="us-{}">', pid),
        '    <div class="section-head">',
        format_html('      <h4 id="us-{}">{}</h4>', pid, page.word("US immigration record")),
        format_html(
            '      <a href="{}">{}{}</a>',
            page.link("cases:us_record", pid),
            page.word("Edit") if record else page.word("Add"),
            hidden,
        ),
        "    </div>",
    ]
    if not record:
        lines += [
            format_html('    <p class="muted">{}</p>', page.word("No US record yet.")),
            "  </section>",
            "",
        ]
        return lines
    unknown = format_html('<span class="muted">{}</span>', page.word("unknown"))
    number = (
        format_html('<span class="mono">{}</span>', record.a_number_display) if record.a_number else unknown
    )
    if record.detained:
        facility = format_html(" {}", record.detention_facility) if record.detention_facility else ""
        detention = format_html(
            '<span class="badge badge-detained">{}</span>{}', page.word("Detained"), facility
        )
    else:
        detention = page.word("Not detained")
    lines += [
        '    <dl class="facts facts-wide">',
        _fact(label(record, "a_number"), number),
        _fact(label(record, "status"), record.get_status_display()),
        _fact(page.word("Detention"), detention),
    ]
    if record.court:
        lines.append(_fact(label(record, "court"), record.court))
    for name, countdown in (
        ("next_hearing_date", True),
        ("removal_order_date", False),
        ("removal_scheduled_date", True),
    ):
        when = getattr(record, name)
        if when:
            shown = format_html("{} {}", shown_date(when), days_left(when)) if countdown else shown_date(when)
            lines.append(_fact(label(record, name), shown))
    if record.attorney_of_record:
        lines.append(_fact(label(record, "attorney_of_record"), record.attorney_of_record))
    lines += ["    </dl>", "  </section>", ""]
    return lines


def _tie_actions(page: Page, kind: str, public_id: uuid.UUID) -> list[str]:
    return [
        '            <span class="tie-actions">',
        format_html(
            '              <a href="{}">{}</a>', page.link(f"cases:{kind}_edit", public_id), page.word("Edit")
        ),
        format_html(
            '              <a href="{}">{}</a>',
            page.link(f"cases:{kind}_remove", public_id),
            page.word("Remove"),
        ),
        "            </span>",
        "          </li>",
    ]


def _tie_box(page: Page, heading: str, entries: list[list[str]], new: str, add: str) -> list[str]:
    """One box of a person's ties to Canada: its heading, its entries as a list (or "None recorded.")
    and the link that adds one."""
    lines: list[str] = ["      <div>", format_html("        <h5>{}</h5>", page.word(heading))]
    if entries:
        lines.append('        <ul class="tie-list">')
        for entry in entries:
            lines += entry
        lines.append("        </ul>")
    else:
        lines.append(format_html('        <p class="muted">{}</p>', page.word("None recorded.")))
    lines += [
        format_html('        <a class="add-link" href="{}">+ {}</a>', new, page.word(add)),
        "      </div>",
    ]
    return lines


def _relative(relative: Any, page: Page) -> list[str]:
    city = format_html(" · {}", relative.city) if relative.city else ""
    lines = [
        "          <li>",
        format_html(
            '            <span class="tie-main">{}</span>', relative.full_name or page.word("(no name)")
        ),
        format_html(
            "            <span>{} · {}{}</span>",
            relative.get_relationship_display(),
            relative.get_canadian_status_display(),
            city,
        ),
    ]
    if relative.notes:
        lines.append(format_html('            <span class="muted">{}</span>', relative.notes))
    return lines + _tie_actions(page, "relative", relative.public_id)


def _permit(permit: Any, page: Page) -> list[str]:
    lines = [
        "          <li>",
        format_html('            <span class="tie-main">{}</span>', permit.get_kind_display()),
    ]
    if permit.number:
        lines.append(format_html('            <span class="mono">{}</span>', permit.number))
    if permit.valid_until:
        lines.append(
            format_html(
                "            <span>{} {} {}</span>",
                page.word("valid until"),
                shown_date(permit.valid_until),
                days_left(permit.valid_until),
            )
        )
    return lines + _tie_actions(page, "permit", permit.public_id)


def _canada(person: Any, page: Page) -> list[str]:
    pid = person.public_id
    return [
        format_html('  <section class="subsection canada" id="canada-{}" aria-labelledby="ca-{}">', pid, pid),
        format_html('    <h4 id="ca-{}">{}</h4>', pid, page.word("Ties to Canada")),
        '    <div class="ties">',
        *_tie_box(
            page,
            "Relatives in Canada",
            [_relative(relative, page) for relative in person.canada_relatives.all()],
            page.link("cases:relative_new", pid),
            "Add a relative",
        ),
        *_tie_box(
            page,
            "Canadian visas and permits",
            [_permit(permit, page) for permit in person.canada_permits.all()],
            page.link("cases:permit_new", pid),
            "Add a visa or permit",
        ),
        "    </div>",
        "  </section>",
    ]


def render_card(person: Any, page: Page) -> SafeString:
    """The card of ``person`` (its US record and ties to Canada loaded), its links and words from ``page``."""
    pid = person.public_id
    lines: list[str] = [
        format_html('<article class="person card" id="person-{}" aria-labelledby="name-{}">', pid, pid),
        *_header(person, page),
        *_facts(person, page),
        *_vulnerability(person, page),
        *_us_record(person, page),
        *_canada(person, page),
        "</article>",
    ]
    # Every line above is a literal of this module or built by format_html, which escaped what it put in.
    return mark_safe("\n" + "\n".join(lines) + "\n")  # noqa: S308


def page_of(context: template.Context) -> Page:
    """The :class:`Page` of the household being drawn, shared by every tag of its page that draws rows."""
    household = context["household"]
    page: Page | None = context.render_context.get("person_card_page")
    if page is None or page.reference != household.reference:
        page = context.render_context["person_card_page"] = Page(household.reference)
    return page


@register.simple_tag(takes_context=True)
def person_card(context: template.Context, person: Any) -> SafeString:
    return render_card(person, page_of(context))
