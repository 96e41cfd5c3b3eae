"""The few things the advice takes from ``lib.wijken`` and ``lib.areas``, in one place.

``lib.wijken.profile`` is being converted to numbers-first outputs and ``lib.areas`` gains a KWB
dictionary with ``unfavourable_direction``; when they land, only this module needs adapting.
"""

from __future__ import annotations

import pandas as pd

from lib.areas.figures import Areas
from lib.reading.roles import age_group
from lib.wijken import profile as _profile

AGE_BANDS = [band for band, _key in _profile.AGE_BANDS]
AGE_KEYS = dict(_profile.AGE_BANDS)
"""Age band -> CBS indicator key of its share of inhabitants."""


def theme_pairs(settings_pairs: list[tuple[str, str]] | None) -> list[tuple[str, str]]:
    """Theme -> indicator pairs in use (the project's, else the defaults)."""
    return list(settings_pairs) if settings_pairs else list(_profile.DEFAULT_PAIRS)


def unfavourable_direction(indicator: str) -> int:
    """+1 when a higher value is unfavourable (more need), -1 when a lower value is.

    For the theme pairs, an indicator without a known direction is a 'need' figure (share 65+, rented
    housing, young people): more of it means more of what the theme is about, so +1.
    """
    try:
        from lib.areas import figures

        fn = getattr(figures, "unfavourable_direction", None)
        if fn is not None:
            value = fn(indicator)
            if value in (1, -1):
                return int(value)
    except Exception:  # noqa: BLE001 - the dictionary is optional
        pass
    return int(_profile.DIRECTION.get(indicator, 1))


def wijk_inhabitants(areas: Areas) -> pd.Series:
    """Inhabitants per wijkcode (NaN where unknown)."""
    return areas.wijken.set_index("wijkcode")["inhabitants"].astype(float)


def _cached(areas: Areas, name: str, build):
    key = f"_advice_{name}"
    hit = areas.__dict__.get(key)
    if hit is not None and hit[0] is areas.indicators:
        return hit[1]
    value = build()
    areas.__dict__[key] = (areas.indicators, value)
    return value


def latest_wide(areas: Areas) -> pd.DataFrame:
    """Latest value per area (rows: area_code) and indicator (columns); computed once per areas."""
    return _cached(areas, "wide", lambda: areas.latest().pivot_table(
        index="area_code", columns="indicator", values="value", aggfunc="last"))


def indicator_meta(areas: Areas) -> pd.DataFrame:
    """Per (area_code, indicator): label, unit, year, source of the latest value; computed once per areas."""
    return _cached(areas, "meta", lambda: areas.latest().set_index(["area_code", "indicator"])[
        ["label", "unit", "year", "source"]].sort_index())


def indicator_info(areas: Areas) -> dict[tuple[str, str], dict]:
    """(area_code, indicator) -> {label, unit, year (int or None), source}; computed once per areas."""
    def build():
        meta = indicator_meta(areas).reset_index()
        return {(a, i): {"label": lab, "unit": u, "year": None if y != y else int(y), "source": src}
                for a, i, lab, u, y, src in meta[["area_code", "indicator", "label", "unit", "year", "source"]].itertuples(
                    index=False)}
    return _cached(areas, "info", build)


def representative_quotes(answers: pd.DataFrame, theme: str, k: int = 2) -> list[str]:
    """A few typical answers on a theme, personal data masked: the same choice as the Wijkprofiel page
    (``lib.wijken.profile.representative_quotes``: readable length 40-280, few other themes, near 140
    characters, then the answer key), in plain Python over one wijk's answers."""
    from lib.core.privacy import mask_text

    scored = []
    for answer, themes, key in zip(answers["answer"].astype(str), answers["themes"].astype(str), answers["answer_key"]):
        parts = [t for t in themes.split("; ") if t]
        if theme not in parts:
            continue
        length = len(answer)
        score = (40 <= length <= 280) * 10 - len(parts) - abs(length - 140) / 100
        scored.append((-score, str(key), answer))
    scored.sort()
    return [mask_text(" ".join(a.split())) for _s, _k, a in scored[:k]]


def age_band(age) -> str | None:
    """CBS age band of an age."""
    return age_group(age)
