"""The template in, deterministic bytes out: core properties, settings, zip."""

from __future__ import annotations

import datetime as dt
import io
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from lkjip_cli.render.blocks import Dokumen
from lkjip_cli.render.docx.ooxml import el, insert_ordered
from lkjip_cli.render.zipfixed import normalize_zip, zip_timestamp

__all__ = ["normalize_zip", "zip_timestamp"]  # re-exported: the DOCX writer imports them here

TEMPLATE_NAME = "reference.docx"

_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""Elements that follow ``w:updateFields`` in ``w:settings`` (ECMA-376 order)."""


def template_bytes(template: bytes | Path | None) -> bytes:
    """The given template (its bytes or its path), else the packaged one, else the repository's."""
    if isinstance(template, bytes):
        return template
    if template is not None:
        return template.read_bytes()
    packaged = resources.files("lkjip_cli").joinpath("templates", TEMPLATE_NAME)
    if packaged.is_file():
        return packaged.read_bytes()
    # Editable install: the wheel's lkjip_cli/templates is the repository's templates/.
    return (Path(__file__).resolve().parents[4] / "templates" / TEMPLATE_NAME).read_bytes()


def open_template(template: bytes | Path | None) -> DocxDocument:
    """The template as an empty document: its styles, settings and page setup."""
    document = docx.Document(io.BytesIO(template_bytes(template)))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def set_core_properties(document: DocxDocument, dok: Dokumen) -> None:
    """Fixed metadata from the report only: nothing from the clock or the machine."""
    props = document.core_properties
    for child in list(props._element):
        props._element.remove(child)
    stamp = dt.datetime.combine(dok.date, dt.time(0, 0))
    props.title = dok.title
    props.subject = dok.subject
    props.author = dok.author
    props.last_modified_by = dok.author
    props.language = "id-ID"
    props.created = stamp
    props.modified = stamp
    props.revision = 1


def request_field_update(document: DocxDocument) -> None:
    """Ask Word to update every field (TOC pages, SEQ numbers) when it opens the file."""
    settings = document.settings.element
    old = settings.find(qn("w:updateFields"))
    if old is not None:
        settings.remove(old)
    insert_ordered(settings, el("w:updateFields", val="true"), _AFTER_UPDATE_FIELDS)
