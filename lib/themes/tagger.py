"""Tag Dutch answers with codebook themes and a tone, locally and fast (the facade: ``Tagger``).

Matching, per word (memoised per distinct word, so 100k answers cost little):
- a keyword hits a word with the same Snowball stem (``woningen`` ~ ``woning``)
  or the same form; ``=ouderen`` hits only that form (``ouders`` is not ``ouderen``);
- compounds: a keyword of 4+ letters hits as the first part of a longer word
  (``jongeren`` -> ``jongerenwerk``), one of 5+ letters as the last part
  (``overlast`` -> ``geluidsoverlast``); the longest part wins, an exact hit beats parts;
- ``~park`` hits the word and compounds that end in it, also when it is short (``vondelpark``), never
  as a first part (``parkeren``);
- a diminutive reaches its base word (``speelpleintjes`` -> ``speelplein``);
- function words (stop words, negators) never hit alone, only inside a phrase or as an ``=`` keyword;
- phrases (``te hard rijden``) hit the words in order, small gaps allowed, in one clause;
  an exclusion phrase (``!kinderen wonen``) cancels its theme's word hits inside it.
Every hit records how it matched (``Hit.via``, ``Hit.part``) for the why-view.
A negator (``geen``, ``niet``, ...) up to three words before a hit in the same
clause marks it negated: the theme is still raised, but the tone flips.
Tone: polarity words (Pattern's Dutch lexicon + ``toon_extra.csv``) with negation, reducers
(``minder``), intensifiers and stated lacks, weighted towards the clause after the last ``maar``,
averaged per answer: negatief / neutraal / positief; the rules beyond single words (wishes, proposals,
past contrast, whom it is for, ...) are documented in ``lib.themes.tone`` (``Tagger._tone_score``).
Related modules: ``rules`` (tokens, constants), ``tone`` (tone rules), ``bulk`` (``tag_many`` over all words with numpy),
``ages`` (stated ages), ``pool`` (worker processes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from lib.themes.ages import AGE_KEYWORD, ages_in
from lib.themes.bulk import tag_many as bulk_tag_many
from lib.themes.codebook import Codebook
from lib.themes.rules import (  # noqa: F401  (TONES, MAX_CHARS, tokenize are imported from here)
    BEFORE_BUT_WEIGHT, BOUNDARY, COMPLAINT_BIGRAMS, DEFICIT, FINAL_BIGRAMS, INFLECTIONS, MAX_CHARS, MIN_PREFIX,
    MIN_REST, MIN_SUFFIX, NEGATION_FACTOR, NEGATIVE_BELOW, PHRASE_GAP, POSITIVE_ABOVE, TONES, tokenize,
)
from lib.themes.textnlp import (
    INTENSIFIERS, NEGATION_SCOPE, NEGATORS, REDUCER_SCOPE, REDUCERS, polarity_forms, stem, stop_words,
)
from lib.themes.tone import (
    ABLE, ABOUT, ABOUT_GAP, AGAIN, AMOUNT, AWAIT, AWAIT_LINK, COMPARE, COMPOUND_MIN_PART, COMPOUND_MIN_REST, DELAY,
    DEMAND, DURATION, EXCESS, FAILURE, FAULT_GAP, FULL, GROUP_CLAUSE, GROUP_LINK, GROUP_REACH, INFINITIVE, KEEP_IT,
    KNOW, LASTING, LIVING, MORE, NOTHING, NOW, NO_FAULT, NO_NEED, PAST, PEOPLE, PRAISE, PRAISE_VALUE, PROPOSAL,
    PROPOSE_VERB, PURPOSE, PURPOSE_PAIR, RELATIVE, RELIEF, SAY, SCARCE, SHORT_ANSWER, SINCE, STRONG_COMPLAINT, TIME,
    TIME_REACH, TOPIC, TOPIC_LINK, WISH, WITH, attributive,
)


@dataclass(frozen=True)
class Hit:
    """One keyword hit: which theme, which keyword, which words, negated or not."""

    theme: str
    keyword: str
    start: int
    """Index of the first word hit (in ``Tagging.words``)."""
    end: int
    negated: bool
    via: str = "form"
    """How the words hit the keyword: ``form`` (same form or stem), ``prefix``/``suffix`` (the keyword is the
    first/last part of a compound), ``diminutive`` (a diminutive of the keyword or of a compound with it),
    ``phrase`` (the words of a phrase keyword) or ``age`` (a stated age)."""
    part: str = ""
    """The form that matched: the compound part, or the base word of a diminutive."""


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
    themes: tuple[tuple[int, int, str, str], ...]
    """(theme index, keyword index, via, part) of the keywords the word hits (see ``Hit``)."""
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
    exclusion_anchor: bool = False
    """The word's stem is the anchor of an exclusion phrase (``!kinderen wonen``)."""
    no_opinion: bool = False
    """A noun that absorbs a negation without stating a lack ("geen opmerkingen", "geen idee")."""
    but: bool = False
    """"maar": what follows carries the judgement."""
    flip: bool = False
    """A negator or a reducer ("minder"): flips the polarity of the words after it."""
    reducer: bool = False


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
        self._exclusions: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
        self._tail: dict[str, set[int]] = {}
        self._function_words = stop_words() | NEGATORS
        for ti, theme in enumerate(codebook.themes):
            for kw in theme.keywords:
                ki = len(self.keywords)
                self.keywords.append(kw)
                self._keyword_theme.append(ti)
                self._compile(kw, ki)
        self._forms, self._stems = polarity_forms()
        self._hand_made = {f: v for entries in self._stems.values() for f, v, hand in entries if hand and v and len(f) >= COMPOUND_MIN_PART}
        self._cache: dict[str, _Word] = {}

    def _compile(self, kw: str, ki: int) -> None:
        if kw.startswith("!"):  # an exclusion phrase: the theme's word hits inside it do not count
            parts = re.findall(r"[^\W\d_]+", kw[1:])
            if len(parts) > 1:
                stems = tuple(stem(p) for p in parts)
                anchor = max(range(len(stems)), key=lambda j: (parts[j] not in self._function_words, len(stems[j])))
                self._exclusions.setdefault(stems[anchor], []).append((ki, stems, anchor))
            return
        if kw.startswith("?"):
            self._weak.add(ki)
            kw = kw[1:]
        age = AGE_KEYWORD.match(kw)
        if age:
            low = int(age.group(1) or 0)
            high = int(age.group(3)) if age.group(3) else (200 if age.group(2) == "+" else low)
            self._ages.append((ki, low, high))
            return
        if kw.startswith("~"):  # a last part: the word itself and compounds ending in it, also when short
            word = kw[1:].strip()
            if word.isalpha():
                self._exact.setdefault(word, set()).add(ki)
                self._tail.setdefault(word, set()).add(ki)
            return
        exact_only = kw.startswith("=")
        form = kw.lstrip("=").strip()
        parts = re.findall(r"[^\W\d_]+", form)
        if not parts:
            return
        if len(parts) > 1:
            stems = tuple(stem(p) for p in parts)
            common = self._function_words
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
        matches = self._match(w, s)
        if not matches and len(w) >= 6 and w.endswith(("je", "jes")):
            base = _diminutive_base(w)
            if base:
                matches = {k: ("diminutive", base) for k in self._match(base, stem(base))}
        polarity = self._forms.get(w)
        if polarity is None and not w.endswith("en"):  # "mooie" ~ "mooi"; not "spelen" ~ "speels", "aandacht" ~ "aandachtig"
            polarity = next((v for form, v, hand_made in self._stems.get(s, ()) if hand_made or len(form) <= len(w)), None)
        if polarity is None and len(w) >= 6 and w.endswith(("je", "jes")):  # "complimentje" ~ "compliment"
            polarity = next((self._forms[b] for b in _diminutive_bases(w) if b in self._forms), None)
        if polarity is None and len(w) >= COMPOUND_MIN_PART + COMPOUND_MIN_REST:  # "geluidsoverlast" ~ "overlast"
            polarity = next((self._hand_made[w[k:]] for k in range(COMPOUND_MIN_REST, len(w) - COMPOUND_MIN_PART + 1)
                             if w[k:] in self._hand_made), None)
        pairs = tuple(sorted((self._keyword_theme[k], k, via, part) for k, (via, part) in matches.items()))
        info = _Word(
            pairs,
            polarity if polarity else None,
            w in NEGATORS,
            INTENSIFIERS.get(w),
            frozenset(ti for ti, k, _v, _p in pairs if k not in self._weak),
            frozenset(ti for ti, k, _v, _p in pairs if k in self._weak),
            s in self._phrases,
            s,
            s in self._exclusions,
            w in NO_OPINION or w in NO_NEED,
            w == "maar",
            w in NEGATORS or w in REDUCERS,
            w in REDUCERS,
        )
        self._cache[w] = info
        return info

    def _match(self, w: str, s: str) -> dict[int, tuple[str, str]]:
        """Keyword index -> (via, part) for one word: same form or stem, else the longest compound part."""
        found: dict[int, tuple[str, str]] = {}
        if w in self._function_words:  # "het", "bij", "niet": never a theme on their own, only in a phrase
            return {k: ("form", w) for k in self._exact.get(w, ()) if self.keywords[k].lstrip("?").startswith("=")}
        for k in self._exact.get(w, set()) | self._stemmed.get(s, set()):
            found[k] = ("form", w)
        if found:
            return found
        n = len(w)
        for length in range(n - 1, MIN_PREFIX - 1, -1):  # longest first part
            hit = self._prefix.get(w[:length])
            if hit and (n - length >= MIN_REST or w[length:] in INFLECTIONS):
                rest = w[length:]
                via = ("diminutive" if rest in _DIMINUTIVE_ENDINGS else "form") if rest in INFLECTIONS else "prefix"
                found.update((k, (via, w[:length])) for k in hit)
                break
        for length in range(n - MIN_REST, MIN_SUFFIX - 1, -1):  # longest last part
            hit = self._suffix.get(w[-length:])
            if hit:
                found.update((k, ("suffix", w[-length:])) for k in hit)
                break
        else:
            for length in range(len(s) - MIN_REST, MIN_SUFFIX - 1, -1):
                hit = self._suffix_stem.get(s[-length:])
                if hit:
                    found.update((k, ("suffix", self.keywords[k].lstrip("?="))) for k in hit)
                    break
        if self._tail:
            for length in range(n - MIN_REST, 3, -1):  # ``~park``: "vondelpark", "stadspark" (not "parkeren")
                hit = self._tail.get(w[-length:])
                if hit:
                    found.update((k, ("suffix", w[-length:])) for k in hit if k not in found)
                    break
        return found

    # ------------------------------------------------------------------ per answer
    def _analyse(self, text: str) -> tuple[set[int], set[int], list[str], float, set[tuple[int, int]]]:
        """Strong and weak themes, the tokens, the tone score of one answer and the (word, theme) hits an
        exclusion phrase cancels (same rules as ``lib.themes.bulk``)."""
        toks = tokenize(text[:MAX_CHARS])
        stems: list[str] = []
        clauses: list[int] = []
        anchors: list[int] = []
        exclusion_anchors: list[int] = []
        clause = 0
        infos: list[_Word | None] = []  # None for clause boundaries
        words: list[_Word] = []
        for tok in toks:
            if tok in BOUNDARY:
                clause += 1
                infos.append(None)
                continue
            info = self._cache.get(tok) or self._word(tok)
            infos.append(info)
            if info.anchor:
                anchors.append(len(stems))
            if info.exclusion_anchor:
                exclusion_anchors.append(len(stems))
            stems.append(info.stem)
            clauses.append(clause)
            words.append(info)
        cancelled: set[tuple[int, int]] = set()
        if exclusion_anchors:
            for ki, start, end in self._phrases_at(stems, clauses, exclusion_anchors, self._exclusions):
                cancelled |= {(j, self._keyword_theme[ki]) for j in range(start, end + 1)}
        strong: set[int] = set()
        weak: set[int] = set()
        for j, info in enumerate(words):
            if cancelled:
                strong |= {t for t in info.strong if (j, t) not in cancelled}
                weak |= {t for t in info.weak if (j, t) not in cancelled}
            else:
                strong |= info.strong
                weak |= info.weak
        if anchors:
            for ki, _start, _end in self._phrases_at(stems, clauses, anchors, self._phrases):
                (weak if ki in self._weak else strong).add(self._keyword_theme[ki])
        if self._ages:
            for age in ages_in(text[:MAX_CHARS].lower()):
                for ki, low, high in self._ages:
                    if low <= age <= high:
                        (weak if ki in self._weak else strong).add(self._keyword_theme[ki])
        return strong, weak, toks, self._tone_score(toks, infos), cancelled

    def _tone_score(self, toks: list[str], infos: list[_Word | None]) -> float:
        """The tone score of one answer from its tokens and their word infos (None at clause boundaries): the mean
        of its tone values, weighted towards the clause after the last "maar" (same rules as ``lib.themes.bulk``;
        the rules beyond single words are documented in ``lib.themes.tone``)."""
        n = len(toks)
        items: list[tuple[float, int, str]] = []  # (value, word index, "tone" word / stated "lack" / "praise")
        clause_of: list[int] = []  # clause of each word
        clause = 0
        for tok in toks:
            if tok in BOUNDARY:
                clause += 1
            else:
                clause_of.append(clause)
        words = [t for t in toks if t not in BOUNDARY]
        wish = {c for c, w in zip(clause_of, words) if w in WISH}
        living = {c for c, w in zip(clause_of, words) if w in LIVING}
        demand = {c for c, w in zip(clause_of, words) if w in DEMAND}
        past_at = {i for i, w in enumerate(toks) if w in PAST and not (i and toks[i - 1] in COMPARE)}
        past = {clause_of[jj] for k, jj in _word_positions(infos) if k in past_at}
        proposal = any(w in PROPOSAL for w in words) or any(
            w in PROPOSE_VERB and toks[i + 1] == "voor" for i, w in enumerate(toks[:-1])
        )
        opening = [i == 0 or toks[i - 1] in BOUNDARY for i in range(n)]
        wished = min(
            [clause_of[jj] for k, jj in _word_positions(infos) if toks[k] in WISH or (toks[k] in MORE and opening[k])],
            default=n + 1,
        )  # the first clause with a wish
        restrictives = {
            i for i, f in enumerate(infos) if f is not None and f.but and (
                (i and toks[i - 1] == "nog") or (i + 1 < n and toks[i + 1] in AMOUNT)
            )
        }  # "nog maar één keer per uur": "only", no contrast
        positions = _word_positions(infos)
        toned = {clause_of[jj] for k, jj in positions if infos[k].polarity is not None}  # clauses with a tone word
        scope: set[int] = set()  # words from a clause's first wish word up to a "maar": what is wished
        first_wish: dict[int, int] = {}
        for k, jj in positions:
            c = clause_of[jj]
            if c in first_wish and first_wish[c] >= 0:
                if infos[k].but and k not in restrictives:
                    first_wish[c] = -1  # the wish ends at "maar"
                else:
                    scope.add(jj)
            elif c not in first_wish and toks[k] in WISH:
                first_wish[c] = jj
        # *whom it is for*: the tone words that describe a group or a topic, and the words of a relative clause after
        # "voor (de) mensen die ..."
        group_clause: set[int] = set()
        for k in range(1, n):
            if toks[k] == RELATIVE and infos[k - 1] is not None and toks[k - 1] in PEOPLE and _described(toks, infos, k - 1):
                for d in range(1, GROUP_CLAUSE + 1):
                    if k + d >= n or infos[k + d] is None:
                        break
                    group_clause.add(k + d)
        described = {
            k for k, f in enumerate(infos) if f is not None and f.polarity is not None
            and (k in group_clause or _described(toks, infos, k))
        }
        # *purpose*: clause -> word index of its first "zodat", "opdat" or "zonder dat"
        purpose_from: dict[int, int] = {}
        for k, jj in positions:
            if toks[k] in PURPOSE or (toks[k] == PURPOSE_PAIR[0] and k + 1 < n and toks[k + 1] == PURPOSE_PAIR[1]):
                purpose_from.setdefault(clause_of[jj], jj)
        # *regained*: the clauses with "nu" or "sinds", no negator and no tone word
        negated_clauses = {clause_of[jj] for k, jj in positions if infos[k].negator}
        regain = {clause_of[jj] for k, jj in positions if toks[k] in SINCE} - negated_clauses - toned
        # *no fault*: "niks (op) aan te merken" (at "merken"; its negator states no lack)
        no_fault: set[int] = set()
        fault_negators: set[int] = set()
        for k in range(3, n):
            if tuple(toks[k - 2 : k + 1]) == NO_FAULT and infos[k - 1] is not None and infos[k - 2] is not None:
                for d in (3, 4):
                    if k - d < 0 or any(infos[k - e] is None for e in range(3, d + 1)):
                        break
                    if d == 4 and toks[k - 3] not in FAULT_GAP:
                        break
                    f = infos[k - d]
                    if f.negator or toks[k - d] in SCARCE:
                        no_fault.add(k)
                        fault_negators.add(k - d)
        # *waiting*: after a word of waiting and "voordat", "tot" or "op", a positive word names what is awaited
        awaiting: dict[int, int] = {}  # clause -> word index of its first waiting word
        awaited: dict[int, int] = {}  # clause -> word index of the first link after it
        for k, jj in positions:
            c = clause_of[jj]
            if toks[k] in AWAIT_LINK and c in awaiting and c not in awaited:
                awaited[c] = jj
            if toks[k] in AWAIT and c not in awaiting:
                awaiting[c] = jj
        last_but = -1
        j = -1
        for i, info in enumerate(infos):
            if info is None:
                continue
            j += 1
            prev = infos[i - 1] if i else None
            restrictive = i in restrictives
            if info.but and not restrictive:
                last_but = j
            deficit = False
            before1 = toks[i - 1] if i else ""
            before2 = toks[i - 2] if i >= 2 else ""
            excess = before1 == EXCESS and info.polarity is not None and info.polarity > 0  # "te snel"
            if info.polarity is not None and not excess:
                about = i in described
                value = info.polarity * ((prev.intensity or 1.0) if prev is not None else 1.0)
                if _negated_in_clause(infos, i):
                    value *= NEGATION_FACTOR
                if toks[i] in RELIEF and clause_of[j] in demand:  # "er moet eindelijk ...": a demand, not relief
                    value = -value
                if clause_of[j] in past:  # "vroeger was het gezellig": a loss now
                    value *= NEGATION_FACTOR
                if value > 0 and i + 2 < n and toks[i + 1] == "voor" and toks[i + 2] in NOTHING and (
                    infos[i + 1] is not None
                ):
                    value = -value  # "bedankt voor niks": blame
                if not about:  # "voor eenzame ouderen": whom it is for, no judgement
                    items.append((value, j, "tone"))
            elif prev is not None and toks[i - 1] == "te" and not toks[i].endswith(INFINITIVE):
                deficit = True  # "te lang", "te weinig", "te duur" (not "te praten", "te staan"); "te snel"
            elif prev is not None and (
                (toks[i - 1], toks[i]) in COMPLAINT_BIGRAMS or (toks[i - 1], toks[i]) in DELAY or (toks[i - 1], toks[i]) in FULL
            ) and not (toks[i - 1] == LASTING and clause_of[j] in living):
                deficit = True  # "al jaren", "nog steeds", "pas na een uur", "altijd vol"
            elif prev is not None and (
                (toks[i - 1], toks[i]) in FINAL_BIGRAMS or (toks[i - 1], toks[i]) in FAILURE
            ) and (i + 1 == n or infos[i + 1] is None):
                deficit = True  # "ik ben op", "het onderhoud blijft uit"
            elif restrictive:
                deficit = True
            elif toks[i] in NOW and prev is None and wished < clause_of[j] and clause_of[j] not in toned:
                deficit = True  # "graag meer groen, nu is alles steen": the lack behind the wish
            elif toks[i] in TIME and any(
                (toks[i - d] in DURATION or (toks[i - d] == LASTING and clause_of[j] not in living))
                and all(infos[i - e] is not None for e in range(1, d + 1))
                for d in range(1, min(TIME_REACH, i) + 1)
            ):
                deficit = True  # "het duurt een half jaar": waiting; "al een jaar": lasting
            elif prev is not None and (toks[i - 1], toks[i]) in PRAISE:
                items.append((PRAISE_VALUE, j, "praise"))  # "houden zo!"
            elif i >= 2 and prev is not None and infos[i - 2] is not None and (toks[i - 2], toks[i - 1], toks[i]) in KEEP_IT:
                items.append((PRAISE_VALUE, j, "praise"))  # "hou het zo!"
            elif i in no_fault:
                items.append((PRAISE_VALUE, j, "praise"))  # "niks op aan te merken"
            elif toks[i] == AGAIN and clause_of[j] in regain and not (i + 1 < n and toks[i + 1] == "een") and any(
                toks[i - d] in ABLE and all(infos[i - e] is not None for e in range(1, d + 1))
                for d in range(1, min(3, i) + 1)
            ):
                items.append((PRAISE_VALUE, j, "praise"))  # "nu durf ik weer 's avonds te lopen"
            if deficit:
                items.append((DEFICIT, j, "lack"))
            if info.negator or (toks[i] in SCARCE and not deficit):
                following = []
                for k in range(i + 1, min(n, i + 1 + (NEGATION_SCOPE if info.negator else REDUCER_SCOPE))):
                    if infos[k] is None or infos[k].but:  # a contrast ends the negation ("niet X, maar Y")
                        break
                    following.append(infos[k])
                alone = not following and not (i >= 2 and infos[i - 1] is not None and infos[i - 2] is not None)
                group = ((before1 == RELATIVE or before1 == WITH) and before2 in PEOPLE) or i in group_clause
                group = group or before1 in NO_NEED or (
                    before2 in NO_NEED and infos[i - 1] is not None and infos[i - 2] is not None
                )  # "het hoeft niet", "dan hoeven we niet ...": no need, no lack
                # "ouderen die niet ...", "mensen met weinig geld", "voor ouderen die hun tuin niet kunnen bijhouden"
                if not alone and not group and i not in fault_negators and not any(
                    (f.polarity is not None and i + 1 + d not in described) or f.no_opinion for d, f in enumerate(following)
                ):  # a tone word that describes whom it is for does not take up a negation
                    items.append((DEFICIT, j, "lack"))  # "kan niet betalen", "weinig tijd": a lack
                # "Niets.", "weet niet", "geen": a short answer that ends in a negator gives no opinion
            if i in past_at and clause_of[j] not in toned:  # "vroeger liep de politie nog door de straten": a loss
                items.append((DEFICIT, j, "lack"))
        if len(words) <= SHORT_ANSWER and (
            (any(w in KNOW for w in words) and any(f is not None and f.negator for f in infos))
            or any(w in SAY and i and toks[i - 1] == "te" for i, w in enumerate(toks))
        ):
            return 0.0  # "weet ik niet", "ik weet het niet zo goed", "moeilijk te zeggen": no opinion
        # a positive word in a wish describes what is wished ("het zou fijn zijn als ..."); a proposal counts only
        # its clear complaints
        # a stated lack inside what is wished is part of the wish ("graag een zebrapad zodat kinderen niet hoeven te
        # rennen")
        items = [
            (v, jj) for v, jj, kind in items
            if not (kind == "tone" and v > 0 and (clause_of[jj] in wish or jj > awaited.get(clause_of[jj], n)))
            and not (proposal and v > STRONG_COMPLAINT)
            and not (kind == "lack" and (jj in scope or jj >= purpose_from.get(clause_of[jj], n)))
        ]
        # "mooi, maar de bus rijdt niet meer": what comes before the last "maar" weighs less
        weights = [BEFORE_BUT_WEIGHT if jj < last_but else 1.0 for _v, jj in items]
        total = sum(weights)
        return sum(v * w for (v, _j), w in zip(items, weights)) / total if total else 0.0

    def _phrases_at(self, stems: list[str], clauses: list[int], anchors: list[int], table: dict) -> list[tuple[int, int, int]]:
        """Phrases of ``table`` around the anchor words: (keyword index, first word, last word)."""
        found = []
        for j in anchors:
            for ki, phrase, anchor in table[stems[j]]:
                lowest = max(0, j - anchor * (PHRASE_GAP + 1))
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
            if tok in BOUNDARY:
                n += 1
            else:
                words.append(tok)
                clauses.append(n)
        stems = [self._word(w).stem for w in words]
        anchors = [j for j, s in enumerate(stems) if s in self._phrases]
        out = []
        for ki, start, end in self._phrases_at(stems, clauses, anchors, self._phrases):
            negated = any(words[k] in NEGATORS for k in range(max(0, start - NEGATION_SCOPE), start))
            out.append((ki, start, end, negated))
        return out

    def _result(self, strong: set[int], weak: set[int], score: float) -> tuple[list[str], str]:
        chosen = strong or weak  # weak keywords count only when nothing else explains the answer
        tone = "negatief" if score < NEGATIVE_BELOW else "positief" if score > POSITIVE_ABOVE else "neutraal"
        return [self.theme_names[t] for t in sorted(chosen)], tone

    def tag(self, text: str, *, explain: bool = True) -> Tagging:
        """Themes (codebook order), tone and, with ``explain``, the words and the hits that decided."""
        if not text:
            return Tagging([], "neutraal", 0.0)
        strong, weak, toks, score, cancelled = self._analyse(text)
        themes, tone = self._result(strong, weak, score)
        if not explain:
            return Tagging(themes, tone, round(score, 3))
        words = [t for t in toks if t not in BOUNDARY]
        hits: list[Hit] = []
        last_negator = -99
        i = 0
        for tok in toks:
            if tok in BOUNDARY:
                last_negator = -99
                continue
            info = self._word(tok)
            for ti, ki, via, part in info.themes:
                if (i, ti) not in cancelled:
                    hits.append(Hit(self.theme_names[ti], self.keywords[ki], i, i, i - last_negator <= NEGATION_SCOPE, via, part))
            if info.negator:
                last_negator = i
            i += 1
        for ki, start, end, negated in self._phrase_hits(toks):
            hits.append(Hit(self.theme_names[self._keyword_theme[ki]], self.keywords[ki], start, end, negated, "phrase"))
        if self._ages:
            for age in ages_in(text[:MAX_CHARS].lower()):
                for ki, low, high in self._ages:
                    if low <= age <= high:
                        hits.append(Hit(self.theme_names[self._keyword_theme[ki]], self.keywords[ki], -1, -1, False, "age"))
        hits = [h for h in hits if h.theme in themes]
        return Tagging(themes, tone, round(score, 3), words, hits)

    def tag_many(self, texts: Iterable[str]) -> pd.DataFrame:
        """Tag many answers at once: columns ``themes`` (names joined with ``"; "``), ``tone``, ``score``.

        Same rules as ``tag``, computed over all words of all answers with numpy (``lib.themes.bulk``;
        a distinct word is looked up once). ``TaggerPool`` spreads very large batches over processes.
        """
        return bulk_tag_many(self, texts)

    def keyword_hits(self, texts: Iterable[str]) -> dict[str, int]:
        """How many answers each keyword hits (for the codebook page)."""
        counts = dict.fromkeys(self.keywords, 0)
        for text in texts:
            t = self.tag(text, explain=True)
            for kw in {h.keyword for h in t.hits}:
                counts[kw] += 1
        return counts



