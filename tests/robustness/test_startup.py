"""``lkjip check`` starts fast: it never imports what only ``build`` needs.

python-docx, openpyxl (the charts' workbooks) and the PDF bridge write the documents,
markdown-it parses the narratives' Markdown into blocks: they are only for
``build``. (Jinja is allowed: the check renders the narratives in the sandbox
to catch a misspelt placeholder before a build.) Nor does it import the
num2words package, which builds converters for fifty languages: *terbilang*
loads its Indonesian module alone (numbers.py). The check runs in a fresh
interpreter so that nothing imported by other tests hides an import.

The rule for whoever adds a writer, a picture format or a command: a module that
only ``build`` (or ``init``, ``new``, ``impor``, ``schema``) needs is imported
inside the function that uses it (render/writers.py shows how), never at the
top of a module that ``check`` loads; :data:`BUILD_ONLY` lists lkjip's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

from lkjip_cli import __version__

from .harness import REPO

HEAVY = (
    "matplotlib",
    "docx",
    "lxml",
    "PIL",
    "openpyxl",
    "numpy",
    "markdown_it",
    "babel",
    "num2words",
    "ruamel",
)

BUILD_ONLY = (
    "lkjip_cli.render.docx",
    "lkjip_cli.render.markdown",  # and markdown_text
    "lkjip_cli.render.grid",
    "lkjip_cli.render.html",
    "lkjip_cli.render.svg",
    "lkjip_cli.render.xlsx",
    "lkjip_cli.render.pdf",
    "lkjip_cli.render.orgchart",
    "lkjip_cli.render.lampiran",
    "lkjip_cli.output",
    "lkjip_cli.scaffold",
    "lkjip_cli.schemas",
    "lkjip_cli.impor",
    "lkjip_cli.yamlcomments",
)
"""lkjip's own modules (and packages) that write or scaffold, not check."""

_PROBE = """
import atexit, json, sys
heavy, own = {heavy!r}, {own!r}
atexit.register(lambda: print("MODULES " + json.dumps(sorted(
    m for m in sys.modules
    if m.split(".")[0] in heavy or m.startswith(own)
)), file=sys.stderr))
sys.argv = ["lkjip", "check", "data/2024"]
from lkjip_cli.cli import main
main()
"""


def test_check_imports_no_writer_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY, own=BUILD_ONLY)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode in (0, 1), result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("MODULES "))
    assert json.loads(line.removeprefix("MODULES ")) == []


_ENTRY_PROBE = """
import gc, sys
seen = []


class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in ("pydantic.main", "lkjip_cli.cli"):
            seen.append((name, gc.isenabled()))
        return None


sys.meta_path.insert(0, Watch())
import lkjip_cli
light = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "jinja2", "yaml", "typer"))
sys.argv = ["lkjip", "--version"]
from lkjip_cli.__main__ import main
try:
    main()
except SystemExit:
    pass
import os
print("LIGHT", light, "SEEN", seen, "API", lkjip_cli.check.__module__,
      "PLUGINS", os.environ.get("PYDANTIC_DISABLE_PLUGINS"), file=sys.stderr)
"""


def test_command_turns_the_collector_off_before_lkjip_loads() -> None:
    """``import lkjip_cli`` loads none of lkjip's libraries, so the ``lkjip`` command's
    entry point (``lkjip_cli.__main__:main``) can switch the collector off before they
    load; the API is still ``lkjip_cli.check`` and friends. No pydantic plugin runs."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", _ENTRY_PROBE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"lkjip {__version__}\n"
    line = next(x for x in result.stderr.splitlines() if x.startswith("LIGHT "))
    assert line == (
        "LIGHT [] SEEN [('lkjip_cli.cli', False), ('pydantic.main', False)] API lkjip_cli.api"
        " PLUGINS __all__"
    )


def test_console_script_is_the_entry_point() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts == {"lkjip": "lkjip_cli.__main__:main"}
