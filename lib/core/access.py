"""Who may open a project when Wijkbeeld runs on a server with sign-in.

A project belongs to members: users (``user:naam@gemeente.nl``), teams (``team:Sociaal domein``) or everyone
(``*``, the fictional sample). Without sign-in (the desktop use) there is no user and every project opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EVERYONE = "*"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class User:
    """A signed-in user: e-mail (lower case), the teams the identity provider or the configuration gives, admin."""

    email: str
    teams: frozenset[str] = field(default_factory=frozenset)
    admin: bool = False

    @property
    def key(self) -> str:
        return f"user:{self.email}"


def can_open(members: set[str] | frozenset[str], user: User | None) -> bool:
    """True when the user may see the project (always without sign-in)."""
    if user is None or user.admin:
        return True
    return EVERYONE in members or user.key in members or any(f"team:{t}" in members for t in user.teams)


def parse_members(text: str) -> list[str]:
    """Members typed by staff, separated by commas, semicolons or new lines: e-mail addresses, ``team:NAAM`` or ``*``.

    Raises ``ValueError`` with a Dutch sentence for an entry that is neither.
    """
    out: list[str] = []
    for raw in re.split(r"[,;\n]", text or ""):
        entry = raw.strip()
        if not entry:
            continue
        if entry == EVERYONE:
            key = EVERYONE
        elif entry.lower().startswith("team:") and entry[5:].strip():
            key = f"team:{entry[5:].strip()}"
        elif _EMAIL.match(entry.removeprefix("user:")):
            key = f"user:{entry.removeprefix('user:').lower()}"
        else:
            raise ValueError(f"‘{entry}’ is geen e-mailadres en geen team (schrijf team:Naam). Pas het aan en sla opnieuw op.")
        if key not in out:
            out.append(key)
    return out


def describe_member(key: str) -> str:
    """How a member is shown: the e-mail address, ``team Naam`` or ``iedereen``."""
    if key == EVERYONE:
        return "iedereen"
    kind, _, name = key.partition(":")
    return f"team {name}" if kind == "team" else name
