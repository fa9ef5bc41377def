#!/usr/bin/env python3
"""Writes an operation folder for the tracking benchmark: the espaces-verts tender, N participants
and ROWS statement rows spread over several CSV files (both dialects: Windows-1252 with ';' and
decimal commas, UTF-8 with BOM and ','). Deterministic (seeded).

  generate_statements.py OUTDIR [ROWS=1000000] [PARTICIPANTS=5000]"""
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    out = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    people = int(sys.argv[3]) if len(sys.argv) > 3 else 15000
    rng = random.Random(20261122)
    (out / "statements").mkdir(parents=True, exist_ok=True)
    tender = (ROOT / "examples/espaces-verts/tender.yaml").read_text(encoding="utf-8")
    # The example limits eligibility to 6 months (to show that refusal); the benchmark's two years
    # of statements would then be mostly refused, which is not what it measures.
    tender = "\n".join(l for l in tender.split("\n") if "eligibility_validity_months" not in l)
    (out / "tender.yaml").write_text(tender, encoding="utf-8")
    with open(out / "participants.yaml", "w", encoding="utf-8") as f:
        f.write("format: clausier/participants/1\nparticipants:\n")
        for i in range(1, people + 1):
            birth = rng.randint(1960, 2006)
            # "young" only for the under-26 at validation (2027): clausier refuses it otherwise.
            criteria = ['deld', 'rsa', 'qpv', 'rqth'] + (['young'] if birth >= 2002 else [])
            f.write(f"  - {{ ref: P-{i:05d}, sex: {rng.choice('FMX')}, birth_year: {birth}, "
                    f"criteria: [{rng.choice(criteria)}], "
                    f"validated_on: 2027-01-{rng.randint(1, 28):02d} }}\n")
    routes = ["direct", "etti", "ai", "geiq", "siae-subcontract", "ea"]
    contracts = ["cdi", "cdd", "interim", "apprenticeship", "professionalisation", "cddi"]
    # Realistic: almost every row counts. Each (lot, participant, month) appears once; about 1 % of rows
    # are refused (an unknown participant), so the "not counted" list is there but small.
    files = 8
    keys = [(lot, p, year, month) for year in (2027, 2028) for month in range(1, 13)
            for p in range(1, people + 1) for lot in (1, 2, 3)]
    rng.shuffle(keys)
    keys = keys[:rows]
    per_file = (len(keys) + files - 1) // files
    for k in range(files):
        windows = k % 2 == 0
        sep = ";" if windows else ","
        enc = "cp1252" if windows else "utf-8-sig"
        header = ("lot;participant;mois;modalite;contrat;employeur;heures_travail;heures_formation" if windows
                  else "lot,participant,month,route,contract,employer,work_hours,training_hours")
        lines = [header]
        for lot, p, year, month in keys[k * per_file:(k + 1) * per_file]:
            hours = f"{rng.randint(7, 151)}{',5' if windows and rng.random() < 0.3 else ''}"
            employer = "Jardins d'Éole" if windows else '"Vert, SIAE"'
            ref = f"P-{p:05d}" if rng.random() > 0.01 else f"X-{p:05d}"
            lines.append(sep.join([str(lot), ref, f"{year}-{month:02d}", rng.choice(routes), rng.choice(contracts),
                                   employer, hours, str(rng.choice([0, 0, 0, 7]))]))
        (out / "statements" / f"releve-{k:02d}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(enc))
    print(f"{rows} rows, {people} participants in {out}")


if __name__ == "__main__":
    main()
