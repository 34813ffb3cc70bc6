#!/usr/bin/env python3
"""Turns a tmux pane captured with its colours (`tmux capture-pane -e -p -N`) into an HTML page
that a browser draws cell for cell like the terminal.

A browser lays text out by each glyph's own advance, so symbols such as ● ✓ ✗ or box drawing
that a font draws wider or narrower than its Latin letters push everything after them sideways,
while the terminal gives each of them exactly one cell. Here every cell is a box of a fixed width
(two cells for East Asian Wide and Fullwidth characters, as tmux counts them) and a fixed height,
with the glyph centred and clipped, so borders line up whatever the font does.

    tmux capture-pane -t shots -e -p -N | python3 Scripts/pane_to_html.py --cols 120 --rows 32 > pane.html

The cell size is printed by `--geometry` so the screenshot window and the checks use the same one.
"""

import argparse
import html
import re
import sys
import unicodedata

CELL_WIDTH = 9  # px; DejaVu Sans Mono at 15px advances 9.03px, so box drawing joins across cells
CELL_HEIGHT = 18  # px; room for the underscore at the bottom of the font's descent, and box drawing
# and block glyphs still reach from row to row (Scripts/check_screenshot.py measures it)
FONT_SIZE = 15  # px
PADDING = 6  # px around the grid
FONTS = '"DejaVu Sans Mono", "WenQuanYi Zen Hei Mono", monospace'

DEFAULT_FG = "#ffffff"
DEFAULT_BG = "#000000"
# The 16 colours as aha drew them before (CSS named colours; the bright ones as aha's brightening
# filter came out), except black text, which aha greys to keep it readable on its black page but
# which the dashboard only puts on coloured bars, and bright black, which aha lifted to near-white
# although the dashboard uses it for dimmed text.
PALETTE = [
    "#000000", "#ff0000", "#00ff00", "#ffff00", "#3333ff", "#ff00ff", "#00ffff", "#ffffff",
    "#808080", "#ff4949", "#49ff49", "#ffff49", "#8c8cff", "#ff49ff", "#49ffff", "#ffffff",
]

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
# Other escapes tmux may write (OSC hyperlinks, other CSI, charset switches) carry no cell.
OTHER_ESCAPE = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;:?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|[\x0e\x0f]")


def cell_width(ch):
    """Columns tmux gives a character: 2 for East Asian Wide/Fullwidth, 0 for combining marks and
    format characters (they join the cell before), 1 for the rest, ambiguous width included."""
    if ch < "\x7f":
        return 1
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def colour_256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


def blend(a, b):
    """Halfway between two #rrggbb colours: how dim (SGR 2) text is drawn."""
    x = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    y = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#%02x%02x%02x" % tuple((p + q) // 2 for p, q in zip(x, y))


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = self.strike = False

    def apply(self, params):
        codes = params.split(";") if params else ["0"]
        i = 0
        while i < len(codes):
            # Sub-parameters (4:3 curly underline, 38:2::r:g:b) are reduced to their main code.
            parts = codes[i].split(":")
            code = int(parts[0] or 0)
            if code in (38, 48, 58):
                if len(parts) > 1:
                    args = [p for p in parts[1:] if p != ""]
                    if args and args[0] == "2" and len(args) >= 4:
                        args = ["2"] + args[-3:]
                else:
                    args = codes[i + 1:i + 5]
                    i += 2 if args[:1] == ["5"] else 4 if args[:1] == ["2"] else 0
                colour = None
                if args[:1] == ["5"] and len(args) >= 2:
                    colour = colour_256(int(args[1]))
                elif args[:1] == ["2"] and len(args) >= 4:
                    colour = "#%02x%02x%02x" % tuple(int(v or 0) for v in args[1:4])
                if code == 38:
                    self.fg = colour
                elif code == 48:
                    self.bg = colour
            elif code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 3:
                self.italic = True
            elif code == 4:
                self.underline = len(parts) < 2 or parts[1] != "0"
            elif code == 7:
                self.reverse = True
            elif code == 9:
                self.strike = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 23:
                self.italic = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif code == 29:
                self.strike = False
            elif 30 <= code <= 37:
                self.fg = PALETTE[code - 30]
            elif code == 39:
                self.fg = None
            elif 40 <= code <= 47:
                self.bg = PALETTE[code - 40]
            elif code == 49:
                self.bg = None
            elif 90 <= code <= 97:
                self.fg = PALETTE[code - 90 + 8]
            elif 100 <= code <= 107:
                self.bg = PALETTE[code - 100 + 8]
            i += 1

    def style(self):
        """The cell's drawn style as a hashable tuple: colours resolved, reverse applied."""
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = blend(fg, bg)
        return (fg, bg, self.bold, self.italic, self.underline, self.strike)


