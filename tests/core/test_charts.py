"""Chart geometry: one mark per non-empty category, sized by its count, in the order given."""

import datetime as dt

import pytest

from haven_core.charts import (
    PHONE_WIDTH,
    Count,
    funnel,
    horizontal_bars,
    month_starts,
    monthly_series,
    percent,
    stacked_bars,
)

STAGES = [
    Count("intake", "Intake", 40),
    Count("documenting", "Documenting", 0),
    Count("assessed", "Assessed", 10),
]


def test_horizontal_bars_mark_only_non_empty_categories_in_order() -> None:
    chart = horizontal_bars(STAGES)
    assert [(b.key, b.label, b.value) for b in chart.bars] == [
        ("intake", "Intake", 40),
        ("assessed", "Assessed", 10),
    ]
    assert chart.total == 50
    longest, shorter = chart.bars
    assert shorter.w == pytest.approx(longest.w / 4, abs=0.1)
    assert shorter.y > longest.y
    assert longest.x + longest.w <= chart.width
    assert chart.height >= shorter.y + shorter.h


def test_funnel_centres_its_bars() -> None:
    chart = funnel(STAGES)
    wide, narrow = chart.bars
    assert wide.x + wide.w / 2 == pytest.approx(narrow.x + narrow.w / 2, abs=0.1)
    assert narrow.w == pytest.approx(wide.w / 4, abs=0.1)
    assert narrow.value_x < wide.value_x


def test_no_counts_no_marks() -> None:
    assert horizontal_bars([Count("a", "A", 0)]).empty
    assert funnel([]).empty
    assert horizontal_bars([]).total == 0


def test_a_tiny_count_still_shows() -> None:
    chart = horizontal_bars([Count("big", "Big", 100_000), Count("one", "One", 1)])
    assert chart.bars[1].w >= 1.0


def test_month_starts_cross_the_year() -> None:
    assert month_starts(dt.date(2026, 2, 17), 4) == (
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    )
    with pytest.raises(ValueError):
        month_starts(dt.date(2026, 2, 17), 0)


def test_monthly_series_pairs_columns_and_ignores_other_months() -> None:
    months = month_starts(dt.date(2026, 3, 5), 3)
    counts = {
        "protection_granted": {dt.date(2026, 1, 1): 2, dt.date(2026, 3, 1): 4, dt.date(2025, 1, 1): 9},
        "removed": {dt.date(2026, 3, 1): 1},
    }
    series = monthly_series(counts, keys=("protection_granted", "removed"), months=months)
    assert [m.values for m in series.months] == [(2, 0), (0, 0), (4, 1)]
    assert series.totals == (6, 1)
    assert [(b.key, b.value) for b in series.bars] == [
        ("protection_granted:2026-01", 2),
        ("protection_granted:2026-03", 4),
        ("removed:2026-03", 1),
    ]
    tallest = series.bars[1]
    assert tallest.y + tallest.h == series.base
    assert series.bars[0].h == pytest.approx(tallest.h / 2, abs=0.1)
    granted, removed = series.bars[1], series.bars[2]
    assert removed.x > granted.x  # side by side in the same month


def test_monthly_series_empty() -> None:
    series = monthly_series({}, keys=("a", "b"), months=month_starts(dt.date(2026, 3, 5), 12))
    assert series.empty
    assert len(series.months) == 12
    assert series.totals == (0, 0)


def test_percent() -> None:
    assert percent(1, 3) == 33
    assert percent(1, 2) == 50
    assert percent(2, 3) == 67
    assert percent(0, 5) == 0
    assert percent(3, 0) is None


def test_long_labels_get_room_up_to_half_the_chart() -> None:
    short = horizontal_bars([Count("a", "Low", 1)])
    russian = horizontal_bars([Count("b", "Пока недостаточно задокументированы", 1)])
    huge = funnel([Count("c", "x" * 200, 1)])
    assert short.bars[0].x == 80
    assert russian.bars[0].x == 8 * 35 + 16
    assert huge.bars[0].text_x == 640 // 2 - 8
    assert all(b.x + b.w <= 640 for b in (*short.bars, *russian.bars, *huge.bars))


def test_a_bar_keeps_the_address_and_tone_of_its_count() -> None:
    chart = horizontal_bars(
        [
            Count("urgent", "Urgent", 2, "/assessment/?urgency=urgent", "warn"),
            Count("none", "None", 0),
            Count("x", "X", 1),
        ]
    )
    assert [(b.key, b.href, b.tone) for b in chart.bars] == [
        ("urgent", "/assessment/?urgency=urgent", "warn"),
        ("x", "", "neutral"),  # no list to open, no colour that means anything: the plain one
    ]


def test_a_phones_bars_stand_under_their_labels_whatever_their_length() -> None:
    long = "Пока недостаточно задокументированы"  # longer than half a phone's chart at 12 pixels
    chart = stacked_bars([Count("no", long, 30, href="/x", tone="warn"), Count("nil", "Nil", 0), *STAGES])
    assert [b.key for b in chart.bars] == ["no", "intake", "assessed"]
    assert chart.width == PHONE_WIDTH
    for bar in chart.bars:
        assert bar.x == 0 and bar.text_x == 0  # the label starts the line, the bar under it
        assert bar.text_y < bar.y < bar.value_y <= bar.y + bar.h
        assert bar.value_x + 40 <= chart.width  # room for a number of five digits right of the bar
    first, second, third = chart.bars
    assert first.y + first.h < second.text_y - 8  # rows do not overlap
    assert third.w == pytest.approx(first.w / 3, abs=0.1)  # 10 of 30
    assert first.href == "/x" and first.tone == "warn"
    assert chart.height >= third.y + third.h and chart.total == 80
