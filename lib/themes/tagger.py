"""Tag Dutch answers with codebook themes and a tone, locally and fast.

Matching, per word (memoised per distinct word, so 100k answers cost little):
- a keyword hits a word with the same Snowball stem (``woningen`` ~ ``woning``)
  or the same form; ``=ouderen`` hits only that form (``ouders`` is not ``ouderen``);
- compounds: a keyword of 4+ letters hits as the first part of a longer word
  (``jongeren`` -> ``jongerenwerk``), one of 5+ letters as the last part
  (``overlast`` -> ``geluidsoverlast``); the longest part wins, an exact hit beats parts;
- phrases (``te hard rijden``) hit consecutive words by stem.
A negator (``geen``, ``niet``, ...) up to three words before a hit in the same
clause marks it negated: the theme is still raised, but the tone flips.
Tone: polarity words (Pattern's Dutch lexicon + a short list) with negation and
intensifiers, averaged per answer: negatief / neutraal / positief.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.themes.codebook import Codebook
from lib.themes.textnlp import INTENSIFIERS, NEGATION_SCOPE, NEGATORS, polarity_lexicon, stem, stop_words

TONES = ("negatief", "neutraal", "positief")
TONE_THRESHOLD = 0.1
MAX_CHARS = 5000
"""Only the first characters of very long answers are tagged (a 20,000-character paste stays fast)."""
_PUNCT = r"[.,;:!?\n]"
_SEPARATOR = r"[^a-zà-öø-ÿĳ'’.]+"
"""Tokens: lower-case Latin words (Dutch letters, an apostrophe inside), and "." for every clause mark."""
_PUNCT_RE = re.compile(_PUNCT)
_SEPARATOR_RE = re.compile(_SEPARATOR)


def tokenize(text: str) -> list[str]:
    """Words and clause marks ("."); the same rules as the bulk tokenizer in ``Tagger.tag_many`` (pyarrow)."""
    spaced = _PUNCT_RE.sub(" . ", text.lower())
    return [t for t in (p.strip("'’") for p in _SEPARATOR_RE.split(spaced)) if t]
_BOUNDARY = frozenset({"."})
_NEGATION_FACTOR = -0.6
_DEFICIT = -0.35
"""Polarity of a stated lack: an unused negation ("kan niet betalen"), "te" + adjective, "al jaren"."""
_COMPLAINT_BIGRAMS = frozenset(
    {("al", "jaren"), ("al", "maanden"), ("al", "weken"), ("nog", "steeds"), ("nog", "altijd"), ("veel", "te"), ("weer", "een")}
)
MIN_PREFIX = 4
MIN_SUFFIX = 5
MIN_REST = 3
_INFLECTIONS = frozenset({"e", "en", "s", "es", "n", "je", "jes", "tje", "tjes", "pje", "pjes", "etje", "etjes", "er", "ers"})
"""Endings after a whole keyword that make an inflected form, not a compound (``parkeerplaats-en``)."""


@dataclass(frozen=True)
class Hit:
    """One keyword hit: which theme, which keyword, which words, negated or not."""

    theme: str
    keyword: str
    start: int
    """Index of the first word hit (in ``Tagging.words``)."""
    end: int
    negated: bool


@dataclass
class Tagging:
    """Themes and tone of one answer, with the evidence."""

    themes: list[str]
    tone: str
    score: float
    words: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


@dataclass
class _Word:
    themes: tuple[tuple[int, int], ...]
    """(theme index, keyword index) pairs."""
    polarity: float | None
    negator: bool
    intensity: float | None
    strong: frozenset[int] = frozenset()
    """Themes hit by normal keywords."""
    weak: frozenset[int] = frozenset()
    """Themes hit by weak (``?``) keywords only."""
    anchor: bool = False
    """The word's stem is the anchor (longest part) of a phrase keyword."""
    stem: str = ""


