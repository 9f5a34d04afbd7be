"""Signals at random moments, 200 times each (issue 28, defects 6 and 7). Not in `cargo test`:
run it with the release binary, e.g.

    cargo build --release && python3 tests/signals.py target/release/itinera [--runs 200]

1. Ctrl-C on a pipeline: `producer | itinera CMD -`, both in one process group, the producer
   writing the input and then waiting; SIGINT (or SIGTERM) to the whole group stops the
   producer, so itinera sees the end of its input and the signal together. The signal must win:
   exit 128 + n (or death by the signal, before the handler is installed), never a result
   computed from a cut input, and no temporary file left.
2. All or nothing: `export` to five files holding old contents, SIGINT at a random moment of
   the run: the five files are all old or all new (all new when it exits 0), and no temporary
   file is left.

Prints each scenario's tally and exits 1 if any run failed.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

TRIP = """title = "Signals"
[[trips]]
name = "Khasan to Vladivostok"
stops = ["Khasan", "Ussuriysk", "Khabarovsk", "Ulan-Ude", "Irkutsk", "Vladivostok"]
"""

ARTICLE = (
    "KHASAN, Russia - The armoured train crossed from Tumangang into Khasan on Saturday, "
    "then ran north through Ussuriysk to Khabarovsk before turning west for Ulan-Ude. "
) * 20


def temporaries(folder):
    return [f for f in os.listdir(folder) if f.startswith(".itinera-") and f.endswith(".tmp")]


def pipeline_case(binary, folder, args, stdin_text, sig, delay):
    """Runs `producer | itinera args` in a new process group, signals the group after `delay`;
    returns (return code, stderr)."""
    path = os.path.join(folder, "input")
    with open(path, "w") as f:
        f.write(stdin_text)
    producer = subprocess.Popen(
        ["sh", "-c", f"cat '{path}'; exec sleep 30"],
        stdout=subprocess.PIPE,
        process_group=0,
    )
    pgid = producer.pid
    consumer = subprocess.Popen(
        [binary, *args],
        stdin=producer.stdout,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=folder,
        process_group=pgid,
    )
    producer.stdout.close()
    time.sleep(delay)
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass
    try:
        _, err = consumer.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        consumer.kill()
        return None, "hung"
    producer.wait()
    return consumer.returncode, err.decode(errors="replace")


def scenario_pipeline(binary, runs, rng):
    failures = 0
    commands = [
        (["extract", "-"], ARTICLE),
        (["route", "-"], TRIP),
        (["export", "-", "-o", "out.geojson"], TRIP),
        (["render", "-", "-o", "map.svg", "--width", "400", "--height", "300"], TRIP),
    ]
    for args, text in commands:
        ok = 0
        for i in range(runs):
            sig = signal.SIGINT if i % 2 == 0 else signal.SIGTERM
            with tempfile.TemporaryDirectory() as folder:
                rc, err = pipeline_case(binary, folder, args, text, sig, rng.uniform(0.005, 0.06))
                left = temporaries(folder)
                outputs = [f for f in os.listdir(folder) if f not in ("input",) and not f.startswith(".")]
            good = rc in (128 + sig, -sig) and not left and not outputs
            if good:
                ok += 1
            else:
                failures += 1
                if failures <= 10:
                    print(f"  FAIL {' '.join(args)} {sig.name}: exit {rc}, temporaries {left}, outputs {outputs}: {err.strip()[:200]}")
        print(f"pipeline, signal with end of input: itinera {' '.join(args):50} {ok}/{runs}")
    return failures


def scenario_all_or_nothing(binary, runs, rng):
    names = ["a.geojson", "b.kml", "c.gpx", "d.csv", "e.html"]
    args = ["export", "t.toml"] + [x for n in names for x in ("-o", n)]
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "t.toml"), "w") as f:
            f.write(TRIP)
        t0 = time.perf_counter()
        subprocess.run([binary, *args], cwd=folder, check=True, stderr=subprocess.DEVNULL)
        span = time.perf_counter() - t0
        new = {n: open(os.path.join(folder, n), "rb").read() for n in names}
    failures = 0
    tally = {}
    for i in range(runs):
        sig = signal.SIGINT
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "t.toml"), "w") as f:
                f.write(TRIP)
            for n in names:
                with open(os.path.join(folder, n), "w") as f:
                    f.write("old\n")
            p = subprocess.Popen([binary, *args], cwd=folder, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0, span * 1.3))
            p.send_signal(sig)
            _, err = p.communicate(timeout=60)
            rc = p.returncode
            states = ["old" if open(os.path.join(folder, n), "rb").read() == b"old\n" else
                      "new" if open(os.path.join(folder, n), "rb").read() == new[n] else "other"
                      for n in names]
            left = temporaries(folder)
        kind = "all old" if set(states) == {"old"} else "all new" if set(states) == {"new"} else "mixed"
        tally[(rc, kind)] = tally.get((rc, kind), 0) + 1
        good = (
            kind != "mixed"
            and not left
            and rc in (0, 128 + sig, -sig)
            and (rc != 0 or kind == "all new")
        )
        if not good:
            failures += 1
            if failures <= 10:
                print(f"  FAIL export to five files: exit {rc}, {states}, temporaries {left}: {err.decode(errors='replace').strip()[:200]}")
    seen = ", ".join(f"exit {rc} {kind}: {n}" for (rc, kind), n in sorted(tally.items(), key=str))
    print(f"all or nothing, SIGINT during export to five files (run {span * 1000:.0f} ms): {runs - failures}/{runs} ({seen})")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=28)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    rng = random.Random(a.seed)
    failures = scenario_pipeline(binary, a.runs, rng) + scenario_all_or_nothing(binary, a.runs, rng)
    print("no failures" if failures == 0 else f"{failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
