"""What the appendices take from data rather than from code: cascade labels, the PK's place."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, Dataset, copy_dataset
from lkjip_cli.compute import compute
from lkjip_cli.render.blocks import Block, Heading, Signatures, Table
from lkjip_cli.render.lampiran import lampiran
from lkjip_cli.validate import load

LAMPIRAN = FIXTURES / "valid" / "lampiran"


def _blocks(ds: Dataset) -> list[Block]:
    result = load(ds.root)
    assert result.data is not None, result.findings
    return lampiran(result.data, compute(result.data))


def _part(blocks: list[Block], label: str) -> list[Block]:
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.label == label)
    end = next(
        (i for i, b in enumerate(blocks[start + 1 :], start + 1) if isinstance(b, Heading)),
        len(blocks),
    )
    return blocks[start:end]


def _pk_labels(blocks: list[Block]) -> list[str]:
    levels, kegiatan = [b for b in _part(blocks, "LAMPIRAN V") if isinstance(b, Table)][:2]
    # the PK is the last cell of a row that starts with its analysis (left column)
    kajian = {row[0].text for row in levels.body if row[0].rowspan > 1}
    kajian.add("Kinerja Operasional")
    found = [row[-1].text for t in (levels, kegiatan) for row in t.body if row[0].text in kajian]
    return list(dict.fromkeys(found))


def test_cascade_pk_labels_default_to_the_references(tmp_path: Path) -> None:
    labels = _pk_labels(_blocks(copy_dataset(LAMPIRAN, tmp_path / "y")))
    assert labels == [
        "PK KEPALA DAERAH",
        "PK KEPALA OPD",
        "PK ESELON III",
        "PK JF/ESELON IV",
        "PK STAF",
    ]


def test_cascade_pk_labels_come_from_lkjip_yaml(tmp_path: Path) -> None:
    ds = copy_dataset(LAMPIRAN, tmp_path / "y")
    text = ds.path("lkjip.yaml").read_text(encoding="utf-8")
    ds.write(
        "lkjip.yaml",
        text + "cascading:\n  pk:\n    program: PK ADMINISTRATOR\n    sub_kegiatan: PK PENGAWAS\n",
    )
    assert _pk_labels(_blocks(ds)) == [
        "PK KEPALA DAERAH",
        "PK KEPALA OPD",
        "PK ADMINISTRATOR",
        "PK PENGAWAS",
        "PK STAF",
    ]


def _pk_places(blocks: list[Block], label: str) -> list[str]:
    signed = [b for b in _part(blocks, label) if isinstance(b, Signatures)]
    return [s.right.lines_above[0] for s in signed]


def test_a_pk_is_signed_where_its_data_says(tmp_path: Path) -> None:
    ds = copy_dataset(LAMPIRAN, tmp_path / "y")
    ds.edit("pk.yaml", "tempat: Contoh", "tempat: Kanigoro")
    places = _pk_places(_blocks(ds), "LAMPIRAN I")
    assert places == ["Kanigoro, 12 Juni 2024"] * 2


def test_a_pk_without_tempat_is_signed_at_the_reports_place(tmp_path: Path) -> None:
    ds = copy_dataset(LAMPIRAN, tmp_path / "y")
    ds.edit("instansi.yaml", "tempat: Contoh", "tempat: Kecamatan Sukamaju")
    ds.edit("pk.yaml", "  tempat: Contoh\n", "")  # the PK murni's
    places = _pk_places(_blocks(ds), "LAMPIRAN I")
    assert places == ["Kecamatan Sukamaju, 12 Juni 2024"] * 2
    # the PK Perubahan keeps the place it states
    assert all(p.startswith("Contoh, ") for p in _pk_places(_blocks(ds), "LAMPIRAN II"))
