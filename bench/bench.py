#!/usr/bin/env python3
"""Benchmark driver, run by bench/run (which prepares the tools): for each size,
generate the corpus (bench/gen_corpus.py), warm the file cache, time
`frame analyze` and the Python peer (bench/peer.py) under /usr/bin/time -v,
keep the best of RUNS runs, and write bench/results.csv, bench/results.md and
docs/perf_scaling.png.

Environment: RUNS (default 1), PEER=0 (frame only), CORPUS (a folder to use
instead of generated corpora; its size label is its article count).
"""
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
FRAME = ROOT / "target" / "release" / "frame"
PY = Path(sys.executable)
# frame runs cluster alongside score + bootstrap, and csv, json and charts + report side by side:
# those stage times overlap and do not add up to the wall time.
STAGES = ["read", "tokenise_stem", "tfidf", "cluster", "score", "bootstrap", "groups", "csv", "json", "charts", "report", "write"]


def corpus_for(n):
    d = DATA / f"corpus-{n}"
    if not (d / ".done").exists():
        print(f"bench: generating {n} articles into {d}", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(n), str(d)], check=True)
        (d / ".done").write_text("")
    return d


def corpus_bytes(d):
    files = [p for p in d.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html")]
    total = 0
    for p in files:  # reading also warms the file cache
        total += len(p.read_bytes())
    return len(files), total


def run_once(cmd, env, log):
    full = ["/usr/bin/time", "-v"] + cmd
    with open(log, "w") as f:
        r = subprocess.run(full, env=env, stdout=subprocess.DEVNULL, stderr=f)
    text = Path(log).read_text()
    if r.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed (exit {r.returncode}); see {log}")
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    stages = {}
    for name, secs in re.findall(r"^timing (\w+) ([\d.]+)s", text, re.M):
        stages[name] = stages.get(name, 0.0) + float(secs)
    return {"wall": wall, "cpu": user + sys_, "peak_mb": peak, **stages}


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]
    runs = int(os.environ.get("RUNS", "1"))
    peer = os.environ.get("PEER", "1") != "0"
    DATA.mkdir(parents=True, exist_ok=True)
    rows = []
    own = os.environ.get("CORPUS")
    jobs = []
    if own:
        d = Path(own)
        jobs.append((d, *corpus_bytes(d)))
    else:
        for n in sizes:
            d = corpus_for(n)
            jobs.append((d, *corpus_bytes(d)))
    for d, n, nbytes in jobs:
        mb = nbytes / 1e6
        tools = [("frame", [str(FRAME), "analyze", str(d), "--out", str(DATA / f"out-frame-{n}"), "--quiet"])]
        if peer:
            tools.append(("python", [str(PY), str(ROOT / "bench" / "peer.py"), str(d), str(DATA / f"out-python-{n}")]))
        for tool, cmd in tools:
            env = dict(os.environ, FRAME_TIMINGS="1")
            best = None
            for r in range(runs):
                res = run_once(cmd, env, DATA / f"log-{tool}-{n}-{r}.txt")
                print(f"bench: {tool:6} n={n:>7} run {r + 1}: {res['wall']:.2f} s wall, "
                      f"{res['peak_mb']:.0f} MB peak", file=sys.stderr)
                if best is None or res["wall"] < best["wall"]:
                    best = res
            rows.append({"tool": tool, "articles": n, "mb": round(mb, 2), **best})
    write_results(rows)


def write_results(rows):
    out = ROOT / "bench" / "results.csv"
    old = []
    if out.exists():
        with open(out) as f:
            old = [r for r in csv.DictReader(f)]
    fresh = {(r["tool"], str(r["articles"])) for r in rows}
    keep = [r for r in old if (r["tool"], r["articles"]) not in fresh]
    cols = ["tool", "articles", "mb", "wall", "cpu", "peak_mb"] + STAGES
    allrows = keep + [{c: (f"{r[c]:.3f}" if isinstance(r.get(c), float) else str(r.get(c, ""))) for c in cols}
                      for r in rows]
    allrows.sort(key=lambda r: (int(r["articles"]), r["tool"]))
    with open(out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(allrows)
    table(allrows)
    chart(allrows)


def fnum(x, fmt="{:.2f}"):
    return fmt.format(float(x)) if x not in ("", None) else "-"


def table(rows):
    by = {(r["tool"], r["articles"]): r for r in rows}
    lines = ["| articles | MB | tool | wall s | CPU s | peak MB | MB/s | tokenise+stem MB/s | "
             + " | ".join(STAGES) + " | speed-up (wall) | speed-up (CPU) | memory frame/peer |",
             "|" + "---|" * (11 + len(STAGES))]
    for r in rows:
        mb = float(r["mb"])
        tok = float(r["tokenise_stem"]) if r.get("tokenise_stem") else 0
        other = by.get(("python" if r["tool"] == "frame" else "frame", r["articles"]))
        ratio = cpu = mem = "-"
        if other and r["tool"] == "frame":
            ratio = f"{float(other['wall']) / float(r['wall']):.1f}x"
            cpu = f"{float(other['cpu']) / float(r['cpu']):.1f}x"
            mem = f"{float(r['peak_mb']) / float(other['peak_mb']):.2f}"
        lines.append(
            f"| {int(r['articles']):,} | {mb:.1f} | {r['tool']} | {fnum(r['wall'])} | {fnum(r['cpu'])} | "
            f"{fnum(r['peak_mb'], '{:.0f}')} | {mb / float(r['wall']):.1f} | "
            f"{(f'{mb / tok:.0f}' if tok else '-')} | "
            + " | ".join(fnum(r.get(s, "")) for s in STAGES) + f" | {ratio} | {cpu} | {mem} |")
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "results.md").write_text(text)
    print(text)


def chart(rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for tool, colour, marker in [("frame", "#0072B2", "o"), ("python", "#D55E00", "s")]:
        pts = sorted((int(r["articles"]), float(r["wall"])) for r in rows if r["tool"] == tool)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, color=colour,
                    label="frame" if tool == "frame" else "Python peer (scikit-learn, PyStemmer, vaderSentiment)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles (log scale)")
    ax.set_ylabel("wall time, seconds (log scale)")
    ax.set_title("frame analyze vs the Python peer: end-to-end time")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    (ROOT / "docs").mkdir(exist_ok=True)
    fig.savefig(ROOT / "docs" / "perf_scaling.png", dpi=110)


if __name__ == "__main__":
    main()
