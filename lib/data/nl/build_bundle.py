"""Build the bundled national data (``lib/data/nl/*.gz``) from the prepared pack in ``shared/data/nl/``.

Run once when the pack changes: ``python lib/data/nl/build_bundle.py /path/to/shared/data/nl``.
Columns are renamed to the indicator keys of ``lib/data/indicatoren.csv``; rows are sorted by gemeente
so one gemeente's rows are contiguous. Values are copied, never changed.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parent

WIJK_COLUMNS = {
    "inwoners": "aantal_inwoners", "mannen": "mannen", "vrouwen": "vrouwen",
    "pct_0_14": "0_15", "pct_15_24": "15_25", "pct_25_44": "25_45", "pct_45_64": "45_65", "pct_65plus": "65plus",
    "huishoudens": "huishoudens", "gem_huishoudgrootte": "gem_huishouden_grootte",
    "bevolkingsdichtheid_km2": "bevolkingsdichtheid", "woningvoorraad": "woningvoorraad", "personenautos": "personenautos",
    "opp_totaal_ha": "opp_totaal", "opp_land_ha": "opp_land", "opp_water_ha": "opp_water",
}
GEMEENTE_2024 = {
    **WIJK_COLUMNS,
    "pct_eenpersoonshhd": "pct_eenpersoonshhd", "pct_hhd_zonder_kind": "pct_hhd_zonder_kind", "pct_hhd_met_kind": "pct_hhd_met_kind",
    "pct_ongehuwd": "pct_ongehuwd", "pct_gehuwd": "pct_gehuwd", "pct_herkomst_nl": "pct_herkomst_nl",
    "pct_herkomst_europa": "pct_herkomst_europa", "pct_herkomst_buiten_europa": "pct_herkomst_buiten_europa",
    "omgevingsadressendichtheid": "omgevingsadressendichtheid", "stedelijkheid": "stedelijkheid",
    "auto_per_huishouden": "auto_per_huishouden", "auto_per_km2": "auto_per_km2", "motorfietsen": "motorfietsen",
}
GEMEENTE_2023 = {
    "inwoners_kwb2023": "aantal_inwoners", "woningvoorraad_kwb2023": "woningvoorraad",
    "gem_woz_waarde_x1000eur_kwb2023": "gem_woz_waarde", "pct_koopwoningen_kwb2023": "koopwoningen",
    "pct_huurwoningen_kwb2023": "huurwoningen", "pct_eengezinswoning_kwb2023": "pct_eengezins",
    "bedrijfsvestigingen_kwb2023": "bedrijfsvestigingen", "afstand_huisarts_km_kwb2023": "afstand_huisarts",
    "afstand_supermarkt_km_kwb2023": "afstand_supermarkt",
}


def _write_csv(frame: pd.DataFrame, name: str) -> None:
    data = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    (OUT / name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main(src: Path) -> None:
    wijken = pd.read_csv(src / "kwb2024_wijken.csv", dtype={"wijkcode": str, "gemeentecode": str})
    wijken = wijken[["wijkcode", "wijknaam", "gemeentecode", *WIJK_COLUMNS]].rename(columns=WIJK_COLUMNS)
    _write_csv(wijken.sort_values(["gemeentecode", "wijkcode"]), "kwb2024_wijken.csv.gz")
    gem = pd.read_csv(src / "kwb2024_gemeenten.csv", dtype={"gemeentecode": str})
    long = []
    for year, cols in ((2024, GEMEENTE_2024), (2023, GEMEENTE_2023)):
        part = gem[["gemeentecode", *cols]].rename(columns=cols).melt("gemeentecode", var_name="indicator").dropna()
        long.append(part.assign(year=year))
    figures = pd.concat(long).sort_values(["gemeentecode", "year", "indicator"])
    _write_csv(gem[["gemeentecode", "gemeentenaam"]].sort_values("gemeentecode"), "gemeenten_2024.csv.gz")
    _write_csv(figures[["gemeentecode", "year", "indicator", "value"]], "kwb_gemeenten_2023_2024.csv.gz")
    pc4 = pd.read_csv(src / "pc4_wijk_2024.csv", dtype={"pc4": str, "wijkcode": str})
    pc4 = pc4.assign(gemeentecode="GM" + pc4["wijkcode"].str[2:6])[["gemeentecode", "pc4", "wijkcode", "n_adressen", "pc4_totaal"]]
    _write_csv(pc4.sort_values(["gemeentecode", "pc4", "wijkcode"]), "pc4_wijk_2024.csv.gz")
    geo = json.loads(gzip.decompress((src / "wijken_2024_generalized.geojson.gz").read_bytes()))
    by_gm: dict[str, list] = {}
    for feat in geo["features"]:
        props = feat["properties"]
        by_gm.setdefault(props["gemeentecode"], []).append(
            {"type": "Feature", "properties": {"wijkcode": props["wijkcode"], "wijknaam": props["wijknaam"]}, "geometry": feat["geometry"]}
        )
    text = json.dumps(dict(sorted(by_gm.items())), separators=(",", ":"), ensure_ascii=False)
    (OUT / "wijken_2024_generalized.json.gz").write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/nl"))
