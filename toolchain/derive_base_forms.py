#!/usr/bin/env python3
"""Derives the base-form rules of core/data/base_forms/<lang>.txt from lemma-annotated names.

usage: derive_base_forms.py GOLD.tsv SPLITS.tsv OUT_DIR

GOLD.tsv has one name mention a line (doc, lang, start, end, surface, lemma, type, entity), e.g. the
Slavic news of the development data; only documents that SPLITS.tsv marks `train` are read, so the
rules are never fitted to what they are judged on. Each surface word is aligned with its lemma word
(names whose word counts differ are skipped); the part after their longest common prefix is a
rewrite ("Polsce" -> "Polska": strip "ce", append "ka"). A rule is keyed by the word's last letters
(the stripped part and one to three letters before it, so that the stem's end says which rewrite
applies); words already in their base form vote for "no change" under their own endings. Endings
seen often enough are written with their rewrites, the most frequent first: the first applies alone
when it is a clear winner, the others only where a dictionary confirms them. The output is
deterministic.
"""
import collections
import os
import sys

# Endings of adjectives in the oblique cases, written from the grammars (not derived): a word
# after an organisation's head noun that has none of them is the head's complement, which keeps
# its surface form in the base form ("Kancelarii Premiera" -> "Kancelaria Premiera"). Bulgarian
# has no cases. Written to the [adjective-endings] section of each file.
ADJECTIVE_ENDINGS = {
    'cs': ['ého', 'ému', 'ém', 'ým', 'ých', 'ými', 'ího', 'ímu', 'ím', 'ích', 'ími', 'ou', 'é'],
    'pl': ['ego', 'emu', 'ym', 'im', 'ych', 'ich', 'ymi', 'imi', 'ej', 'ą'],
    'ru': ['ого', 'его', 'ому', 'ему', 'ым', 'им', 'ых', 'их', 'ыми', 'ими', 'ой', 'ей', 'ую', 'юю'],
    'sl': ['ega', 'emu', 'em', 'im', 'ih', 'ima', 'imi'],
    'uk': ['ого', 'ього', 'ому', 'ьому', 'им', 'ім', 'их', 'іх', 'ими', 'іми', 'ої', 'ьої', 'ій',
           'ою', 'ьою', 'ую'],
}

# The gender a base form's ending gives a noun and an adjective, written from the grammars (not
# derived): an adjective takes the base form that agrees with its noun's ("Тюменской области" ->
# "Тюменская область", not the masculine "Тюменский", where "-нской" alone leaves both open;
# "Polskiego Stronnictwa Ludowego" -> "Polskie Stronnictwo Ludowe"). A noun ending in a consonant
# is masculine, except the abstract nouns in -ost (-ość). Russian "-ь" counts as feminine (область, власть): before the masculine Кремль an
# adjective's oblique ending ("Московского") allows no feminine form, so nothing changes. Cases
# the endings leave open (Czech "-e", "-í") are not listed. Written to the [noun-genders] and
# [adjective-genders] sections.
CONSONANTS = {
    'cs': 'bcčdďfghjklmnňprřsštťvzžx',
    'pl': 'bcćdfghjklłmnńprsśtwzźż',
    'ru': 'бвгджзйклмнпрстфхцчшщ',
    'sl': 'bcčdfghjklmnprsštvzž',
    'uk': 'бвгґджзйклмнпрстфхцчшщ',
}
NOUN_GENDERS = {
    'cs': [('a', 'f'), ('ost', 'f'), ('o', 'n'), ('um', 'n')],
    'pl': [('a', 'f'), ('ość', 'f'), ('o', 'n'), ('e', 'n'), ('um', 'n')],
    'ru': [('а', 'f'), ('я', 'f'), ('ь', 'f'), ('о', 'n'), ('е', 'n')],
    'sl': [('a', 'f'), ('ost', 'f'), ('o', 'n'), ('e', 'n')],
    'uk': [('а', 'f'), ('я', 'f'), ('о', 'n'), ('е', 'n')],
}
ADJECTIVE_GENDERS = {
    'cs': [('á', 'f'), ('é', 'n'), ('ý', 'm')],
    'pl': [('a', 'f'), ('e', 'n'), ('y', 'm'), ('i', 'm')],
    'ru': [('ая', 'f'), ('яя', 'f'), ('ое', 'n'), ('ее', 'n'), ('ый', 'm'), ('ий', 'm'), ('ой', 'm')],
    'sl': [('a', 'f'), ('o', 'n'), ('e', 'n'), ('i', 'm')],
    'uk': [('а', 'f'), ('я', 'f'), ('е', 'n'), ('є', 'n'), ('ий', 'm'), ('ій', 'm')],
}

