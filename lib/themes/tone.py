"""Tone rules of Dutch complaint, praise and neutral language beyond single tone words (shared by ``Tagger._tone_score``
and the bulk path ``lib.themes.bulk``, which must stay equivalent: ``tests/test_tone.py`` checks both).

Each rule is a pattern a careful reader would defend, not a list of answers:

- *wish clause*: in a clause that wishes, proposes or names a need ("zou", "graag", "hoop", "nodig"), a positive word
  describes what is wished, not what is ("het zou fijn zijn als ...", "graag een extra bankje"): it does not count
  as praise (a neutral wish stays neutral, as the evaluation set's labelling rules have it: "graag meer
  prullenbakken" is neutraal); from the clause's first wish word up to a "maar", a stated lack is part of what is
  wished, not a complaint ("graag een zebrapad zodat kinderen niet hoeven te rennen");
- *proposal*: an answer that makes a proposal ("stelt voor", "voorstel", "suggestie", "oppert", "pleit voor",
  "wenselijk") is neutral unless it names a clear complaint (a tone word of ``STRONG_COMPLAINT`` or below): the
  milder words describe the proposed thing and whom it is for ("een cursus voor mensen die moeite hebben met lezen");
- *past contrast*: "vroeger" turns the tone of its clause around (what was good then is a loss now: "vroeger
  kende iedereen elkaar"; "vroeger was er veel overlast" tells of an improvement) and, without a tone word, states
  a loss ("vroeger liep de wijkagent nog rond"); not after "dan" or "als" ("minder overlast dan vroeger");
- *relief or demand*: "eindelijk" is relief ("eindelijk een zebrapad!"), but a demand in a clause with a modal of
  demand ("er moet eindelijk ...", "wanneer gaat de gemeente eindelijk ...");
- *restrictive "maar"*: "nog maar", "maar één/twee/weinig" means "only": it states a lack ("de bus rijdt nog maar één
  keer per uur") and is no contrast;
- *stated scarcity*: "weinig" with no tone word after it states a lack ("weinig tijd voor zichzelf"), as an unused
  negation does; with one it flips it ("weinig overlast"); "minder" without a tone word is a wish or a comparison
  ("minder auto's in de straat"), no lack;
- *inflected forms only*: a word takes the tone of a lexicon adjective through their common stem only when it is
  not shorter than the adjective (``mooie`` ~ ``mooi``), so a noun that shares a stem keeps none
  (``aandacht`` is not ``aandachtig``, ``pas`` not ``passé``); the hand-made words of ``toon_extra.csv`` reach
  every word with their stem (``schaamte`` ~ ``schaamt``);
- *excess*: "te" before a positive word states too much of it, a lack like "te duur" ("te snel", "te druk",
  "te grote huizen"), as it does before a word without tone ("te lang", "te weinig"), but not before an infinitive
  ("te praten", "te staan");
- *delay and failure*: "pas na", "pas over" (it comes late) and "blijft uit" at the end of a clause (it does not
  come) state a lack, as "duurt weken" does;
- *whom it is for*: a tone word in the phrase after "voor", "over" or "tegen", after a link ("met", "van", "uit")
  following a word for people, or after a link ("bij", "met", "van") following a word of help or of a topic
  (``TOPIC``: "hulp", "cursus", "omgaan", "voorkomen"), with only articles, possessives and attributive adjectives
  in between, describes whom or what it is about, not the speaker's judgement ("dagactiviteiten voor eenzame
  ouderen", "voorlichting over eenzaamheid", "gezinnen met schulden", "een cursus voor mensen met financiële
  problemen", "kinderen van arme gezinnen", "hulp bij schulden", "het voorkomen van inbraken"); so do the tone words
  and negations of a relative clause after such a group ("een maatje voor mensen die zich eenzaam voelen", "voor
  ouderen die hun tuin niet meer kunnen bijhouden"), and a negation or "weinig" right after "die" or "met" following
  a word for people ("ouderen die niet lang kunnen staan", "mensen met weinig geld"); such a described tone word
  takes up no negation ("er is niets voor eenzame ouderen" states a lack);
- *compound tone*: a compound whose last part (5+ letters, after a part of 3+) is a hand-made tone word takes its
  tone ("geluidsoverlast" ~ "overlast", "personeelstekort" ~ "tekort");
- *always full*: "altijd vol", "steeds vol" (it is too full, as "te vol") states a lack;
- *the lack behind a wish*: after a wish ("graag meer groen", "meer bankjes"), a later clause that opens with "nu"
  and has no tone word describes the present the wish wants to change: a lack ("..., nu is alles steen");
- *keep it so*: "zo houden", "houden zo", "zo blijven", "(ga) zo door", "hou het zo", "laat het zo" approve of what
  is (praise);
- *no fault, thanks for nothing*: "niks (op) aan te merken" is praise, as "geen klachten" is; a positive word
  followed by "voor niks" or "voor niets" is blame ("bedankt voor niks");
- *purpose*: a stated lack after "zodat", "opdat" or "zonder dat" in its clause says what something is for or avoids
  ("een hek om de speeltuin zodat kinderen niet de weg op rennen"), as in a wish; tone words there still count;
- *regained*: "nu durf ik weer ...", "sinds ... kan ik weer ..." (a word of ability, "weer", "nu" or "sinds", no
  negation and no tone word in the clause) is praise: something one can do again;
- *waiting*: a time ("dagen", "een half jaar", "eindeloos") up to three words after "duurt" states a lack, as "duurt
  weken" does; after a word of waiting and "voordat", "tot" or "op" in the same clause a positive word names what is
  awaited, not praise ("het duurt een half jaar voordat je geholpen wordt", "wachten op een goede woning");
- *lasting*: "al" before a time ("al een jaar", "al drie maanden", as "al jaren") states a problem that lasts, but not
  in a clause about living somewhere ("ik woon hier al 30 jaar");
- *diminutive tone*: a diminutive takes the tone of the word it is made of ("complimentje", "probleempje");
- *a request is a wish*: "aub", "alsjeblieft", "pls" make a clause a wish, as "graag" does;
- *no need*: a negation of a need or an obligation ("niet nodig", "geen behoefte", "het hoeft niet", "dan hoeven
  we niet ...") states no lack;
- *contrast ends a negation*: a negation reaches the words of its clause only up to a "maar" ("ik ben niet eenzaam
  maar mis wel eens gezelschap": "mis" is a lack, not negated);
- *not knowing*: a short answer (at most ``SHORT_ANSWER`` words) that says one does not know ("weet ik niet", "ik weet
  het niet zo goed", "daar heb ik nooit over nagedacht") or finds it hard to say ("moeilijk te zeggen") gives no
  opinion.
"""