def parse(text, cols, rows):
    """The pane as rows of cells [text, width, style]."""
    pen = Pen()
    grid = []
    for line in text.split("\n")[:rows]:
        cells = []
        pos = 0
        while pos < len(line):
            if line[pos] == "\x1b" or line[pos] in "\x0e\x0f":
                m = SGR.match(line, pos)
                if m:
                    pen.apply(m.group(1))
                    pos = m.end()
                    continue
                m = OTHER_ESCAPE.match(line, pos)
                pos = m.end() if m else pos + 1
                continue
            ch = line[pos]
            pos += 1
            if ch < " ":
                continue
            width = cell_width(ch)
            if width == 0:
                if cells:
                    cells[-1][0] += ch
                continue
            cells.append([ch, width, pen.style()])
        grid.append(cells)
    while len(grid) < rows:
        grid.append([])
    return grid


def check_widths(grid, cols):
    """A row wider than the pane means a character is counted wider here than by tmux, and the
    picture would shift; such a capture is refused rather than drawn wrong."""
    problems = []
    for number, cells in enumerate(grid):
        used = sum(c[1] for c in cells)
        if used > cols:
            text = "".join(c[0] for c in cells)
            problems.append("row %d is %d columns wide, the pane %d: %s" % (number, used, cols, text.rstrip()))
    return problems


def render(grid, cols, rows, title):
    classes = {}

    def class_for(style):
        if style not in classes:
            classes[style] = "s%d" % len(classes)
        return classes[style]

    blank = Pen().style()
    body = []
    for cells in grid:
        used = sum(c[1] for c in cells)
        cells = cells + [[" ", 1, blank]] * max(0, cols - used)
        out = []
        for text, width, style in cells:
            name = class_for(style)
            if width == 2:
                name += " w"
            out.append('<i class="%s">%s</i>' % (name, html.escape(text)))
        body.append('<div class="r">%s</div>' % "".join(out))

    css = [
        "html,body{margin:0;background:%s}" % DEFAULT_BG,
        "body{padding:%dpx;width:%dpx}" % (PADDING, cols * CELL_WIDTH),
        ".t{font-family:%s;font-size:%dpx;font-kerning:none;font-variant-ligatures:none}" % (FONTS, FONT_SIZE),
        ".r{display:flex;height:%dpx}" % CELL_HEIGHT,
        # A flex box centres its glyph even when the glyph is wider than the cell (text-align
        # would push the overflow to the right), and clips whatever spills over.
        ".r>i{flex:none;display:flex;justify-content:center;width:%dpx;height:%dpx;line-height:%dpx;"
        "overflow:hidden;white-space:pre;font-style:normal}" % (CELL_WIDTH, CELL_HEIGHT, CELL_HEIGHT),
        ".r>i.w{width:%dpx}" % (2 * CELL_WIDTH),
    ]
    for style, name in classes.items():
        fg, bg, bold, italic, underline, strike = style
        rule = "color:%s;background-color:%s;" % (fg, bg)
        if bold:
            rule += "font-weight:bold;"
        if italic:
            rule += "font-style:italic;"
        # Drawn as a line across the whole cell, as a terminal does, not under the glyph only.
        lines = []
        if underline:
            lines.append("linear-gradient(%s,%s) 0 %dpx/100%% 1px no-repeat" % (fg, fg, CELL_HEIGHT - 2))
        if strike:
            lines.append("linear-gradient(%s,%s) 0 %dpx/100%% 1px no-repeat" % (fg, fg, CELL_HEIGHT // 2))
        if lines:
            rule += "background:%s %s;" % (",".join(lines), bg)
        css.append(".r>i.%s{%s}" % (name, rule))
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>\n<style>\n%s\n</style></head>\n"
        "<body><div class=\"t\">\n%s\n</div></body></html>\n"
        % (html.escape(title), "\n".join(css), "\n".join(body))
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cols", type=int, help="the pane's width in cells")
    parser.add_argument("--rows", type=int, help="the pane's height in cells")
    parser.add_argument("--title", default="pane")
    parser.add_argument("--geometry", action="store_true",
                        help="print CELL_WIDTH CELL_HEIGHT PADDING and exit")
    args = parser.parse_args()
    if args.geometry:
        print(CELL_WIDTH, CELL_HEIGHT, PADDING)
        return 0
    if not args.cols or not args.rows:
        parser.error("--cols and --rows are required")
    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    grid = parse(text, args.cols, args.rows)
    problems = check_widths(grid, args.cols)
    if problems:
        print("pane_to_html: %s" % "\n  ".join(problems), file=sys.stderr)
        return 1
    sys.stdout.write(render(grid, args.cols, args.rows, args.title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
