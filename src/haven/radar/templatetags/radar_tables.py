"""The radar's tables' lines, written here rather than by the template language: a page's twenty-five
deadlines, its thirteen weeks and twenty warnings cost some 1,500 template nodes (a dozen translations,
links and filters a line). Each label and fixed phrase is translated once per page, each link reversed
once and filled in per line, and every value that can come from a user or a translation is escaped.
The HTML is the same as the templates wrote, to the byte."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django import template
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven.cases.templatetags.caseload import PageDates, days_badge, url_filler
from haven.radar.rows import RadarRow
from haven_core.data_quality import Problem
from haven_core.deadlines import Kind
from haven_core.deadlines_chart import Chart

register = template.Library()


def _days_left(days: int, said: dict[int, SafeString]) -> SafeString:
    """``in 3 days``, ``today`` or ``5 days ago``, marked urgent when close (as ``{% days_left %}``)."""
    if days not in said:
        said[days] = days_badge(days)
    return said[days]


@register.simple_tag
def radar_deadline_rows(rows: Sequence[RadarRow]) -> SafeString:
    """The deadline list's lines: date, days left, what, household, person (and detention), urgency,
    case owner and organisation."""
    label = {
        "date": escape(gettext("Date")),
        "days": escape(gettext("Days left")),
        "what": escape(gettext("What")),
        "household": escape(gettext("Household")),
        "person": escape(gettext("Person")),
        "urgency": escape(gettext("Urgency")),
        "owner": escape(gettext("Case owner")),
    }
    removal = format_html("<strong>▲ {}</strong>", gettext("Removal"))
    hearing = format_html("■ {}", gettext("Hearing"))
    whole = format_html('<span class="muted">{}</span>', gettext("Whole household"))
    detained = format_html('\n        <span class="badge badge-detained">⚠ {}</span>', gettext("Detained"))
    unassessed = format_html('<span class="muted">{}</span>', gettext("not assessed"))
    no_owner = format_html('<span class="muted">{}</span>', gettext("no owner"))
    household_url = url_filler("cases:detail")
    dates = PageDates()
    days_said: dict[int, SafeString] = {}
    events: dict[str, SafeString] = {}
    urgencies: dict[str, SafeString] = {}
    lines = []
    for row in rows:
        d, household, owner = row.deadline, row.household, row.household.owner
        if d.kind == Kind.REMOVAL:
            what = removal
        elif d.kind == Kind.HEARING:
            what = hearing
        else:
            if d.event_kind not in events:
                events[d.event_kind] = format_html("● {}", row.event_label)
            what = events[d.event_kind]
        if row.urgency:
            if row.urgency not in urgencies:
                urgencies[row.urgency] = format_html(
                    '<span class="level level-{}">{}</span>', row.urgency, row.urgency_label
                )
            urgency = urgencies[row.urgency]
        else:
            urgency = unassessed
        lines.append(
            format_html(
                "\n    <tr{}>"
                '\n      <td data-label="{}"><span class="date">{}</span></td>'
                '\n      <td class="num" data-label="{}" data-days="{}">{}</td>'
                '\n      <td data-label="{}">{}</td>'
                '\n      <td data-label="{}"><a class="reference" href="{}">{}</a></td>'
                '\n      <td data-label="{}">\n        {}{}\n      </td>'
                '\n      <td data-label="{}">{}</td>'
                '\n      <td data-label="{}">{}<br><span class="muted">{}</span></td>'
                "\n    </tr>\n  ",
                mark_safe(' class="detained"') if d.detained else "",
                label["date"],
                dates(d.date),
                label["days"],
                localize(row.days_left),
                _days_left(row.days_left, days_said),
                label["what"],
                what,
                label["household"],
                household_url(household.reference),
                household.reference,
                label["person"],
                format_html('<span lang="ru">{}</span>', row.person.display_name) if row.person else whole,
                detained if d.detained else "\n        ",
                label["urgency"],
                urgency,
                label["owner"],
                (owner.get_full_name() or owner.get_username()) if owner else no_owner,
                household.organisation.name,
            )
        )
    return mark_safe("".join(lines))  # noqa: S308 - each line is built by format_html


@register.simple_tag
def radar_week_rows(chart: Chart) -> SafeString:
    """The weekly table's lines: the week's dates and its numbers of each kind, of detained people and
    in all."""
    labels = [
        escape(gettext("Week")),
        escape(gettext("Removals")),
        escape(gettext("Hearings")),
        escape(gettext("Other events")),
        escape(gettext("Of detained people")),
        escape(gettext("Total")),
    ]
    dates = PageDates()
    row = (
        '\n    <tr><td data-label="{}">{} – {}</td><td class="num" data-label="{}">{}</td>'
        '<td class="num" data-label="{}">{}</td><td class="num" data-label="{}">{}</td>'
        '<td class="num" data-label="{}">{}</td><td class="num" data-label="{}">{}</td></tr>\n  '
    )
    lines = []
    for week in chart.weeks:
        numbers = (week.removals, week.hearings, week.events, week.detained, week.total)
        cells = [x for label, n in zip(labels[1:], numbers, strict=True) for x in (label, localize(n))]
        lines.append(format_html(row, labels[0], dates(week.start), dates(week.end), *cells))
    return mark_safe("".join(lines))  # noqa: S308 - each line is built by format_html


@register.simple_tag
def radar_warning_rows(warnings: Iterable[Mapping[str, Any]]) -> SafeString:
    """The data-quality warnings' lines: household, people concerned, what is wrong and what to do (a
    link to the person's US record, or to a new timeline event for a passed hearing)."""
    label = {
        "household": escape(gettext("Household")),
        "person": escape(gettext("Person")),
        "wrong": escape(gettext("What is wrong")),
        "todo": escape(gettext("What to do")),
    }
    # What each problem says is wrong and what to do about it (a passed hearing's sentence has its date).
    wrong = {
        Problem.DETAINED_NO_FACILITY: escape(gettext("Detained, but no detention facility is recorded.")),
        Problem.FINAL_ORDER_NO_REMOVAL: escape(
            gettext("Final order of removal, but no scheduled removal date.")
        ),
    }
    todo = {
        Problem.DETAINED_NO_FACILITY: escape(gettext("Enter the detention facility in the US record.")),
        Problem.FINAL_ORDER_NO_REMOVAL: escape(
            gettext("Find out the removal date (ICE, the attorney of record) and enter it in the US record.")
        ),
    }
    hearing_held = escape(
        gettext(
            "Add a “Hearing held” event to the timeline; if the hearing was moved, enter the new date in "
            "the US record."
        )
    )
    passed = gettext("The hearing of %(date)s has passed and no outcome is recorded.")
    household_url, record_url, event_url = (
        url_filler("cases:detail"),
        url_filler("cases:us_record", person=True),
        url_filler("cases:event_new"),
    )
    dates = PageDates()
    lines = []
    for item in warnings:
        w, reference, person = item["warning"], item["household"].reference, item["person"]
        if w.problem in wrong:
            what = wrong[w.problem]
            if person:
                to_do = format_html(
                    '<a href="{}">{}</a>', record_url(reference, person.public_id), todo[w.problem]
                )
            else:
                to_do = todo[w.problem]
        else:  # a passed hearing with no outcome
            what = escape(passed % {"date": dates(w.date)})
            to_do = format_html('<a href="{}">{}</a>', event_url(reference), hearing_held)
        names = mark_safe(  # noqa: S308 - each name is escaped by format_html
            ", ".join(format_html('<span lang="ru">{}</span>', p.display_name) for p in item["people"])
        )
        lines.append(
            format_html(
                '\n    <tr class="warning-{}">'
                '\n      <td data-label="{}"><a class="reference" href="{}">{}</a></td>'
                '\n      <td data-label="{}">{}</td>'
                '\n      \n      <td data-label="{}">{}</td>'
                '\n      <td data-label="{}">{}</td>'
                "\n      \n    </tr>\n  ",
                w.problem,
                label["household"],
                household_url(reference),
                reference,
                label["person"],
                names,
                label["wrong"],
                what,
                label["todo"],
                to_do,
            )
        )
    return mark_safe("".join(lines))  # noqa: S308 - each line is built by format_html
