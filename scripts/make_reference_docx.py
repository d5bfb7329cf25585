"""Write templates/reference.docx: the styles the DOCX report is built with.

Run from the repository root: ``.venv/bin/python scripts/make_reference_docx.py``.
The package is written from scratch (no python-docx default template, with
its hundreds of unused styles and a thumbnail) and is byte-identical on
every run. Users restyle the report by editing the styles in Word and saving
the file under another name, passed to ``write_docx(dok, template)``.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lkjip_cli.render.docx import styles as s

OUT = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Page: A4 portrait, margins 2.5 cm with 3 cm on the binding side. The writer
# changes the size (F4, landscape) and keeps these margins.
PAGE_W, PAGE_H = 11906, 16838
MARGIN, MARGIN_LEFT, HEADER_FOOTER = 1417, 1701, 709
TEXT_W = PAGE_W - MARGIN - MARGIN_LEFT
HEADER_FILL = "D9D9D9"
# Daftar Isi: each level starts 0.5 cm further in; a wrapped entry hangs under
# the text after its label ("A. ", "1. " at 11 pt, the widths of metrics.py),
# a chapter's under where the level below starts.
TOC_STEP = 284
TOC_HANGING = {1: TOC_STEP, 2: 269, 3: 245}

# Paragraph and run properties are written as XML, their children in the
# schema's order: pPr keepNext keepLines pageBreakBefore pBdr tabs spacing ind
# jc outlineLvl; rPr b bCs i iCs sz szCs.
KEEP = "<w:keepNext/><w:keepLines/>"
BOLD = "<w:b/><w:bCs/>"
ITALIC = "<w:i/><w:iCs/>"


def spacing(before: int = 0, after: int = 0, line: int = 240) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'


def size(pt: float) -> str:
    half = round(pt * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def jc(value: str) -> str:
    return f'<w:jc w:val="{value}"/>'


def outline(level: int) -> str:
    return f'<w:outlineLvl w:val="{level}"/>'


def right_tab() -> str:
    return f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>'


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based: str | None = "Normal",
    next_id: str | None = None,
    priority: int | None = None,
    default: bool = False,
    body: str = "",
) -> str:
    """One ``w:style``; ``body`` holds its pPr, rPr, tblPr… in schema order."""
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    parts = [f'<w:name w:val="{escape(name)}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    if priority is not None:
        parts.append(f'<w:uiPriority w:val="{priority}"/>')
    parts.append("<w:qFormat/>")
    return f"<w:style {attrs}>{''.join(parts)}{body}</w:style>"


def para(style_id: str, name: str, p: str = "", r: str = "", **options: object) -> str:
    """A paragraph style from the inner XML of its pPr (``p``) and rPr (``r``)."""
    body = (f"<w:pPr>{p}</w:pPr>" if p else "") + (f"<w:rPr>{r}</w:rPr>" if r else "")
    return style("paragraph", style_id, name, body=body, **options)  # type: ignore[arg-type]


def paragraph_styles() -> list[str]:
    names = [f"List {kind}{level}" for kind in ("Number", "Bullet") for level in ("", " 2", " 3")]
    lists = zip((*s.LIST_NUMBER, *s.LIST_BULLET), names, strict=True)
    heading = {"next_id": s.BODY, "priority": 9}
    # fmt: off
    return [
        para("Normal", "Normal", spacing(line=360) + jc("both"), based=None, default=True),
        para(s.TITLE, "Title", spacing(after=240, line=276) + jc("center"), BOLD + size(18),
             next_id="Normal", priority=10),
        para(s.SUBTITLE, "Subtitle", spacing(after=120, line=276) + jc("center"), BOLD + size(14),
             next_id="Normal", priority=11),
        para(s.HEADINGS[1], "heading 1",
             KEEP + "<w:pageBreakBefore/>" + spacing(after=360, line=360) + jc("center")
             + outline(0), BOLD + size(14), **heading),
        para(s.HEADINGS[2], "heading 2",
             KEEP + spacing(before=240, after=120, line=360) + jc("left") + outline(1),
             BOLD + size(12), **heading),
        para(s.HEADINGS[3], "heading 3",
             KEEP + spacing(before=180, after=60, line=360) + jc("left") + outline(2),
             BOLD + size(11), **heading),
        para(s.HEADINGS[4], "heading 4",
             KEEP + spacing(before=120, after=60, line=360) + jc("left") + outline(3),
             BOLD + ITALIC + size(11), **heading),
        # TOC Heading: a chapter's look without an outline level, so no TOC lists it.
        para(s.TOC_HEADING, "TOC Heading", outline(9), based=s.HEADINGS[1], next_id="Normal",
             priority=39),
        para(s.CAPTION, "caption", spacing(before=120, after=120) + jc("center"),
             BOLD + size(11), next_id="Normal", priority=35),
        para(s.BODY, "Body Text",
             spacing(after=120, line=360) + '<w:ind w:firstLine="709"/>' + jc("both"),
             next_id=s.BODY),
        *(para(sid, name, spacing(after=60, line=360) + jc("both")) for sid, name in lists),
        # No right indent on index styles: LibreOffice hides a right tab (the page
        # number) placed beyond the right indent, where Word would hang it. Left
        # aligned (justified, a wrapped entry stretched its words) and hanging, so
        # a wrapped entry goes on under its text, not under its label.
        *(
            para(s.TOC[level], f"toc {level}",
                 right_tab() + spacing(before=60 if level == 1 else 0, after=60)
                 + f'<w:ind w:left="{(level - 1) * TOC_STEP + TOC_HANGING[level]}" '
                 f'w:hanging="{TOC_HANGING[level]}"/>' + jc("left"),
                 BOLD if level == 1 else "", next_id="Normal", priority=39)
            for level in (1, 2, 3)
        ),
        para(s.TABLE_OF_FIGURES, "table of figures",
             right_tab() + spacing(after=60) + '<w:ind w:left="1134" w:hanging="1134"/>'
             + jc("left"),
             next_id="Normal", priority=99),
        para(s.HEADER, "header",
             '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>'
             + spacing() + jc("right"), ITALIC + size(9), priority=99),
        para(s.FOOTER, "footer", spacing() + jc("center"), size(10), priority=99),
        para(s.CENTER_BOLD, "Teks Tengah Tebal",
             "<w:keepNext/>" + spacing(after=120, line=360) + jc("center"), BOLD, next_id=s.BODY),
        para(s.SMALL, "Teks Kecil", spacing(after=60), size(9)),
        para(s.TABLE_TEXT, "Isi Tabel", spacing() + jc("left"), size(10)),
        para(s.TABLE_TEXT_SMALL, "Isi Tabel Kecil", r=size(9), based=s.TABLE_TEXT),
        para(s.FIGURE, "Gambar", "<w:keepNext/>" + spacing(before=120) + jc("center")),
        para(s.SIGNATURE, "Tanda Tangan", spacing() + jc("center")),
    ]
    # fmt: on


def borders(kind: str) -> str:
    value = (
        'w:val="single" w:sz="4" w:space="0" w:color="000000"'
        if kind == "single"
        else 'w:val="nil"'
    )
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "<w:tblBorders>" + "".join(f"<w:{side} {value}/>" for side in sides) + "</w:tblBorders>"


def cell_margins(side: int, top: int = 0) -> str:
    return (
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
        f'<w:bottom w:w="{top}" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>'
    )


def other_styles() -> list[str]:
    header_row = (
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        '<w:vAlign w:val="center"/></w:tcPr></w:tblStylePr>'
    )
    # fmt: off
    return [
        style("character", "DefaultParagraphFont", "Default Paragraph Font", based=None,
              default=True, priority=1),
        style("table", "TableNormal", "Normal Table", based=None, default=True, priority=99,
              body=f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{cell_margins(108)}</w:tblPr>'),
        style("table", s.TABLE, "Tabel LKjIP", based="TableNormal",
              body=f"<w:tblPr>{borders('single')}{cell_margins(85, 28)}</w:tblPr>{header_row}"),
        style("table", s.LAYOUT_TABLE, "Tabel Tanpa Garis", based="TableNormal",
              body=f"<w:tblPr>{borders('none')}{cell_margins(57)}</w:tblPr>"),
        style("numbering", "NoList", "No List", based=None, default=True, priority=99),
    ]
    # fmt: on


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        f'{size(11)}<w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f"{spacing()}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    body = "".join(paragraph_styles() + other_styles())
    return f'{HEAD}<w:styles xmlns:w="{W}">{defaults}{body}</w:styles>'


def sample(style_id: str, text: str) -> str:
    lines = (
        "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in line.split("\t"))
        for line in text.split("\n")
    )
    runs = "<w:br/>".join(lines)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r>{runs}</w:r></w:p>'


def sample_table() -> str:
    def cell(text: str, style_id: str, width: int) -> str:
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"{sample(style_id, text)}</w:tc>"
        )

    widths = (TEXT_W // 2, TEXT_W - TEXT_W // 2)
    rows = [("Uraian", "Nilai"), ("Contoh isi tabel", "1.234")]
    trs = "".join(
        "<w:tr><w:trPr><w:cantSplit/>"
        + ("<w:tblHeader/>" if i == 0 else "")
        + "</w:trPr>"
        + "".join(cell(t, s.TABLE_TEXT, w) for t, w in zip(row, widths, strict=True))
        + "</w:tr>"
        for i, row in enumerate(rows)
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{s.TABLE}"/><w:tblW w:w="{TEXT_W}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{trs}</w:tbl>"
    )


def document_xml() -> str:
    # One paragraph per style, so that restyling in Word shows its effect here.
    # The writer removes this content and keeps the page setup.
    content = "".join(
        [
            sample(s.TITLE, "LAPORAN KINERJA INSTANSI PEMERINTAH (Title)"),
            sample(s.SUBTITLE, "Sampul, baris lain (Subtitle)"),
            sample(s.TOC_HEADING, "DAFTAR ISI (TOC Heading)"),
            sample(s.TOC[1], "BAB I PENDAHULUAN (toc 1)\t1"),
            sample(s.TOC[2], "A. Gambaran Umum (toc 2)\t1"),
            sample(s.TABLE_OF_FIGURES, "Tabel 1.1 Contoh judul tabel (table of figures)\t2"),
            sample(s.HEADINGS[1], "BAB I\nPENDAHULUAN (heading 1)"),
            sample(s.HEADINGS[2], "A. Gambaran Umum (heading 2)"),
            sample(s.HEADINGS[3], "1. Tugas dan Fungsi (heading 3)"),
            sample(
                s.BODY,
                "Teks isi laporan (Body Text): rata kiri-kanan, menjorok 1,25 cm pada "
                "baris pertama, spasi 1,5. Ubah gaya ini di Word untuk mengubah seluruh "
                "laporan.",
            ),
            sample(s.LIST_NUMBER[0], "Butir daftar bernomor (List Number)"),
            sample(s.LIST_BULLET[0], "Butir daftar berpoin (List Bullet)"),
            sample(s.CAPTION, "Tabel 1.1 Contoh judul tabel (caption)"),
            sample_table(),
            sample(s.TABLE_TEXT, ""),
            sample(s.CENTER_BOLD, "Teks tengah tebal (Teks Tengah Tebal)"),
            sample(s.SMALL, "Keterangan kecil (Teks Kecil)"),
            sample(s.SIGNATURE, "KEPALA DINAS (Tanda Tangan)"),
        ]
    )
    sect = (
        f'<w:sectPr><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN_LEFT}" '
        f'w:header="{HEADER_FOOTER}" w:footer="{HEADER_FOOTER}" w:gutter="0"/>'
        '<w:cols w:space="708"/></w:sectPr>'
    )
    namespaces = f'xmlns:w="{W}" xmlns:r="{R}"'
    return f"{HEAD}<w:document {namespaces}><w:body>{content}{sect}</w:body></w:document>"


def settings_xml() -> str:
    return (
        f'{HEAD}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="id-ID"/><w:decimalSymbol w:val=","/>'
        '<w:listSeparator w:val=";"/></w:settings>'
    )


def relationships(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in rels
    )
    return f'{HEAD}<Relationships xmlns="{PKG_R}">{items}</Relationships>'


def content_types() -> str:
    ct = "application/vnd.openxmlformats-officedocument"
    overrides = {
        "/word/document.xml": f"{ct}.wordprocessingml.document.main+xml",
        "/word/styles.xml": f"{ct}.wordprocessingml.styles+xml",
        "/word/settings.xml": f"{ct}.wordprocessingml.settings+xml",
        "/word/numbering.xml": f"{ct}.wordprocessingml.numbering+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{ct}.extended-properties+xml",
    }
    items = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def core_xml() -> str:
    return (
        f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Templat LKjIP</dc:title><dc:creator>lkjip</dc:creator>"
        "<dc:language>id-ID</dc:language><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def parts() -> list[tuple[str, str]]:
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return [
        ("[Content_Types].xml", content_types()),
        (
            "_rels/.rels",
            relationships(
                [
                    ("rId1", f"{rel}/officeDocument", "word/document.xml"),
                    ("rId2", f"{PKG_R}/metadata/core-properties", "docProps/core.xml"),
                    ("rId3", f"{rel}/extended-properties", "docProps/app.xml"),
                ]
            ),
        ),
        ("docProps/core.xml", core_xml()),
        (
            "docProps/app.xml",
            f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/'
            'officeDocument/2006/extended-properties">'
            "<Application>lkjip</Application></Properties>",
        ),
        ("word/document.xml", document_xml()),
        (
            "word/_rels/document.xml.rels",
            relationships(
                [
                    ("rId1", f"{rel}/styles", "styles.xml"),
                    ("rId2", f"{rel}/settings", "settings.xml"),
                    ("rId3", f"{rel}/numbering", "numbering.xml"),
                ]
            ),
        ),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/numbering.xml", f'{HEAD}<w:numbering xmlns:w="{W}"/>'),
    ]


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    print(f"ditulis: {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
