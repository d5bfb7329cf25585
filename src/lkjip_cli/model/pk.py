"""``pk.yaml``: the performance agreement and its revision."""

from typing import Literal

from lkjip_cli.model.common import Nilai, Orang, Rupiah, Source, Tanggal, Teks


class TargetPk(Source):
    """Target yang disepakati untuk satu indikator."""

    indikator: str
    """Id indikator (iku.yaml)."""
    target: Nilai
    """Target yang disepakati."""


class ProgramPk(Source):
    """Satu program dalam tabel anggaran PK."""

    program: str
    """Id program (anggaran.yaml)."""
    kelompok: Literal["utama", "penunjang"] = "utama"
    """Program Utama atau Program Penunjang."""
    anggaran: Rupiah | None = None
    """Anggaran sebagaimana tercetak (hanya untuk transkripsi; biasanya diambil dari DPA)."""


class PerjanjianKinerja(Source):
    """Satu dokumen PK."""

    tempat: Teks | None = None
    """Tempat penandatanganan; kosong = tempat laporan (instansi.yaml, laporan.tempat)."""
    tanggal: Tanggal | None = None
    """Tanggal penandatanganan; kosongkan bila tidak diketahui."""
    pihak_pertama: Orang
    """Pihak pertama: kepala dinas."""
    pihak_kedua: Orang
    """Pihak kedua: bupati (atasan)."""
    target: list[TargetPk]
    """Target per indikator."""
    program: list[ProgramPk] = []
    """Program beserta anggarannya."""
    jumlah: Rupiah | None = None
    """Jumlah sebagaimana tercetak (hanya untuk transkripsi)."""


class Pk(Source):
    """PK dan PK Perubahan."""

    murni: PerjanjianKinerja
    """PK murni (awal)."""
    perubahan: PerjanjianKinerja | None = None
    """PK Perubahan."""

    def berlaku(self) -> PerjanjianKinerja:
        """The agreement in force at year end."""
        return self.perubahan or self.murni
