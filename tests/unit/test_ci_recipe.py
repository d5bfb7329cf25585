"""The CI recipe for a data repository works when copied into one (docs/ci.md)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "laporan.yml"

# The first major version of each action that runs on Node.js 24: GitHub has
# deprecated actions on Node.js 20 and runs them on 24 regardless since June 2026
# (checkout@v4, setup-python@v5 and upload-artifact@v4 and @v5 declare node20).
CURRENT_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/upload-artifact": 6,
}


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def _steps() -> list[dict[str, Any]]:
    jobs = _workflow()["jobs"]
    return [step for job in jobs.values() for step in job["steps"]]


def _step(name: str) -> dict[str, Any]:
    return next(s for s in _steps() if s.get("name") == name)


def test_every_action_is_at_a_current_major_version() -> None:
    used = {}
    for step in _steps():
        if "uses" in step:
            action, _, version = step["uses"].partition("@")
            assert re.fullmatch(r"v\d+", version), f"{step['uses']}: pin a major version tag"
            used[action] = int(version[1:])
    assert set(used) == set(CURRENT_MAJOR)
    for action, major in used.items():
        assert major >= CURRENT_MAJOR[action], action


def test_no_pip_cache_keyed_on_a_file_a_data_repository_lacks() -> None:
    # setup-python's pip cache is keyed on requirements.txt or pyproject.toml (or the
    # cache-dependency-path given); a data repository has data/ and templates/ only
    for step in _steps():
        if step.get("uses", "").startswith("actions/setup-python@"):
            options = step.get("with", {})
            if "cache" in options:
                key = str(options.get("cache-dependency-path", ""))
                assert key.startswith(("data/", "templates/")), key


def test_a_pdf_is_made_when_the_format_asks_for_it() -> None:
    env = _workflow()["env"]
    assert set(env["FORMAT"].split(",")) <= {"docx", "md", "html", "pdf"}
    install = _step("Pasang LibreOffice (untuk PDF)")
    assert install["if"] == "contains(env.FORMAT, 'pdf')"
    assert "libreoffice-writer" in install["run"].split()
    assert '--format "$FORMAT"' in _step("Susun laporan")["run"]
    # lkjip builds the other formats and only notes a PDF it could not make: the job fails
    verify = _step("Pastikan PDF tersusun")
    assert verify["if"] == install["if"]
    assert verify["run"] == 'test -s "build/$TAHUN/lkjip-$TAHUN.pdf"'
    names = [s.get("name") for s in _steps()]
    assert names.index(install["name"]) < names.index("Susun laporan") < names.index(verify["name"])


@pytest.mark.skipif(shutil.which("bash") is None, reason="the step is a bash script")
def test_the_install_step_installs_the_pinned_lkjip_in_a_data_repository(tmp_path: Path) -> None:
    env = _workflow()["env"]
    assert re.search(r"/lkjip@[0-9a-f]{40}$", env["LKJIP"])
    # the step's script, with pip replaced by an echo of what it would install
    script = _step("Pasang lkjip")["run"].replace("python -m pip install", "echo")
    data_repository = tmp_path / "laporan-dinas"
    (data_repository / "data" / "2025").mkdir(parents=True)

    def installs(where: Path) -> str:
        done = subprocess.run(
            ["bash", "-c", script],
            cwd=where,
            env={"LKJIP": env["LKJIP"], "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert installs(data_repository) == env["LKJIP"]
    # a data repository with a pyproject.toml of its own still installs lkjip
    (data_repository / "pyproject.toml").write_text('[project]\nname = "laporan"\n')
    assert installs(data_repository) == env["LKJIP"]
    assert installs(ROOT) == "."


def test_the_documented_revisions_are_one_commit_of_lkjip() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    hooks_file = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(repos:\n.*?)```", docs, re.DOTALL)
    assert example is not None
    config = yaml.safe_load(example.group(1))
    repo = config["repos"][0]
    rev = repo["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pin a full commit hash (docs/ci.md)"
    hooks = {hook["id"] for hook in yaml.safe_load(hooks_file)}
    assert {hook["id"] for hook in repo["hooks"]} <= hooks
    # the hooks file's own example and the workflow pin the same commit
    assert re.findall(r"rev: (\S+)", hooks_file) == [rev]
    env = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["env"]
    assert env["LKJIP"].endswith(f"@{rev}")
    # and that commit is lkjip's: it exists in this repository's history
    found = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}^{{commit}}"], capture_output=True
    )
    assert found.returncode == 0, f"{rev} is no commit of this repository"
