from kiosk.domain.search import PREFIX_END, name_key, reference_key


def test_reference_key_ignores_case_and_surrounding_spaces() -> None:
    assert reference_key("  order-1042 ") == "ORDER-1042"


def test_name_key_folds_case_width_and_spaces() -> None:
    assert name_key("  ÁSHA   Verma ") == "ásha verma"
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("ＡＳＨＡ") == "asha"  # full-width letters typed on some keyboards


def test_every_key_with_a_prefix_sorts_below_the_prefix_range_end() -> None:
    for name in ("asha", "ash\uffff", "ash\U0001f600", "ashz"):
        key = name_key(name)
        assert "ash" <= key < "ash" + PREFIX_END
        assert key.encode() < ("ash" + PREFIX_END).encode()  # byte order too (SQLite, "C")
    assert not ("ash" + PREFIX_END > "asi")
