#!/usr/bin/python3
"""Write N operation folders for the report benchmark (bench/report.sh): OUTDIR/op-0001/ ...

Each folder holds what `clausier report` reads (formats.md section 1):

- tender.yaml: one works operation of 1 to 3 lots (labour-cost method, labour share given in the
  lot, clause `execution`, start and end, award with a contractor whose SIRET passes the Luhn
  check), for one of eight buyers, notified between 2025 and 2027;
- participants.yaml: PEOPLE ÷ N participants (100 by default), one flow-style line each (as a tool
  exports them; `--block` writes the indented form of examples/ instead, `--csv` a participants.csv);
- statements/lot-ID.csv: 12 consecutive months of rows per participant on one lot of the operation
  (UTF-8 with BOM, ';', decimal comma, CRLF), inside the lot's execution period and the
  participant's eligibility.

Participant refs are distinct across operations, except 5 % of them: the first five participants
of an operation are the last five of the previous one (the same person hired again on the next
site), so a consolidation has to count them once. About 60 % of participants have an exit
situation, and most of those a six-month follow-up.

With the defaults (1 000 operations, 100 000 participants): 1 200 000 statement rows, about 95 000
distinct people. Every row counts at --as-of 2030-12-31. The output depends only on N, PEOPLE
and --seed.

Usage: generate_operations.py OUTDIR [N=1000] [PEOPLE=100000] [--seed SEED] [--block | --csv]
"""

import argparse
import datetime
import pathlib
import random
import sys

BUYERS = [
    ("Ville de Saint-Clair-de-Garonne", "21310914300015"),
    ("Communauté d'agglomération Garonne-Lèze", "20004217400017"),
    ("Office public de l'habitat du Carcassonnais", "27110042200010"),
    ("Département de la Haute-Garonne", "22310001700019"),
    ("Ville de Muret", "21310395500018"),
    ("Toulouse Métropole Habitat", "27310006500013"),
    ("Région Occitanie", "20005379300010"),
    ("Syndicat mixte des eaux du Volvestre", "25310012300012"),
]
# trade, labour share, CPV, lot title
TRADES = [
    ("masonry", 0.50, "45262500-6", "Gros œuvre – maçonnerie"),
    ("painting", 0.70, "45442100-8", "Peinture – revêtements muraux"),
    ("building", 0.50, "45421000-4", "Menuiseries intérieures et extérieures"),
    ("plumbing", 0.45, "45330000-9", "Plomberie – chauffage – ventilation"),
    ("electrical", 0.45, "45310000-3", "Électricité – courants faibles"),
    ("earthworks", 0.35, "45233140-2", "Voirie et réseaux divers"),
]
CONTRACTORS = ["Bâtisseurs du Lauragais", "Peintures de l'Ariège", "Menuiserie Garonne", "Thermique du Sud-Ouest",
               "Élec 31", "TP Volvestre", "Comminges Bâtiment", "Réseaux et Voiries d'Occitanie"]
ROUTES = ["direct", "direct", "etti", "etti", "ai", "geiq", "siae-subcontract", "siae-cocontract", "ea"]
CONTRACTS = ["cdi", "cdd", "interim", "interim", "apprenticeship", "professionalisation", "cddi", "cdi-inclusion"]
EMPLOYERS = {"direct": "Entreprise titulaire", "etti": "Trajectoire Intérim, agence de Muret",
             "ai": "Association intermédiaire Solidarité Emploi", "geiq": "GEIQ BTP Occitanie",
             "siae-subcontract": "ACI Les Sentiers du Volvestre", "siae-cocontract": "EI Bâtir Ensemble",
             "ea": "Atelier Vert, entreprise adaptée"}
CRITERIA = ["deld", "detld", "rsa", "ass", "aah", "rqth", "iae", "qpv", "justice", "epide-e2c"]
SITUATIONS = ["cdi", "cdd-6m-plus", "interim-6m-plus", "cdd-under-6m", "interim-under-6m", "subsidised-contract",
              "qualifying-training", "other-siae", "jobseeker", "inactive", "unknown"]
REUSED = 5  # participants of an operation who were the last ones of the previous operation


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def with_check_digit(body: str) -> str:
    """The 13 digits followed by the digit that makes the Luhn check pass."""
    return next(body + last for last in "0123456789" if luhn_ok(body + last))


def siret(rng: random.Random) -> str:
    """A 14-digit SIRET whose Luhn check passes (the last digit is chosen for it)."""
    body = "".join(str(rng.randint(0, 9)) for _ in range(13))
    return with_check_digit(str(rng.randint(1, 9)) + body[1:])


def add_months(d: datetime.date, months: int) -> datetime.date:
    m = d.month - 1 + months
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)


