#!/usr/bin/python3
"""Measures clausier track against its Python peer and two floors, side by side, on operation folders
made by generate_statements.py (bench/track.sh makes them and calls this).

  track_compare.py BUILD_DIR [--rounds N] [--report] NAME=FOLDER...

Each round runs, for every folder in turn: `cat` of its files, the CSV reader alone
(clausier_bench_sheets --runs 1 on the statement files), `clausier-track --format json`, the Python
peer (track_peer.py), and with --report `clausier-report --format json`; each under /usr/bin/time
(elapsed and peak resident memory). Interleaving the commands within a round means a compilation
next to the benchmark slows them all alike; the best of the rounds is kept for each. Before any
timing, the outputs of clausier and of the peer are compared: the same counted hours and
participants per lot, the same refused rows (file, line, reason, declared hours), overall and per
lot. A difference stops the benchmark (exit 1). The --as-of date is 2030-12-31.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

AS_OF = "2030-12-31"
HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command):
    """[elapsed seconds, CPU seconds (user + system), peak KB] of one run; the command must succeed
    (clausier: 0, or 2 when rows cannot be read)."""
    with tempfile.NamedTemporaryFile("r") as report:
        done = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode not in (0, 2):
            sys.exit(f"{' '.join(command)}: exit {done.returncode}")
        elapsed, user, system, peak = report.read().split()[-4:]
    return [float(elapsed), float(user) + float(system), int(peak)]


def commands(build, folder, out, with_report):
    statements = sorted(glob.glob(os.path.join(folder, "statements", "*.csv")))
    bin_dir = os.path.join(build, "bin")
    c = {
        "cat (files read)": ["cat", os.path.join(folder, "tender.yaml"), os.path.join(folder, "participants.yaml")]
        + statements,
        "CSV reader alone": [os.path.join(bin_dir, "clausier_bench_sheets"), "--runs", "1"] + statements,
        "clausier track --format json": [os.path.join(bin_dir, "clausier-track"), folder, "--as-of", AS_OF,
                                         "--format", "json", "-o", out + ".track.json"],
        "Python peer (PyYAML + csv)": [sys.executable, os.path.join(HERE, "track_peer.py"), folder, "--as-of", AS_OF,
                                       "-o", out + ".peer.json"],
    }
    if with_report:
        c["clausier report --format json"] = [os.path.join(bin_dir, "clausier-report"), folder, "--as-of", AS_OF,
                                              "--format", "json", "-o", out + ".report.json"]
    return c


def compare(name, track_path, peer_path):
    """Stops the benchmark when clausier and the peer disagree."""
    track, peer = json.load(open(track_path, encoding="utf-8")), json.load(open(peer_path, encoding="utf-8"))
    problems = []

    def refused(entries, with_hours):
        return [(n["file"], n["line"], n["reason"]) + ((n["hours"],) if with_hours else ()) for n in entries]

    if refused(track["not_counted"], True) != refused(peer["not_counted"], True):
        a, b = set(refused(track["not_counted"], True)), set(refused(peer["not_counted"], True))
        problems.append(f"refused rows differ: {len(a)} against {len(b)}; clausier only {sorted(a - b)[:3]}, "
                        f"peer only {sorted(b - a)[:3]}")
    peer_lots = {lot["id"]: lot for lot in peer["lots"]}
    for lot in track["lots"]:
        other = peer_lots.get(lot["id"])
        if other is None:
            problems.append(f"lot {lot['id']} missing from the peer")
            continue
        if abs(lot["counted_hours"] - other["counted_hours"]) > 1e-6 or lot["participants"] != other["participants"]:
            problems.append(f"lot {lot['id']}: {lot['counted_hours']} h, {lot['participants']} people against "
                            f"{other['counted_hours']} h, {other['participants']} people")
        if refused(lot["not_counted"], False) != refused(other["not_counted"], False):
            problems.append(f"lot {lot['id']}: refused rows differ")
    if problems:
        sys.exit(f"{name}: clausier and the peer disagree:\n  " + "\n  ".join(problems))
    reasons = {}
    for n in track["not_counted"]:
        reasons[n["reason"]] = reasons.get(n["reason"], 0) + 1
    counted = ", ".join(f"lot {lot['id']} {lot['counted_hours']} h" for lot in track["lots"])
    print(f"{name}: same results ({counted}; {len(track['not_counted'])} rows refused: "
          + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) + ")")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("folders", nargs="+", help="NAME=FOLDER")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--report", action="store_true", help="also time clausier report on each folder")
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    sets = [tuple(f.split("=", 1)) for f in args.folders]
    plans = {name: commands(args.build, folder, os.path.join(work, name), args.report) for name, folder in sets}
    for name, plan in plans.items():  # warms the page cache too
        for command in plan.values():
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        compare(name, os.path.join(work, name) + ".track.json", os.path.join(work, name) + ".peer.json")
    best = {}
    for r in range(args.rounds):
        with open("/proc/loadavg") as f:
            load = f.read().split()[0]
        print(f"round {r + 1} of {args.rounds} (load average {load})", flush=True)
        for name, plan in plans.items():
            for label, command in plan.items():
                run = timed(command)
                b = best.setdefault((name, label), run)
                best[(name, label)] = [min(x, y) for x, y in zip(b, run)]
    print()
    for name, _ in sets:
        ours = best[(name, "clausier track --format json")]
        print(f"{name}")
        print(f"  {'command':34} {'best s':>8} {'CPU s':>8} {'peak MB':>8} {'÷ track':>8} {'CPU ÷':>8}")
        for label in plans[name]:
            elapsed, cpu, peak = best[(name, label)]
            ratio, cpu_ratio = (elapsed / max(ours[0], 0.01), cpu / max(ours[1], 0.01))
            print(f"  {label:34} {elapsed:8.2f} {cpu:8.2f} {peak / 1024:8.0f} {ratio:8.2f} {cpu_ratio:8.2f}")
    for f in glob.glob(os.path.join(work, "*")):
        os.remove(f)
    os.rmdir(work)


if __name__ == "__main__":
    main()
