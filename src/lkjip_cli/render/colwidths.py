"""Column widths of a table from its content, so that no word or number breaks in a cell.

Every whitespace-separated token of a cell (a word, an amount, a percentage;
``Rp.`` and its amount count as one) must fit on a line of its column: the
widest token of a column, set in the body font at the table's size, is that
column's minimum. A cell spanning several columns spreads what it needs over
them. What is left of the available width goes to the columns whose text is
longest, in proportion to how much more room they would like (the way HTML's
automatic table layout shares it), so "No." and percentage columns stay narrow.

When the minimums do not fit at the table's font size the smaller table font
is used (9 pt, then with 1 mm cell margins, then 8 pt). A table that does not
fit at 8 pt is :attr:`Layout.cramped`: the DOCX writer gives it landscape pages
of its own when its page is portrait. There, or already landscape, a table that
still does not fit is set smaller, half a point at a time down to
:data:`TINIEST_PT`; only a table whose columns do not fit even then (dozens of
columns) gets columns narrower than their widest token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_cli.render.blocks import Cell, Row, Table
from lkjip_cli.render.metrics import text_width

TABLE_PT = 10.0
"""Font size of table text (the ``IsiTabel`` style of the reference template)."""
SMALL_PT = 9.0
"""Font size of small table text (``IsiTabelKecil``)."""
SMALLEST_PT = 8.0
"""The smallest table font of a portrait page; a table needing less goes landscape."""
TINIEST_PT = 5.0
"""The last resort of a table too wide for a landscape page at 8 pt."""
_SMALLER = tuple(SMALLEST_PT - 0.5 * i for i in range(1, int((SMALLEST_PT - TINIEST_PT) * 2) + 1))
"""7.5, 7, … down to :data:`TINIEST_PT`."""
MARGIN_TWIPS = {True: 85, False: 57}
"""Left (and right) cell margin of bordered and borderless tables (the template's styles)."""
NARROW_MARGIN_TWIPS = 57
"""The cell margin of a dense table that does not fit with the template's (1 mm)."""
SLACK_TWIPS = 40
"""Room kept in every column for the rule and rounding (2 pt)."""

_RUPIAH = re.compile(r"\bRp\.? (?=[\d-])")
NBSP = "\u00a0"
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_AFTER_SLASH = re.compile(r"(?<=/)(?=[A-Za-z])")
"""Where a line may break inside a web address: after a slash, before a letter."""
ZWSP = "\u200b"
"""A zero-width space: a break opportunity the renderers honour and do not print."""


def bind_rupiah(text: str) -> str:
    """``Rp. 1.000`` with a non-breaking space, so the amount never leaves its ``Rp.``."""
    return _RUPIAH.sub(lambda m: m.group(0)[:-1] + NBSP, text)


def pieces(word: str) -> list[str]:
    """``word`` as the renderer may break it: a web address after its slashes, else whole.

    A web address is one word as long as a line of a narrow column; held whole it
    set a table with one in its source column at 5 pt.
    """
    return _AFTER_SLASH.split(word) if _URL.match(word) else [word]


def break_urls(text: str) -> str:
    """``text`` with a zero-width space where each web address in it may break.

    Neither LibreOffice nor Word breaks a web address at its slashes by itself: a
    column kept as wide as a whole one set its table at 5 pt.
    """
    if "/" not in text:
        return text
    return " ".join(ZWSP.join(pieces(word)) for word in text.split(" "))


def tokens(text: str) -> list[str]:
    """The pieces of ``text`` that must not break: its words, ``Rp.`` kept with its amount."""
    return [p for word in bind_rupiah(text).replace(NBSP, "\x00").split() for p in pieces(word)]


@dataclass(frozen=True)
class Layout:
    """A table's column widths in twips, its font size and its cell margin."""

    widths: tuple[int, ...]
    size_pt: float
    margin: int
    """Left (and right) cell margin in twips."""
    fits: bool = True
    """Every column at least as wide as its widest token (no word breaks)."""

    @property
    def small(self) -> bool:
        """Set in the small table font (or smaller)."""
        return self.size_pt < TABLE_PT

    @property
    def cramped(self) -> bool:
        """Fits only below 8 pt, or not at all: a portrait page should turn landscape."""
        return not self.fits or self.size_pt < SMALLEST_PT


@dataclass(frozen=True)
class _Need:
    """What one cell asks of the columns it covers, in twips."""

    first: int
    span: int
    least: float
    """Width of its widest token: below it a word breaks."""
    ideal: float
    """Width of its longest line set without wrapping."""
    words: bool
    """A body cell with a word in it (not only figures): its column may widen."""


def _needs(table: Table, columns: int, size: float, padding: int) -> list[_Need]:
    """The needs of every cell, placed on the grid (rowspans keep their columns)."""
    rows: list[tuple[Row, bool, bool]] = [(r, True, True) for r in table.header]
    rows += [
        (r, i in table.bold_rows or i < table.repeat_rows, False) for i, r in enumerate(table.body)
    ]
    needs: list[_Need] = []
    covered = [0] * columns  # rows still covered by a rowspan above, per column
    for row, bold_row, header in rows:
        cells = iter(row)
        column = 0
        while column < columns:
            if covered[column]:
                covered[column] -= 1
                column += 1
                continue
            cell: Cell | None = next(cells, None)
            if cell is None:
                break
            span = max(1, min(cell.colspan, columns - column))
            bold = cell.bold or bold_row
            least = max(
                (_twips(t.replace("\x00", " "), size, bold) for t in tokens(cell.text)), default=0
            )
            ideal = max((_twips(line, size, bold) for line in cell.text.split("\n")), default=0)
            words = not header and span == 1 and any(ch.isalpha() for ch in cell.text)
            needs.append(_Need(column, span, least + padding, ideal + padding, words))
            if cell.rowspan > 1:
                for c in range(column, column + span):
                    covered[c] = cell.rowspan - 1
            column += span
    return needs


def _twips(text: str, size: float, bold: bool) -> float:
    return text_width(text, size, bold) * 20


def cell_lines(text: str, width: int, fitted: Layout, *, bold: bool = False) -> int:
    """About how many lines ``text`` takes in a cell ``width`` twips wide (at least one).

    Wrapped word by word at the table's font size, as the writer sets it; an
    estimate (the renderer's own line breaking may differ by a word).
    """
    room = (width - 2 * fitted.margin) / 20
    space = text_width(" ", fitted.size_pt, bold)
    total = 0
    # ``Rp.`` stays with its amount (:func:`tokens`)
    for line in bind_rupiah(text).replace(NBSP, "\x00").split("\n"):
        # greedy, as :func:`.metrics.wrap`, but each word measured once: widths add up
        lines, used = 0, 0.0
        for word in line.split():
            size = text_width(word.replace("\x00", " "), fitted.size_pt, bold)
            if lines and used + space + size <= room:
                used += space + size
            else:
                lines, used = lines + 1, size
        total += max(1, lines)
    return total


WIDEST_EM = 1.015
"""The widest character of the metrics (``@``), in ems: no text is wider per character."""


def lines_at_most(text: str, width: int, fitted: Layout) -> int:
    """An upper bound of :func:`cell_lines`, from the text's length alone.

    A greedy wrap breaks a line only when the next word does not fit, so any two
    lines in a row hold more than the room less a space: n lines of a paragraph
    at most 2 × its width / (room − space) + 1 (+ 1 for rounding), its width at
    most its characters at :data:`WIDEST_EM`. A line holds a word at least, so never
    more lines than words either (the bound of a column narrower than a space).
    """
    room = (width - 2 * fitted.margin) / 20 - fitted.size_pt
    per_char = fitted.size_pt * WIDEST_EM
    return sum(
        max(1, len(line.split()))
        if room <= 0
        else min(max(1, len(line.split())), int(2 * len(line) * per_char / room) + 2)
        for line in text.split("\n")
    )


def _spread(needs: Sequence[_Need], columns: int, attr: str, floor: float) -> list[float]:
    """Per column the least (or ideal) width such that every cell gets what it asks.

    Single cells first; then each spanning cell, narrowest span first, adds what
    its columns together lack, shared in proportion to what they have (equally
    when they have nothing).
    """
    out = [floor] * columns
    for need in needs:
        if need.span == 1:
            out[need.first] = max(out[need.first], getattr(need, attr))
    for need in sorted((n for n in needs if n.span > 1), key=lambda n: n.span):
        cols = range(need.first, need.first + need.span)
        have = sum(out[c] for c in cols)
        lack = getattr(need, attr) - have
        if lack <= 0:
            continue
        for c in cols:
            out[c] += lack * (out[c] / have if have > 0 else 1 / need.span)
    return out


def _wordy(needs: Sequence[_Need], columns: int) -> list[bool]:
    """Columns with words in their body cells (the others hold only figures)."""
    out = [False] * columns
    for need in needs:
        if need.words:
            for c in range(need.first, need.first + need.span):
                out[c] = True
    return out


def _share(
    least: list[float], ideal: list[float], wordy: list[bool], available: int
) -> list[float]:
    """Widths summing to ``available``: every column its least, the rest where text is longest."""
    ideal = [max(i, m) for i, m in zip(ideal, least, strict=True)]
    spare = available - sum(least)
    want = [i - m for i, m in zip(ideal, least, strict=True)]
    if sum(want) >= spare:
        # Not every column gets its one-line width: share the room by what each lacks.
        lacking = sum(want) or 1.0
        return [m + w * spare / lacking for m, w in zip(least, want, strict=True)]
    # Everything fits on one line: the surplus goes to the columns of words, not figures.
    surplus = spare - sum(want)
    text = [i if w > 0 or t else 0.0 for i, w, t in zip(ideal, want, wordy, strict=True)]
    weights = text if sum(text) > 0 else ideal
    total = sum(weights) or 1.0
    return [i + surplus * w / total for i, w in zip(ideal, weights, strict=True)]


def _to_twips(widths: list[float], available: int) -> tuple[int, ...]:
    out = [int(w) for w in widths]
    out[-1] += available - sum(out)
    return tuple(out)


def _settings(table: Table) -> list[tuple[float, int]]:
    """(font size, cell margin) to try, most generous first."""
    sizes = (SMALL_PT, SMALLEST_PT) if table.small else (TABLE_PT, SMALL_PT, SMALLEST_PT)
    default = MARGIN_TWIPS[table.borders]
    narrow = min(default, NARROW_MARGIN_TWIPS)
    margins = sorted({default, narrow}, reverse=True)
    tried = [(size, margin) for size in sizes for margin in margins]
    return tried + [(size, narrow) for size in _SMALLER]


def layout(table: Table, available: int) -> Layout:
    """Column widths of ``table`` in twips summing to ``available``, its font and margins.

    The first of :func:`_settings` at which every token fits wins.
    """
    columns = len(table.widths)
    if columns == 0:
        raise ValueError("tabel tanpa kolom: `widths` kosong")
    least: list[float] = []
    for size, margin in _settings(table):
        floor = 2 * margin + SLACK_TWIPS
        needs = _needs(table, columns, size, floor)
        least = _spread(needs, columns, "least", floor)
        if sum(least) <= available:
            ideal = _spread(needs, columns, "ideal", floor)
            return Layout(
                _to_twips(_share(least, ideal, _wordy(needs, columns), available), available),
                size,
                margin,
            )
    # Too wide even in the tiniest font: scale the minimums down (words will break).
    scale = available / sum(least)
    return Layout(_to_twips([m * scale for m in least], available), size, margin, fits=False)