from __future__ import annotations

WISH = frozenset({"zou", "zouden", "graag", "hoop", "hopelijk", "wens", "wensen", "nodig", "behoefte", "mogelijk",
                  "misschien", "wellicht", "aub", "alsjeblieft", "alstublieft", "svp", "pls", "please", "plz"})
"""Words that make a clause a wish or a need: its positive words describe what is wished ("een buurthuis zou nodig
zijn": "nodig" is no praise either); a request ("aub", "alsjeblieft", "pls") is a wish too ("gratis sport voor de
jeugd aub")."""
NO_NEED = frozenset({"hoeft", "hoef", "hoeven", "hoefde", "hoefden", "nodig", "behoefte"})
"""*No need*: a negation of a need or an obligation states no lack ("dat is niet nodig", "geen behoefte aan", "het
hoeft niet", "dan hoeven we niet in de regen te staan"), whether the word stands in the negation's scope or up to
two words before the negator."""
PROPOSAL = frozenset({"voorstel", "voorstellen", "suggestie", "suggesties", "oppert", "opperde", "wenselijk", "pleit"})
"""Words that make an answer a proposal ("voorstel:", "bewoner oppert ...", "ik pleit voor ...")."""
PROPOSE_VERB = frozenset({"stel", "stelt", "stellen", "stelde", "stelden"})
"""With "voor" right after them ("bewoner stelt voor om ...") they make a proposal."""
STRONG_COMPLAINT = -0.5
"""In a proposal only tone values at or below this count (a clear complaint word, "gevaarlijk", "kapot")."""
PAST = frozenset({"vroeger", "destijds", "voorheen"})
"""Past contrast: the tone of the clause turns around, and without a tone word the clause states a loss; not after a
word of ``COMPARE`` ("minder overlast dan vroeger" compares with the past, it speaks of now)."""
COMPARE = frozenset({"dan", "als"})
RELIEF = frozenset({"eindelijk"})
"""Its tone (``toon_extra.csv``) is relief; with a word of ``DEMAND`` in the clause it turns around: a demand."""
DEMAND = frozenset({"moet", "moeten", "zou", "zouden", "wanneer", "tijd"})
"""Modals, "wanneer" and "(het wordt) tijd" make "eindelijk" a demand ("er moet eindelijk ...", "wanneer komt er
eindelijk ...")."""
AMOUNT = frozenset({"één", "twee", "drie", "vier", "vijf", "weinig", "enkele", "enkel", "paar", "half", "halve"})
"""After "maar" they make it restrictive ("maar één bus", "maar weinig plekken")."""
KNOW = frozenset({"weet", "weten", "wist", "wisten", "nagedacht"})
"""With a negator in a short answer: not knowing."""
SAY = frozenset({"zeggen", "beoordelen"})
"""After "te" in a short answer: hard to say ("moeilijk te zeggen", "niet te beoordelen")."""
SHORT_ANSWER = 6
"""Words in an answer that can only say one does not know."""

