"""The workbook writer: every table of a :class:`Dokumen` as a sheet of an .xlsx.

One sheet per numbered table, named by its number (``3.8``), and one per
table of the appendices that has a header (the PK's, the IKU matrix, the
Rencana Aksi), named by its appendix (``Lampiran IV``). The caption stands in
the first row; the header's merged cells are merged as in the report. Figures
are number cells with a number format that prints them as the report does
(:mod:`lkjip_cli.render.cellvalue`), never text. A bold row whose figures are
exactly the sum of a run of rows (the items above it, the items below a group
row, the bold rows above it) gets a ``SUM`` formula over those rows, with its
value stored beside the formula so that a reader that does not recalculate
shows it too. The same document gives the same bytes (see :func:`write_xlsx`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_cli.render.blocks import Dokumen, Heading, Table
from lkjip_cli.render.cellvalue import Number, read_number
from lkjip_cli.render.grid import grid
from lkjip_cli.render.zipfixed import normalize_zip, zip_timestamp

FIRST_ROW = 3
"""Row of the table's header: the caption is row 1, row 2 stays empty."""
MAX_WIDTH = 60
"""Widest column, in characters; longer text wraps."""

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass
class _Sheet:
    """One table to write: the sheet's name, the caption and the table."""

    name: str
    caption: str
    table: Table
    cached: dict[str, Decimal] = field(default_factory=dict)
    """Cell reference → value of each formula cell, stored with its formula."""


def sheets_of(dok: Dokumen) -> list[tuple[str, str, Table]]:
    """(sheet name, caption, table) of every table the workbook holds, in order."""
    out: list[tuple[str, str, Table]] = []
    appendix: Heading | None = None
    in_appendix: list[Table] = []
    pending: list[tuple[Heading, list[Table]]] = []
    for block in dok.blocks:
        if isinstance(block, Heading) and block.level == 1:
            appendix = block if (block.label or "").upper().startswith("LAMPIRAN") else None
            in_appendix = []
            if appendix is not None:
                pending.append((appendix, in_appendix))
        elif isinstance(block, Table) and block.number:
            out.append((block.number, f"Tabel {block.number} {block.caption or ''}".strip(), block))
        elif isinstance(block, Table) and appendix is not None and block.header and block.borders:
            in_appendix.append(block)
            out.append(("", "", block))  # named below, once the appendix's count is known
    names: dict[int, tuple[str, str]] = {}
    for heading, tables in pending:
        word, _, number = (heading.label or "").partition(" ")
        label = f"{word.title()} {number}".strip()
        for i, table in enumerate(tables, 1):
            name = label if len(tables) == 1 else f"{label} ({i})"
            names[id(table)] = (name, f"{heading.label} {heading.text}")
    return [
        (*names[id(table)], table) if not name else (name, caption, table)
        for name, caption, table in out
    ]


