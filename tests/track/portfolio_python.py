#!/usr/bin/env python3
"""The portfolio end to end, read by Python: tests/data/portfolio (two operations, lot 1 of each pooled).

Usage: portfolio_python.py --bin BUILD/bin PORTFOLIO_DIR

1. `clausier-track PORTFOLIO --format json`: each operation is exactly what `clausier-track OPERATION
   --format json` gives alone (but for the `agreement` mark of pooled lots), and the agreement's
   target_hours, counted_hours and missing_hours are the sums and the pooled shortfall:
   400 + 300 = 700 h, 450 + 100 = 550 h, max(0, 700 - 550) = 150 h (tests/unit/pooling_test.cpp).
2. `clausier-track due PORTFOLIO --format eml -o DIR`: one message per contractor with an address (three),
   each read by Python's email parser (policy default): To is the contractor's address, From the
   facilitator's, a Subject naming the operation, each once, no Cc nor Bcc, the Date of the run's day (not the
   clock), X-Unsent: 1, a text/plain UTF-8 body naming the lots; the two
   contractors without an address are named on stderr.
3. `clausier-report PORTFOLIO --by buyer --year 2026 --format json`: 8 lots notified, 6 with a social
   consideration for Carcassonne Agglo.
4. `clausier-report PORTFOLIO --format json` (the bilan): its `pooling` list is exactly the one of
   `clausier-track PORTFOLIO --format json`, at a date when the agreement is in force and at one before it
   is signed; a copy of the portfolio with a pooling.yaml in error gives exit 2 and writes no bilan.
Exit 0 on success, 1 with a message on failure.
"""
import argparse
import email
import email.policy
import json
import os
import shutil
import subprocess
import sys
import tempfile

ENV = dict(os.environ, CLAUSIER_TODAY="2026-11-22", LC_ALL="C.UTF-8", TZ="UTC")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print(f"portfolio_python: FAIL: {what}", file=sys.stderr)


def run(cmd, accepted=(0,)):
    p = subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=120)
    if p.returncode not in accepted:
        print(f"portfolio_python: FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stdout}{p.stderr}", file=sys.stderr)
        sys.exit(1)
    return p


