"""Themes in a project: tagging answers, human corrections, learning from them.

Corrections are stored per answer key (file content, sheet, row, question), so
they survive restarts and re-uploads, always win over the automatic tags and
stay when the codebook changes (renames and merges are carried over).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from lib.themes.codebook import Codebook, default_codebook
from lib.themes.tagger import Tagger, split_themes
from lib.themes.textnlp import stem, stop_words, tokens

NO_THEME = "(geen thema)"


def project_codebook(store, project_id: int) -> Codebook:
    """The project's codebook (the default until the user edits it)."""
    records = store.codebook_records(project_id)
    return default_codebook() if records is None else Codebook.from_records(records)


def save_codebook(store, project_id: int, codebook: Codebook, renamed: dict[str, str | None] | None = None) -> None:
    """Store a codebook; ``renamed`` maps old theme names to new ones (None = removed) in the corrections."""
    store.save_codebook_records(project_id, codebook.to_records())
    if not renamed:
        return
    changed = {}
    for key, (themes, tone) in store.corrections(project_id).items():
        if themes is None:
            continue
        new = []
        for t in themes:
            mapped = renamed.get(t, t)
            if mapped and mapped not in new:
                new.append(mapped)
        if new != themes:
            changed[key] = (new, tone)
    if changed:
        store.save_corrections(project_id, changed)


def tag_answers(answers: pd.DataFrame, tagger: Tagger, corrections: dict[str, tuple[list[str] | None, str]]) -> pd.DataFrame:
    """Add ``themes_auto``, ``tone_auto``, ``score``, and the final ``themes``/``tone`` (corrections win), ``corrected``."""
    tagged = tagger.tag_many(answers["answer"].tolist()) if not answers.empty else None
    return apply_corrections(answers, tagged, corrections, tagger.theme_names)


def apply_corrections(answers: pd.DataFrame, tagged: pd.DataFrame | None, corrections: dict[str, tuple[list[str] | None, str]],
                      theme_names: list[str]) -> pd.DataFrame:
    """The automatic tags (``tagged``: ``Tagger.tag_many`` columns, row by row) with the user's corrections applied.

    Adds ``themes_auto``, ``tone_auto``, ``score``, the final ``themes``/``tone`` and ``corrected``. A correction
    always wins; a corrected theme no longer in the codebook is dropped; a correction of the tone only keeps the
    automatic themes.
    """
    out = answers.copy()
    if out.empty or tagged is None:
        for col in ("themes_auto", "tone_auto", "themes", "tone"):
            out[col] = pd.Series(dtype="str")
        out["score"] = pd.Series(dtype=float)
        out["corrected"] = pd.Series(dtype=bool)
        return out
    out["themes_auto"] = tagged["themes"].to_numpy()
    out["tone_auto"] = tagged["tone"].to_numpy()
    out["score"] = tagged["score"].to_numpy()
    themes = out["themes_auto"].to_numpy(dtype=object, copy=True)
    tones = out["tone_auto"].to_numpy(dtype=object, copy=True)
    corrected = np.zeros(len(out), dtype=bool)
    if corrections:  # only the corrected answers are visited (a project has few of them)
        known = set(theme_names)
        keys = out["answer_key"].to_numpy(dtype=object)
        for i in np.flatnonzero(pd.Series(keys).isin(corrections.keys()).to_numpy()):
            chosen, tone = corrections[keys[i]]
            if chosen is not None:
                themes[i] = "; ".join(t for t in chosen if t in known)
            if tone:
                tones[i] = tone
            corrected[i] = True
    out["themes"] = pd.array(themes, dtype="str")
    out["tone"] = pd.array(tones, dtype="str")
    out["corrected"] = corrected
    return out


def tone_correction(chosen: str, automatic: str) -> str:
    """The tone to store as a correction: empty when it is the automatic tone (the tagger's tone then keeps
    applying, also after a codebook change), else the chosen tone."""
    return chosen if chosen != automatic else ""


def bulk_theme_change(answers: pd.DataFrame, theme: str, add: bool) -> dict[str, tuple[list[str], str]]:
    """Corrections that add (or remove) one theme for the given answers; answers that do not change are left out.

    A tone that was corrected before is kept.
    """
    items = {}
    for key, themes, tone, tone_auto in zip(answers["answer_key"], answers["themes"], answers["tone"], answers["tone_auto"]):
        current = split_themes(themes)
        new = current + [theme] if add and theme not in current else [t for t in current if add or t != theme]
        if new != current:
            items[key] = (new, tone_correction(tone, tone_auto))
    return items


