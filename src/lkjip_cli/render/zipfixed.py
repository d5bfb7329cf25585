"""Zip packages (DOCX, XLSX) with fixed entry times and attributes: same input, same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

ZIP_FILE_MODE = 0o644
"""Unix permissions recorded for every zip entry."""

Timestamp = tuple[int, int, int, int, int, int]


def zip_timestamp(date: dt.date, source_date_epoch: str | None) -> Timestamp:
    """Entry timestamp: SOURCE_DATE_EPOCH when set, else the report date at midnight."""
    if source_date_epoch:
        moment = dt.datetime.fromtimestamp(int(source_date_epoch), tz=dt.UTC)
    else:
        moment = dt.datetime.combine(date, dt.time(0, 0))
    # A zip cannot store a time before 1980.
    moment = max(moment.replace(tzinfo=None), dt.datetime(1980, 1, 1))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def normalize_zip(
    data: bytes,
    timestamp: Timestamp,
    rewrite: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """Rewrite a zip with one timestamp and fixed attributes, keeping entry order.

    ``rewrite(name, content)`` may change an entry's content on the way.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            # Set explicitly: the defaults depend on the platform Python runs on.
            info.create_system = 3
            info.external_attr = ZIP_FILE_MODE << 16
            content = source.read(entry.filename)
            if rewrite is not None:
                content = rewrite(entry.filename, content)
            target.writestr(info, content)
    return out.getvalue()
