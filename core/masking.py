"""How account and ID numbers are shown to people: masked, wherever they appear (pages, API,
audit log). Only the bank's transfer file carries them whole."""

from __future__ import annotations


def masked_number(number: str) -> str:
    """An account number with its last four characters kept (an email keeps its first character
    and its domain): ``•••• 2233``, ``l•••@example.com``."""
    if "@" in number:
        local, _, domain = number.partition("@")
        return f"{local[:1]}•••@{domain}"
    if len(number) <= 4:
        return "•" * len(number)
    return f"•••• {number[-4:]}"


def masked_id(resident_id: str) -> str:
    """A resident ID number with its first and last characters only."""
    if len(resident_id) <= 2:
        return "•" * len(resident_id)
    return f"{resident_id[0]}{'•' * (len(resident_id) - 2)}{resident_id[-1]}"
