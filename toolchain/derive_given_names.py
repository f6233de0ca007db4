#!/usr/bin/env python3
"""Derives core/data/names/given-names.txt: the first names of people, as the train parts of the
development data write them in the nominative.

usage: derive_given_names.py DEVDATA OUT

A first name is the first word of a person's name of two or three words: of the base forms (lemmas)
of the Slavic news's train documents, and of the PER spans of the train files of CoNLL-2002 (es, nl),
CoNLL-2003 (de, en) and WikiANN (de, en, es, nl). A word is kept when it opens such a name at least
twice and opens names at least twice as often as it ends one (surnames that are also first names,
such as "Martin", stay; "Kennedy" does not). After a line "[forms]" come the first names in any
case, counted the same way on the Slavic train documents' mentions as written and on the PER spans
of WikiANN pl and ru, which keep their case ("Dmitrija", "Władysława"): they tell where a name
starts, not its base form. It writes the same file every time.
"""
import collections
import os
import sys
import unicodedata

from devdata_splits import items_of


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
    forms_first = collections.Counter()
    forms_last = collections.Counter()

    def count(words, firsts=first, lasts=last):
        if 2 <= len(words) <= 3 and all(is_name_word(w) for w in words):
            firsts[words[0]] += 1
            lasts[words[-1]] += 1

    train = items_of(devdata, 'slavic')
    with open(os.path.join(devdata, 'slavic', 'gold.tsv'), encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) >= 8 and fields[0] in train and fields[6] == 'PER':
                count(unicodedata.normalize('NFC', fields[5]).split())
                count(unicodedata.normalize('NFC', fields[4]).split(), forms_first, forms_last)
    for corpus, langs in (('conll2002', ('es', 'nl')), ('conll2003', ('de', 'en')),
                          ('wikiann', ('de', 'en', 'es', 'nl'))):
        for lang in langs:
            path = os.path.join(devdata, 'ner', corpus, lang, 'train.tsv')
            for span in person_spans(path):
                count([unicodedata.normalize('NFC', w) for w in span])
    for lang in ('pl', 'ru'):
        for span in person_spans(os.path.join(devdata, 'ner', 'wikiann', lang, 'train.tsv')):
            count([unicodedata.normalize('NFC', w) for w in span], forms_first, forms_last)
    names = sorted(w for w, n in first.items() if n >= 2 and n >= 2 * last[w])
    forms_first.update(first)
    forms_last.update(last)
    nominative = set(names)
    forms = sorted(w for w, n in forms_first.items()
                   if n >= 2 and n >= 2 * forms_last[w] and w not in nominative)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# First names of people in the nominative, one a line: the words that open names of\n'
                '# two or three words in the train parts of the development data (lemmas of the\n'
                '# Slavic news; PER spans of CoNLL-2002 es/nl, CoNLL-2003 de/en, WikiANN de/en/es/nl),\n'
                '# at least twice and twice as often as they end one; after [forms], the other forms\n'
                '# that open names (Slavic mentions as written, WikiANN pl/ru). Derived by\n'
                '# toolchain/derive_given_names.py; read by core/base_forms.cc.\n')
        for w in names:
            f.write(w + '\n')
        f.write('[forms]\n')
        for w in forms:
            f.write(w + '\n')
    print(f'{len(names)} first names, {len(forms)} other forms', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
