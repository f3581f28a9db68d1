"""Install kickoff as a user would, and check that the installed tool reads every format.

    python tools/check_install.py [--python PYTHON] [--keep DIR]

1. Builds the sdist and the wheel with ``python -m build`` (the wheel is built from the sdist,
   so a file missing from the sdist fails here).
2. Makes a brand-new venv with PYTHON's own pip, as it ships (not upgraded), and installs the
   wheel into it with no extras: the user's path, on which older pips drop extras that newer ones
   keep (PEP 685).
3. Writes the format bundle (tests/format_bundle.py: one file of every format and the hostile
   files) with that venv's Python, so the generators need nothing but kickoff's dependencies.
4. Runs the console script and ``python -m kickoff`` on it; both must agree byte for byte, every
   good file must be read, every bad one named, and the outputs must have the umask's mode.

Exits non-zero with the reason on the first failure. Uses the standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from format_bundle import BAD, GOOD  # noqa: E402  (the tests folder is not a package)


def _run(command: list[str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def _fail(message: str) -> None:
    print(f"check_install: FAILED: {message}", file=sys.stderr)
    raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default=sys.executable, help="the interpreter a user has (default: this one)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        check(args.python, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="kickoff-install-") as work:
            check(args.python, Path(work))


def check(python: str, work: Path) -> None:
    builder = work / "build-env"
    _run([python, "-m", "venv", str(builder)])
    _run([str(builder / "bin" / "python"), "-m", "pip", "install", "--quiet", "build"])
    dist = work / "dist"
    _run([str(builder / "bin" / "python"), "-m", "build", "--outdir", str(dist), str(ROOT)])
    wheels = sorted(dist.glob("kickoff-*.whl"))
    if len(wheels) != 1 or not sorted(dist.glob("kickoff-*.tar.gz")):
        _fail(f"expected one wheel and one sdist in {dist}, found {sorted(p.name for p in dist.iterdir())}")

    user = work / "user-venv"
    _run([python, "-m", "venv", str(user)])  # the interpreter's own pip, not upgraded
    _run([str(user / "bin" / "python"), "-m", "pip", "--version"])
    _run([str(user / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])])

    bundle = work / "bundle"
    _run([str(user / "bin" / "python"), str(ROOT / "tests" / "format_bundle.py"), str(bundle)])
    previous = os.umask(0o022)
    try:
        script = subprocess.run(
            [str(user / "bin" / "kickoff"), str(bundle), "-o", str(work / "out"), "-q"], text=True, check=False
        )
    finally:
        os.umask(previous)
    if script.returncode != 1:  # 1: some files could not be read (the bad ones, on purpose)
        _fail(f"the console script exited {script.returncode}, expected 1 (the bad files)")
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (work / "out").iterdir()}
    if set(modes.values()) != {0o644}:
        _fail(f"outputs should be 0644 under umask 022: {modes}")
    if sorted(modes) != ["INDEX.md", "QUESTIONS.md", "kickoff.json", "report.html"]:
        _fail(f"unexpected outputs: {sorted(modes)}")

    report = json.loads((work / "out" / "kickoff.json").read_text("utf-8"))
    read = {document["source"]["path"] for document in report["documents"]}
    missing = sorted(set(GOOD) - read)
    if missing:
        reasons = {p["path"]: p["reason"] for p in report["problems"]}
        _fail("not read after a plain install: " + "; ".join(f"{m} ({reasons.get(m, 'no reason')})" for m in missing))
    reasons = {problem["path"]: problem["reason"] for problem in report["problems"]}
    for path, word in BAD.items():
        if word not in reasons.get(path, ""):
            _fail(f"{path} should be named as a problem mentioning {word!r}: {reasons.get(path)}")

    outputs = []
    for command in ([str(user / "bin" / "kickoff")], [str(user / "bin" / "python"), "-m", "kickoff"]):
        result = subprocess.run(
            [*command, str(bundle), "--json", "-", "-q"], capture_output=True, text=True, check=False
        )
        outputs.append(result.stdout)
    if outputs[0] != outputs[1] or not outputs[0]:
        _fail("`kickoff` and `python -m kickoff` disagree on the same bundle")
    print(
        f"check_install: OK with {python}: {len(read)} documents from {len(GOOD)} good files, {len(BAD)} bad files named"
    )


if __name__ == "__main__":
    main()
