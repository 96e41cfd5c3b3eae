"""Named domain rules and the small-number rule: each defined once, tested at their edges."""

import math

import pandas as pd
import pytest

from lib.core.settings import DEFAULT_THRESHOLD, FileSettings, ProjectSettings
from lib.core.suppression import hidden_text, is_hidden_count, share, suppress_count, suppress_counts
from lib.wijken import rules


@pytest.mark.parametrize("wijk, gemeente, expected", [(0.13, 0.10, True), (0.129, 0.10, False), (None, 0.1, False),
                                                      (0.2, 0.0, False), (float("nan"), 0.1, False)])
def test_over_representation_starts_at_1_3_times_the_gemeente(wijk, gemeente, expected):
    assert rules.is_over_represented(wijk, gemeente) is expected


@pytest.mark.parametrize("resp, pop, expected", [(0.10, 0.15, True), (0.11, 0.15, False), (None, 0.2, False), (0.3, 0.2, False)])
def test_not_heard_is_five_points_below_the_population_share(resp, pop, expected):
    assert rules.is_not_heard(resp, pop) is expected


def test_tiny_wijk_enough_answers_and_rate_per_1000():
    assert rules.is_tiny(499) and not rules.is_tiny(500) and not rules.is_tiny(float("nan")) and not rules.is_tiny(None)
    assert rules.enough_answers(5, 5) and not rules.enough_answers(4, 5)
    assert rules.rate_per_1000(20, 4000) == 5.0
    assert rules.rate_per_1000(4, 4000, threshold=5) is None  # a rate would reveal a hidden count
    assert rules.rate_per_1000(20, 0) is None and rules.rate_per_1000(20, float("nan")) is None


def test_small_counts_never_leave_lib():
    assert [suppress_count(n, 5) for n in (0, 1, 4, 5, 12)] == [0, None, None, 5, 12]
    s = suppress_counts([0, 3, 5, float("nan")], 5)
    assert str(s.dtype) == "Int64"
    assert s.tolist()[0] == 0 and s.isna().tolist() == [False, True, False, True] and s.iloc[2] == 5
    assert is_hidden_count(1) and not is_hidden_count(0) and hidden_text(10) == "<10"
    assert share(2, 4, 5) is None and share(2, 10, 5) == 0.2


def test_project_settings_read_old_and_odd_values_and_keep_unknown_keys():
    s = ProjectSettings.from_dict({"threshold": "500", "filters": {"sources": ["a.xlsx"]}, "later_key": 1})
    assert s.threshold == 50 and s.filters.sources == ["a.xlsx"] and s.extra == {"later_key": 1}
    assert ProjectSettings.from_dict(None).threshold == DEFAULT_THRESHOLD
    assert ProjectSettings.from_dict({"threshold": "x"}).threshold == DEFAULT_THRESHOLD
    back = ProjectSettings.from_dict(s.to_dict())
    assert back == s
    f = FileSettings.from_dict({"header_rows": {"Blad1": "3", "bad": "x"}, "roles": {"Blad1": {"Wijk": "wijk"}}})
    assert f.header_rows == {"Blad1": 3} and f.roles["Blad1"]["Wijk"] == "wijk"
    assert FileSettings.from_dict(f.to_dict()) == f
