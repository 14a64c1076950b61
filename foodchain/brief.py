"""The policy brief: one or two A4 pages (PDF) on one scenario run, in Bahasa Indonesia or English.

Contents: title; the scenario in words (what closes, where, when); headline figures (shortfall in t
and % per commodity, people affected); the shortfall map by zone (the main area, other areas such as
Kepulauan Seribu in an inset); the ten worst zones; the three levers that help most when mitigation
was run; data version, date made (WIB) and the perfect-foresight note.

Drawn with reportlab (vector map, embedded DejaVu Sans from Debian's ``fonts-dejavu-core`` when
present, else reportlab's own Vera): no network at render time.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import shapely
from reportlab.graphics.shapes import Circle, Drawing, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from foodchain import fmt
from foodchain.boundaries import MapLayers
from foodchain.brief_text import describe, words
from foodchain.model.dataset import Dataset
from foodchain.optimize.results import SolveResult
from foodchain.optimize.rolling import MEASURED_GAP_PERCENT
from foodchain.zonemap import CLASSES, NO_DEMAND, areas, class_entry, outlying, zone_figures

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
MAP_W, MAP_H = 174 * mm, 105 * mm


@dataclass
class BriefInput:
    """What a brief is made of. ``levers``: the mitigation table (``foodchain mitigate``), if run."""

    dataset: Dataset
    result: SolveResult
    scenario: dict
    shapes: pd.DataFrame
    layers: MapLayers
    data_label: str
    levers: pd.DataFrame | None = None


def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans when installed, else reportlab's Vera (Latin-1 only)."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
                pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=16, leading=19, spaceAfter=2),
        "sub": ParagraphStyle("sub", fontName=regular, fontSize=9.5, leading=12, textColor=colors.HexColor("#444444")),
        "h": ParagraphStyle("h", fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=2),
        "p": ParagraphStyle("p", fontName=regular, fontSize=9, leading=11.5),
        "small": ParagraphStyle(
            "small", fontName=regular, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")
        ),
    }


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: list[list[str]], widths: list[float], numeric_from: int = 1) -> Table:
    regular, bold = fonts()
    head = ParagraphStyle("head", fontName=bold, fontSize=8.5, leading=10)
    head_right = ParagraphStyle("head_right", parent=head, alignment=2)
    rows = [[Paragraph(_esc(c), head_right if i >= numeric_from else head) for i, c in enumerate(rows[0])], *rows[1:]]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 8.5),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f3f3")]),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def headline_rows(dataset: Dataset, result: SolveResult, lang: str) -> list[list[str]]:
    """Per commodity: demand, shortfall (t) and share unmet, plus a total row.

    Parameters
    ----------
    dataset : Dataset
        The network (commodity names).
    result : SolveResult
        The solve; study-area demand rows only.
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    list of list of str
        A header row, then one row each, numbers formatted.
    """
    names = dict(
        zip(dataset.commodities["commodity"], dataset.commodities.get("name", dataset.commodities["commodity"]))
    )
    g = result.study_shortfall().groupby("commodity", sort=True)[["demand_t", "shortfall_t"]].sum()
    rows = [[words(k, lang) for k in ("commodity", "demand", "shortfall", "unmet")]]
    for commodity, r in g.iterrows():
        share = r["shortfall_t"] / r["demand_t"] if r["demand_t"] > 0 else 0.0
        label = names.get(commodity) or commodity
        rows.append(
            [str(label), fmt.tonnes(r["demand_t"], lang), fmt.tonnes(r["shortfall_t"], lang), fmt.percent(share, lang)]
        )
    total_d, total_s = g["demand_t"].sum(), g["shortfall_t"].sum()
    rows.append(
        [
            words("total", lang),
            fmt.tonnes(total_d, lang),
            fmt.tonnes(total_s, lang),
            fmt.percent(total_s / max(total_d, 1e-9), lang),
        ]
    )
    return rows


def worst_rows(figures: pd.DataFrame, lang: str) -> list[list[str]]:
    """The ten zones with the largest share unmet (then tonnes).

    Parameters
    ----------
    figures : pandas.DataFrame
        Per zone: name, region or kota, shortfall_t, share_unmet, people_affected.
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    list of list of str
        A header row, then one row each, numbers formatted.
    """
    top = figures[figures["shortfall_t"] > 1e-6].sort_values(["share_unmet", "shortfall_t"], ascending=False).head(10)
    region = "kota" if "kota" in top else "region"
    rows = [[words(k, lang) for k in ("kecamatan", "kota", "shortfall", "unmet", "people")]]
    for r in top.itertuples(index=False):
        rows.append(
            [
                str(r.name),
                str(getattr(r, region, "") or ""),
                fmt.tonnes(r.shortfall_t, lang),
                fmt.percent(r.share_unmet, lang),
                fmt.number(r.people_affected, lang),
            ]
        )
    return rows


def _project(lon: float, lat: float, box: tuple, frame: tuple) -> tuple[float, float]:
    """lon/lat to drawing points: ``box`` = (lon0, lat0, lon1, lat1), ``frame`` = (x, y, w, h, scale)."""
    x, y, _, _, scale = frame
    k = math.cos(math.radians((box[1] + box[3]) / 2))
    return x + (lon - box[0]) * k * scale, y + (lat - box[1]) * scale


def _fit(box: tuple, x: float, y: float, w: float, h: float) -> tuple:
    """The frame that fits ``box`` into the rectangle, centred."""
    k = math.cos(math.radians((box[1] + box[3]) / 2))
    width, height = max((box[2] - box[0]) * k, 1e-9), max(box[3] - box[1], 1e-9)
    scale = min(w / width, h / height)
    return (x + (w - width * scale) / 2, y + (h - height * scale) / 2, w, h, scale)


def _rings(geom) -> list:
    parts = geom.geoms if hasattr(geom, "geoms") else [geom]
    return [list(p.exterior.coords) for p in parts if p.geom_type == "Polygon"]


def _draw_geoms(d: Drawing, geoms, box, frame, fill, stroke, width: float = 0.3) -> None:
    for geom in geoms:
        for ring in _rings(geom):
            pts = [c for lon, lat in ring for c in _project(lon, lat, box, frame)]
            d.add(Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=width))


def _draw_area(
    d: Drawing, figures: pd.DataFrame, layers: MapLayers, frame_box: tuple, labels: bool, dots: bool = False
) -> None:
    """Sea, land, zones by class, kota outlines and zone names; ``dots`` marks each polygon part with
    a dot of its class colour (for islands too small to see at the inset's scale)."""
    regular, _ = fonts()
    x, y, w, h = frame_box
    lon0, lat0, lon1, lat1 = _bounds(figures)
    pad = 0.04 * max(lon1 - lon0, lat1 - lat0, 0.02)
    box = (lon0 - pad, lat0 - pad, lon1 + pad, lat1 + pad)
    frame = _fit(box, x, y, w, h)
    d.add(Rect(x, y, w, h, fillColor=colors.HexColor("#c8def0"), strokeColor=None))
    window = shapely.box(*box)
    land = [g.intersection(window) for g in layers.kota["geometry"] if g.intersects(window)] if len(layers.kota) else []
    _draw_geoms(d, land, box, frame, colors.HexColor("#faf9f4"), None)
    for geom, cls in zip(figures["geometry"], figures["class"], strict=True):
        rgb = class_entry(int(cls))[1]
        _draw_geoms(d, [geom], box, frame, colors.Color(*(c / 255 for c in rgb)), colors.HexColor("#6e6e6e"), 0.3)
    for geom in land:
        for ring in _rings(geom):
            d.add(
                PolyLine(
                    [c for lon, lat in ring for c in _project(lon, lat, box, frame)],
                    strokeColor=colors.HexColor("#333333"),
                    strokeWidth=0.9,
                )
            )
    if dots:
        for geom, cls in zip(figures["geometry"], figures["class"], strict=True):
            rgb = class_entry(int(cls))[1]
            for part in getattr(geom, "geoms", [geom]):
                px, py = _project(part.centroid.x, part.centroid.y, box, frame)
                d.add(
                    Circle(
                        px,
                        py,
                        1.3 * mm,
                        fillColor=colors.Color(*(c / 255 for c in rgb)),
                        strokeColor=colors.HexColor("#333333"),
                        strokeWidth=0.4,
                    )
                )
    if labels:
        for geom, name in zip(figures["geometry"], figures["name"], strict=True):
            p = geom.representative_point()
            px, py = _project(p.x, p.y, box, frame)
            d.add(
                String(
                    px,
                    py - 2,
                    str(name),
                    fontName=regular,
                    fontSize=4.6,
                    textAnchor="middle",
                    fillColor=colors.HexColor("#111111"),
                )
            )


def _bounds(frame: pd.DataFrame) -> tuple[float, float, float, float]:
    return tuple(float(v) for v in shapely.total_bounds(list(frame["geometry"])))


def map_drawing(figures: pd.DataFrame, layers: MapLayers, lang: str) -> Drawing:
    """The main area of zones full size, other areas (islands, far suburbs) in insets at the top left,
    then a legend of the classes along the bottom.

    Parameters
    ----------
    figures : pandas.DataFrame
        Per zone figures with shapes.
    layers : MapLayers
        The zone, kota and sea shapes drawn in the main area.
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    Drawing
        Nothing drawn when ``figures`` is empty.
    """
    regular, bold = fonts()
    d = Drawing(MAP_W, MAP_H)
    legend_h = 9 * mm
    groups = areas(figures)
    if not groups:
        return d
    _draw_area(d, figures.loc[groups[0]], layers, (0, legend_h, MAP_W, MAP_H - legend_h), True)
    inset_w, inset_h = 40 * mm, 36 * mm
    for i, (region, idx) in enumerate(list(outlying(figures, groups[1:]).items())[:2]):
        x, y = 1 * mm + i * (inset_w + 2 * mm), MAP_H - inset_h - 1 * mm
        d.add(Rect(x, y, inset_w, inset_h, fillColor=colors.white, strokeColor=None))
        _draw_area(
            d, figures.loc[idx], MapLayers(), (x + 2 * mm, y + 2 * mm, inset_w - 4 * mm, inset_h - 8 * mm), True, True
        )
        d.add(Rect(x, y, inset_w, inset_h, fillColor=None, strokeColor=colors.black, strokeWidth=0.6))
        d.add(
            String(x + 1.5 * mm, y + inset_h - 4 * mm, f"{words('inset', lang)}: {region}", fontName=bold, fontSize=6.5)
        )
    x = 0.0
    for entry in [*CLASSES, NO_DEMAND]:
        rgb = entry[1]
        d.add(
            Rect(
                x,
                2.5 * mm,
                6 * mm,
                3.5 * mm,
                fillColor=colors.Color(*(c / 255 for c in rgb)),
                strokeColor=colors.grey,
                strokeWidth=0.4,
            )
        )
        label = entry[2] if lang == "id" else entry[3]
        d.add(String(x + 7 * mm, 3.3 * mm, label, fontName=regular, fontSize=7))
        x += 7 * mm + pdfmetrics.stringWidth(label, regular, 7) + 5 * mm
    return d


def lever_rows(levers: pd.DataFrame, lang: str) -> list[list[str]]:
    """The three levers that remove the most shortfall (t), as table rows.

    Parameters
    ----------
    levers : pandas.DataFrame
        The mitigation table (``rank_shortfall``, else sorted by ``shortfall_removed_t``).
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    list of list of str
        A header row, then one row each, numbers formatted.
    """
    order = "rank_shortfall" if "rank_shortfall" in levers else "shortfall_removed_t"
    top = levers.sort_values(order, ascending=order == "rank_shortfall").head(3)
    rows = [[words("lever", lang), words("removed", lang)]]
    for r in top.itertuples(index=False):
        label = " · ".join(
            str(v) for v in (getattr(r, "lever", ""), getattr(r, "target", "")) if str(v) not in ("", "nan")
        )
        rows.append([label, fmt.tonnes(float(getattr(r, "shortfall_removed_t", 0.0)), lang)])
    return rows


def scenario_lines(inp: BriefInput, lang: str) -> list[str]:
    """The scenario's name, horizon (with dates when known) and one line per disruption.

    Parameters
    ----------
    inp : BriefInput
        The brief's inputs.
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    list of str
        Lines of ReportLab paragraph markup, text escaped.
    """
    doc, names = inp.scenario, inp.dataset.node_names()
    start = inp.result.start_date
    horizon = int(doc.get("horizon_days", inp.result.days))
    days = words("n_days", lang).format(n=inp.result.days)
    if start:
        days += f": {fmt.day_label(1, start, lang)} – {fmt.day_label(inp.result.days, start, lang)}"
    lines = [f"<b>{_esc(doc.get('name', inp.result.scenario))}</b> · {days}"]
    found = [describe(d, names, horizon, start, lang) for d in doc.get("disruptions", [])]
    return lines + ([f"• {_esc(x)}" for x in found] or [words("no_disruption", lang)])


def _rolling_note(result: SolveResult, lang: str, st: dict) -> list[Paragraph]:
    """The approximation note of a rolling-horizon result (none for an exact one)."""
    if result.horizon.get("method") != "rolling":
        return []
    text = words("rolling", lang).format(
        days=result.days, window=result.horizon["window_days"], gap=fmt.number(MEASURED_GAP_PERCENT, lang, 2)
    )
    return [Paragraph(_esc(text), st["small"])]


def build_brief(inp: BriefInput, lang: str = "id", now: dt.datetime | None = None) -> bytes:
    """The brief as PDF bytes (see the module docstring).

    Parameters
    ----------
    inp : BriefInput
        The dataset, solve, scenario, shapes, layers and levers.
    lang : str, default "id"
        ``id`` or ``en``.
    now : datetime.datetime, optional
        The time printed (default now, shown in WIB).

    Returns
    -------
    bytes
        An A4 PDF.
    """
    st = _styles()
    result, figures = inp.result, zone_figures(inp.dataset, inp.result, inp.shapes)
    study = result.study_shortfall()  # headline figures count the study area (external demand apart)
    total_s, total_d = float(study["shortfall_t"].sum()), float(study["demand_t"].sum())
    people = float(figures["people_affected"].sum())
    story = [
        Paragraph(_esc(words("title", lang)), st["title"]),
        Paragraph(_esc(inp.scenario.get("name", result.scenario)), st["sub"]),
        Paragraph(words("what_happens", lang), st["h"]),
        *[Paragraph(line, st["p"]) for line in scenario_lines(inp, lang)],
        Paragraph(words("headline", lang), st["h"]),
    ]
    if total_s > 1e-6:
        line = words("total_line", lang).format(
            total=fmt.tonnes(total_s, lang),
            demand=fmt.tonnes(total_d, lang),
            share=fmt.percent(total_s / max(total_d, 1e-9), lang),
            days=words("n_days", lang).format(n=result.days),
            people=fmt.number(people, lang),
        )
    else:
        line = words("no_shortfall", lang)
    story += [
        Paragraph(f"<b>{_esc(line)}</b>", st["p"]),
        Spacer(1, 3),
        _table(headline_rows(inp.dataset, result, lang), [60 * mm, 35 * mm, 35 * mm, 25 * mm]),
    ]
    story += [Paragraph(words("map", lang), st["h"]), map_drawing(figures, inp.layers, lang)]
    worst = worst_rows(figures, lang)
    if len(worst) > 1:
        story += [
            Paragraph(words("worst", lang), st["h"]),
            _table(worst, [48 * mm, 38 * mm, 30 * mm, 24 * mm, 34 * mm], 2),
        ]
    story.append(Paragraph(words("levers", lang), st["h"]))
    if inp.levers is not None and len(inp.levers):
        story.append(_table(lever_rows(inp.levers, lang), [130 * mm, 40 * mm]))
    else:
        story.append(Paragraph(words("no_levers", lang), st["p"]))
    when = fmt.wib(now or dt.datetime.now(dt.UTC), lang)
    story += [
        Paragraph(words("about", lang), st["h"]),
        Paragraph(_esc(words("foresight", lang)), st["small"]),
        *_rolling_note(inp.result, lang, st),
        Paragraph(_esc(words("people_note", lang)), st["small"]),
        Paragraph(_esc(words("data_line", lang).format(data=inp.data_label, when=when)), st["small"]),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=14 * mm,
        bottomMargin=12 * mm,
        title=words("title", lang),
        author="foodchain",
    )
    doc.build(story)
    return buf.getvalue()
