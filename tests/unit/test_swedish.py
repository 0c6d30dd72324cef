"""Finding the tree's words in Swedish as written (asf/guidance/swedish.py)."""

from __future__ import annotations

import pytest

from asf.guidance import swedish


def found(keyword: str, text: str) -> list[tuple[str, bool]]:
    """Each mention of `keyword` in `text`: the words it covers and whether it is negated."""
    return [(text[m.start : m.end], m.negated) for m in swedish.find(keyword, swedish.tokens(text))]


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("bidrag", "vi vill ge startbidraget i vår"),  # compound head, definite form
        ("arbetsträning", "arbetsträningen börjar i maj"),  # definite
        ("kafé", "deltagarna jobbar i kaféet"),  # -et after an accented vowel
        ("handledar*", "handledarlönen betalas av regionen"),  # the first part of a compound
        ("arbetsförmedlingen", "Arbetsförmedlingens handläggare"),  # genitive
        ("försäkringskassan", "försäkringskasssan ska upphandla"),  # a typo in a long word
        ("arbetsförmedlingen", "arbetsförmedligen"),  # a letter missing
        ("förbundet", "forbundet betalar"),  # written without å/ä/ö
        ("köpa platser", "kommunen vill köpa platserna"),  # a phrase, inflected
        ("till ~ företag", "pengar till det sociala företaget"),  # words between
        ("stöd från <part> ~ <part>", "stöd från soc, beroendevården och AF"),  # a word class: any party
        ("stöd från <part> ~ <part>", "stöd från kommun+AF+region"),
        ("förbundet betalar företaget", "förbundet betalar bolaget"),  # another word for the company
    ],
)
def test_swedish_forms_are_found(keyword: str, text: str):
    assert [negated for _, negated in found(keyword, text)] == [False]


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("ingen", "utbildningen är för deltagarna"),  # a short word inside another is not a mention
        ("=lån", "en arbetsplan för hösten"),  # "=" keeps a short word whole
        ("kommunen", "regionen"),
        ("till ~ företag", "till deltagarna som sedan får jobb på ett företag"),  # too far apart
        ("stöd från <part> ~ <part>", "stöd från oss och företaget"),  # neither is a party
        ("stöd från <part> ~ <part>", "stöd från AF i tre år"),  # one party only
        ("<part>", "associationen"),  # "soc" is a whole word, never inside another
        ("förbundet betalar företaget", "förbundet betalar filmbolaget"),  # another firm: a supplier
    ],
)
def test_other_words_are_not_mentions(keyword: str, text: str):
    assert found(keyword, text) == []


def test_negation_covers_the_words_after_it_in_the_same_clause():
    assert found("bidrag", "det är inte ett bidrag") == [("bidrag", True)]
    assert found("platser", "inte köpa platser, vi köper datorer") == [("platser", True)]
    assert found("datorer", "inte köpa platser, vi köper datorer") == [("datorer", False)]


def test_a_clause_opened_by_sa_is_not_under_the_negation_before_it():
    """Trial 47 (t47-9): "AF vill inte hantera fakturorna så förbundet betalar … direkt" denied the direct payment."""
    assert found("betalar", "AF vill inte det så vi betalar dem") == [("betalar", False)]
    assert found("stort", "bidraget är inte så stort") == [("stort", True)]  # "så" as the negated adverb
    # "så att" goes on under the negation (review of session 34)
    assert found("förbundet", "det ska inte bli så att förbundet betalar") == [("förbundet", True)]


@pytest.mark.parametrize(
    ("text", "affirmed"),
    [
        ("det är regionen inte kommunen", True),  # "X, inte Y" without the comma (trial 21)
        ("det ar regionen inte kommunen", True),  # without å/ä/ö
        ("det är regionen inte kommunen som köper platserna", True),
        ("om regionen inte köper platserna", False),
        ("det är regionen inte beredd att göra", False),  # no contrast: what follows "inte" goes on
        ("nu är regionen inte längre med", False),  # review of session 17: an inverted clause denies
    ],
)
def test_a_contrast_after_det_ar_is_no_denial_of_what_it_names(text: str, affirmed: bool):
    assert found("regionen", text) == [("regionen", not affirmed)]
    assert found("kommunen", text) in ([], [("kommunen", True)])


