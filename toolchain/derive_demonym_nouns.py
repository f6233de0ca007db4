#!/usr/bin/env python3
"""Derives core/data/cues/demonym-nouns.tsv: nouns for the people of a place ("Rusové",
"Polacy", "Američani"), which the Slavic news's gold annotation marks as persons that refer to the
place, with the place's name in the same language.

usage: derive_demonym_nouns.py DEVDATA OUT

Read from the `train` documents of splits.tsv only: every PER mention whose entity is a place
(GPE-* or LOC-*) and is written with a capital, as written and as its lemma. The place's name is
the lemma its own (LOC) mentions have most often in that language, else in any language. A form
that is one of the place's own names ("Niemcy" is Germany and Germans in Polish) or is also a person's
name of another entity is left out. A line: language, the place's name, the nouns (sorted). It
writes the same file every time.
"""
import collections
import os
import sys

from devdata_splits import items_of


def main():
    devdata, out = sys.argv[1], sys.argv[2]
    train = items_of(devdata, 'slavic')
    nouns = collections.defaultdict(set)         # (lang, place id) -> forms
    place_names = collections.defaultdict(collections.Counter)  # place id -> (lang, lemma)
    other_uses = collections.defaultdict(set)    # (lang, form) -> ids of other entities
    place_forms = collections.defaultdict(set)   # (lang, place id) -> its own names, any case
    with open(os.path.join(devdata, 'slavic', 'gold.tsv'), encoding='utf-8') as f:
        next(f)
        for line in f:
            c = line.rstrip('\n').split('\t')
            if len(c) < 8 or c[0] not in train:
                continue
            _doc, lang, _s, _e, surface, lemma, kind, entity = c[:8]
            is_place = entity.startswith(('GPE-', 'LOC-'))
            if kind == 'LOC' and is_place:
                place_names[entity][(lang, lemma)] += 1
                place_forms[(lang, entity)].update({surface.casefold(), lemma.casefold()})
            for form in {surface, lemma}:
                if kind == 'PER' and is_place:
                    if ' ' not in form and form[:1].isupper() and form[:1].isalpha():
                        nouns[(lang, entity)].add(form)
                else:
                    other_uses[(lang, form.casefold())].add(entity)
    lines = []
    for (lang, entity), forms in nouns.items():
        names = place_names.get(entity)
        if not names:
            continue
        in_lang = [(n, name) for (l, name), n in names.items() if l == lang]
        pool = in_lang or [(n, name) for (_l, name), n in names.items()]
        name = sorted(pool, key=lambda x: (-x[0], x[1]))[0][1]
        keep = sorted(form for form in forms
                      if form.casefold() != name.casefold()
                      and form.casefold() not in place_forms[(lang, entity)]
                      and not (other_uses[(lang, form.casefold())] - {entity}))
        if keep:
            lines.append('\t'.join([lang, name] + keep))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# Nouns for the people of a place, with the place\'s name in the same language:\n'
                '# language<TAB>place<TAB>noun<TAB>noun... Derived from the train documents of the Slavic\n'
                '# news by toolchain/derive_demonym_nouns.py (see there); do not edit by hand.\n')
        for line in sorted(lines):
            f.write(line + '\n')


if __name__ == '__main__':
    main()
