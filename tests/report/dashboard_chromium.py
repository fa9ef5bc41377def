#!/usr/bin/env python3
"""The facilitator's dashboard in headless Chromium: drawn, sortable, printable, self-contained.

Usage: dashboard_chromium.py --bin BUILD/bin PORTFOLIO_DIR [--screenshot FILE.png]

Runs `clausier-report PORTFOLIO --format html` (CLAUSIER_TODAY=2026-11-22), then with headless Chromium:
1. a screenshot that is not blank and holds the red of what is late (the « en retard » cells);
2. sorting: a copy of the page clicks the « Comptées (h) » header of the lots table twice and Chromium
   dumps the DOM: the rows must come in decreasing order of their counted hours (the inline script ran, with
   no server and no network);
3. a PDF print on A4 pages (pdfinfo).
The page must load nothing: no http(s) URL, no src= attribute. --screenshot keeps the PNG (docs/img/).
Exit 0 on success, 1 with a message on failure.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from html_screenshot import fail, find_chromium, headless, near, print_a4, read_png, run  # noqa: E402

LATE = (0xB3, 0x26, 0x1E)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("portfolio")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    chromium = find_chromium()
    env = dict(os.environ, CLAUSIER_TODAY="2026-11-22", LC_ALL="C.UTF-8", TZ="UTC")
    with tempfile.TemporaryDirectory(prefix="clausier-dashboard-") as tmp:
        html = os.path.join(tmp, "dashboard.html")
        p = subprocess.run([os.path.join(args.bin, "clausier-report"), args.portfolio, "--format", "html", "-o", html],
                           capture_output=True, text=True, env=env, timeout=120)
        if p.returncode != 0 or not os.path.isfile(html):
            fail(f"clausier-report exited {p.returncode}:\n{p.stdout}{p.stderr}")
        with open(html, encoding="utf-8") as f:
            text = f.read()
        for forbidden in ("http:", "https:", "src="):
            if forbidden in text:
                fail(f"the dashboard is not self-contained: it holds {forbidden!r}")
        for heading in ("En retard", "À faire en novembre 2026", "Opérations", "Lots", "Conventions de globalisation"):
            if f"<h2>{heading}</h2>" not in text:
                fail(f"no section « {heading} »")

        browser = headless(chromium, tmp)
        png = os.path.join(tmp, "dashboard.png")
        run(browser + ["--window-size=1280,1600", f"--screenshot={png}", "file://" + html], "chromium --screenshot")
        width, height, channels, rows = read_png(png)
        ink = late = 0
        for row in rows:
            for i in range(0, width * channels, channels):
                r, g, b = row[i], row[i + 1], row[i + 2]
                if r > 245 and g > 245 and b > 245:
                    continue
                ink += 1
                if near(r, g, b, LATE):
                    late += 1
        print(f"dashboard_chromium: {ink} non-white pixels of {width * height}, {late} of the « late » red")
        if ink < 0.02 * width * height:
            fail("the screenshot is (nearly) blank")
        if late < 200:
            fail(f"what is late is not shown in red: {late} pixels")
        if args.screenshot:
            shutil.copyfile(png, args.screenshot)

        clicked = os.path.join(tmp, "clicked.html")
        click = ("<script>var th=document.querySelectorAll('#lots th')[5];th.click();th.click();</script>\n"
                 "</body>")
        with open(clicked, "w", encoding="utf-8") as f:
            f.write(text.replace("</body>", click))
        dom = run(browser + ["--virtual-time-budget=3000", "--dump-dom", "file://" + clicked], "chromium --dump-dom").stdout
        table = re.search(r'<table id="lots".*?</table>', dom, re.S)
        if not table:
            fail("no lots table in Chromium's DOM")
        values = [float(v) for v in re.findall(r'<tr>(?:<td[^>]*>.*?</td>){5}<td class="n" data-v="([0-9.]+)"', table.group(0))]
        if len(values) < 5 or values != sorted(values, reverse=True) or values == sorted(values):
            fail(f"the lots are not sorted by counted hours, decreasing, after two clicks: {values}")
        if 'class="desc"' not in table.group(0):
            fail("the sorted header is not marked")
        print(f"dashboard_chromium: lots sorted by counted hours, decreasing: {values}")

        pages = print_a4(browser, "file://" + html, os.path.join(tmp, "dashboard.pdf"))
        print(f"dashboard_chromium: PDF of {pages} A4 pages")
    print("dashboard_chromium: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
