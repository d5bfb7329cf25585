"""Cross-references in the DOCX: "pada Tabel 3.8" is a REF field to the caption's number."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.api import check
from lkjip_cli.render.blocks import (
    Cell,
    Dokumen,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Table,
    plain,
)
from lkjip_cli.render.document import build_document
from lkjip_cli.render.docx import write_docx

from .sample import sample_dokumen
from .test_docx import fields, text_of

ROOT = Path(__file__).resolve().parents[3]


def body_of(data: bytes) -> BaseOxmlElement:
    return docx.Document(io.BytesIO(data)).element.body


def bookmarked(body: BaseOxmlElement) -> dict[str, str]:
    """Bookmark name → the visible text between its start and its end."""
    names: dict[str, str] = {}
    open_ids: dict[str, str] = {}
    texts: dict[str, list[str]] = {}
    for node in body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:t")):
        if node.tag == qn("w:bookmarkStart"):
            names[node.get(qn("w:id"))] = node.get(qn("w:name"))
            open_ids[node.get(qn("w:id"))] = node.get(qn("w:name"))
            texts[node.get(qn("w:name"))] = []
        elif node.tag == qn("w:bookmarkEnd"):
            open_ids.pop(node.get(qn("w:id")))
        else:
            for name in open_ids.values():
                texts[name].append(node.text or "")
    assert not open_ids, "a bookmark without its end"
    assert len(names) == len(set(names.values())), "bookmark names repeat"
    return {name: "".join(parts) for name, parts in texts.items()}


def references(body: BaseOxmlElement) -> list[tuple[str, str]]:
    """(bookmark, cached text) of every REF field."""
    return [
        (instruction.split()[1], result)
        for instruction, result in fields(body)
        if instruction.startswith("REF ")
    ]


@pytest.fixture(scope="module")
def report() -> tuple[Dokumen, bytes]:
    result = check(ROOT / "data" / "2024", narratives=False)
    assert result.data is not None and result.report is not None
    dok, findings = build_document(result.data, result.report)
    assert dok is not None, findings
    return dok, write_docx(dok)


def test_every_ref_of_the_report_points_to_its_caption(report: tuple[Dokumen, bytes]) -> None:
    dok, data = report
    body = body_of(data)
    marks = bookmarked(body)
    refs = references(body)
    narratives = (ROOT / "data" / "2024" / "narasi").glob("*.md")
    assert len(refs) == sum(p.read_text(encoding="utf-8").count("ref(") for p in narratives)
    labels = {f"Tabel {t.number}" for t in dok.tables()} | {
        f"Gambar {f.number}" for f in dok.figures()
    }
    for name, cached in refs:
        assert marks[name] == cached  # the caption's label and number, as Word would show
        assert cached in labels
    captions = [text_of(p) for p in body.xpath("./w:p[w:pPr/w:pStyle/@w:val='Caption']")]
    for _name, cached in refs:
        assert any(c.startswith(f"{cached} ") for c in captions), cached


def test_the_ref_bookmark_holds_the_seq_field(report: tuple[Dokumen, bytes]) -> None:
    body = body_of(report[1])
    for p in body.xpath("./w:p[w:pPr/w:pStyle/@w:val='Caption']"):
        starts = p.xpath("./w:bookmarkStart[starts-with(@w:name, '_Ref')]")
        if not starts:
            continue
        children = list(p)
        start = children.index(starts[0])
        end = next(
            i
            for i, c in enumerate(children)
            if c.tag == qn("w:bookmarkEnd") and c.get(qn("w:id")) == starts[0].get(qn("w:id"))
        )
        inside = [c for c in children[start:end] if c.tag == qn("w:r")]
        assert any(r.find(qn("w:instrText")) is not None for r in inside)
        assert "SEQ" in "".join(r.findtext(qn("w:instrText")) or "" for r in inside)


def _table(number: str) -> Table:
    return Table(((Cell("A"),),), ((Cell("1"),),), (1.0,), number=number, caption="Judul")


def test_mentions_without_a_caption_stay_text() -> None:
    prose = (
        Paragraph((Run("Lihat Tabel 3.1, Tabel 3.18 dan "), Run("Tabel 3.1", bold=True))),
        ListBlock((ListItem(plain("Gambar 9.9 dan Tabel 3.1.")),)),
    )
    blocks = (Heading(1, "HASIL", label="BAB III"), _table("3.1"), *prose)
    dok = dataclasses.replace(sample_dokumen(), blocks=blocks)
    body = body_of(write_docx(dok))
    refs = references(body)
    assert [cached for _, cached in refs] == ["Tabel 3.1", "Tabel 3.1", "Tabel 3.1"]
    assert len({name for name, _ in refs}) == 1
    paragraphs = body.xpath("./w:p[not(w:pPr/w:pStyle/@w:val='Caption')]")
    texts = [text_of(p) for p in paragraphs]
    assert "Lihat Tabel 3.1, Tabel 3.18 dan Tabel 3.1" in texts  # 3.18 is no caption: text
    assert "Gambar 9.9 dan Tabel 3.1." in texts
    bold = [
        r
        for r in body.iter(qn("w:r"))
        if r.find(qn("w:t")) is not None and r.findtext(qn("w:t")) == "Tabel 3.1"
    ]
    assert [bool(r.xpath("./w:rPr/w:b")) for r in bold] == [False, True, False]


def test_markdown_keeps_plain_text() -> None:
    from lkjip_cli.render.markdown import write_markdown

    blocks = (_table("3.1"), Paragraph(plain("pada Tabel 3.1")))
    text, _ = write_markdown(dataclasses.replace(sample_dokumen(), blocks=blocks))
    assert "pada Tabel 3.1" in text and not re.search(r"REF|_Ref", text)