def test_a_negation_covers_each_thing_it_lists_with_eller():
    # Dev set 5: "inga behov av rehabilitering eller samordnade insatser" was read as the target group.
    text = "de saknar behov av både vård, rehabilitering eller samordnat stöd från myndigheterna"
    assert found("samordnat stöd", text) == [("samordnat stöd", False)]  # no negation at all
    text = "gruppen har inga behov av rehabilitering eller samordnat stöd"
    assert found("samordnat stöd", text) == [("samordnat stöd", True)]
    assert found("samordnat stöd", "vi vill inte vänta, eller hur, samordnat stöd behövs") == [
        ("samordnat stöd", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "vi vet inte om deltagarna är i målgruppen",
        "vi inte vet om deltagarna är i målgruppen",
        "vi är inte säkra på om deltagarna är i målgruppen",
        "det är inte klart om deltagarna är i målgruppen",
    ],
)
def test_a_doubt_is_not_a_denial_of_what_follows_it(text: str):
    # Not knowing whether the participants are in the target group does not say they are not.
    assert found("deltagarna", text) == [("deltagarna", False)]


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("kommunen", "det är inte bestämt att kommunen köper platserna"),  # a denial, not a doubt: no "om"
        ("saker", "inte saker utan pengar"),  # "saker" is things here, not "säker"
    ],
)
def test_a_negation_without_a_doubt_still_denies(keyword: str, text: str):
    assert found(keyword, text) == [(keyword, True)]


def test_not_only_affirms_what_follows():
    # Trial 10 (t10-3): "inte bara arbetsträning" denied the work training.
    assert found("arbetsträning", "det är inte bara arbetsträning, de ska också ha en handledare") == [
        ("arbetsträning", False)
    ]
    assert found("arbetsträning", "det är inte arbetsträning") == [("arbetsträning", True)]
    assert found("handledare", "inte bara arbetsträning utan också en handledare") == [("handledare", False)]


def test_what_is_to_be_avoided_is_denied_to_the_end_of_the_clause():
    # Trial 9 (t9-7): "slippa … gå via kommunen" made the municipality the party that procures.
    text = "vi vill slippa krångel med att gå via kommunen, men kommunen skickar deltagarna"
    assert found("kommunen", text) == [("kommunen", True), ("kommunen", False)]


def test_what_is_dropped_is_denied_and_what_is_done_instead_is_not():
    # Trial 59 (t59-1): "om vi skippar handledaren och i stället låter kommunen köpa arbetsträningsplatserna" read the
    # supervisor as what is done.
    text = "om vi skippar handledaren och i stället låter kommunen köpa platserna"
    assert found("handledaren", text) == [("handledaren", True)]
    assert found("platserna", text) == [("platserna", False)]
    assert found("kommunen", "vi slopar kursen och istället ordnar kommunen praktik") == [("kommunen", False)]


def test_inte_x_utan_y_affirms_y():
    text = "det är inte ett lån utan ett bidrag"
    assert found("lån", text) == [("lån", True)]
    assert found("bidrag", text) == [("bidrag", False)]


def test_in_a_cleft_the_negation_denies_who_and_what_they_do_still_holds():
    # Trial 38 (t38-3): "det ar inte forbundet sjalvt som lanar ut utan kommunen" denied the loan, and the summary's
    # loan became a grant through "ger pengarna" later on.
    text = "nej, det är inte förbundet som lånar ut pengarna utan regionen"
    assert found("förbundet", text) == [("förbundet", True)]
    assert found("lånar ut", text) == [("lånar ut", False)]
    assert found("regionen", text) == [("regionen", False)]
    # A quantity is what is denied: not all of them need it.
    assert found("behöver", "det är inte alla som behöver stöd utan bara några") == [("behöver", True)]
    # No "utan" naming another: the relative clause stays under the negation.
    assert found("behöver", "det är inte deltagare som behöver stöd") == [("behöver", True)]


def test_a_quote_gives_the_users_own_words_around_a_mention():
    text = "Vi har pratat länge om detta. Kommunen vill köpa platser på kaféet åt deltagare i höst. Mer sen."
    mention = swedish.find("köpa platser", swedish.tokens(text))[0]
    assert swedish.quote(text, mention) == "Kommunen vill köpa platser på kaféet åt deltagare…"


def test_a_phrase_never_spans_two_sentences():
    assert found("kommunen ~ köpa", "Kommunen är med. Köpa platser gör regionen.") == []
    assert found("kommunen ~ köpa", "Kommunen vill köpa platser.") == [("Kommunen vill köpa", False)]


def test_a_negation_of_the_last_word_denies_the_phrase_unless_the_phrase_negates_itself():
    text = "Handledaren ska inte vara anställd på företaget utan hos AF"
    assert found("handledar* ~ anställd på ~ företaget", text)[0][1] is True
    assert found("handledar* ~ anställd ~ hos ~ af", text)[0][1] is False
    assert found("inte säker", "inte säker") == [("inte säker", False)]


