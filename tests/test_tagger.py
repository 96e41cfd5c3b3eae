"""Tagger behaviour: stemming, compounds, phrases, negation, tone, hostile text; codebook round trips."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lib.present.export import codebook_bytes
from lib.themes.codebook import Codebook, CodebookError, Theme, default_codebook, read_codebook
from lib.themes.tagger import Tagger, marked_text

MINI = Codebook(
    [
        Theme("Jeugd & jongeren", "jongeren", ["jongeren", "jeugd", "hangplek"]),
        Theme("Ontmoeting & verbinding", "ontmoeten", ["buurthuis", "buurthuizen", "ontmoeten"]),
        Theme("Eenzaamheid", "alleen", ["eenzaam", "eenzaamheid", "niemand om mee te praten"]),
        Theme("Zorg & ondersteuning", "zorg", ["huisarts", "wachtlijst", "wijkteam"]),
        Theme("Veiligheid", "overlast", ["overlast", "onveilig", "inbraak"]),
        Theme("Ouderen", "ouderen", ["=ouderen", "bejaard"]),
        Theme("Wonen", "wonen", ["sociale huurwoning", "huur"]),
        Theme("Verkeer & bereikbaarheid", "verkeer", ["te hard rijden", "parkeren", "parkeerplaats"]),
        Theme("Openbare ruimte & groen", "groen", ["park", "speeltuin"]),
    ]
)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(MINI)


@pytest.mark.parametrize(
    "text,themes",
    [
        # inflections through the Snowball stemmer
        ("De jongeren hebben niks te doen", ["Jeugd & jongeren"]),
        ("Er zijn te weinig buurthuizen", ["Ontmoeting & verbinding"]),
        ("Ik voel me vaak eenzaam", ["Eenzaamheid"]),
        ("De eenzaamheid onder ouderen is groot", ["Eenzaamheid", "Ouderen"]),
        # compounds: first part and last part
        ("Het jongerenwerk is wegbezuinigd", ["Jeugd & jongeren"]),
        ("Meer buurthuisactiviteiten graag", ["Ontmoeting & verbinding"]),
        ("De eenzaamheidsaanpak werkt niet", ["Eenzaamheid"]),
        ("De huisartsenpost is slecht bereikbaar", ["Zorg & ondersteuning"]),
        ("Veel geluidsoverlast 's nachts", ["Veiligheid"]),
        ("De kinderspeeltuinen zijn vies", ["Openbare ruimte & groen"]),
        # exact-form keyword: parents are not elderly
        ("Ouders maken zich zorgen", []),
        ("Ouderenwerk is belangrijk", ["Ouderen"]),
        # phrases on consecutive words, also inflected
        ("Ze rijden hier te hard", []),
        ("Auto's die te hard rijden in de straat", ["Verkeer & bereikbaarheid"]),
        ("Te weinig sociale huurwoningen", ["Wonen"]),
        ("Ik heb niemand om mee te praten", ["Eenzaamheid"]),
        # longest part wins: parkeerplaats is traffic, not the park
        ("Te weinig parkeerplaatsen", ["Verkeer & bereikbaarheid"]),
        ("Parkeren is lastig", ["Verkeer & bereikbaarheid"]),
        ("Het park is mooi", ["Openbare ruimte & groen"]),
        # several themes, codebook order
        ("Jongeren veroorzaken overlast bij het buurthuis", ["Jeugd & jongeren", "Ontmoeting & verbinding", "Veiligheid"]),
        # nothing
        ("Prima zo", []),
    ],
)
def test_themes(tagger, text, themes):
    assert tagger.tag(text).themes == themes


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Het buurthuis is fijn en gezellig", "positief"),
        ("De straat is vies en de speeltuin is kapot", "negatief"),
        ("Er staat een bankje bij de kerk", "neutraal"),
        ("Niet goed geregeld", "negatief"),
        ("Geen last van overlast hier", "positief"),
        ("Heel erg slecht onderhouden", "negatief"),
    ],
)
def test_tone(tagger, text, tone):
    assert tagger.tag(text).tone == tone


def test_negated_theme_is_raised_but_marked(tagger):
    result = tagger.tag("Ik heb geen last van overlast, het is hier veilig")
    assert result.themes == ["Veiligheid"]
    assert all(h.negated for h in result.hits if h.theme == "Veiligheid")
    assert result.tone != "negatief"
    plain = tagger.tag("Veel overlast van scooters")
    assert not any(h.negated for h in plain.hits)
    assert plain.tone == "negatief"


def test_negation_stops_at_clause_boundary(tagger):
    result = tagger.tag("Niet slecht. Overlast is er wel")
    veiligheid = [h for h in result.hits if h.theme == "Veiligheid"]
    assert veiligheid and not veiligheid[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "?!?!...",
        "😀😀👍",
        "=HYPERLINK(\"http://evil.example\",\"klik\")",
        "<script>alert('x')</script> <b>meer bankjes</b>",
        "**vet** [link](http://x) $x^2$",
        "The playground is dirty and unsafe",
        "الحديقة متسخة",
        "overlast " * 4000,
    ],
)
def test_hostile_text_never_crashes(tagger, text):
    result = tagger.tag(text)
    assert result.tone in {"negatief", "neutraal", "positief"}
    assert isinstance(result.themes, list)


def test_long_answer_is_tagged_quickly(tagger):
    import time

    text = ("De jongeren hangen rond bij het buurthuis en er is overlast. " * 400)[:20000]
    start = time.perf_counter()
    result = tagger.tag(text)
    assert time.perf_counter() - start < 1.0  # guard against pathological slowness, not a benchmark
    assert "Jeugd & jongeren" in result.themes


def test_marked_text_brackets_hit_words_only(tagger):
    text = "Het jongerenwerk <b>moet</b> terug"
    marked = marked_text(tagger.tag(text), text)
    assert marked == "Het ⟦jongerenwerk⟧ <b>moet</b> terug"


def test_tag_many_joins_theme_names(tagger):
    out = tagger.tag_many(["overlast bij de speeltuin", "", "prima"])
    assert out["themes"].tolist() == ["Veiligheid; Openbare ruimte & groen", "", ""]
    assert list(out.columns) == ["themes", "tone", "score"]


# ------------------------------------------------------------------ codebook


def test_default_codebook_has_the_sixteen_themes():
    names = default_codebook().names
    assert names == [
        "Eenzaamheid", "Ontmoeting & verbinding", "Armoede & schulden", "Jeugd & jongeren", "Ouderen",
        "Zorg & ondersteuning", "Mantelzorg & vrijwilligers", "Gezondheid & bewegen", "Wonen", "Veiligheid",
        "Openbare ruimte & groen", "Verkeer & bereikbaarheid", "Werk & inkomen", "Informatie & communicatie",
        "Participatie & inspraak", "Onderwijs & taal",
    ]
    assert all(t.description and len(t.keywords) >= 10 for t in default_codebook().themes)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_codebook_round_trip(fmt):
    book = default_codebook().add_theme("Duurzaamheid", "energie en klimaat").add_keywords("Duurzaamheid", ["zonnepanelen", "=HYPERLINK"])
    data = codebook_bytes(book, fmt)
    back = read_codebook(f"codeboek.{fmt}", data)
    assert back.names == book.names
    assert back.theme("Duurzaamheid").keywords == ["zonnepanelen", "=hyperlink"]
    assert back.theme("Duurzaamheid").description == "energie en klimaat"


def test_codebook_export_neutralises_formulas():
    book = Codebook([Theme("=cmd|' /C calc'!A0", "x", ["=1+1"])])
    frame = pd.read_csv(io.BytesIO(codebook_bytes(book, "csv")), dtype=str, sep=";", encoding="utf-8-sig")  # for Dutch Excel
    assert frame["thema"].iloc[0].startswith("'=")


@pytest.mark.parametrize(
    "name,data",
    [
        ("leeg.csv", b""),
        ("verkeerd.csv", "naam;waarde\nx;1\n".encode()),
        ("kapot.xlsx", b"PK\x03\x04garbage"),
        ("alleen_kop.csv", b"thema,trefwoord\n"),
    ],
)
def test_malformed_codebook_gives_dutch_error(name, data):
    with pytest.raises(CodebookError) as err:
        read_codebook(name, data)
    assert name in str(err.value)


def test_codebook_edits():
    book = MINI.rename_theme("Jeugd & jongeren", "Jeugd")
    assert "Jeugd" in book.names and "Jeugd & jongeren" in MINI.names  # edits return copies
    merged = book.merge_themes(["Eenzaamheid"], "Ontmoeting & verbinding")
    assert "Eenzaamheid" not in merged.names
    assert "eenzaam" in merged.theme("Ontmoeting & verbinding").keywords
    with pytest.raises(CodebookError):
        book.add_theme("jeugd")
    with pytest.raises(CodebookError):
        book.rename_theme("Jeugd", "Wonen")


def test_weak_keywords_count_only_when_nothing_else_explains_the_answer():
    book = Codebook([Theme("Onderwijs", "", ["?school", "taalles"]), Theme("Verkeer", "", ["zebrapad"])])
    t = Tagger(book)
    assert t.tag("Een zebrapad bij de school").themes == ["Verkeer"]
    assert t.tag("De school is goed").themes == ["Onderwijs"]


@pytest.mark.parametrize(
    "text,themes",
    [
        ("Ik ben 17 en zoek een kamer", ["Jong"]),
        ("Als 79-jarige val ik over de tegels", ["Oud"]),
        ("Weduwe van 81 jaar", ["Oud"]),
        ("Wij zijn beiden boven de tachtig", ["Oud"]),
        ("Dit speelt al 10 jaar", []),
    ],
)
def test_age_keywords(text, themes):
    t = Tagger(Codebook([Theme("Jong", "", ["leeftijd:12-23"]), Theme("Oud", "", ["leeftijd:65+"])]))
    assert t.tag(text).themes == themes


AGE_SENTENCES = [
    "Ik ben 17 en zoek een kamer", "Als 79-jarige val ik over de tegels", "79 - jarigen", "Weduwe van 81 jaar",
    "Wij zijn beiden boven de tachtig", "ik ben\u00a017", "Ik Ben Nu 45", "op m'n 12e", "mijn moeder is 8\u2009jaar",
    "zijn  bijna 90 jaar", "van 70e verjaardag", "een man van 67 jaar oud", "de 12 jarige jongen", "ik word 65",
]


def test_the_cheap_age_filter_keeps_every_answer_that_states_an_age():
    """The bulk path only looks for ages in answers matching ``MAY_STATE_AGE`` (RE2): it must never drop one."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from lib.themes.ages import MAY_STATE_AGE, ages_in

    from pathlib import Path

    texts = list(AGE_SENTENCES)
    for name in ("dev", "eval"):
        texts += pd.read_csv(Path(__file__).parent / "data" / f"{name}_themes.csv", keep_default_na=False, dtype=str)["answer"].tolist()
    matches = pc.match_substring_regex(pa.array(texts), MAY_STATE_AGE).to_pylist()
    stated = [t for t in texts if ages_in(t.lower())]
    assert len(stated) >= len(AGE_SENTENCES) - 1
    assert [t for t, m in zip(texts, matches) if ages_in(t.lower()) and not m] == []
    assert not pc.match_substring_regex(pa.array(["Dit speelt al 10 jaar", "meer bankjes"]), MAY_STATE_AGE).to_pylist()[1]