def theme_long(answers: pd.DataFrame, column: str = "themes") -> pd.DataFrame:
    """One row per (answer, theme): the answers' index as ``idx`` and ``thema``."""
    rows = [(idx, t) for idx, value in zip(answers.index, answers[column]) for t in split_themes(value)]
    return pd.DataFrame(rows, columns=["idx", "thema"])


def filter_tagged(answers: pd.DataFrame, *, themes: list[str] | None = None, tones: list[str] | None = None) -> pd.DataFrame:
    """Answers with any of ``themes`` (``NO_THEME`` for none) and any of ``tones``."""
    mask = pd.Series(True, index=answers.index)
    if themes:
        wanted = set(themes)
        mask &= answers["themes"].map(
            lambda v: (NO_THEME in wanted and not v) or bool(wanted & set(split_themes(v)))
        )
    if tones:
        mask &= answers["tone"].isin(tones)
    return answers[mask]


def keyword_counts(answers: pd.DataFrame, tagger: Tagger) -> pd.DataFrame:
    """Per theme and keyword: how many answers it hits."""
    counts = tagger.keyword_hits(answers["answer"].tolist()) if not answers.empty else dict.fromkeys(tagger.keywords, 0)
    rows = []
    for theme in tagger.codebook.themes:
        for kw in theme.keywords:
            rows.append({"thema": theme.name, "trefwoord": kw, "antwoorden": counts.get(kw, 0)})
    return pd.DataFrame(rows, columns=["thema", "trefwoord", "antwoorden"])


def _content_stems(text: str) -> dict[str, str]:
    """Stem -> first surface form of the content words of a text."""
    out: dict[str, str] = {}
    stops = stop_words()
    for w in tokens(text):
        if len(w) >= 4 and w not in stops:
            out.setdefault(stem(w), w)
    return out


def keyword_proposals(answers: pd.DataFrame, tagger: Tagger, *, min_count: int = 2, min_lift: float = 3.0) -> pd.DataFrame:
    """Terms over-represented in answers a theme was added to by hand, as candidate keywords.

    Columns: theme, keyword (the most common form), added_by_hand (answers with the term among
    those the theme was added to), elsewhere (other answers without the theme), lift.
    """
    columns = ["theme", "keyword", "added_by_hand", "elsewhere", "lift"]
    if answers.empty or "corrected" not in answers or not answers["corrected"].any():
        return pd.DataFrame(columns=columns)
    docs = [_content_stems(t) for t in answers["answer"]]
    final = [set(split_themes(v)) for v in answers["themes"]]
    auto = [set(split_themes(v)) for v in answers["themes_auto"]]
    rows = []
    for theme in tagger.theme_names:
        added = [i for i in range(len(docs)) if answers["corrected"].iat[i] and theme in final[i] and theme not in auto[i]]
        if len(added) < min_count:
            continue
        others = [i for i in range(len(docs)) if theme not in final[i]]
        in_added = Counter(s for i in added for s in docs[i])
        in_others = Counter(s for i in others for s in docs[i])
        forms: dict[str, Counter] = {}
        for i in added:
            for s, w in docs[i].items():
                forms.setdefault(s, Counter())[w] += 1
        for s, a in in_added.items():
            if a < min_count:
                continue
            b = in_others.get(s, 0)
            lift = (a / len(added)) / ((b + 1) / (len(others) + 1))
            if lift < min_lift:
                continue
            word = forms[s].most_common(1)[0][0]
            if theme in tagger.tag(word, explain=False).themes:
                continue  # already a keyword of this theme
            rows.append({"theme": theme, "keyword": word, "added_by_hand": a, "elsewhere": b, "lift": round(lift, 1)})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["theme", "lift"], ascending=[True, False]).groupby("theme").head(8).reset_index(drop=True)


def suggest_themes(
    answers: pd.DataFrame,
    theme_names: list[str],
    feedback: dict[tuple[str, str], bool] | None = None,
    *,
    tagger: Tagger | None = None,
    min_probability: float = 0.99,
    min_positive: int = 5,
    limit: int = 5000,
) -> pd.DataFrame:
    """Suggested changes for the uncorrected answers, learnt from the corrected answers of the same data.

    - ``add``: a theme a Naive Bayes classifier per theme (nltk, trained on the corrected answers) gives at least
      ``min_probability``;
    - ``remove`` (with ``tagger``): a theme raised only by keywords that staff removed the theme for in every
      corrected answer where they raised it ("parkeren" raising Verkeer in a source about parking for the
      disabled, corrected to Zorg). Confidence (removed + 1) / (removed + 2).
    Columns: answer_key, theme, action (``add``/``remove``), confidence; best first. Decisions already given
    (``feedback``) are not suggested again.
    """
    columns = ["answer_key", "theme", "action", "confidence"]
    if answers.empty or "corrected" not in answers:
        return pd.DataFrame(columns=columns)
    feedback = feedback or {}
    labelled = answers[answers["corrected"]]
    candidates = answers[~answers["corrected"]].head(limit)
    rows = []
    if tagger is not None and not labelled.empty:
        rows += _removals(labelled, candidates, tagger, feedback)
    if len(labelled) >= 2 * min_positive:
        rows += _additions(answers, labelled, candidates, theme_names, feedback, min_probability, min_positive)
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values("confidence", ascending=False, kind="stable").reset_index(drop=True)


