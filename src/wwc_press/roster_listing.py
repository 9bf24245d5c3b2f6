"""``wwc-press roster``: the roster's cities shown as a table to read, or as CSV or JSON for
other tools."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .roster import Entry


def rows(entries: tuple[Entry, ...], root: Path) -> list[dict[str, str | None]]:
    """The roster's cities as rows of a table, CSV or JSON: each with its level, since when
    (None: not known) and the line that said it, relative to the project at ``root``."""
    return [
        {
            "city": entry.name,
            "region": entry.region or "",
            "country": entry.country,
            "level": entry.level,
            "since": entry.since.isoformat() if entry.since else None,
            "source": f"{entry.where.path.relative_to(root)}:{entry.where.line}",
        }
        for entry in entries
    ]


def listing(
    fmt: str, total: int | None, latest: dt.date, entries: tuple[Entry, ...], root: Path
) -> None:
    """``roster``: the cities on standard output as a table to read, or CSV or JSON for other
    tools."""
    import csv
    import sys

    found = rows(entries, root)
    if fmt == "json":
        data = {"date": latest.isoformat(), "total": total, "cities": found}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(found[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*(name.capitalize() for name in found[0]), title="Certified cities")
        for row in found:
            table.add_row(*(value or "" for value in row.values()))
        console = Console()
        console.print(table)
        console.print(
            f"{total} cities certified to {latest.isoformat()}; the roster names "
            f"{len(found)} of them."
        )