class Tagger:
    """A codebook compiled for fast matching."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.theme_names = codebook.names
        self.keywords: list[str] = []
        self._keyword_theme: list[int] = []
        self._exact: dict[str, set[int]] = {}
        self._stemmed: dict[str, set[int]] = {}
        self._prefix: dict[str, set[int]] = {}
        self._suffix: dict[str, set[int]] = {}
        self._suffix_stem: dict[str, set[int]] = {}
        self._phrases: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
        self._weak: set[int] = set()
        self._ages: list[tuple[int, int, int]] = []
        for ti, theme in enumerate(codebook.themes):
            for kw in theme.keywords:
                ki = len(self.keywords)
                self.keywords.append(kw)
                self._keyword_theme.append(ti)
                self._compile(kw, ki)
        self._lexicon = polarity_lexicon()
        self._cache: dict[str, _Word] = {}

    def _compile(self, kw: str, ki: int) -> None:
        if kw.startswith("?"):
            self._weak.add(ki)
            kw = kw[1:]
        age = _AGE_KEYWORD.match(kw)
        if age:
            low = int(age.group(1) or 0)
            high = int(age.group(3)) if age.group(3) else (200 if age.group(2) == "+" else low)
            self._ages.append((ki, low, high))
            return
        exact_only = kw.startswith("=")
        form = kw.lstrip("=").strip()
        parts = re.findall(r"[^\W\d_]+", form)
        if not parts:
            return
        if len(parts) > 1:
            stems = tuple(stem(p) for p in parts)
            common = stop_words() | NEGATORS
            # anchor on the rarest-looking part: not a stop word, longest
            anchor = max(range(len(stems)), key=lambda j: (parts[j] not in common, len(stems[j])))
            self._phrases.setdefault(stems[anchor], []).append((ki, stems, anchor))
            return
        word = parts[0]
        self._exact.setdefault(word, set()).add(ki)
        if len(word) >= MIN_PREFIX:
            self._prefix.setdefault(word, set()).add(ki)
        if exact_only:
            return
        s = stem(word)
        self._stemmed.setdefault(s, set()).add(ki)
        if len(word) >= MIN_SUFFIX:
            self._suffix.setdefault(word, set()).add(ki)
        if len(s) >= MIN_SUFFIX:
            self._suffix_stem.setdefault(s, set()).add(ki)

    # ------------------------------------------------------------------ per word
    def _word(self, w: str) -> _Word:
        info = self._cache.get(w)
        if info is not None:
            return info
        if "'" in w or "’" in w:  # "boa's", "auto's", "baby's": the word before the apostrophe
            base = self._word(w.replace("’", "'").split("'")[0])
            self._cache[w] = base
            return base
        s = stem(w)
        found: set[int] = set()
        found |= self._exact.get(w, set())
        found |= self._stemmed.get(s, set())
        if not found:
            n = len(w)
            for length in range(n - 1, MIN_PREFIX - 1, -1):  # longest first part
                hit = self._prefix.get(w[:length])
                if hit and (n - length >= MIN_REST or w[length:] in _INFLECTIONS):
                    found |= hit
                    break
            for length in range(n - MIN_REST, MIN_SUFFIX - 1, -1):  # longest last part
                hit = self._suffix.get(w[-length:])
                if hit:
                    found |= hit
                    break
            else:
                for length in range(len(s) - MIN_REST, MIN_SUFFIX - 1, -1):
                    hit = self._suffix_stem.get(s[-length:])
                    if hit:
                        found |= hit
                        break
        polarity = self._lexicon.get(w)
        if polarity is None:
            polarity = self._lexicon.get(s)
        pairs = tuple(sorted((self._keyword_theme[k], k) for k in found))
        info = _Word(
            pairs,
            polarity if polarity else None,
            w in NEGATORS,
            INTENSIFIERS.get(w),
            frozenset(ti for ti, k in pairs if k not in self._weak),
            frozenset(ti for ti, k in pairs if k in self._weak),
            s in self._phrases,
            s,
        )
        self._cache[w] = info
        return info

    # ------------------------------------------------------------------ per answer
    def _analyse(self, text: str) -> tuple[set[int], set[int], list[str], float]:
        """Strong and weak themes, the tokens and the tone score of one answer (same rules as ``tag_many``)."""
        toks = tokenize(text[:MAX_CHARS])
        strong: set[int] = set()
        weak: set[int] = set()
        items: list[float] = []
        stems: list[str] = []
        clauses: list[int] = []
        anchors: list[int] = []
        clause = 0
        infos: list[_Word | None] = []  # None for clause boundaries
        for tok in toks:
            if tok in _BOUNDARY:
                clause += 1
                infos.append(None)
                continue
            info = self._cache.get(tok) or self._word(tok)
            infos.append(info)
            if info.anchor:
                anchors.append(len(stems))
            stems.append(info.stem)
            clauses.append(clause)
            strong |= info.strong
            weak |= info.weak
        n = len(toks)
        for i, info in enumerate(infos):
            if info is None:
                continue
            prev = infos[i - 1] if i else None
            if info.polarity is not None:
                value = info.polarity * ((prev.intensity or 1.0) if prev is not None else 1.0)
                if _negated_in_clause(infos, i):
                    value *= _NEGATION_FACTOR
                items.append(value)
            elif prev is not None and toks[i - 1] == "te" and not toks[i].endswith("en"):
                items.append(_DEFICIT)  # "te lang", "te weinig", "te duur" (not "te praten")
            elif prev is not None and (toks[i - 1], toks[i]) in _COMPLAINT_BIGRAMS:
                items.append(_DEFICIT)  # "al jaren", "nog steeds"
            if info.negator:
                following = [infos[k] for k in range(i + 1, min(n, i + 1 + NEGATION_SCOPE))]
                scope = []
                for f in following:
                    if f is None:
                        break
                    scope.append(f)
                if not any(f.polarity is not None for f in scope):
                    items.append(_DEFICIT)  # "kan niet betalen", "geen zwemles": a negated fact is a lack
        if anchors:
            for ki, _start, _end in self._phrases_at(stems, clauses, anchors):
                (weak if ki in self._weak else strong).add(self._keyword_theme[ki])
        if self._ages:
            for age in _ages_in(text[:MAX_CHARS].lower()):
                for ki, low, high in self._ages:
                    if low <= age <= high:
                        (weak if ki in self._weak else strong).add(self._keyword_theme[ki])
        score = sum(items) / len(items) if items else 0.0
        return strong, weak, toks, score

    def _phrases_at(self, stems: list[str], clauses: list[int], anchors: list[int]) -> list[tuple[int, int, int]]:
        """Phrase keywords around the anchor words: (keyword index, first word, last word)."""
        found = []
        for j in anchors:
            for ki, phrase, anchor in self._phrases[stems[j]]:
                lowest = max(0, j - anchor * (_PHRASE_GAP + 1))
                for start in range(lowest, j + 1):
                    if stems[start] != phrase[0] or clauses[start] != clauses[j]:
                        continue
                    end = _match_phrase(stems, clauses, start, phrase)
                    if end is not None and end >= j:
                        found.append((ki, start, end))
                        break
        return found

    def _phrase_hits(self, toks: list[str]) -> list[tuple[int, int, int, bool]]:
        """Phrase keywords in the tokens: (keyword index, first word, last word, negated)."""
        words, clauses, n = [], [], 0
        for tok in toks:
            if tok in _BOUNDARY:
                n += 1
            else:
                words.append(tok)
                clauses.append(n)
        stems = [self._word(w).stem for w in words]
        anchors = [j for j, s in enumerate(stems) if s in self._phrases]
        out = []
        for ki, start, end in self._phrases_at(stems, clauses, anchors):
            negated = any(words[k] in NEGATORS for k in range(max(0, start - NEGATION_SCOPE), start))
            out.append((ki, start, end, negated))
        return out

    def _result(self, strong: set[int], weak: set[int], score: float) -> tuple[list[str], str]:
        chosen = strong or weak  # weak keywords count only when nothing else explains the answer
        tone = "negatief" if score < -TONE_THRESHOLD else "positief" if score > TONE_THRESHOLD else "neutraal"
        return [self.theme_names[t] for t in sorted(chosen)], tone

    def tag(self, text: str, *, explain: bool = True) -> Tagging:
        """Themes (codebook order), tone and, with ``explain``, the words and the hits that decided."""
        if not text:
            return Tagging([], "neutraal", 0.0)
        strong, weak, toks, score = self._analyse(text)
        themes, tone = self._result(strong, weak, score)
        if not explain:
            return Tagging(themes, tone, round(score, 3))
        words = [t for t in toks if t not in _BOUNDARY]
        hits: list[Hit] = []
        last_negator = -99
        i = 0
        for tok in toks:
            if tok in _BOUNDARY:
                last_negator = -99
                continue
            info = self._word(tok)
            for ti, ki in info.themes:
                hits.append(Hit(self.theme_names[ti], self.keywords[ki], i, i, i - last_negator <= NEGATION_SCOPE))
            if info.negator:
                last_negator = i
            i += 1
        for ki, start, end, negated in self._phrase_hits(toks):
            hits.append(Hit(self.theme_names[self._keyword_theme[ki]], self.keywords[ki], start, end, negated))
        if self._ages:
            for age in _ages_in(text[:MAX_CHARS].lower()):
                for ki, low, high in self._ages:
                    if low <= age <= high:
                        hits.append(Hit(self.theme_names[self._keyword_theme[ki]], self.keywords[ki], -1, -1, False))
        hits = [h for h in hits if h.theme in themes]
        return Tagging(themes, tone, round(score, 3), words, hits)

    def tag_many(self, texts: Iterable[str]) -> pd.DataFrame:
        """Tag many answers at once: columns ``themes`` (names joined with ``"; "``), ``tone``, ``score``.

        Same rules as ``tag``, computed over all words of all answers with numpy (a distinct word
        is looked up once). ``TaggerPool`` spreads very large batches over processes.
        """
        given = [t if isinstance(t, str) else "" for t in texts]
        positions: dict[str, int] = {}
        back = np.fromiter((positions.setdefault(t, len(positions)) for t in given), dtype=np.int64, count=len(given))
        if len(positions) < len(given):  # tag each distinct answer once
            return self.tag_many(list(positions)).iloc[back].reset_index(drop=True)
        originals = given
        n = len(originals)
        if n == 0:
            return pd.DataFrame({"themes": pd.Series(dtype=str), "tone": pd.Series(dtype=str), "score": pd.Series(dtype=float)})
        clipped = [t[:MAX_CHARS] for t in originals]
        codes, uniques, answer = _tokenize_all(clipped)
        lengths = np.bincount(answer, minlength=n)
        u_info = [None if tok in _BOUNDARY else self._word(tok) for tok in uniques]
        m = len(uniques)
        strong_u = np.zeros(m, dtype=np.int64)
        weak_u = np.zeros(m, dtype=np.int64)
        pol_u = np.full(m, np.nan)
        neg_u = np.zeros(m, dtype=bool)
        int_u = np.ones(m)
        anchor_u = np.zeros(m, dtype=bool)
        boundary_u = np.zeros(m, dtype=bool)
        te_u = np.zeros(m, dtype=bool)
        en_u = np.zeros(m, dtype=bool)
        for k, (tok, info) in enumerate(zip(uniques, u_info)):
            if info is None:
                boundary_u[k] = True
                continue
            strong_u[k] = sum(1 << t for t in info.strong)
            weak_u[k] = sum(1 << t for t in info.weak)
            if info.polarity is not None:
                pol_u[k] = info.polarity
            neg_u[k] = info.negator
            int_u[k] = info.intensity or 1.0
            anchor_u[k] = info.anchor
            te_u[k] = tok == "te"
            en_u[k] = tok.endswith("en")
        boundary = boundary_u[codes]
        # a clause ends at punctuation and at the end of an answer
        new_answer = np.ones(len(codes), dtype=bool)
        if len(codes):
            new_answer[1:] = answer[1:] != answer[:-1]
        clause = np.cumsum(new_answer | np.r_[False, boundary[:-1]] if len(codes) else new_answer)
        pol = pol_u[codes]
        neg = neg_u[codes] & ~boundary

        def before(arr, k, fill):
            out = np.full(len(arr), fill, dtype=arr.dtype)
            if len(arr) > k:
                out[k:] = arr[:-k]
                same = np.zeros(len(arr), dtype=bool)
                same[k:] = (clause[k:] == clause[:-k]) & ~boundary[:-k]
                out[~same] = fill
            return out

        def after(arr, k, fill):
            out = np.full(len(arr), fill, dtype=arr.dtype)
            if len(arr) > k:
                out[:-k] = arr[k:]
                same = np.zeros(len(arr), dtype=bool)
                same[:-k] = (clause[:-k] == clause[k:]) & ~boundary[k:]
                out[~same] = fill
            return out

        negated = np.zeros(len(codes), dtype=bool)
        for k in range(1, NEGATION_SCOPE + 1):
            negated |= before(neg, k, False)
        # a boundary between the negator and the word ends the scope: clause ids already differ then
        has_pol = ~np.isnan(pol)
        values = pol * before(int_u[codes], 1, 1.0) * np.where(negated, _NEGATION_FACTOR, 1.0)
        items = np.where(has_pol, values, np.nan)
        prev_te = before(te_u[codes], 1, False)
        deficit = ~has_pol & ~boundary & prev_te & ~en_u[codes]
        if _COMPLAINT_BIGRAMS:
            pair_codes = {(a, b) for a, b in _COMPLAINT_BIGRAMS}
            index = {tok: k for k, tok in enumerate(uniques)}
            first = np.full(len(codes), -1)
            first[1:] = codes[:-1]
            same_prev = np.zeros(len(codes), dtype=bool)
            same_prev[1:] = clause[1:] == clause[:-1]
            for a, b in pair_codes:
                if a in index and b in index:
                    deficit |= ~has_pol & same_prev & (first == index[a]) & (codes == index[b])
        items = np.where(deficit, _DEFICIT, items)
        pol_after = np.zeros(len(codes), dtype=bool)
        for k in range(1, NEGATION_SCOPE + 1):
            pol_after |= after(has_pol, k, False)
        unused_negator = neg & ~pol_after
        sums = np.bincount(answer, weights=np.nan_to_num(items), minlength=n) + np.bincount(
            answer, weights=unused_negator * _DEFICIT, minlength=n
        )
        counts = np.bincount(answer, weights=~np.isnan(items), minlength=n) + np.bincount(
            answer, weights=unused_negator, minlength=n
        )
        scores = np.divide(sums, counts, out=np.zeros(n), where=counts > 0)
        strong = np.zeros(n, dtype=np.int64)
        weak = np.zeros(n, dtype=np.int64)
        nonempty = lengths > 0
        if len(codes):
            starts = np.r_[0, np.cumsum(lengths)[:-1]][nonempty]
            strong[nonempty] = np.bitwise_or.reduceat(strong_u[codes], starts)
            weak[nonempty] = np.bitwise_or.reduceat(weak_u[codes], starts)
        # phrases: every phrase keyword matched over all words at once (parts in order, small gaps, one clause)
        if self._phrases and len(codes):
            stem_u = np.array(["" if info is None else info.stem for info in u_info], dtype=object)
            stem_codes_u, stem_uniques = pd.factorize(stem_u, sort=False)
            stem_index = {st: k for k, st in enumerate(stem_uniques)}
            stem_code = np.where(boundary, -1, stem_codes_u[codes])
            firsts = np.array(sorted({stem_index[p[0]] for e in self._phrases.values() for _k, p, _a in e if p[0] in stem_index}))
            candidates = np.flatnonzero(np.isin(stem_code, firsts)) if len(firsts) else np.array([], dtype=np.int64)
            order = candidates[np.argsort(stem_code[candidates], kind="stable")]  # first-part positions grouped by stem
            sorted_codes = stem_code[order]
            for entries in self._phrases.values():
                for ki, phrase, _anchor in entries:
                    wanted = [stem_index.get(p, -2) for p in phrase]
                    if -2 in wanted:
                        continue
                    lo, hi = np.searchsorted(sorted_codes, [wanted[0], wanted[0] + 1])
                    pos = order[lo:hi]
                    for part in wanted[1:]:
                        if not len(pos):
                            break
                        nxt = np.full(len(pos), -1)
                        for d in range(_PHRASE_GAP + 1, 0, -1):  # nearest occurrence wins
                            cand = pos + d
                            ok = cand < len(codes)
                            cand_ok = np.where(ok, cand, 0)
                            hit = ok & (stem_code[cand_ok] == part) & (clause[cand_ok] == clause[pos])
                            nxt = np.where(hit, cand, nxt)
                        pos = nxt[nxt >= 0]
                    if len(pos):
                        bit = np.int64(1 << self._keyword_theme[ki])
                        target = weak if ki in self._weak else strong
                        target[np.unique(answer[pos])] |= bit
        if self._ages:
            # only answers with a digit or a tens word can state an age (pyarrow regex over all at once)
            maybe = pd.Series(clipped, dtype="string[pyarrow]").str.contains(r"[0-9]|tig", regex=True)
            for a in np.flatnonzero(maybe.fillna(False).to_numpy(dtype=bool)):
                for age in _ages_in(clipped[a].lower()):
                    for ki, low, high in self._ages:
                        if low <= age <= high:
                            target = weak if ki in self._weak else strong
                            target[a] |= np.int64(1 << self._keyword_theme[ki])
        chosen = np.where(strong != 0, strong, weak)
        mask_codes, masks = pd.factorize(chosen, sort=False)
        names = self.theme_names
        labels = np.array(
            ["; ".join(names[t] for t in range(len(names)) if int(m) >> t & 1) for m in masks], dtype=object
        )
        themes = labels[mask_codes] if len(masks) else np.array([""] * n, dtype=object)
        tones = np.where(scores < -TONE_THRESHOLD, "negatief", np.where(scores > TONE_THRESHOLD, "positief", "neutraal"))
        return pd.DataFrame({"themes": themes, "tone": tones, "score": np.round(scores, 3)})

    def keyword_hits(self, texts: Iterable[str]) -> dict[str, int]:
        """How many answers each keyword hits (for the codebook page)."""
        counts = dict.fromkeys(self.keywords, 0)
        for text in texts:
            t = self.tag(text, explain=True)
            for kw in {h.keyword for h in t.hits}:
                counts[kw] += 1
        return counts


_AGE_KEYWORD = re.compile(r"^leeftijd:\s*(\d{1,3})?\s*(\+|-)?\s*(\d{1,3})?$")
_DIGITS = re.compile(r"[0-9]+")
_AGE_BEFORE_VERB = re.compile(r"(?:^|\W)(?:ik ben|ben ik|is|zijn|wordt|word)\s+(?:(?:nu|al|pas|bijna|ruim)\s+)?$", re.I)
_AGE_BEFORE_PREP = re.compile(r"(?:^|\W)(?:van|als|op mijn|op m'n)\s+$", re.I)
_AGE_AFTER_JARIG = re.compile(r"\s*-?\s*jarige?n?\b", re.I)
_AGE_AFTER_OUD = re.compile(r"\s+jaar\s+oud\b", re.I)
_AGE_AFTER_JAAR = re.compile(r"\s*(?:jaar|e)\b", re.I)
_AGE_NOT_UNIT = re.compile(r"\s*(?:%|euro|keer|uur|minuten|dagen|weken|maanden|kinderen|mensen)", re.I)
_AGE_WORDS = {"zestig": 61, "zeventig": 71, "tachtig": 81, "negentig": 91}
_AGE_WORD = re.compile(r"(?:^|\W)(?:boven de|over de|in de|ruim|bijna)\s+$", re.I)


def _age_at(text: str, start: int, end: int) -> int | None:
    """The age a number at ``text[start:end]`` states ("ik ben 17", "79-jarige", "van 81 jaar"), or None."""
    value = int(text[start:end]) if end - start <= 3 else 0
    if not 0 < value < 110 or (start and text[start - 1].isdigit()):
        return None
    before = text[max(0, start - 16) : start]
    if _AGE_AFTER_JARIG.match(text, end) or _AGE_AFTER_OUD.match(text, end):
        return value
    if _AGE_BEFORE_VERB.search(before) and not _AGE_NOT_UNIT.match(text, end):
        return value
    if _AGE_BEFORE_PREP.search(before) and _AGE_AFTER_JAAR.match(text, end):
        return value
    return None


def _age_words(text: str) -> list[tuple[int, int]]:
    """(position, age) of "boven de tachtig"-like phrases."""
    found = []
    lower = text.lower()
    for word, age in _AGE_WORDS.items():
        pos = lower.find(word)
        while pos >= 0:
            if _AGE_WORD.search(lower[max(0, pos - 12) : pos]):
                found.append((pos, age))
            pos = lower.find(word, pos + 1)
    return found


def _ages_in(text: str) -> list[int]:
    """Ages of people mentioned in a text ("ik ben 17", "79-jarige", "weduwe van 81 jaar", "boven de tachtig")."""
    ages = [age for m in _DIGITS.finditer(text) if (age := _age_at(text, m.start(), m.end())) is not None]
    return ages + [age for _pos, age in _age_words(text)]


def _negated_in_clause(infos: list, i: int) -> bool:
    """A negator among the ``NEGATION_SCOPE`` words before word ``i`` in the same clause."""
    for k in range(i - 1, max(-1, i - 1 - NEGATION_SCOPE), -1):
        info = infos[k]
        if info is None:
            return False
        if info.negator:
            return True
    return False


_PHRASE_GAP = 2
"""Words that may stand between the parts of a phrase ("voel me *vaak* alleen")."""


def _match_phrase(stems: list[str], clause: list[int], start: int, phrase: tuple[str, ...]) -> int | None:
    """Index of the last word when ``phrase`` matches from ``start`` (gaps allowed, same clause), else None."""
    pos = start
    for part in phrase[1:]:
        for nxt in range(pos + 1, min(len(stems), pos + 2 + _PHRASE_GAP)):
            if clause[nxt] != clause[start]:
                return None
            if stems[nxt] == part:
                pos = nxt
                break
        else:
            return None
    return pos


def _tokenize_all(texts: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Tokenize all answers at once in pyarrow (RE2, C++): token codes, the distinct tokens, answer of each token."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    arr = pc.replace_substring_regex(arr, _PUNCT, " . ")
    parts = pc.split_pattern_regex(arr, _SEPARATOR)
    answer = pc.list_parent_indices(parts)
    flat = pc.utf8_trim(pc.list_flatten(parts), "'’")
    keep = pc.not_equal(flat, "")
    flat = pc.filter(flat, keep)
    answer = pc.filter(answer, keep)
    encoded = pc.dictionary_encode(flat)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    uniques = encoded.dictionary.to_pylist()
    return codes, uniques, answer.to_numpy(zero_copy_only=False).astype(np.int64)


PARALLEL_FROM = 20_000
"""Batches smaller than this are tagged in one process."""
_WORKER_TAGGER: Tagger | None = None


def _init_worker(records: list[dict]) -> None:
    global _WORKER_TAGGER
    _WORKER_TAGGER = Tagger(Codebook.from_records(records))


def _tag_chunk(texts: list[str]) -> pd.DataFrame:
    assert _WORKER_TAGGER is not None
    return _WORKER_TAGGER.tag_many(texts)


class TaggerPool:
    """Worker processes that load nltk and compile the codebook while the caller reads and links files.

    Used by the command line for large batches; falls back to tagging in this process where
    processes cannot be forked. Use as a context manager.
    """

    def __init__(self, codebook: Codebook, workers: int = 2) -> None:
        self.codebook = codebook
        self.workers = workers
        self._pool = None
        if workers > 1:
            import multiprocessing

            try:
                self._pool = multiprocessing.get_context("fork").Pool(
                    workers, initializer=_init_worker, initargs=(codebook.to_records(),)
                )
            except (OSError, ValueError):
                self._pool = None

    def tag_many(self, texts: list[str]) -> pd.DataFrame:
        """Like ``Tagger.tag_many``; large batches are split over the workers."""
        return self.submit(texts)()

    def submit(self, texts: list[str]):
        """Start tagging; returns a function that waits for and returns the result (``Tagger.tag_many`` columns)."""
        if self._pool is None or len(texts) < PARALLEL_FROM:
            return lambda: Tagger(self.codebook).tag_many(texts)
        positions: dict[str, int] = {}
        back = np.fromiter((positions.setdefault(t if isinstance(t, str) else "", len(positions)) for t in texts),
                           dtype=np.int64, count=len(texts))
        unique = list(positions)  # each distinct answer is sent and tagged once
        size = -(-len(unique) // self.workers)
        pending = self._pool.map_async(_tag_chunk, [unique[i : i + size] for i in range(0, len(unique), size)])
        return lambda: pd.concat(pending.get(), ignore_index=True).iloc[back].reset_index(drop=True)

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def __enter__(self) -> TaggerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def marked_text(tagging: Tagging, text: str) -> str:
    """The answer as plain text with hit words between ⟦ ⟧ (safe: shown with st.text, never as markup)."""
    hit_words = {tagging.words[j] for h in tagging.hits if h.start >= 0 for j in range(h.start, h.end + 1)}
    if not hit_words:
        return text
    pattern = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?")
    return pattern.sub(lambda m: f"⟦{m.group(0)}⟧" if m.group(0).lower() in hit_words else m.group(0), text)


def split_themes(value: str) -> list[str]:
    """``"A; B"`` -> ``["A", "B"]``."""
    return [t.strip() for t in str(value).split(";") if t.strip()] if value else []
