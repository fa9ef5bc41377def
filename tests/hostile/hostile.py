#!/usr/bin/env python3
"""Hostile inputs for every Clausier tool, generated in a temporary folder (issue 17).

Each case runs one command with a bounded time (5 s) and memory (1 GB of address space, less when the case
says so), then checks
its exit code (2 for invalid input, 3 for a file that cannot be read or written, unless the case says
otherwise), that standard error holds a French message, no English library text and no raw control
byte, and whatever else the case promises (a file left intact, a value never echoed...).

    tests/hostile/hostile.py --bin build/bin [--keep] [-k NAME]

EXPECTED_FAILURES names the cases that are known to fail today and are fixed elsewhere: such a case
must still fail (the run says so); when it passes, the run fails and asks to remove it from the list.
Limitations (also in docs/robustness.md): the tests run as root in CI, and root reads any folder, so
an unreadable folder is made with a path through a regular file, and a chmod 000 folder is tried only
when not root; a full disk on a regular file needs a small tmpfs (mount), tried only when allowed.
"""
import argparse
import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "espaces-verts"
TIME_LIMIT = 5.0
MEMORY_LIMIT = 1 << 30

# Cases known to fail today because their fix lives in another branch, by name: such a case must still
# fail, and the run asks to remove it from this list as soon as it passes. Empty since thin-tools (exit 3
# with a message when standard output cannot be written, item 9 of issue 17) reached main.
EXPECTED_FAILURES: set[str] = set()

# What must never reach a user: the text of an exception, of the C or C++ library, of a sanitizer.
ENGLISH = ["std::", "what()", "terminate called", "filesystem error", "bad_alloc", "out_of_range",
           "invalid_argument", "No such file", "Permission denied", "Too many levels", "Is a directory",
           "No space left", "illegal", "unknown escape", "bad file", "while scanning", "while parsing",
           "did not find", "not allowed", "could not find", "found character", "Segmentation", "Aborted",
           "AddressSanitizer", "runtime error", "too large to format"]
FRENCH = ["lecture", "écriture", "refus", "invalide", "syntaxe", "fichier", "colonne", "ligne", "montant",
          "ancre", "alias", "imbrication", "référence", "dossier", "introuvable", "ressemble", "encod",
          "archive", "inconnu", "manquant", "contrôle"]


class Case:
    def __init__(self, name, args, exits=(2, 3), stdin=None, stdout_path=None, check=None, stderr_max=1 << 20,
                 french=True, memory=MEMORY_LIMIT):
        self.name, self.args, self.exits = name, args, exits
        self.stdin, self.stdout_path, self.check = stdin, stdout_path, check
        self.stderr_max, self.french, self.memory = stderr_max, french, memory


def limit_resources(memory):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return limit


def run(case, bin_dir, work):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", CLAUSIER_TODAY="2027-12-31", COLUMNS="100")
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    tool = case.args[0]
    args = [str(Path(bin_dir) / tool)] + [str(a) for a in case.args[1:]]
    out = open(case.stdout_path, "wb") if case.stdout_path else subprocess.PIPE
    started = time.monotonic()
    try:
        proc = subprocess.run(args, cwd=work, env=env, stdout=out, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL if case.stdin is None else open(case.stdin, "rb"),
                              timeout=TIME_LIMIT, preexec_fn=limit_resources(case.memory))
    except subprocess.TimeoutExpired:
        return [f"plus de {TIME_LIMIT:.0f} s"], b"", b""
    finally:
        if case.stdout_path:
            out.close()
    elapsed = time.monotonic() - started
    problems = []
    stdout = proc.stdout or b""
    stderr = proc.stderr or b""
    if proc.returncode not in case.exits:
        problems.append(f"code de sortie {proc.returncode}, attendu {' ou '.join(map(str, case.exits))}")
    # clausier-check writes its report, messages included, to standard output.
    messages = stderr + (stdout if tool == "clausier-check" else b"")
    try:
        text = messages.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("les messages ne sont pas de l'UTF-8 valide")
        text = messages.decode("utf-8", "replace")
    raw = sorted({c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0})
    if raw:
        problems.append("octets de contrôle bruts dans les messages : " + ", ".join(f"U+{ord(c):04X}" for c in raw))
    for word in ENGLISH:
        if word in text:
            problems.append(f"texte anglais de bibliothèque dans les messages : « {word} »")
    if case.french and proc.returncode != 0 and not any(w in text.lower() for w in FRENCH):
        problems.append("aucun message en français")
    if len(stderr) > case.stderr_max:
        problems.append(f"stderr de {len(stderr)} octets (au plus {case.stderr_max})")
    if case.check:
        problems += case.check(proc.returncode, stdout, text, elapsed)
    return problems, stdout, stderr