def test_phrases_allow_two_words_in_between_within_a_clause():
    t = Tagger(Codebook([Theme("Eenzaamheid", "", ["voel me alleen"])]))
    assert t.tag("ik voel me vaak erg alleen").themes == ["Eenzaamheid"]
    assert t.tag("ik voel me goed, alleen de buren zijn luid").themes == []


def test_keyword_markers_survive_normalisation():
    from lib.themes.codebook import normalise_keyword

    assert normalise_keyword("  ?School ") == "?school"
    assert normalise_keyword("=Ouderen.") == "=ouderen"
    assert normalise_keyword("?=Werk") == "?=werk"


@pytest.mark.parametrize("name", ["dev", "dev2", "eval"])
def test_bulk_tagging_agrees_with_single_answers(name):
    """tag_many (numpy over all words) and tag (one answer) apply the same rules."""
    from pathlib import Path

    labelled = pd.read_csv(Path(__file__).parent / "data" / f"{name}_themes.csv", keep_default_na=False, dtype=str)
    tagger = Tagger(default_codebook())
    bulk = tagger.tag_many(labelled["answer"].tolist())
    single = [tagger.tag(text, explain=False) for text in labelled["answer"]]
    assert bulk["themes"].tolist() == ["; ".join(t.themes) for t in single]
    assert bulk["tone"].tolist() == [t.tone for t in single]


