#!/usr/bin/env python3
"""Writes a realistic, seeded corpus of N news articles for the benchmark.

    python3 bench/gen_corpus.py N OUT_DIR [--seed 42]

Each article is a folder file `OUT_DIR/outlet-XX/YYYY-MM-DD_NNNNNN.txt`: a title
line, then 6-40 sentences (mean about 20, so about 2.5 KB, the size of a short
news story). The sentences are the real sentences of `seeds/`, recombined, and
in each sentence about one word in seven is replaced by a synthetic name or
rare word drawn from an unbounded Zipf-like (Lomax) distribution:
rank = floor(5000 (Pareto(0.8) - 1)), so p(rank) ~ rank^-1.8. Because the
distribution has no upper bound, the vocabulary keeps growing with N as it does
in real corpora (Heaps' law: about 20k types at 1k articles, 70k at 10k,
250k at 100k) instead of saturating at the seeds' 1,300 types.
Everything comes from one seeded RNG: the same N and seed give the same bytes.
"""
import argparse
import os
import random
import re
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "so", "tu", "ve", "zi", "pa", "do", "ge",
             "hu", "ri", "an", "el", "or", "us", "in", "et", "bar", "ton", "shi", "wen"]
ROOT = Path(__file__).resolve().parent.parent


def synthetic(rank):
    """A deterministic pronounceable word for a Zipf rank (distinct ranks, distinct words)."""
    parts = []
    r = rank + len(SYLLABLES)  # at least two syllables
    while True:
        parts.append(SYLLABLES[r % len(SYLLABLES)])
        r //= len(SYLLABLES)
        if r == 0:
            break
    w = "".join(parts)
    # Every third rank is a proper name, as in news text.
    return w.capitalize() if rank % 3 == 0 else w


def seed_sentences():
    sents = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for line in text.splitlines():
            for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", line.strip()):
                if len(s.split()) >= 4:
                    sents.append(s)
    return sents


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--outlets", type=int, default=8)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sents = [s.split(" ") for s in seed_sentences()]
    for o in range(a.outlets):
        (a.out / f"outlet-{o:02d}").mkdir(parents=True, exist_ok=True)
    pareto = rng.paretovariate
    randrange = rng.randrange
    for i in range(a.n):
        n_sent = min(40, 6 + int(rng.expovariate(1 / 14)))
        picked = [list(sents[randrange(len(sents))]) for _ in range(n_sent)]
        for words in picked:
            # About one word in seven becomes a rare word or name.
            for _ in range(max(1, len(words) // 7)):
                j = randrange(len(words))
                if words[j][-1:] in ".!?,:;”\"":
                    continue
                words[j] = synthetic(int(5000 * (pareto(0.8) - 1)))
        title = " ".join(picked[0][:12]).rstrip(".,;:")
        body = []
        for k in range(0, n_sent, 4):
            body.append(" ".join(" ".join(w) for w in picked[k:k + 4]))
        month, day = 1 + i % 12, 1 + (i // 12) % 28
        path = a.out / f"outlet-{i % a.outlets:02d}" / f"2024-{month:02d}-{day:02d}_{i:06d}.txt"
        with open(path, "w", encoding="utf-8") as f:
            f.write(title + "\n\n" + "\n\n".join(body) + "\n")
    total = sum(os.path.getsize(p) for p in a.out.rglob("*.txt"))
    print(f"wrote {a.n} articles ({total / 1e6:.1f} MB) to {a.out}")


if __name__ == "__main__":
    main()
