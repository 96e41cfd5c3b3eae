"""The one pipeline: a project's inputs and stored decisions in, the analysed project out. Start here.

    inputs (files + decisions)  ->  read  ->  areas  ->  link  ->  tag  ->  corrections  ->  AnalysedProject

``analyse_project(store, project_id)`` is what the app, the command line (``--project``) and the report
call; ``analyse(inputs)`` does the same for inputs that do not come from the store (files named on the
command line). Nothing else wires the stages. The function never raises for one bad file: the problem is
kept as a Dutch message in ``problems`` and the other files are still used.

Stages are cached when the caller passes a ``cache`` (a dict; the UI keeps one per server): reading and
linking under the project's base version, tagging under its tags version, both under the code version,
so a change to the code that derives a result never serves an old one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lib.areas.cache import cached_by_content, load_areas_cached, read_area_table_kept
from lib.areas.figures import AreaTable, Areas, build_areas
from lib.areas.geo import read_geojson
from lib.areas.national import (
    NATIONAL_AREAS_NOTE, NATIONAL_PC4_NOTE, foreign_gemeente, resolve_gemeente, with_national_data,
    with_national_postcodes,
)
from lib.areas.linking import Gazetteer, normalise_name
from lib.areas.postcodes import read_postcode_table
from lib.core.codes import parse_postcode
from lib.core.errors import AreasError, FileTooLargeError, WijkbeeldError
from lib.core.privacy import mask_series
from lib.core.settings import FileSettings, ProjectSettings
from lib.core.store import Store
from lib.reading.readers import MAX_FILE_BYTES
from lib.reading.surveys import Survey, answer_names, collect, open_answers, read_survey, unlinked_values
from lib.themes.codebook import Codebook, default_codebook
from lib.themes.review import apply_corrections
from lib.themes.tagger import Tagger

Progress = Callable[[float, str], None]
Corrections = dict[str, tuple[list[str] | None, str]]


# ------------------------------------------------------------------------------------------- inputs


@dataclass
class SurveyInput:
    """One survey file with the user's choices for it."""

    name: str
    data: bytes
    settings: FileSettings = field(default_factory=FileSettings)
    trajectory: str = ""
    trajectory_type: str = ""
    trajectory_date: str = ""
    source_id: int | None = None
    source_key: str = ""
    """Stable key of the file's content (corrections are stored under it)."""


@dataclass
class ProjectInputs:
    """Everything the pipeline needs: files and the decisions stored with them."""

    surveys: list[SurveyInput] = field(default_factory=list)
    area_files: list[tuple[str, str, bytes]] = field(default_factory=list)
    """``(kind, name, bytes)`` with kind ``gebied`` (figures), ``geo`` (boundaries) or ``postcode``."""
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Name aliases: normalised name -> (as written, wijkcode)."""
    postcode_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    codebook: Codebook = field(default_factory=default_codebook)
    corrections: Corrections = field(default_factory=dict)
    settings: ProjectSettings = field(default_factory=ProjectSettings)
    text_columns: list[str] = field(default_factory=list)
    """Columns to treat as open questions in every file (command line ``--text-column``)."""


def inputs_from_store(store: Store, project_id: int) -> ProjectInputs:
    """A stored project's files and decisions."""
    from lib.themes.review import project_codebook

    project = store.project(project_id)
    surveys, area_files = [], []
    for f in store.files(project_id):
        if f.kind == "enquete":
            surveys.append(
                SurveyInput(f.name, store.file_data(f.id), f.settings, f.trajectory, f.trajectory_type, f.trajectory_date,
                            source_id=f.id, source_key=f.sha256[:16])
            )
        else:
            area_files.append((f.kind, f.name, store.file_data(f.id)))
    return ProjectInputs(
        surveys=surveys,
        area_files=area_files,
        aliases=store.aliases(project_id, "naam"),
        postcode_aliases=store.aliases(project_id, "postcode"),
        codebook=project_codebook(store, project_id),
        corrections=store.corrections(project_id),
        settings=project.settings if project else ProjectSettings(),
    )


