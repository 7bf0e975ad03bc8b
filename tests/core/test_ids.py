"""Identifiers: the shapes other code and the shops rely on."""

import re
import time

from core import ids


def test_click_and_visitor_ids_are_22_letters_and_digits_and_unique():
    made = [ids.click_id() for _ in range(2000)] + [ids.visitor_id() for _ in range(2000)]
    assert all(re.fullmatch(r"[A-Za-z0-9]{22}", made_id) for made_id in made)
    assert len(set(made)) == len(made)


def test_time_ordered_ids_sort_by_creation_time_in_bytes_and_in_any_collation():
    earlier = [ids.click_id() for _ in range(50)]
    time.sleep(0.003)
    later = [ids.visitor_id() for _ in range(50)]
    assert max(earlier) < min(later)
    # the time prefix uses digits and lower-case letters only: the same order under every collation
    assert all(re.fullmatch(r"[0-9a-z]{9}", made_id[:9]) for made_id in earlier + later)
    assert max(e[:9] for e in earlier).casefold() < min(v[:9] for v in later).casefold()


def test_the_random_part_differs_within_one_millisecond():
    same_ms = [ids.time_ordered(22) for _ in range(500)]
    assert len({made_id[9:] for made_id in same_ms}) == len(same_ms)
