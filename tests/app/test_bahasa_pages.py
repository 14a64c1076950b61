"""Every page, rendered in Bahasa Indonesia on the bundled Jakarta data after a scenario run,
shows no English words from a small denylist (place, corridor, region, commodity and scenario
names are data and allowed); and every UI text has both languages with the same placeholders."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from foodchain.model.schema import TABLES
from foodchain.store import Store
from foodchain_app.i18n import COLUMNS, LANGUAGES, TEXT
from tests.app.test_pages import PAGES as APP_PAGES
from tests.conftest import ROOT
from tests.test_messages import _placeholders

PAGES = [*APP_PAGES, "pages/7_Accounts.py"]
SCENARIO = "Tol Jakarta-Cikampek ditutup 3 hari"  # saved sample scenarios of the Jakarta data
FLOOD = "Banjir Tahun Baru 2020"
# English a Bahasa reader must never meet; matched as whole words (case-insensitive except None)
DENYLIST = [
    "is not",
    "missing",
    "did you mean",
    "unknown",
    "shortfall",
    "route",
    "routes",
    "error",
    "warning",
    "nan",
    "the",
    "of",
    "demand",
    "supply",
    "unmet",
    "day",
    "days",
    "closed",
    "source",
    "market",
    "corridor",
    "close_corridor",
    "demand_surge",
    "add_route_capacity",
    "reopen",
    "infeasible",
    "solved",
    "activate",
    "sample",
    "added",
    "removed",
]
CASE_SENSITIVE = ["None"]
MAP_TEXT = ("tip", "label", "capacity", "text", "name")  # the text fields of the map layers' rows
# Tables that quote the literal words a file must hold, told by their columns: the
# template help lists the values of `kind` (source, hub, market) as a file spells them. The row
# editor (Upload data) shows the data as its files hold it, ids and blanks included, and is not checked.
TABLES_OF_OTHERS: list[set[str]] = [{"column", "required", "meaning"}]


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_ui_text_has_both_languages_with_the_same_placeholders(key):
    entry = TEXT[key]
    assert set(entry) == set(LANGUAGES), f"{key} has {sorted(entry)}"
    assert all(entry[lang].strip() for lang in LANGUAGES), f"{key} has an empty text"
    assert _placeholders(entry["id"]) == _placeholders(entry["en"]), key


def test_every_column_header_has_both_languages():
    blank = [column for column, pair in COLUMNS.items() if len(pair) != 2 or not all(p.strip() for p in pair)]
    assert not blank, blank


def test_the_placeholder_check_can_fail():
    assert _placeholders("{n} hari") != _placeholders("{count} days")


def english_words(text: str) -> list[str]:
    """The denylisted words in ``text``."""
    found = [w for w in DENYLIST if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)]
    return found + [w for w in CASE_SENSITIVE if re.search(rf"\b{w}\b", text)]


def test_the_denylist_finds_english_and_spares_bahasa():
    assert english_words("column 'x' is not known (did you mean 'y'?)") == ["is not", "did you mean"]
    assert english_words("Kekurangan: None") == ["None"]
    assert english_words("Kekurangan pangan di Pasar Induk; rute ditutup 3 hari, nanti") == []


def _frame_texts(element) -> list[str]:
    """Headers and shown cells of an ``st.dataframe`` (the Styler's display values when it has them)."""
    arrow = element.proto.arrow_data
    frame = convert_arrow_bytes_to_pandas_df(arrow.styler.display_values if arrow.styler.display_values else arrow.data)
    config = json.loads(element.proto.columns or "{}")
    headers = [str(config.get(str(c), {}).get("label", c)) for c in frame.columns]
    return headers + [str(v) for v in frame.astype(str).to_numpy().ravel()]


def _of_others(element) -> bool:
    columns = set(convert_arrow_bytes_to_pandas_df(element.proto.arrow_data.data).columns)
    return any(spec <= columns for spec in TABLES_OF_OTHERS)


def page_texts(at: AppTest) -> list[str]:
    """Every text a reader sees on the page: titles, text, alerts, widget labels, options, help, tables."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [f"{m.label} {m.value} {m.help or ''}" for m in at.metric]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            out += [w.label, w.help or "", *map(str, w.options)]
    for kind in ("button", "text_input", "number_input", "toggle", "slider", "date_input", "checkbox"):
        out += [f"{w.label} {getattr(w, 'help', '') or ''}" for w in getattr(at, kind)]
    out += [e.label for e in at.tabs] + [e.label for e in at.expander] + [e.label for e in at.get("page_link")]
    out += [_frame_texts(e) for e in at.dataframe if e.editing_mode == "read_only" and not _of_others(e)]
    for deck in at.get("deck_gl_json_chart"):  # map tooltips and labels
        spec = json.loads(deck.proto.json)
        out.append(str(spec.get("tooltip", "")))
        for layer in spec.get("layers", []):
            data = layer.get("data") if isinstance(layer.get("data"), list) else []
            out += [str(row.get(k, "")) for row in data if isinstance(row, dict) for k in MAP_TEXT]
    for chart in at.get("arrow_vega_lite_chart"):  # axis, legend and tooltip titles
        out += re.findall(r'"title": ?"([^"]*)"', chart.proto.spec)
    return [text if isinstance(text, str) else " ".join(text) for text in out]


def proper_names(store: Store) -> list[str]:
    """Names in the data, which stay as the data gives them: places, corridors, regions, commodities,
    scenarios, and the notes people wrote on their versions."""
    dataset = store.load_version(store.active_version())
    names = [*dataset.nodes["name"], *dataset.nodes["region"], *dataset.routes["corridor"]]
    names += [*dataset.commodities.get("name", []), *store.scenarios()["name"]]
    names += [f"{table}.csv" for table in TABLES] + list(TABLES)  # table names are ids, as in every problem line
    names += list(store.versions()["note"])  # what the uploader wrote (the seeded sample's note included)
    return sorted({str(n) for n in names if str(n).strip()}, key=len, reverse=True)


def without(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


@pytest.fixture(scope="module")
def jakarta_db(tmp_path_factory):
    """A store seeded with the Jakarta sample (shared by this module's tests: seeding solves a baseline)."""
    path = tmp_path_factory.mktemp("bahasa") / "app.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOODCHAIN_DB", str(path))
        mp.setenv("FOODCHAIN_SAMPLE", "jakarta")
        yield path


def _run(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=300)
    at.session_state["lang"] = "id"
    return at.run()


def test_every_page_in_bahasa_has_no_english_after_a_scenario_run(jakarta_db):
    at = _run("pages/3_Scenarios.py")
    at.selectbox(key="scn_saved").set_value(SCENARIO).run()
    at.button(key="scn_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe, "the run shows who is short"
    seen = {"pages/3_Scenarios.py": page_texts(at)}
    at.selectbox(key="scn_saved").set_value(FLOOD).run()  # the flood overlay, shown before solving
    assert not at.exception and at.subheader, "the flood overlay is shown"
    seen["pages/3_Scenarios.py (flood)"] = page_texts(at)
    for page in PAGES:
        if page != "pages/3_Scenarios.py":
            shown = _run(page)
            assert not shown.exception, (page, [e.value for e in shown.exception])
            seen[page] = page_texts(shown)
    crit = _run("pages/5_Criticality.py")
    crit.selectbox(key="crit_scenario").set_value(SCENARIO).run()
    crit.button(key="crit_run").click().run()
    crit.button(key="crit_levers_run").click().run()
    assert not crit.exception and len(crit.dataframe) == 2, "the ranking and the levers are shown"
    seen["pages/5_Criticality.py (ranked, levers)"] = page_texts(crit)
    names = proper_names(Store(jakarta_db))
    english = {
        page: hits
        for page, texts in seen.items()
        if (hits := sorted({(w, t[:120]) for t in texts for w in english_words(without(t, names))}))
    }
    assert not english, json.dumps(english, ensure_ascii=False, indent=1)


def test_a_bad_upload_lists_its_problems_in_bahasa(tmp_path, monkeypatch):
    """Headers and severity in Bahasa; the message is the library's, rendered in the sidebar language."""
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "app.sqlite"))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    at = _run("pages/1_Upload_data.py")
    bad = b"route_id,origin,destination,capacity_t_per_day\nR1,NOWHERE,MKT-NORTH,-5\n"
    at.file_uploader(key="upload_file").set_value(("routes.csv", bad, "text/csv")).run()
    assert not at.exception and at.error
    shown = _frame_texts(at.dataframe[0])
    assert shown[:5] == ["Tingkat", "Tabel", "Baris", "Kolom", "Pesan"]
    assert shown[5:9] == ["galat", "routes", "2", "capacity_t_per_day"]  # table, row and column stay as in the file
