"""Make the table of the built-in unit pack's conversion factors, with pint.

python tools/unit_table.py          # rewrite numcheck/extraction/unit_factors.py
python tools/unit_table.py --check  # exit 1 if the table is out of date

Run it after any change to rules/units.yaml: until then, every conversion loads pint.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from numcheck.extraction import units  # noqa: E402
from numcheck.extraction.unit_table import table_source  # noqa: E402

TABLE = ROOT / "numcheck" / "extraction" / "unit_factors.py"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether it is current")
    args = parser.parse_args(argv)
    text = table_source(units.registry(), units.pint_line)
    current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
    if text == current:
        return 0
    if args.check:
        print(f"{TABLE}: out of date; run python tools/unit_table.py")
        return 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"{TABLE}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
