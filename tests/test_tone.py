"""Tone rules of ``lib.themes.tone`` (issue 10, item 4): each example failed before its rule, and the single-answer
path (``Tagger.tag``) and the bulk path (``Tagger.tag_many``) give the same tone."""

from __future__ import annotations

import pytest

from lib.themes.codebook import default_codebook
from lib.themes.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(default_codebook())


def _tones(tagger: Tagger, texts: list[str]) -> list[str]:
    single = [tagger.tag(t, explain=False).tone for t in texts]
    assert tagger.tag_many(texts)["tone"].tolist() == single
    return single


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Ik woon hier pas twee maanden", "neutraal"),  # "pas" is not "passé"
        ("Ik vraag aandacht voor de bomen in de straat", "neutraal"),  # "aandacht" is not "aandachtig"
        ("Mevrouw schaamt zich om hulp te vragen", "negatief"),  # a hand-made word reaches its stem: "schaamte"
        ("Dit zijn mooie bankjes", "positief"),  # an inflected form: "mooi"
    ],
)
def test_lexicon_adjectives_reach_their_inflections_only(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]
