"""templates/reference.docx is what scripts/make_reference_docx.py writes, and its styles."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.package import template_bytes
from lkjip_cli.render.metrics import text_width

ROOT = Path(__file__).resolve().parents[3]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", ROOT / "scripts" / "make_reference_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_the_scripts_output() -> None:
    """Change the script, then run it: the template in the repository follows."""
    with zipfile.ZipFile(ROOT / "templates" / "reference.docx") as archive:
        committed = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert committed == dict(_script().parts())


def _twips(length: int | None) -> int:
    return round((length or 0) / 635)  # EMU per twip


@pytest.mark.parametrize(("level", "label"), [(1, None), (2, "A. "), (3, "1. ")])
def test_a_wrapped_daftar_isi_entry_hangs_under_its_text(level: int, label: str | None) -> None:
    """Left aligned: justified, a wrapped entry stretched its words and went back to the edge."""
    document = docx.Document(io.BytesIO(template_bytes(None)))
    toc = document.styles[f"toc {level}"]
    assert toc.style_id == styles.TOC[level]
    fmt = toc.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT
    hanging = -_twips(fmt.first_line_indent)
    first = _twips(fmt.left_indent) - hanging
    step = _script().TOC_STEP
    assert first == (level - 1) * step  # each level starts a step further in
    if label is None:
        # a chapter's wrapped line starts where the entries under it do
        assert hanging == step
    else:
        # under the text after the label, within a point (one letter's difference)
        assert abs(hanging - text_width(label, 11, False) * 20) <= 20
