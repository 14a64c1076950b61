"""Names, not ids: what a person reads in place of a commodity id, a place kind, a disruption or
lever type, a solver status.

Commodity names come from the dataset's ``commodities.csv`` (the id where it gives none); the
other words are keys of :data:`foodchain_app.i18n.TEXT` (``kind_*``, ``type_*``, ``status_*``,
``method_*``). Only the display changes: downloads keep the ids.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from foodchain.model.dataset import Dataset
from foodchain_app.i18n import TEXT, t

COMMODITY_NAMES = "commodity_names"  # session key: {commodity id: name} of the active dataset
WORD_PREFIX = {
    "kind": "kind_",
    "type": "type_",
    "status": "status_",
    "method": "method_",
    "severity": "severity_",
    "source": "source_",
    "change": "change_",
    "role": "role_",
    "event": "event_",
}


def remember_commodities(dataset: Dataset | None) -> None:
    """Keep the active dataset's commodity names for this script run (the page frame calls this)."""
    if dataset is None:
        return
    table = dataset.commodities
    names = table["name"] if "name" in table else table["commodity"]
    names = names.where(names.fillna("").astype(str).str.strip() != "", table["commodity"])
    st.session_state[COMMODITY_NAMES] = dict(zip(table["commodity"], names.astype(str), strict=True))


def commodity(commodity_id: object) -> str:
    """The name of ``commodity_id`` (the id itself when the dataset gives no name)."""
    if commodity_id is None or (isinstance(commodity_id, float) and pd.isna(commodity_id)):
        return t("blank")
    return st.session_state.get(COMMODITY_NAMES, {}).get(commodity_id, str(commodity_id))


def commodity_labels(words: dict | None = None) -> Callable[[object], str]:
    """A ``format_func`` showing commodity names, and the translated ``words[option]`` for special options.

    The names are looked up now, not when the function is called: AppTest calls it outside the run.
    """
    fixed = dict(st.session_state.get(COMMODITY_NAMES, {})) | {o: t(k) for o, k in (words or {}).items()}
    return lambda option: fixed.get(option, str(option))


def word(column: str, value: object) -> object:
    """``value`` of ``column`` (kind, type, status, method) in words; other values unchanged."""
    key = WORD_PREFIX[column] + str(value)
    return t(key) if key in TEXT else value


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with commodity ids as names and kinds, types, statuses and methods in words."""
    columns = [c for c in ("commodity", *WORD_PREFIX) if c in frame and not pd.api.types.is_numeric_dtype(frame[c])]
    if not columns:
        return frame
    out = frame.copy()
    for c in columns:
        out[c] = out[c].map(commodity) if c == "commodity" else out[c].map(lambda v, c=c: word(c, v))
    return out
