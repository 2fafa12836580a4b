"""The flat set of 64-bit hashes that remembers every founder of a cohort."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from founder_check.cohort.hashes import HashSet, hash64

# values that share their low bits collide in the table and must probe past each other
_VALUES = st.one_of(
    st.integers(1, 2**64 - 1),
    st.integers(1, 2**20 - 1).map(lambda high: high << 44 | 5),
)


@given(st.lists(_VALUES, max_size=500), st.lists(_VALUES, max_size=50))
def test_membership_is_that_of_a_python_set(added: list[int], probes: list[int]) -> None:
    table = HashSet()
    reference: set[int] = set()
    for value in added:
        table.add(value)
        reference.add(value)
        assert value in table
    assert len(table) == len(reference)
    for value in [*added, *probes]:
        assert (value in table) == (value in reference)


def test_a_large_set_keeps_every_value_across_growth() -> None:
    table = HashSet()
    values = [hash64(f"founder {number}") for number in range(20_000)]
    for value in values:
        table.add(value)
    assert len(table) == 20_000
    assert all(value in table for value in values)
    assert hash64("someone else") not in table


def test_hash64_is_stable_and_never_zero() -> None:
    # blake2b, not the salted hash(): the same value in every process and run
    assert hash64("Ada Lovelace\x00Analytical Engines") == 13727886304574684733
    assert hash64("a") != hash64("b")
    assert all(hash64(str(number)) != 0 for number in range(1000))
