"""Shortfall by zone on a map: figures per zone polygon, classed colours, and the area to open on.

Used by the app's Shortfalls and Compare maps, the PDF brief and the GeoJSON export, so that all
show the same classes. The share unmet of a zone is shortfall / demand; it falls into one of five
classes (``CLASSES``): none, under 5 %, 5-15 %, 15-30 %, 30 % or more. The colours are
ColorBrewer's YlOrRd after a light grey, a sequential scale that stays readable for the common
forms of colour blindness and in greyscale print.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from foodchain.analysis.outcomes import PEOPLE_THRESHOLD, zone_shortfall
from foodchain.model.dataset import Dataset
from foodchain.optimize.results import SolveResult

NO_SHORTFALL_SHARE = 1e-6  # below this share unmet a zone counts as fully served
BREAKS = (0.05, 0.15, 0.30)  # upper bounds of the classes "< 5 %", "5-15 %", "15-30 %"
CLASSES = [  # (key, RGB, label id, label en)
    ("none", (240, 240, 240), "0 %", "0 %"),
    ("lt5", (254, 217, 118), "< 5 %", "< 5 %"),
    ("5to15", (253, 141, 60), "5–15 %", "5–15 %"),
    ("15to30", (227, 26, 28), "15–30 %", "15–30 %"),
    ("ge30", (128, 0, 38), "≥ 30 %", "≥ 30 %"),
]
NO_DEMAND = ("no_demand", (205, 205, 205), "tanpa permintaan", "no demand")


def share_class(share: float, demand_t: float = 1.0) -> int:
    """Index into ``CLASSES`` of a share unmet; -1 (``NO_DEMAND``) when the zone has no demand.

    Parameters
    ----------
    share : float
        Share of demand unmet, 0-1.
    demand_t : float, default 1.0
        The zone's demand (t); 0, NaN or below: no demand.

    Returns
    -------
    int
    """
    if not demand_t or demand_t <= 0 or pd.isna(share):
        return -1
    if share <= NO_SHORTFALL_SHARE:
        return 0
    return 1 + int(np.searchsorted(BREAKS, share, side="right"))


def class_entry(index: int) -> tuple:
    return NO_DEMAND if index < 0 else CLASSES[index]


def zone_figures(
    dataset: Dataset,
    result: SolveResult,
    shapes: pd.DataFrame,
    commodity: str | None = None,
    day: int | str | None = None,
    threshold: float = PEOPLE_THRESHOLD,
) -> pd.DataFrame:
    """One row per zone polygon in ``shapes`` (node_id, geometry): demand_t, delivered_t, shortfall_t,
    share_unmet, people_affected (and any other column the outcome table has), class (index into
    ``CLASSES``, -1 no demand) and geometry. ``commodity``/``day`` as in
    :func:`~foodchain.analysis.outcomes.zone_shortfall` (``"worst"`` = each zone's worst day).

    Parameters
    ----------
    dataset : Dataset
        The network.
    result : SolveResult
        The solve.
    shapes : pandas.DataFrame
        The zone polygons.
    commodity : str, optional
        One commodity; default all.
    day : int or str, optional
        One 1-based day, ``"worst"``, or default the whole horizon.
    threshold : float, optional
        The unmet share (0-1) from which a zone's people count as affected (default 0.1).

    Returns
    -------
    pandas.DataFrame
        Zones without figures get 0 t.
    """
    values = zone_shortfall(dataset, result, commodity, day, threshold)
    values["delivered_t"] = values["demand_t"] - values["shortfall_t"]
    keep = [c for c in shapes.columns if c not in values.columns or c == "node_id"]
    frame = shapes[keep].merge(values, on="node_id", how="left")
    frame["name"] = frame["name"].fillna(frame["node_id"]) if "name" in frame else frame["node_id"]
    for col in ("demand_t", "delivered_t", "shortfall_t", "share_unmet", "people_affected"):
        frame[col] = frame[col].astype(float).fillna(0.0) if col in frame else 0.0
    frame["class"] = [share_class(s, d) for s, d in zip(frame["share_unmet"], frame["demand_t"])]
    return frame


def clusters(points: np.ndarray, gap: float = 4.0) -> np.ndarray:
    """Cluster label of each point: points closer than ``gap`` x the median nearest-neighbour
    distance are one cluster (so islands and far suburbs form their own).

    Parameters
    ----------
    points : numpy.ndarray
        ``[P, 2]`` coordinates (lon, lat).
    gap : float, default 4.0
        The multiple of the typical spacing that splits clusters.

    Returns
    -------
    numpy.ndarray of int
    """
    if len(points) <= 1:
        return np.zeros(len(points), dtype=int)
    diff = points[:, None, :] - points[None, :, :]
    dist = np.sqrt((diff**2).sum(axis=2))
    np.fill_diagonal(dist, np.inf)
    typical = max(float(np.median(dist.min(axis=1))), 0.01)
    return connected_components(csr_matrix(dist < gap * typical), directed=False)[1]


def areas(shapes: pd.DataFrame) -> list[pd.Index]:
    """The zones grouped into areas (clusters of their centroids), the largest area first."""
    if shapes.empty:
        return []
    cents = shapely.centroid(np.asarray(shapes["geometry"], dtype=object))
    label = clusters(shapely.get_coordinates(cents))
    groups = [shapes.index[label == c] for c in np.unique(label)]
    return sorted(groups, key=len, reverse=True)


def outlying(shapes: pd.DataFrame, groups: list[pd.Index]) -> dict[str, pd.Index]:
    """Areas away from the main one, merged by their region (kota): {region: zone index}.

    Parameters
    ----------
    shapes : pandas.DataFrame
        The zones (``kota``, else ``region``, else ``node_id`` names an area).
    groups : list of pandas.Index
        The areas other than the main one, as :func:`areas` gives them.

    Returns
    -------
    dict of str to pandas.Index
        Each area is named by its most common region.
    """
    column = "kota" if "kota" in shapes else "region" if "region" in shapes else "node_id"
    out: dict[str, pd.Index] = {}
    for idx in groups:
        region = str(shapes.loc[idx, column].mode().iloc[0])
        out[region] = out[region].append(idx) if region in out else idx
    return out


def bounds(shapes: pd.DataFrame) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of the polygons."""
    return tuple(float(v) for v in shapely.total_bounds(np.asarray(shapes["geometry"], dtype=object)))
