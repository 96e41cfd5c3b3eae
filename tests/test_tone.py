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
        ("Laat de kinderen zelf meebeslissen over het plein", "neutraal"),  # "laat" is "let", not "late"
        ("De bus komt vaak te laat", "negatief"),  # a guard: "te laat" is still a lack
        ("Mevrouw schaamt zich om hulp te vragen", "negatief"),  # a hand-made word reaches its stem: "schaamte"
        ("Dit zijn mooie bankjes", "positief"),  # an inflected form: "mooi"
    ],
)
def test_lexicon_adjectives_reach_their_inflections_only(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Het zou fijn zijn als er een moestuin komt", "neutraal"),
        ("Graag een extra bankje bij de bushalte", "neutraal"),
        ("Een buurthuis zou echt nodig zijn", "neutraal"),  # a need is a wish, "nodig" no praise
        ("Is het mogelijk om een extra bushalte te maken?", "neutraal"),
        ("Graag een zebrapad zodat kinderen niet hoeven te rennen", "neutraal"),  # a lack inside what is wished
        ("Ik wil graag sporten maar ik kan het niet betalen", "negatief"),  # the wish ends at "maar" (a guard)
        ("Het park is mooi, ik zou graag meer bomen zien", "positief"),  # the praise stands in its own clause
    ],
)
def test_a_positive_word_in_a_wish_describes_what_is_wished(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Bewoner stelt voor om een buurtfeest te organiseren, gezellig voor iedereen", "neutraal"),
        ("Voorstel: een cursus voor mensen die moeite hebben met de computer", "neutraal"),
        ("Suggestie: een wandelclub voor ouderen die niet meer alleen op pad durven", "neutraal"),
        ("Voorstel: een zebrapad bij de school, oversteken is daar gevaarlijk", "negatief"),  # a clear complaint
    ],
)
def test_a_proposal_is_neutral_unless_it_names_a_clear_complaint(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Vroeger was het hier gezellig", "negatief"),
        ("Vroeger kwam de wijkagent nog langs", "negatief"),
        ("Vroeger was er veel overlast van hangjongeren", "positief"),  # an improvement
        ("Er is minder overlast dan vroeger", "positief"),  # a comparison speaks of now
    ],
)
def test_vroeger_turns_the_tone_of_its_clause_around(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Eindelijk een nieuwe speeltuin", "positief"),
        ("Wanneer komt er eindelijk een zebrapad", "negatief"),
        ("Er moet eindelijk iets gebeuren aan de stoep", "negatief"),
    ],
)
def test_eindelijk_is_relief_or_with_a_modal_a_demand(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Er rijdt nog maar één bus per uur", "negatief"),
        ("De bibliotheek is maar twee dagen per week open", "negatief"),
        ("Het park is mooi, maar de paden zijn slecht", "negatief"),  # a contrast still weighs the last clause
    ],
)
def test_restrictive_maar_states_a_lack(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Ik heb weinig tijd voor mezelf", "negatief"),
        ("Sinds de verhuizing zie ik weinig mensen", "negatief"),
        ("Weinig overlast hier", "positief"),  # with a tone word "weinig" flips it
        ("Minder auto's in de straat", "neutraal"),  # "minder" without a tone word is a wish
    ],
)
def test_weinig_without_a_tone_word_states_a_lack(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Ik weet het niet", "neutraal"),
        ("Weet ik niet", "neutraal"),
        ("Weet ik eigenlijk niet zo goed", "neutraal"),
        ("Moeilijk te zeggen", "neutraal"),
        ("Niet van toepassing", "neutraal"),
        ("Niks bijzonders", "neutraal"),
        ("Daar heb ik nooit over nagedacht", "neutraal"),
        ("Ik weet niet waar ik met mijn vragen terecht kan", "negatief"),  # a longer answer: a lack of information
    ],
)
def test_a_short_answer_that_says_one_does_not_know_gives_no_opinion(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


def test_the_tone_rules_agree_between_the_single_and_the_bulk_path(tagger):
    """Random mixtures of every word of the rules, negators, tone words and clause marks: both paths give the same
    score."""
    import random

    from lib.themes import tone as rules

    words: set[str] = set()
    for value in vars(rules).values():
        if isinstance(value, frozenset):
            for item in value:
                words |= set(item) if isinstance(item, tuple) else {item}
        elif isinstance(value, str) and value.isalpha():
            words.add(value)
        elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
            words |= set(value)
    vocab = sorted(words) + ["niet", "geen", "mooi", "slecht", "overlast", "bus", "de", "is", "opmerkingen", "heel",
                             "al", "jaren", "ben", "op", "minder", "weinig", "te", "snel", "geluidsoverlast", "zo",
                             "maar", "nog", ",", ".", "?", "\n", "wachtlijst", "gevaarlijk", "bedankt",
                             "financiële", "kleine", "eenzame", "complimentje", "half", "jaar", "geholpen", "het"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    bulk = tagger.tag_many(texts)["score"].tolist()
    single = [tagger.tag(t, explain=False).score for t in texts]
    assert [b for b, s in zip(bulk, single) if abs(b - s) > 0.0015] == []

@pytest.mark.parametrize(
    "text,tone",
    [
        ("De auto's rijden hier te snel", "negatief"),  # excess
        ("De ambulance komt pas na een half uur", "negatief"),  # delay (before: right only through "passé")
        ("Het onderhoud van de flat blijft uit", "negatief"),  # failure
        ("Dagactiviteiten voor eenzame ouderen", "neutraal"),  # whom it is for
        ("Voorlichting over eenzaamheid in het buurthuis", "neutraal"),
        ("Ondersteuning voor gezinnen met schulden", "neutraal"),
        ("Een bankje voor ouderen die niet lang kunnen staan", "neutraal"),
        ("Een cursus koken voor mensen met weinig geld", "neutraal"),  # a guard: "weinig" describes the group
        ("Maatregelen tegen de overlast van meeuwen", "neutraal"),
        ("Geluidsoverlast van de snackbar", "negatief"),  # compound tone
        ("Het is fijn voor de kinderen", "positief"),  # the judgement before "voor" counts
        ("De fietsenstalling is altijd vol", "negatief"),  # always full
        ("Graag meer bomen, nu is alles steen", "negatief"),  # the lack behind a wish
        ("Graag meer bomen in de straat", "neutraal"),  # a neutral wish
        ("De oude bank is weg, nu staat er een nieuwe", "neutraal"),  # "nu" after no wish
        ("Opknappen van het speelveldje", "negatief"),  # a repair request: something is broken
        ("De kapotte lantaarnpaal is snel gerepareerd", "positief"),  # the repair done
        ("Het speelveld moet zo blijven", "positief"),  # keep it so
        ("Ga zo door", "positief"),
    ],
)
def test_excess_delay_failure_whom_it_is_for_and_compounds(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Sinds de zomer is de soos opgeheven", "negatief"),  # something that stopped, stated as a fact
        ("Het jongerenwerk in de wijk is afgeschaft", "negatief"),
        ("De speeltuin is verouderd en versleten", "negatief"),  # dilapidation
        ("De prijzen in de supermarkt zijn flink gestegen", "negatief"),  # a rise in cost; "flink" intensifies
        ("Het buurthuis is een echte aanwinst voor de wijk", "positief"),  # praise through a noun
        ("De nieuwe fietsenstalling is een verademing", "positief"),
        ("Alle lof voor de vrijwilligers van de soos", "positief"),
        ("De buurtvaders zijn echte toppers", "positief"),
        ("Wat een verbetering sinds de herinrichting", "positief"),
        ("De oude speeltoestellen zijn weggehaald", "negatief"),
        ("Hulp bij het invullen van formulieren", "neutraal"),  # "hulp" names a service, no praise
        ("Wat gebeurt er met het oude schoolgebouw?", "neutraal"),  # a question, no complaint
        ("Ik merk dat er met onze meldingen nooit iets gebeurt", "negatief"),  # nothing is done: an unused negation
    ],
)
def test_vocabulary_of_loss_decay_cost_and_praise_nouns(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Ik ben niet eenzaam maar mis wel eens gezelschap", "negatief"),  # "mis" is not negated across "maar"
        ("Geen inbraken maar lawaai", "negatief"),
        ("Niet duur maar goed", "positief"),
        ("Geen overlast meer", "positief"),  # a guard: the negation still reaches its clause
    ],
)
def test_a_contrast_ends_a_negation(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Een cursus voor mensen met financiële problemen", "neutraal"),  # over an attributive adjective
        ("Huiswerkhulp voor kinderen van arme gezinnen", "neutraal"),  # a link after a word for people
        ("Een maatje voor mensen die zich eenzaam voelen", "neutraal"),  # the relative clause of a described group
        ("Hulp bij schulden in het wijkcentrum", "neutraal"),  # a link after a word of help
        ("Graag een avond over het voorkomen van inbraken", "neutraal"),
        ("Er is niets voor eenzame ouderen", "negatief"),  # a described tone word takes up no negation: a lack
        ("Het station is voor ouderen slecht bereikbaar", "negatief"),  # a guard: a judgement after the group
        ("Er zijn veel jongeren die overlast geven", "negatief"),  # a guard: no "voor": a complaint about a group
    ],
)
def test_the_phrase_that_says_whom_or_what_it_is_for_does_not_judge(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Gratis sportlessen voor de jeugd aub", "neutraal"),  # a request is a wish: "gratis" describes it
        ("Mooie bloembakken in de straat alsjeblieft", "neutraal"),
        ("Dat is hier niet nodig", "neutraal"),  # no need states no lack
        ("Ik heb geen behoefte aan een buurthuis", "neutraal"),
        ("Meer bankjes, dan hoeven ouderen niet te staan", "neutraal"),
        ("Daar heb ik geen ervaring mee", "neutraal"),  # no view
        ("Daar heb ik geen verstand van", "neutraal"),
        ("Ik heb geen bezwaar tegen de nieuwe flat", "neutraal"),
        ("Ik kan de huur niet betalen", "negatief"),  # a guard: an inability is a lack
    ],
)
def test_a_request_is_a_wish_and_a_negated_need_states_no_lack(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Hou het zo!", "positief"),  # keep it so
        ("Laat het zo.", "positief"),
        ("Complimentje voor de wijkagent", "positief"),  # a diminutive takes the tone of its word
        ("Een probleempje met de lantaarnpaal", "negatief"),
        ("Het duurt een half jaar voordat je geholpen wordt", "negatief"),  # waiting; what is awaited is no praise
        ("De aanvraag duurde drie maanden", "negatief"),
        ("Ik sta al lang te wachten op een goede woning", "negatief"),
        ("Ik hoefde niet lang te wachten en werd goed geholpen", "positief"),  # a guard: no waiting
    ],
)
def test_keep_it_so_diminutives_and_waiting(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Er is niks op aan te merken", "positief"),  # no fault: praise, and the negator states no lack
        ("Niets aan te merken hoor", "positief"),
        ("Er is geen verschil aan te merken", "negatief"),  # a guard: only the idiom, not any word before it
        ("Bedankt voor niks", "negatief"),  # thanks for nothing: blame
        ("Bedankt voor de hulp", "positief"),  # a guard
        ("Ik woon hier met veel plezier", "positief"),  # vocabulary of praise
        ("Dankzij de buurtcoach heb ik weer werk", "positief"),
    ],
)
def test_no_fault_and_thanks_for_nothing(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Ik sta al drie jaar ingeschreven voor een woning", "negatief"),  # lasting
        ("Dat gat in de stoep ligt er al een maand", "negatief"),
        ("Ik woon hier al 30 jaar", "neutraal"),  # how long one has lived somewhere
        ("Wij wonen hier al jaren", "neutraal"),
    ],
)
def test_al_before_a_time_states_a_problem_that_lasts(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Sinds de nieuwe stoep kan ik weer naar de winkel", "positief"),  # regained
        ("Nu mogen de kinderen weer op het veldje spelen", "positief"),
        ("Nu kan ik niet weer naar buiten", "negatief"),  # a guard: negated
        ("Nu kan ik weer een uur wachten", "negatief"),  # a guard: "weer een" is "again a"
    ],
)
def test_something_one_can_do_again_is_praise(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Een hek om de speeltuin zodat kinderen niet de weg op rennen", "neutraal"),  # purpose
        ("Een plek waar jongeren kunnen sporten zonder dat het veel kost", "neutraal"),
        ("De stoep is kapot, zodat ik niet kan lopen", "negatief"),  # a guard: the complaint before it
        ("Er rijdt geen bus, zodat ik niet naar de markt kan", "negatief"),
    ],
)
def test_a_lack_after_zodat_says_what_it_is_for(tagger, text, tone):
    assert _tones(tagger, [text]) == [tone]
