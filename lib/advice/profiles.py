"""Engagement profiles (betrokkenheidsprofielen): per respondent, estimated per wijk, or imported.

Wijkbeeld's own open profile set (``lib/data/profielen.csv``) places every profile on four axes:
involvement in one's surroundings, trust in the gemeente, meedenken (0) versus meedoen (1), all 0..1,
and a preferred channel (online, papier, persoonlijk).

- Per respondent: the options a respondent ticked in closed questions (how to be involved, how to be
  informed, how involved one feels) are mapped to the axes with an editable table
  (``betrokkenheid_opties.csv``); a numeric trust question (``vertrouwen``, 1..5) gives the trust axis.
  The respondent gets the nearest profile.
- Per wijk, estimated: a transparent log-linear model on CBS figures (``profiel_gewichten.csv``). For
  each indicator the wijk's standardised difference from the gemeente, ``z = (wijk - gemeente) / sd``
  over the wijken (clipped to ±2.5), is multiplied by the profile's weight; a profile's share is
  ``exp(sum(weight * z))`` normalised over the profiles (equal shares when the wijk equals the gemeente).
  A profile with the highest weight for an indicator gains share when that indicator rises, one with
  the lowest loses. Always labelled "schatting".
- Imported: shares per PC4/PC6 or per wijk under any profile names, aggregated to wijken by address counts.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from lib.advice.adapters import indicator_info, latest_wide, wijk_inhabitants
from lib.advice.tables import AXES, AdviceTableError
from lib.areas.figures import Areas
from lib.areas.linking import normalise_name
from lib.core.codes import normalise_code, parse_postcode
from lib.core.suppression import complementary, counts_with_mask, suppress_counts, suppress_shares
from lib.reading.readers import read_file
from lib.reading.roles import Role
from lib.reading.tables import extract_table
from lib.wijken.rules import is_tiny

Z_CLIP = 2.5
CHANNEL_PENALTY = 0.15
"""Added to the squared distance when the respondent's channel differs from the profile's."""
_TRUST_HEADER = re.compile(r"vertrouwen", re.I)
_SCALE = re.compile(r"(\d+)\s*=[^0-9]*?(\d+)\s*=")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


class OptionMapper:
    """Answer option -> axes, exact (normalised) first, else the longest table option contained as whole words."""

    def __init__(self, options: pd.DataFrame) -> None:
        self.table = {}
        for row in options.itertuples(index=False):
            self.table[_norm(row.option)] = (
                {a: float(getattr(row, a)) for a in AXES if getattr(row, a) == getattr(row, a)},
                row.channel or "",
            )
        self._keys = sorted(self.table, key=len, reverse=True)
        self._memo: dict[str, tuple | None] = {}

    def lookup(self, option: str):
        key = _norm(option)
        if key in self._memo:
            return self._memo[key]
        found = self.table.get(key)
        if found is None and key:
            padded = f" {key} "
            found = next((self.table[k] for k in self._keys if k and f" {k} " in padded), None)
        self._memo[key] = found
        return found


def _options(value: str) -> list[str]:
    return [p.strip() for p in str(value or "").split(";") if p.strip()]


def _trust_scale(header: str, values: pd.Series) -> tuple[float, float] | None:
    numbers = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")
    filled = values.str.strip() != ""
    if not filled.any() or numbers[filled].isna().mean() > 0.1:
        return None
    m = _SCALE.search(header)
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
    else:
        lo, hi = 1.0, max(5.0, float(numbers.max()))
    return (lo, hi) if hi > lo else None


def respondent_axes(surveys: list, options: pd.DataFrame) -> pd.DataFrame:
    """Per respondent (source, sheet, row) the axes from their closed answers.

    Columns: source, sheet, row, involvement, trust, doing (NaN when not asked), channel ("" when unknown),
    mapped (number of options/answers used). Only respondents with at least one mapped answer are returned.
    """
    mapper = OptionMapper(options)
    frames = []
    for survey in surveys:
        for sheet in survey.sheets:
            table = sheet.table
            rows = np.asarray(table.rows)
            n = len(rows)
            sums = {a: np.zeros(n) for a in AXES}
            counts = {a: np.zeros(n) for a in AXES}
            channel_votes: list[dict] = [dict() for _ in range(n)]
            mapped = np.zeros(n, dtype=int)
            for column in sheet.columns_with(Role.CLOSED):
                values = table.data[column].astype(str).fillna("")
                if _TRUST_HEADER.search(column):
                    scale = _trust_scale(column, values)
                    if scale:
                        lo, hi = scale
                        nums = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce").to_numpy()
                        ok = ~np.isnan(nums)
                        sums["trust"][ok] += np.clip((nums[ok] - lo) / (hi - lo), 0, 1)
                        counts["trust"][ok] += 1
                        mapped[ok] += 1
                        continue
                distinct = {o for v in values.unique() for o in _options(v)}
                if not distinct:
                    continue
                known = {o: mapper.lookup(o) for o in distinct}
                if sum(v is not None for v in known.values()) < 0.5 * len(distinct):
                    continue  # not a question about involvement
                for i, value in enumerate(values.to_numpy()):
                    for option in _options(value):
                        hit = known.get(option)
                        if hit is None:
                            continue
                        axes, channel = hit
                        for axis, x in axes.items():
                            sums[axis][i] += x
                            counts[axis][i] += 1
                        if channel:
                            channel_votes[i][channel] = channel_votes[i].get(channel, 0) + 1
                        mapped[i] += 1
            if not mapped.any():
                continue
            frame = pd.DataFrame({"source": survey.name, "sheet": table.sheet, "row": rows.astype(int)})
            for axis in AXES:
                with np.errstate(invalid="ignore", divide="ignore"):
                    frame[axis] = np.where(counts[axis] > 0, sums[axis] / np.maximum(counts[axis], 1), np.nan)
            frame["channel"] = [max(v, key=v.get) if v else "" for v in channel_votes]
            frame["mapped"] = mapped
            frames.append(frame[mapped > 0])
    if not frames:
        return pd.DataFrame(columns=["source", "sheet", "row", *AXES, "channel", "mapped"])
    return pd.concat(frames, ignore_index=True)


def assign_profiles(axes: pd.DataFrame, profiles: pd.DataFrame) -> pd.Series:
    """The nearest profile per respondent (mean squared distance over the known axes, plus a channel penalty)."""
    if axes.empty:
        return pd.Series([], dtype=object)
    values = axes[AXES].to_numpy(dtype=float)
    known = ~np.isnan(values)
    n_known = known.sum(axis=1)
    dist = np.zeros((len(axes), len(profiles)))
    for j, prof in enumerate(profiles.itertuples(index=False)):
        centre = np.array([getattr(prof, a) for a in AXES], dtype=float)
        sq = np.where(known, (values - centre) ** 2, 0.0).sum(axis=1) / np.maximum(n_known, 1)
        penalty = np.where((axes["channel"].to_numpy() != "") & (axes["channel"].to_numpy() != prof.channel),
                           CHANNEL_PENALTY, 0.0)
        dist[:, j] = sq + penalty
    best = dist.argmin(axis=1)
    keys = profiles["profile"].to_numpy()
    out = pd.Series(keys[best], index=axes.index, dtype=object)
    out[(n_known == 0) & (axes["channel"].to_numpy() == "")] = ""
    return out


def respondent_profiles(surveys: list, records: pd.DataFrame, options: pd.DataFrame, profiles: pd.DataFrame) -> pd.DataFrame:
    """Records with a profile: source, sheet, row, wijkcode, axes, profile (respondents without one left out)."""
    axes = respondent_axes(surveys, options)
    if axes.empty or records.empty:
        return pd.DataFrame(columns=["source", "sheet", "row", "wijkcode", *AXES, "channel", "profile"])
    axes = axes.assign(profile=assign_profiles(axes, profiles))
    keys = records[["source", "sheet", "row", "wijkcode"]].copy()
    keys["row"] = keys["row"].astype(int)
    keys["sheet"] = keys["sheet"].astype(str)
    axes["sheet"] = axes["sheet"].astype(str)
    merged = keys.merge(axes, on=["source", "sheet", "row"], how="inner")
    return merged[merged["profile"] != ""].reset_index(drop=True)


def measured_mix(profiled: pd.DataFrame, profiles: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Per wijk and profile: respondents (Int64, <NA> where hidden) and share of the wijk's profiled respondents.

    Shares are NaN where the wijk has fewer profiled respondents than the threshold or the count is hidden. Columns: wijkcode,
    profile, respondents, base, share.
    """
    linked = profiled[profiled["wijkcode"] != ""]
    keys = list(profiles["profile"])
    if linked.empty:
        return pd.DataFrame(columns=["wijkcode", "profile", "respondents", "base", "share"])
    counts = linked.groupby(["wijkcode", "profile"]).size().unstack(fill_value=0).reindex(columns=keys, fill_value=0)
    # a wijk's profiles add up to its profiled respondents: the count rule and complementary suppression per wijk
    # (17 = 10 + 4 + 2 + 1 hides 4, 2, 1; 10 = 7 + 3 hides both), and shares hidden with their count or base
    mask = np.vstack([complementary(row, threshold) for row in counts.to_numpy()])
    base = counts.sum(axis=1).to_numpy()
    shares = np.vstack([suppress_shares(row, b, threshold, part_hidden=m)
                        for row, b, m in zip(counts.to_numpy(), base, mask)])
    n = len(keys)
    long = pd.DataFrame({"wijkcode": np.repeat(counts.index.to_numpy(), n), "profile": np.tile(keys, len(counts)),
                         "share": shares.ravel()})
    long["respondents"] = counts_with_mask(counts.to_numpy().ravel(), mask.ravel(), index=long.index)
    long["base"] = suppress_counts(np.repeat(base, n), threshold, index=long.index)
    return long[["wijkcode", "profile", "respondents", "base", "share"]]


