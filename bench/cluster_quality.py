#!/usr/bin/env python3
"""Cluster-quality benchmark: frame's clusters vs scikit-learn's usual recipe.

Steps (see cluster_quality.md):
  python bench/cluster_quality.py generate corpus.csv            # labelled synthetic corpus
  python bench/cluster_quality.py sklearn corpus.csv             # NMI of TfidfVectorizer + KMeans
  frame analyze corpus.csv --text-column text --id-column id --out out
  python bench/cluster_quality.py compare corpus.csv out/clusters.csv

The corpus is synthetic (20 newsgroups needs a download): a Zipfian background
vocabulary shared by all topics plus, per topic, its own Zipfian word list; each
document mixes background and topic words, so topics overlap realistically.
Everything is seeded. NMI uses arithmetic normalisation, as scikit-learn does.
"""
import argparse
import csv
import math
import random
import sys
from collections import Counter

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "so", "tu", "ve", "zi", "pa", "do", "ge",
             "hu", "ri", "an", "el", "or", "us", "in", "et"]


def pseudo_words(n, rng, taken):
    words = []
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in taken:
            taken.add(w)
            words.append(w)
    return words


def zipf_weights(n, s=1.1):
    return [1.0 / (r + 1) ** s for r in range(n)]


def generate(path, docs, topics, seed, share_lo, share_hi):
    rng = random.Random(seed)
    taken = set()
    background = pseudo_words(5000, rng, taken)
    topic_words = [pseudo_words(300, rng, taken) for _ in range(topics)]
    bw = zipf_weights(len(background))
    tw = zipf_weights(300, 0.9)
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["id", "text", "topic"])
        for i in range(docs):
            t = i % topics
            length = rng.randint(80, 400)
            share = rng.uniform(share_lo, share_hi)  # share of topic-specific words
            n_topic = int(length * share)
            words = rng.choices(topic_words[t], tw, k=n_topic)
            words += rng.choices(background, bw, k=length - n_topic)
            rng.shuffle(words)
            sentences = [" ".join(words[j:j + 15]).capitalize() + "." for j in range(0, len(words), 15)]
            out.writerow([f"doc{i:05d}", " ".join(sentences), f"topic{t}"])
    print(f"wrote {docs} documents in {topics} topics to {path}")


def read_corpus(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["id"] for r in rows], [r["text"] for r in rows], [r["topic"] for r in rows]


def nmi(a, b):
    """Normalised mutual information, arithmetic mean of entropies."""
    n = len(a)
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    mi = sum(c / n * math.log(c * n / (ca[x] * cb[y])) for (x, y), c in cab.items())
    ha = -sum(c / n * math.log(c / n) for c in ca.values())
    hb = -sum(c / n * math.log(c / n) for c in cb.values())
    return 1.0 if ha + hb == 0 else 2 * mi / (ha + hb)


def dump_matrix(path, out):
    """Writes the recipe's TF-IDF matrix (for frame's ignored Rust test
    `cluster::tests::quality_from_matrix_file`): a header "rows cols", then per
    row the topic and col:value pairs."""
    x, topics = tfidf(path)
    with open(out, "w") as f:
        f.write(f"{x.shape[0]} {x.shape[1]}\n")
        for i in range(x.shape[0]):
            s, e = x.indptr[i], x.indptr[i + 1]
            pairs = " ".join(f"{c}:{float(v)!r}" for c, v in zip(x.indices[s:e], x.data[s:e]))
            f.write(f"{topics[i]} {pairs}\n")
    print(f"wrote {x.shape[0]} x {x.shape[1]} ({x.nnz} non-zeros) to {out}")


def tfidf(path):
    import Stemmer
    from sklearn.feature_extraction.text import TfidfVectorizer
    _, texts, topics = read_corpus(path)
    stemmer = Stemmer.Stemmer("english")
    base = TfidfVectorizer(sublinear_tf=True).build_analyzer()
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.95,
                          analyzer=lambda d: stemmer.stemWords(base(d)))
    x = vec.fit_transform(texts).tocsr()
    x.sort_indices()
    return x, topics


def run_sklearn(path, seed):
    from sklearn.cluster import KMeans
    x, topics = tfidf(path)
    k = len(set(topics))
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
    print(f"scikit-learn (TF-IDF sublinear + KMeans n_init=10, k={k}): NMI = {nmi(topics, list(labels)):.4f}")


def compare(path, clusters_csv):
    ids, _, topics = read_corpus(path)
    truth = dict(zip(ids, topics))
    with open(clusters_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pairs = [(truth[r["article_id"]], r["cluster"]) for r in rows if r["article_id"] in truth]
    if len(pairs) < len(ids):
        print(f"warning: {len(ids) - len(pairs)} corpus ids missing from {clusters_csv}", file=sys.stderr)
    k = len(set(c for _, c in pairs))
    print(f"frame (k={k}): NMI = {nmi([t for t, _ in pairs], [c for _, c in pairs]):.4f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out")
    g.add_argument("--docs", type=int, default=1200)
    g.add_argument("--topics", type=int, default=6)
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("--share", type=float, nargs=2, default=[0.02, 0.08],
                   help="range of the share of topic-specific words per document")
    s = sub.add_parser("sklearn")
    s.add_argument("corpus")
    s.add_argument("--seed", type=int, default=42)
    d = sub.add_parser("dump")
    d.add_argument("corpus")
    d.add_argument("out")
    c = sub.add_parser("compare")
    c.add_argument("corpus")
    c.add_argument("clusters")
    a = p.parse_args()
    if a.cmd == "generate":
        generate(a.out, a.docs, a.topics, a.seed, *a.share)
    elif a.cmd == "sklearn":
        run_sklearn(a.corpus, a.seed)
    elif a.cmd == "dump":
        dump_matrix(a.corpus, a.out)
    else:
        compare(a.corpus, a.clusters)


if __name__ == "__main__":
    main()
