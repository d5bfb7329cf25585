"""``docs/narasi.md``, generated from the code: directives, filters and names of narratives.

``python -m lkjip_cli.docs_narasi > docs/narasi.md`` (or ``make docs``) writes it;
a test fails when the committed file differs. Directive names come from the
registries, filters from :data:`~lkjip_cli.render.jinja.NARRATIVE_FILTERS` (each
run on an example value here), names from the Report models and their field
docstrings.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from lkjip_cli.model.instansi import Instansi
from lkjip_cli.model.renstra import Renstra
from lkjip_cli.render import frontmatter
from lkjip_cli.render.jinja import NARRATIVE_FILTERS
from lkjip_cli.render.registry import REGISTRY
from lkjip_cli.render.tables import TABLES
from lkjip_cli.report import (
    AnggaranHasil,
    IndikatorHasil,
    PegawaiHasil,
    ProgramHasil,
    RpjmdHasil,
    SasaranHasil,
)
from lkjip_cli.schemas import attribute_docs

TABLE_TEXT: dict[str, str] = {
    "pegawai": "komposisi pegawai menurut jabatan (`pegawai` di instansi.yaml)",
    "permasalahan": "pokok permasalahan, masalah dan akar masalah (`permasalahan` di "
    "instansi.yaml)",
    "iku": "indikator kinerja utama (iku.yaml)",
    "pk": "Perjanjian Kinerja yang berlaku: sasaran, indikator, target (pk.yaml)",
    "anggaran": "rincian pagu murni dan perubahan per program, kegiatan, sub kegiatan",
    "predikat": "skala nilai dan predikat kinerja (lkjip.yaml)",
    "capaian-sasaran": "rata-rata capaian dan predikat tiap sasaran",
    "realisasi-S": "target, realisasi dan capaian indikator satu sasaran",
    "perkembangan-S": "realisasi indikator satu sasaran dari tahun ke tahun",
    "renstra-S": "realisasi indikator satu sasaran terhadap target Renstra",
    "pembanding-S": "realisasi indikator satu sasaran dibandingkan daerah lain",
    "anggaran-S": "realisasi anggaran program pendukung satu sasaran, dengan efisiensi",
    "rpjmd": "realisasi indikator RPJMD",
    "realisasi-anggaran": "realisasi kinerja dan keuangan per sasaran",
}
"""What each built-in table shows (a test holds one entry per table)."""

FILTER_TEXT: dict[str, str] = {
    "rupiah": "uang dengan pemisah ribuan",
    "angka": "bilangan bulat dengan pemisah ribuan",
    "desimal": "bilangan dengan koma desimal",
    "persen": "persen dengan koma desimal",
    "terbilang": "uang dalam kata-kata",
    "tanggal": "tanggal dalam bahasa Indonesia",
    "naik_turun": "`kenaikan` bila nilainya 0 atau lebih, `penurunan` bila negatif",
    "abs": "nilai mutlak (tanpa tanda minus)",
    "lower": "huruf kecil",
    "length": "banyaknya unsur daftar",
    "naik_atau_turun": (
        "perubahan sebagai kata kerja: `naik`, `turun` atau `tetap`; dengan argumen, angka "
        "dibandingkan dengan angka itu: `{{ i.realisasi | naik_atau_turun(i.riwayat[tahun - 1]) }}`"
    ),
    "meningkat_menurun": (
        "perubahan sebagai kata kerja: `meningkat`, `menurun` atau `tetap`; dengan argumen, "
        "dibandingkan dengan angka itu (seperti `naik_atau_turun`)"
    ),
    "banding": (
        "satu angka dibandingkan angka lain: `lebih tinggi`, `lebih rendah` atau `sama dengan`; "
        "dengan argumen kedua `'dari'`: `lebih tinggi dari`, `lebih rendah dari`"
    ),
    "status_target": (
        "apakah target tercapai: `tercapai` atau `belum tercapai` (kata lain boleh diberikan); "
        "indikator menurut polaritasnya (`turun`: pada atau di bawah target berarti tercapai), "
        "sasaran bila capaiannya 100% atau lebih"
    ),
    "kapital": "huruf pertama kapital, untuk kata pilihan filter yang membuka kalimat",
}
"""What each filter does, in the planners' language (every filter has an entry)."""

