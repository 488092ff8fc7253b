"""Shared helpers of Benchmarks/scripts/scaling-table and compare-solvers (python3, standard library only)."""

import json
import os
import platform
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

# Cold solves: `corridor run`'s basis cache off unless the caller set CORRIDOR_CACHE (docs/benchmarks.md).
os.environ.setdefault("CORRIDOR_CACHE", "off")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# The sizes: nodes, directed links, demands; 10 origin hubs each.
SIZES = {
    "S": (100, 400, 20),
    "M": (1_000, 4_000, 100),
    "L": (5_000, 20_000, 200),
}
ORIGINS = 10
SEED = 2021


def fail(message):
    """Print `message` to stderr and exit 1."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def parse_sizes(text):
    """`S,M` -> ['S', 'M'], refusing unknown labels."""
    sizes = [s.strip().upper() for s in text.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or not sizes:
        fail(f"--sizes: expected a comma-separated list of {', '.join(SIZES)}, found '{text}'")
    return sizes


def corridor_binary(path=None):
    """The release `corridor` (built as scripts/corridor builds it, `swift build -c release --product corridor
    --static-swift-stdlib`, when missing)."""
    if path:
        if not os.access(path, os.X_OK):
            fail(f"--corridor: {path} is not an executable")
        return path
    binary = os.path.join(ROOT, ".build", "release", "corridor")
    if not os.access(binary, os.X_OK):
        print("building corridor (swift build -c release --product corridor --static-swift-stdlib)...", file=sys.stderr)
        subprocess.run(
            ["swift", "build", "-c", "release", "--product", "corridor", "--static-swift-stdlib"], cwd=ROOT, check=True
        )
    return binary


def generate(corridor, size, directory):
    """Writes the size's scenario with `corridor generate` and returns its path."""
    nodes, links, demands = SIZES[size]
    path = os.path.join(directory, f"{size}.yaml")
    subprocess.run(
        [corridor, "generate", "--nodes", str(nodes), "--links", str(links), "--demands", str(demands),
         "--origins", str(ORIGINS), "--seed", str(SEED), "-o", path],
        check=True, stdout=subprocess.DEVNULL)
    return path


def work_directory(path=None):
    """`path` (created) or a new temporary directory."""
    if path:
        os.makedirs(path, exist_ok=True)
        return path
    return tempfile.mkdtemp(prefix="corridor-bench-")


def timed(arguments, timeout=None):
    """Runs `arguments`; returns (wall seconds, CompletedProcess), or (None, None) when killed at `timeout` s."""
    start = time.perf_counter()
    try:
        completed = subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None
    return time.perf_counter() - start, completed


def first_line(arguments):
    try:
        out = subprocess.run(arguments, capture_output=True, text=True).stdout.strip()
        return out.splitlines()[0] if out else "unknown"
    except OSError:
        return "not installed"


