#!/usr/bin/env python3
"""The error bands as the core embeds them: uncertainty.csv, one line per regime.

uncertainty.csv (what `shallowsim uncertainty --format csv` writes, scripts/uncertainty.sh) has a
line per mode and regime; the regimes and their row counts repeat for every calibration. The
embedded form names the modes once in its header and gives each regime one line: its key, its
rows, then each mode's median |error| ('' when the mode ships no band for it; 'median:rows' when
the mode counts other rows). A fifth of the compressed size, the same numbers; uncertainty.cpp
Parse reads it. core/CMakeLists.txt runs this at configure time. Usage: embed_uncertainty.py
SOURCE DEST
"""

import csv
import io
import sys

KEY = ('model', 'family', 'batch', 'context', 'serving')


def main() -> None:
    source, dest = sys.argv[1], sys.argv[2]
    with open(source, newline='', encoding='utf-8') as f:
        lines = list(csv.DictReader(f))
    modes, regimes = [], {}
    for line in lines:
        if line['mode'] not in modes:
            modes.append(line['mode'])
        key = tuple(line[k] for k in KEY)
        regimes.setdefault(key, {})[line['mode']] = (line['rows'], line['median_abs_error_pct'])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\n')
    writer.writerow(list(KEY) + ['rows'] + modes)
    for key, by_mode in regimes.items():
        counts = [rows for rows, _ in by_mode.values()]
        rows = max(sorted(set(counts)), key=counts.count)
        cells = []
        for mode in modes:
            if mode not in by_mode:
                cells.append('')
                continue
            n, median = by_mode[mode]
            cells.append(median if n == rows else f'{median}:{n}')
        writer.writerow(list(key) + [rows] + cells)
    with open(dest, 'w', newline='', encoding='utf-8') as f:
        f.write(out.getvalue())


if __name__ == '__main__':
    main()
