#!/usr/bin/env python3
"""Criterion validity of frame's frame scores against human-coded news.

Run it with `validation/run` (which sets up validation/.venv). It reads two public,
human-coded data sets from outside the repository (default `../shared/validation/`,
override with FRAME_VALIDATION_DATA), scores their texts with `frame score` (binary from
FRAME, default target/release/frame) and writes figures only:

    docs/validity.md          what was measured, the table, what it means for users
    validation/results.csv    every figure, with all bootstrap intervals

No text, title or word derived from the data is ever written into the repository: texts go
to a temporary folder outside it (deleted afterwards) and only numbers come back.

For every frame that has a (loose) mapping to a human label, per data set:
  * positives / n;
  * AUC of frame's per-1,000-word score against the binary human label, with a seeded
    percentile bootstrap 95% interval (2,000 resamples of the texts);
  * precision and recall of "any hit" (score > 0 taken as "the frame is present");
  * floor: the AUC of a fixed, obvious 5-word list per frame (FLOOR_WORDS below), counted
    per 1,000 words, and the paired bootstrap difference frame - floor;
  * ceiling: the AUC of out-of-fold probabilities of a TF-IDF + logistic regression
    classifier trained on the same labels (stratified 5-fold cross-validation).
Output is deterministic (fixed seeds; no dates).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import sklearn
from scipy.stats import rankdata
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline

SEED = 20230703
BOOTSTRAP = 2000
FOLDS = 5
HOLDS_UP, MODERATE = 0.80, 0.70  # AUC thresholds used in the verdicts

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FRAME_VALIDATION_DATA") or ROOT.parent / "shared" / "validation")
FRAME = Path(os.environ.get("FRAME") or "target/release/frame")
if not FRAME.is_absolute():
    FRAME = ROOT / FRAME

FRAMES = ["threat", "reassurance", "conflict", "responsibility", "human_interest",
          "morality", "economic"]

# ---------------------------------------------------------------------------------------
# Floor: five obvious words per frame, chosen from the frame's definition (lexicons/*.txt
# header, Semetko & Valkenburg 2000), NOT from the validation data. A token matches an
# entry when it equals it or it plus "s"/"es"; an entry ending in "*" matches any token
# starting with it. Counted per 1,000 tokens (tokens: runs of letters/digits, lowercased).
# ---------------------------------------------------------------------------------------
FLOOR_WORDS = {
    "threat": [
        ("threat*", "the frame's own name: threat, threaten, threatening"),
        ("danger*", "the definition's core word: 'presents ... as dangerous'"),
        ("attack*", "violence, the first example in the definition"),
        ("kill*", "lethal violence: 'violence ... and the harm they bring'"),
        ("risk*", "'the fear, risk and harm they bring'"),
    ],
    "conflict": [
        ("conflict*", "the frame's own name"),
        ("disagree*", "'disagreement ... between people, groups'"),
        ("dispute*", "'dispute', listed in the definition"),
        ("oppos*", "'opposition', listed in the definition (oppose, opponent)"),
        ("fight*", "everyday word for contest and confrontation"),
    ],
    "responsibility": [
        ("responsib*", "the frame's own name"),
        ("blame*", "'blame', listed in the definition"),
        ("fault*", "'fault', listed in the definition"),
        ("accountab*", "'accountability', listed in the definition"),
        ("solution*", "'its cause or its solution attributed to someone'"),
    ],
    "human_interest": [
        ("famil*", "'family and personal relationships'"),
        ("child*", "'children', listed in the definition"),
        ("mother*", "a family member: 'family and personal relationships'"),
        ("personal*", "'personal relationships ... individual experience'"),
        ("emotion*", "'emotions such as grief, love, courage'"),
    ],
    "morality": [
        ("moral*", "the frame's own name"),
        ("ethic*", "'refers to ethics'"),
        ("wrong*", "'judges actions as right or wrong'"),
        ("relig*", "'refers to ... religion'"),
        ("justice", "'justice', listed in the definition"),
    ],
    "economic": [
        ("econom*", "the frame's own name: economy, economic"),
        ("market*", "'markets', listed in the definition"),
        ("price*", "'prices', listed in the definition"),
        ("tax", "'taxes', listed in the definition"),
        ("job", "'jobs', listed in the definition"),
    ],
    # reassurance: no human-coded data, so no floor is measured.
}

# ---------------------------------------------------------------------------------------
# Mapping from frame's frames to the human labels (from ../shared/validation/README.md).
# A text is positive when it carries ANY of the listed labels. FrAC merges some Media Frames
# Corpus codes (5 = Legality & crime, 6 = Political & policies); a merged code goes to every
# frame that one of its parts maps to. `variant` rows are sensitivity checks.
# ---------------------------------------------------------------------------------------
MAPPING = [
    # frame, data set, labels, how loose, variant?
    ("threat", "semeval", ["Security_and_defense", "Health_and_safety", "Crime_and_punishment"],
     "close", False),
    ("threat", "frac", ["8", "9", "5"],
     "close (code 5 also holds legality)", False),
    ("threat", "frac", ["8", "9"], "close (without merged code 5)", True),
    ("conflict", "semeval", ["Political"], "loose (politics is not conflict)", False),
    ("conflict", "frac", ["6"], "loose (politics and policy are not conflict)", False),
    ("responsibility", "semeval",
     ["Policy_prescription_and_evaluation", "Legality_Constitutionality_and_jurisprudence"],
     "loose", False),
    ("responsibility", "frac", ["5", "6"],
     "loose (codes 5 and 6 also hold crime and politics)", False),
    ("human_interest", "semeval", ["Quality_of_life"], "loose", False),
    ("human_interest", "frac", [], "none (no quality-of-life code)", False),
    ("morality", "semeval", ["Morality", "Fairness_and_equality"], "close", False),
    ("morality", "frac", ["3", "4"], "close", False),
    ("economic", "semeval", ["Economic"], "close", False),
    ("economic", "frac", ["1"], "close", False),
]

FRAC_CODES = {"1": "Economic", "3": "Morality", "4": "Fairness & equality",
              "5": "Legality & crime", "6": "Political & policies", "8": "Security & defense",
              "9": "Health & safety", "11": "Cultural identity", "12": "Public opinion",
              "15": "Other"}

DATASETS = {
    "semeval": "SemEval-2023 Task 3 (EN train, articles)",
    "frac": "FrAC (sentences)",
}


def die(msg: str) -> None:
    print(f"validation: {msg}", file=sys.stderr)
    sys.exit(1)


# --------------------------------------------------------------------------- data


def load_semeval() -> tuple[list[str], list[str], list[set[str]]]:
    d = DATA / "semeval2023_task3_en"
    labels = {}
    with open(d / "labels.txt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            aid, _, frames = line.partition("\t")
            labels[aid.strip()] = {x.strip() for x in frames.split(",") if x.strip()}
    ids, texts, labs = [], [], []
    for aid in sorted(labels):
        p = d / "articles" / f"article{aid}.txt"
        if not p.exists():
            die(f"SemEval: labels.txt names article {aid} but {p} is missing")
        # Title (first line) and body scored together, as one text.
        texts.append(p.read_text(encoding="utf-8", errors="replace"))
        ids.append(aid)
        labs.append(labels[aid])
    unlabelled = len(list((d / "articles").glob("article*.txt"))) - len(ids)
    if unlabelled:
        print(f"validation: SemEval: {unlabelled} article(s) without labels left out",
              file=sys.stderr)
    return ids, texts, labs


def load_frac() -> tuple[list[str], list[str], list[set[str]]]:
    with open(DATA / "frac" / "sentences.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or not {"sentence", "label"} <= set(rows[0]):
        die("FrAC: sentences.csv needs the columns 'sentence' and 'label'")
    ids = [str(i + 1) for i in range(len(rows))]
    return ids, [r["sentence"] for r in rows], [{r["label"].strip()} for r in rows]


# --------------------------------------------------------------------------- scoring


def frame_scores(ids: list[str], texts: list[str], tmp: Path,
                 name: str) -> tuple[dict[str, np.ndarray], int]:
    """Per-1,000-word scores of every frame, and the word counts ("words"); texts frame
    skips (empty) score 0."""
    src = tmp / f"{name}.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, t in zip(ids, texts):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    r = subprocess.run([str(FRAME), "score", str(src), "--id-column", "id", "--json"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        die(f"`frame score` failed on {name} (exit {r.returncode}):\n{r.stderr}")
    got = {}
    for line in r.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            got[str(row["id"])] = row
    missing = [i for i in ids if i not in got]
    if missing:
        print(f"validation: {name}: frame skipped {len(missing)} text(s); scored as 0",
              file=sys.stderr)
    # "words" (the word count the scores are per 1,000 of) comes along for the length check.
    return {fr: np.array([float(got.get(i, {}).get(fr, 0.0)) for i in ids]) for fr in
            FRAMES + ["words"] if any(fr in row for row in got.values())}, len(missing)


TOKEN = re.compile(r"[a-z0-9]+")


def floor_scores(texts: list[str], words: list[str]) -> np.ndarray:
    exact, prefixes = set(), tuple(w[:-1] for w in words if w.endswith("*"))
    for w in words:
        if not w.endswith("*"):
            exact |= {w, w + "s", w + "es"}
    out = []
    for t in texts:
        toks = TOKEN.findall(t.lower())
        hits = sum(1 for x in toks if x in exact or (prefixes and x.startswith(prefixes)))
        out.append(1000.0 * hits / len(toks) if toks else 0.0)
    return np.array(out)


def ceiling_probs(texts: list[str], y: np.ndarray) -> np.ndarray | None:
    if y.sum() < FOLDS or (len(y) - y.sum()) < FOLDS:
        return None
    model = make_pipeline(
        TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2)),
        LogisticRegression(max_iter=5000, class_weight="balanced"),
    )
    cv = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return cross_val_predict(model, texts, y, cv=cv, method="predict_proba")[:, 1]


# --------------------------------------------------------------------------- statistics


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """Mann-Whitney AUC (ties count half), same as sklearn's roc_auc_score."""
    n1 = int(y.sum())
    n0 = len(y) - n1
    if n1 == 0 or n0 == 0:
        return float("nan")
    r = rankdata(s)
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def bootstrap(y: np.ndarray, scores: dict[str, np.ndarray | None], seed: int):
    """Percentile 95% intervals of each score's AUC and of frame - floor (paired)."""
    rng = np.random.default_rng(seed)
    n = len(y)
    draws = {k: [] for k in scores}
    draws["diff"] = []
    for _ in range(BOOTSTRAP):
        idx = rng.integers(0, n, n)
        yb = y[idx]
        if yb.min() == yb.max():
            continue
        vals = {k: auc(yb, s[idx]) for k, s in scores.items() if s is not None}
        for k, v in vals.items():
            draws[k].append(v)
        draws["diff"].append(vals["frame"] - vals["floor"])
    ci = {}
    for k, v in draws.items():
        ci[k] = (tuple(np.percentile(v, [2.5, 97.5])) if v else (float("nan"),) * 2)
    return ci


