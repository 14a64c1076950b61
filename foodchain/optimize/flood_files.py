"""Which flood files a scenario may name when it comes through the app (confined file access).

In the app a scenario is uploaded by someone else than the server's owner, so a flood's
``"geojson": "..."`` may name only a file uploaded together with the scenario, or one
of the bundled sample flood files, by name. Any other name (an absolute path,
``../../...``, a file elsewhere on the server) is a problem in words that are the same
whether or not such a file exists, so the app cannot be used to probe the server.
Allowed files are read with the usual bounds and inlined as ``features``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from foodchain.errors import InvalidInput, InvalidScenario
from foodchain.messages import msg
from foodchain.model.problems import Problem
from foodchain.optimize.flood_areas import feature_list
from foodchain.safe_read import load_document, parse_json


def bundled_flood_files(folder: Path) -> dict[str, Path]:
    """The sample flood files under ``folder``: by path relative to it (``floods/jan2020.geojson``)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.geojson")) if p.is_file()}


def _lookup(name: str, uploaded: dict[str, bytes], bundled: dict[str, Path]) -> bytes | Path | None:
    """The allowed file ``name`` refers to: an exact name, or an uploaded file's name as the last part."""
    if name in uploaded:
        return uploaded[name]
    if name in bundled:
        return bundled[name]
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or ":" in name:
        return None
    return uploaded.get(parts.name)


def _features(name: str, source: bytes | Path) -> list:
    doc = parse_json(source, name, "flood") if isinstance(source, bytes) else load_document(source, "flood")
    features, problems = feature_list(doc, f"'{name}'")
    if problems:
        raise InvalidInput(problems, "flood file")
    return features


def confine_flood_files(doc: dict, uploaded: dict[str, bytes], bundled: dict[str, Path]) -> dict:
    """``doc`` with each flood's ``geojson`` replaced by the ``features`` of the allowed file it names.

    Raises :class:`~foodchain.errors.InvalidScenario` listing every name that is not an
    uploaded or bundled file (and every allowed file that is not GeoJSON).

    Parameters
    ----------
    doc : dict
        The scenario document as parsed (not yet checked).
    uploaded : dict of str to bytes
        Files uploaded with it, by name.
    bundled : dict of str to Path
        Files shipped with the sample data, by name.

    Returns
    -------
    dict
        A new document; ``doc`` is not changed.

    Raises
    ------
    InvalidScenario
        Listing every name not allowed and every allowed file that is not GeoJSON.
    """
    allowed = sorted(uploaded) + sorted(bundled)
    disruptions, problems = [], []
    items = doc.get("disruptions") if isinstance(doc, dict) else None
    for i, d in enumerate(items if isinstance(items, list) else [], start=1):
        if isinstance(d, dict) and d.get("type") == "flood" and "geojson" in d:
            name = str(d["geojson"])
            source = _lookup(name, uploaded, bundled)
            if source is None:
                problems.append(
                    Problem(
                        "scenario",
                        i,
                        "geojson",
                        msg("flood.not_in_upload", name=name, allowed=", ".join(allowed) or msg("flood.none")),
                    )
                )
                continue
            try:
                features = _features(name, source) + (d["features"] if isinstance(d.get("features"), list) else [])
            except InvalidInput as exc:
                problems += exc.problems
                continue
            d = {k: v for k, v in d.items() if k != "geojson"} | {"features": features}
        disruptions.append(d)
    if problems:
        raise InvalidScenario(problems)
    return doc | {"disruptions": disruptions} if isinstance(items, list) else doc