MIN_SUPPORT = 3      # occurrences of an ending before it becomes a rule
MIN_SHARE = 0.6      # share of its occurrences the winning rewrite must have
MIN_ALTERNATIVE = 2  # occurrences of a rewrite that is not the winner, to be kept as an alternative
MIN_STEM = 2         # letters that must stay before the rewrite
MAX_STRIP = 4        # longer rewrites are irregular forms, not endings
CONTEXT = 3          # letters before the rewrite that may key it


def main(gold_path, splits_path, out_dir):
    train = set()
    for line in open(splits_path, encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if len(cols) == 3 and cols[0] == 'slavic' and cols[2] == 'train':
            train.add(cols[1])
    votes = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for line in open(gold_path, encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if len(cols) < 8 or cols[0] == 'doc' or cols[0] not in train:
            continue
        lang, surface, lemma, kind = cols[1], cols[4], cols[5], cols[6]
        if kind not in ('PER', 'ORG', 'LOC'):
            continue
        words, lemmas = surface.split(), lemma.split()
        if len(words) != len(lemmas):
            continue
        for word, base in zip(words, lemmas):
            word, base = word.lower(), base.lower()
            if not word.isalpha() or not base.isalpha():
                continue
            prefix = 0
            while prefix < min(len(word), len(base)) and word[prefix] == base[prefix]:
                prefix += 1
            strip, append = word[prefix:], base[prefix:]
            if prefix < MIN_STEM or len(strip) > MAX_STRIP or len(append) > MAX_STRIP:
                continue
            # With no context (the ending is the stripped part) when something is stripped: that
            # is how a rewrite seen on few words reaches others ("Europy", "Litwy" -> "Ukrainy").
            for context in range(0 if strip else 1, CONTEXT + 1):
                key_length = len(strip) + context
                if key_length > len(word) - 1:
                    break
                votes[lang][word[-key_length:]][(strip, append)] += 1
    os.makedirs(out_dir, exist_ok=True)
    for lang in sorted(votes):
        rows = []
        for ending in sorted(votes[lang]):
            counter = votes[lang][ending]
            total = sum(counter.values())
            if total < MIN_SUPPORT:
                continue
            ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            for rank, ((strip, append), seen) in enumerate(ranked):
                # The winner when it is clear; the others as alternatives, which are only used
                # where a dictionary (the gazetteer) confirms the result.
                if rank == 0 and seen / total < MIN_SHARE:
                    rows.append((ending, '?', '?', 0, total))
                if seen < MIN_ALTERNATIVE:
                    break
                rows.append((ending, strip, append, seen, total))
        with open(os.path.join(out_dir, lang + '.txt'), 'w', encoding='utf-8') as out:
            out.write('# Base forms of name words in %s: a word ending in the first field has the second\n'
                      '# field replaced by the third ("-" for nothing); the longest ending that matches decides,\n'
                      '# by its first line. Further lines of an ending are alternatives, tried only where the\n'
                      '# gazetteer can confirm the result; "?" means no rewrite is clear enough to apply alone.\n'
                      '# Derived by toolchain/derive_base_forms.py from the lemma-annotated train documents of\n'
                      '# the development data; the last two fields are how often the rewrite was seen and how\n'
                      '# often the ending was. Rules that leave the word as it is keep shorter endings away.\n'
                      '# ending\tstrip\tappend\tseen\tof\n' % lang)
            for ending, strip, append, best, total in rows:
                out.write('%s\t%s\t%s\t%d\t%d\n' % (ending, strip or '-', append or '-', best, total))
            if lang in ADJECTIVE_ENDINGS:
                out.write('\n[adjective-endings]\n'
                          '# Oblique-case endings of adjectives, from the grammar (see ADJECTIVE_ENDINGS in\n'
                          '# toolchain/derive_base_forms.py).\n')
                for ending in ADJECTIVE_ENDINGS[lang]:
                    out.write(ending + '\n')
            if lang in NOUN_GENDERS:
                out.write('\n[noun-genders]\n'
                          '# ending<TAB>gender (f, m, n) of a noun\'s base form, from the grammar (see\n'
                          '# NOUN_GENDERS in toolchain/derive_base_forms.py); a consonant is masculine.\n')
                genders = NOUN_GENDERS[lang] + [(c, 'm') for c in CONSONANTS[lang]]
                for ending, gender in genders:
                    out.write('%s\t%s\n' % (ending, gender))
                out.write('\n[adjective-genders]\n'
                          '# ending<TAB>gender of an adjective\'s base form, from the grammar.\n')
                for ending, gender in ADJECTIVE_GENDERS[lang]:
                    out.write('%s\t%s\n' % (ending, gender))
        print('%s: %d rules' % (lang, len(rows)), file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
