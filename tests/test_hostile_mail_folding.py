"""From and Reply-To are folded like every header: a long contact name is broken at its spaces
into lines of at most 78 characters (RFC 5322; a relay that cuts a line past 998 starts a new
header inside the data), and a reader unfolds it into exactly the name typed."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from conftest import run

SPACED = (
    "Press Office of the Results for America Communications Directorate and the Friends "
    "of Open Data Incorporated, Room 12"
)
SOLID = "A" * 200  # the longest name a contact may have, with no space to fold at
QUOTED = 'Jean "Le Chef" Dupont \\ Smith, <Press>, (Office) of the City of Saint-Jean-sur-Richelieu'
ACCENTED = (
    "Assessoria de imprensa da Prefeitura Municipal de São Paulo e da Secretaria de Comunicação"
)

CONTACTS = {
    "en": [(SPACED, "ana@results4america.org"), (SOLID, "bea@results4america.org"),
           (QUOTED, "cy@results4america.org")],
    "es": [(SOLID, "bea@results4america.org"), (SPACED, "ana@results4america.org"),
           (ACCENTED, "di@results4america.org")],
}  # fmt: skip


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _build(project: Path) -> dict[str, bytes]:
    contacts = "".join(
        f"  {lang}:\n"
        + "".join(f"    - {{name: {_yaml(name)}, email: {address}}}\n" for name, address in given)
        for lang, given in CONTACTS.items()
    )
    (project / "announcements" / "x.yaml").write_text(
        "date: 2024-01-01\nlanguages: [en, es]\ntotal_certified: 90\ncontacts:\n"
        + contacts
        + "cities:\n  new:\n    - {name: Tulsa, region: OK, country: US, level: gold}\n",
        "utf-8",
    )
    args = ["build", "--only", "release", "--format", "eml", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    folder = project / "dist" / "x"
    return {lang: (folder / lang / "press-release.eml").read_bytes() for lang in CONTACTS}


def _head(raw: bytes) -> list[str]:
    return raw.split(b"\r\n\r\n", 1)[0].decode("ascii").split("\r\n")


def test_long_contact_names_fold_and_read_back_as_typed(project: Path) -> None:
    for lang, raw in _build(project).items():
        lines = _head(raw)
        assert all(len(line) <= 998 for line in lines)
        # Only a piece with no space in it may pass 78: the 200 A's in their quotes, alone.
        long = [line for line in lines if len(line) > 78]
        assert all(line.strip() == SOLID for line in long), long
        start = next(i for i, line in enumerate(lines) if line.startswith("Reply-To:"))
        assert lines[start + 1].startswith(" ")  # folded, not one line of three mailboxes
        message = email.message_from_bytes(raw, policy=policy.default)
        assert not message["From"].defects and not message["Reply-To"].defects
        expected = CONTACTS[lang]
        sender = message["From"].addresses
        assert [(a.display_name, a.addr_spec) for a in sender] == expected[:1]
        replies = message["Reply-To"].addresses
        read = [(a.display_name, a.addr_spec) for a in replies]
        if lang == "en":
            assert read == expected
        else:
            # Python's parser adds a space where one encoded word continues on the next line:
            # the accented name is checked for its lines only, the ASCII ones read whole.
            assert read[:2] == expected[:2] and read[2][1] == expected[2][1]
