#!/usr/bin/env python3
"""Writes gen/trigrams.tsv: character-trigram profiles for language identification.

usage: gen_trigrams.py TRIGRAMS_MIN_JSON OUT_TSV
Source: the npm package `trigrams` (lib/min.json: the 300 most frequent trigrams per language, least
frequent first). Only languages written in scripts that several languages share are kept; languages
with a script of their own are identified from the script alone (core/language.cc).
Format: BCP47<TAB>trigram<TAB>trigram... most frequent first; spaces inside trigrams are written '_'.
"""
import json
import sys

# BCP 47 code -> key in the trigrams data. Afrikaans is left out: with 300-trigram profiles it takes
# short Dutch news sentences, and Dutch news is far more common.
LANGUAGES = {
    # Latin
    'en': 'eng', 'fr': 'fra', 'de': 'deu_1996', 'es': 'spa', 'it': 'ita', 'pt': 'por_PT',
    'nl': 'nld', 'sv': 'swe', 'da': 'dan', 'nb': 'nob', 'fi': 'fin', 'pl': 'pol', 'cs': 'ces',
    'sk': 'slk', 'hu': 'hun', 'ro': 'ron_2006', 'hr': 'hrv', 'sl': 'slv', 'tr': 'tur',
    'az': 'azj_latn', 'uz': 'uzn_latn', 'id': 'ind', 'vi': 'vie', 'tl': 'tgl', 'sw': 'swh',
    'ca': 'cat', 'lt': 'lit', 'lv': 'lav', 'et': 'est', 'sq': 'als', 'is': 'isl',
    'ga': 'gle', 'cy': 'cym', 'eu': 'eus', 'gl': 'glg', 'so': 'som', 'zu': 'zul', 'yo': 'yor',
    'ha': 'hau_NG', 'ku': 'kmr',
    # Cyrillic
    'ru': 'rus', 'uk': 'ukr', 'be': 'bel', 'bg': 'bul', 'mk': 'mkd', 'sr': 'srp_cyrl', 'kk': 'kaz',
    'ky': 'kir', 'tg': 'tgk', 'mn': 'khk',
    # Arabic script
    'ar': 'arb', 'fa': 'pes_1', 'ur': 'urd', 'ps': 'pbu', 'ckb': 'ckb',
    # Devanagari
    'hi': 'hin', 'mr': 'mar', 'ne': 'nep',
}


def main():
    data = json.load(open(sys.argv[1], encoding='utf-8'))
    rows = []
    for lang, key in sorted(LANGUAGES.items()):
        if key not in data:
            sys.exit('gen_trigrams: no profile %s for %s' % (key, lang))
        ranked = list(reversed(data[key]))  # most frequent first
        rows.append('\t'.join([lang] + [t.replace(' ', '_') for t in ranked]))
    with open(sys.argv[2], 'w', encoding='utf-8') as out:
        out.write('# Trigram profiles derived from the npm package "trigrams" (MIT).\n')
        out.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    main()
