"""Source models, one module per data file, and the validated year they form."""

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_cli.loader import Document, PathKey, Position
from lkjip_cli.model.anggaran import Anggaran
from lkjip_cli.model.common import Source
from lkjip_cli.model.config import Config
from lkjip_cli.model.iku import Iku
from lkjip_cli.model.instansi import Instansi
from lkjip_cli.model.pk import Pk
from lkjip_cli.model.realisasi import Realisasi
from lkjip_cli.model.renstra import Renstra
from lkjip_cli.model.tabel import Tabel, TabelData

FILES: dict[str, type[Source]] = {
    "lkjip.yaml": Config,
    "instansi.yaml": Instansi,
    "renstra.yaml": Renstra,
    "iku.yaml": Iku,
    "pk.yaml": Pk,
    "anggaran.yaml": Anggaran,
    "realisasi.yaml": Realisasi,
}
"""Every data file and the model that validates it (declared tables aside)."""

FIELDS: dict[str, str] = {
    "lkjip.yaml": "config",
    "instansi.yaml": "instansi",
    "renstra.yaml": "renstra",
    "iku.yaml": "iku",
    "pk.yaml": "pk",
    "anggaran.yaml": "anggaran",
    "realisasi.yaml": "realisasi",
}
"""The :class:`DataTahun` field each data file fills."""

SCHEMAS: dict[str, type[Source]] = {**FILES, "tabel.yaml": Tabel}
"""Every file kind with a JSON Schema: the data files and a declared table."""

REQUIRED = ("lkjip.yaml", "instansi.yaml", "renstra.yaml", "iku.yaml", "pk.yaml", "anggaran.yaml")
"""Files without which no report can be built."""

NARRATIVES = (
    "kata-pengantar",
    "ikhtisar-eksekutif",
    "bab-1",
    "bab-2",
    "bab-3",
    "bab-4",
)
"""The narrative files of ``narasi/``, in report order."""


@dataclass(frozen=True)
class Narasi:
    """One narrative file: its label for messages and its Markdown text."""

    file: str
    text: str


@dataclass(frozen=True)
class DataTahun:
    """A validated year: every source model, narratives, and value positions."""

    root: Path
    config: Config
    instansi: Instansi
    renstra: Renstra
    iku: Iku
    pk: Pk
    anggaran: Anggaran
    realisasi: Realisasi = field(default_factory=Realisasi)
    tabel: dict[str, TabelData] = field(default_factory=dict)
    """Declared tables (``tabel/<nama>.yaml``) by name."""
    narasi: dict[str, Narasi] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    incomplete: frozenset[tuple[str, PathKey]] = frozenset()
    """Paths (file, path) of lists from which an invalid item was left out."""

    def pos(self, file: str, path: PathKey = ()) -> Position:
        """Where ``path`` of data file ``file`` stands."""
        doc = self.documents.get(file)
        if doc is None:
            return Position(file, 1, 1)
        return doc.position(path)

    def is_incomplete(self, file: str, path: PathKey) -> bool:
        """Whether an item under ``path`` was left out for being invalid."""
        return any(f == file and p[: len(path)] == path for f, p in self.incomplete)