INFINITIVE = ("en", "aan")
"""Endings of an infinitive: after "te" it states no excess ("te praten", "te staan", "te gaan")."""
EXCESS = "te"
"""Before a positive word: too much of it, a lack."""
SCARCE = frozenset({"weinig"})
"""With no tone word after it (up to the reducer scope): a lack."""
DELAY = frozenset({("pas", "na"), ("pas", "over")})
"""Word pairs that state a delay ("de politie komt pas na een uur")."""
FULL = frozenset({("altijd", "vol"), ("steeds", "vol"), ("vaak", "vol"), ("weer", "vol")})
"""Word pairs that state it is too full ("de fietsenstalling is altijd vol")."""
PRAISE = frozenset({("houden", "zo"), ("zo", "houden"), ("zo", "blijven"), ("zo", "door")})
"""Word pairs that approve of what is."""
KEEP_IT = frozenset({("hou", "het", "zo"), ("houd", "het", "zo"), ("houden", "het", "zo"), ("laat", "het", "zo"),
                     ("laten", "het", "zo")})
"""Word triples that approve of what is ("hou het zo!"), as the pairs of ``PRAISE``."""
PRAISE_VALUE = 0.6
AGAIN = "weer"
ABLE = frozenset({"kan", "kun", "kunnen", "kon", "konden", "durf", "durft", "durven", "durfde", "mag", "mogen"})
SINCE = frozenset({"nu", "sinds", "sindsdien"})
"""*Regained*: "weer" up to three words after a word of ``ABLE``, in a clause with a word of ``SINCE`` and with no
negator and no tone word, is praise: something one can do again ("nu durf ik weer 's avonds te lopen", "sinds de
nieuwe stoep kan ik weer naar de winkel"); not "weer een" ("again a")."""
PURPOSE = frozenset({"zodat", "opdat"})
PURPOSE_PAIR = ("zonder", "dat")
"""*Purpose*: from a word of ``PURPOSE`` or "zonder dat" to the end of its clause, a stated lack (a negation, "weinig")
says what a proposal is for or avoids, not a complaint ("een hek zodat kinderen niet de weg op rennen", "sporten
zonder dat het veel kost"); tone words there still count ("de stoep is kapot, zodat ...")."""
NOTHING = frozenset({"niks", "niets"})
"""*Thanks for nothing*: after a positive word, "voor niks", "voor niets" turns it into blame ("bedankt voor niks")."""
NO_FAULT = ("aan", "te", "merken")
FAULT_GAP = frozenset({"op", "er"})
"""The one word that may stand between the negator and ``NO_FAULT`` ("niks op aan te merken")."""
"""*No fault*: with a negator or "weinig" right before it, or before a word of ``FAULT_GAP`` before it ("niks op aan te
merken", "niets aan te merken"), it is praise, and the negator states no lack."""
DURATION = frozenset({"duurt", "duurde", "duren", "duurden"})
TIME = frozenset({"dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "uur", "uren", "eeuwen",
                  "eeuwig", "eindeloos"})
