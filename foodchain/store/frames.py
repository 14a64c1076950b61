"""Dataset tables as stored: Parquet bytes (pyarrow), typed and lossless.

A table is written with its pandas dtypes (``str``, ``float64``, nullable ``Int64``) and
every column, whatever its header; reading gives back an equal frame, values and dtypes,
with nothing guessed. Text from the first store format (CSV written by ``to_csv``, always
comma-separated) is read by :func:`frame_from_v1_csv`, for the migration only.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

FORMAT = "parquet"
DTYPES_KEY = b"foodchain.dtypes"


def frame_to_bytes(frame: pd.DataFrame) -> bytes:
    """One table as Parquet bytes (the index is not kept: rows are in order).

    Parquet has one string type; the pandas dtype of each column (``object`` or ``str``)
    is written into the file's metadata so that reading restores it exactly.
    """
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    dtypes = json.dumps([str(t) for t in frame.dtypes])
    table = table.replace_schema_metadata((table.schema.metadata or {}) | {DTYPES_KEY: dtypes.encode()})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def frame_from_bytes(data: bytes) -> pd.DataFrame:
    """A table from :func:`frame_to_bytes`, exactly as written (values and dtypes)."""
    table = pq.read_table(io.BytesIO(data))
    frame = table.to_pandas()
    stored = (table.schema.metadata or {}).get(DTYPES_KEY)
    if stored is not None:
        for i, dtype in enumerate(json.loads(stored)):
            if dtype == "object" and str(frame.dtypes.iloc[i]) != "object":
                frame[frame.columns[i]] = frame.iloc[:, i].astype(object)
    return frame


def frame_from_v1_csv(data: bytes) -> pd.DataFrame:
    """A table of the first store format: CSV text that ``DataFrame.to_csv`` wrote.

    That writer always used ``,`` and quoted every cell holding ``,`` ``"`` CR or LF, so the
    text is parsed with ``,`` only (no sniffing), every cell kept as written.
    """
    return pd.read_csv(
        io.StringIO(data.decode("utf-8")), sep=",", dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL
    )