def inputs_from_files(
    surveys: list[Path], areas: list[Path] | None = None, postcodes: list[Path] | None = None,
    codebook: Path | None = None, text_columns: list[str] | None = None, gemeente: str | None = None,
) -> ProjectInputs:
    """Files named on the command line.

    ``gemeente`` (a name or ``GMxxxx``) is the gemeente meant: without ``areas`` its bundled CBS data is used,
    with ``areas`` it picks that gemeente from files that hold several. Without both: the Gorinchem sample's areas
    and postcode table. Without ``postcodes``: the bundled PC4 table of the loaded gemeente.
    """
    from lib.sample import sample_area_files
    from lib.themes.codebook import read_codebook

    gemeentecode = resolve_gemeente(gemeente) if gemeente else ""
    if areas:
        area_files = [("geo" if p.suffix.lower() in {".geojson", ".json"} else "gebied", p.name, read_path(p)) for p in areas]
    elif gemeentecode:
        area_files = []  # the bundled data of that gemeente (load_areas)
    else:  # the bundled sample's areas, with its postcode table unless the user brings one
        area_files = [f for f in sample_area_files() if f[0] != "postcode" or not postcodes]
    area_files += [("postcode", p.name, read_path(p)) for p in postcodes or []]
    return ProjectInputs(
        surveys=[SurveyInput(p.name, data, source_key=hashlib.sha256(data).hexdigest()[:16])
                 for p, data in ((p, read_path(p, MAX_FILE_BYTES)) for p in surveys)],
        area_files=area_files,
        codebook=read_codebook(codebook.name, read_path(codebook)) if codebook else default_codebook(),
        settings=ProjectSettings(gemeentecode=gemeentecode),
        text_columns=list(text_columns or []),
    )


def check_size(path: Path, max_bytes: int = MAX_FILE_BYTES) -> None:
    """Refuse a file over ``max_bytes`` from its size, before reading hundreds of MB into memory."""
    size = path.stat().st_size if path.exists() else 0
    if size > max_bytes:
        raise FileTooLargeError(
            f"het bestand is {size / 1024 / 1024:.0f} MB; de grens is {max_bytes // 1024 // 1024} MB. "
            "Splits het bestand of laat overbodige kolommen weg.",
            filename=path.name,
        )


def read_path(path: Path, max_bytes: int | None = None) -> bytes:
    """A file's bytes, or a Dutch message naming it (also when it is larger than ``max_bytes``)."""
    try:
        if max_bytes is not None:
            check_size(path, max_bytes)
        return path.read_bytes()
    except FileNotFoundError:
        raise WijkbeeldError("bestand niet gevonden. Controleer de naam en de map.", filename=str(path)) from None
    except OSError as exc:
        raise WijkbeeldError(f"bestand kan niet worden geopend ({exc.strerror}).", filename=str(path)) from None


# ------------------------------------------------------------------------------------------- result


@dataclass
class Linked:
    """The first stages' result: files read, areas built, every record and answer linked to its wijk."""

    areas: Areas | None
    gazetteer: Gazetteer | None
    surveys: list[Survey]
    records: pd.DataFrame
    answers: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    _masked: pd.Series | None = field(default=None, repr=False)

    def masked_answers(self) -> pd.Series:
        """The answers with personal data masked, the respondents' own names and e-mail addresses included (computed once)."""
        if self._masked is None:
            names = self.answers["respondent_name"] if "respondent_name" in self.answers else None
            self._masked = mask_series(self.answers["answer"].astype(str), names=names)
        return self._masked


@dataclass
class AnalysedProject:
    """Everything the pages, the command line and the report show about a project.

    ``answers`` has one row per open answer with ``answer_masked``, ``themes`` (``"; "``-joined), ``tone``,
    the automatic ``themes_auto``/``tone_auto`` and ``corrected``; corrections applied.
    """

    areas: Areas | None
    gazetteer: Gazetteer | None
    surveys: list[Survey]
    records: pd.DataFrame
    answers: pd.DataFrame
    codebook: Codebook
    settings: ProjectSettings = field(default_factory=ProjectSettings)
    problems: list[str] = field(default_factory=list)
    """Dutch messages about files that could not be used (the rest still works)."""
    version: str = ""
    """Changes whenever anything above changes (for the UI's derived caches)."""

    @property
    def threshold(self) -> int:
        return self.settings.threshold

    def unlinked(self) -> pd.DataFrame:
        """Unlinked raw values with counts and reasons."""
        return unlinked_values(self.records)

    def summary(self) -> dict:
        """Key figures: sources, respondents, answers, linked, share linked, wijken with input, wijken."""
        recs = self.records
        linked = int((recs["wijkcode"] != "").sum()) if not recs.empty else 0
        return {
            "sources": len(self.surveys),
            "respondents": len(recs),
            "answers": len(self.answers),
            "linked": linked,
            "linked_share": linked / len(recs) if len(recs) else 0.0,
            "wijken_with_input": int(recs.loc[recs["wijkcode"] != "", "wijkcode"].nunique()) if not recs.empty else 0,
            "wijken": 0 if self.areas is None else len(self.areas.wijken),
        }


