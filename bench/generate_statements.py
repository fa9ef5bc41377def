#!/usr/bin/env python3
"""Writes an operation folder for the tracking benchmark: the espaces-verts tender, N participants
and ROWS statement rows spread over several CSV files (both dialects: Windows-1252 with ';' and
decimal commas, UTF-8 with BOM and ','). Deterministic (seeded).

  generate_statements.py OUTDIR [ROWS=1000000] [PARTICIPANTS=15000] [--refusals]

By default almost every row counts (about 1 % name an unknown participant). With --refusals most
rows count nothing, for every reason a statement row can be refused: the tender keeps the example's
six months of eligibility (so about two rows in three are after-validity), and some rows name an
unknown lot (2 %), an unknown participant (1 %), a month before the eligibility (2 %), repeat an
earlier row (2 %) or cannot be read (0.5 %: a month, an hour count or a route that is not one)."""
import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUTES = ["direct", "etti", "ai", "geiq", "siae-subcontract", "ea"]
CONTRACTS = ["cdi", "cdd", "interim", "apprenticeship", "professionalisation", "cddi"]
FILES = 8


def write_tender(out: Path, refusals: bool):
    tender = (ROOT / "examples/espaces-verts/tender.yaml").read_text(encoding="utf-8")
    # The example limits eligibility to 6 months (to show that refusal); the benchmark's two years
    # of statements would then be mostly refused, which is what --refusals measures.
    if not refusals:
        tender = "\n".join(line for line in tender.split("\n") if "eligibility_validity_months" not in line)
    (out / "tender.yaml").write_text(tender, encoding="utf-8")


def write_participants(out: Path, people: int, rng: random.Random):
    with open(out / "participants.yaml", "w", encoding="utf-8") as f:
        f.write("format: clausier/participants/1\nparticipants:\n")
        for i in range(1, people + 1):
            birth = rng.randint(1960, 2006)
            # "young" only for the under-26 at validation (2027): clausier refuses it otherwise.
            criteria = ['deld', 'rsa', 'qpv', 'rqth'] + (['young'] if birth >= 2002 else [])
            f.write(f"  - {{ ref: P-{i:05d}, sex: {rng.choice('FMX')}, birth_year: {birth}, "
                    f"criteria: [{rng.choice(criteria)}], "
                    f"validated_on: 2027-01-{rng.randint(1, 28):02d} }}\n")


def refused_variant(fields: list, rng: random.Random, previous: list) -> list:
    """The row, or a copy of it that counts nothing for one of the reasons of formats.md section 5."""
    draw = rng.random()
    if draw < 0.02:
        fields[0] = "4"  # unknown-lot
    elif draw < 0.03:
        fields[1] = "X" + fields[1][1:]  # unknown-participant
    elif draw < 0.05:
        fields[2] = "2026-12"  # before-validation (the lots start in 2027 too)
    elif draw < 0.07 and previous:
        fields = list(previous[rng.randrange(len(previous))])  # duplicate of an earlier row of the file
        fields[6] = str(rng.randint(7, 151))
    elif draw < 0.0725:
        fields[2] = "13/2027"
    elif draw < 0.075:
        fields[6] = "7 h"
    elif draw < 0.0775:
        fields[3] = "insertion"
    return fields


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("participants", nargs="?", type=int, default=15000)
    parser.add_argument("--refusals", action="store_true", help="most rows count nothing, for every reason")
    args = parser.parse_args()
    out = Path(args.outdir)
    rng = random.Random(20261122)
    (out / "statements").mkdir(parents=True, exist_ok=True)
    write_tender(out, args.refusals)
    write_participants(out, args.participants, rng)
    # Each (lot, participant, month) appears once; without --refusals about 1 % of rows are refused
    # (an unknown participant), so the "not counted" list is there but small.
    keys = [(lot, p, year, month) for year in (2027, 2028) for month in range(1, 13)
            for p in range(1, args.participants + 1) for lot in (1, 2, 3)]
    if len(keys) < args.rows:
        parser.error(f"{args.rows} rows need at least {(args.rows + 71) // 72} participants (3 lots, 24 months)")
    rng.shuffle(keys)
    keys = keys[:args.rows]
    per_file = (len(keys) + FILES - 1) // FILES
    for k in range(FILES):
        windows = k % 2 == 0
        sep = ";" if windows else ","
        enc = "cp1252" if windows else "utf-8-sig"
        header = ("lot;participant;mois;modalite;contrat;employeur;heures_travail;heures_formation" if windows
                  else "lot,participant,month,route,contract,employer,work_hours,training_hours")
        lines = [header]
        previous = []
        for lot, p, year, month in keys[k * per_file:(k + 1) * per_file]:
            # At most 55.5 + 7 hours a lot: three lots stay under the legal maximum of a month (192 h in
            # February), so `track` warns hours-over-legal-maximum on no row (it did on 590 000 of a million).
            hours = f"{rng.randint(7, 55)}{',5' if windows and rng.random() < 0.3 else ''}"
            employer = "Jardins d'Éole" if windows else '"Vert, SIAE"'
            ref = f"P-{p:05d}" if rng.random() > 0.01 else f"X-{p:05d}"
            fields = [str(lot), ref, f"{year}-{month:02d}", rng.choice(ROUTES), rng.choice(CONTRACTS),
                      employer, hours, str(rng.choice([0, 0, 0, 7]))]
            if args.refusals:
                if len(previous) < 1000:
                    previous.append(list(fields))
                fields = refused_variant(fields, rng, previous)
            lines.append(sep.join(fields))
        (out / "statements" / f"releve-{k:02d}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(enc))
    print(f"{args.rows} rows, {args.participants} participants in {out}{' (refusal-heavy)' if args.refusals else ''}")


if __name__ == "__main__":
    main()
