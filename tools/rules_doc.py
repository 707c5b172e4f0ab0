"""Write the README's rule list from the checks' docstrings.

python tools/rules_doc.py          # rewrite README.md between <!-- rules --> markers
python tools/rules_doc.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from numcheck.rules_doc import replace_block  # noqa: E402
from numcheck.rules_doc import rules_markdown  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether it is current")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    updated = replace_block(text, rules_markdown())
    if updated == text:
        return 0
    if args.check:
        print(f"{args.readme}: the rule list is out of date; run python tools/rules_doc.py")
        return 1
    args.readme.write_text(updated, encoding="utf-8")
    print(f"{args.readme}: rule list updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