# ------------------------------------------------------------------------------------------- stages


def build_gazetteer(areas: Areas, postcode_tables: list[tuple[dict, dict]], aliases: dict, pc_aliases: dict) -> Gazetteer:
    """Gazetteer of the areas with the postcode tables and the user's aliases."""
    pc4: dict = {}
    pc6: dict = {}
    for t4, t6 in postcode_tables:
        pc4.update(t4)
        pc6.update(t6)
    return Gazetteer(
        names=areas.wijk_names(),
        gemeentenaam=areas.gemeentenaam,
        aliases={norm: code for norm, (_raw, code) in aliases.items()},
        pc4=pc4,
        pc6=pc6,
        postcode_overrides={norm: code for norm, (_raw, code) in pc_aliases.items()},
    )


def load_areas(inputs: ProjectInputs, *, strict: bool = False, cache_dir: Path | None = None,
               ) -> tuple[Areas | None, list[tuple[dict, dict]], list[str]]:
    """Areas and postcode tables from the area files and the project's gemeente, plus messages about files that failed.

    - the gemeente (``settings.gemeentecode``) brings its bundled CBS data; uploaded files add or override figures,
      a file of another gemeente is reported, never mixed in;
    - with no postcode table loaded, the bundled PC4 table of the loaded gemeente is used (and ``areas.notes`` says so).
    ``strict`` raises the first problem instead (the command line stops on a bad file, and on a file with several
    gemeenten when none was chosen); ``cache_dir`` keeps areas built from files on disk, keyed by their content and
    the code that reads them.
    """
    problems: list[str] = []
    notes: list[str] = []
    tables: list[AreaTable] = []
    geo = None
    postcode_tables = []
    gemeentecode = inputs.settings.gemeentecode or None
    figure_files = [(name, data) for kind, name, data in inputs.area_files if kind in ("gebied", "geo")]
    areas = None
    if cache_dir is not None and strict and figure_files:
        areas = load_areas_cached(figure_files, cache_dir, gemeentecode=gemeentecode)
        if gemeentecode and areas.gemeenten and gemeentecode.upper() not in areas.gemeenten:
            source = figure_files[0][0] if len(figure_files) == 1 else "de gebiedsbestanden"
            raise foreign_gemeente(source, {f"{c}" for c in areas.gemeenten}, gemeentecode)
        postcode_tables = [cached_by_content([(name, data)], cache_dir, "postcodes", lambda f: read_postcode_table(*f[0]))
                           for kind, name, data in inputs.area_files if kind == "postcode"]
    else:
        for kind, name, data in inputs.area_files:
            try:
                if kind == "gebied":
                    tables.append(read_area_table_kept(name, data))
                elif kind == "geo":
                    geo = read_geojson(name, data)
                elif kind == "postcode":
                    postcode_tables.append(read_postcode_table(name, data))
            except WijkbeeldError as exc:
                if strict:
                    raise
                problems.append(str(exc))
            except Exception:  # noqa: BLE001 - one odd file must not take the project down
                if strict:
                    raise WijkbeeldError("het gebiedsbestand kon niet worden verwerkt. Kies een CBS-export.", filename=name) from None
                problems.append(f"{name}: het gebiedsbestand kon niet worden verwerkt. Verwijder het en upload een CBS-export.")
        if gemeentecode:
            uploaded = bool(tables)
            tables, geo, more = with_national_data(tables, geo, gemeentecode)
            if strict and more:
                raise WijkbeeldError(more[0])
            problems.extend(more)
            notes += [] if uploaded else [NATIONAL_AREAS_NOTE]
        if tables or geo:
            try:
                areas = build_areas(tables, geo, gemeentecode=gemeentecode)
            except WijkbeeldError as exc:
                if strict:
                    raise
                problems.append(str(exc))
    if areas is not None:
        if strict and gemeentecode is None and len(areas.gemeenten) > 1:
            listed = ", ".join(f"{n} ({c})" for c, n in list(areas.gemeenten.items())[:5])
            raise AreasError(
                f"de gebiedsbestanden bevatten {len(areas.gemeenten)} gemeenten ({listed}"
                f"{', …' if len(areas.gemeenten) > 5 else ''}). Kies er één met --gemeente NAAM of --gemeente GMxxxx."
            )
        problems.extend(areas.warnings)
        postcode_tables, bundled_pc4 = with_national_postcodes(areas, postcode_tables)
        areas.notes.extend(n for n in notes + ([NATIONAL_PC4_NOTE] if bundled_pc4 else []) if n not in areas.notes)
    return areas, postcode_tables, problems


