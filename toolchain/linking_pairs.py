#!/usr/bin/env python3
"""Cross-document linking on the Slavic development data, by language pair.

  python3 toolchain/linking_pairs.py ANALYSIS.json DEVDATA [--split val|xtopic|train]

ANALYSIS.json is `crosswire analyze` of DEVDATA/slavic/docs. Items and pairs as the linking
measure of the development data defines them: for every gold PER/ORG/LOC mention that a found
mention (with an entity) overlaps, one item per (document, gold entity, found entity); a pair of
items from two documents is right when "same gold entity" equals "same found entity". Prints
precision and recall of "same found entity" for each language pair with pairs to count,
same-language pairs first.
"""
import json
import os
import sys
from collections import defaultdict


def code_points_of(text):
    """UTF-16 offset -> code-point offset (the analysis counts UTF-16 units)."""
    table, unit = {}, 0
    for index, ch in enumerate(text):
        table[unit] = index
        unit += 2 if ord(ch) > 0xFFFF else 1
    table[unit] = len(text)
    return table


def main():
    args = sys.argv[1:]
    split = None
    if "--split" in args:
        at = args.index("--split")
        split = args[at + 1]
        del args[at:at + 2]
    analysis_path, devdata = args
    slavic = os.path.join(devdata, "slavic")
    chosen = None
    if split:
        with open(os.path.join(devdata, "splits.tsv"), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f]
        chosen = {r[1] for r in rows if len(r) == 3 and r[0] == "slavic" and r[2] == split}
    with open(analysis_path, encoding="utf-8") as f:
        analysis = json.load(f)
    found = {}
    for article in analysis["articles"]:
        doc = os.path.splitext(os.path.basename(article["id"]))[0]
        if chosen is not None and doc not in chosen:
            continue
        with open(os.path.join(slavic, "docs", doc + ".txt"), encoding="utf-8") as f:
            to_cp = code_points_of(f.read())
        found[doc] = [(to_cp.get(m["start"], m["start"]), to_cp.get(m["end"], m["end"]), m["entity"])
                      for m in article["mentions"]
                      if m["type"] in ("PERSON", "ORG", "PLACE") and m.get("entity")]
    items = {}
    with open(os.path.join(slavic, "gold.tsv"), encoding="utf-8") as f:
        for line in f:
            doc, lang, start, end, _, _, kind, gold_id = (line.rstrip("\n").split("\t") + [""] * 8)[:8]
            if doc == "doc" or kind not in ("PER", "ORG", "LOC") or doc not in found:
                continue
            start, end = int(start), int(end)
            hits = [m for m in found[doc] if m[0] < end and start < m[1]]
            if hits:
                items.setdefault((doc, gold_id, hits[0][2]), lang)
    by_pair = defaultdict(lambda: [0, 0, 0])  # right, wrongly joined, wrongly apart
    listed = sorted(items.items())
    for a in range(len(listed)):
        (doc_a, gold_a, ent_a), lang_a = listed[a]
        for b in range(a + 1, len(listed)):
            (doc_b, gold_b, ent_b), lang_b = listed[b]
            if doc_a == doc_b or (gold_a != gold_b and ent_a != ent_b):
                continue
            counts = by_pair["–".join(sorted((lang_a, lang_b)))]
            if gold_a == gold_b and ent_a == ent_b:
                counts[0] += 1
            elif ent_a == ent_b:
                counts[1] += 1
            else:
                counts[2] += 1
    print(f"{'languages':<10} {'pairs':>7} {'P':>6} {'R':>6}")
    for pair in sorted(by_pair, key=lambda p: (p.split("–")[0] != p.split("–")[1], p)):
        right, joined, apart = by_pair[pair]
        precision = right / (right + joined) if right + joined else 0
        recall = right / (right + apart) if right + apart else 0
        print(f"{pair:<10} {right + joined + apart:>7} {precision:>6.3f} {recall:>6.3f}")


if __name__ == "__main__":
    main()
