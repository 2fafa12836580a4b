"""A set of 64-bit hashes in a flat array: 16-32 bytes an entry instead of about 90 for a set of
Python ints, so remembering every founder of a 10,000-founder cohort costs almost nothing."""

from __future__ import annotations

import hashlib
from array import array


def hash64(text: str) -> int:
    """A stable, non-zero 64-bit hash of `text` (the same in every run and process)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") or 1


class HashSet:
    """Open addressing with linear probing over non-zero 64-bit values; 0 marks a free slot."""

    __slots__ = ("_count", "_slots")

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * 64))
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, value: int) -> bool:
        slots = self._slots
        mask = len(slots) - 1
        index = value & mask
        while True:
            found = slots[index]
            if found == value:
                return True
            if found == 0:
                return False
            index = (index + 1) & mask

    def add(self, value: int) -> None:
        """Add a non-zero value (hash64 never returns 0)."""
        if 2 * (self._count + 1) > len(self._slots):
            self._grow()
        if self._insert(self._slots, value):
            self._count += 1

    @staticmethod
    def _insert(slots: array[int], value: int) -> bool:
        mask = len(slots) - 1
        index = value & mask
        while True:
            found = slots[index]
            if found == value:
                return False
            if found == 0:
                slots[index] = value
                return True
            index = (index + 1) & mask

    def _grow(self) -> None:
        bigger = array("Q", bytes(16 * len(self._slots)))
        for value in self._slots:
            if value:
                self._insert(bigger, value)
        self._slots = bigger