def link(inputs: ProjectInputs, progress: Progress | None = None, *, strict: bool = False,
         cache_dir: Path | None = None, on_read: Callable[[list[Survey]], None] | None = None) -> Linked:
    """Read every survey, build the areas, link every record and answer to its wijk (``strict``: raise on a bad file).

    ``on_read`` is called with the surveys once all are read, before linking (to start tagging meanwhile).
    """
    areas, postcode_tables, problems = load_areas(inputs, strict=strict, cache_dir=cache_dir)
    gazetteer = build_gazetteer(areas, postcode_tables, inputs.aliases, inputs.postcode_aliases) if areas is not None else None
    known = gazetteer.known_tokens() if gazetteer else None
    surveys: list[Survey] = []
    for i, item in enumerate(inputs.surveys):
        if progress:
            progress(i / max(1, len(inputs.surveys)) * 0.7, f"{item.name} lezen")
        try:
            survey = read_survey(item.name, item.data, settings=item.settings.to_dict(), known_wijken=known,
                                 text_columns=inputs.text_columns or None)
        except WijkbeeldError as exc:
            if strict:
                raise
            problems.append(str(exc))
            continue
        except Exception:  # noqa: BLE001 - one odd file must not take the project down
            if strict:
                raise
            problems.append(
                f"{item.name}: het bestand kon niet worden verwerkt. Verwijder het op de pagina Bronnen, "
                "sla het in Excel opnieuw op als .xlsx en upload het opnieuw."
            )
            continue
        survey.source_id = item.source_id
        survey.source_key = item.source_key
        survey.trajectory, survey.trajectory_type, survey.trajectory_date = (
            item.trajectory, item.trajectory_type, item.trajectory_date)
        surveys.append(survey)
    if on_read:
        on_read(surveys)
    if progress:
        progress(0.75, "antwoorden koppelen aan wijken")
    records, answers = collect(surveys, gazetteer)
    return Linked(areas, gazetteer, surveys, records, answers, problems)


Prefetched = tuple[list[str], Callable[[], pd.DataFrame]]
"""Distinct answers whose tagging was started early, and the function that waits for their tags (same order)."""


def tag(linked: Linked, codebook: Codebook, corrections: Corrections, settings: ProjectSettings,
        tagger=None, progress: Progress | None = None, version: str = "",
        prefetched: Prefetched | None = None) -> AnalysedProject:
    """Themes and tone for every answer, the user's corrections applied, personal data masked.

    ``tagger`` is anything with ``tag_many`` (a ``Tagger`` or the command line's ``TaggerPool``); one with
    ``submit`` tags in other processes while this one masks. ``prefetched``: tagging already started on the
    distinct answers (see ``analyse``).
    """
    if progress:
        progress(0.85, "thema's en toon bepalen")
    tagger = tagger or Tagger(codebook)
    texts = linked.answers["answer"].astype(str).tolist()
    submit = getattr(tagger, "submit", None)
    pending = None
    if prefetched is None:
        pending = submit(texts) if submit else None
    if prefetched is not None:
        tagged = _take_prefetched(prefetched, texts, tagger)
        masked = tagged.pop("answer_masked") if "answer_masked" in tagged else linked.masked_answers()
    else:
        masked = linked.masked_answers()
        tagged = pending() if pending else tagger.tag_many(texts)
    answers = apply_corrections(linked.answers, tagged, corrections, codebook.names)  # a copy: linked stays as it was
    answers["answer_masked"] = masked.to_numpy() if len(answers) else pd.Series(dtype="str")
    if progress:
        progress(1.0, "klaar")
    return AnalysedProject(linked.areas, linked.gazetteer, linked.surveys, linked.records, answers, codebook, settings,
                           list(linked.problems), version)


