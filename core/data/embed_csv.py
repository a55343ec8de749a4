#!/usr/bin/env python3
"""The reality set as the core embeds it: deployments.csv without the columns nothing shows.

core/CMakeLists.txt runs this at configure time. The notes (conditions, derivations, what is
assumed), the publication date, the deployment as the source words it and the per-user figure
stay in deployments.csv for people; the page and the CLI never show them (the core reads a
missing column as empty), and the notes alone are a third of the set's compressed size in the
wasm. Usage: embed_csv.py SOURCE DEST
"""

DROPPED = ('notes', 'date', 'hardware', 'per_user_tps')
import csv
import io
import sys


def main() -> None:
    source, dest = sys.argv[1], sys.argv[2]
    with open(source, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    drop = {rows[0].index(name) for name in DROPPED}
    out = io.StringIO()
    csv.writer(out, lineterminator='\n').writerows([c for i, c in enumerate(r) if i not in drop] for r in rows)
    with open(dest, 'w', newline='', encoding='utf-8') as f:
        f.write(out.getvalue())


if __name__ == '__main__':
    main()