def last_day(d: datetime.date) -> datetime.date:
    return add_months(d, 1) - datetime.timedelta(days=1)


def month_text(d: datetime.date) -> str:
    return f"{d.year}-{d.month:02d}"


class Person:
    def __init__(self, ref: str, rng: random.Random):
        self.ref = ref
        self.sex = rng.choice("FFMMMX")
        self.birth_year = rng.randint(1962, 2007)
        self.criteria = sorted(set(rng.sample(CRITERIA, rng.choice([1, 1, 2]))))
        self.education = rng.choice([None, 2, 3, 3, 4, 4, 5, 6])


def person_yaml(p: Person, validated: datetime.date, exit_info, block: bool) -> str:
    criteria = list(p.criteria)
    age = validated.year - p.birth_year
    if age < 26 and "young" not in criteria:
        criteria = ["young"] + criteria
    if age >= 50 and "senior" not in criteria:
        criteria = ["senior"] + criteria
    fields = [("ref", p.ref), ("sex", p.sex), ("birth_year", str(p.birth_year)),
              ("criteria", "[" + ", ".join(criteria) + "]"), ("validated_on", validated.isoformat())]
    if p.education is not None:
        fields.append(("education_level", str(p.education)))
    extra = []
    if exit_info:
        exit_date, situation, follow = exit_info
        extra.append(("exit", f"{{ date: {exit_date.isoformat()}, situation: {situation} }}"))
        if follow:
            extra.append(("follow_up", f"{{ date: {follow[0].isoformat()}, situation: {follow[1]} }}"))
    if block:
        lines = [f"  - {fields[0][0]}: {fields[0][1]}"] + [f"    {k}: {v}" for k, v in fields[1:] + extra]
        return "\n".join(lines) + "\n\n"
    return "  - { " + ", ".join(f"{k}: {v}" for k, v in fields + extra) + " }\n"


def person_csv(p: Person, validated: datetime.date, exit_info) -> str:
    criteria = list(p.criteria)
    age = validated.year - p.birth_year
    if age < 26 and "young" not in criteria:
        criteria = ["young"] + criteria
    if age >= 50 and "senior" not in criteria:
        criteria = ["senior"] + criteria
    exit_date = situation = follow_date = follow_situation = ""
    if exit_info:
        exit_date, situation = exit_info[0].isoformat(), exit_info[1]
        if exit_info[2]:
            follow_date, follow_situation = exit_info[2][0].isoformat(), exit_info[2][1]
    education = "" if p.education is None else str(p.education)
    return ";".join([p.ref, p.sex, str(p.birth_year), "|".join(criteria), validated.isoformat(), education, exit_date,
                     situation, follow_date, follow_situation])