def _take_prefetched(prefetched: Prefetched, texts: list[str], tagger) -> pd.DataFrame:
    """The early tags in the order of ``texts``; an answer that was not among them is tagged now."""
    distinct, wait = prefetched
    result = wait()
    at = pd.Index(distinct).get_indexer(texts)
    if (at < 0).any():  # not expected: open_answers lists what collect keeps; stay correct regardless
        extra = [t for t, i in zip(texts, at) if i < 0]
        result = pd.concat([result.drop(columns=["answer_masked"], errors="ignore"),  # masked again by the caller
                            tagger.tag_many(list(dict.fromkeys(extra)))], ignore_index=True)
        at = pd.Index(distinct + list(dict.fromkeys(extra))).get_indexer(texts)
    return result.iloc[at].reset_index(drop=True)


def analyse(inputs: ProjectInputs, progress: Progress | None = None, tagger=None, *, strict: bool = False,
            cache_dir: Path | None = None) -> AnalysedProject:
    """All stages for inputs that do not come from the store (``strict``: raise on the first bad file).

    A ``tagger`` with ``submit`` (the command line's worker pool) starts tagging and masking the distinct answers
    as soon as the files are read, while this process links them to their wijk.
    """
    prefetched: list[Prefetched] = []
    submit = getattr(tagger, "submit", None)

    def start_tagging(surveys: list[Survey]) -> None:  # and masking, in the workers too
        distinct = open_answers(surveys)
        prefetched.append((distinct, submit(distinct, names=answer_names(surveys))))

    linked = link(inputs, progress, strict=strict, cache_dir=cache_dir, on_read=start_tagging if submit else None)
    return tag(linked, inputs.codebook, inputs.corrections, inputs.settings, tagger, progress,
               prefetched=prefetched[0] if prefetched else None)


# ------------------------------------------------------------------------------------------- stored projects


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source of every lib module: derived caches are keyed on it, so new code never serves old results."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")) + sorted((root / "data").glob("*.csv")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CACHE_ENTRIES = 8


def _remember(cache: MutableMapping, key, value):
    while len(cache) >= CACHE_ENTRIES:
        cache.pop(next(iter(cache)))
    cache[key] = value
    return value


def analyse_project(store: Store, project_id: int, progress: Progress | None = None,
                    cache: MutableMapping | None = None) -> AnalysedProject:
    """The analysed project exactly as the app shows it: files read with the user's choices, areas, aliases,
    postcode choices, codebook and corrections applied.

    With a ``cache``, reading and linking rerun only when files, aliases or the gemeente change, tagging only
    when the codebook or corrections change, and neither when only a setting such as the threshold changes.
    """
    cache = {} if cache is None else cache
    project = store.project(project_id)
    if project is None:
        raise WijkbeeldError("dit project bestaat niet (meer). Kies een ander project.")
    base_version = store.version(project_id, "base")
    tags_version = store.version(project_id, "tags")
    base_key = ("linked", str(store.path), project_id, base_version, code_version())
    linked = cache.get(base_key)
    inputs = None
    if linked is None:
        inputs = inputs_from_store(store, project_id)
        linked = _remember(cache, base_key, link(inputs, progress))
    tags_key = ("tagged", *base_key[1:], tags_version)
    result = cache.get(tags_key)
    if result is None:
        if inputs is None:
            from lib.themes.review import project_codebook

            codebook, corrections = project_codebook(store, project_id), store.corrections(project_id)
        else:
            codebook, corrections = inputs.codebook, inputs.corrections
        tagger = tagger_for(codebook, cache)
        result = _remember(cache, tags_key, tag(linked, codebook, corrections, project.settings, tagger, progress,
                                                version=f"{base_version}-{tags_version}"))
    if result.settings != project.settings:  # settings never trigger a re-analysis
        result = replace(result, settings=project.settings, version=f"{base_version}-{tags_version}")
    return result


def tagger_for(codebook: Codebook, cache: MutableMapping | None = None) -> Tagger:
    """A compiled tagger per codebook content (compiling is cheap; words are memoised inside the tagger)."""
    if cache is None:
        return Tagger(codebook)
    key = ("tagger", json.dumps(codebook.to_records(), sort_keys=True), code_version())
    return cache.get(key) or _remember(cache, key, Tagger(codebook))


def alias_key(kind: str, raw: str) -> str:
    """Normalised key under which an alias (kind ``naam``) or postcode choice (``postcode``) is stored."""
    if kind == "postcode":
        pc4, pc6 = parse_postcode(raw)
        return pc6 or pc4 or raw.strip()
    return normalise_name(raw)
