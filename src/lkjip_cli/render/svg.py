"""Charts and diagrams as SVG: vector, text set as text in the body font.

The HTML report inlines the SVG (it prints sharp and its text can be
selected and searched); the Markdown report links to it as a file beside it.
Every value is one mark (``class="mark"``, its exact value in ``data-nilai``):
a bar, or a point on a line. Coordinates are points, rounded to 1/100, so the
same figure always gives the same text.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from markupsafe import escape

from lkjip_cli.numbers import format_number
from lkjip_cli.render.blocks import Figure
from lkjip_cli.render.graphics import Box, Chart, Diagram, Line, Series, text_block
from lkjip_cli.render.metrics import FONT_FAMILY, text_width, wrap


def _attr(text: str) -> str:
    """``text`` as a double-quoted attribute value, every markup character escaped."""
    return f'"{escape(text)}"'


PT_PER_CM = 72 / 2.54
_TITLE_PT = 10.0
_TEXT_PT = 9.0
_SMALL_PT = 8.0
_PAD = 6.0
_TICK = 3.5
_HEADROOM = Decimal("1.18")
"""The value axis reaches this much above the highest value: room for the labels."""
_GRID = "D9D9D9"
_BAR_SHARE = 0.6
_HALO = ' fill="#000000" stroke="#FFFFFF" stroke-width="2.5" paint-order="stroke"'
"""A line's labels are outlined in white: readable where they cross a bar."""
"""Share of a category's width its bars take together."""


