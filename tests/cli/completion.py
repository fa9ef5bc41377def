#!/usr/bin/env python3
"""The shell completion the build makes (build/completions/, cmake/Completions.cmake), run in real shells.

bash: each case sources the command's script in `bash --norc`, sets COMP_WORDS and COMP_CWORD as
readline would, calls the function `complete -p` names, and compares COMPREPLY. Beyond the cases
below, every long option of every --help (subcommands included) must be offered after `--`, and every
option whose help lists its values ({text,json,...}) must offer exactly those.
zsh (when installed): an interactive `zsh -f` in a pseudo-terminal, with compinit on the generated
folder, types the line and a TAB; a compadd wrapper records what the completion functions offered."""
import argparse
import os
import pty
import re
import select
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clitest import Tally, env_for, help_of, long_options, subcommands

TALLY = Tally()
expect = TALLY.expect


def bash_complete(args, words):
    """COMPREPLY for the command line `words` (the last word is the one being completed)."""
    script = "\n".join([
        f"source {shlex.quote(str(Path(args.completions) / 'bash' / words[0]))}",
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})",
        f"COMP_CWORD={len(words) - 1}",
        'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}',
        f"spec=$(complete -p {shlex.quote(words[0])})",
        'function=${spec##*-F }; function=${function%% *}',
        f'"$function" {shlex.quote(words[0])} {shlex.quote(words[-1])} {shlex.quote(words[-2])}',
        'printf "%s\\n" "${COMPREPLY[@]}"',
    ])
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True, text=True,
                       env=env_for(args.bin), cwd=args.source, timeout=60)
    if p.returncode != 0 or p.stderr:
        return None, p.stderr
    return [x for x in p.stdout.split("\n") if x], ""


def check_bash(args, words, exactly=None, including=None):
    got, err = bash_complete(args, words)
    line = " ".join(words)
    if got is None:
        expect(False, f"bash `{line}`: the completion failed: {err}")
    elif exactly is not None:
        expect(sorted(got) == sorted(exactly), f"bash `{line}`: {sorted(got)} instead of {sorted(exactly)}")
    else:
        expect(set(including) <= set(got), f"bash `{line}`: {sorted(got)} lacks {sorted(set(including) - set(got))}")


def options_and_values(help_text):
    """Long options the help lists, and the values listed as {a,b,c} after an option."""
    longs = long_options(help_text)
    values = {m.group(1): m.group(2).split(",")
              for m in re.finditer(r"^  (?:-\w,)?(--[a-z][a-z0-9-]*) [^ :\n]*:\{([^}]*)\}", help_text, re.M)}
    return longs, values


def bash_cases(args):
    check_bash(args, ["clausier", "h"], exactly=["hours"])
    check_bash(args, ["clausier", ""], including=["init", "check", "hours", "draft", "track", "report"])
    check_bash(args, ["clausier", "--v"], exactly=["--version"])
    check_bash(args, ["clausier", "help", "tr"], exactly=["track"])
    check_bash(args, ["clausier-hours", "--fo"], exactly=["--format"])
    check_bash(args, ["clausier-hours", "--format", ""], exactly=["text", "json", "csv", "md"])
    check_bash(args, ["clausier", "hours", "--format", "j"], exactly=["json"])
    check_bash(args, ["clausier", "hours", "--format", "=", ""], exactly=["text", "json", "csv", "md"])
    check_bash(args, ["clausier", "hours", "--format", "=", "c"], exactly=["csv"])
    check_bash(args, ["clausier", "hours", "--explain", "--format", "md", "examples/anru"],
               exactly=["examples/anru-viguier"])
    check_bash(args, ["clausier", "hours", "--format", "md", "-o", "README"], exactly=["README.md"])
    check_bash(args, ["clausier", "track", "d"], including=["due", "docs"])
    check_bash(args, ["clausier", "track", "due", "--fo"], exactly=["--format"])
    check_bash(args, ["clausier", "track", "--as-of", "2027-01-01", "due", "--format", ""],
               exactly=["text", "csv", "ics", "eml"])
    check_bash(args, ["clausier-track", "examples/espaces-verts", "--format", "=", "js"], exactly=["json"])
    check_bash(args, ["clausier", "track", "template", "--operation", "examples/espaces-verts", ""],
               exactly=["1", "2", "3"])
    check_bash(args, ["clausier", "track", "examples/espaces-verts", "--declared-hours", ""],
               exactly=["1=", "2=", "3="])
    check_bash(args, ["clausier-draft", "examples/anru-viguier", "--lot", "0"],
               exactly=["01", "02", "03", "04", "05", "06", "07", "08"])
    check_bash(args, ["clausier", "draft", "--lot", ""], exactly=[])  # no operation on the line yet
    check_bash(args, ["clausier", "nosuchcommand", ""], exactly=[])
    # Every option and every listed value of every --help, subcommands included.
    for tool in args.tools:
        paths = [[]] + ([[s] for s in subcommands(help_of(args.bin, tool))] if tool != "clausier" else [])
        for sub in paths:
            longs, values = options_and_values(help_of(args.bin, tool, *sub))
            got, _ = bash_complete(args, [tool, *sub, "--"])
            expect(got is not None and set(got) == longs,
                   f"bash `{tool} {' '.join(sub)} --`: {sorted(got or [])} instead of {sorted(longs)}")
            for option, choices in values.items():
                check_bash(args, [tool, *sub, option, ""], exactly=choices)