def verdict(a: float) -> str:
    if a != a:
        return "n/a"
    a = round(a, 2)  # judge the figure as it is printed
    return "holds up" if a >= HOLDS_UP else "moderate" if a >= MODERATE else "exploratory"


# --------------------------------------------------------------------------- report


def f2(x: float) -> str:
    return "n/a" if x is None or x != x else f"{x:.2f}"


def ci_str(lo_hi) -> str:
    lo, hi = lo_hi
    return "" if lo != lo else f" [{lo:.2f}, {hi:.2f}]"


def sdiff(x: float) -> str:
    return "n/a" if x != x else f"{x:+.2f}"


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                              check=True).stdout.rstrip("\n")
    except (OSError, subprocess.CalledProcessError):
        return ""


def provenance() -> tuple[str, str, list[str], str]:
    """The binary's version, the commit, uncommitted source files and the binary's hash."""
    version = subprocess.run([str(FRAME), "--version"], capture_output=True,
                             text=True).stdout.strip()
    sha = hashlib.sha256(FRAME.read_bytes()).hexdigest()[:12]
    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    dirty = [line[3:] for line in git("status", "--porcelain", "--", "src", "lexicons",
                                      "Cargo.toml", "Cargo.lock").splitlines()]
    return version, commit, dirty, sha