def without_marks(op):
    for lot in op["lots"]:
        lot.pop("agreement", None)
    return op


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("portfolio")
    args = parser.parse_args()
    track = os.path.join(args.bin, "clausier-track")
    report = os.path.join(args.bin, "clausier-report")

    whole = json.loads(run([track, args.portfolio, "--format", "json"]).stdout)
    check(whole["format"] == "clausier/portfolio/1", "the portfolio JSON is clausier/portfolio/1")
    check(len(whole["operations"]) == 2, "two operations in the portfolio JSON")
    for op in whole["operations"]:
        folder = {"CARC-2026-021": "viguier-voirie", "CARC-2026-034": "ecole-jaures"}[op["tender"]]
        alone = json.loads(run([track, os.path.join(args.portfolio, folder), "--format", "json"]).stdout)
        pooled = [lot["id"] for lot in op["lots"] if "agreement" in lot]
        check(pooled == ["1"], f"{op['tender']}: lot 1 marked with its agreement ({pooled})")
        check(without_marks(op) == alone, f"{op['tender']}: counted in the portfolio exactly as alone")
    (agreement,) = whole["pooling"]
    check(agreement["id"] == "GLOB-2026-01", "the agreement GLOB-2026-01")
    check(agreement["target_hours"] == 700, f"target 400 + 300 = 700 h ({agreement['target_hours']})")
    check(agreement["counted_hours"] == 550, f"counted 450 + 100 = 550 h ({agreement['counted_hours']})")
    check(agreement["missing_hours"] == 150, f"pooled shortfall max(0, 700 - 550) = 150 h ({agreement['missing_hours']})")
    check(agreement["in_force"] is True, "signed 2026-06-15: in force at 2026-11-22")

    with tempfile.TemporaryDirectory(prefix="clausier-eml-") as out:
        p = run([track, "due", args.portfolio, "--format", "eml", "-o", out])
        for name in ("Couleurs d'Oc", "Menuiserie de l'Aude"):
            check(name in p.stderr, f"the contractor without an address {name} is named on stderr")
        files = sorted(os.listdir(out))
        check(files == ["btp-sud.eml", "electricite-cathare.eml", "regie-de-quartier-du-viguier.eml"],
              f"one message per contractor with an address: {files}")
        expected = {"btp-sud.eml": ("clauses@btp-sud.example.fr", "CARC-2026-034", ["Lot 1 — Gros œuvre"]),
                    "electricite-cathare.eml": ("chantiers@elec-cathare.example.fr", "CARC-2026-034", ["Lot 2 — Électricité"]),
                    "regie-de-quartier-du-viguier.eml": ("contact@regie-viguier.example.org", "CARC-2026-021",
                                                         ["Lot 3 — Entretien des plantations"])}
        for f in files:
            with open(os.path.join(out, f), "rb") as fh:
                raw = fh.read()
            check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{f}: CRLF line ends only")
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            to, operation, lots = expected[f]
            missing = [h for h in ("To", "From", "Subject", "Date", "Message-ID", "X-Unsent") if msg[h] is None]
            check(not missing, f"{f}: headers missing: {missing}")
            if missing:
                continue
            check(msg["To"].addresses[0].addr_spec == to, f"{f}: To {msg['To']}")
            check(msg["From"].addresses[0].addr_spec == "clauses@mde-carcassonne.example.org", f"{f}: From {msg['From']}")
            check(operation in msg["Subject"], f"{f}: the Subject names {operation}: {msg['Subject']}")
            # The run's date, not the clock: the same portfolio gives the same files.
            check(msg["Date"] == "Sun, 22 Nov 2026 08:00:00 +0000", f"{f}: Date of CLAUSIER_TODAY, 08:00 UTC ({msg['Date']})")
            check(str(msg["Message-ID"]).startswith("<2026-11-22-") and str(msg["Message-ID"]).endswith("@clausier>"),
                  f"{f}: Message-ID of the run's date ({msg['Message-ID']})")
            check(msg["X-Unsent"] == "1", f"{f}: X-Unsent: 1, opened as a draft ({msg['X-Unsent']})")
            for header in ("To", "From", "Subject"):
                check(len(msg.get_all(header) or []) == 1, f"{f}: exactly one {header} header")
            check(msg.get_all("Bcc") is None and msg.get_all("Cc") is None, f"{f}: no Cc nor Bcc")
            body = msg.get_body(preferencelist=("plain",))
            check(body is not None and body.get_content_type() == "text/plain", f"{f}: a text/plain body")
            check(body.get_content_charset() == "utf-8", f"{f}: UTF-8")
            text = body.get_content()
            for lot in lots:
                check(lot in text, f"{f}: the body names « {lot} »")
            check("état vierge" in text, f"{f}: the body says how to send the statements (the blank statement)")
            check(not msg.defects, f"{f}: parsed without defects {msg.defects}")

    buyers = json.loads(run([report, args.portfolio, "--by", "buyer", "--year", "2026", "--format", "json"]).stdout)
    (row,) = buyers["buyers"]
    check(row["buyer"] == "Carcassonne Agglo" and row["year"] == 2026, "one row: Carcassonne Agglo, 2026")
    check(row["lots_notified"] == 8, f"8 lots notified in 2026 ({row['lots_notified']})")
    check(row["lots_with_social_consideration"] == 6, f"6 with a social consideration ({row['lots_with_social_consideration']})")
    check(row["social_consideration_share"] == 0.75, "share 6 / 8 = 0.75")

    for as_of in ("2026-11-22", "2026-05-31"):
        tracked = json.loads(run([track, args.portfolio, "--as-of", as_of, "--format", "json"]).stdout)["pooling"]
        bilan = json.loads(run([report, args.portfolio, "--as-of", as_of, "--format", "json"]).stdout)
        check(bilan["kind"] == "consolidation", f"{as_of}: the bilan of a portfolio is a consolidation")
        check(bilan["pooling"] == tracked, f"{as_of}: the bilan's agreements are track's:\n{bilan['pooling']}\n{tracked}")
        check(len(tracked) == 1 and tracked[0]["in_force"] is (as_of >= "2026-06-15"),
              f"{as_of}: in force only from the signature ({tracked})")

    with tempfile.TemporaryDirectory(prefix="clausier-pooling-") as tmp:
        copy = os.path.join(tmp, "portefeuille")
        shutil.copytree(args.portfolio, copy)
        with open(os.path.join(copy, "pooling.yaml"), "a", encoding="utf-8") as fh:
            fh.write("  - id: GLOB-2026-02\n    contractor: { name: BTP Sud }\n    signed: 2026-07-01\n"
                     "    lots: [ CARC-2026-021/1, CARC-2026-099/1 ]\n")
        bilan = os.path.join(tmp, "bilan.md")
        p = run([report, copy, "-o", bilan], accepted=(2,))
        check("pooling-lot-twice" in p.stderr and "pooling-unknown-lot" in p.stderr,
              f"the bilan reports the pooling file's errors:\n{p.stderr}")
        check(not os.path.exists(bilan), "a pooling file in error leaves the bilan unwritten")

    if failures:
        print(f"portfolio_python: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("portfolio_python: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
