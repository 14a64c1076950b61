"""Bounded reading of files and documents a user hands foodchain (every input is hostile until checked).

Three guards, each failing with one :class:`~foodchain.model.problems.Problem` that names
the file and the limit (raised as :class:`~foodchain.errors.InvalidInput`, so the command
line prints one line and exits 2, and the app shows it with ``st.error``):

* **regular files only**: a folder, a device such as ``/dev/zero`` or a named pipe is
  refused before a byte is read (the file is opened non-blocking, then checked with
  ``fstat``), and at most ``limit + 1`` bytes are ever read;
* **documents (JSON, YAML) bounded**: at most :data:`MAX_DOC_BYTES`, nested at most
  :data:`MAX_DEPTH` deep, YAML without aliases (``&a`` / ``*a`` expand exponentially:
  a 700-byte "billion laughs" becomes gigabytes);
* **finite numbers only**: ``NaN``, ``Infinity`` and numbers too large for a float
  (``1e400``) are refused, with the place in the document (``disruptions[2].factor``).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from pathlib import Path

import numpy as np
import yaml

from foodchain.errors import InvalidInput
from foodchain.messages import msg, num
from foodchain.model.problems import Problem

MB = 1_000_000
MAX_DOC_BYTES = 20 * MB  # a scenario, spec, lever list or GeoJSON, in a file or inline
MAX_DEPTH = 64  # GeoJSON MultiPolygons need 6; scenarios 4
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def refuse(table: str, message: str, column: str | None = None, row: int | None = None) -> InvalidInput:
    """The error for one problem with an input (raise it).

    Parameters
    ----------
    table : str
        The table or kind of input.
    message : str
        What is wrong.
    column : str, optional
        The column, if one.
    row : int, optional
        The row, if one.

    Returns
    -------
    InvalidInput
    """
    return InvalidInput([Problem(table, row, column, message)], table)


def read_regular_file(path: str | Path, limit: int, table: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; else raise.

    A missing file, a folder, a device and a pipe each get their own words (on the
    command line the user owns the machine, so naming what is there reveals nothing).

    Parameters
    ----------
    path : str or Path
        The file; it is opened once, without following it into a pipe or device.
    limit : int
        Most bytes allowed.
    table : str
        The table or kind of input the problem names.

    Returns
    -------
    bytes

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise refuse(table, msg("file.not_found", path=str(path))) from None
    except IsADirectoryError:
        raise refuse(table, msg("file.is_folder", path=str(path))) from None
    except OSError as exc:
        raise refuse(table, msg("file.cannot_open", path=str(path), detail=exc.strerror)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        what = "file.folder_give_file" if stat.S_ISDIR(info.st_mode) else "file.not_regular"
        raise refuse(table, msg(what, path=str(path)))
    if info.st_size > limit:
        os.close(fd)
        raise refuse(table, msg("file.too_big", path=str(path), size=num(info.st_size / MB, 1), limit=num(limit / MB)))
    with os.fdopen(fd, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:  # the file grew while we read it
        raise refuse(table, msg("file.grew", path=str(path), limit=num(limit / MB)))
    return data


def check_size(data: bytes, name: str, table: str, limit: int = MAX_DOC_BYTES) -> None:
    """Raise when an upload (or inline document) is larger than ``limit`` bytes.

    Parameters
    ----------
    data : bytes
        The content.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).
    limit : int, default MAX_DOC_BYTES
        Most bytes allowed (20 MB).

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    if len(data) > limit:
        raise refuse(table, msg("file.too_big", path=name, size=num(len(data) / MB, 1), limit=num(limit / MB)))


def decode_utf8(data: bytes, name: str, table: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); other encodings are refused in words.

    Parameters
    ----------
    data : bytes
        The content.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).

    Returns
    -------
    str

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(table, msg("file.not_utf8", name=name, byte=exc.start + 1)) from None


_DEPTH_STEP = np.zeros(256, dtype=np.int32)
_DEPTH_STEP[[ord("["), ord("{")]], _DEPTH_STEP[[ord("]"), ord("}")]] = 1, -1
# Outside strings, JSON gives an infinite float only for a huge exponent or 300+ digits.
_MAY_OVERFLOW = re.compile(rb"[eE]\+?0*[1-9]\d{2}|\d{300}")