@pytest.mark.parametrize("text", ["…vill att förbundet betalar", "ﬁrman … köper ½ plats", "Ｆörbundet köper"])
def test_word_offsets_are_those_of_the_text_as_written(text: str):
    # NFKC writes "…" as "...", "ﬁ" as "fi" and "½" as "1⁄2"; the offsets must still fit the text itself.
    for token in swedish.tokens(text):
        assert swedish.fold(text[token.start : token.end]) == token.word


def test_a_quote_that_begins_with_an_ellipsis_is_cut_between_words(tree):
    from asf import recap
    from asf.guidance.understanding import Fact

    evidence = "…vill att förbundet betalar en utbildning i affärsutveckling och mer"
    fact = Fact("stod_till_foretag", "starta_utveckla", evidence)
    clause = recap.own_clause(tree, fact)
    assert "affärsutveckling" in clause and "…ill" not in clause and not clause.rstrip("…").endswith("oc")


def test_a_word_written_with_swedish_letters_keeps_them_where_a_keyword_has_them():
    # "affärsplan" was read as ending in "lån" (a loan) in a summary correction (trial 13, t13-3 pattern).
    assert not found("lån", "en konsult som hjälper dem med affärsplanen")
    assert found("lån", "ett startlån till företaget") == [("startlån", False)]
    assert found("lån", "ett startlan till foretaget") == [("startlan", False)]  # written without å/ä/ö


@pytest.mark.parametrize(
    ("keyword", "text", "found"),
    [
        ("anställd av ~ kommunen", "handledaren är anställd av kommunen", True),
        # A new clause ("…, och …") stops a gap; a list, an insertion or a decimal comma does not.
        ("anställd av ~ kommunen", "handledaren är anställd av stallet, och kommunen har beställt", False),
        ("anställd av ~ kommunen", "handledaren är anställd av stallet och kommunen", True),
        ("regionen ~ ansvarar", "Regionen, tillsammans med AF, ansvarar för arbetsträningen", True),
        ("stöd från <part> ~ <part>", "stöd från socialtjänsten, sin läkare och AF", True),
        ("ge företaget ~ kr", "förbundet vill ge företaget 1,5 miljoner kr", True),
    ],
)
def test_a_gap_in_a_phrase_does_not_reach_into_a_new_clause(keyword: str, text: str, found: bool):
    assert bool(swedish.find(keyword, swedish.tokens(text))) == found


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("betalar direkt istället för via kommunen", ["via", "kommunen"]),
        ("betalar direkt i stället för via kommunen", ["via", "kommunen"]),
        ("betalar direkt i stället för att gå via kommunen", ["att", "ga", "via", "kommunen"]),
        # Fronted: the main clause after the thing set aside is not denied.
        ("I stället för AF ansvarar kommunen", ["af", "ansvarar"]),
        # Another sentence, or the stable ("stallet" without å), is no "i stället för".
        ("vi betalar direkt istället. För regionen är det enklare", []),
        ("arbetsträning i stallet för kommunens deltagare", []),
    ],
)
def test_what_follows_instead_of_is_denied(text: str, denied: list[str]):
    words = swedish.tokens(text)
    assert [t.word for t in words if t.negated] == denied


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("AF köper inga platser", True),
        ("kommunen köper inte platserna", True),
        ("kommunen köper inte bara platser utan också handledning", False),
        ("pengarna går till företaget inte till personerna", False),
    ],
)
def test_a_negation_right_after_a_phrase_denies_it(text: str, denied: bool):
    keyword = "köper" if "köper" in text else "till företaget"
    (mention,) = swedish.find(keyword, swedish.tokens(text))
    assert mention.negated == denied


def test_not_this_comma_but_that_is_a_contrast_not_without():
    words = swedish.tokens("det är inget bidrag, utan ett lån")
    assert [t.word for t in words if t.negated] == ["bidrag"]


def test_an_abbreviation_with_full_stops_ends_no_sentence():
    """ "ek. för." and "t.ex." cut quotes and phrases in two (trial 23: a grant to "… ek. för." was not read)."""
    text = "Kafé Linden ek. för. ska få ett bidrag, t.ex. till datorer bl.a. Nästa mening börjar här."
    sentences = {t.word: t.sentence for t in swedish.tokens(text)}
    assert sentences["bidrag"] == sentences["datorer"] == sentences["foretaget"] == 0
    assert sentences["nasta"] == 1  # a full stop before a capital still ends the sentence


def test_a_quote_runs_over_an_abbreviation():
    text = "Förbundet vill ge kaféet saker, t.ex. en ny diskmaskin."
    mention = swedish.find("diskmaskin", swedish.tokens(text))[0]
    assert "saker, t.ex. en ny diskmaskin" in swedish.quote(text, mention, context=8)
    assert {t.sentence for t in swedish.tokens("Pennor, papper m.m. och datorer o.s.v. till dem.")} == {0}