def estimate_basis(areas: Areas, weights: pd.DataFrame) -> pd.DataFrame:
    """The figures the estimate rests on, per wijk and indicator: value, gemeente, sd over wijken, z, label, unit, year, source.

    Indicators of the weights table that the areas do not hold are left out (they do not count).
    """
    wide = latest_wide(areas)
    codes = list(areas.wijken["wijkcode"])
    inhabitants = wijk_inhabitants(areas)
    regular = [c for c in codes if not is_tiny(inhabitants.get(c))]
    meta = indicator_info(areas)
    rows = []
    for indicator in dict.fromkeys(weights["indicator"]):
        if indicator not in wide.columns:
            continue
        col = wide[indicator]
        wijk_values = col.reindex(codes)
        ref_values = col.reindex(regular).dropna()
        if len(ref_values) < 2:
            continue
        gm = col.get(areas.gemeentecode, np.nan)
        centre = float(gm) if gm == gm else float(ref_values.mean())
        sd = float(ref_values.std(ddof=0))
        for code in codes:
            value = wijk_values.get(code)
            if value != value or value is None:
                continue
            z = 0.0 if not sd else float(np.clip((value - centre) / sd, -Z_CLIP, Z_CLIP))
            info = meta.get((code, indicator)) or {"label": indicator, "unit": "", "year": None, "source": ""}
            rows.append({
                "wijkcode": code, "indicator": indicator, "value": float(value), "gemeente": centre, "sd": sd, "z": z,
                "label": info["label"], "unit": info["unit"], "year": info["year"], "source": info["source"],
            })
    return pd.DataFrame(rows, columns=["wijkcode", "indicator", "value", "gemeente", "sd", "z", "label", "unit", "year", "source"])


