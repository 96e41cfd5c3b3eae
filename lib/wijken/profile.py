"""Wijk profiles and comparisons in one import: figures against the gemeente, themes, reach, words beside numbers.

The code lives in ``selection`` (filters, theme rows), ``figures``, ``themes``, ``reach`` and ``compare``.
Numbers only: counts are ``Int64`` with ``<NA>`` where the small-number rule or complementary
suppression hides them (``lib.core.suppression``; a ``reason`` column says ``complementary`` for the latter), shares are floats with NaN where their base is below the threshold and a
reason code beside them, ranks are integers. Dutch text is made at the edge (``lib.present.text`` and
``lib.present.tables``), so screens, downloads and the report show the same suppressed numbers.
"""

from lib.wijken.compare import DEFAULT_PAIRS, Comparison, comparison_table, theme_matrix, words_beside_numbers
from lib.wijken.figures import (
    DIRECTION,
    KEY_FIGURE_COLUMNS,
    RATE_UNITS,
    indicator_by_wijk,
    indicator_catalogue,
    indicator_options,
    is_rate,
    key_figures,
    wijk_table,
)
from lib.wijken.reach import AGE_BANDS, RespondentGrid, age_comparison, reach, respondent_counts, respondent_grid
from lib.wijken.selection import Filters, restrict, theme_long
from lib.wijken.themes import ThemeGrid, answer_counts, representative_quotes, theme_grid, theme_shares

__all__ = [
    "AGE_BANDS", "DEFAULT_PAIRS", "DIRECTION", "KEY_FIGURE_COLUMNS", "RATE_UNITS", "Comparison", "Filters",
    "RespondentGrid", "ThemeGrid", "age_comparison", "answer_counts", "respondent_counts", "respondent_grid", "theme_grid", "comparison_table", "indicator_by_wijk", "indicator_catalogue", "indicator_options", "is_rate",
    "key_figures", "reach", "representative_quotes", "restrict", "theme_long", "theme_matrix", "theme_shares",
    "wijk_table", "words_beside_numbers",
]
