"""The rows of an assessment's score tables (``{% assessment_rows %}``): each line's reason, why, points and
sources, a line not counted said so, an empty score said so, and every value escaped."""

from __future__ import annotations

from django.template import engines
from django.utils import translation

from haven.assessment.display import Line, Source

PAGE = engines["django"].from_string("{% load assessment %}<tbody>{% assessment_rows lines %}</tbody>")
HOSTILE = '<script>alert("Котова")</script>'


def _line(**changed: object) -> Line:
    fields: dict[str, object] = {
        "what": "Political activity",
        "reasons": ["Member of an opposition party"],
        "detail": "",
        "points": 2.5,
        "counted": True,
        "person": "",
        "evidence": [],
        "sources": [],
        "confidence": "H",
        "confidence_label": "High confidence",
        "basis_label": "",
    }
    return Line(**{**fields, **changed})  # type: ignore[arg-type]


def _rows(*lines: Line) -> str:
    return PAGE.render({"lines": list(lines)})


def test_a_line_with_all_it_can_show() -> None:
    html = _rows(
        _line(
            person="Юлия Котова",
            detail="Since 2019",
            evidence=["Protocol", "Photo"],
            sources=[Source(title="Memorial")],
            basis_label="Reviewer's choice",
        )
    )
    assert '<td data-label="Reason">Political activity<br><span class="muted">Юлия Котова</span></td>' in html
    assert '<ul class="reasons"><li>Member of an opposition party</li></ul>' in html
    assert (
        '<p class="hint">Since 2019</p>' in html and '<p class="muted">Evidence: Protocol; Photo</p>' in html
    )
    assert '<td class="num" data-label="Points">2.50</td>' in html
    assert '<ul class="sources"><li>Memorial</li></ul>' in html
    assert '<span class="muted">High confidence</span>' in html
    assert '<span class="badge badge-choice">Reviewer&#x27;s choice</span>' in html


def test_a_line_not_counted_and_an_unverified_one_say_so() -> None:
    html = _rows(_line(counted=False), _line(confidence="U"))
    assert html.count("<tr") == 2 and html.count('<tr class="not-counted">') == 1
    assert '<span class="badge">not counted</span>' in html
    assert '<span class="badge badge-unverified">Unverified</span>' in html


def test_an_empty_score_says_nothing_adds_to_it() -> None:
    assert '<td colspan="4" class="muted">Nothing in the records adds to this score.</td>' in _rows()


def test_points_are_written_the_reader_s_way() -> None:
    with translation.override("ru"):
        html = _rows(_line(points=1.25))
    assert ">1,25</td>" in html and "1.25" not in html


def test_every_value_of_a_line_is_escaped() -> None:
    html = _rows(
        _line(
            what=HOSTILE,
            reasons=[HOSTILE],
            detail=HOSTILE,
            person=HOSTILE,
            evidence=[HOSTILE],
            confidence_label=HOSTILE,
            basis_label=HOSTILE,
        )
    )
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(&quot;Котова&quot;)&lt;/script&gt;") == 7
