#!/usr/bin/python3
"""The counting of clausier track as a facilitator's colleague would write it in Python: PyYAML (its
C loader) for the tender and the participants, the csv module for the statements, and the counting
rules of formats.md section 5. The benchmark's peer (bench/track.sh): the same data, the same
counted hours per lot and the same refused rows, to see what a C++ tool is worth against a script.

  track_peer.py OPERATION_FOLDER --as-of YYYY-MM-DD [-o FILE]

Writes JSON: per lot its counted hours, its number of participants and its refused rows ({file,
line, reason}), then every refused row ({file, line, reason, lot, hours}).
"""
import argparse
import csv
import datetime
import glob
import json
import os
import re
import sys
import unicodedata

import yaml

ROUTES = {"direct", "etti", "ai", "geiq", "siae-subcontract", "siae-cocontract", "ea"}
CONTRACTS = {"cdi", "cdi-inclusion", "cdd", "cddi", "cdd-usage", "interim", "apprenticeship",
             "professionalisation", "other"}
ALIASES = {"lot": "lot", "n_lot": "lot", "participant": "participant", "ref": "participant",
           "reference": "participant", "month": "month", "mois": "month", "route": "route",
           "modalite": "route", "contract": "contract", "contrat": "contract", "employer": "employer",
           "employeur": "employer", "work_hours": "work_hours", "heures_travail": "work_hours",
           "heures_de_travail": "work_hours", "heures_travaillees": "work_hours",
           "training_hours": "training_hours", "heures_formation": "training_hours",
           "heures_de_formation": "training_hours", "declared": "declared", "heures_declarees": "declared"}
REQUIRED = ["lot", "participant", "month", "route", "contract", "work_hours"]
NUMBER = re.compile(r"^-?[0-9]+([.,][0-9]+)?$")


def header_key(text):
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def month_index(text):
    """2027-04, 04/2027, 2027-04-15, 15/04/2027 -> year * 12 + month - 1, or None."""
    m = (re.fullmatch(r"(\d{4})-(\d{2})(-\d{2})?", text) or re.fullmatch(r"(?:\d{2}/)?(\d{2})/(\d{4})", text))
    if not m:
        return None
    year, month = (int(m.group(1)), int(m.group(2))) if "-" in text else (int(m.group(2)), int(m.group(1)))
    if not (1 <= month <= 12 and 1990 <= year <= 2200):
        return None
    return year * 12 + month - 1


def hours(text):
    text = text.strip()
    return float(text.replace(",", ".")) if NUMBER.match(text) else None


def looks_personal(ref):
    return "@" in ref or not any(c.isdigit() for c in ref)


def read_rows(path):
    """The rows of one statement file: (line, fields by name, problems)."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    lines = text.splitlines(keepends=True)
    first = next((line for line in lines if line.strip()), "")
    sep = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(lines, delimiter=sep)
    header = None
    line = 0
    for fields in reader:
        start, line = line + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if header is None:
            header = {ALIASES[k]: i for i, k in enumerate(map(header_key, fields)) if k in ALIASES}
            if any(name not in header for name in REQUIRED):
                print(f"{path}: en-tête incomplet", file=sys.stderr)
                return
            continue
        if fields[0].startswith("#"):
            continue
        row = {name: fields[i].strip() if i < len(fields) else "" for name, i in header.items()}
        yield start, row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("operation")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    as_of = datetime.date.fromisoformat(args.as_of)
    as_of_month = as_of.year * 12 + as_of.month - 1

    tender = yaml.load(open(os.path.join(args.operation, "tender.yaml"), encoding="utf-8"), Loader=yaml.CSafeLoader)
    counting = tender.get("counting") or {}
    training_rule = counting.get("training_hours", "work-contracts")
    validity = counting.get("eligibility_validity_months")
    lots = {}
    for lot in tender["lots"]:
        lots[str(lot["id"])] = {
            "clause": lot.get("clause", "none") != "none",
            "start": lot["start"].year * 12 + lot["start"].month - 1 if "start" in lot else None,
            "end": lot["end"].year * 12 + lot["end"].month - 1 if "end" in lot else None,
            "counted": 0.0, "people": set(), "not_counted": []}
    participants = yaml.load(open(os.path.join(args.operation, "participants.yaml"), encoding="utf-8"),
                             Loader=yaml.CSafeLoader)
    validated = {}
    for p in participants["participants"]:
        validated.setdefault(str(p["ref"]), p["validated_on"].year * 12 + p["validated_on"].month - 1)

    def lot_of(text):
        if text in lots:
            return text
        if text.isdigit():
            return next((lot for lot in lots if lot.isdigit() and int(lot) == int(text)), None)
        return None

    not_counted = []
    seen = set()
    for path in sorted(glob.glob(os.path.join(args.operation, "statements", "*.csv"))):
        for line, row in read_rows(path):
            work, training = hours(row["work_hours"]), hours(row.get("training_hours") or "0")
            month = month_index(row["month"])
            route, contract = row["route"].lower(), row["contract"].lower()
            declared = (work or 0) + (training or 0)
            reason = None
            if not row["lot"] or not row["participant"]:
                reason = "invalid-row"
            elif looks_personal(row["participant"]):
                reason, declared = "personal-data", 0
            elif (month is None or route not in ROUTES or contract not in CONTRACTS or work is None or work < 0
                  or training is None or training < 0):
                reason = "invalid-row"
            else:
                lot = lot_of(row["lot"])
                valid_from = validated.get(row["participant"])
                if month > as_of_month:
                    reason = "after-as-of"
                elif lot is None:
                    reason = "unknown-lot"
                elif not lots[lot]["clause"]:
                    reason = "lot-without-clause"
                elif valid_from is None:
                    reason = "unknown-participant"
                elif month < valid_from:
                    reason = "before-validation"
                elif validity and month > valid_from + validity:
                    reason = "after-validity"
                elif ((lots[lot]["start"] is not None and month < lots[lot]["start"])
                      or (lots[lot]["end"] is not None and month > lots[lot]["end"])):
                    reason = "outside-execution"
                elif (lot, row["participant"], month, route) in seen:
                    reason = "duplicate"
                else:
                    seen.add((lot, row["participant"], month, route))
                    counts_training = (training_rule == "all" or (training_rule == "work-contracts" and contract in
                                                                  ("apprenticeship", "professionalisation")))
                    lots[lot]["counted"] += work + (training if counts_training else 0)
                    lots[lot]["people"].add(row["participant"])
            if reason:
                entry = {"file": path, "line": line, "reason": reason, "lot": row["lot"], "hours": declared}
                not_counted.append(entry)
                if lot_of(row["lot"]) is not None:
                    lots[lot_of(row["lot"])]["not_counted"].append({"file": path, "line": line, "reason": reason})

    result = {"as_of": args.as_of,
              "lots": [{"id": lot_id, "counted_hours": round(lot["counted"], 6), "participants": len(lot["people"]),
                        "not_counted": lot["not_counted"]} for lot_id, lot in lots.items()],
              "not_counted": not_counted}
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    json.dump(result, out, ensure_ascii=False, indent=1)
    out.write("\n")


if __name__ == "__main__":
    main()
