"""The bulk path: tag many answers at once with pyarrow tokenising and numpy over all words.

Same rules as ``Tagger.tag`` (``tests/test_tagger.py`` checks that both give the same result).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lib.themes.ages import MAY_STATE_AGE, ages_in
from lib.themes.rules import (
    BEFORE_BUT_WEIGHT, BOUNDARY, COMPLAINT_BIGRAMS, DEFICIT, FINAL_BIGRAMS, MAX_CHARS, NEGATION_FACTOR, NEGATIVE_BELOW,
    PHRASE_GAP, POSITIVE_ABOVE, PUNCT_RE, SEPARATOR_RE,
)
from lib.themes.textnlp import NEGATION_SCOPE, NEGATORS, REDUCER_SCOPE
from lib.themes.tone import (
    ABLE, ABOUT, ABOUT_GAP, AGAIN, AMOUNT, AWAIT, AWAIT_LINK, COMPARE, DELAY, DEMAND, DURATION, FAILURE, FAULT_GAP,
    FULL, GROUP_CLAUSE, GROUP_LINK, GROUP_REACH, INFINITIVE, KEEP_IT, KNOW, LASTING, LIVING, MORE, NOTHING, NOW,
    NO_FAULT, NO_NEED, PAST, PEOPLE, PRAISE, PRAISE_VALUE, PROPOSAL, PROPOSE_VERB, PURPOSE, PURPOSE_PAIR, RELATIVE,
    RELIEF, SAY, SCARCE, SHORT_ANSWER, SINCE, STRONG_COMPLAINT, TIME, TIME_REACH, TOPIC, TOPIC_LINK, WISH, WITH,
    attributive,
)

if TYPE_CHECKING:
    from lib.themes.tagger import Tagger


def tag_many(self: Tagger, texts: Iterable[str]) -> pd.DataFrame:
    """``Tagger.tag_many``: columns ``themes`` (names joined with ``"; "``), ``tone``, ``score``.

    Same rules as ``Tagger.tag``, computed over all words of all answers with numpy (a distinct word
    is looked up once through ``Tagger._word``).
    """
    given = [t if isinstance(t, str) else "" for t in texts]
    positions: dict[str, int] = {}
    back = np.fromiter((positions.setdefault(t, len(positions)) for t in given), dtype=np.int64, count=len(given))
    if len(positions) < len(given):  # tag each distinct answer once
        return tag_many(self, list(positions)).iloc[back].reset_index(drop=True)
    originals = given
    n = len(originals)
    if n == 0:
        return pd.DataFrame({"themes": pd.Series(dtype=str), "tone": pd.Series(dtype=str), "score": pd.Series(dtype=float)})
    clipped = [t[:MAX_CHARS] for t in originals]
    codes, uniques, answer, lowered = tokenize_all(clipped)
    lengths = np.bincount(answer, minlength=n)
    u_info = [None if tok in BOUNDARY else self._word(tok) for tok in uniques]
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
    no_opinion_u = np.zeros(m, dtype=bool)
    but_u = np.zeros(m, dtype=bool)
    flip_u = np.zeros(m, dtype=bool)
    reducer_u = np.zeros(m, dtype=bool)
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
        en_u[k] = tok.endswith(INFINITIVE)
        no_opinion_u[k] = info.no_opinion
        but_u[k] = info.but
        flip_u[k] = info.flip
        reducer_u[k] = info.reducer
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
            np.copyto(out, fill, where=~same)
        return out

    # a negation reaches over the words of its clause up to a "maar" (*contrast ends a negation*): a segment is a
    # clause cut before each "maar"
    segment = np.cumsum(new_answer | np.r_[False, boundary[:-1]] | but_u[codes]) if len(codes) else clause
    flip = flip_u[codes] & ~boundary
    negated = np.zeros(len(codes), dtype=bool)
    for k in range(1, NEGATION_SCOPE + 1):
        if len(codes) > k:
            negated[k:] |= flip[:-k] & (segment[k:] == segment[:-k])
    reducers = np.flatnonzero(reducer_u[codes] & ~boundary)
    for k in range(NEGATION_SCOPE + 1, REDUCER_SCOPE + 1):  # only where a reducer is (rare): by position
        target = reducers + k
        target = target[target < len(codes)]
        origin = target - k
        same = segment[target] == segment[origin]
        for d in range(1, k):  # a boundary in between ends the scope
            same &= ~boundary[origin + d]
        negated[target[same]] = True
    # a boundary between the negator and the word ends the scope: clause ids already differ then
    has_pol = ~np.isnan(pol)
    # the tone rules of ``lib.themes.tone``: one bit per word class, evaluated where those (mostly rare) words are
    N = len(codes)
    index = {tok: k for k, tok in enumerate(uniques)}
    rule = _rule_bits(index, boundary_u, but_u)[codes]

    def near(pos, k, bit):
        """At ``pos``: the word ``k`` places away (before when negative) is of class ``bit``, in the same clause."""
        q = pos + k
        ok = (q >= 0) & (q < N)
        q = np.where(ok, q, pos)
        return ok & ((rule[q] & bit) != 0) & (clause[q] == clause[pos])

    anchors = np.flatnonzero(rule & _ANCHORS)  # the rare words that start a rule, found in one pass

    def where_(bit):
        return anchors[(rule[anchors] & bit) != 0]

    n_clauses = int(clause.max()) + 1 if N else 0

    def marked(positions, size, of):
        """Per clause or answer (``of``): holds one of ``positions``."""
        out = np.zeros(size, dtype=bool)
        out[of[positions]] = True
        return out

    def word_at(pos, ref):
        ok = (pos >= 0) & (pos < N)
        pos = np.clip(pos, 0, N - 1)
        return ok & (clause[pos] == clause[ref]) & ~boundary[pos]

    def in_scope(pos, ref):
        """``word_at`` for the words after a negator: its scope ends at a "maar" too."""
        ok = (pos >= 0) & (pos < N)
        pos = np.clip(pos, 0, N - 1)
        return ok & (segment[pos] == segment[ref]) & ~boundary[pos]

    values = pol * before(int_u[codes], 1, 1.0) * np.where(negated, NEGATION_FACTOR, 1.0)
    tone_at = np.flatnonzero(has_pol)  # the tone words
    relief = where_(_RELIEF)
    relief = relief[has_pol[relief] & marked(where_(_DEMAND), n_clauses, clause)[clause[relief]]]
    values[relief] = -values[relief]  # "er moet eindelijk ...": a demand
    past = where_(_PAST)
    past = past[~near(past, -1, _COMPARE)]  # not "dan vroeger"
    if len(past):  # "vroeger was het gezellig": a loss now
        turned = tone_at[marked(past, n_clauses, clause)[clause[tone_at]]]
        values[turned] *= NEGATION_FACTOR
    thanked = tone_at[(values[tone_at] > 0) & near(tone_at, 1, _VOOR) & near(tone_at, 2, _NOTHING)]
    values[thanked] = -values[thanked]  # "bedankt voor niks": blame
    prev_te = before(te_u[codes], 1, False)
    lexical = has_pol.copy()
    lexical[tone_at[prev_te[tone_at] & (pol[tone_at] > 0)]] = False  # "te snel" is an excess, a lack
    other = ~lexical  # words that may state a lack

    def described_at(pos):
        """At ``pos``: part of a phrase that says whom or what something is for (``Tagger``'s ``_described``): up to
        ``GROUP_REACH`` words back over articles and attributive adjectives, "voor"/"over"/"tegen" or a link after a
        word for people or of help."""
        about = np.zeros(len(pos), dtype=bool)
        alive = np.ones(len(pos), dtype=bool)
        for k in range(1, GROUP_REACH + 1):
            ok = alive & near(pos, -k, _WORD)
            bits = rule[np.maximum(pos - k, 0)]
            anchor = (bits & _ABOUT) != 0
            anchor |= ((bits & _GROUP_LINK) != 0) & near(pos, -k - 1, _PEOPLE)
            anchor |= ((bits & _TOPIC_LINK) != 0) & near(pos, -k - 1, _TOPIC)
            about |= ok & anchor
            alive = ok & ((bits & (_ABOUT_GAP | _ATTRIBUTIVE)) != 0)
        return about

    # the words of a relative clause after a described group ("voor mensen die zich eenzaam voelen")
    group_clause = np.zeros(N, dtype=bool)
    dies = np.flatnonzero((rule & _DIE) != 0)
    dies = dies[near(dies, -1, _PEOPLE)]
    dies = dies[described_at(dies - 1)]
    alive = np.ones(len(dies), dtype=bool)
    for d in range(1, GROUP_CLAUSE + 1):
        alive &= word_at(dies + d, dies)
        group_clause[dies[alive] + d] = True
    described = np.zeros(N, dtype=bool)
    described[tone_at] = group_clause[tone_at] | described_at(tone_at)
    kept = tone_at[lexical[tone_at] & ~described[tone_at]]  # "voor eenzame ouderen": whom it is for
    items = np.full(N, np.nan)
    items[kept] = values[kept]
    deficit = other & ~boundary & prev_te & ~en_u[codes]
    ends = np.flatnonzero(rule & _PAIR_END)  # the word pairs, checked where their second words are
    ends = ends[other[ends] & near(ends, -1, _WORD)]
    pair = codes[ends - 1] * m + codes[ends]  # one number per word pair
    wanted = [index[a] * m + index[b] for a, b in COMPLAINT_BIGRAMS | DELAY | FULL if a in index and b in index]
    living = marked(np.flatnonzero((rule & _LIVING) != 0), n_clauses, clause)  # "ik woon hier al jaren": no lack
    lasting_pair = (codes[ends - 1] == index.get(LASTING, -1)) & living[clause[ends]]
    deficit[ends[np.isin(pair, wanted) & ~lasting_pair]] = True  # "al jaren", "pas na een uur", "altijd vol"
    final = [index[a] * m + index[b] for a, b in FINAL_BIGRAMS | FAILURE if a in index and b in index]
    deficit[ends[np.isin(pair, final) & ~word_at(ends + 1, ends)]] = True  # "ik ben op", "blijft uit" ending a clause
    buts = where_(_BUT)
    restrictive = buts[near(buts, -1, _NOG) | near(buts, 1, _AMOUNT)]  # "nog maar één keer per uur"
    deficit[restrictive] |= other[restrictive]
    opening = where_(_WISH | _MORE)
    opening = opening[((rule[opening] & _WISH) != 0) | ~near(opening, -1, _WORD)]  # a wish word, or "meer" opening
    wished = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(wished, answer[opening], clause[opening])  # the first clause with a wish, per answer
    now = where_(_NOW)
    now = now[~near(now, -1, _WORD) & (wished[answer[now]] < clause[now]) & other[now]]
    now = now[~marked(tone_at, n_clauses, clause)[clause[now]]]
    deficit[now] = True  # "graag meer groen, nu is alles steen": the lack behind the wish
    times = where_(_TIME)
    times = times[other[times]]
    waiting = np.zeros(len(times), dtype=bool)
    for d in range(1, TIME_REACH + 1):
        waiting |= near(times, -d, _DURATION) | (near(times, -d, _LASTING) & ~living[clause[times]])
    deficit[times[waiting]] = True  # "het duurt een half jaar": waiting; "al een jaar": lasting
    items = np.where(deficit, DEFICIT, items)
    praised = [index[a] * m + index[b] for a, b in PRAISE if a in index and b in index]
    if praised:  # "houden zo!" (checked where the pairs' second words are)
        at = where_(_PRAISE_END)
        at = at[other[at] & ~deficit[at] & near(at, -1, _WORD) & np.isin(codes[at - 1] * m + codes[at], praised)]
        items[at] = PRAISE_VALUE
    keep = [(index[a], index[b], index[c]) for a, b, c in KEEP_IT if a in index and b in index and c in index]
    if keep:  # "hou het zo!"
        at = where_(_PRAISE_END)
        at = at[other[at] & ~deficit[at] & np.isnan(items[at]) & near(at, -1, _WORD) & near(at, -2, _WORD)]
        hit = np.zeros(len(at), dtype=bool)
        for a, b, c in keep:
            hit |= (codes[at - 2] == a) & (codes[at - 1] == b) & (codes[at] == c)
        items[at[hit]] = PRAISE_VALUE
    # *no fault*: "niks (op) aan te merken" is praise (at "merken"), its negator or "weinig" states no lack
    fault_negator = np.zeros(N, dtype=bool)
    at = where_(_FAULT_END)
    a, t = index.get(NO_FAULT[0], -1), index.get(NO_FAULT[1], -1)
    at = at[other[at] & ~deficit[at] & np.isnan(items[at]) & near(at, -1, _WORD) & near(at, -2, _WORD)]
    at = at[(codes[at - 1] == t) & (codes[at - 2] == a)]
    if len(at):
        found = np.zeros(len(at), dtype=bool)
        for d in (3, 4):
            hit = ~found & near(at, -d, _NEGATOR | _SCARCE) & (d == 3 or near(at, -3, _FAULT_GAP))
            fault_negator[at[hit] - d] = True
            found |= hit
        items[at[found]] = PRAISE_VALUE
    at = where_(_AGAIN)  # *regained*: "nu durf ik weer 's avonds te lopen"
    if len(at):
        at = at[other[at] & ~deficit[at] & np.isnan(items[at])]
        able = np.zeros(len(at), dtype=bool)
        for d in (1, 2, 3):
            able |= near(at, -d, _ABLE)
        c = clause[at]
        regain = marked(np.flatnonzero((rule & _SINCE) != 0), n_clauses, clause)[c]
        regain &= ~marked(np.flatnonzero(neg), n_clauses, clause)[c] & ~marked(tone_at, n_clauses, clause)[c]
        again = ~(near(at, 1, _WORD) & (codes[np.minimum(at + 1, N - 1)] == index.get("een", -1)))
        items[at[able & regain & again]] = PRAISE_VALUE
    absorbs = (has_pol & ~described) | no_opinion_u[codes]  # "geen opmerkingen" states no lack
    at = np.flatnonzero(neg)  # a negator with no tone word after it (checked where negators are)
    absorbed = np.zeros(len(at), dtype=bool)
    for d in range(1, NEGATION_SCOPE + 1):
        absorbed |= in_scope(at + d, at) & absorbs[np.clip(at + d, 0, N - 1)]
    at = at[~absorbed]
    unused_negator = np.zeros(N, dtype=bool)
    unused_negator[at] = True
    # "Niets.", "weet niet": a short clause that ends in a negator states no lack
    if len(at):
        alone = ~in_scope(at + 1, at) & ~(word_at(at - 1, at) & word_at(at - 2, at))
        group = near(at, -1, _DIE | _WITH) & near(at, -2, _PEOPLE)  # "ouderen die niet ...", "mensen met weinig geld"
        group |= group_clause[at] | near(at, -1, _NO_NEED) | near(at, -2, _NO_NEED)  # "hoeven we niet": no lack
        unused_negator[at[alone | group]] = False
    unused_negator &= ~fault_negator
    lacks = unused_negator.astype(float)
    at = where_(_SCARCE)
    at = at[~deficit[at]]  # "weinig tijd": "weinig" with no tone word after it
    if len(at):
        absorbed = np.zeros(len(at), dtype=bool)
        reach = np.ones(len(at), dtype=bool)
        for d in range(1, REDUCER_SCOPE + 1):
            reach &= in_scope(at + d, at)
            absorbed |= reach & absorbs[np.clip(at + d, 0, N - 1)]
        alone = ~in_scope(at + 1, at) & ~(word_at(at - 1, at) & word_at(at - 2, at))
        group = near(at, -1, _DIE | _WITH) & near(at, -2, _PEOPLE) | group_clause[at] | near(at, -1, _NO_NEED)
        group |= near(at, -2, _NO_NEED)
        lacks[at[~absorbed & ~alone & ~group & ~fault_negator[at]]] += 1
    lacks[past[~marked(tone_at, n_clauses, clause)[clause[past]]]] += 1  # "vroeger liep de politie nog ...": a loss
    # a positive word in a wish describes what is wished; a proposal counts only its clear complaints
    wishes = where_(_WISH)
    wish = marked(wishes, n_clauses, clause)[clause[tone_at]] & (items[tone_at] > 0)
    items[tone_at[wish]] = np.nan
    awaits, links = where_(_AWAIT), where_(_AWAIT_LINK)
    if len(awaits) and len(links):  # "het duurt een half jaar voordat je geholpen wordt": what is awaited
        big = np.iinfo(np.int64).max
        first_await = np.full(n_clauses, big)
        np.minimum.at(first_await, clause[awaits], awaits)
        links = links[first_await[clause[links]] < links]
        first_link = np.full(n_clauses, big)
        np.minimum.at(first_link, clause[links], links)
        awaited = (tone_at > first_link[clause[tone_at]]) & (items[tone_at] > 0)
        items[tone_at[awaited]] = np.nan
    if len(wishes):  # a stated lack from a clause's first wish word up to a "maar" is part of the wish
        big = np.iinfo(np.int64).max
        first_wish = np.full(n_clauses, big)
        np.minimum.at(first_wish, clause[wishes], wishes)
        contrasts = np.setdiff1d(buts, restrictive)
        contrasts = contrasts[first_wish[clause[contrasts]] < contrasts]
        cut = np.full(n_clauses, big)
        np.minimum.at(cut, clause[contrasts], contrasts)
        stated = np.flatnonzero(deficit | (lacks > 0))
        c = clause[stated]
        stated = stated[(first_wish[c] < stated) & (stated < cut[c])]
        items[stated] = np.nan
        lacks[stated] = 0.0
    purposes = where_(_PURPOSE)
    purposes = purposes[((rule[purposes] & _PURPOSE_WORD) != 0) | near(purposes, 1, _PURPOSE_END)]
    if len(purposes):  # "zodat kinderen niet de weg op rennen": a stated lack after it says what it is for
        first_purpose = np.full(n_clauses, np.iinfo(np.int64).max)
        np.minimum.at(first_purpose, clause[purposes], purposes)
        stated = np.flatnonzero(deficit | (lacks > 0))
        stated = stated[stated >= first_purpose[clause[stated]]]
        items[stated] = np.nan
        lacks[stated] = 0.0
    proposals = where_(_PROPOSAL)
    verbs = where_(_PROPOSE_VERB)
    proposals = np.r_[proposals, verbs[near(verbs, 1, _VOOR)]]
    if len(proposals):
        in_proposal = marked(proposals, n, answer)[answer]
        items[in_proposal & (items > STRONG_COMPLAINT)] = np.nan
        if DEFICIT > STRONG_COMPLAINT:
            lacks[in_proposal] = 0.0
    but = np.zeros(N, dtype=bool)
    but[buts] = True
    but[restrictive] = False
    # what comes before the last "maar" of an answer weighs less
    weight = np.ones(len(codes))
    buts = np.flatnonzero(but)
    if len(buts):
        last_but = np.full(n, -1)
        np.maximum.at(last_but, answer[buts], buts)
        weight = np.where(np.arange(len(codes)) < last_but[answer], BEFORE_BUT_WEIGHT, 1.0)
    sums = np.bincount(answer, weights=(np.nan_to_num(items) + lacks * DEFICIT) * weight, minlength=n)
    counts = np.bincount(answer, weights=(~np.isnan(items) + lacks) * weight, minlength=n)
    scores = np.divide(sums, counts, out=np.zeros(n), where=counts > 0)
    know, say = where_(_KNOW), where_(_SAY)
    if len(know) or len(say):  # "weet ik niet", "ik weet het niet zo goed", "moeilijk te zeggen": no opinion
        knowing = marked(know, n, answer) & marked(np.flatnonzero(neg), n, answer) | marked(say[prev_te[say]], n, answer)
        words = lengths - np.bincount(answer[np.flatnonzero(boundary)], minlength=n)
        scores[knowing & (words <= SHORT_ANSWER)] = 0.0
    strong = np.zeros(n, dtype=np.int64)
    weak = np.zeros(n, dtype=np.int64)
    nonempty = lengths > 0
    stem_code = None
    if (self._phrases or self._exclusions) and len(codes):
        stem_u = np.array(["" if info is None else info.stem for info in u_info], dtype=object)
        stem_codes_u, stem_uniques = pd.factorize(stem_u, sort=False)
        stem_index = {st: k for k, st in enumerate(stem_uniques)}
        stem_code = np.where(boundary, -1, stem_codes_u[codes])
        stem_dtype = np.uint16 if len(stem_uniques) < 1 << 16 else np.int64  # candidates are never -1

    def phrase_matches(table):
        """(keyword index, first positions, last positions) of every phrase of ``table`` over all words at once
        (parts in order, small gaps, one clause)."""
        found = []
        is_part = np.zeros(len(stem_uniques) + 1, dtype=bool)  # the last place: boundaries (stem code -1)
        is_part[[stem_index[p] for e in table.values() for _k, ph, _a in e for p in ph if p in stem_index]] = True
        candidates = np.flatnonzero(is_part[stem_code])
        # positions of phrase parts by stem (a stable sort of small integers is a radix sort)
        order = candidates[np.argsort(stem_code[candidates].astype(stem_dtype), kind="stable")]
        sorted_codes = stem_code[order]

        def positions(code: int) -> np.ndarray:
            lo, hi = np.searchsorted(sorted_codes, [code, code + 1])
            return order[lo:hi]

        for entries in table.values():
            for ki, phrase, _anchor in entries:
                wanted = [stem_index.get(p, -2) for p in phrase]
                if -2 in wanted:
                    continue
                pos = positions(wanted[0])
                origin = pos
                for part in wanted[1:]:
                    if not len(pos):
                        break
                    later = positions(part)
                    if not len(later):
                        pos = later
                        break
                    # the nearest occurrence after each position: within the gap and in the same clause
                    nxt = later[np.minimum(np.searchsorted(later, pos, side="right"), len(later) - 1)]
                    hit = (nxt > pos) & (nxt - pos <= PHRASE_GAP + 1) & (clause[nxt] == clause[pos])
                    origin, pos = origin[hit], nxt[hit]
                if len(pos):
                    found.append((ki, origin, pos))
        return found

    if len(codes):
        token_strong, token_weak = strong_u[codes], weak_u[codes]
        if self._exclusions:  # "!kinderen wonen": the theme's word hits inside the phrase do not count
            token_strong, token_weak = token_strong.copy(), token_weak.copy()
            for ki, origin, pos in phrase_matches(self._exclusions):
                keep = ~np.int64(1 << self._keyword_theme[ki])
                for a, b in zip(origin.tolist(), pos.tolist()):
                    token_strong[a : b + 1] &= keep
                    token_weak[a : b + 1] &= keep
        starts = np.r_[0, np.cumsum(lengths)[:-1]][nonempty]
        strong[nonempty] = np.bitwise_or.reduceat(token_strong, starts)
        weak[nonempty] = np.bitwise_or.reduceat(token_weak, starts)
    if self._phrases and len(codes):
        for ki, _origin, pos in phrase_matches(self._phrases):
            bit = np.int64(1 << self._keyword_theme[ki])
            target = weak if ki in self._weak else strong
            target[np.unique(answer[pos])] |= bit
    if self._ages:
        # only answers that match the loose age pattern can state an age (pyarrow regex over all at once)
        import pyarrow.compute as pc

        maybe = pc.match_substring_regex(lowered, MAY_STATE_AGE).to_numpy(zero_copy_only=False)
        for a in np.flatnonzero(maybe):
            for age in ages_in(clipped[a].lower()):
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
    tones = np.where(scores < NEGATIVE_BELOW, "negatief", np.where(scores > POSITIVE_ABOVE, "positief", "neutraal"))
    return pd.DataFrame({"themes": themes, "tone": tones, "score": np.round(scores, 3)})


_WORD, _RELIEF, _DEMAND, _PAST, _COMPARE, _SCARCE, _ABOUT, _ABOUT_GAP, _WITH, _PEOPLE, _BUT, _NOG, _AMOUNT, _WISH, \
    _PROPOSAL, _PROPOSE_VERB, _VOOR, _KNOW, _SAY, _MORE, _NOW, _DIE, _PRAISE_END, _PAIR_END, _GROUP_LINK, _TOPIC, \
    _TOPIC_LINK, _ATTRIBUTIVE, _NO_NEED, _DURATION, _TIME, _AWAIT, _AWAIT_LINK, _NOTHING, _FAULT_END, _NEGATOR, \
    _FAULT_GAP, _LASTING, _LIVING, _AGAIN, _ABLE, _SINCE, _PURPOSE, _PURPOSE_WORD, _PURPOSE_END = (
        1 << k for k in range(45))
_ANCHORS = (_RELIEF | _DEMAND | _PAST | _SCARCE | _BUT | _WISH | _PROPOSAL | _PROPOSE_VERB | _KNOW | _SAY | _MORE | _NOW
            | _PRAISE_END | _TIME | _AWAIT | _AWAIT_LINK | _FAULT_END | _AGAIN | _PURPOSE)
"""The classes whose words start a rule (the others are only looked at beside them)."""
_CLASSES = (
    (_RELIEF, RELIEF), (_DEMAND, DEMAND), (_PAST, PAST), (_COMPARE, COMPARE), (_SCARCE, SCARCE), (_ABOUT, ABOUT),
    (_ABOUT_GAP, ABOUT_GAP), (_WITH, {WITH}), (_PEOPLE, PEOPLE), (_NOG, {"nog"}), (_AMOUNT, AMOUNT),
    (_WISH, WISH), (_PROPOSAL, PROPOSAL), (_PROPOSE_VERB, PROPOSE_VERB),
    (_VOOR, {"voor"}), (_KNOW, KNOW), (_SAY, SAY), (_MORE, MORE), (_NOW, NOW), (_DIE, {RELATIVE}),
    (_PRAISE_END, {b for _a, b in PRAISE} | {c for _a, _b, c in KEEP_IT}),
    (_DURATION, DURATION), (_TIME, TIME), (_AWAIT, AWAIT), (_AWAIT_LINK, AWAIT_LINK), (_NOTHING, NOTHING),
    (_FAULT_END, {NO_FAULT[-1]}), (_NEGATOR, NEGATORS), (_FAULT_GAP, FAULT_GAP),
    (_LASTING, {LASTING}), (_LIVING, LIVING), (_AGAIN, {AGAIN}), (_ABLE, ABLE), (_SINCE, SINCE),
    (_PURPOSE, PURPOSE | {PURPOSE_PAIR[0]}), (_PURPOSE_WORD, PURPOSE), (_PURPOSE_END, {PURPOSE_PAIR[1]}),
    (_PAIR_END, {b for _a, b in COMPLAINT_BIGRAMS | DELAY | FULL | FINAL_BIGRAMS | FAILURE}),
    (_GROUP_LINK, GROUP_LINK), (_TOPIC, TOPIC), (_TOPIC_LINK, TOPIC_LINK), (_NO_NEED, NO_NEED),
)


def _rule_bits(index: dict[str, int], boundary_u: np.ndarray, but_u: np.ndarray) -> np.ndarray:
    """Per distinct token (``index``: token -> its number): the bits of the tone-rule word classes it belongs to
    (``_WORD`` for every word, ``_BUT`` for "maar"; 0 for a clause boundary)."""
    bits = (np.where(boundary_u, 0, _WORD) | np.where(but_u, _BUT, 0)).astype(np.int64)
    for bit, words in _CLASSES:
        found = [index[w] for w in words if w in index]
        bits[found] |= bit
    bits[[k for w, k in index.items() if attributive(w)]] |= _ATTRIBUTIVE  # once per distinct word
    return bits


def tokenize_all(texts: list[str]):
    """Tokenize all answers at once in pyarrow (RE2, C++): token codes, the distinct tokens, answer of each token,
    and the answers in lower case as a pyarrow array (a line break written " . ")."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    arr = pc.replace_substring(arr, "\n", " . ")  # a line break ends a clause, and white space is split below
    # split at white space (fast), then split each distinct piece once in Python by the clause marks (PUNCT, each a
    # "." token) and SEPARATOR (digits, hyphens, brackets...): a regex over all words in pyarrow costs several times
    # as much
    parts = pc.utf8_split_whitespace(arr)
    piece_answer = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False).astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(parts))
    piece_codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    token_ids: dict[str, int] = {}
    ids: list[int] = []
    sizes_u = []
    for piece in encoded.dictionary.to_pylist():
        tokens = [t for t in (p.strip("'’") for p in SEPARATOR_RE.split(PUNCT_RE.sub(" . ", piece))) if t]
        ids.extend(token_ids.setdefault(t, len(token_ids)) for t in tokens)
        sizes_u.append(len(tokens))
    sizes_u = np.array(sizes_u, dtype=np.int64)
    offsets_u = np.cumsum(sizes_u) - sizes_u
    sizes = sizes_u[piece_codes] if len(piece_codes) else np.zeros(0, dtype=np.int64)
    total = int(sizes.sum())
    within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    codes = np.array(ids, dtype=np.int64)[np.repeat(offsets_u[piece_codes], sizes) + within] if total else np.zeros(0, dtype=np.int64)
    return codes, list(token_ids), np.repeat(piece_answer, sizes), arr
