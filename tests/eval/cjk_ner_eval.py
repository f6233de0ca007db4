#!/usr/bin/env python3
"""Typed span F1 of Crosswire's mentions on Chinese (People's Daily) and Japanese (stockmark) news-style text.

usage: tests/eval/cjk_ner_eval.py [--split val|train] [--limit N] [--cli build/native/crosswire]

The sentences of the split (../shared/devdata/splits.tsv) are grouped into articles of 20 sentences, one
line each, analysed in one batch by the CLI, and the mentions are compared with the gold spans: a mention
counts when its start, end and type all match (PER/人名 = PERSON, LOC/地名 = PLACE, ORG/法人名/政治的組織名/
その他の組織名 = ORG; stockmark's facility, product and event spans are left out of both sides).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DEVDATA = os.environ.get('CROSSWIRE_DEVDATA', os.path.join(ROOT, '..', 'shared', 'devdata'))
PER_ARTICLE = 20
JA_TYPES = {'人名': 'PERSON', '地名': 'PLACE', '法人名': 'ORG', '政治的組織名': 'ORG', 'その他の組織名': 'ORG'}
ZH_TYPES = {'PER': 'PERSON', 'LOC': 'PLACE', 'ORG': 'ORG'}


def split_items(dataset, split):
    items = set()
    with open(os.path.join(DEVDATA, 'splits.tsv'), encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[0] == dataset and parts[2] == split:
                items.add(parts[1])
    return items


def chinese(split):
    """[(text, {(start, end, type)})] per sentence; offsets in code points."""
    keep = split_items('peoples-daily', split)
    with open(os.path.join(DEVDATA, 'ner/peoples-daily/zh/dev.txt'), encoding='utf-8') as f:
        blocks = [b for b in f.read().split('\n\n') if b.strip()]
    out = []
    for number, block in enumerate(blocks, 1):
        if f'sentence {number}' not in keep:
            continue
        chars, spans, start, kind = [], set(), None, None
        rows = [line.split(' ') for line in block.split('\n') if line.strip()]
        for i, row in enumerate(rows + [['', 'O']]):
            tag = row[1] if len(row) > 1 else 'O'
            if start is not None and not tag.startswith('I-'):
                spans.add((start, i, ZH_TYPES[kind]))
                start = None
            if tag.startswith('B-'):
                start, kind = i, tag[2:]
            if i < len(rows):
                chars.append(row[0])
        out.append((''.join(chars), spans))
    return out


def japanese(split):
    keep = split_items('stockmark', split)
    with open(os.path.join(DEVDATA, 'ner/stockmark/ja/ner.json'), encoding='utf-8') as f:
        items = json.load(f)
    out = []
    for item in items:
        if f"curid {item['curid']}" not in keep:
            continue
        spans = {(e['span'][0], e['span'][1], JA_TYPES[e['type']]) for e in item['entities'] if e['type'] in JA_TYPES}
        out.append((item['text'].replace('\n', ' '), spans))
    return out


def utf16_to_cp(text):
    """Maps UTF-16 offsets of `text` to code point offsets."""
    table, units = {}, 0
    for i, c in enumerate(text):
        table[units] = i
        units += 2 if ord(c) > 0xFFFF else 1
    table[units] = len(text)
    return table


def evaluate(name, lang, sentences, cli):
    with tempfile.TemporaryDirectory() as tmp:
        articles = []
        for a in range(0, len(sentences), PER_ARTICLE):
            group = sentences[a:a + PER_ARTICLE]
            path = os.path.join(tmp, f'{lang}-{a // PER_ARTICLE:04d}.txt')
            with open(path, 'w', encoding='utf-8') as f:
                f.write('\n'.join(text for text, _ in group) + '\n')
            articles.append((os.path.basename(path), group))
        run = subprocess.run([cli, 'analyze', '--lang', lang, tmp], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f'crosswire analyze failed: {run.stderr}')
        analysis = json.loads(run.stdout)
    by_id = {article['id']: article for article in analysis['articles']}
    tp = fp = fn = 0
    for article_id, group in articles:
        article = by_id[article_id]
        text = '\n'.join(t for t, _ in group) + '\n'
        cp = utf16_to_cp(text)
        gold, offset = set(), 0
        for sentence, spans in group:
            gold |= {(offset + s, offset + e, t) for s, e, t in spans}
            offset += len(sentence) + 1
        found = {(cp[m['start']], cp[m['end']], m['type']) for m in article['mentions'] if m['type'] != 'MISC'}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f'{name}: {len(sentences)} sentences in {len(articles)} articles; gold {tp + fn}, found {tp + fp}; '
          f'precision {precision:.3f} recall {recall:.3f} typed span F1 {f1:.3f}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--split', default='val')
    parser.add_argument('--limit', type=int, default=0, help='at most this many sentences per language')
    parser.add_argument('--cli', default=os.path.join(ROOT, 'build/native/crosswire'))
    args = parser.parse_args()
    for name, lang, load in (("People's Daily (zh)", 'zh', chinese), ('stockmark (ja)', 'ja', japanese)):
        sentences = load(args.split)
        if args.limit:
            sentences = sentences[:args.limit]
        evaluate(name, lang, sentences, args.cli)


if __name__ == '__main__':
    main()