NO_OPINION = frozenset(
    {"opmerking", "opmerkingen", "mening", "idee", "commentaar", "aanvulling", "aanvullingen", "suggestie",
     "suggesties", "vragen", "bijzonderheden", "toevoeging", "toevoegingen", "reactie", "antwoord", "punten", "punt",
     "zeggen", "toepassing", "bijzonders", "ervaring", "ervaringen", "oordeel",
     "verstand", "voorkeur", "bezwaar", "bezwaren", "interesse"}
)
"""After a negator these state no opinion ("geen opmerkingen", "geen idee"), not a lack."""
_DIMINUTIVE_ENDINGS = frozenset({"je", "jes", "tje", "tjes", "pje", "pjes", "etje", "etjes"})
_DIMINUTIVE = re.compile(r"(?:etjes|etje|tjes|tje|pjes|pje|jes|je)$")


def _diminutive_base(word: str) -> str | None:
    """The word a diminutive is made of (``speelpleintjes`` -> ``speelplein``, ``bankje`` -> ``bank``), or None."""
    m = _DIMINUTIVE.search(word)
    if not m:
        return None
    base = word[: m.start()]
    if m.group(0).startswith("e") and len(base) >= 2 and base[-1] == base[-2]:
        base = base[:-1]  # "balletje" -> "bal", "karretje" -> "kar"
    return base if len(base) >= 4 else None


