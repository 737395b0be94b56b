#!/usr/bin/env python3
"""Converts Natural Earth admin-0 countries (as TopoJSON, from the npm package
`world-atlas`) into the compact base layer that `explainer` draws maps on.

Usage:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/natural-earth-base.py package/countries-10m.json \
        src/maps/base/countries.bin

The output keeps the topology of the input: each border or stretch of coast is one
arc, stored once and shared by the countries on either side, so that a map can draw
land borders and coastlines apart. Each arc is simplified with the Douglas-Peucker
algorithm (its ends are kept, so neighbouring countries still meet), then written
as variable-length integers in the input's own quantized units.

Format (all integers are LEB128 varints; "signed" ones are zigzag-encoded):
    b"EXNE" version=1
    scale_x, scale_y, translate_x, translate_y   as 4 little-endian f64
    arc_count, then per arc: point_count, then per point signed dx, dy
        (the first point relative to 0, 0; degrees = units * scale + translate)
    country_count, then per country: name length, UTF-8 name, polygon_count,
        per polygon: ring_count, per ring: arc_count, per arc: signed index
        (i for arc i as stored, -(i + 1) for arc i reversed)
Rings are closed: the last point of a ring's last arc is its first point.
"""

import json
import struct
import sys

# Tolerance in input units (0.0036 degrees of longitude, 0.0017 of latitude, in the
# 1:10m file): 5 units is about a kilometre, under a pixel of a locator map that shows
# 400 km or more and a few pixels of one that shows 100 km. It keeps the file under
# 400 KB for the whole world.
TOLERANCE = 5


def varint(n, out):
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def signed(n, out):
    varint((n << 1) if n >= 0 else ((-n << 1) - 1), out)


def decode_arc(arc):
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((x, y))
    return points


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    kept = [p for p, k in zip(points, keep) if k]
    # A closed arc (an island) keeps at least a triangle.
    if kept[0] == kept[-1] and len(kept) < 4:
        step = max(1, (len(points) - 1) // 3)
        kept = [points[0], points[step], points[min(2 * step, len(points) - 2)], points[-1]]
    return kept


def main(source, target):
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    transform = topology["transform"]
    out = bytearray(b"EXNE")
    out.append(1)
    out += struct.pack("<4d", *transform["scale"], *transform["translate"])
    arcs = [douglas_peucker(decode_arc(arc), TOLERANCE) for arc in topology["arcs"]]
    varint(len(arcs), out)
    for points in arcs:
        varint(len(points), out)
        x = y = 0
        for px, py in points:
            signed(px - x, out)
            signed(py - y, out)
            x, y = px, py
    countries = topology["objects"]["countries"]["geometries"]
    countries = [c for c in countries if c.get("arcs")]
    varint(len(countries), out)
    for country in countries:
        name = country.get("properties", {}).get("name", "").encode("utf-8")
        varint(len(name), out)
        out += name
        polygons = country["arcs"] if country["type"] == "MultiPolygon" else [country["arcs"]]
        varint(len(polygons), out)
        for rings in polygons:
            varint(len(rings), out)
            for ring in rings:
                varint(len(ring), out)
                for index in ring:
                    signed(index, out)
    with open(target, "wb") as f:
        f.write(out)
    points = sum(len(a) for a in arcs)
    print(f"{len(countries)} countries, {len(arcs)} arcs, {points} points, {len(out)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
