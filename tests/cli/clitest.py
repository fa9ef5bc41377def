"""What the CLI tests of tests/cli share: a pass/fail tally, the tools' environment, their --help."""
import os
import re
import subprocess
from pathlib import Path


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def expect(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def env_for(bin_dir):
    return dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", COLUMNS="100",
                PATH=f"{bin_dir}:{os.environ.get('PATH', '')}")


def help_of(bin_dir, tool, *sub):
    p = subprocess.run([str(Path(bin_dir) / tool), *sub, "--help"], capture_output=True, text=True,
                       env=env_for(bin_dir), timeout=60)
    return p.stdout


def subcommands(help_text):
    """The names under CLI11's "Subcommands:" heading."""
    block = re.search(r"\nSubcommands:\n((?:  \S.*\n)+)", help_text)
    return [x.split()[0] for x in block.group(1).splitlines()] if block else []


def long_options(help_text):
    """Every --option the help names, examples left out."""
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", help_text.split("\nExemple")[0]))
