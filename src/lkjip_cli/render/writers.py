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


@dataclass(frozen=True)
class Options:
    """What the command line and the data ask of the writers beyond the Dokumen."""

    template: bytes | None = None
    """The DOCX template's bytes (already checked); None: the packaged one."""
    pdfa: bool = False
    """Write the PDF as PDF/A (archival, as e-SAKIP asks)."""


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
    write: Callable[[Job], Written]
    """A build's job → the files named ``<stem>.<extension>`` (and any beside it)."""
    description: str = ""
    """One line for the help text."""


@dataclass
class Job:
    """One build's rendering: the Dokumen, the file stem, the options; the DOCX made once."""

    dok: Dokumen
    stem: str
    options: Options = Options()
    _docx: bytes | None = None

    def docx(self) -> bytes:
        """The DOCX bytes, written on first use (the PDF is converted from the same file)."""
        if self._docx is None:
            from lkjip_cli.render.docx import write_docx

            self._docx = write_docx(self.dok, self.options.template)
        return self._docx


def _docx(job: Job) -> Written:
    return Written({f"{job.stem}.docx": job.docx()})


def _md(job: Job) -> Written:
    from lkjip_cli.render.markdown import write_markdown

    text, images = write_markdown(job.dok)
    return Written({f"{job.stem}.md": text.encode("utf-8"), **images})


def _html(job: Job) -> Written:
    from lkjip_cli.render.html import write_html

    return Written({f"{job.stem}.html": write_html(job.dok).encode("utf-8")})


def _pdf(job: Job) -> Written:
    from lkjip_cli.render.pdf import PdfUnavailable, to_pdf

    try:
        return Written({f"{job.stem}.pdf": to_pdf(job.docx(), pdfa=job.options.pdfa)})
    except PdfUnavailable as exc:  # no LibreOffice: the other formats still get written
        return Written(notes=[str(exc)])


def _xlsx(job: Job) -> Written:
    from lkjip_cli.render.xlsx import write_xlsx

    return Written({f"{job.stem}.xlsx": write_xlsx(job.dok)})


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


def write_all(
    dok: Dokumen, stem: str, formats: tuple[str, ...], options: Options = Options()
) -> Written:
    """Run the writers of ``formats`` (names in :data:`WRITERS`) in registry order."""
    result = Written()
    job = Job(dok, stem, options)
    for name, writer in WRITERS.items():
        if name in formats:
            part = writer.write(job)
            result.files.update(part.files)
            result.notes.extend(part.notes)
    return result
