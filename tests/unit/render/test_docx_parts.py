"""The font table and theme Word's validator asks for: added unless the template has them."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lkjip_cli.render.docx import write_docx
from lkjip_cli.render.docx.package import template_bytes
from lkjip_cli.render.docx.parts import font_table_xml

from .sample import sample_dokumen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def related(files: dict[str, bytes], kind: str) -> list[str]:
    rels = etree.fromstring(files["word/_rels/document.xml.rels"])
    return [r.get("Target") for r in rels if r.get("Type") == REL + kind]


def test_the_packaged_template_gets_both_parts() -> None:
    files = parts(write_docx(sample_dokumen()))
    assert related(files, "fontTable") == ["fontTable.xml"]
    assert related(files, "theme") == ["theme/theme1.xml"]
    types = files["[Content_Types].xml"].decode()
    assert 'PartName="/word/fontTable.xml"' in types
    assert 'PartName="/word/theme/theme1.xml"' in types
    # every font the styles name is in the table; the body font is the theme's minor font
    styles = etree.fromstring(files["word/styles.xml"])
    named = {
        value
        for fonts in styles.iter(W + "rFonts")
        for key, value in fonts.attrib.items()
        if key in {W + "ascii", W + "hAnsi", W + "cs", W + "eastAsia"}
    }
    table = etree.fromstring(files["word/fontTable.xml"])
    listed = [font.get(W + "name") for font in table.iter(W + "font")]
    assert listed == sorted(listed) and named <= set(listed)
    theme = etree.fromstring(files["word/theme/theme1.xml"])
    colours = theme.find(f"{A}themeElements/{A}clrScheme")
    assert colours is not None and len(colours) == 12
    minor = theme.find(f"{A}themeElements/{A}fontScheme/{A}minorFont/{A}latin")
    assert minor is not None and minor.get("typeface") in listed


def test_a_template_with_its_own_keeps_them() -> None:
    own = font_table_xml(["Bookman Old Style"])
    source = parts(template_bytes(None))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in source.items():
            if name == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="' + (REL + "fontTable").encode() + b'" '
                    b'Target="fontTable.xml"/></Relationships>',
                )
            if name == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/fontTable.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>',
                )
            z.writestr(name, content)
        z.writestr("word/fontTable.xml", own)
    files = parts(write_docx(sample_dokumen(), buffer.getvalue()))
    assert related(files, "fontTable") == ["fontTable.xml"]
    assert files["word/fontTable.xml"] == own
    assert related(files, "theme") == ["theme/theme1.xml"]  # the missing one is still added
