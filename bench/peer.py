#!/usr/bin/env python3
"""The Python peer: the analysis `frame analyze` does, written the way a
researcher would write it with the usual libraries.

    bench/.venv/bin/python bench/peer.py CORPUS_DIR OUT_DIR

- read every .txt file under CORPUS_DIR (sorted), as UTF-8;
- tokenise + stem + count: scikit-learn CountVectorizer with a PyStemmer
  (Snowball English) analyzer that drops scikit-learn's English stop words;
- TF-IDF: TfidfTransformer(sublinear_tf=True) (smooth idf, L2 rows: the same
  formula as frame);
- clustering: the scikit-learn "clustering text documents" recipe, LSA
  (TruncatedSVD to 100 dimensions + Normalizer) then KMeans(n_init=10) for
  k = 2..10, k chosen by the cosine silhouette (on a sample of 10,000 above
  that, as frame does); a 2-D map from the first two LSA components;
- scoring: vaderSentiment on every sentence (regex sentence split), and frame's
  lexicons as stem / prefix dictionaries counted per article (plain dictionary
  counting, no negation or phrases: less work than frame does);
- charts (matplotlib, PNG): frames heatmap of the first 50 articles, sentiment
  histogram, cluster map, top terms per cluster;
- write: articles.csv, terms.csv (top 10 per article), sentences.csv.

Prints `timing <stage> <seconds>` lines on stderr, like frame with FRAME_TIMINGS=1.
"""
import csv
import re
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
_last = [T0]


def lap(stage):
    now = time.perf_counter()
    print(f"timing {stage} {now - _last[0]:.3f}s", file=sys.stderr, flush=True)
    _last[0] = now


import numpy as np  # noqa: E402
import Stemmer  # noqa: E402  (PyStemmer)
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import TruncatedSVD  # noqa: E402
from sklearn.feature_extraction.text import (  # noqa: E402
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
)
from sklearn.metrics import silhouette_score  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import Normalizer  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"(?u)\b\w[\w'’-]*\w\b|\b\w\b")
SENT = re.compile(r"(?<=[.!?])\s+|\n+")


def main():
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    _last[0] = time.perf_counter()

    paths = sorted(p for p in corpus.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    ids = [p.stem for p in paths]
    lap("read")

    stemmer = Stemmer.Stemmer("english")
    stop = ENGLISH_STOP_WORDS

    def analyzer(doc):
        words = [w for w in TOKEN.findall(doc.lower().replace("’", "'")) if w not in stop]
        return stemmer.stemWords(words)

    counts_v = CountVectorizer(analyzer=analyzer)
    counts = counts_v.fit_transform(texts)
    lap("tokenise_stem")

    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    terms = counts_v.get_feature_names_out()
    lap("tfidf")

    n = tfidf.shape[0]
    lsa = make_pipeline(TruncatedSVD(n_components=min(100, tfidf.shape[1] - 1), random_state=0),
                        Normalizer(copy=False))
    x = lsa.fit_transform(tfidf)
    rng = np.random.RandomState(0)
    sample = rng.choice(n, 10_000, replace=False) if n > 10_000 else np.arange(n)
    best = None
    for k in range(2, min(10, n - 1) + 1):
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x[sample])
        s = silhouette_score(x[sample], km.labels_, metric="cosine")
        if best is None or s > best[0]:
            best = (s, k)
    km = KMeans(n_clusters=best[1], n_init=10, random_state=0).fit(x)
    labels = km.labels_
    lap("cluster")

    vader = SentimentIntensityAnalyzer()
    lexicons = {}
    for p in sorted((ROOT / "lexicons").glob("*.txt")):
        stems, prefixes = set(), []
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if not line or " " in line.strip():
                continue
            if line.endswith("*"):
                prefixes.append(line[:-1].lower())
            else:
                stems.add(stemmer.stemWord(line.lower()))
        lexicons[p.stem] = (stems, tuple(prefixes))
    frames = sorted(lexicons)
    art_rows, sent_rows, frame_matrix = [], [], []
    for i, text in enumerate(texts):
        compounds = []
        for j, s in enumerate(x for x in SENT.split(text) if x.strip()):
            vs = vader.polarity_scores(s)
            compounds.append(vs["compound"])
            sent_rows.append((ids[i], j, s.strip(), vs["compound"]))
        words = [w for w in TOKEN.findall(text.lower().replace("’", "'"))]
        stems_ = stemmer.stemWords(words)
        hits = []
        for f in frames:
            st, pre = lexicons[f]
            hits.append(sum(1 for w, s in zip(words, stems_) if s in st or (pre and w.startswith(pre))))
        per_1k = [h * 1000 / max(1, len(words)) for h in hits]
        frame_matrix.append(per_1k)
        art_rows.append([ids[i], len(words), float(np.mean(compounds)) if compounds else 0.0,
                         int(labels[i])] + per_1k)
    lap("score")

    fm = np.array(frame_matrix)
    fig, ax = plt.subplots(figsize=(8, 10))
    ax.imshow(fm[:50], aspect="auto", cmap="viridis")
    ax.set_xticks(range(len(frames)), frames, rotation=45)
    fig.savefig(out / "frames.png", dpi=100)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.hist([r[2] for r in art_rows], bins=40)
    fig.savefig(out / "sentiment.png", dpi=100)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 8))
    ax.scatter(x[:, 0], x[:, 1], c=labels, s=2, cmap="tab10")
    fig.savefig(out / "clusters.png", dpi=100)
    plt.close(fig)
    centroids = np.asarray(lsa[0].inverse_transform(km.cluster_centers_))
    fig, axes = plt.subplots(1, best[1], figsize=(3 * best[1], 5))
    for c, a in enumerate(np.atleast_1d(axes)):
        top = np.argsort(-centroids[c])[:10]
        a.barh([terms[t] for t in top][::-1], centroids[c][top][::-1])
    fig.tight_layout()
    fig.savefig(out / "terms.png", dpi=100)
    plt.close(fig)
    lap("charts")

    with open(out / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "words", "sentiment", "cluster"] + frames)
        w.writerows(art_rows)
    with open(out / "terms.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "rank", "term", "tfidf"])
        for i in range(n):
            row = tfidf.getrow(i)
            order = np.argsort(-row.data)[:10]
            for r, o in enumerate(order):
                w.writerow([ids[i], r + 1, terms[row.indices[o]], f"{row.data[o]:.4f}"])
    with open(out / "sentences.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "sentence", "text", "sentiment"])
        w.writerows(sent_rows)
    lap("write")


if __name__ == "__main__":
    main()
