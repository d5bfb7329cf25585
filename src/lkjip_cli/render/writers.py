"""The registry of output formats: one writer per format, looked up by name.

A writer turns a finished :class:`~lkjip_cli.render.blocks.Dokumen` into files
(name → bytes) and notes for the user; it knows nothing of the data. A new
format is one module with a ``write`` function and one line in :data:`WRITERS`.
Each writer imports its module only when it runs, so ``lkjip check`` loads none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lkjip_cli.render.blocks import Dokumen


@dataclass
class Written:
    """What one writer produced: files (name → bytes) and notes for the user."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Writer:
    """An output format: its name on the command line, its extension, its writer."""

    name: str
    """Name in ``--format`` (``docx``)."""
    extension: str
    """Extension of the main file, without the dot."""
    write: Callable[[Dokumen, str], Written]
    """``(dokumen, stem)`` → the files named ``<stem>.<extension>`` (and any beside it)."""
    description: str = ""
    """One line for the help text."""


def _docx(dok: Dokumen, stem: str) -> Written:
    from lkjip_cli.render.docx import write_docx

    return Written({f"{stem}.docx": write_docx(dok, None)})


def _md(dok: Dokumen, stem: str) -> Written:
    from lkjip_cli.render.markdown import write_markdown

    text, images = write_markdown(dok)
    return Written({f"{stem}.md": text.encode("utf-8"), **images})


def _html(dok: Dokumen, stem: str) -> Written:
    from lkjip_cli.render.html import write_html

    return Written({f"{stem}.html": write_html(dok).encode("utf-8")})


def _pdf(dok: Dokumen, stem: str) -> Written:
    from lkjip_cli.render.docx import write_docx
    from lkjip_cli.render.pdf import PdfUnavailable, to_pdf

    try:
        return Written({f"{stem}.pdf": to_pdf(write_docx(dok, None))})
    except PdfUnavailable as exc:  # no LibreOffice: the other formats still get written
        return Written(notes=[str(exc)])


def _xlsx(dok: Dokumen, stem: str) -> Written:
    from lkjip_cli.render.xlsx import write_xlsx

    return Written({f"{stem}.xlsx": write_xlsx(dok)})


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("docx", "docx", _docx, "dokumen Word"),
        Writer("md", "md", _md, "Markdown dengan gambar SVG"),
        Writer("html", "html", _html, "halaman HTML"),
        Writer("pdf", "pdf", _pdf, "PDF lewat LibreOffice"),
        Writer("xlsx", "xlsx", _xlsx, "buku kerja Excel berisi setiap tabel"),
    )
}
"""Every format ``build`` knows, in the order they are written."""


def write_all(dok: Dokumen, stem: str, formats: tuple[str, ...]) -> Written:
    """Run the writers of ``formats`` (names in :data:`WRITERS`) in registry order."""
    result = Written()
    for name, writer in WRITERS.items():
        if name in formats:
            part = writer.write(dok, stem)
            result.files.update(part.files)
            result.notes.extend(part.notes)
    return result
