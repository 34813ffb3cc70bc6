#!/usr/bin/env python3
"""Measures a PNG made by Scripts/pane_to_png.sh against the pane it was captured from, so a
screenshot whose borders wander or whose bars stop short is caught rather than committed.

    python Scripts/check_screenshot.py OUT.png CAPTURE   # CAPTURE: pane_to_png.sh's third argument

Checks, for every cell of the capture:
  - a vertical line (│ ├ ┤ ┼) has a stroke running the cell's full height inside that cell, and
    all of one text column's strokes sit at the same x;
  - a horizontal line (─ ┬ ┴ ┼) has a stroke running the cell's full width, so lines do not break
    into dashes;
  - a blank cell is its background colour throughout, so bars reach the pane's right edge.
Needs Pillow (screenshots.sh installs it into .venv-shots).
"""

import os
import sys

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pane_to_html as pane  # noqa: E402

VERTICAL = set("│├┤┼")
HORIZONTAL = set("─┬┴┼")
# Summed channel difference from the background above which a pixel counts as ink; anti-aliased
# edges of a stroke fall below it, its core does not.
INK = 120


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def differs(pixel, colour, threshold):
    return sum(abs(p - c) for p, c in zip(pixel[:3], colour)) > threshold


def check(png_path, capture_path):
    image = Image.open(png_path).convert("RGB")
    px = image.load()
    cw, ch, pad = pane.CELL_WIDTH, pane.CELL_HEIGHT, pane.PADDING
    width, height = image.size
    cols, rows = (width - 2 * pad) // cw, (height - 2 * pad) // ch
    problems = []
    if (cols * cw + 2 * pad, rows * ch + 2 * pad) != image.size:
        problems.append("image %dx%d is not a whole number of %dx%d cells" % (width, height, cw, ch))
    with open(capture_path, encoding="utf-8", errors="replace") as f:
        grid = pane.parse(f.read(), cols, rows)
    problems += pane.check_widths(grid, cols)

    stroke_x = {}  # text column -> set of x where its vertical strokes are
    counts = {"vertical": 0, "horizontal": 0, "blank": 0}
    blank = pane.Pen().style()
    for r, cells in enumerate(grid):
        used = sum(c[1] for c in cells)
        cells = cells + [[" ", 1, blank]] * max(0, cols - used)
        col = 0
        for text, w, style in cells:
            fg, bg, _bold, _italic, underline, strike = style
            x0, y0 = pad + col * cw, pad + r * ch
            x1, y1 = x0 + w * cw, y0 + ch
            back = rgb(bg)
            where = "row %d col %d %r" % (r, col, text)
            if text in VERTICAL:
                counts["vertical"] += 1
                xs = [x for x in range(x0, x1) if all(differs(px[x, y], back, INK) for y in range(y0, y1))]
                if not xs:
                    problems.append("%s: no full-height stroke inside the cell" % where)
                else:
                    stroke_x.setdefault(col, set()).add(xs[0] - x0)
            if text in HORIZONTAL:
                counts["horizontal"] += 1
                if not any(all(differs(px[x, y], back, INK) for x in range(x0, x1)) for y in range(y0, y1)):
                    problems.append("%s: no full-width stroke inside the cell" % where)
            if text == " " and not underline and not strike:
                counts["blank"] += 1
                off = [(x, y) for y in range(y0, y1) for x in range(x0, x1) if differs(px[x, y], back, 24)]
                if off:
                    problems.append("%s: blank cell should be %s but %d pixels differ (first at %s: %s)"
                                    % (where, bg, len(off), off[0], px[off[0]]))
            col += w
    for col, offsets in sorted(stroke_x.items()):
        if len(offsets) > 1:
            problems.append("column %d: vertical strokes at %d different x offsets %s"
                            % (col, len(offsets), sorted(offsets)))
    offsets = sorted({o for s in stroke_x.values() for o in s})
    summary = ("%s: %dx%d cells; %d vertical line cells in %d columns, stroke %s px into its cell; "
               "%d horizontal line cells; %d blank cells"
               % (os.path.basename(png_path), cols, rows, counts["vertical"], len(stroke_x),
                  "/".join(map(str, offsets)) or "-", counts["horizontal"], counts["blank"]))
    return summary, problems


def main():
    if len(sys.argv) != 3:
        print("usage: %s OUT.png CAPTURE" % sys.argv[0], file=sys.stderr)
        return 2
    summary, problems = check(sys.argv[1], sys.argv[2])
    print(summary)
    for p in problems[:20]:
        print("  " + p)
    if len(problems) > 20:
        print("  ... and %d more" % (len(problems) - 20))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
