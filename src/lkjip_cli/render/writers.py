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
    """One build's rendering: the Dokumen, the stem, the options; DOCX and PDF made once.

    When the build writes both, the PDF is converted from the DOCX and the page
    numbers LibreOffice gave its indexes are then cached in the DOCX written out.
    """

    dok: Dokumen
    stem: str
    options: Options = Options()
    formats: tuple[str, ...] = ()
    """Every format of the build: the DOCX waits for the PDF's page numbers."""
    _docx: bytes | None = None
    _pdf: bytes | None = None
    _pdf_note: str | None = None

    def docx(self) -> bytes:
        """The DOCX bytes, written on first use."""
        if self._docx is None:
            if "pdf" in self.formats:
                self._convert()
            else:
                self._docx = self._write_docx()
        assert self._docx is not None
        return self._docx

    def pdf(self) -> Written:
        """The PDF, or a note saying why none could be made."""
        if self._pdf is None and self._pdf_note is None:
            self._convert()
        if self._pdf is None:
            return Written(notes=[self._pdf_note or ""])
        return Written({f"{self.stem}.pdf": self._pdf})

    def _write_docx(self, indexes: dict[str, list[tuple[str, str]]] | None = None) -> bytes:
        from lkjip_cli.render.docx import write_docx

        return write_docx(self.dok, self.options.template, indexes)

    def _convert(self) -> None:
        from lkjip_cli.render.pdf import PdfUnavailable, convert

        first = self._write_docx()
        try:
            converted = convert(first, pdfa=self.options.pdfa)
        except PdfUnavailable as exc:  # no LibreOffice: the other formats still get written
            self._docx, self._pdf_note = first, str(exc)
            return
        self._pdf = converted.pdf
        self._docx = self._write_docx(converted.indexes) if converted.indexes else first


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
    return job.pdf()


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


def parse_formats(value: str) -> tuple[str, ...]:
    """``--format`` (``"docx, MD"``) → ``("docx", "md")``; ValueError names what is unknown."""
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in WRITERS]
    if unknown or not chosen:
        raise ValueError(
            f"bentuk tidak dikenal: {', '.join(unknown) or '(kosong)'}; pilih dari "
            + ", ".join(WRITERS)
        )
    return chosen


def write_all(
    dok: Dokumen, stem: str, formats: tuple[str, ...], options: Options = Options()
) -> Written:
    """Run the writers of ``formats`` (names in :data:`WRITERS`) in registry order."""
    result = Written()
    job = Job(dok, stem, options, formats)
    for name, writer in WRITERS.items():
        if name in formats:
            part = writer.write(job)
            result.files.update(part.files)
            result.notes.extend(part.notes)
    return result