# ------------------------------------------------------------------ short real-shaped texts (issue 10)

SMALL = Codebook(
    [
        Theme("Jeugd & jongeren", "", ["kinderen", "voetbal", "!kinderen wonen"]),
        Theme("Openbare ruimte & groen", "", ["speelplein", "bijen", "overlast", "tuin"]),
        Theme("Onderwijs & taal", "", ["leren", "!leren kennen"]),
        Theme("Ontmoeting & verbinding", "", ["elkaar kennen", "buurtfeest"]),
        Theme("Zorg & ondersteuning", "", ["de zorg"]),
    ]
)


@pytest.mark.parametrize(
    "text,themes",
    [
        ("Opknappen speelpleintjes", ["Openbare ruimte & groen"]),  # plural diminutive -> speelplein
        ("Een tuintje voor iedereen", ["Openbare ruimte & groen"]),  # diminutive -> tuin
        ("Voetbalkooi", ["Jeugd & jongeren"]),  # compound: first part
        ("Bijenhotel", ["Openbare ruimte & groen"]),  # compound: first part
        ("Geluidsoverlast", ["Openbare ruimte & groen"]),  # compound: last part
        ("Ik ga bij de buren langs", []),  # 'bij' (stem of 'bijen') is a function word: never a theme alone
        ("mijn kinderen wonen ver weg", []),  # exclusion phrase: grown-up children, not youth
        ("kinderen spelen op straat", ["Jeugd & jongeren"]),
        ("buurtfeest om elkaar te leren kennen", ["Ontmoeting & verbinding"]),  # not education
        ("de kinderen leren lezen", ["Jeugd & jongeren", "Onderwijs & taal"]),
        ("de zorg is hier slecht bereikbaar", ["Zorg & ondersteuning"]),
    ],
)
def test_short_texts_compounds_diminutives_and_context(text, themes):
    tagger = Tagger(SMALL)
    assert tagger.tag(text).themes == themes
    assert tagger.tag_many([text])["themes"].iloc[0] == "; ".join(themes)  # the bulk path agrees