def _diminutive_bases(word: str) -> list[str]:
    """Every word a diminutive may be made of, for its tone (``complimentje`` -> ``compliment``, ``probleempje`` ->
    ``probleem``, ``balletje`` -> ``bal``)."""
    bases = []
    for ending in ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if ending.startswith("e") and len(base) >= 2 and base[-1] == base[-2]:
                base = base[:-1]
            if len(base) >= 4:
                bases.append(base)
    return bases


def _word_positions(infos: list) -> list[tuple[int, int]]:
    """(token index, word index) of the words (not the clause boundaries) of an answer."""
    out, j = [], 0
    for k, info in enumerate(infos):
        if info is not None:
            out.append((k, j))
            j += 1
    return out


def _described(toks: list[str], infos: list, i: int) -> bool:
    """Word ``i`` is part of a phrase that says whom or what something is for or about (*whom it is for*,
    ``lib.themes.tone``): up to ``GROUP_REACH`` words back, over articles and attributive adjectives only, stands
    "voor", "over" or "tegen", or a link ("met", "van", "uit") after a word for people, or one ("bij", "met", "van")
    after a word of help or of a topic ("mensen met financiële problemen", "hulp bij schulden")."""
    for k in range(1, GROUP_REACH + 1):
        p = i - k
        if p < 0 or infos[p] is None:
            return False
        w = toks[p]
        if w in ABOUT:
            return True
        if p and infos[p - 1] is not None and (
            (w in GROUP_LINK and toks[p - 1] in PEOPLE) or (w in TOPIC_LINK and toks[p - 1] in TOPIC)
        ):
            return True
        if not (w in ABOUT_GAP or attributive(w)):
            return False
    return False


