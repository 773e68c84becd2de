"""The heading of each person's evidence on the household page: ``{% evidence_person_head row %}``.

Eight people have eight of them, of some fifteen template nodes and three links each; built here with
the same HTML, their name escaped, Haven's words looked up once per page and each link reversed once per
page (:class:`~haven.cases.templatetags.person_card.Page`) and filled in with the person's id.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from haven.cases.templatetags.person_card import page_of

register = template.Library()


@register.simple_tag(takes_context=True)
def evidence_person_head(context: template.Context, row: dict[str, Any]) -> SafeString:
    """The opening of a person's article (``row`` of ``evidence_section``): their name, how many items,
    and the links to all their evidence, to upload and to capture a web page."""
    page, person = page_of(context), row["person"]
    pid, name = person.public_id, person.display_name
    link = '        <li><a href="{}">{}<span class="visually-hidden"> — {}</span></a></li>\n'
    return format_html(
        '<article class="evidence-person" aria-labelledby="evidence-{}">\n'
        '    <div class="section-head">\n'
        '      <h3 id="evidence-{}">{} <span class="count">{}</span></h3>\n'
        '      <ul class="card-actions">\n' + link * 3 + "      </ul>\n"
        "    </div>",
        pid,
        pid,
        name,
        len(row["entries"]),
        page.link("evidence:person", pid),
        page.word("All evidence"),
        name,
        page.link("evidence:new", pid),
        page.word("Upload"),
        name,
        page.link("evidence:capture", pid),
        page.word("Capture a web page"),
        name,
    )