def test_a_quote_never_cuts_an_amount_in_two():
    """Trial 32, t32-2: a button read "Bedöm i stället ”000 kr per år direkt till företaget…”"."""
    text = "Förbundet betalar 1 250 000 kronor om året direkt till föreningen för driften."
    (mention,) = [m for m in swedish.find("direkt till", swedish.tokens(text))]
    quoted = swedish.quote(text, mention, context=4)  # four words back start inside the amount
    assert "1 250 000 kronor" in quoted, quoted


def test_where_a_word_was_found_is_never_taken_from_another_text():
    """find keeps where each first word was found in the words searched most recently (for speed): a search in
    other words, or in words built again from the same text, gives what a first search would."""
    texts = [f"{party} köper platser, inte {other}" for party in ("kommunen", "regionen") for other in ("AF", "FK")]
    texts += ["platser köps av kommunen", "ingen part alls", "kommunen kommunen kommunen"]
    first = {text: found("kommunen", text) for text in texts}
    for text in reversed(texts * 3):
        assert found("kommunen", text) == first[text]
        words = tuple(list(swedish.tokens(text)))  # equal words in another tuple
        assert [(m.start, m.negated) for m in swedish.find("köper", words)] == [
            (m.start, m.negated) for m in swedish.find("köper", swedish.tokens(text))
        ]
    assert found("kommunen", "platser köps av kommunen") == [("kommunen", False)]
    assert len(found("kommunen", "kommunen kommunen kommunen")) == 3


def test_a_short_vowel_doubles_the_m_before_an_ending():
    """Development set 8 (mt8052): "vi vill bli medlemmar" did not find "medlem"."""
    assert swedish.word_matches("medlem", "medlemmarna") and swedish.word_matches("medlem", "medlemmen")
    assert not swedish.word_matches("kommun", "kommunnen")  # only the m doubles


def test_a_word_said_twice_is_found_in_order_in_each_place():
    """Starts are looked up per different word of the text: both places, in the order written."""
    words = swedish.tokens("Kommunen köper platser, regionen betalar och kommunen följer upp.")
    found = swedish.find("kommun", words)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert len(found) == 2 and found[0].start == 0


def test_the_word_pair_cache_is_bounded():
    """A server runs for weeks and reads new words every day: the (keyword, word) answers kept are capped."""
    maxsize = swedish.word_matches.cache_info().maxsize
    assert maxsize is not None and maxsize <= 2**20


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("det är arbets förmedlingen som köper", "arbetsformedlingen"),
        ("för säkrings kassan står för det", "forsakringskassan"),
        ("sam ordnings förbundet betalar", "samordningsforbundet"),
        ("de är lång tids sjuk skrivna", "langtidssjukskrivna"),
        ("arbetsträning på ett a s f", "asf"),
        ("medlems avgiften är låg", "medlemsavgiften"),
    ],
)
def test_words_dictation_split_are_read_as_one(text: str, word: str):
    """Development set 14: dictated text splits compounds ("arbets förmedlingen"), and the parties went unread."""
    words = swedish.tokens(text)
    assert word in [w.word for w in words]
    joined = next(w for w in words if w.word == word)
    assert " " in text[joined.start : joined.end]  # the evidence is what the user wrote, spaces and all


@pytest.mark.parametrize(
    "text",
    ["han är anställd på arbets förmedlingen sen länge", "det gäller arbets förmedlingen dom vill köpa"],
)
def test_a_split_word_takes_no_word_after_it(text: str):
    assert "arbetsformedlingen" in [w.word for w in swedish.tokens(text)]


def test_words_apart_for_other_reasons_stay_apart():
    words = [w.word for w in swedish.tokens("en handledare, ledare för gruppen, och ett sjuk- och friskvårdsbidrag")]
    assert "handledare" in words and "ledare" in words
    assert swedish.with_split_words_joined("kommunen köper platser") == "kommunen köper platser"
    assert swedish.with_split_words_joined("via arbets förmedlingen") == "via arbetsförmedlingen"


def test_a_keyword_first_looked_for_after_a_text_was_indexed_is_still_found_in_it():
    # Which keyword leads a word matches is kept per word, and each text's starts are indexed once; a lead first
    # seen later (here a made-up one) is looked for word by word, in that text and in the next.
    words = swedish.tokens("Förbundet köper zebrafiskarna av kooperativet")
    assert swedish.find("kooperativ", words)  # the text is indexed
    assert [m.keyword for m in swedish.find("zebrafisk", words)] == ["zebrafisk"]
    assert not swedish.find("giraff", words)
    later = swedish.tokens("En zebrafisk till")
    assert [m.keyword for m in swedish.find("zebrafisk", later)] == ["zebrafisk"]
    assert not swedish.find("giraff", later)
