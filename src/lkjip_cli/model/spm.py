"""``spm.yaml``: minimum service standard achievement (Tabel 3.11–3.12)."""

from __future__ import annotations

from lkjip_cli.model.common import Jumlah, Nilai, Source, Teks


class IndeksSpm(Source):
    """Targets and realization of the SPM index in percent per year."""

    target: dict[int, Nilai] = {}
    """Target per year."""
    realisasi: dict[int, Nilai] = {}
    """Realization per year."""


class RincianSpm(Source):
    """One service within a basic service."""

    nama: Teks
    """Name."""
    satuan: Teks = "orang"
    """Unit."""
    target: Jumlah
    """Target."""
    realisasi: Jumlah
    """Realization."""


class LayananSpm(Source):
    """A basic service of the social SPM."""

    nama: Teks
    """Name."""
    indeks: IndeksSpm | None = None
    """Index per year (Tabel 3.11)."""
    target: Jumlah | None = None
    """People to serve this year (Tabel 3.12)."""
    realisasi: Jumlah | None = None
    """People served this year."""
    sumber_data: str | None = None
    """Where the figures come from."""
    rincian: list[RincianSpm] = []
    """Services."""


class Spm(Source):
    """The SPM file."""

    layanan: list[LayananSpm] = []
    """Basic services."""