def json_depth(data: bytes) -> int:
    """How deeply ``[`` and ``{`` nest in a JSON text (brackets inside strings do not count).

    Vectorised, so a 20 MB GeoJSON takes a fraction of a second: strings are blanked
    out, then depth = running sum of (+1 for ``[{``, -1 for ``]}``).
    """
    return _depth_of(_STRING.sub(b'""', data))


def _depth_of(stripped: bytes) -> int:
    steps = _DEPTH_STEP[np.frombuffer(stripped, dtype=np.uint8)]
    return int(np.cumsum(steps).max(initial=0))


class _NotFinite(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity`` in a JSON text (refused while parsing)."""


def _refuse_constant(value: str) -> None:
    raise _NotFinite(value)


JSON_PROBLEMS = {  # the json module's own words, as message ids
    "Expecting value": "file.json.expecting_value",
    "Expecting property name enclosed in double quotes": "file.json.expecting_name",
    "Expecting ':' delimiter": "file.json.expecting_colon",
    "Expecting ',' delimiter": "file.json.expecting_comma",
    "Extra data": "file.json.extra_data",
    "Unterminated string starting at": "file.json.unterminated_string",
    "Invalid control character at": "file.json.control_character",
    "Invalid \\escape": "file.json.bad_escape",
    "Illegal trailing comma before end of object": "file.json.trailing_comma",
}


def _json_detail(exc: ValueError) -> str:
    """Why JSON could not be read, as a message where the json module's words are known."""
    if isinstance(exc, _NotFinite):
        return msg("file.json_not_finite", value=exc.args[0])
    if isinstance(exc, json.JSONDecodeError):
        problem = msg(JSON_PROBLEMS[exc.msg]) if exc.msg in JSON_PROBLEMS else exc.msg
        return msg("file.json_at", problem=problem, line=exc.lineno, column=exc.colno, pos=exc.pos)
    return str(exc).splitlines()[0][:120]


def parse_json(data: bytes, name: str, table: str, limit: int = MAX_DOC_BYTES) -> object:
    """A JSON document, bounded in size and depth, with finite numbers only.

    Parameters
    ----------
    data : bytes
        The content.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).
    limit : int, default MAX_DOC_BYTES
        Most bytes allowed (20 MB).

    Returns
    -------
    object
        The parsed document, nested at most :data:`MAX_DEPTH` deep.

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    check_size(data, name, table, limit)
    stripped = _STRING.sub(b'""', data)
    depth = _depth_of(stripped)
    if depth > MAX_DEPTH:
        raise refuse(table, msg("file.too_deep", name=name, depth=depth, limit=MAX_DEPTH))
    try:
        doc = json.loads(decode_utf8(data, name, table), parse_constant=_refuse_constant)
    except ValueError as exc:  # JSONDecodeError is a ValueError, and so is a refused constant
        raise refuse(table, msg("file.bad_json", name=name, detail=_json_detail(exc))) from None
    if _MAY_OVERFLOW.search(stripped):  # NaN and Infinity were refused while parsing
        check_finite(doc, name, table)
    return doc


YAML_PROBLEMS = {  # PyYAML's own words, as message ids
    "mapping values are not allowed here": "file.yaml.mapping_here",
    "found character '\\t' that cannot start any token": "file.yaml.tab",
    "found unexpected end of stream": "file.yaml.end_of_stream",
}
_YAML_EXPECTED = re.compile(r"expected (?P<expected>.+), but (?:found|got) (?P<found>.+)")


def _yaml_problem(name: str, exc: yaml.MarkedYAMLError) -> str:
    """``'x.yaml' is not valid YAML: line 2, column 3: ...``, PyYAML's words translated where known."""
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "").strip()
    expected = _YAML_EXPECTED.fullmatch(problem)
    if problem in YAML_PROBLEMS:
        problem = msg(YAML_PROBLEMS[problem])
    elif expected:
        wanted = expected["expected"].split(" or ", 1)
        wanted = msg("file.yaml.either", first=wanted[0], second=wanted[1]) if len(wanted) == 2 else wanted[0]
        problem = msg("file.yaml.expected", expected=wanted, found=expected["found"])
    if mark is None:
        return msg("file.bad_yaml", name=name, detail=problem)
    return msg("file.bad_yaml_at", name=name, line=mark.line + 1, column=mark.column + 1, problem=problem)