def estimated_mix(areas: Areas, profiles: pd.DataFrame, weights: pd.DataFrame, basis: pd.DataFrame | None = None) -> pd.DataFrame:
    """Estimated share per wijk and profile (a "schatting"): wijkcode, profile, share.

    Wijken without any of the weighted figures get no estimate.
    """
    basis = estimate_basis(areas, weights) if basis is None else basis
    keys = list(profiles["profile"])
    if basis.empty:
        return pd.DataFrame(columns=["wijkcode", "profile", "share"])
    z = basis.pivot_table(index="wijkcode", columns="indicator", values="z", aggfunc="first")
    w = weights.pivot_table(index="profile", columns="indicator", values="weight", aggfunc="sum")
    w = w.reindex(index=keys, columns=z.columns).fillna(0.0)
    scores = z.fillna(0.0).to_numpy() @ w.to_numpy().T  # wijken x profiles
    scores -= scores.max(axis=1, keepdims=True)
    expd = np.exp(scores)
    shares = expd / expd.sum(axis=1, keepdims=True)
    out = pd.DataFrame(shares, index=z.index, columns=keys).stack().rename("share").reset_index()
    out.columns = ["wijkcode", "profile", "share"]
    return out


# ------------------------------------------------------------------------------------------- import


def postcode_addresses(name: str, data: bytes) -> pd.DataFrame:
    """A postcode table as rows pc4, pc6, wijkcode, addresses (1 per row where the table has no counts)."""
    raw = read_file(name, data)
    table = extract_table(name, raw.sheets[0])
    if table is None:
        return pd.DataFrame(columns=["pc4", "pc6", "wijkcode", "addresses"])
    df = table.data
    pc_col = next((c for c in df.columns if "pc" in c.lower() or "postcode" in c.lower()), None)
    code_col = next((c for c in df.columns if c != pc_col
                     and df[c].map(lambda v: (normalise_code(v) or "")[:2] in {"WK", "BU"}).mean() > 0.8), None)
    if pc_col is None or code_col is None:
        return pd.DataFrame(columns=["pc4", "pc6", "wijkcode", "addresses"])
    count_col = next((c for c in df.columns if "adres" in c.lower() or c.lower() in {"aantal", "count"}), None)
    parsed = df[pc_col].map(parse_postcode)
    codes = df[code_col].map(normalise_code).map(lambda c: "WK" + c[2:8] if c and c.startswith("BU") else c)
    addresses = pd.to_numeric(df[count_col], errors="coerce") if count_col else pd.Series(1.0, index=df.index)
    return pd.DataFrame({"pc4": parsed.map(lambda p: p[0] or ""), "pc6": parsed.map(lambda p: p[1] or ""),
                         "wijkcode": codes, "addresses": addresses.fillna(0.0)}).dropna(subset=["wijkcode"])


