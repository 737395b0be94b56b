#!/usr/bin/env python3
"""Draws the example chart of `explainer new` (starter/content/images/example-chart.png).

The starter site shows a figure with a credit; its image is drawn here, by the project, so
that its origin and rights are plain. Standard library only: four bars on a baseline, in the
stylesheet's colours.

    python3 scripts/starter-chart.py
"""

import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 960, 540
BACKGROUND = (253, 252, 249)  # --bg
RULE = (89, 89, 89)  # --muted
BAR = (138, 28, 28)  # --accent
BARS = [0.35, 0.55, 0.7, 0.9]


def pixels():
    rows = [[BACKGROUND] * WIDTH for _ in range(HEIGHT)]
    left, right, top, base = 80, WIDTH - 80, 60, HEIGHT - 80
    slot = (right - left) // len(BARS)
    for n, share in enumerate(BARS):
        x0 = left + n * slot + slot // 5
        x1 = left + (n + 1) * slot - slot // 5
        y0 = base - int((base - top) * share)
        for y in range(y0, base):
            rows[y][x0:x1] = [BAR] * (x1 - x0)
    for y in range(base, base + 3):
        rows[y][left - 20 : right + 20] = [RULE] * (right - left + 40)
    return rows


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(rows):
    raw = b"".join(b"\x00" + bytes(c for pixel in row for c in pixel) for row in rows)
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "starter/content/images/example-chart.png"
    target.write_bytes(png(pixels()))
    print(f"wrote {target}")
