"""App: hostile uploads are an st.error naming the file and the limit, never a traceback or a hang."""

from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from foodchain.store import Store
from tests.conftest import ROOT
from tests.security.test_bounded_reading import LAUGHS


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    return tmp_path / "app.sqlite"


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=120)
    at.session_state["lang"] = "en"
    return at.run()


def messages(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    assert at.error, "the problem must be shown with st.error"
    return " ".join(" ".join(d.value["message"].astype(str)) for d in at.dataframe if "message" in d.value.columns)


def test_an_xlsx_with_a_far_cell_is_refused_on_the_upload_page(db):
    book = openpyxl.Workbook()
    book.active.title = "demand"
    book.active["A1"] = "node_id"
    book.active["XFD1048576"] = "x"
    buf = io.BytesIO()
    book.save(buf)
    at = page("1_Upload_data.py")
    at.file_uploader(key="upload_file").set_value(("far.xlsx", buf.getvalue(), "application/octet-stream")).run()
    assert "column 16384 (row 1048576); the limit is 200 columns" in messages(at)
    assert len(Store(db).versions()) == 1


def test_a_yaml_scenario_with_aliases_is_refused(db):
    at = page("3_Scenarios.py")
    at.file_uploader(key="scn_file").set_value(("laughs.yaml", LAUGHS.encode(), "application/yaml")).run()
    assert "YAML aliases (*name) are not allowed" in messages(at)


def test_a_scenario_with_a_nan_factor_is_refused(db):
    doc = b'{"name": "x", "horizon_days": 1, "disruptions": [{"type": "node_capacity", "nodes": ["HUB-PORT"], "factor": NaN}]}'
    at = page("3_Scenarios.py")
    at.file_uploader(key="scn_file").set_value(("nan.json", doc, "application/json")).run()
    assert "'nan.json' is not valid JSON: NaN is not a finite number" in messages(at)