def _share_values(col: pd.Series) -> pd.Series:
    return pd.to_numeric(col.astype(str).str.replace("%", "", regex=False).str.replace(",", ".", regex=False).str.strip(),
                         errors="coerce")


def import_mix(name: str, data: bytes, areas: Areas, addresses: pd.DataFrame | None = None) -> pd.DataFrame:
    """A profile mix the gemeente already has, as shares per wijk: wijkcode, profile, share.

    The file has a key column (wijk code or name, PC4 or PC6) and either one numeric column per profile
    (any names; shares or percentages) or a profile column with a share column. Postcodes are
    aggregated to wijken by their address counts in ``addresses`` (``postcode_addresses``).
    """
    try:
        raw = read_file(name, data)
        table = extract_table(name, raw.sheets[0])
    except Exception:  # noqa: BLE001
        table = None
    if table is None or table.data.empty:
        raise AdviceTableError("het bestand met de profielverdeling kan niet worden gelezen of is leeg. Upload een tabel "
                               "met een kolom wijk of postcode en per profiel een kolom met aandelen.", filename=name)
    df = table.data
    names = {normalise_name(v): k for k, v in areas.wijk_names().items()}
    codes = set(areas.wijken["wijkcode"])

    def key_kind(col: pd.Series) -> str | None:
        values = col.astype(str).str.strip()
        values = values[values != ""]
        if values.empty:
            return None
        if values.map(lambda v: normalise_code(v) in codes).mean() > 0.6:
            return "wijk"
        if values.map(lambda v: normalise_name(v) in names).mean() > 0.6:
            return "naam"
        parsed = values.map(parse_postcode)
        if parsed.map(lambda p: bool(p[1])).mean() > 0.6:
            return "pc6"
        if parsed.map(lambda p: bool(p[0])).mean() > 0.6:
            return "pc4"
        return None

    key_col, kind = next(((c, key_kind(df[c])) for c in df.columns if key_kind(df[c])), (None, None))
    if key_col is None:
        raise AdviceTableError("in de profielverdeling is geen kolom met wijkcodes, wijknamen of postcodes gevonden.",
                               filename=name)
    others = [c for c in df.columns if c != key_col]
    numeric = [c for c in others if _share_values(df[c]).notna().mean() > 0.8]
    text = [c for c in others if c not in numeric and df[c].astype(str).str.strip().ne("").mean() > 0.8]
    if len(numeric) == 1 and text:  # long: key, profile, share
        long = pd.DataFrame({"key": df[key_col], "profile": df[text[0]].astype(str).str.strip(),
                             "share": _share_values(df[numeric[0]])})
    elif len(numeric) >= 2:
        long = df[[key_col, *numeric]].melt(id_vars=key_col, var_name="profile", value_name="share")
        long = long.rename(columns={key_col: "key"})
        long["share"] = _share_values(long["share"])
    else:
        raise AdviceTableError("in de profielverdeling zijn geen kolommen met aandelen per profiel gevonden.", filename=name)
    long = long.dropna(subset=["share"])
    long = long[long["share"] >= 0]
    totals = long.groupby("key")["share"].transform("sum")
    long = long[totals > 0].assign(share=lambda f: f["share"] / totals[totals > 0])
    if kind == "wijk":
        long["wijkcode"], long["w"] = long["key"].map(normalise_code), 1.0
    elif kind == "naam":
        long["wijkcode"], long["w"] = long["key"].map(lambda v: names.get(normalise_name(v))), 1.0
    else:
        if addresses is None or addresses.empty:
            raise AdviceTableError("de profielverdeling is per postcode; laad eerst een postcodetabel op de pagina "
                                   "Gebieden en cijfers om postcodes aan wijken toe te delen.", filename=name)
        col = "pc6" if kind == "pc6" else "pc4"
        long["pc"] = long["key"].map(lambda v: parse_postcode(v)[1 if kind == "pc6" else 0] or "")
        weights = addresses[addresses[col] != ""].groupby([col, "wijkcode"])["addresses"].sum().reset_index()
        long = long.merge(weights, left_on="pc", right_on=col, how="inner").rename(columns={"addresses": "w"})
    long = long.dropna(subset=["wijkcode"])
    if long.empty:
        raise AdviceTableError("geen enkele regel van de profielverdeling kon aan een wijk worden toegedeeld.", filename=name)
    long["ws"] = long["share"] * long["w"]
    agg = long.groupby(["wijkcode", "profile"])["ws"].sum()
    out = (agg / agg.groupby(level=0).transform("sum")).rename("share").reset_index()
    return out[["wijkcode", "profile", "share"]]
