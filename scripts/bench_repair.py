"""Repair throughput on one core: syllables per second per kind of damage, and model load time.

    python scripts/bench_repair.py [--repeat 5]

Pins itself to one CPU, loads the shipped model in a fresh process (timed), then repairs each
input --repeat times and reports the best run (warm caches: the steady state of a long batch)
and the first run (cold caches). Inputs: the damaged seeds 000-002 as they are, and the clean
seeds 003/004 with every mark stripped and as they are.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    load = subprocess.run(
        [sys.executable, "-c", "import time; t=time.perf_counter(); from vnplan.repair.model import load_model; "
         "load_model(); print(time.perf_counter()-t)"], capture_output=True, text=True, cwd=ROOT, check=True)
    from vnplan.repair import repair_text
    from vnplan.text.vietnamese import strip_marks, syllables

    corpus = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))}
    inputs = {
        "000 legacy-font OCR": corpus["000"],
        "001 English OCR": corpus["001"],
        "002 English OCR": corpus["002"],
        "003 marks stripped": strip_marks(corpus["003"]),
        "004 marks stripped": strip_marks(corpus["004"]),
        "003 clean": corpus["003"],
        "004 clean": corpus["004"],
    }
    print(f"model load in a fresh process (import + load): {float(load.stdout) * 1000:.0f} ms")
    print(f"{'input':22} {'syllables':>9} {'first syl/s':>12} {'best syl/s':>11}")
    total_syl = total_best = 0.0
    for name, text in inputs.items():
        n = len(syllables(text))
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            repair_text(text)
            times.append(time.process_time() - start)
        total_syl += n
        total_best += min(times)
        print(f"{name:22} {n:9d} {n / times[0]:12.0f} {n / min(times):11.0f}")
    print(f"all inputs: {total_syl / total_best:.0f} syllables/s (best runs, one core, CPU time)")


if __name__ == "__main__":
    main()