"""*Waiting*: a word of ``TIME`` up to ``TIME_REACH`` words after a word of ``DURATION`` states a lack ("het duurt een
half jaar")."""
TIME_REACH = 3
LASTING = "al"
"""*Lasting*: "al" up to ``TIME_REACH`` words before a word of ``TIME`` states a problem that lasts ("al een jaar", "al
drie maanden"), as "al jaren" does; not in a clause with a word of ``LIVING``."""
LIVING = frozenset({"woon", "woont", "wonen", "woonde", "woonden", "gewoond"})
"""How long one has lived somewhere is no complaint ("ik woon hier al 30 jaar", "ik woon hier al jaren")."""
AWAIT = DURATION | frozenset({"wacht", "wachten", "wachtte", "wachtten", "gewacht", "wachttijd", "wachttijden",
                              "wachtlijst", "wachtlijsten"})
AWAIT_LINK = frozenset({"voordat", "tot", "totdat", "op"})
"""After a word of ``AWAIT`` and one of these in the same clause, a positive word names what is awaited ("het duurt
een half jaar voordat je geholpen wordt", "wachten op een goede woning"), not praise."""
NOW = frozenset({"nu"})
"""Opening a clause without a tone word after a wish: the lack behind the wish."""
MORE = frozenset({"meer", "vaker"})
"""Opening a clause they make it a wish for the rule of the lack behind a wish (not a lack themselves)."""
FAILURE = frozenset({("blijft", "uit"), ("bleef", "uit"), ("blijven", "uit"), ("bleven", "uit")})
"""Word pairs that state a lack when they end a clause ("het onderhoud blijft uit")."""
ABOUT = frozenset({"voor", "over", "tegen"})
"""A tone word right after these (or after one word of ``ABOUT_GAP``) says whom or what it is about."""
ABOUT_GAP = frozenset({"de", "het", "een", "deze", "dit", "die", "dat", "onze", "hun", "zijn", "haar", "mijn", "jouw"})
WITH = "met"
PEOPLE = frozenset({"mensen", "gezinnen", "ouderen", "kinderen", "jongeren", "bewoners", "inwoners", "huishoudens",
                    "ouders", "families", "buurtbewoners", "wijkbewoners", "vrouwen", "mannen", "jeugd", "personen"})
"""Before "met": a tone word right after it describes the group ("gezinnen met schulden")."""
GROUP_LINK = frozenset({"met", "van", "uit"})
"""After a word for people: the words after it describe the group ("mensen met schulden", "kinderen van arme
gezinnen", "kinderen uit arme gezinnen")."""
TOPIC = frozenset({"hulp", "ondersteuning", "begeleiding", "steun", "advies", "informatie", "voorlichting", "cursus",
                   "cursussen", "training", "workshop", "hulpverlening", "coaching", "spreekuur", "omgaan", "voorkomen",
                   "preventie", "bestrijding", "bestrijden", "aanpak", "tegengaan"})
"""Words of help, of learning and of tackling: with a word of ``TOPIC_LINK`` after them the words that follow name
the topic ("hulp bij schulden", "omgaan met stress", "het voorkomen van inbraken")."""
TOPIC_LINK = frozenset({"bij", "met", "van"})
GROUP_REACH = 4
"""Words back from a tone word to the word that opens its phrase (over articles and attributive adjectives)."""
GROUP_CLAUSE = 5
"""Words of a relative clause ("die ...") after a described group that describe it too."""


def attributive(word: str) -> bool:
    """An inflected (attributive) adjective as it stands before a noun: a word of 4+ letters ending in -e
    ("financiële", "kleine", "arme"); the phrase of *whom it is for* reaches over it."""
    return len(word) >= 4 and word.endswith("e")


RELATIVE = "die"
"""After a word for people, as ``WITH``: a negation or "weinig" right after it describes the group ("ouderen die niet
lang kunnen staan", "mensen met weinig geld"), it states no lack."""
COMPOUND_MIN_PART = 5
COMPOUND_MIN_REST = 3