def _n(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def ticks(top: Decimal, low: Decimal = Decimal(0)) -> list[Decimal]:
    """The multiples of a round step from ``low`` (0 or below) up to ``top``, about six steps.

    The step is the smallest of 1, 2, 2.5 or 5 × 10^k that is at least a sixth
    of the range: 118 gives 0, 20, …, 100; 13.88 gives 0, 2.5, …, 12.5.
    """
    if top <= low:
        return [Decimal(0)]
    rough = (top - low) / 6
    unit = Decimal(10) ** rough.adjusted()
    step = next(m * unit for m in (1, 2, Decimal("2.5"), 5, 10) if m * unit >= rough)
    first = int((low / step).to_integral_value(rounding=ROUND_CEILING))
    return [step * i for i in range(first, int(top // step) + 1)]


def tick_labels(values: list[Decimal]) -> list[str]:
    """``0``, ``2,5``, ``0,25``: as many decimal places as the tick has."""
    return [format_number(v, max(0, -int(v.normalize().as_tuple().exponent))) for v in values]


def _text(
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    anchor: str = "middle",
    bold: bool = False,
    extra: str = "",
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}"'
        f"{weight}{extra}>{escape(text)}</text>"
    )


def _document(
    width: float, height: float, width_cm: float, body: list[str], ident: str, title: str, desc: str
) -> str:
    """The ``<svg>`` element around ``body``: its size, font, title and description."""
    scale = width_cm / (width / PT_PER_CM)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label={_attr(title)}'
            f' aria-describedby="{ident}-desc" width="{_n(width_cm)}cm"'
            f' height="{_n(height / PT_PER_CM * scale)}cm" viewBox="0 0 {_n(width)} {_n(height)}"'
            f" font-family={_attr(FONT_FAMILY)}>",
            f"<title>{escape(title)}</title>",
            f'<desc id="{ident}-desc">{escape(desc)}</desc>',
            f'<rect width="{_n(width)}" height="{_n(height)}" fill="#FFFFFF"/>',
            *body,
            "</svg>",
        ]
    )


# --- charts -------------------------------------------------------------------------


class _Frame:
    """Where a chart's parts go: the plot box placed around its measured texts."""

    def __init__(self, chart: Chart, width: float, height: float) -> None:
        self.chart = chart
        values = [v for s in chart.series for v in s.values if v is not None]
        highest = max(values, default=Decimal(0))
        self.top_value = highest * _HEADROOM if highest > 0 else Decimal(1)
        self.low_value = min(min(values, default=Decimal(0)), Decimal(0)) * _HEADROOM
        self.ticks = ticks(self.top_value, self.low_value)
        self.tick_labels = tick_labels(self.ticks)
        self.title = wrap(chart.title, width - 2 * _PAD, lambda t: text_width(t, _TITLE_PT, True))
        self.legend_y = height - _PAD - 0.25 * _SMALL_PT
        self.x_title_y = self.legend_y - 1.9 * _SMALL_PT
        self.categories_y = self.x_title_y - 1.5 * _TEXT_PT
        self.bottom = self.categories_y - _TEXT_PT - _TICK
        self.top = _PAD + len(self.title) * 1.2 * _TITLE_PT + 0.8 * _TEXT_PT
        self.y_title_x = _PAD + 0.8 * _TEXT_PT
        widest = max(text_width(t, _SMALL_PT) for t in self.tick_labels)
        self.left = self.y_title_x + 0.6 * _TEXT_PT + widest + 2 * _TICK
        self.right = width - _PAD
        self.slot = (self.right - self.left) / max(len(chart.categories), 1)

    def x(self, index: float) -> float:
        """The centre of category ``index``."""
        return self.left + (index + 0.5) * self.slot

    def y(self, value: Decimal) -> float:
        """The height of ``value``, clipped to the plot."""
        share = (value - self.low_value) / (self.top_value - self.low_value)
        share = min(max(share, Decimal(0)), Decimal(1))
        return self.bottom - float(share) * (self.bottom - self.top)


def chart_svg(chart: Chart, width_cm: float, ident: str, title: str, desc: str) -> str:
    """``chart`` as an SVG ``width_cm`` wide; ``ident`` prefixes its element ids."""
    width, height = width_cm * PT_PER_CM, chart.height_cm * PT_PER_CM
    f = _Frame(chart, width, height)
    body = [*_grid(f), *_marks(f), *_axes(f), *_legend(f, width)]
    return _document(width, height, width_cm, body, ident, title, desc)


def _grid(f: _Frame) -> Iterator[str]:
    for value, label in zip(f.ticks, f.tick_labels, strict=True):
        y = f.y(value)
        if value:
            yield (
                f'<line x1="{_n(f.left)}" y1="{_n(y)}" x2="{_n(f.right)}" y2="{_n(y)}"'
                f' stroke="#{_GRID}" stroke-width="0.6"/>'
            )
        yield _text(f.left - 2 * _TICK, y + 0.35 * _SMALL_PT, label, _SMALL_PT, anchor="end")


def _marks(f: _Frame) -> Iterator[str]:
    bars = [s for s in f.chart.series if s.kind == "bar"]
    bar_width = _BAR_SHARE * f.slot / max(len(bars), 1)
    labels: list[str] = []
    for number, s in enumerate(bars):
        offset = (number - (len(bars) - 1) / 2) * bar_width
        yield f'<g class="series bar" fill="#{s.color}">'
        for i, value in enumerate(s.values):
            if value is None:
                continue
            x, zero = f.x(i) + offset, f.y(Decimal(0))
            top, bottom = sorted((f.y(value), zero))
            yield (
                f'<rect class="mark" data-nilai="{value}" x="{_n(x - bar_width / 2)}"'
                f' y="{_n(top)}" width="{_n(bar_width)}" height="{_n(bottom - top)}"/>'
            )
            if s.labels:
                labels.append(_bar_label(f, x, value))
        yield "</g>"
    for s in f.chart.series:
        if s.kind == "line":
            yield from _line(f, s, labels)
    yield from labels  # over every mark


def _bar_label(f: _Frame, x: float, value: Decimal) -> str:
    """A bar's label inside its end in white (clear of a line's labels just beyond it);
    beyond a bar too short to hold it."""
    text, end, zero = f.chart.label(value), f.y(value), f.y(Decimal(0))
    sign = 1 if value >= 0 else -1  # a negative bar hangs down from zero
    if abs(zero - end) >= 1.8 * _SMALL_PT:
        y = end + (1.2 * _SMALL_PT if sign > 0 else -0.5 * _SMALL_PT)
        return _text(x, y, text, _SMALL_PT, bold=True, extra=' fill="#FFFFFF"')
    y = end - 3 if sign > 0 else end + 1.1 * _SMALL_PT
    return _text(x, y, text, _SMALL_PT, extra=' fill="#000000"')


def _line(f: _Frame, s: Series, labels: list[str]) -> Iterator[str]:
    dash = ' stroke-dasharray="5 3"' if s.dashed else ""
    yield f'<g class="series line" stroke="#{s.color}" fill="#{s.color}">'
    run: list[str] = []
    points = [*enumerate(s.values), (len(s.values), None)]
    for i, value in points:
        if value is not None:
            run.append(f"{_n(f.x(i))},{_n(f.y(value))}")
        elif run:  # a gap ends the line; a point alone is its marker
            if len(run) > 1:
                yield (
                    f'<polyline points="{" ".join(run)}" fill="none" stroke-width="1.75"'
                    f' stroke-linejoin="round"{dash}/>'
                )
            run = []
    for i, value in enumerate(s.values):
        if value is None:
            continue
        x, y = f.x(i), f.y(value)
        radius = 2 if s.dashed else 3
        yield f'<circle class="mark" data-nilai="{value}" cx="{_n(x)}" cy="{_n(y)}" r="{radius}"/>'
        if s.labels:
            label = f.chart.label(value)
            labels.append(
                _text(
                    x + 5,
                    y + 0.35 * _SMALL_PT,
                    label,
                    _SMALL_PT,
                    anchor="start",
                    extra=_HALO,
                )
            )
    yield "</g>"


def _axes(f: _Frame) -> Iterator[str]:
    chart = f.chart
    axis = 'stroke="#000000" stroke-width="0.8"'
    yield f'<line x1="{_n(f.left)}" y1="{_n(f.top)}" x2="{_n(f.left)}" y2="{_n(f.bottom)}" {axis}/>'
    zero = f.y(Decimal(0))  # the categories' axis crosses the values' at zero
    yield f'<line x1="{_n(f.left)}" y1="{_n(zero)}" x2="{_n(f.right)}" y2="{_n(zero)}" {axis}/>'
    for i, category in enumerate(chart.categories):
        yield _text(f.x(i), f.categories_y, category, _TEXT_PT)
    middle = (f.left + f.right) / 2
    yield _text(middle, f.x_title_y, chart.x_title, _TEXT_PT)
    centre = (f.top + f.bottom) / 2
    yield _text(
        f.y_title_x,
        centre,
        chart.y_title,
        _TEXT_PT,
        extra=f' transform="rotate(-90 {_n(f.y_title_x)} {_n(centre)})"',
    )
    for number, line in enumerate(f.title):
        y = _PAD + 0.8 * _TITLE_PT + number * 1.2 * _TITLE_PT
        yield _text(middle, y, line, _TITLE_PT, bold=True)


def _legend(f: _Frame, width: float) -> Iterator[str]:
    """The series in one row centred under the plot: a sample, then the name."""
    handle, gap, spacing = 16.0, 4.0, 14.0
    widths = [handle + gap + text_width(s.name, _SMALL_PT) for s in f.chart.series]
    x = max(_PAD, (width - sum(widths) - spacing * (len(widths) - 1)) / 2)
    y = f.legend_y - 0.35 * _SMALL_PT
    yield '<g class="legend">'
    for s, entry in zip(f.chart.series, widths, strict=True):
        if s.kind == "bar":
            yield (
                f'<rect x="{_n(x + 3)}" y="{_n(y - 4)}" width="{_n(handle - 6)}" height="8"'
                f' fill="#{s.color}"/>'
            )
        else:
            dash = ' stroke-dasharray="5 3"' if s.dashed else ""
            yield (
                f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + handle)}" y2="{_n(y)}"'
                f' stroke="#{s.color}" stroke-width="1.75"{dash}/>'
            )
        yield _text(x + handle + gap, f.legend_y, s.name, _SMALL_PT, anchor="start")
        x += entry + spacing
    yield "</g>"


