#!/usr/bin/env python3
"""The reality set as the core embeds it: deployments.csv without its `notes` column.

core/CMakeLists.txt runs this at configure time. The notes (conditions, derivations, what is
assumed) stay in deployments.csv for people; the page and the CLI never show them, and they are
a third of the set's compressed size in the wasm. Usage: embed_csv.py SOURCE DEST
"""
import csv
import io
import sys


def main() -> None:
    source, dest = sys.argv[1], sys.argv[2]
    with open(source, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    drop = rows[0].index('notes')
    out = io.StringIO()
    csv.writer(out, lineterminator='\n').writerows([c for i, c in enumerate(r) if i != drop] for r in rows)
    with open(dest, 'w', newline='', encoding='utf-8') as f:
        f.write(out.getvalue())


if __name__ == '__main__':
    main()
