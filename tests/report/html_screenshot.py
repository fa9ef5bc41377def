#!/usr/bin/env python3
"""The HTML report renders in headless Chromium with its charts drawn, and prints to PDF.

Usage: html_screenshot.py --bin BUILD/bin EXAMPLE_DIR

Runs `clausier-report EXAMPLE_DIR --format html --as-of 2027-12-31 --min-cell 1 -o TMP/report.html`,
takes a 1200 × 3000 screenshot with headless Chromium and reads the PNG with zlib (no imaging library):
the page must not be blank, the line chart must be drawn (pixels of the schedule colour, and pixels of the
realised colour in the rows the schedule line spans), and there must be bars (realised colour overall).
Then prints the page to PDF and checks with pdfinfo that it has at least one A4 page.
Exit 0 on success, 1 with a message on failure (a missing Chromium is a failure: scripts/install-deps.sh
installs it).
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

# The chart colours of lib/src/report/svg.hpp.
REALISED = (0x1F, 0x5F, 0xA8)
SCHEDULE = (0xE0, 0x7B, 0x00)
TOLERANCE = 40  # per channel: anti-aliased edges of a 2.5 px line keep a core of exact pixels

MIN_INK_SHARE = 0.02        # non-white pixels over the whole screenshot
MIN_SCHEDULE_PIXELS = 300   # the dashed schedule line (~630 px long, 2.5 px wide, 60 % drawn)
MIN_LINE_PIXELS = 400       # the realised line, in the rows of the line chart
MIN_REALISED_PIXELS = 2000  # the line, the bars of the breakdowns, the headings


def fail(message):
    print(f"html_screenshot: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    fail("chromium (or chromium-browser) not found: run scripts/install-deps.sh")


def run(cmd, what, timeout=180, accepted=(0,)):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        fail(f"{what} timed out after {timeout} s: {' '.join(cmd)}")
    if p.returncode not in accepted:
        fail(f"{what} exited with {p.returncode}: {' '.join(cmd)}\n{p.stdout}{p.stderr}")
    return p


def read_png(path):
    """(width, height, channels, rows): 8-bit RGB or RGBA, every row unfiltered as a bytearray."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        fail(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        fail(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:  # Up
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        elif kind != 0:
            fail(f"{path}: unknown PNG filter {kind} on row {y}")
        rows.append(row)
        previous = row
    return width, height, channels, rows


def headless(chromium, tmp):
    """Chromium's command line, headless, with a profile of its own in tmp."""
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={os.path.join(tmp, 'profile')}"]


def print_a4(browser, url, pdf):
    """Prints url to pdf and returns its number of pages: at least one, A4 (@page size), or a failure."""
    run(browser + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url], "chromium --print-to-pdf")
    if not os.path.isfile(pdf):
        fail("chromium wrote no PDF")
    info = run(["pdfinfo", pdf], "pdfinfo").stdout
    pages = next((int(line.split(":", 1)[1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
    if pages < 1:
        fail(f"the PDF has no page:\n{info}")
    size = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Page size:")), "")
    if "A4" not in size:
        fail(f"the PDF pages are not A4 (@page size): {size}")
    return pages


def near(r, g, b, colour):
    return abs(r - colour[0]) <= TOLERANCE and abs(g - colour[1]) <= TOLERANCE and abs(b - colour[2]) <= TOLERANCE


def analyse(path):
    width, height, channels, rows = read_png(path)
    ink = realised = schedule = 0
    realised_by_row, schedule_rows = [], []
    for y, row in enumerate(rows):
        row_realised = 0
        for i in range(0, width * channels, channels):
            r, g, b = row[i], row[i + 1], row[i + 2]
            if r > 245 and g > 245 and b > 245:
                continue
            ink += 1
            if near(r, g, b, REALISED):
                row_realised += 1
            elif near(r, g, b, SCHEDULE):
                schedule += 1
                if not schedule_rows or schedule_rows[-1] != y:
                    schedule_rows.append(y)
        realised += row_realised
        realised_by_row.append(row_realised)
    line = sum(realised_by_row[schedule_rows[0]:schedule_rows[-1] + 1]) if schedule_rows else 0
    return {"pixels": width * height, "ink": ink, "realised": realised, "schedule": schedule, "line": line,
            "chart_rows": (schedule_rows[0], schedule_rows[-1]) if schedule_rows else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="folder holding clausier-report")
    parser.add_argument("example", help="an operation folder")
    args = parser.parse_args()

    chromium = find_chromium()
    tool = os.path.join(args.bin, "clausier-report")
    if not os.access(tool, os.X_OK):
        fail(f"{tool} not found or not executable")
    with tempfile.TemporaryDirectory(prefix="clausier-html-") as tmp:
        html = os.path.join(tmp, "report.html")
        # Exit 2: some statement rows cannot be read (the example holds such rows on purpose); they are
        # reported on stderr and the report is still written.
        run([tool, args.example, "--format", "html", "--as-of", "2027-12-31", "--min-cell", "1", "-o", html],
            "clausier-report", accepted=(0, 2))
        if not os.path.isfile(html) or os.path.getsize(html) == 0:
            fail(f"clausier-report wrote no HTML to {html}")
        with open(html, encoding="utf-8") as f:
            text = f.read()
        if "<svg" not in text:
            fail("the HTML report holds no <svg> chart")
        for forbidden in ("http:", "https:", "src=", "<script"):
            if forbidden in text:
                fail(f"the HTML report is not self-contained: it holds {forbidden!r}")

        url = "file://" + html
        browser = headless(chromium, tmp)
        png = os.path.join(tmp, "report.png")
        run(browser + ["--window-size=1200,3000", f"--screenshot={png}", url], "chromium --screenshot")
        if not os.path.isfile(png):
            fail("chromium wrote no screenshot")
        stats = analyse(png)
        print(f"html_screenshot: {stats['ink']} non-white pixels of {stats['pixels']}, {stats['realised']} of the "
              f"realised colour, {stats['schedule']} of the schedule colour, {stats['line']} of the realised colour "
              f"in the line chart rows {stats['chart_rows']}")
        if stats["ink"] < MIN_INK_SHARE * stats["pixels"]:
            fail(f"the screenshot is (nearly) blank: {stats['ink']} non-white pixels")
        if stats["schedule"] < MIN_SCHEDULE_PIXELS:
            fail(f"no schedule line drawn: {stats['schedule']} pixels of colour #e07b00 (at least {MIN_SCHEDULE_PIXELS})")
        if stats["line"] < MIN_LINE_PIXELS:
            fail(f"no realised line drawn in the chart: {stats['line']} pixels of colour #1f5fa8 "
                 f"(at least {MIN_LINE_PIXELS})")
        if stats["realised"] < MIN_REALISED_PIXELS:
            fail(f"too few bars drawn: {stats['realised']} pixels of colour #1f5fa8 (at least {MIN_REALISED_PIXELS})")

        pages = print_a4(browser, url, os.path.join(tmp, "report.pdf"))
        print(f"html_screenshot: PDF of {pages} A4 pages")
    print("html_screenshot: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
