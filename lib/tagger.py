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

import pandas as pd

from .codebook import Codebook
from .textnlp import INTENSIFIERS, NEGATION_SCOPE, NEGATORS, polarity_lexicon, stem

TONES = ("negatief", "neutraal", "positief")
TONE_THRESHOLD = 0.1
MAX_CHARS = 5000
"""Only the first characters of very long answers are tagged (a 20,000-character paste stays fast)."""
_TOKENS = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?|[.,;:!?\n]")
_BOUNDARY = frozenset(".,;:!?\n")
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
        self._phrases: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
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
            self._phrases.setdefault(stems[0], []).append((ki, stems))
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
        info = _Word(
            tuple(sorted((self._keyword_theme[k], k) for k in found)),
            polarity if polarity else None,
            w in NEGATORS,
            INTENSIFIERS.get(w),
        )
        self._cache[w] = info
        return info

    # ------------------------------------------------------------------ per answer
    def tag(self, text: str, *, explain: bool = True) -> Tagging:
        """Themes (codebook order), tone and, with ``explain``, the words and hits."""
        if not text:
            return Tagging([], "neutraal", 0.0)
        raw = _TOKENS.findall(text[:MAX_CHARS].lower())
        words: list[str] = []
        theme_hits: dict[int, bool] = {}  # theme -> any non-negated hit
        hits: list[Hit] = []
        polarities: list[float] = []
        last_negator = -99
        intensity = 1.0
        negation_used = False
        clause: list[int] = []  # clause number of every word, for phrases
        n_clause = 0
        strong: dict[int, bool] = {}
        for tok in raw:
            if tok in _BOUNDARY:
                if last_negator >= 0 and not negation_used:
                    polarities.append(_DEFICIT)  # "kan niet betalen", "geen zwemles": a negated fact is a lack
                last_negator = -99
                negation_used = False
                intensity = 1.0
                n_clause += 1
                continue
            i = len(words)
            words.append(tok)
            clause.append(n_clause)
            info = self._word(tok)
            negated = i - last_negator <= NEGATION_SCOPE
            if info.negator:
                last_negator = i
            for ti, ki in info.themes:
                target = theme_hits if ki in self._weak else strong
                target[ti] = target.get(ti, False) or not negated
                if explain:
                    hits.append(Hit(self.theme_names[ti], self.keywords[ki], i, i, negated))
            prev = words[i - 1] if i else ""
            if info.polarity is not None:
                value = info.polarity * intensity
                polarities.append(value * _NEGATION_FACTOR if negated else value)
                if negated:
                    negation_used = True
            elif prev == "te" and not tok.endswith("en"):
                polarities.append(_DEFICIT)  # "te lang", "te weinig", "te duur" (not "te praten")
            elif (prev, tok) in _COMPLAINT_BIGRAMS:
                polarities.append(_DEFICIT)  # "al jaren", "nog steeds"
            if info.negator:
                if last_negator >= 0 and not negation_used and i - last_negator > 0:
                    polarities.append(_DEFICIT)
                negation_used = False
            intensity = info.intensity if info.intensity is not None else 1.0
        if self._phrases:
            stems = [stem(w) for w in words]
            for i, s in enumerate(stems):
                for ki, phrase in self._phrases.get(s, ()):
                    end = _match_phrase(stems, clause, i, phrase)
                    if end is None:
                        continue
                    ti = self._keyword_theme[ki]
                    negated = any(words[j] in NEGATORS for j in range(max(0, i - NEGATION_SCOPE), i))
                    target = theme_hits if ki in self._weak else strong
                    target[ti] = target.get(ti, False) or not negated
                    if explain:
                        hits.append(Hit(self.theme_names[ti], self.keywords[ki], i, end, negated))
        if self._ages:
            for age in _ages_in(text[:MAX_CHARS]):
                for ki, low, high in self._ages:
                    if low <= age <= high:
                        ti = self._keyword_theme[ki]
                        target = theme_hits if ki in self._weak else strong
                        target[ti] = True
                        if explain:
                            hits.append(Hit(self.theme_names[ti], self.keywords[ki], -1, -1, False))
        if strong:  # weak keywords count only when nothing else explains the answer
            theme_hits = strong
            if explain:
                hits = [h for h in hits if h.theme in {self.theme_names[t] for t in strong}]
        if last_negator >= 0 and not negation_used:
            polarities.append(_DEFICIT)
        score = sum(polarities) / len(polarities) if polarities else 0.0
        tone = "negatief" if score < -TONE_THRESHOLD else "positief" if score > TONE_THRESHOLD else "neutraal"
        themes = [self.theme_names[ti] for ti in sorted(theme_hits)]
        return Tagging(themes, tone, round(score, 3), words if explain else [], hits)

    def tag_many(self, texts: Iterable[str]) -> pd.DataFrame:
        """Tag many answers: columns ``themes`` (names joined with ``"; "``), ``tone``, ``score``."""
        themes, tones, scores = [], [], []
        seen: dict[str, tuple[str, str, float]] = {}
        for text in texts:
            key = text if isinstance(text, str) else ""
            result = seen.get(key)
            if result is None:
                t = self.tag(key, explain=False)
                result = ("; ".join(t.themes), t.tone, t.score)
                if len(key) < 500:
                    seen[key] = result
            themes.append(result[0])
            tones.append(result[1])
            scores.append(result[2])
        return pd.DataFrame({"themes": themes, "tone": tones, "score": scores})

    def keyword_hits(self, texts: Iterable[str]) -> dict[str, int]:
        """How many answers each keyword hits (for the codebook page)."""
        counts = dict.fromkeys(self.keywords, 0)
        for text in texts:
            t = self.tag(text, explain=True)
            for kw in {h.keyword for h in t.hits}:
                counts[kw] += 1
        return counts


_AGE_KEYWORD = re.compile(r"^leeftijd:\s*(\d{1,3})?\s*(\+|-)?\s*(\d{1,3})?$")
_AGE_PATTERNS = [
    re.compile(r"\b(?:ik ben|ben ik|is|zijn|wordt|word)\s+(?:nu\s+|al\s+|pas\s+|bijna\s+|ruim\s+)?(\d{1,3})\b(?!\s*(?:%|euro|keer|uur|minuten|dagen|weken|maanden|kinderen|mensen))", re.I),
    re.compile(r"\b(\d{1,3})\s*-?\s*jarige?n?\b", re.I),
    re.compile(r"\b(\d{1,3})\s+jaar\s+(?:oud|geleden\b(?!))", re.I),
    re.compile(r"\b(?:van|als|op mijn|op m'n)\s+(\d{1,3})\s*(?:jaar|e)\b", re.I),
]
_AGE_WORDS = {"zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90}


def _ages_in(text: str) -> list[int]:
    """Ages of people mentioned in a text ("ik ben 17", "79-jarige", "weduwe van 81 jaar", "boven de tachtig")."""
    ages = []
    for pattern in _AGE_PATTERNS:
        ages += [int(m.group(1)) for m in pattern.finditer(text) if 0 < int(m.group(1)) < 110]
    for word, value in _AGE_WORDS.items():
        if re.search(rf"\b(?:boven de|over de|in de|ruim|bijna)\s+{word}", text, re.I):
            ages.append(value + 1)
    return ages


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
