"""DOCX writer: a :class:`~lkjip_cli.render.blocks.Dokumen` → the bytes of a .docx.

The document starts from ``templates/reference.docx`` (or a template of the
user's), whose styles it uses throughout, so the report can be restyled in
Word without touching code. The same Dokumen always gives the same bytes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from lkjip_cli.render.blocks import Dokumen
from lkjip_cli.render.docx.document import Writer
from lkjip_cli.render.docx.indexes import all_paged, page_numbers
from lkjip_cli.render.docx.package import (
    normalize_zip,
    open_template,
    request_field_update,
    set_core_properties,
    zip_timestamp,
)
from lkjip_cli.render.docx.parts import add_missing_parts
from lkjip_cli.render.docx.plan import make_plan
from lkjip_cli.render.docx.styles import missing_styles

__all__ = ["TemplateError", "write_docx"]


class TemplateError(ValueError):
    """The reference document lacks a style the writer needs."""


def write_docx(
    dok: Dokumen,
    template: bytes | Path | None = None,
    indexes: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> bytes:
    """Render ``dok`` as DOCX over ``template`` (bytes or path; None: the packaged reference.docx).

    ``indexes``: the page numbers LibreOffice gave the indexes (render/pdf.py's
    ``Converted.indexes``), cached in the PAGEREF fields; when every entry has
    one, Word is not asked to update the fields on opening.
    Zip entry times come from ``SOURCE_DATE_EPOCH`` when it is set, else from
    ``dok.date``; core properties always from ``dok``.
    """
    document = open_template(template)
    missing = missing_styles(document)
    if missing:
        raise TemplateError(
            f"templat DOCX tidak memiliki gaya: {', '.join(missing)}; "
            "buat ulang dengan scripts/make_reference_docx.py atau tambahkan gaya tersebut"
        )
    plan = make_plan(dok)
    if indexes:
        plan.pages = page_numbers(plan, indexes)
    Writer(document, dok, plan).write()
    add_missing_parts(document)
    set_core_properties(document, dok)
    if not (indexes and all_paged(dok, plan)):
        request_field_update(document)
    buffer = io.BytesIO()
    document.save(buffer)
    timestamp = zip_timestamp(dok.date, os.environ.get("SOURCE_DATE_EPOCH"))
    return normalize_zip(buffer.getvalue(), timestamp)