def write_xlsx(dok: Dokumen) -> bytes:
    """Render the tables of ``dok`` as the bytes of an .xlsx workbook.

    Document properties carry ``dok.date`` (the build sets it from
    ``SOURCE_DATE_EPOCH`` when given); zip entry times come from
    ``SOURCE_DATE_EPOCH`` or ``dok.date``, so two builds give the same bytes.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets: list[_Sheet] = []
    used: set[str] = set()
    for name, caption, table in sheets_of(dok):
        sheet = _Sheet(_unique(_sheet_name(name), used), caption, table)
        _fill(workbook.create_sheet(sheet.name), sheet)
        sheets.append(sheet)
    if not sheets:
        workbook.create_sheet("Tabel")
    moment = dt.datetime.combine(dok.date, dt.time(0, 0))
    props = workbook.properties
    props.created = props.modified = moment
    props.creator = props.lastModifiedBy = dok.author
    props.title, props.subject = dok.title, dok.subject
    buffer = io.BytesIO()
    workbook.save(buffer)
    cached = {f"xl/worksheets/sheet{i}.xml": s.cached for i, s in enumerate(sheets, 1)}

    def store_values(name: str, content: bytes) -> bytes:
        if name == "docProps/core.xml":
            # openpyxl ≥ 3.1.3 stamps "modified" with the clock as it saves
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
            return _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
        return _cache_values(content, cached[name]) if cached.get(name) else content

    timestamp = zip_timestamp(dok.date, os.environ.get("SOURCE_DATE_EPOCH"))
    return normalize_zip(buffer.getvalue(), timestamp, store_values)


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``."""
    return _SHEET_NAME_BAD.sub("-", name).strip("'")[:31] or "Tabel"


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _fill(ws: Worksheet, sheet: _Sheet) -> None:
    """Caption, header and body of one table, merged, formatted and summed."""
    table = sheet.table
    rows = grid((*table.header, *table.body), len(table.widths))
    columns = len(rows[0]) if rows else 1
    ws.cell(1, 1, sheet.caption).font = Font(bold=True)
    numbers = [
        [
            read_number(slot.cell.text) if slot and slot.origin and r >= len(table.header) else None
            for slot in line
        ]
        for r, line in enumerate(rows)
    ]
    formulas = _totals(table, numbers[len(table.header) :])
    widths = [6] * columns
    for r, line in enumerate(rows):
        excel_row = FIRST_ROW + r
        is_header = r < len(table.header)
        bold_row = not is_header and (r - len(table.header)) in table.bold_rows
        for col, slot in enumerate(line):
            cell = ws.cell(excel_row, col + 1)
            if table.borders:
                cell.border = _BORDER
            if slot is None or not slot.origin:
                continue
            number = numbers[r][col]
            formula = formulas.get((r - len(table.header), col))
            if formula is not None and number is not None:
                first, terms = FIRST_ROW + len(table.header), formula
                cell.value = _sum_formula(col, [first + t for t in terms])
                sheet.cached[cell.coordinate] = number.value
            elif number is not None:
                cell.value = number.value
            else:
                cell.value = slot.cell.text
            if number is not None:
                cell.number_format = number.number_format
            align = "center" if is_header else slot.cell.align
            cell.alignment = Alignment(
                horizontal=align, vertical="center" if is_header else "top", wrap_text=True
            )
            if slot.cell.bold or bold_row or is_header:
                cell.font = Font(bold=True)
            span = max(slot.cell.colspan, 1)
            if slot.cell.colspan > 1 or slot.cell.rowspan > 1:
                ws.merge_cells(
                    start_row=excel_row,
                    start_column=col + 1,
                    end_row=excel_row + max(slot.cell.rowspan, 1) - 1,
                    end_column=col + span,
                )
            longest = max((len(part) for part in slot.cell.text.split("\n")), default=0)
            for c in range(col, min(col + span, columns)):
                widths[c] = max(widths[c], min(longest // span + 2, MAX_WIDTH))
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    if table.header:
        ws.freeze_panes = ws.cell(FIRST_ROW + len(table.header), 1)


def _sum_formula(col: int, rows: Sequence[int]) -> str:
    letter = get_column_letter(col + 1)
    if list(rows) == list(range(rows[0], rows[0] + len(rows))):
        return f"=SUM({letter}{rows[0]}:{letter}{rows[-1]})"
    return "=SUM(" + ",".join(f"{letter}{r}" for r in rows) + ")"


def _totals(table: Table, body: list[list[Number | None]]) -> dict[tuple[int, int], list[int]]:
    """(body row, column) of each bold figure that sums a run of rows → those rows.

    The runs tried, in order: the plain rows right above it (a ``Jumlah``
    line), the numbered plain rows above it (items without their sub-items),
    the plain rows right below it (a group's heading row), the bold rows
    above it (a grand total of programs), every plain row above it. A run
    counts only with two rows or more and where every row has a number in
    that column; a figure no run adds up to exactly stays a plain number.
    The numbering column (``No``) is never summed.
    """
    bold = sorted(i for i in table.bold_rows if i < len(body))
    plain = [i for i in range(len(body)) if i not in table.bold_rows]
    numbered = {i for i, row in enumerate(table.body) if row and row[0].text.strip()}
    skip = _numbering_columns(table)
    found: dict[tuple[int, int], list[int]] = {}
    for t in bold:
        above_bold = max((b for b in bold if b < t), default=-1)
        below_bold = min((b for b in bold if b > t), default=len(body))
        for col, number in enumerate(body[t]):
            if number is None or number.percent or col in skip:
                continue
            runs = (
                list(range(above_bold + 1, t)),
                [i for i in plain if i < t and i in numbered],
                list(range(t + 1, below_bold)),
                [b for b in bold if b < t and (b, col) not in found],
                [i for i in plain if i < t],
            )
            for run in runs:
                if len(run) > 1 and _adds_up(body, run, col, number.value):
                    found[(t, col)] = run
                    break
    return found


def _numbering_columns(table: Table) -> set[int]:
    """Columns headed ``No``/``No.``: item numbers, not figures."""
    if not table.header:
        return set()
    top = grid(table.header, len(table.widths))
    return {
        col
        for line in top
        for col, slot in enumerate(line)
        if slot and slot.cell.text.strip().rstrip(".").lower() == "no"
    }


def _adds_up(body: list[list[Number | None]], run: list[int], col: int, total: Decimal) -> bool:
    values: list[Decimal] = []
    for i in run:
        number = body[i][col] if col < len(body[i]) else None
        if number is None or number.percent:
            return False
        values.append(number.value)
    return sum(values, Decimal(0)) == total


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)?</c>')


def _cache_values(xml: bytes, values: dict[str, Decimal]) -> bytes:
    """Store each formula's computed value beside it (``<f>…</f><v>…</v>``).

    openpyxl writes formulas without a value; Excel recalculates on opening,
    but a viewer that does not (or a reader of the file) would see nothing.
    The values are the report's own exact figures, which the formulas were
    chosen to add up to.
    """

    def fill(match: re.Match[bytes]) -> bytes:
        ref = match.group(1).decode("ascii")
        if ref not in values:
            return match.group(0)
        value = format(values[ref], "f").encode("ascii")
        attrs, formula = match.group(2), match.group(3)
        return b'<c r="%s"%s><f>%s</f><v>%s</v></c>' % (match.group(1), attrs, formula, value)

    return _FORMULA_CELL.sub(fill, xml)