def test_hits_say_how_they_matched():
    tagger = Tagger(SMALL)
    (hit,) = tagger.tag("Voetbalkooi").hits
    assert (hit.keyword, hit.via, hit.part) == ("voetbal", "prefix", "voetbal")
    (hit,) = tagger.tag("Opknappen speelpleintjes").hits
    assert (hit.keyword, hit.via, hit.part) == ("speelplein", "diminutive", "speelplein")
    (hit,) = tagger.tag("geluidsoverlast").hits
    assert (hit.via, hit.part) == ("suffix", "overlast")
    (hit,) = tagger.tag("de zorg is slecht").hits
    assert (hit.via, hit.start, hit.end) == ("phrase", 0, 1)
    (hit,) = tagger.tag("kinderen").hits
    assert hit.via == "form"


def test_marked_text_marks_the_place_of_a_hit_and_a_phrase_as_one_span():
    tagger = Tagger(SMALL)
    text = "De zorg is slecht, de bus ook. Zorg!"
    assert marked_text(tagger.tag(text), text) == "⟦De zorg⟧ is slecht, de bus ook. Zorg!"
    text = "Het speelplein bij de school is een speelplein"
    assert marked_text(tagger.tag(text), text) == "Het ⟦speelplein⟧ bij de school is een ⟦speelplein⟧"


@pytest.mark.parametrize(
    "text,tone",
    [
        ("Het duurt weken voordat je bij het wijkteam terecht kunt", "negatief"),
        ("Respijtzorg is er bijna niet en de wachtlijst is lang", "negatief"),
        ("Er zijn te weinig plekken waar kinderen veilig kunnen spelen", "negatief"),
        ("De parkeerdruk is enorm", "negatief"),
        ("ik als mantelzorger ben op", "negatief"),
        ("Hoog Dalem is mooi, maar de bus rijdt 's avonds niet meer", "negatief"),  # after 'maar' weighs more
        ("De bus rijdt niet vaak, maar de buurt is mooi", "positief"),
        ("Geen opmerkingen", "neutraal"),  # no opinion, not a lack
        ("Niets.", "neutraal"),
        ("weet niet", "neutraal"),
        ("Sinds de camera's is er veel minder overlast", "positief"),  # 'minder' flips
    ],
)
def test_tone_reads_complaints_as_complaints(text, tone):
    tagger = Tagger(default_codebook())
    assert tagger.tag(text).tone == tone
    assert tagger.tag_many([text])["tone"].iloc[0] == tone


@pytest.mark.parametrize(
    "text,theme,present",
    [
        ("Opknappen speelpleintjes", "Openbare ruimte & groen", True),
        ("Voetbalkooi", "Jeugd & jongeren", True),
        ("Bijenhotel", "Openbare ruimte & groen", True),
        ("Huiswerkbegeleiding groep 6,7 en 8", "Onderwijs & taal", True),
        ("Dagactiviteiten voor eenzame ouderen", "Ouderen", True),
        ("mijn kinderen wonen ver weg", "Jeugd & jongeren", False),
        ("buurtbarbecue om elkaar te leren kennen", "Onderwijs & taal", False),
        ("buurtbarbecue om elkaar te leren kennen", "Ontmoeting & verbinding", True),
        ("de zorg is hier slecht bereikbaar", "Zorg & ondersteuning", True),
    ],
)
def test_default_codebook_on_short_texts(text, theme, present):
    assert (theme in Tagger(default_codebook()).tag(text).themes) is present


