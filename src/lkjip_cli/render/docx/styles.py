"""Style ids the writer uses; ``templates/reference.docx`` defines every one.

Built-in Word styles keep Word's own ids (``Heading1``, ``Caption``, ``TOC1``)
so that a localized Word shows them under its own names and its TOC and
caption features recognise them. Styles of our own have Indonesian names
because users see them in Word's style gallery.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = {1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}
TOC_HEADING = "TOCHeading"
"""Looks like Heading 1 but has no outline level: index titles, unlisted chapters."""
CAPTION = "Caption"
BODY = "BodyText"
LIST_NUMBER = ("ListNumber", "ListNumber2", "ListNumber3")
LIST_BULLET = ("ListBullet", "ListBullet2", "ListBullet3")
TOC = {1: "TOC1", 2: "TOC2", 3: "TOC3"}
TABLE_OF_FIGURES = "TableofFigures"
HEADER = "Header"
FOOTER = "Footer"
CENTER_BOLD = "TeksTengahTebal"
SMALL = "TeksKecil"
TABLE_TEXT = "IsiTabel"
TABLE_TEXT_SMALL = "IsiTabelKecil"
FIGURE = "Gambar"
SIGNATURE = "TandaTangan"

TABLE = "TabelLKjIP"
"""Table style of data tables: borders and a shaded header row."""
LAYOUT_TABLE = "TabelTanpaGaris"
"""Table style of layout tables (signatures, borderless tables)."""

PARAGRAPH = {
    "body": BODY,
    "cover": SUBTITLE,
    "cover-title": TITLE,
    "center-bold": CENTER_BOLD,
    "small": SMALL,
}
"""``Paragraph.style`` → paragraph style id."""

REQUIRED = (
    TITLE,
    SUBTITLE,
    *HEADINGS.values(),
    TOC_HEADING,
    CAPTION,
    BODY,
    *LIST_NUMBER,
    *LIST_BULLET,
    *TOC.values(),
    TABLE_OF_FIGURES,
    HEADER,
    FOOTER,
    CENTER_BOLD,
    SMALL,
    TABLE_TEXT,
    TABLE_TEXT_SMALL,
    FIGURE,
    SIGNATURE,
    TABLE,
    LAYOUT_TABLE,
)
"""Every style id the writer refers to."""


def missing_styles(document: DocxDocument) -> list[str]:
    """Style ids in :data:`REQUIRED` that the template does not define."""
    defined = {s.get(qn("w:styleId")) for s in document.styles.element.findall(qn("w:style"))}
    return [style_id for style_id in REQUIRED if style_id not in defined]
