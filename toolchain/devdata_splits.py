"""The development data's split manifest (splits.tsv: dataset, item, split), for the toolchain's
scripts that derive tables from the train items only."""
import os


def items_of(devdata, dataset, split='train'):
    """The items of `dataset` marked `split` in DEVDATA/splits.tsv, as a set."""
    items = set()
    with open(os.path.join(devdata, 'splits.tsv'), encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) == 3 and fields[0] == dataset and fields[2] == split:
                items.add(fields[1])
    return items