def provenance_line(version: str, commit: str, dirty: list[str], sha: str) -> str:
    """What was measured, as the first line of a validity page says it."""
    return (f"`{version}`, commit `{commit}`"
            + (f" (with uncommitted changes to {', '.join(dirty[:5])}"
               + (" ..." if len(dirty) > 5 else "") + ")" if dirty else "")
            + f", binary sha256 `{sha}…`, default lexicons.")


def generic_frames_auc() -> dict[str, tuple[float, int]]:
    """Frame -> (AUC, articles) from validation/generic_frames.csv (generic_frames.py), for the lists
    as they are now; a list changed since it was measured is left out."""
    path = ROOT / "validation" / "generic_frames.csv"
    if not path.exists():
        return {}
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lex = ROOT / "lexicons" / f"{r['frame']}.txt"
            if lex.exists() and hashlib.sha256(lex.read_bytes()).hexdigest() == \
                    r["lexicon_sha256"] and r["auc"] != "n/a":
                out[r["frame"]] = (float(r["auc"]), int(r["n"]))
    return out


def label_text(ds: str, labels: list[str]) -> str:
    if not labels:
        return "none"
    if ds == "frac":
        return ", ".join(f"{c} {FRAC_CODES[c]}" for c in labels)
    return ", ".join(labels)


