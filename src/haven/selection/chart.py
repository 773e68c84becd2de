"""The what-if chart as geometry for an inline SVG the template draws (no scripts, no inline styles)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 600, 260, 24, 40, 16


def bars(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One bar per quota, as tall as the total priority chosen; its label the people chosen."""
    if not rows:
        return {"bars": [], "width": WIDTH, "height": HEIGHT}
    top = max(r["exact"]["priority"] for r in rows) or 1.0
    slot = (WIDTH - 2 * LEFT) / len(rows)
    usable = HEIGHT - TOP - BOTTOM
    out = []
    for i, r in enumerate(rows):
        h = usable * r["exact"]["priority"] / top
        x = LEFT + i * slot + slot * 0.15
        out.append(
            {
                "x": round(x, 1),
                "y": round(TOP + usable - h, 1),
                "w": round(slot * 0.7, 1),
                "h": round(h, 1),
                "cx": round(x + slot * 0.35, 1),
                "quota": r["quota"],
                "people": r["exact"]["people"],
                "priority": r["exact"]["priority"],
            }
        )
    return {"bars": out, "width": WIDTH, "height": HEIGHT, "base": HEIGHT - BOTTOM, "label_y": HEIGHT - 14}
