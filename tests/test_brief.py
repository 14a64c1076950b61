"""The policy brief: a PDF of one or two A4 pages holding the scenario's total shortfall and the headings."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from foodchain import fmt
from foodchain.brief_text import TEXT, describe
from foodchain.cli import main
from tests.conftest import ROOT, SCENARIOS, TINY

JAKARTA = ROOT / "sample_data" / "jakarta"
A4_PT = (595.3, 841.9)


def _pdf_text(path) -> tuple[int, str, tuple[float, float]]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    box = reader.pages[0].mediabox
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split()), (float(box.width), float(box.height))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_brief_has_one_or_two_a4_pages_with_the_total_shortfall_and_headings(tmp_path, lang):
    out, run = tmp_path / f"brief_{lang}.pdf", tmp_path / "run"
    scenario = SCENARIOS / "jan2020_flood.json"
    assert main(["brief", str(JAKARTA), "--scenario", str(scenario), "--lang", lang, "--out", str(out)]) == 0
    assert main(["solve", str(JAKARTA), "--scenario", str(scenario), "--out", str(run)]) == 0
    summary = json.loads((run / "summary.json").read_text())
    pages, text, size = _pdf_text(out)
    assert 1 <= pages <= 2 and size == pytest.approx(A4_PT, abs=1)
    for key in ("total_shortfall_t", "total_demand_t"):  # the study area's figures, as summary.json gives them
        assert fmt.tonnes(summary[key], lang) in text, key  # separators as the language writes them
    i = 0 if lang == "id" else 1
    for key in ("title", "what_happens", "headline", "map", "worst", "levers", "about"):
        assert TEXT[key][i] in text, key
    assert ("Rab, 1 Jan 2020" if lang == "id" else "Wed, 1 Jan 2020") in text  # the scenario's start_date
    assert TEXT["foresight"][i].split(":")[0] in text


def test_the_bahasa_brief_writes_numbers_the_indonesian_way(tmp_path):
    out = tmp_path / "b.pdf"
    assert main(["brief", str(JAKARTA), "--scenario", str(SCENARIOS / "jan2020_flood.json"), "--out", str(out)]) == 0
    _, text, _ = _pdf_text(out)
    assert "Kekurangan total" in text and "16.650 t" in text  # study-area demand over 5 days, thousands with a dot
    assert "22.468 t" not in text  # not with the Bodetabek buyers' demand (external) added


def test_top_three_levers_appear_when_mitigation_was_run(tmp_path):
    mit = tmp_path / "mit"
    mit.mkdir()
    (mit / "mitigation.csv").write_text(
        "lever,type,target,shortfall_removed_t,rank_shortfall\n"
        "L1,route_capacity,Tol Barat,12.5,2\nL2,stock,PIBC,40.0,1\nL3,supply,X,1.0,3\nL4,supply,Y,0.5,4\n"
    )
    out = tmp_path / "b.pdf"
    args = ["brief", str(TINY), "--scenario", str(SCENARIOS / "tiny_west_toll_closed.json"), "--lang", "en"]
    assert main([*args, "--out", str(out), "--mitigation", str(mit)]) == 0
    _, text, _ = _pdf_text(out)
    assert "L2 · PIBC" in text and "L1 · Tol Barat" in text and "L3" in text and "L4" not in text
    assert text.index("L2") < text.index("L1")  # best first


def test_a_disruption_reads_as_a_sentence_with_dates():
    d = {"type": "close_corridor", "corridor": "Tol Jakarta-Cikampek", "start_day": 1, "end_day": 2}
    assert (
        describe(d, {}, 5, "2020-01-01", "id")
        == "Koridor ditutup: Tol Jakarta-Cikampek; Rab, 1 Jan 2020 s.d. Kam, 2 Jan 2020."
    )
    assert describe(d, {}, 5, None, "en") == "Corridors closed: Tol Jakarta-Cikampek; day 1 to day 2."
    hub = {"type": "close_node", "nodes": ["HUB-PIBC"]}
    assert describe(hub, {"HUB-PIBC": "Pasar Induk Beras Cipinang"}, 3, None, "en").startswith(
        "Places closed: Pasar Induk Beras Cipinang; for the whole scenario"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_rolling_horizon_brief_says_it_is_approximate(tmp_path, monkeypatch, lang):
    """When ``auto`` rolls (here: windows of 2 days and no size floor, so tiny's 4 days roll) the brief
    says the plan is an approximation; an exact brief does not."""
    import foodchain.optimize.rolling as rolling

    doc = json.loads((SCENARIOS / "tiny_west_toll_closed.json").read_text()) | {"horizon_days": 4}
    scenario = tmp_path / "four_days.json"
    scenario.write_text(json.dumps(doc))
    first_words = TEXT["rolling"][0 if lang == "id" else 1].split(":")[0]
    exact = tmp_path / "exact.pdf"
    assert main(["brief", str(TINY), "--scenario", str(scenario), "--lang", lang, "--out", str(exact)]) == 0
    assert first_words + ":" not in _pdf_text(exact)[1]
    monkeypatch.setattr(rolling, "WINDOW_DAYS", 2)
    monkeypatch.setattr(rolling, "KEPT_DAYS", 1)
    monkeypatch.setattr(rolling, "ROLLING_ABOVE_COLUMNS", 0)
    out = tmp_path / "rolling.pdf"
    assert main(["brief", str(TINY), "--scenario", str(scenario), "--lang", lang, "--out", str(out)]) == 0
    text = _pdf_text(out)[1]
    assert first_words + ": " + ("4 hari" if lang == "id" else "the 4 days") in text
