"""Language packs as data files: how they are read."""

from __future__ import annotations

from newsgraph.lang import load_yaml, pack_data, supported_languages


def test_pack_words_that_yaml_1_1_reads_as_booleans_stay_words() -> None:
    """A linguist's list holds "Yes", "No", "On" and "NO" (Novara) as words; only true and
    false are booleans."""
    data = load_yaml("words: [Yes, No, On, off, NO, y]\nflag: true\nother: False\n")
    assert data == {"words": ["Yes", "No", "On", "off", "NO", "y"], "flag": True, "other": False}


def test_every_pack_list_holds_only_words() -> None:
    for code in supported_languages():
        for name in ("entities", "statements", "events", "cleaning", "titles", "times"):
            for key, value in pack_data(code, name).items():
                if isinstance(value, list):
                    assert not [v for v in value if isinstance(v, bool)], (code, name, key)
