"""The public sources under an assessment's lines, categories and routes (``{% source_list %}``): each
with its date, detail and link, marked when still to be confirmed, and escaped whatever the rules say."""

from __future__ import annotations

from django.template import engines
from django.utils import translation

from haven.assessment.display import Source

PAGE = engines["django"].from_string("{% load assessment %}<div>{% source_list sources %}</div>")


def _shown(*sources: Source) -> str:
    return PAGE.render({"sources": list(sources)})


def test_a_source_with_everything_it_can_have() -> None:
    html = _shown(
        Source(
            title="Memorial",
            date="2024-03-01",
            detail="List of political prisoners",
            url="https://memopzk.org/",
        ),
        Source(title="Report", unverified=True),
    )
    assert html == (
        '<div><ul class="sources"><li>Memorial, 2024-03-01. List of political prisoners — '
        '<a href="https://memopzk.org/" rel="noopener noreferrer" target="_blank">https://memopzk.org/</a></li>'
        '<li>Report <span class="badge badge-unverified">Reference to be confirmed</span></li></ul>\n</div>'
    )


def test_no_sources_leave_no_list() -> None:
    assert _shown() == "<div>\n</div>"


def test_hostile_text_is_escaped_in_every_part() -> None:
    html = _shown(
        Source(
            title='<script>alert("Мемориал")</script>',
            date="2024'",
            detail="<b>«Иностранный агент»</b> & co",
            url='https://x.example/?q="><script>',
        )
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;Мемориал&quot;)&lt;/script&gt;, 2024&#x27;." in html
    assert "&lt;b&gt;«Иностранный агент»&lt;/b&gt; &amp; co" in html
    assert 'href="https://x.example/?q=&quot;&gt;&lt;script&gt;"' in html


def test_the_mark_is_in_the_reader_s_language() -> None:
    with translation.override("ru"):
        html = _shown(Source(title="Доклад", unverified=True))
    assert "Reference to be confirmed" not in html and '<span class="badge badge-unverified">' in html
