"""Write akreditasi.xlsx, the accreditation status per puskesmas, reproducibly.

Run from anywhere: ``python examples/dinkes-2024/tabel/buat_xlsx.py`` (needs
openpyxl). The rows are the example's data; the workbook's dates and the zip
entries' timestamps are fixed so that the same rows give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

HEADER = ("Puskesmas", "Kecamatan", "Jenis", "Status Akreditasi", "Terakreditasi", "Unit")
"""The header row; table columns match it by title or id."""

ROWS = (
    ("Puskesmas Sukamaju", "Sukamaju", "Rawat Inap", "Paripurna", 1),
    ("Puskesmas Sukamaju Utara", "Sukamaju", "Non Rawat Inap", "Utama", 1),
    ("Puskesmas Cempaka", "Sukamaju", "Non Rawat Inap", "Madya", 1),
    ("Puskesmas Mekarsari", "Mekarsari", "Rawat Inap", "Paripurna", 1),
    ("Puskesmas Pasirlaya", "Mekarsari", "Non Rawat Inap", "Utama", 1),
    ("Puskesmas Tirtajaya", "Tirtajaya", "Rawat Inap", "Utama", 1),
    ("Puskesmas Sendangrejo", "Tirtajaya", "Non Rawat Inap", "Belum terakreditasi", 0),
    ("Puskesmas Harjamukti", "Harjamukti", "Rawat Inap", "Paripurna", 1),
    ("Puskesmas Kalisari", "Harjamukti", "Non Rawat Inap", "Madya", 1),
    ("Puskesmas Wanasari", "Wanasari", "Non Rawat Inap", "Utama", 1),
    ("Puskesmas Gunungsepi", "Wanasari", "Non Rawat Inap", "Belum terakreditasi", 0),
    ("Puskesmas Sumberlaras", "Sumberlaras", "Rawat Inap", "Paripurna", 1),
    ("Puskesmas Watuagung", "Sumberlaras", "Non Rawat Inap", "Dasar", 1),
    ("Puskesmas Pagerwangi", "Pagerwangi", "Non Rawat Inap", "Utama", 1),
    ("Puskesmas Rejosari", "Pagerwangi", "Non Rawat Inap", "Madya", 1),
)
"""One row per puskesmas: name, kecamatan, kind, status, accredited (1) or not (0)."""

FIXED = dt.datetime(2025, 1, 6, 8, 0, 0)
"""The workbook's created/modified date: fixed for byte-identical output."""

STAMP = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ")
"""``FIXED`` as core.xml writes it."""


def workbook_bytes() -> bytes:
    """The workbook as bytes, with fixed metadata and zip timestamps."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Akreditasi"
    ws.append(HEADER)
    for row in ROWS:
        ws.append((*row, 1))  # Unit: each row counts one puskesmas
    for column, width in zip("ABCDEF", (30, 16, 18, 22, 14, 8), strict=True):
        ws.column_dimensions[column].width = width
    wb.properties.creator = "Dinas Kesehatan Kabupaten Sukamaju"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP.encode(), data)
            dst.writestr(fixed, data)
    return out.getvalue()


if __name__ == "__main__":
    target = Path(__file__).with_name("akreditasi.xlsx")
    target.write_bytes(workbook_bytes())
    print(f"ditulis: {target}")
