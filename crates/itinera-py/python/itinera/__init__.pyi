"""Types of the itinera package (see the module's documentation)."""

import os
from typing import Any, Optional, Sequence, TypedDict, Union

__version__: str

class BadInput(ValueError):
    """Input itinera cannot use; ``file``, ``line``, ``column`` locate it in a trip file."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    help: Optional[str]

class ItineraError(RuntimeError):
    """A failure that is not the input's fault (a file that cannot be written)."""

Trip = Union[str, "os.PathLike[str]", Sequence[str]]
"""A trip file (TOML, CSV, GeoJSON, GPX, KML) or a list of place names."""

class Place(TypedDict, total=False):
    query: str
    name: str
    matched: str
    match: str
    kind: str
    country: str
    country_name: Optional[str]
    admin1: Optional[str]
    admin1_code: str
    lat: float
    lon: float
    population: int
    geonameid: Optional[int]
    score: float
    candidates: list["Place"]
    # Unknown names: an error and suggestions instead of a place.
    error: str
    suggestions: Optional[list[str]]
    # Coordinate queries: the nearest notable place.
    near: Optional[dict[str, Any]]

class Leg(TypedDict):
    from_: str  # the key is "from"
    to: str
    distance_m: float
    distance: float
    cumulative_m: float
    bearing_deg: float
    mode: str

class Stop(TypedDict):
    name: str
    matched: Optional[str]
    country: Optional[str]
    geonameid: Optional[int]
    lat: float
    lon: float
    date: Optional[str]

class RouteTrip(TypedDict):
    name: str
    legs: list[dict[str, Any]]
    stops: list[Stop]
    total: float
    total_m: float
    units: str
    path: str

class Routes(TypedDict):
    trips: list[RouteTrip]

class Mention(TypedDict):
    start: int
    end: int
    text: str
    name: str
    geonameid: Optional[int]
    kind: str
    country: str
    lat: float
    lon: float
    score: float

class Extraction(TypedDict):
    mentions: list[Mention]
    claims: list[dict[str, Any]]

def geocode(
    names: Union[str, Sequence[str]], country: Optional[str] = None, limit: int = 1
) -> list[Place]:
    """The best place for each name (``candidates``: the first ``limit`` when > 1)."""

def route(
    trip: Trip, units: str = "km", country: Optional[str] = None, strict: bool = False
) -> Routes:
    """Legs, stops and totals of each trip, as ``itinera route --format json``."""

def extract(text: str) -> Extraction:
    """Place mentions and distance claims; offsets are ``str`` indices."""

def extract_batch(texts: Sequence[str], threads: Optional[int] = None) -> list[Extraction]:
    """``extract`` on many texts, in parallel, the GIL released."""

def extract_arrow(texts: Any, threads: Optional[int] = None) -> Any:
    """A ``pyarrow.Table`` with a row per mention: doc, start, end, text, name, geonameid,
    kind, country, lat, lon, score."""

def render(
    trip: Trip,
    path: Union[str, "os.PathLike[str]"],
    *,
    country: Optional[str] = None,
    format: Optional[str] = None,
    size_by: Optional[str] = None,
    flannery: bool = False,
    width: int = 1600,
    height: int = 1000,
    title: Optional[str] = None,
    subtitle: Optional[str] = None,
    theme: str = "light",
    legend: bool = True,
    labels: str = "all",
    projection: str = "auto",
    bbox: Union[str, Sequence[float], None] = None,
    units: str = "km",
    inset: str = "auto",
    label_lang: Optional[str] = None,
) -> None:
    """Draws the map into ``path`` (.png, .svg or .pdf, or ``format``), written atomically.

    Every map option of ``itinera render`` is a keyword with the same name and values
    (:data:`MAP_OPTIONS`), checked by the library as the command line's are: the same trip and
    options give the same bytes as the command line. ``bbox`` is ``"W,S,E,N"`` or four numbers.

    With ``size_by="mentions"`` (any numeric column), ``trip`` is a places CSV (a row per place:
    ``place``, or ``name`` with ``lat`` and ``lon``; ``itinera extract --places`` and the Spark
    example write one) drawn as proportional symbols, circle area proportional to the value,
    with a size legend, as ``itinera render PLACES.csv --size-by mentions`` draws it (a path
    ending ``.html`` gives its web page); ``flannery=True`` uses Flannery's scale instead of
    true area. A missing column, a value that is not a number, or a list of place names
    raises :class:`BadInput`."""

def export(
    trip: Trip,
    path: Union[str, "os.PathLike[str]"],
    *,
    units: str = "km",
    country: Optional[str] = None,
    format: Optional[str] = None,
    raw_csv: bool = False,
) -> None:
    """Writes the trip in an export format (:func:`formats`), by the extension of ``path`` or
    ``format`` (GeoJSON, KML, GPX, CSV, HTML, GeoPackage), atomically.

    What the format leaves out (a trip without legs in the legs CSV, the name of a group of
    places in GPX) is said with :func:`warnings.warn`, as the command line warns."""

MAP_OPTIONS: list[tuple[str, str]]
"""Every map option ``render`` takes, with what its value is."""

def formats() -> dict[str, list[dict[str, Any]]]:
    """The formats itinera reads and writes: ``{"inputs", "exports", "maps"}``, each a list of
    ``{"name", "extensions", "about"}``."""