def main() -> None:
    if not FRAME.exists():
        die(f"no frame binary at {FRAME}: build it (cargo build --release) or set FRAME")
    if not DATA.is_dir():
        die(f"no data at {DATA}: set FRAME_VALIDATION_DATA to the folder holding "
            "semeval2023_task3_en/ and frac/")

    version, commit, dirty, sha = provenance()

    data = {"semeval": load_semeval(), "frac": load_frac()}
    scored, skipped = {}, {}
    with tempfile.TemporaryDirectory(prefix="frame-validation-") as tmp:
        for ds, (ids, texts, _) in data.items():
            scored[ds], skipped[ds] = frame_scores(ids, texts, Path(tmp), ds)

    results = []
    for row_no, (fr, ds, labels, loose, variant) in enumerate(MAPPING):
        ids, texts, labs = data[ds]
        y = np.array([1 if labs_i & set(labels) else 0 for labs_i in labs])
        n, pos = len(y), int(y.sum())
        # The lexicon measured: frame checks at build time that its embedded
        # default still has this hash before it shows these figures.
        lex = ROOT / "lexicons" / f"{fr}.txt"
        res = {"frame": fr, "dataset": ds, "labels": label_text(ds, labels), "mapping": loose,
               "variant": variant, "n": n, "positives": pos,
               "lexicon_sha256": hashlib.sha256(lex.read_bytes()).hexdigest()}
        if pos == 0 or pos == n:
            res.update(auc=float("nan"), auc_lo=float("nan"), auc_hi=float("nan"),
                       floor=float("nan"), floor_lo=float("nan"), floor_hi=float("nan"),
                       ceiling=float("nan"), ceiling_lo=float("nan"), ceiling_hi=float("nan"),
                       diff=float("nan"), diff_lo=float("nan"), diff_hi=float("nan"),
                       precision=float("nan"), recall=float("nan"), hit_rate=float("nan"))
            results.append(res)
            continue
        s = scored[ds][fr]
        fl = floor_scores(texts, [w for w, _ in FLOOR_WORDS[fr]])
        ce = ceiling_probs(texts, y)
        pred = s > 0
        tp = int((pred & (y == 1)).sum())
        ci = bootstrap(y, {"frame": s, "floor": fl, "ceiling": ce}, SEED + row_no)
        a, a_fl = auc(y, s), auc(y, fl)
        a_ce = auc(y, ce) if ce is not None else float("nan")
        res.update(
            auc=a, auc_lo=ci["frame"][0], auc_hi=ci["frame"][1],
            floor=a_fl, floor_lo=ci["floor"][0], floor_hi=ci["floor"][1],
            ceiling=a_ce, ceiling_lo=ci.get("ceiling", (float("nan"),) * 2)[0],
            ceiling_hi=ci.get("ceiling", (float("nan"),) * 2)[1],
            diff=a - a_fl, diff_lo=ci["diff"][0], diff_hi=ci["diff"][1],
            precision=tp / pred.sum() if pred.sum() else float("nan"),
            recall=tp / pos, hit_rate=pred.mean(),
        )
        results.append(res)
        print(f"validation: {fr:15s} {ds:8s} {pos:4d}/{n:<4d} AUC {a:.3f} floor {a_fl:.3f} "
              f"ceiling {a_ce:.3f}{'  (variant)' if variant else ''}", file=sys.stderr)

    keys = ["frame", "dataset", "labels", "mapping", "variant", "lexicon_sha256", "positives",
            "n", "auc",
            "auc_lo", "auc_hi", "floor", "floor_lo", "floor_hi", "diff", "diff_lo", "diff_hi",
            "ceiling", "ceiling_lo", "ceiling_hi", "precision", "recall", "hit_rate"]
    with open(ROOT / "validation" / "results.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(keys)
        for r in results:
            w.writerow([f"{r[k]:.4f}" if isinstance(r[k], float) else r[k] for k in keys])

    mean_labels = float(np.mean([len(x) for x in data["semeval"][2]]))
    write_doc(results, version, commit, dirty, sha, skipped, mean_labels)
    print(f"validation: wrote docs/validity.md and validation/results.csv", file=sys.stderr)


def write_doc(results, version, commit, dirty, sha, skipped, mean_labels) -> None:
    main_rows = [r for r in results if not r["variant"]]
    n_se = next(r["n"] for r in results if r["dataset"] == "semeval")
    n_fr = next(r["n"] for r in results if r["dataset"] == "frac")
    L = []
    add = L.append
    add("# How valid are frame's frame scores?")
    add("")
    add("<!-- Written by validation/run (validation/validate.py). Do not edit by hand: "
        "re-run it. -->")
    add("")
    add(f"Measured: {provenance_line(version, commit, dirty, sha)} Reproduce with "
        "`validation/run` "
        "(needs the data sets in `../shared/validation/` or `FRAME_VALIDATION_DATA`, and "
        "network once for pip).")
    add("")
    add("## In short")
    add("")
    add("frame's frame scores were compared with human frame coding of news in two public "
        "data sets. The figure is the **AUC**: the chance that a randomly chosen text the coders "
        "gave the frame scores higher than a randomly chosen text they did not "
        "(0.5 = chance, 1 = perfect ranking). On these (partly loose) labels:")
    add("")
    generic = generic_frames_auc()
    by_frame = {}
    for r in main_rows:
        by_frame.setdefault(r["frame"], []).append(r)
    for fr in FRAMES:
        if fr == "reassurance":
            add("- **reassurance**: no public human-coded data codes it, so it is **not "
                "validated** against independent coding. The project coded eighteen samples of "
                "news sentences itself ([validity-reassurance-sample.md]"
                "(validity-reassurance-sample.md)), the last seven from corpora that no list "
                "was built on. In general news of nine outlets about half of the sentences with a "
                "reassurance hit reassure (0.56 and 0.41 on two held-out samples; about 0.6 in "
                "articles with many threat words, 0.3 in articles with few), and in news about "
                "a danger the list finds only about one reassuring sentence in twelve (recall "
                "0.08 [0.04, 0.20]); in Australian news about fires, war and disease (held "
                "out) 22 of its 26 hits reassure (precision 0.85 [0.69, 0.96]) and it finds "
                "about one reassuring sentence in eight (recall 0.12 [0.08, 0.16]; 0.90 and "
                "0.15 with the entries with a gap that were written after reading its misses, "
                "in-sample): a "
                "reassurance score of 0 does not mean that an article "
                "does not reassure, and threat balance leans towards threat. Threat precision "
                "for any hit is 0.65 (SemEval), 0.64 (every FrAC hit), 0.50-0.72 (general news, "
                "five samples held out), 0.86 (news about a danger) and 0.80 (Australian news, held out), and "
                "0.80-0.91 for sentences with "
                "two or more threat matches; weighted to the corpus frame finds about 0.73 "
                "(SemEval), 0.66 (FrAC), 0.74 (general news), 0.77 (news about a danger) and 0.70 "
                "(Australian news) of the threatening sentences. The targets (precision 0.80, "
                "recall 0.70) are met by threat in news about a danger, not in news at large; "
                "reassurance's recall is far below its target. "
                "Treat reassurance as exploratory, or code a sample yourself "
                "(`frame sample` / `frame agree`) and report that.")
            continue
        rows = [r for r in by_frame.get(fr, []) if r["auc"] == r["auc"]]
        if not rows:
            add(f"- **{fr}**: no data.")
            continue
        low = min(r["auc"] for r in rows)
        v = verdict(low)
        if any(abs(round(low, 2) - t) <= 0.01 for t in (HOLDS_UP, MODERATE)):
            v += ", borderline"
        figs = "; ".join(f"AUC {r['auc']:.2f} on {'SemEval' if r['dataset'] == 'semeval' else 'FrAC'}"
                         for r in rows)
        loose = all(r["mapping"].startswith("loose") for r in rows)
        note = " (loose mapping: the label is only related to the frame)" if loose else ""
        own = generic.get(fr)
        if own is not None:
            note += (f"; against the frame's own definition (Semetko & Valkenburg's questions, "
                     f"{own[1]} news articles coded by two AI agents of the project, not counted "
                     f"in the verdict): AUC {own[0]:.2f}, "
                     "[validity-generic-frames.md](validity-generic-frames.md)")
        add(f"- **{fr}**: {figs} → **{v}**{note}.")
    add("")
    add("Whether the economic score separates business news from other news, within four "
        "outlets' own sections: [validity-business-news.md](validity-business-news.md).")
    add("")
    scored_rows = [r for r in main_rows if r["auc"] == r["auc"]]
    beats = [r for r in scored_rows if r["diff_lo"] > 0]
    nobeat = [f"{r['frame']} ({'SemEval' if r['dataset'] == 'semeval' else 'FrAC'})"
              for r in scored_rows if not r["diff_lo"] > 0]
    atceil = sorted({r["frame"] for r in scored_rows if r["auc"] >= r["ceiling"]})
    add(f"frame's lexicon beats the five-word floor in {len(beats)} of {len(scored_rows)} "
        "comparisons (95% interval of the difference above 0)"
        + (f"; not in {', '.join(nobeat)}" if nobeat else "") + ". "
        + (f"For {' and '.join(atceil)}, frame ranks texts at least as well as a classifier "
           "trained on the labels on at least one data set. " if atceil else "")
        + "Where the supervised ceiling is far above frame's AUC, the human label is learnable "
        "from the words, but frame's list does not capture it (or measures a different frame).")
    add("")
    add(f"Verdicts use the lower AUC of the two data sets: **holds up** ≥ {HOLDS_UP:.2f}, "
        f"**moderate** {MODERATE:.2f}–{HOLDS_UP:.2f}, **exploratory** < {MODERATE:.2f}. "
        "\"Exploratory\" means: use the frame to find and read texts, not as a measurement "
        "to test hypotheses on without your own validation. Where the mapping is loose, a low "
        "AUC says as much about the mismatch between the two frame definitions as about "
        "frame's word list.")
    add("")
    add("## Results")
    add("")
    add("| Frame | Data set | Human label(s) = positive | Pos. / n | frame AUC [95% CI] "
        "| Floor AUC (5 words) | frame − floor [95% CI] | Ceiling AUC (supervised) "
        "| Any hit: precision / recall (hit rate) |")
    add("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        name = r["frame"] + (" (variant)" if r["variant"] else "")
        ds = "SemEval" if r["dataset"] == "semeval" else "FrAC"
        if r["auc"] != r["auc"]:
            add(f"| {name} | {ds} | {r['labels']} | {r['positives']} / {r['n']} | n/a | n/a "
                f"| n/a | n/a | n/a |")
            continue
        add(f"| {name} | {ds} | {r['labels']} | {r['positives']} / {r['n']} "
            f"| **{r['auc']:.2f}**{ci_str((r['auc_lo'], r['auc_hi']))} | {f2(r['floor'])} "
            f"| {sdiff(r['diff'])}{ci_str((r['diff_lo'], r['diff_hi']))} | {f2(r['ceiling'])} "
            f"| {f2(r['precision'])} / {f2(r['recall'])} ({f2(r['hit_rate'])}) |")
    add("| reassurance | — | no public data codes it | — | n/a | n/a | n/a | n/a | n/a |")
    add("")
    add("Every figure, with the bootstrap intervals of the floor and ceiling too, is in "
        "[`validation/results.csv`](../validation/results.csv).")
    add("")
    add("How to read the columns:")
    add("")
    add("- **frame AUC**: frame's per-1,000-word score of the frame as a ranking of texts, "
        f"against the binary human label. 95% interval: percentile bootstrap, {BOOTSTRAP:,} "
        "resamples of the texts, fixed seed.")
    add("- **Floor**: the same AUC for a fixed list of five obvious words per frame, taken from "
        "the frame's definition, not from the data (listed in `validation/validate.py`), counted "
        "per 1,000 words. **frame − floor** (paired bootstrap) shows what frame's full lexicon, "
        "stemming and negation add over that; an interval that includes 0 means no clear gain.")
    add("- **Ceiling**: a TF-IDF (words and word pairs) + logistic regression classifier trained "
        f"on the labels themselves, {FOLDS}-fold stratified cross-validation, AUC of its "
        "out-of-fold probabilities. It shows how learnable the label is from the words of these "
        "texts; it is a reference point, not a strict upper bound.")
    add("- **Any hit**: frame as a yes/no classifier (score > 0, i.e. at least one non-negated "
        "match, means \"frame present\"). Hit rate = share of texts with a hit. Compare the "
        "precision with the base rate (Pos. / n): most whole articles have a "
        "hit, so recall is high and precision is close to the base rate; use the scores (or a "
        "threshold you validate) rather than \"any hit\" for articles.")
    add("")
    add("## What was measured")
    add("")
    add(f"**SemEval-2023 Task 3, subtask 2 (framing), English training split**: {n_se} news "
        "articles, each coded by annotators with any number of the 14 Media Frames Corpus frames "
        "(Boydstun et al. 2014). frame scored title and body together as one text. Cite: "
        "Piskorski, Stefanovitch, Da San Martino & Nakov (2023), SemEval-2023 Task 3, "
        "*Proc. SemEval-2023*, ACL, 2343–2361. Terms: free for research, not for commercial "
        "use; article texts belong to their publishers (not redistributed here).")
    add("")
    add(f"**FrAC gold standard** (Guida, Otmakhova, Hovy & Frermann 2025, arXiv:2507.04612): "
        f"{n_fr} sentences from news articles and reader comments (NYT, SFU Opinion Corpus), one "
        "frame code each (Media Frames Corpus codes, some merged), inter-annotator α = 0.76. "
        "Licence: CC BY 4.0 (annotations, SOCC sentences), CC BY-NC-SA 4.0 (NYT sentences).")
    add("")
    add("Neither data set was used to build or tune frame's lexicons, and neither is copied "
        "into this repository; only the figures are.")
    add("")
    add("**Mapping** (a text is positive when it carries any of the labels; Media Frames Corpus "
        "frames are issue-generic frames, not the Semetko & Valkenburg frames frame measures, "
        "so the mapping is approximate):")
    add("")
    add("| frame | SemEval labels | FrAC codes | How close |")
    add("|---|---|---|---|")
    rows = {}
    for fr, ds, labels, loose, variant in MAPPING:
        if not variant:
            rows.setdefault(fr, {})[ds] = (label_text(ds, labels), loose)
    for fr in FRAMES:
        if fr == "reassurance":
            add("| reassurance | — | — | no public human-coded data |")
            continue
        se, fa = rows[fr]["semeval"], rows[fr]["frac"]
        add(f"| {fr} | {se[0]} | {fa[0]} | SemEval: {se[1]}. FrAC: {fa[1]}. |")
    add("")
    add("FrAC merges code 5 (legality and crime) and code 6 (politics and policies); a merged "
        "code counts for every frame one of its parts maps to, so some FrAC positives lie outside "
        "the frame. The *variant* row shows threat without the merged code 5. FrAC has no "
        "quality-of-life code, so human_interest has no FrAC positives (n/a).")
    if any(skipped.values()):
        add("")
        add("Texts frame skipped as empty were scored 0: "
            + ", ".join(f"{k}: {v}" for k, v in skipped.items()) + ".")
    add("")
    add("## Limits")
    add("")
    add("- Two data sets, English only, mostly politics and international news; AUC can differ "
        "on other topics, outlets or languages.")
    add(f"- SemEval articles are long and carry {mean_labels:.1f} of the 14 frames each on "
        "average, so many negatives still touch the frame; FrAC sentences are short, so many "
        "score 0 (ties).")
    add("- AUC measures ranking, not calibration: it says whether higher scores go with the "
        "human label, not what a given score means.")
    add("- For a study, validate on a sample of your own corpus as well (see \"Validating the "
        "dictionary\" in docs/user-guide.md).")
    add("")
    (ROOT / "docs" / "validity.md").write_text("\n".join(L), encoding="utf-8")


if __name__ == "__main__":
    main()
