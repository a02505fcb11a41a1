"""The geometry of the HTML brief's horizontal bar charts, in SVG user units; the template draws them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart, in SVG user units."""

    series: int
    value: int | None
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class BarRow:
    """One labelled row of bars."""

    label: str
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    """The geometry of a horizontal bar chart with one bar per series in each row."""

    width: float
    height: float
    label_width: float
    series: list[str]
    legend: list[tuple[float, str]] = field(default_factory=list)  # (top y, series name), one line each
    rows: list[BarRow] = field(default_factory=list)


def bar_chart(
    rows: Sequence[tuple[str, Sequence[int | None]]],
    series: Sequence[str],
    width: float = 320,
    label_width: float = 96,
    bar_height: float = 14,
    row_gap: float = 10,
) -> BarChart:
    """Lay out horizontal bars scaled to the largest value; a None value gets no bar (shown as n/a).

    With more than one series, a legend of one line per series sits above the bars.
    """
    value_room = 36.0
    legend_line = 16.0
    legend = [(6 + i * legend_line, name) for i, name in enumerate(series)] if len(series) > 1 else []
    plot_width = width - label_width - value_room
    values = [v for _, row_values in rows for v in row_values if v is not None]
    scale = plot_width / max([*values, 1])
    layout: list[BarRow] = []
    y = len(legend) * legend_line + (6 if legend else 0) + row_gap / 2
    for label, row_values in rows:
        bars = []
        for i, value in enumerate(row_values):
            bar_y = y + i * bar_height
            bar_width = (value or 0) * scale
            bars.append(
                Bar(
                    series=i,
                    value=value,
                    x=label_width,
                    y=bar_y,
                    width=round(bar_width, 2),
                    height=bar_height - 2,
                    text_x=round(label_width + bar_width + 4, 2),
                    text_y=bar_y + bar_height - 3,
                )
            )
        block = bar_height * max(len(row_values), 1)
        layout.append(BarRow(label=label, label_y=y + block / 2 + 4, bars=bars))
        y += block + row_gap
    return BarChart(
        width=width, height=y + row_gap / 2, label_width=label_width, series=list(series), legend=legend, rows=layout
    )
