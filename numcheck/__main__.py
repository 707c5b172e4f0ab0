from __future__ import annotations

from numcheck.cli import main

raise SystemExit(main())
