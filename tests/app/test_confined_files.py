"""App: a scenario may name only files uploaded with it or bundled sample files, by name.

Any other path is refused with the same words whether or not the file exists, so the
Scenarios page cannot be used to read or probe the server's files.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, TINY


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    return tmp_path


def north_flood() -> dict:
    """A small square around MKT-NORTH of the tiny sample."""
    nodes = pd.read_csv(TINY / "nodes.csv").set_index("node_id")
    lon, lat = nodes.loc["MKT-NORTH", ["lon", "lat"]]
    ring = [[lon - 0.01, lat - 0.01], [lon + 0.01, lat - 0.01], [lon + 0.01, lat + 0.01], [lon - 0.01, lat - 0.01]]
    feature = {
        "type": "Feature",
        "properties": {"name": "north"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    return {"type": "FeatureCollection", "features": [feature]}


def scenario_naming(name: str) -> bytes:
    return json.dumps({"name": "p", "horizon_days": 1, "disruptions": [{"type": "flood", "geojson": name}]}).encode()


def upload(db, name: str, flood_files: list | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/3_Scenarios.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.file_uploader(key="scn_file").set_value(("p.json", scenario_naming(name), "application/json"))
    if flood_files:
        at.file_uploader(key="scn_flood_files").set_value(flood_files)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def refusal(at: AppTest, name: str) -> str:
    """The one problem shown, with the file's name taken out (what is left must not depend on the file)."""
    assert at.error, "the outside file must be refused"
    messages = at.dataframe[0].value["message"].tolist()
    assert len(messages) == 1, messages
    assert not at.json, "nothing of the scenario is shown once it is refused"
    return messages[0].replace(name, "NAME")


def test_outside_files_are_refused_in_the_same_words_existing_or_missing(db):
    existing = db / "secret.geojson"
    existing.write_text(json.dumps(north_flood()))
    missing = db / "missing.geojson"
    words = {refusal(upload(db, str(p)), str(p)) for p in (existing, missing)}
    words |= {refusal(upload(db, "../../" + p.name), "../../" + p.name) for p in (existing, missing)}
    assert len(words) == 1, words
    assert "is not one of the files uploaded with the scenario or the bundled sample files" in words.pop()


def test_a_file_uploaded_with_the_scenario_is_read(db):
    data = json.dumps(north_flood()).encode()
    at = upload(db, "north.geojson", [("north.geojson", data, "application/geo+json")])
    assert not at.error, [e.value for e in at.error]
    assert at.dataframe[0].value["what"].tolist() == ["1 flood polygons"]  # read and inlined
    overlay = at.dataframe[1].value
    assert "MKT-NORTH" in set(overlay.astype(str).to_numpy().ravel())


def test_an_uploaded_flood_file_too_deep_is_an_error_not_a_traceback(db):
    deep = b"[" * 100_000 + b"]" * 100_000
    at = upload(db, "deep.geojson", [("deep.geojson", deep, "application/geo+json")])
    assert at.error
    messages = " ".join(at.dataframe[0].value["message"])
    assert "nested 100000 levels deep; the limit is 64" in messages
