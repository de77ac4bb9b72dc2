"""Checks that two CSV files hold the same rows (quoting, BOM and line ends aside)."""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a != b:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print(f"row {index + 1} differs:\n  {x}\n  {y}")
            break
    print(f"{len(a)} rows vs {len(b)} rows")
    sys.exit(1)
print(f"same {len(a)} rows")