# --- diagrams -----------------------------------------------------------------------


def diagram_svg(diagram: Diagram, width_cm: float, ident: str, title: str, desc: str) -> str:
    """``diagram`` as an SVG ``width_cm`` wide: its lines, then its boxes over their ends."""
    body = [_diagram_line(line) for line in diagram.lines]
    for box in diagram.boxes:
        body.extend(_box(box))
    return _document(diagram.width, diagram.height, width_cm, body, ident, title, desc)


def _diagram_line(line: Line) -> str:
    dash = f' stroke-dasharray="{_n(4 * line.width_pt)} {_n(2.5 * line.width_pt)}"'
    return (
        f'<line x1="{_n(line.x0)}" y1="{_n(line.y0)}" x2="{_n(line.x1)}" y2="{_n(line.y1)}"'
        f' stroke="#{line.color}" stroke-width="{_n(line.width_pt)}"'
        + (dash if line.dashed else ' stroke-linecap="square"')
        + "/>"
    )


def _box(box: Box) -> Iterator[str]:
    yield (
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}"'
        f' height="{_n(box.height)}" fill="#{box.fill}" stroke="#{box.stroke}"'
        f' stroke-width="{_n(box.stroke_pt)}"/>'
    )
    centre = box.x + box.width / 2
    for line, baseline in text_block(box):
        yield _text(centre, box.y + baseline, line.text, line.size_pt, bold=line.bold)


def figure_svg(figure: Figure, ident: str) -> str:
    """A figure's chart or diagram as SVG, titled by its caption, its values as description."""
    title = f"Gambar {figure.number} {figure.caption}".strip() if figure.number else figure.caption
    desc = figure.alt or figure.caption
    if isinstance(figure.content, Chart):
        return chart_svg(figure.content, figure.width_cm, ident, title, desc)
    if isinstance(figure.content, Diagram):
        return diagram_svg(figure.content, figure.width_cm, ident, title, desc)
    raise TypeError("a picture is embedded as it is, not drawn as SVG")


def svg_file(figure: Figure, ident: str) -> bytes:
    """A figure as a standalone ``.svg`` file."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + figure_svg(figure, ident) + "\n").encode()
