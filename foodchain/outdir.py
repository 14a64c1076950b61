"""Output folders written whole or not at all, never mixed with an earlier run.

:func:`check_out_dir` runs before any long work (``--out`` is a file, lies under a file,
cannot be written, or holds files foodchain did not write: one line, exit 2).
:func:`output_folder` gives a fresh temporary folder beside the target; when the block
ends without error it gains a marker file (:data:`MARKER`) and is renamed into place,
replacing the earlier run's folder (recognised by its marker, which lists the files that
run wrote) as a whole; a folder holding anything else is refused, so nothing a user
put there (a subfolder of other results, notes) is ever deleted. An interrupt
leaves the earlier results untouched and no half-written folder under the target name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from foodchain.messages import msg
from foodchain.safe_read import refuse

MARKER = ".foodchain-output"


def _existing_ancestor(path: Path) -> Path:
    anc = path.absolute()
    while not anc.exists() and anc != anc.parent:
        anc = anc.parent
    return anc


def foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that foodchain's last run there did not write (all of them if it has no marker)."""
    names = {p.name for p in folder.iterdir()}
    marker = folder / MARKER
    written = set(marker.read_text(encoding="utf-8").splitlines()[1:]) if marker.is_file() else set()
    return sorted(names - written - ({MARKER} if marker.is_file() else set()))


def check_out_dir(out: str | Path) -> Path:
    """``out`` as a Path if results can be written there; else raise (exit 2) saying why."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise refuse("out", msg("file.out_is_file", out=str(out)))
    anc = _existing_ancestor(path)
    if not anc.is_dir():
        raise refuse("out", msg("file.out_under_file", out=str(out), ancestor=str(anc)))
    if path.is_dir() and foreign_entries(path):
        raise refuse("out", msg("file.out_foreign", out=str(out)))
    try:
        Path(tempfile.mkdtemp(prefix=".foodchain-probe-", dir=anc)).rmdir()
    except OSError as exc:
        raise refuse("out", msg("file.out_not_writable", ancestor=str(anc), detail=exc.strerror)) from None
    return path


def check_out_file(out: str | Path) -> Path:
    """``out`` as a Path if one file can be written there (not a folder, not under a file); else raise."""
    path = Path(out)
    if path.is_dir():
        raise refuse("out", msg("file.out_is_folder", out=str(out)))
    anc = _existing_ancestor(path.absolute().parent)
    if not anc.is_dir():
        raise refuse("out", msg("file.out_under_file", out=str(out), ancestor=str(anc)))
    return path


@contextmanager
def output_folder(out: str | Path) -> Iterator[Path]:
    """A temporary folder to write results into; renamed to ``out`` when the block succeeds."""
    path = check_out_dir(out)
    path.absolute().parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.absolute().parent))
    try:
        yield tmp
        names = sorted(p.name for p in tmp.iterdir())
        header = "written by foodchain; the next run into this folder replaces these files:"
        (tmp / MARKER).write_text("\n".join([header, *names]) + "\n", encoding="utf-8")
        _replace(tmp, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already after a successful rename


def _replace(tmp: Path, path: Path) -> None:
    """Put ``tmp`` where ``path`` is: two renames, then the old folder is deleted."""
    if not path.exists():
        os.rename(tmp, path)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=tmp.parent))
    os.rename(path, old / "previous")
    os.rename(tmp, path)
    shutil.rmtree(old, ignore_errors=True)
