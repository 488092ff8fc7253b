"""Shared helpers of Benchmarks/scripts/scaling-table and compare-solvers (python3, standard library only)."""

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

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
    """The release `corridor` (built with `swift build -c release --product corridor` when missing)."""
    if path:
        if not os.access(path, os.X_OK):
            fail(f"--corridor: {path} is not an executable")
        return path
    binary = os.path.join(ROOT, ".build", "release", "corridor")
    if not os.access(binary, os.X_OK):
        print("building corridor (swift build -c release --product corridor)...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "corridor"], cwd=ROOT, check=True)
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
