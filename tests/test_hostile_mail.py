"""E-mail headers carry the announcement's words as words: an RFC 2047 encoded word in a city,
a headline or a contact's name is printed as typed, and no line break of the data reaches a
header (no injected Bcc, no split From)."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from conftest import run

ATTACK = "=?utf-8?q?Tulsa=0D=0ABcc:_leak=40evil.example?="
NAME_ATTACK = "=?utf-8?q?Ana=0D=0AFrom:_x=40evil.example?="

ANNOUNCEMENT = f"""\
date: 2024-01-01
languages: [en]
total_certified: 90
headline: {{en: "{ATTACK} and Tulsa"}}
contacts:
  - {{name: "{NAME_ATTACK}", email: ana@results4america.org}}
  - {{name: "Bea, <Press>", email: bea@results4america.org}}
cities:
  new:
    - {{name: "{ATTACK}", region: OK, country: US, level: gold}}
"""


def test_encoded_words_and_line_breaks_of_the_data_stay_text_in_every_header(
    project: Path,
) -> None:
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")
    assert run(["validate"], cwd=project).exit_code == 0
    args = ["build", "--only", "release", "--format", "eml", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    raw = (project / "dist" / "x" / "en" / "press-release.eml").read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line[:1] not in b" \t"]
    assert b"Bcc" not in names and names.count(b"From") == 1
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Bcc"] is None
    assert f"{ATTACK} and Tulsa" in message["Subject"]
    assert "\r" not in message["Subject"] and "\n" not in message["Subject"]
    sender = message["From"].addresses
    assert len(sender) == 1 and sender[0].display_name == NAME_ATTACK
    assert sender[0].addr_spec == "ana@results4america.org"
    replies = message["Reply-To"].addresses
    assert [a.display_name for a in replies] == [NAME_ATTACK, "Bea, <Press>"]
    assert [a.addr_spec for a in replies] == ["ana@results4america.org", "bea@results4america.org"]


def test_a_long_subject_is_folded_or_encoded_never_one_long_line(project: Path) -> None:
    """RFC 5322 lines stop at 998 characters and should at 78: a relay that cuts a longer line
    would start a new header inside the data."""
    word = "A" * 3000
    (project / "announcements" / "x.yaml").write_text(
        "date: 2024-01-01\nlanguages: [en]\ntotal_certified: 90\n"
        f'headline: {{en: "{word} Bcc: leak@evil.example {"word " * 300}"}}\n'
        "cities:\n  new:\n    - {name: Tulsa, region: OK, country: US, level: gold}\n",
        "utf-8",
    )
    args = ["build", "--only", "release", "--format", "eml", "--out", "dist"]
    assert run(args, cwd=project).exit_code == 0
    raw = (project / "dist" / "x" / "en" / "press-release.eml").read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"Subject:" in head and max(len(line) for line in head.split(b"\r\n")) <= 78
    message = email.message_from_bytes(raw, policy=policy.default)
    assert "Bcc" not in message
    assert message["Subject"].endswith(f"{word} Bcc: leak@evil.example {'word ' * 299}word")
