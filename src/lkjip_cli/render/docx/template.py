"""The DOCX template a data repository brings: found, read inside the repository, checked.

The first of these that is given is used:

1. ``lkjip build --templat PATH`` (a .docx file, or a directory holding
   ``reference.docx``): the person running the build chose it;
2. ``templat:`` in ``lkjip.yaml``, a path relative to the year's directory
   (``../../templates/kop.docx``);
3. ``templates/reference.docx`` of the data repository;
4. the template packaged with lkjip.

The data repository is the directory above ``data/`` when the year's directory
stands in ``data/<tahun>`` (the layout of ``lkjip new`` and ``docs/ci.md``),
else the year's directory itself. 2 and 3 are data: they are read through
:func:`read_data_file`, so a template outside the repository (a symlink to
``/etc``) is refused like any data file.
"""

from __future__ import annotations

import io
from pathlib import Path

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError

TEMPLATE = Path("templates", "reference.docx")
"""Where a data repository keeps its template, relative to the repository."""
MAX_TEMPLATE_BYTES = 32 * 1024 * 1024
"""Largest template read (a template with a logo and fonts is a few MB)."""


def repository_root(data_dir: Path) -> Path:
    """A year's data repository: above ``data/`` in ``data/<tahun>``, else the year itself."""
    absolute = data_dir.absolute()
    return absolute.parent.parent if absolute.parent.name == "data" else absolute


def read_template(data_dir: Path, setting: str | None, option: Path | None) -> bytes | None:
    """The chosen template's bytes, checked; None when the packaged one is to be used.

    Raises :class:`InputError` naming the path for a missing, unreadable, too big,
    outside or invalid template.
    """
    if option is not None:
        path = option / TEMPLATE.name if option.is_dir() else option
        label = f"templat {path}"
        # the user's own choice on the command line: any regular file of theirs
        raw = read_data_file(path.resolve().parent, path, label=label, limit=MAX_TEMPLATE_BYTES)
    elif setting is not None:
        root = repository_root(data_dir)
        path = data_dir / setting
        label = f"templat {path}"
        raw = read_data_file(root, path, label=label, limit=MAX_TEMPLATE_BYTES)
    else:
        path = repository_root(data_dir) / TEMPLATE
        if not path.exists() and not path.is_symlink():
            return None
        label = f"templat {path}"
        raw = read_data_file(path.parent.parent, path, label=label, limit=MAX_TEMPLATE_BYTES)
    from lkjip_cli.render.docx.package import template_bytes

    if raw == template_bytes(None):
        return None  # the packaged template, copied: known good, no need to parse it
    check_template(raw, label)
    return raw


def check_template(raw: bytes, label: str) -> None:
    """Raise :class:`InputError` unless ``raw`` is a Word document with every style needed."""
    import docx

    from lkjip_cli.render.docx.styles import missing_styles

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises zip, XML and key errors alike on a bad file
        raise InputError(
            f"{label} bukan dokumen Word (.docx) yang utuh ({type(exc).__name__}); "
            "simpan ulang templat itu dari Word sebagai .docx"
        ) from None
    if document.element.body.sectPr is None:
        raise InputError(f"{label} tidak memiliki pengaturan halaman; simpan ulang dari Word")
    missing = missing_styles(document)
    if missing:
        raise InputError(
            f"{label} tidak memiliki gaya: {', '.join(missing)}; mulailah dari "
            "templates/reference.docx lkjip (scripts/make_reference_docx.py) dan ubah gayanya"
        )