@pytest.mark.parametrize("text", ["DAT!bandje", "Flora Hopper", "Het is bij ons"])
def test_bare_names_and_function_words_get_no_theme(text):
    assert Tagger(default_codebook()).tag(text).themes == []


def test_grown_codebook_file_is_documented_and_deduplicated():
    from importlib import resources

    text = resources.files("lib").joinpath("data/codebook_default_grown.csv").read_text(encoding="utf-8")
    grown = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(grown.columns) == ["thema", "trefwoord", "bron"]
    assert set(grown["bron"]) <= {"alledaags", "beschrijving", "simplemma", "wordfreq"}
    assert set(grown["thema"]) <= set(default_codebook().names)
    assert not grown.duplicated(["thema", "trefwoord"]).any()


def test_last_part_keywords_reach_short_heads_but_not_first_parts():
    tagger = Tagger(Codebook([Theme("Groen", "", ["~park"]), Theme("Verkeer", "", ["parkeren"])]))
    assert tagger.tag("Een mooier Vondelpark").themes == ["Groen"]
    assert tagger.tag("het park").themes == ["Groen"]
    assert tagger.tag("parkeren bij het stadspark").themes == ["Groen", "Verkeer"]
    assert tagger.tag("spark").themes == []  # the first part needs three letters
    (hit,) = tagger.tag("stadspark").hits
    assert (hit.via, hit.part) == ("suffix", "park")
    assert tagger.tag_many(["Een mooier Vondelpark", "wij parkeren"])["themes"].tolist() == ["Groen", "Verkeer"]


def test_the_worker_pool_tags_and_masks_as_one_process_does(monkeypatch):
    """The command line's path: tagging and masking start in worker processes once the files are read, before
    linking; the analysed answers equal those of the one-process path, names from the Naam column masked."""
    from pathlib import Path

    from lib.pipeline import analyse, inputs_from_files
    from lib.themes import pool as pool_module

    csv = "Naam;Wijk;Wat kan er beter in uw wijk?\n" + "\n".join(
        f"{n};Lingewijk;{t}" for n, t in [
            ("Kees Jansen", "Meer bankjes in het park. Groet, Kees"), ("Anna de Vries", "Mijn buurman Piet Bakker is eenzaam"),
            ("", "Bel me op 06-12345678 over de speeltuin"), ("Fatima El Amrani", "Fatima zoekt taalles voor ouders"),
            ("Henk", "Te hard rijden bij de school"),
        ]
    ) + "\n"
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        survey = Path(folder) / "namen.csv"
        survey.write_text(csv, encoding="utf-8")
        single = analyse(inputs_from_files([survey], None, None, None, []))
        monkeypatch.setattr(pool_module, "PARALLEL_FROM", 2)  # the worker path, also for five answers
        with pool_module.TaggerPool(default_codebook(), workers=2) as workers:
            assert workers._pool is not None
            pooled = analyse(inputs_from_files([survey], None, None, None, []), tagger=workers)
    columns = ["answer", "answer_masked", "themes", "tone", "wijkcode"]
    pd.testing.assert_frame_equal(pooled.answers[columns], single.answers[columns])
    masked = " ".join(pooled.answers["answer_masked"])
    assert "Kees" not in masked and "Fatima" not in masked and "Piet Bakker" not in masked and "06-1234" not in masked


def test_an_error_in_the_workers_helper_reaches_the_caller(monkeypatch):
    """The worker shares its answers with a helper forked from it; when tagging fails there, the caller hears it
    (no answers silently left without tags) and the pool can still be closed."""
    from lib.themes import pool as pool_module

    real = pool_module._tagged

    def failing(tagger, texts, names):
        if "breekt" in " ".join(texts):
            raise ValueError("kapot")
        return real(tagger, texts, names)

    monkeypatch.setattr(pool_module, "_tagged", failing)  # before the fork: the worker and its helper inherit it
    monkeypatch.setattr(pool_module, "PARALLEL_FROM", 2)
    with pool_module.TaggerPool(default_codebook(), workers=2) as workers:
        assert workers.tag_many(["meer groen", "een bankje"])["themes"].tolist() == ["Openbare ruimte & groen"] * 2
        with pytest.raises(ValueError, match="kapot"):
            workers.tag_many(["meer groen", "dit breekt"])  # the second half goes to the helper
