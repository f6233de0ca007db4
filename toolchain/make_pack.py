#!/usr/bin/env python3
"""Writes a data pack file (the format is described in core/data_pack.h) and names it by its content.

usage: make_pack.py OUT_DIR NAME [ENTRY_PATH=FILE]...
Writes OUT_DIR/crosswire-NAME.HASH.pack, HASH being the first 12 hex digits of the SHA-256 of the
pack, so a browser may cache it forever: a changed pack is a new file. Prints the file's name.
"""
import hashlib
import os
import struct
import sys

MAGIC = b'CWPACK1\n'


def align(n):
    return (n + 15) // 16 * 16


def main():
    out_dir, name = sys.argv[1], sys.argv[2]
    entries = []
    for arg in sys.argv[3:]:
        path, _, file = arg.partition('=')
        with open(file, 'rb') as f:
            entries.append((path.encode('utf-8'), f.read()))
    table_size = len(MAGIC) + 4 + sum(4 + len(path) + 8 for path, _ in entries)
    offset = align(table_size)
    table = [MAGIC, struct.pack('<I', len(entries))]
    body = []
    for path, data in entries:
        table.append(struct.pack('<I', len(path)) + path + struct.pack('<II', offset, len(data)))
        body.append(data + b'\0' * (align(len(data)) - len(data)))
        offset += align(len(data))
    head = b''.join(table)
    pack = head + b'\0' * (align(len(head)) - len(head)) + b''.join(body)
    digest = hashlib.sha256(pack).hexdigest()[:12]
    file_name = f'crosswire-{name}.{digest}.pack'
    for old in os.listdir(out_dir):
        if old.startswith(f'crosswire-{name}.') and old.endswith('.pack') and old != file_name:
            os.remove(os.path.join(out_dir, old))
    with open(os.path.join(out_dir, file_name), 'wb') as f:
        f.write(pack)
    print(file_name)


if __name__ == '__main__':
    main()