def write_operation(folder: pathlib.Path, number: int, people: list, rng: random.Random, style: str) -> int:
    buyer, buyer_siret = BUYERS[rng.randrange(len(BUYERS))]
    notice = datetime.date(rng.randint(2025, 2027), rng.randint(1, 12), rng.randint(1, 28))
    lots = []
    for i in range(rng.randint(1, 3)):
        trade, share, cpv, title = rng.choice(TRADES)
        start = add_months(notice, rng.randint(2, 4))
        months = rng.randint(15, 30)
        end = last_day(add_months(start, months - 1))
        # About 25 h of counted work per participant and month over the lot: the targets are of the
        # same order as what is realised (some lots above, some below).
        amount = rng.randint(110, 440) * 50_000
        lots.append({"id": str(i + 1), "trade": trade, "share": share, "cpv": cpv, "title": title, "start": start,
                     "end": end, "months": months, "amount": amount,
                     "contractor": (rng.choice(CONTRACTORS), siret(rng)), "notified": add_months(notice, 1)})
    lines = [
        "# Opération générée pour le banc d'essai de clausier report (bench/generate_operations.py).",
        "format: clausier/tender/1",
        f"id: BENCH-{notice.year}-{number:04d}",
        f"title: Opération de travaux n° {number} (banc d'essai)",
        "buyer:",
        f"  name: \"{buyer}\"",
        "  kind: local",
        f"  siret: \"{buyer_siret}\"",
        "facilitator:",
        "  name: Sophie Garrigues",
        "  organisation: Maison de l'emploi du Sud Toulousain",
        "  email: clauses.sud-toulousain@example.org",
        "  phone: \"05 36 49 00 41\"",
        "nature: works",
        f"notice_date: {notice.isoformat()}",
        "parameters:",
        "  hourly_cost: 30",
        "  rate: 0.07",
        "  rounding: nearest",
        "  rounding_step: 1",
        "  minimum_hours: 35",
        "penalties:",
        "  per_missing_hour: 50",
        "  condition: best-efforts",
        "  cap_share: 0.10",
        "counting:",
        "  training_hours: work-contracts",
        "  eligibility_validity_months: 24",
        "  tolerance: 0.10",
        "lots:",
    ]
    for lot in lots:
        lines += [
            f"  - id: \"{lot['id']}\"",
            f"    title: {lot['title']}",
            f"    cpv: \"{lot['cpv']}\"",
            f"    trade: {lot['trade']}",
            f"    labour_share: {lot['share']}",
            f"    amount: {lot['amount']}",
            "    clause: execution",
            f"    start: {lot['start'].isoformat()}",
            f"    end: {lot['end'].isoformat()}",
            "    award:",
            f"      contractor: {{ name: \"{lot['contractor'][0]}\", siret: \"{lot['contractor'][1]}\" }}",
            f"      notified: {lot['notified'].isoformat()}",
        ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "statements").mkdir(exist_ok=True)
    (folder / "tender.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    if style == "csv":
        participants = ["ref;sex;birth_year;criteria;validated_on;education_level;exit_date;exit_situation;"
                        "follow_up_date;follow_up_situation"]
    else:
        participants = ["# Participants pseudonymes (banc d'essai).", "format: clausier/participants/1",
                        "participants:"]
    rows = {lot["id"]: [] for lot in lots}
    for p in people:
        lot = rng.choice(lots)
        first = add_months(lot["start"], rng.randint(0, lot["months"] - 12))
        validated = first - datetime.timedelta(days=rng.randint(1, 25))
        last = add_months(first, 11)
        exit_info = None
        if rng.random() < 0.6:
            exit_date = last_day(last)
            follow = (last_day(add_months(last, 6)), rng.choice(SITUATIONS)) if rng.random() < 0.8 else None
            exit_info = (exit_date, rng.choice(SITUATIONS), follow)
        if style == "csv":
            participants.append(person_csv(p, validated, exit_info))
        else:
            participants.append(person_yaml(p, validated, exit_info, style == "block").rstrip("\n"))
        route = rng.choice(ROUTES)
        contract = rng.choice(CONTRACTS)
        if route == "direct":
            employer = lot["contractor"][0]
        else:
            employer = EMPLOYERS[route]
        training = contract in ("apprenticeship", "professionalisation")
        for k in range(12):
            month = add_months(first, k)
            work = rng.choice(["14", "21", "28", "17,5", "24,5", "35"])
            train = rng.choice(["0", "3,5", "7"]) if training else "0"
            rows[lot["id"]].append(f"{lot['id']};{p.ref};{month_text(month)};{route};{contract};{employer};{work};{train}")
    name = "participants.csv" if style == "csv" else "participants.yaml"
    (folder / name).write_text("\n".join(participants) + "\n", encoding="utf-8")
    count = 0
    for lot_id, lot_rows in rows.items():
        text = "\ufefflot;participant;month;route;contract;employer;work_hours;training_hours\r\n"
        text += "".join(r + "\r\n" for r in lot_rows)
        (folder / "statements" / f"lot-{lot_id}.csv").write_bytes(text.encode("utf-8"))
        count += len(lot_rows)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=pathlib.Path, metavar="OUTDIR")
    parser.add_argument("count", type=int, nargs="?", default=1000, metavar="N")
    parser.add_argument("people", type=int, nargs="?", default=100_000, metavar="PEOPLE")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    styles = parser.add_mutually_exclusive_group()
    styles.add_argument("--block", action="store_true", help="participants in block style, as in examples/")
    styles.add_argument("--csv", action="store_true", help="participants.csv instead of participants.yaml")
    args = parser.parse_args()
    if args.count < 1 or args.people < args.count * (REUSED + 1):
        parser.error(f"N must be at least 1 and PEOPLE at least {REUSED + 1} per operation")

    rng = random.Random(args.seed)
    per_operation = args.people // args.count
    width = max(4, len(str(args.count)))
    previous: list = []
    rows = 0
    distinct = 0
    for number in range(1, args.count + 1):
        size = per_operation + (1 if number <= args.people % args.count else 0)
        people = previous[-REUSED:] if previous else []
        fresh = size - len(people)
        people += [Person(f"P-{number:0{width}d}-{i:03d}", rng) for i in range(1, fresh + 1)]
        # The last five are hired again by the next operation. Born mid-range: "young" and "senior"
        # depend on the validation date, which differs between the two operations.
        for p in people[-REUSED:]:
            p.birth_year = rng.randint(1975, 1995)
        distinct += fresh
        style = "csv" if args.csv else "block" if args.block else "flow"
        rows += write_operation(args.outdir / f"op-{number:0{width}d}", number, people, rng, style)
        previous = people
    print(f"{args.count} operations, {args.people} participants ({distinct} distinct people), {rows} statement rows "
          f"in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
