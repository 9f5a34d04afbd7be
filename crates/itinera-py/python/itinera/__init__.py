"""itinera: place names to coordinates, journeys to geodesic distances and maps, and news
text to place mentions, offline, from the gazetteer built into the package.

Every function raises :class:`BadInput` (a ``ValueError``) for input it cannot use, with
``file``, ``line`` and ``column`` attributes when the problem is in a trip file, and
:class:`ItineraError` (a ``RuntimeError``) for other failures. Results are the records
``itinera`` prints as JSON on the command line, as dicts and lists.
"""

from __future__ import annotations

from ._itinera import (
    MAP_OPTIONS,
    BadInput,
    ItineraError,
    __version__,
    export,
    extract,
    extract_batch,
    geocode,
    render,
    route,
)
from ._itinera import extract_arrow as _extract_arrow
from ._itinera import formats_list as formats

__all__ = [
    "MAP_OPTIONS",
    "BadInput",
    "ItineraError",
    "__version__",
    "export",
    "extract",
    "extract_arrow",
    "extract_batch",
    "formats",
    "geocode",
    "render",
    "route",
]


def extract_arrow(texts, threads=None):
    """Geoparses an Arrow array of strings on all cores (or ``threads``), reading the
    strings where they are, and returns a ``pyarrow.Table`` with one row per mention:
    ``doc`` (the row of ``texts``), ``start``, ``end`` (offsets in characters), ``text``,
    ``name``, ``geonameid``, ``kind``, ``country``, ``lat``, ``lon``, ``score``.

    ``texts`` may be a pyarrow ``Array`` or ``ChunkedArray`` of strings, any object with
    ``__arrow_c_array__`` (polars and DuckDB give them), or a list of ``str``. Needs pyarrow
    (``pip install 'itinera[arrow]'``).
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError as e:  # pragma: no cover - pyarrow is an optional dependency
        raise ImportError(
            "itinera.extract_arrow needs pyarrow: pip install 'itinera[arrow]'"
        ) from e
    if isinstance(texts, (list, tuple)):
        texts = pa.array(texts, type=pa.string())
    if isinstance(texts, pa.ChunkedArray):
        # One table per chunk, `doc` counted across chunks: no string is copied.
        tables = []
        first = 0
        for chunk in texts.chunks:
            t = _extract_arrow(chunk, threads)
            if first:
                t = t.set_column(0, t.schema.field("doc"), pc.add(t.column("doc"), first))
            tables.append(t)
            first += len(chunk)
        if not tables:
            return _extract_arrow(pa.array([], type=pa.string()), threads)
        return pa.concat_tables(tables)
    return _extract_arrow(texts, threads)