def machine():
    """One markdown paragraph: nproc, CPU, RAM, kernel, Swift, GLPK, load."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = "unknown"
    try:
        with open("/proc/meminfo") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    swift = first_line(["swift", "--version"])
    glpk = first_line(["dpkg-query", "-W", "-f", "${Version}", "libglpk40"])
    glpsol = first_line(["glpsol", "--version"]) if shutil.which("glpsol") else "not installed"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"Machine: nproc {os.cpu_count()}, CPU \"{cpu}\", RAM {ram}, {platform.system()} {platform.release()}; "
            f"{swift}; GLPK (libglpk40) {glpk}; {glpsol}; load average at the end {load}.")


def rss_and_wall(stderr):
    """(wall seconds, peak RSS MiB) from `/usr/bin/time -v` output."""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if not wall or not rss:
        fail("could not read /usr/bin/time -v output:\n" + stderr[-2000:])
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(rss.group(1)) / 1024


def corridor_json(completed, what):
    """The parsed `corridor run --format json` report, failing loudly on a non-zero exit."""
    if completed.returncode != 0:
        fail(f"{what} exited {completed.returncode}:\n{completed.stderr[-2000:]}")
    try:
        return json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        fail(f"{what}: not JSON ({error})")


def seconds(value):
    """A duration for a table: 0.123 s, 12.3 s, 123 s."""
    if value is None:
        return "—"
    if value < 1:
        return f"{value:.3f} s"
    if value < 100:
        return f"{value:.1f} s"
    return f"{value:.0f} s"


# Generated sections of Markdown files: a script's tables live between `<!-- NAME:begin -->` and
# `<!-- NAME:end -->` (each marker alone on its line) and are rewritten by the script, never by hand.
SECTION_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SectionError(Exception):
    """A Markdown file without exactly one well-formed section of the name asked for."""


def section_markers(name):
    """The begin and end marker lines of the generated section `name`."""
    if not SECTION_NAME.match(name):
        raise SectionError(f"section name '{name}': lower-case letters, digits and '-' only")
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def replace_section(text, name, content):
    """`text` with the lines between the markers of section `name` replaced by `content`.

    The markers stay as they are; `content` is written between them with one trailing newline. Raises
    SectionError unless each marker appears exactly once, alone on its line, begin before end.
    """
    begin, end = section_markers(name)
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() == begin]
    ends = [i for i, line in enumerate(lines) if line.strip() == end]
    if len(starts) != 1 or len(ends) != 1:
        raise SectionError(f"expected one '{begin}' and one '{end}' line, found {len(starts)} and {len(ends)}")
    if starts[0] > ends[0]:
        raise SectionError(f"'{end}' comes before '{begin}'")
    body = content.strip("\n").split("\n") if content.strip("\n") else []
    return "\n".join(lines[: starts[0] + 1] + body + lines[ends[0]:])


def check_section(path, name):
    """Fails (exit 1) unless `path` is a regular file holding one section `name`: checked before a long run."""
    try:
        replace_section(read_regular(path), name, "")
    except (OSError, SectionError) as error:
        fail(f"--markdown-out {path}: {error}")


def read_regular(path):
    """The text of `path`, which must be a regular file (not a symbolic link, folder or device)."""
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise SectionError(f"{path} is not a regular file")
    with open(path, encoding="utf-8") as f:
        return f.read()


def update_section(path, name, content):
    """Rewrites section `name` of the Markdown file `path` with `content`, safely.

    `path` must already be a regular file with the section's markers. The new text goes to a temporary
    file in the same folder (same permissions), flushed to disk, then renamed over `path` in one step,
    so a reader sees the old file or the new one, never half of one. Nothing is written when the file
    or its markers are wrong; the temporary file is removed on any failure. Returns True when the file
    changed.
    """
    text = read_regular(path)
    updated = replace_section(text, name, content)
    if updated == text:
        return False
    mode = stat.S_IMODE(os.lstat(path).st_mode)
    folder = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as f:
            f.write(updated)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, mode)
        # Checked again just before the rename: only a regular file is ever replaced.
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise SectionError(f"{path} is no longer a regular file")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return True


def add_markdown_arguments(parser, section):
    """--markdown-out FILE (repeatable) and --section NAME (default `section`)."""
    parser.add_argument(
        "--markdown-out", action="append", default=[], metavar="FILE",
        help="rewrite the generated section of this Markdown file (between <!-- NAME:begin --> and "
        "<!-- NAME:end -->) with the table; repeatable")
    parser.add_argument(
        "--section", default=section,
        help=f"the section's NAME in the markers (default {section})")


def check_markdown_arguments(args):
    """Checks every --markdown-out file and its markers before anything is measured."""
    for path in args.markdown_out:
        check_section(path, args.section)


def write_markdown(args, command, block):
    """Writes `block`, headed by the command line and the time, into each --markdown-out file."""
    if not args.markdown_out:
        return
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    content = (f"<!-- Written by {command.split()[0]} --markdown-out: do not edit by hand; "
               f"re-run the command below to update. -->\n`{command}` (finished {stamp}):\n\n{block}")
    for path in args.markdown_out:
        try:
            changed = update_section(path, args.section, content)
        except (OSError, SectionError) as error:
            fail(f"--markdown-out {path}: {error}")
        print(f"{path}: section '{args.section}' {'rewritten' if changed else 'unchanged'}", file=sys.stderr)


def command_line(script, arguments):
    """The command as a reader re-runs it from the repository root, without --markdown-out/--section."""
    kept = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
            continue
        if argument in ("--markdown-out", "--section", "--work", "--corridor"):
            skip = True
            continue
        if argument.startswith(("--markdown-out=", "--section=", "--work=", "--corridor=")):
            continue
        kept.append(argument)
    return shlex.join([f"Benchmarks/scripts/{script}"] + kept)