USAGE: dict[str, str] = {
    "banding": (
        "`{{ i.realisasi | banding(i.pembanding.realisasi) }}` → `lebih tinggi`; "
        "`{{ i.realisasi | banding(i.pembanding.realisasi, 'dari') }}` → `lebih tinggi dari`"
    ),
    "status_target": (
        "`{{ indikator.X | status_target }}` → `belum tercapai`; "
        "`{{ sasaran.S1 | status_target('terpenuhi', 'belum terpenuhi') }}` → `terpenuhi`"
    ),
}
"""Examples of the filters that need a second figure or an indicator, written as used."""

EXAMPLES: dict[str, tuple[object, ...]] = {
    "rupiah": (1550448, Decimal("16162638086.54")),
    "angka": (1550448,),
    "desimal": (Decimal("95.385"), Decimal("-6.23")),
    "persen": (Decimal("95.385"), Decimal("100")),
    "terbilang": (1550448,),
    "tanggal": (dt.date(2025, 2, 28),),
    "naik_turun": (Decimal("1.5"), Decimal("-6.23")),
    "abs": (Decimal("-6.23"),),
    "lower": ("Sangat Tinggi",),
    "length": ([1, 2, 3],),
    "kapital": ("penurunan",),
}
"""The example values each filter is shown on; a filter not listed is tried on :data:`SAMPLES`."""

SAMPLES: tuple[object, ...] = (
    Decimal("95.385"),
    Decimal("-6.23"),
    1550448,
    Decimal("16162638086.54"),
    dt.date(2025, 2, 28),
    "Puskesmas",
    [1, 2, 3],
)
"""Example values a filter is tried on, in order; each filter shows those it accepts."""

CONTEXT: dict[str, tuple[str, str]] = {
    "tahun": ("bilangan bulat", "tahun laporan"),
    "instansi": ("Instansi", "isi instansi.yaml (nama, pegawai, laporan, …)"),
    "renstra": ("Renstra", "isi renstra.yaml"),
    "anggaran": ("AnggaranHasil", "seluruh DPA beserta jumlahnya"),
    "program": ("peta id → ProgramHasil", "program menurut id"),
    "sasaran": ("peta id → SasaranHasil", "sasaran menurut id: `sasaran.S1.capaian`"),
    "indikator": (
        "peta id → IndikatorHasil",
        "indikator menurut id: `indikator.<id>.realisasi`",
    ),
    "rpjmd": ("daftar RpjmdHasil", "indikator RPJMD: `rpjmd[0].realisasi[2024]`"),
    "pegawai": ("PegawaiHasil", "jumlah pegawai dan ASN"),
    "tabel": (
        "peta nama → tabel",
        "tabel yang dideklarasikan: `tabel.<nama>.judul`, `.sumber`, `.catatan`, "
        "`.jumlah.<kolom>`, `.baris[0].<kolom>`, `.baris.<id baris>.<kolom>`, "
        "`.baris[0].rincian`, `<kolom>_nama` untuk kolom program; nama yang memuat `-` "
        "ditulis `tabel['hasil-pemeriksaan']`",
    ),
    "ref": ("fungsi", "`ref('pegawai')` → nomor tabel atau gambar, mis. 'Tabel 1.1'"),
}
"""Every name a narrative can read (a test holds these equal to the narrative context)."""

NOTES: dict[tuple[str, str], str] = {
    ("SasaranHasil", "capaian"): "Dari indikator sasaran ini yang memiliki target di PK yang "
    "berlaku dan capaian; indikator tanpa realisasi tidak dihitung (bukan 0)",
    ("SasaranHasil", "efisiensi"): "Metode `100-serapan`: 100 − serapan; `capaian-serapan`: "
    "capaian − serapan, dalam poin persen; dari angka tercetak; bisa negatif",
    ("IndikatorHasil", "capaian"): "Menurut polaritas; dibatasi `capaian.batas_atas` "
    "sebelum dirata-rata per sasaran",
    ("IndikatorHasil", "capaian_renstra"): "Dibatasi `capaian.batas_atas` seperti `capaian`",
}
"""Semantics a planner must know, added to a field's one-line description (data-format.md)."""