class _AliasRefused(yaml.YAMLError):
    """A YAML alias (``*name``) at ``line``: refused, so that nothing expands."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: YAML aliases (*name) are not allowed")
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses aliases (``*name``), so nothing expands."""

    def compose_node(self, parent, index):  # PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _AliasRefused(mark.line + 1)
        return super().compose_node(parent, index)


def parse_yaml(data: bytes, name: str, table: str, limit: int = MAX_DOC_BYTES) -> object:
    """A YAML document, bounded in size and depth, without aliases, with finite numbers only.

    Parameters
    ----------
    data : bytes
        The content.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).
    limit : int, default MAX_DOC_BYTES
        Most bytes allowed (20 MB).

    Returns
    -------
    object
        The parsed document, nested at most :data:`MAX_DEPTH` deep.

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    check_size(data, name, table, limit)
    text = decode_utf8(data, name, table)
    try:
        doc = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 -- a SafeLoader subclass
    except RecursionError:
        raise refuse(table, msg("file.too_deep_yaml", name=name, limit=MAX_DEPTH)) from None
    except _AliasRefused as exc:
        raise refuse(table, msg("file.yaml_alias", name=name, line=exc.line)) from None
    except yaml.MarkedYAMLError as exc:
        raise refuse(table, _yaml_problem(name, exc)) from None
    except yaml.YAMLError as exc:
        detail = str(exc).replace("\n", " ")[:160]
        raise refuse(table, msg("file.bad_yaml", name=name, detail=detail)) from None
    depth = doc_depth(doc)
    if depth > MAX_DEPTH:
        raise refuse(table, msg("file.too_deep", name=name, depth=depth, limit=MAX_DEPTH))
    check_finite(doc, name, table)
    return doc


def parse_document(data: bytes, name: str, table: str, limit: int = MAX_DOC_BYTES) -> object:
    """JSON, or YAML when ``name`` ends in ``.yaml``/``.yml``; see :func:`parse_json`.

    Parameters
    ----------
    data : bytes
        The content.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).
    limit : int, default MAX_DOC_BYTES
        Most bytes allowed (20 MB).

    Returns
    -------
    object

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    if name.lower().endswith((".yaml", ".yml")):
        return parse_yaml(data, name, table, limit)
    return parse_json(data, name, table, limit)


def load_document(path: str | Path, table: str, limit: int = MAX_DOC_BYTES) -> object:
    """Read and parse a JSON/YAML file (a regular file of at most ``limit`` bytes).

    Parameters
    ----------
    path : str or Path
        The file.
    table : str
        The table or kind of input the problem names.
    limit : int, default MAX_DOC_BYTES
        Most bytes allowed (20 MB).

    Returns
    -------
    object

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    return parse_document(read_regular_file(path, limit, table), Path(path).name, table, limit)


def doc_depth(doc: object) -> int:
    """How deeply lists and objects nest in a parsed document (iterative: no recursion)."""
    deepest, stack = 0, [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            deepest = max(deepest, depth + 1)
            if depth + 1 <= MAX_DEPTH:
                stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return deepest


def _any_non_finite(doc: object) -> bool:
    stack = [doc]
    while stack:
        value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return True
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def non_finite(doc: object) -> list[str]:
    """Places (``disruptions[2].factor``) where a parsed document holds NaN or +-infinity."""
    if not _any_non_finite(doc):  # the usual case, without building a path for every value
        return []
    found, stack = [], [(doc, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            found.append(where or msg("file.whole_document"))
        elif isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value, start=1))
    return sorted(found)


def check_finite(doc: object, name: str, table: str) -> None:
    """Raise when any number in ``doc`` is NaN or infinite (listing up to five places).

    Parameters
    ----------
    doc : object
        A parsed document.
    name : str
        How messages name the file or upload.
    table : str
        The table or kind of input the problem names (``scenario``, ``levers``, ...).

    Raises
    ------
    InvalidInput
        With the one problem, in words.
    """
    places = non_finite(doc)
    if places:
        shown = ", ".join(places[:5])
        if len(places) > 5:
            shown = msg("file.and_more", places=shown, count=len(places) - 5)
        raise refuse(table, msg("file.not_finite", name=name, places=shown))
