"""Repository hygiene: the root holds only what the README's layout names, and nothing it names is missing."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT


def _documented_root_entries() -> set[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`/]+)/?` \|", section, flags=re.MULTILINE))


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_root_holds_only_what_the_readme_names() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    root_entries = {path.split("/", 1)[0] for path in tracked}
    documented = _documented_root_entries()
    assert documented, "README.md has no ## Layout table"
    assert root_entries - documented == set(), "tracked at the root but not in the README's layout"
    assert documented - root_entries == set(), "in the README's layout but not tracked"