MODELS: tuple[type[BaseModel], ...] = (
    AnggaranHasil,
    ProgramHasil,
    SasaranHasil,
    IndikatorHasil,
    PegawaiHasil,
    RpjmdHasil,
    Instansi,
    Renstra,
)


def _type(annotation: Any) -> str:
    """A field's type in words."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        text = " atau ".join(_type(a) for a in kept)
        return f"{text} (boleh kosong)" if len(kept) < len(args) else text
    if origin is list:
        return f"daftar {_type(args[0])}" if args else "daftar"
    if origin is dict:
        return f"peta {_type(args[0])} → {_type(args[1])}" if args else "peta"
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    names = {
        Decimal: "bilangan",
        int: "bilangan bulat",
        str: "teks",
        bool: "ya/tidak",
        dt.date: "tanggal",
    }
    if annotation in names:
        return names[annotation]
    if annotation is Any:
        return "nilai"
    return str(getattr(annotation, "__name__", annotation)).split("[", 1)[0]


def _docs(model: type[BaseModel]) -> dict[str, str]:
    found: dict[str, str] = {}
    for klass in reversed(model.__mro__):
        if isinstance(klass, type) and issubclass(klass, BaseModel) and klass is not BaseModel:
            found.update(attribute_docs(klass))
    return found


def _reached(roots: tuple[type[BaseModel], ...]) -> list[type[BaseModel]]:
    """The models of ``roots`` and every model their fields hold, each once, in order."""
    seen: list[type[BaseModel]] = []
    todo = list(roots)
    while todo:
        model = todo.pop(0)
        if model in seen or "[" in model.__name__:  # Tercetak[...]: as printed, not read
            continue
        seen.append(model)
        for field in model.model_fields.values():
            todo.extend(_models_in(field.annotation))
    return seen


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _fields(model: type[BaseModel]) -> Iterator[str]:
    docs = _docs(model)
    yield f"### {model.__name__}\n"
    summary = (model.__doc__ or "").strip().splitlines()
    if summary:
        yield f"{summary[0]}\n"
    yield "| Nama | Jenis | Isi |"
    yield "|---|---|---|"
    for name, field in model.model_fields.items():
        doc = docs.get(name, "").splitlines()[0] if docs.get(name) else ""
        if (model.__name__, name) in NOTES:
            doc = f"{doc} {NOTES[model.__name__, name]}."
        yield f"| `{name}` | {_type(field.annotation)} | {doc} |"
    yield ""


def _shown(value: object) -> str:
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _example(name: str, apply: Callable[..., Any]) -> list[str]:
    rows = []
    for value in EXAMPLES.get(name, SAMPLES):
        try:
            result = apply(value)
        except Exception:  # a filter refusing an example is not shown
            continue
        rows.append(f"`{_shown(value)}` → `{result}`")
    return rows[:2]


def _filters() -> Iterator[str]:
    yield "| Filter | Isi | Contoh (nilai → hasil) |"
    yield "|---|---|---|"
    for name in sorted(NARRATIVE_FILTERS):
        apply = NARRATIVE_FILTERS[name]
        examples = USAGE.get(name) or "; ".join(_example(name, apply))
        text = FILTER_TEXT[name]
        # a "|" inside a cell, even in code, would end it (GitHub's tables)
        cells = (text.replace("|", "\\|"), examples.replace("|", "\\|"))
        yield f"| `{name}` | {cells[0]} | {cells[1]} |"
    yield ""


def _directives() -> Iterator[str]:
    yield "### `::: tabel <nama>`\n"
    yield "| Nama | Isi |"
    yield "|---|---|"
    for name in TABLES:
        shown = f"{name[:-2]}-<sasaran>" if name.endswith("-S") else name
        yield f"| `{shown}` | {TABLE_TEXT[name]} |"
    yield (
        "| `<nama berkas di tabel/>` | tabel yang dideklarasikan di `tabel/<nama>.yaml` "
        "(lihat data-format.md) |"
    )
    yield ""
    yield "`<sasaran>` adalah id sasaran, mis. `realisasi-S1`.\n"
    yield "### `::: gambar <nama>`\n"
    yield "| Nama | Isi |"
    yield "|---|---|"
    yield "| `struktur-organisasi` | bagan organisasi (`struktur` di instansi.yaml) |"
    yield "| `tren-<sasaran>`, `tren-<indikator>` | grafik batang realisasi per tahun dan target |"
    yield "| `tren-rpjmd`, `tren-rpjmd-<n>` | grafik indikator RPJMD ke-n (pertama tanpa nomor) |"
    yield "| `garis-…` | sama dengan `tren-…`, digambar sebagai garis |"
    yield ""
    yield "### Gambar dari berkas: `![keterangan](foto/kegiatan.jpg)`\n"
    yield (
        "Gambar Markdown menempatkan berkas PNG atau JPEG dari direktori data (path relatif "
        "terhadapnya) sebagai gambar bernomor, berurutan dengan grafik `::: gambar` di bab "
        "yang sama: `![Kegiatan lapangan](foto/kegiatan.jpg)` di BAB III setelah satu grafik "
        'dicetak dengan keterangan "Gambar 3.2 Kegiatan lapangan" dan tercantum di Daftar '
        'Gambar. Judul (`![teks](foto/kegiatan.jpg "Judul")`) menjadi keterangannya bila '
        "ada; teksnya tetap menjadi teks pengganti gambar. Gambar tanpa teks maupun judul "
        "adalah galat (`narasi.gambar-tanpa-keterangan`), begitu pula gambar yang dihasilkan "
        "perulangan (`narasi.gambar`): setiap gambar ditulis langsung di narasi.\n"
    )
    yield "### `::: daftar <nama>`\n"
    yield "| Nama | Isi |"
    yield "|---|---|"
    for name in frontmatter.LISTS:
        yield f"| `{name}` | daftar bernomor dari `{name}` di instansi.yaml |"
    yield ""
    yield "### `::: tanda-tangan laporan`\n"
    yield (
        "Tempat, tanggal, jabatan, nama, pangkat dan NIP penandatangan (`laporan` di "
        "instansi.yaml).\n"
    )


def render() -> str:
    """The whole of ``docs/narasi.md``."""
    kinds = ", ".join(f"`::: {k}`" for k in REGISTRY)
    out = [
        "# Bahasa narasi",
        "",
        "<!-- Dibuat oleh `python -m lkjip_cli.docs_narasi` (`make docs`); jangan "
        "diubah tangan. -->",
        "",
        "Narasi (`narasi/*.md`) adalah Markdown dengan tempat isian Jinja: "
        "`{{ nama | filter }}` mencetak nilai, `{% if %}`/`{% for %}` memilih dan "
        "mengulang, dan satu baris arahan menempatkan tabel, gambar, daftar atau tanda "
        f"tangan ({kinds}). `lkjip check` dan `lkjip build` melaporkan setiap isian yang "
        "gagal dengan nama lengkapnya (lihat checks.md, `narasi.*`).",
        "",
        "Tanda kutip lurus dalam teks narasi dicetak sebagai tanda kutip Indonesia di "
        "semua format: `\"…\"` menjadi “…”, `'…'` menjadi ‘…’, dan apostrof menjadi ’ "
        "(`Jum'at` → Jum’at). Tanda kutip di dalam `kode` atau blok kode tetap lurus; "
        "ekspresi Jinja tidak tersentuh, karena yang diubah adalah teks hasil isian.",
        "",
        "## Arahan",
        "",
        *_directives(),
        "## Filter",
        "",
        *_filters(),
        "## Nama yang dapat dibaca",
        "",
        "| Nama | Jenis | Isi |",
        "|---|---|---|",
        *(f"| `{n}` | {t} | {d} |" for n, (t, d) in CONTEXT.items()),
        "",
        "Isi setiap jenis (`nama.bidang`):",
        "",
    ]
    for model in _reached(MODELS):
        out.extend(_fields(model))
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> None:
    """Print ``docs/narasi.md``."""
    print(render(), end="")


if __name__ == "__main__":
    main()