ZSH_CAPTURE = r"""
compadd() {
  # What the completion functions offer, after matching what is typed (zsh-capture-completion's trick).
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  print -rl -- $__hits >> "$CAPTURE"
  builtin compadd "$@"
}
"""


def zsh_complete(args, line, home):
    capture = Path(home) / "capture"
    capture.unlink(missing_ok=True)
    Path(home, ".zshrc").write_text(
        f"fpath=({shlex.quote(str(Path(args.completions) / 'zsh'))} $fpath)\n"
        f"autoload -Uz compinit && compinit -u -d {shlex.quote(home)}/zcompdump\n"
        f"CAPTURE={shlex.quote(str(capture))}\n{ZSH_CAPTURE}\nPS1='READY> '\n", encoding="utf-8")
    env = dict(env_for(args.bin), HOME=home, ZDOTDIR=home, TERM="xterm")
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(args.source)
        os.execvpe("zsh", ["zsh", "-i"], env)
    output = b""

    def read_until(pattern, timeout):
        nonlocal output
        end = time.time() + timeout
        while time.time() < end and pattern not in output:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    output += os.read(fd, 65536)
                except OSError:
                    break
        return pattern in output

    ready = read_until(b"READY> ", 30)
    if ready:
        os.write(fd, line.encode() + b"\t")
        # Until the completion has offered something and stopped (a loaded machine can be slow).
        size, end = -1, time.time() + 20
        while time.time() < end:
            read_until(b"\x00never", 0.5)
            now = capture.stat().st_size if capture.exists() else -1
            if now > 0 and now == size:
                break
            size = now
        os.write(fd, b"\x03")
        os.write(fd, b"exit\n")
    read_until(b"\x00never", 0.5)
    os.close(fd)
    os.waitpid(pid, 0)
    if not ready:
        return None
    return capture.read_text(encoding="utf-8").split() if capture.exists() else []


def zsh_cases(args):
    if subprocess.run(["sh", "-c", "command -v zsh"], capture_output=True).returncode != 0:
        print("zsh is not installed: zsh cases skipped (scripts/install-deps.sh installs it)")
        return
    for path in sorted((Path(args.completions) / "zsh").iterdir()):
        p = subprocess.run(["zsh", "-n", str(path)], capture_output=True, text=True)
        expect(p.returncode == 0 and not p.stderr, f"zsh -n {path.name}: {p.stderr}")
    cases = [
        ("clausier h", ["hours"]),
        ("clausier-hours --fo", ["--format"]),
        ("clausier-hours --format ", ["text", "json", "csv", "md"]),
        ("clausier hours --sch", ["--schedule"]),
        ("clausier help dr", ["draft"]),
        ("clausier-track examples/espaces-verts --as", ["--as-of"]),
        ("clausier-track examples/espaces-verts d", ["due"]),
        ("clausier track due --format ", ["text", "csv", "ics", "eml"]),
        ("clausier track template --operation examples/espaces-verts ", ["1", "2", "3"]),
        ("clausier-report --group-by ", ["none", "buyer", "year", "trade", "route"]),
    ]
    with tempfile.TemporaryDirectory() as home:
        for line, wanted in cases:
            got = zsh_complete(args, line, home)
            expect(got is not None and sorted(set(got)) == sorted(wanted),
                   f"zsh `{line}<TAB>`: {got} instead of {wanted}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--completions", required=True, help="build/completions")
    parser.add_argument("--source", required=True, help="the sources (examples/ is completed)")
    parser.add_argument("tools", nargs="+")
    args = parser.parse_args()
    bash_cases(args)
    zsh_cases(args)
    return TALLY.finish()


if __name__ == "__main__":
    sys.exit(main())
