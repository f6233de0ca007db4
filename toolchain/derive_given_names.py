#!/usr/bin/env python3
"""Derives core/data/names/given-names.txt: the first names of people, as the train parts of the
development data write them in the nominative.

usage: derive_given_names.py DEVDATA OUT

A first name is the first word of a person's name of two or three words: of the base forms (lemmas)
of the Slavic news's train documents, and of the PER spans of the train files of CoNLL-2002 (es, nl),
CoNLL-2003 (de, en) and WikiANN (de, en, es, nl; not pl and ru, whose spans keep their case). A word
is kept when it opens such a name at least twice and opens names at least twice as often as
it ends one (surnames that are also first names, such as "Martin", stay; "Kennedy" does not). It
writes the same file every time.
"""
import collections
import os
import sys
import unicodedata


def is_name_word(word):
    # Letters, an apostrophe or a hyphen inside; a capital first and small letters after it.
    if len(word) < 2 or not word[0].isupper() or not word[0].isalpha():
        return False
    rest = word[1:].replace('-', '').replace("'", '').replace('’', '')
    return rest.isalpha() and rest == rest.lower() and not word.endswith(('-', "'"))


def person_spans(path):
    """The PER spans of a CoNLL-style file (token TAB BIO tag), as lists of tokens."""
    span = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            tag = fields[-1] if len(fields) >= 2 else 'O'
            if tag in ('B-PER', 'I-PER') and (tag == 'I-PER' and span):
                span.append(fields[0])
                continue
            if span:
                yield span
            span = [fields[0]] if tag in ('B-PER', 'I-PER') else []
    if span:
        yield span


def main(devdata, out):
    first = collections.Counter()
    last = collections.Counter()

    def count(words):
        if 2 <= len(words) <= 3 and all(is_name_word(w) for w in words):
            first[words[0]] += 1
            last[words[-1]] += 1

    train = set()
    with open(os.path.join(devdata, 'splits.tsv'), encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) == 3 and fields[0] == 'slavic' and fields[2] == 'train':
                train.add(fields[1])
    with open(os.path.join(devdata, 'slavic', 'gold.tsv'), encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) >= 8 and fields[0] in train and fields[6] == 'PER':
                count(unicodedata.normalize('NFC', fields[5]).split())
    for corpus, langs in (('conll2002', ('es', 'nl')), ('conll2003', ('de', 'en')),
                          ('wikiann', ('de', 'en', 'es', 'nl'))):
        for lang in langs:
            path = os.path.join(devdata, 'ner', corpus, lang, 'train.tsv')
            for span in person_spans(path):
                count([unicodedata.normalize('NFC', w) for w in span])
    names = sorted(w for w, n in first.items() if n >= 2 and n >= 2 * last[w])
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# First names of people in the nominative, one a line: the words that open names of\n'
                '# two or three words in the train parts of the development data (lemmas of the\n'
                '# Slavic news; PER spans of CoNLL-2002 es/nl, CoNLL-2003 de/en, WikiANN de/en/es/nl),\n'
                '# at least twice and twice as often as they end one. Derived by\n'
                '# toolchain/derive_given_names.py; read by core/base_forms.cc.\n')
        for w in names:
            f.write(w + '\n')
    print(f'{len(names)} first names', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