def _removals(labelled: pd.DataFrame, candidates: pd.DataFrame, tagger: Tagger, feedback: dict) -> list[dict]:
    """Themes raised only by keywords staff always removed the theme for (see ``suggest_themes``)."""
    kept: Counter = Counter()
    removed: Counter = Counter()
    for text, auto, final in zip(labelled["answer"], labelled["themes_auto"], labelled["themes"]):
        auto_set, final_set = set(split_themes(auto)), set(split_themes(final))
        for keyword, theme in {(h.keyword, h.theme) for h in tagger.tag(str(text)).hits if h.theme in auto_set}:
            (kept if theme in final_set else removed)[(keyword, theme)] += 1
    if not removed:
        return []
    suspect = {pair for pair in removed if not kept[pair]}
    rows = []
    for key, text, current in zip(candidates["answer_key"], candidates["answer"], candidates["themes"]):
        themes = set(split_themes(current))
        by_theme: dict[str, set[str]] = {}
        for h in tagger.tag(str(text)).hits:
            if h.theme in themes:
                by_theme.setdefault(h.theme, set()).add(h.keyword)
        for theme, keywords in by_theme.items():
            if (key, theme) in feedback or not all((k, theme) in suspect for k in keywords):
                continue
            evidence = min(removed[(k, theme)] for k in keywords)
            rows.append({"answer_key": key, "theme": theme, "action": "remove", "confidence": round((evidence + 1) / (evidence + 2), 2)})
    return rows


def _additions(answers, labelled, candidates, theme_names, feedback, min_probability, min_positive) -> list[dict]:
    """Extra themes from a Naive Bayes classifier per theme trained on the corrected answers."""
    from nltk.classify import NaiveBayesClassifier

    feats = {i: {s: True for s in _content_stems(t)} for i, t in zip(answers.index, answers["answer"])}
    rows = []
    for theme in theme_names:
        positives = [i for i, v in zip(labelled.index, labelled["themes"]) if theme in split_themes(v)]
        if len(positives) < min_positive or len(positives) == len(labelled):
            continue
        pos = set(positives)
        model = NaiveBayesClassifier.train([(feats[i], i in pos) for i in labelled.index])
        for i, key, current in zip(candidates.index, candidates["answer_key"], candidates["themes"]):
            if theme in split_themes(current) or (key, theme) in feedback or not feats[i]:
                continue
            p = model.prob_classify(feats[i]).prob(True)
            if p >= min_probability:
                rows.append({"answer_key": key, "theme": theme, "action": "add", "confidence": round(p, 2)})
    return rows


def untagged_terms(answers: pd.DataFrame, *, top: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Frequent meaningful words and word pairs among answers without a theme.

    Returns (words: woord, antwoorden; pairs: woordpaar, keer) — stemmed, stop words removed,
    pairs found with nltk's collocation finder (likelihood ratio).
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    empty = (pd.DataFrame(columns=["woord", "antwoorden"]), pd.DataFrame(columns=["woordpaar", "keer"]))
    if answers.empty:
        return empty
    texts = answers.loc[answers["themes"] == "", "answer"]
    if texts.empty:
        return empty
    stops = stop_words()
    doc_count: Counter = Counter()
    forms: dict[str, Counter] = {}
    documents = []
    for text in texts:
        words = [w for w in tokens(text) if len(w) >= 3 and w not in stops]
        documents.append([stem(w) for w in words])
        for w in words:
            forms.setdefault(stem(w), Counter())[w] += 1
        doc_count.update(set(stem(w) for w in words))
    words_df = pd.DataFrame(
        [{"woord": forms[s].most_common(1)[0][0], "antwoorden": n} for s, n in doc_count.most_common(top) if n >= 2],
        columns=["woord", "antwoorden"],
    )
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_freq_filter(2)
    pairs = []
    for a, b in finder.nbest(BigramAssocMeasures.likelihood_ratio, top):
        pairs.append({"woordpaar": f"{forms[a].most_common(1)[0][0]} {forms[b].most_common(1)[0][0]}", "keer": finder.ngram_fd[(a, b)]})
    return words_df, pd.DataFrame(pairs, columns=["woordpaar", "keer"])