# ---- Generators ------------------------------------------------------------------------------------

def alias_bomb(header):
    lines = [header, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def tender_with_lots(n, amount, start="2027-01-01", end="2030-12-31"):
    head = (ROOT / "examples" / "proprete-siege" / "tender.yaml").read_text(encoding="utf-8").split("\nlots:")[0]
    lots = "".join(f"""  - id: "{i}"
    title: Lot {i}
    trade: cleaning
    method: cleaning-pact
    amount: {amount}
    months: 48
    clause: execution
    start: {start}
    end: {end}
""" for i in range(1, n + 1))
    return head + "\nlots:\n" + lots


def zip_bomb(path, inner, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open(inner, "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)


def operation(work, name, statements=None, participants=None):
    op = work / name
    op.mkdir()
    shutil.copy(EXAMPLE / "tender.yaml", op / "tender.yaml")
    shutil.copy(participants or EXAMPLE / "participants.yaml", op / "participants.yaml")
    (op / "statements").mkdir()
    for i, text in enumerate(statements or []):
        (op / "statements" / f"s{i}.csv").write_bytes(text)
    return op


HEADER = b"lot;participant;month;route;contract;employer;work_hours;training_hours\n"


def private_device(path, minor):
    """A character device of the memory driver (1, minor) in the work folder, when this process may make one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        return path
    except OSError:
        return None


def try_mount_tmpfs(where):
    """A 64 KB tmpfs for the full-disk case, when this process may mount (root, no sandbox)."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


# ---- Checks ----------------------------------------------------------------------------------------

def intact(path, content=None, kind=None):
    def check(code, stdout, stderr, elapsed):
        p = Path(path)
        problems = []
        if kind == "symlink" and not p.is_symlink():
            problems.append(f"{p.name} n'est plus un lien symbolique")
        if kind == "fifo" and not stat.S_ISFIFO(os.lstat(p).st_mode):
            problems.append(f"{p.name} n'est plus un tube nommé")
        if kind == "dir" and not p.is_dir():
            problems.append(f"{p.name} n'est plus un dossier")
        if kind == "device" and not stat.S_ISCHR(os.lstat(p).st_mode):
            problems.append(f"{p.name} n'est plus un périphérique")
        if content is not None and p.read_bytes() != content:
            problems.append(f"{p.name} a changé")
        leftovers = [x.name for x in p.parent.iterdir() if ".tmp-" in x.name]
        if leftovers:
            problems.append("fichier temporaire laissé : " + ", ".join(leftovers))
        return problems
    return check


def never_shows(*secrets):
    def check(code, stdout, stderr, elapsed):
        shown = stdout.decode("utf-8", "replace") + stderr
        return [f"la valeur refusée « {s} » est répétée" for s in secrets if s in shown]
    return check


def stderr_lacks(*words):
    def check(code, stdout, stderr, elapsed):
        return [f"stderr contient « {w} »" for w in words if w in stderr]
    return check


def stdout_has(*words):
    def check(code, stdout, stderr, elapsed):
        out = stdout.decode("utf-8", "replace")
        return [f"stdout ne contient pas « {w} »" for w in words if w not in out]
    return check


def stdout_inert():
    def check(code, stdout, stderr, elapsed):
        text = stdout.decode("utf-8", "replace")
        raw = sorted({c for c in text if (ord(c) < 0x20 and c not in "\n\t\r") or 0x7F <= ord(c) < 0xA0})
        return ["octets de contrôle bruts sur la sortie standard : " + ", ".join(f"U+{ord(c):04X}" for c in raw)] if raw else []
    return check


def counts_nothing():
    """A track JSON result where no lot counts an hour (before the fix, the refused workbook's 246)."""
    def check(code, stdout, stderr, elapsed):
        try:
            lots = json.loads(stdout)["lots"]
        except (ValueError, KeyError):
            return ["la sortie n'est pas le JSON du suivi"]
        counted = sum(lot["counted_hours"] for lot in lots)
        return [] if counted == 0 else [f"{counted} heures comptées, attendu 0"]
    return check


def messages_have(*words):
    def check(code, stdout, stderr, elapsed):
        return [f"les messages ne disent pas « {w} »" for w in words if w not in stderr]
    return check


def both(*checks):
    def check(*a):
        return [p for c in checks for p in c(*a)]
    return check


def within(seconds):
    def check(code, stdout, stderr, elapsed):
        return [] if elapsed <= seconds else [f"{elapsed:.1f} s, au plus {seconds:.0f} s"]
    return check


def mode_is(path, mode):
    def check(code, stdout, stderr, elapsed):
        got = stat.S_IMODE(os.stat(path).st_mode)
        return [] if got == mode else [f"mode {oct(got)}, attendu {oct(mode)}"]
    return check


# ---- Cases -----------------------------------------------------------------------------------------

def cases(work):
    w = work
    tender = EXAMPLE / "tender.yaml"
    out = []

    # YAML: aliases, nesting, long lines.
    (w / "bomb.yaml").write_text(alias_bomb("format: clausier/tender/1"))
    out.append(Case("alias-bomb-tender", ["clausier-check", "bomb.yaml"], exits=(2,)))
    (w / "bomb-participants.yaml").write_text(alias_bomb("format: clausier/participants/1"))
    out.append(Case("alias-bomb-participants", ["clausier-track", EXAMPLE, "--participants", "bomb-participants.yaml"],
                    exits=(2,)))
    (w / "bomb-rules.yaml").write_text(alias_bomb("format: clausier/rules/1"))
    out.append(Case("alias-bomb-rules", ["clausier-hours", tender, "--rules", "bomb-rules.yaml"], exits=(2,)))
    (w / "deep.yaml").write_text("format: clausier/tender/1\nlots: " + "[" * 100000 + "]" * 100000 + "\n")
    out.append(Case("deep-nesting-flow", ["clausier-check", "deep.yaml"], exits=(2,), check=stderr_lacks("bad file")))
    (w / "deep-block.yaml").write_text("".join("  " * i + "a:\n" for i in range(3000)))
    out.append(Case("deep-nesting-block", ["clausier-check", "deep-block.yaml"], exits=(2,)))
    # The same against participants.yaml, which libyaml reads (yaml::parse_data), not yaml-cpp.
    participants = "format: clausier/participants/1\nparticipants:"
    (w / "deep-participants.yaml").write_text(participants + " " + "[" * 100000 + "]" * 100000 + "\n")
    out.append(Case("deep-nesting-flow-participants", ["clausier-track", EXAMPLE, "--participants",
                                                       "deep-participants.yaml"], exits=(2,),
                    check=messages_have("imbrication trop profonde")))
    (w / "deep-block-participants.yaml").write_text(participants + "\n" + "".join("  " * (i + 1) + "- a:\n"
                                                                                  for i in range(3000)))
    out.append(Case("deep-nesting-block-participants", ["clausier-track", EXAMPLE, "--participants",
                                                        "deep-block-participants.yaml"], exits=(2,),
                    check=messages_have("imbrication trop profonde")))
    (w / "huge-line-participants.yaml").write_text(participants + '\n  - { ref: "P-00001, sex: F, note: '
                                                   + "x" * (6 << 20) + " }\n")
    out.append(Case("huge-line-participants", ["clausier-track", EXAMPLE, "--participants",
                                               "huge-line-participants.yaml"], exits=(2,), stderr_max=64 << 10,
                    check=both(messages_have("chaîne non refermée"), within(10))))
    (w / "control-participants.yaml").write_bytes(participants.encode() + b"\n  - { ref: P-00001\x1b[2J, sex: F }\n")
    out.append(Case("control-character-participants", ["clausier-track", EXAMPLE, "--participants",
                                                       "control-participants.yaml"], exits=(2,),
                    check=both(messages_have("caractère de contrôle"), stdout_inert())))
    people = ", ".join(f'{{"ref": "P-{i:05d}", "sex": "F", "birth_year": 1990, "criteria": ["deld"], '
                       f'"validated_on": "2026-10-28"}}' for i in range(20000))
    (w / "one-line.yaml").write_text(f'{{"format": "clausier/participants/1", "participants": [{people}]}}\n')
    (w / "clean.csv").write_bytes(HEADER + b"1;P-00001;2027-03;direct;cdi;E;7;0\n")
    out.append(Case("one-line-participants", ["clausier-track", EXAMPLE, "--participants", "one-line.yaml",
                                              "--statements", "clean.csv"], exits=(0, 1), french=False))
    (w / "long-line.csv").write_bytes(b"lot;" + b"x" * (8 << 20))
    out.append(Case("long-line-statements", ["clausier-track", EXAMPLE, "--statements", "long-line.csv"],
                    exits=(2,), stderr_max=4 << 10))

    # Numbers.
    (w / "huge-amount.yaml").write_text(re.sub(r"amount: \d+", "amount: 1e300", tender.read_text(encoding="utf-8"), 1))
    out.append(Case("huge-amount", ["clausier-check", "huge-amount.yaml", ROOT / "examples" / "anru-viguier"],
                    exits=(2,), check=stdout_has("2 fichiers vérifiés")))
    (w / "many-lots.yaml").write_text(tender_with_lots(200, 10 ** 13))
    out.append(Case("lots-summing-past-1e15", ["clausier-check", "many-lots.yaml", ROOT / "examples" / "anru-viguier"],
                    exits=(0, 1), check=stdout_has("2 fichiers vérifiés"), french=False))
    out.append(Case("lots-summing-past-1e15-hours", ["clausier-hours", "many-lots.yaml"], exits=(0,), french=False))
    # Dates: 20 lots from 1900 to 9999 (item 6: about 3 s per lot, the working days of eight thousand
    # years counted again for every month of the report).
    op = operation(w, "centuries-op", [HEADER + b"1;P-0001;2027-03;direct;cdi;E;7;0\n"])
    (op / "tender.yaml").write_text(tender_with_lots(20, 100000, "1900-01-01", "9999-12-31"))
    for tool in ["report", "track"]:
        out.append(Case(f"lots-from-1900-to-9999-{tool}", [f"clausier-{tool}", op], exits=(0, 1), check=within(2),
                        french=False))
    out.append(Case("lots-from-1900-to-9999-hours", ["clausier-hours", op / "tender.yaml"], exits=(0,),
                    check=within(2), french=False))

    # Bytes: NUL, invalid UTF-8, UTF-16 without BOM, control characters.
    (w / "nul.yaml").write_bytes(b"format: clausier/tender/1\nid: T\x00\x00\n")
    out.append(Case("nul-tender", ["clausier-check", "nul.yaml"], exits=(2,),
                    check=messages_have("nul.yaml:2:6: error:", "octet nul")))
    # Standard input (`-`) is bounded like a tender file: an endless one is cut at the limit, a large
    # redirected file refused at once.
    out.append(Case("endless-stdin-tender", ["clausier-hours", "-"], exits=(3,), stdin="/dev/zero",
                    check=messages_have("<stdin>", "au-delà de la limite de 16 Mo")))
    (w / "empty.yaml").write_bytes(b"")
    out.append(Case("empty-stdin-tender", ["clausier-check", "-"], exits=(2,), stdin=w / "empty.yaml",
                    check=messages_have("<stdin>: error: le fichier est vide")))
    (w / "huge.yaml").write_bytes(b"#" * (17 << 20))
    out.append(Case("huge-stdin-tender", ["clausier-check", "-"], exits=(3,), stdin=w / "huge.yaml",
                    check=messages_have("17 Mo, au-delà de la limite de 16 Mo")))
    (w / "latin1.yaml").write_bytes(tender.read_bytes().replace("é".encode(), b"\xe9"))
    out.append(Case("invalid-utf8-tender", ["clausier-check", "latin1.yaml"], exits=(2,)))
    (w / "utf16.yaml").write_bytes(tender.read_text(encoding="utf-8").encode("utf-16-le"))
    out.append(Case("utf16-tender", ["clausier-check", "utf16.yaml"], exits=(2,),
                    check=messages_have("utf16.yaml:1:2: error:", "octet nul")))
    (w / "utf16-bom.yaml").write_bytes(tender.read_text(encoding="utf-8").encode("utf-16"))
    out.append(Case("utf16-bom-tender", ["clausier-check", "utf16-bom.yaml"], exits=(2,),
                    check=messages_have("utf16-bom.yaml:1:1: error:", "encodé en UTF-16")))
    (w / "utf16.csv").write_bytes((HEADER + b"1;P-0001;2027-03;direct;cdi;E;7;0\r\n").decode().encode("utf-16-le"))
    out.append(Case("utf16-no-bom-statements", ["clausier-track", EXAMPLE, "--statements", "utf16.csv"], exits=(0, 1),
                    check=stderr_lacks("introuvable"), french=False))
    (w / "controls.csv").write_bytes(HEADER + b"1;P-0001;2027-01;dir\x1b[2J\x1b[31mect;cdi;Emp\x07;7;0\n"
                                     b"1;P-0001;2027\x00-01;direct;cdi;E\r;7;0\n1;P-0001;2027-01;direct;cdi;\xc2\x9b31m;x;0\n")
    out.append(Case("control-characters-statements", ["clausier-track", EXAMPLE, "--statements", "controls.csv"],
                    exits=(2,)))
    # A company's employer name and lot reach the participant sheet on standard output; a tender's title and
    # contractor (YAML escapes) reached the track and hours tables.
    op = operation(w, "controls-op", [HEADER + b"1;P-0001;2027-03;direct;cdi;Emp\x1b[31mX\x07;7;0\n"])
    out.append(Case("control-characters-participant-sheet", ["clausier-report", op, "--participant", "P-0001"],
                    exits=(0, 1), check=stdout_inert(), french=False))
    op = operation(w, "controls-tender-op", [HEADER + b"1;P-0001;2027-03;direct;cdi;E;7;0\n"])
    (op / "tender.yaml").write_text(re.sub(r"(\n    title: )[^\n]*", r'\1"Lot\\e]0;titre\\a\\e[31m"',
                                           tender.read_text(encoding="utf-8"), 1))
    for tool, args in [("track", [op]), ("hours", [op / "tender.yaml"]), ("report", [op])]:
        out.append(Case(f"control-characters-tender-{tool}", [f"clausier-{tool}", *args], exits=(2,),
                        check=stdout_inert()))

    # Privacy: a refused value is never repeated, by its own message or another's.
    (w / "personal.csv").write_text("ref;sex;birth_year;criteria;validated_on\n"
                                    "jean.dupont@example.org;Q;1990;rsa;2027-01-01\n"
                                    "+33 (0)6 12 34 56 78;F;19x0;rsa;2027-01-01\n"
                                    "Éloïse Martin-Dubois;F;1990;rsa;2027-01-01\n")
    out.append(Case("personal-data-csv", ["clausier-track", EXAMPLE, "--participants", "personal.csv"], exits=(2,),
                    check=never_shows("dupont", "12 34 56", "Éloïse")))
    (w / "personal.yaml").write_text("format: clausier/participants/1\nparticipants:\n"
                                     "  - ref: jean.dupont@example.org\n    sex: F\n    criteria: [rsa]\n"
                                     "    validated_on: 2027-01-01\n")
    out.append(Case("personal-data-yaml", ["clausier-report", EXAMPLE, "--participants", "personal.yaml"], exits=(2,),
                    check=never_shows("dupont")))

    # Workbooks (tests/fuzz/hostile_sheets.py makes them). An .ods of 921 bytes whose statement row is
    # repeated 1 048 572 times ran 30 s in 3,4 GB and wrote 690 MB of messages (a duplicate and an
    # over-maximum warning for each repeat): one error at the row, in 128 MB of address space and 1 s.
    sheets = ROOT / "tests" / "data" / "hostile-sheets"
    out.append(Case("ods-repeated-row", ["clausier-track", "validate", sheets / "ods-repeated.ods", "--operation",
                                         ROOT / "tests" / "data" / "track-sheets"], exits=(2,), stderr_max=2 << 10,
                    memory=128 << 20, check=both(within(1), messages_have(
                        "ods-repeated.ods:Heures!A2: error:", "répétée 1\u202f048\u202f572 fois", "classeur refusé",
                        "aucune ligne de ce fichier ne compte"))))
    # A row past the last one (1 048 577): the workbook is refused, its rows before it count nothing.
    op = operation(w, "last-row-op")
    shutil.copy(sheets / "last-row.xlsx", op / "statements" / "last-row.xlsx")
    out.append(Case("workbook-past-last-row", ["clausier-track", op, "--format", "json"], exits=(2,),
                    check=both(messages_have("last-row.xlsx:Heures!1048577: error:", "aucune ligne de ce fichier"),
                               counts_nothing())))

    # Archives.
    zip_bomb(w / "bomb.docx", "word/document.xml", 256 << 20)
    out.append(Case("zip-bomb-docx", ["clausier-check", tender, "--doc", "bomb.docx"], exits=(2, 3)))
    # Documents that are no document: each refused (exit 2) with what is wrong with it, nothing else read.
    (w / "renamed.docx").write_bytes(b"Ceci n'est pas une archive zip.\n" * 4)
    out.append(Case("docx-not-a-zip", ["clausier-check", tender, "--doc", "renamed.docx"], exits=(2,),
                    check=stdout_has("[document-archive]")))
    with zipfile.ZipFile(w / "hollow.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    out.append(Case("odt-without-content", ["clausier-check", tender, "--doc", "hollow.odt"], exits=(2,),
                    check=stdout_has("content.xml", "[document-archive]")))
    with zipfile.ZipFile(w / "deep.docx", "w", zipfile.ZIP_STORED) as z:  # stored: no ratio to refuse it by
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                   '2006/main"><w:body>' + "<w:sdt><w:sdtContent>" * 200000 + "</w:sdtContent></w:sdt>" * 200000 +
                   "</w:body></w:document>")
    out.append(Case("docx-deep-nesting", ["clausier-check", tender, "--doc", "deep.docx"], exits=(2,),
                    check=stdout_has("[document-xml]")))
    for name in ("empty.docx", "empty.odt", "empty.md"):
        (w / name).write_bytes(b"")
        out.append(Case("doc-" + name.replace(".", "-"), ["clausier-check", tender, "--doc", name], exits=(2,),
                        check=stdout_has("le fichier est vide", "[document-empty]")))

    # Special files where a file is expected.
    os.mkfifo(w / "fifo.yaml")
    out.append(Case("fifo-tender", ["clausier-check", "fifo.yaml"], exits=(3,)))
    out.append(Case("dev-zero-tender", ["clausier-check", "/dev/zero"], exits=(3,)))
    os.symlink("/dev/zero", w / "zero.yaml")
    out.append(Case("dev-zero-symlink", ["clausier-hours", "zero.yaml"], exits=(3,)))
    out.append(Case("dev-zero-participants", ["clausier-track", EXAMPLE, "--participants", "/dev/zero"], exits=(3,)))
    out.append(Case("dev-zero-rules", ["clausier-hours", tender, "--rules", "/dev/zero"], exits=(3,)))
    (w / "folder.csv").mkdir()
    out.append(Case("folder-as-statements", ["clausier-track", EXAMPLE, "--statements", "folder.csv"], exits=(3,)))
    op = operation(w, "loop-op", [HEADER + b"1;P-0001;2027-03;direct;cdi;E;7;0\n"])
    os.symlink("loop.csv", op / "statements" / "loop.csv")
    out.append(Case("symlink-loop-statements", ["clausier-track", op], exits=(3,)))
    op = operation(w, "loop-folder-op")
    (op / "statements").rmdir()
    os.symlink("statements", op / "statements")
    out.append(Case("statements-folder-is-a-loop", ["clausier-report", op], exits=(3,)))
    # Item 8: a statements/ that cannot be listed (run as root, chmod cannot make one: a file stands in its
    # place) is an error, never 0 hours and every lot behind.
    op = operation(w, "statements-file-op")
    (op / "statements").rmdir()
    (op / "statements").write_text("pas un dossier")
    for tool in ["track", "report"]:
        out.append(Case(f"statements-is-a-file-{tool}", [f"clausier-{tool}", op], exits=(3,)))
    op = operation(w, "dce-op")
    (op / "dce").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "dce" / "ccap.md", op / "dce" / "ccap.md")
    os.symlink("rc.docx", op / "dce" / "rc.docx")
    out.append(Case("symlink-loop-dce", ["clausier-check", op], exits=(3,)))
    (w / "plain.txt").write_text("x")
    out.append(Case("path-through-a-file", ["clausier-track", EXAMPLE, "--statements", "plain.txt/s.csv"], exits=(3,)))
    if os.geteuid() != 0:
        op = operation(w, "closed-op", [HEADER])
        os.chmod(op / "statements", 0)
        out.append(Case("unlistable-statements", ["clausier-track", op], exits=(3,)))

    # Output: -o replaces only a regular file, keeps its mode, reports every failure.
    (w / "target.md").write_text("garde")
    os.symlink("target.md", w / "link.md")
    out.append(Case("output-symlink", ["clausier-hours", tender, "-o", "link.md"], exits=(3,),
                    check=both(intact(w / "link.md", kind="symlink"), intact(w / "target.md", b"garde"))))
    os.mkfifo(w / "out.fifo")
    out.append(Case("output-fifo", ["clausier-track", EXAMPLE, "-o", "out.fifo"], exits=(3,),
                    check=intact(w / "out.fifo", kind="fifo")))
    (w / "out-dir").mkdir()
    out.append(Case("output-folder", ["clausier-draft", tender, "-o", "out-dir"], exits=(3,),
                    check=intact(w / "out-dir", kind="dir")))
    # Never the real /dev/full as root: a tool that still replaced its target by rename would replace the
    # machine's device (it happened once, with binaries from before the fix). Root gets a node of its own;
    # anybody else cannot replace /dev/full anyway.
    full = private_device(w / "full", 7) or Path("/dev/full")
    for tool, args in [("hours", [tender]), ("draft", [tender]), ("track", [EXAMPLE]), ("report", [EXAMPLE])]:
        out.append(Case(f"output-dev-full-{tool}", [f"clausier-{tool}", *args, "-o", full], exits=(3,),
                        check=intact(full, kind="device")))
    (w / "secret.json").write_text("{}")
    os.chmod(w / "secret.json", 0o600)
    out.append(Case("output-keeps-mode", ["clausier-hours", tender, "--format", "json", "-o", "secret.json"],
                    exits=(0,), check=mode_is(w / "secret.json", 0o600), french=False))
    clean = operation(w, "clean-op", [HEADER + b"1;P-0001;2027-03;direct;cdi;E;7;0\n"])
    for tool, args in [("hours", [tender]), ("track", [clean]), ("check", [tender]), ("draft", [tender]),
                       ("report", [clean])]:
        out.append(Case(f"stdout-full-{tool}", [f"clausier-{tool}", *args], exits=(3,), stdout_path=full))
    if try_mount_tmpfs(w / "small"):
        (w / "small" / "filler").write_bytes(b"\0" * (60 << 10))
        (w / "small" / "report.md").write_text("ancien")
        out.append(Case("output-disk-full", ["clausier-report", EXAMPLE, "-o", w / "small" / "report.md"], exits=(3,),
                        check=both(intact(w / "small" / "report.md", b"ancien"), stderr_lacks("dossier"))))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--keep", action="store_true", help="garde le dossier des entrées générées")
    parser.add_argument("-k", dest="only", help="seulement les cas dont le nom contient ce texte")
    opts = parser.parse_args()
    bin_dir = Path(opts.bin).resolve()
    work = Path(tempfile.mkdtemp(prefix="clausier-hostile-"))
    failed = 0
    try:
        for case in cases(work):
            if opts.only and opts.only not in case.name:
                continue
            problems, _, stderr = run(case, bin_dir, work)
            expected_failure = case.name in EXPECTED_FAILURES
            if problems and expected_failure:
                print(f"échec attendu {case.name} : {'; '.join(problems)}")
            elif problems:
                failed += 1
                print(f"ÉCHEC {case.name} : {'; '.join(problems)}")
                print("  " + stderr.decode("utf-8", "replace")[:2000].replace("\n", "\n  "))
            elif expected_failure:
                failed += 1
                print(f"ÉCHEC {case.name} : réussit désormais ; retirez-le de EXPECTED_FAILURES")
            else:
                print(f"ok {case.name}")
    finally:
        small = work / "small"
        if small.is_dir() and os.path.ismount(small):
            subprocess.run(["umount", str(small)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if opts.keep:
            print(f"entrées gardées dans {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{failed} échec(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