def _negated_in_clause(infos: list, i: int) -> bool:
    """A negator among the ``NEGATION_SCOPE`` words, or a reducer among the ``REDUCER_SCOPE`` words, before word
    ``i`` in the same clause and with no "maar" in between (*contrast ends a negation*, ``lib.themes.tone``)."""
    for k in range(i - 1, max(-1, i - 1 - max(NEGATION_SCOPE, REDUCER_SCOPE)), -1):
        info = infos[k]
        if info is None or info.but:
            return False
        if info.flip and (i - k <= NEGATION_SCOPE or info.reducer):
            return True
    return False


def _match_phrase(stems: list[str], clause: list[int], start: int, phrase: tuple[str, ...]) -> int | None:
    """Index of the last word when ``phrase`` matches from ``start`` (gaps allowed, same clause), else None."""
    pos = start
    for part in phrase[1:]:
        for nxt in range(pos + 1, min(len(stems), pos + 2 + PHRASE_GAP)):
            if clause[nxt] != clause[start]:
                return None
            if stems[nxt] == part:
                pos = nxt
                break
        else:
            return None
    return pos



def marked_text(tagging: Tagging, text: str) -> str:
    """The answer as plain text with the words of each hit between ⟦ ⟧, at the place they hit (a phrase as one
    span: ⟦de zorg⟧); other occurrences of the same word stay unmarked. Safe: shown with st.text, never as markup."""
    spans = sorted({(h.start, h.end) for h in tagging.hits if h.start >= 0})
    if not spans:
        return text
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: positions would shift
        lowered = text
    # the same words as ``tokenize``: letters and apostrophes, punctuation (also ".") separates
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(lowered[:MAX_CHARS]) if m.group(0).strip("'’")]
    words = [(a + len(lowered[a:b]) - len(lowered[a:b].lstrip("'’")), b - len(lowered[a:b]) + len(lowered[a:b].rstrip("'’")))
             for a, b in words]
    merged: list[list[int]] = []
    for start, end in spans:
        if end >= len(words):
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        a, b = words[start][0], words[end][1]
        out += [text[pos:a], "⟦", text[a:b], "⟧"]
        pos = b
    out.append(text[pos:])
    return "".join(out)


_WORD_RE = re.compile(r"[a-zà-öø-ÿĳ'’]+")


def split_themes(value: str) -> list[str]:
    """``"A; B"`` -> ``["A", "B"]``."""
    return [t.strip() for t in str(value).split(";") if t.strip()] if value else []


from lib.themes.pool import TaggerPool  # noqa: E402  (re-exported: callers import it from here)
