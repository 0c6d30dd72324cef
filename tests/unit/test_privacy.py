"""Personal data typed by mistake is masked, and the user is told."""

from __future__ import annotations

import time
import unicodedata

import pytest

from asf import dialogue
from asf.privacy import mask, masked_kinds
from asf.turns import Message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hon har personnummer 19850312-1234", "hon har personnummer [personnummer]"),
        ("pnr 198503121234.", "pnr [personnummer]."),
        ("850312-1234 heter han", "[personnummer] heter han"),
        ("8503121234", "[personnummer]"),
        ("född 850312+1234", "född [personnummer]"),
        ("samordningsnummer 850372-1234", "samordningsnummer [personnummer]"),
        ("ring 070-123 45 67", "ring [telefonnummer]"),
        ("ring +46 70 123 45 67 i dag", "ring [telefonnummer] i dag"),
        ("växeln 08-123 456 78", "växeln [telefonnummer]"),
        ("mejla anna.svensson@kommun.se nu", "mejla [e-postadress] nu"),
        ("ring 070-1234567 eller a@b.se", "ring [telefonnummer] eller [e-postadress]"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi vill ge 30 000 kr i startbidrag",
        "enligt 7 § lagen (2003:1210)",
        "insatsen pågår 2024-2026 med 12 deltagare",
        "budget 1250000 kronor",
        "vägledningen från 2016-04-28",
    ],
)
def test_ordinary_numbers_are_kept(text):
    assert mask(text) == text


# Ways of writing the same data that slipped through before (issue 19). Each row is (how it is written,
# the text); the text must come out with a marker and without its digits.
WRITTEN_OTHERWISE = [
    ("en dash", "pnr 19850312\u20131234 ok", "pnr [personnummer] ok"),
    ("em dash", "pnr 850312\u20141234 ok", "pnr [personnummer] ok"),
    ("non-breaking hyphen", "pnr 19850312\u20111234 ok", "pnr [personnummer] ok"),
    ("minus sign", "pnr 850312\u22121234 ok", "pnr [personnummer] ok"),
    ("non-breaking space", "pnr 850312\u00a01234 ok", "pnr [personnummer] ok"),
    ("narrow non-breaking space", "pnr 850312\u202f1234 ok", "pnr [personnummer] ok"),
    ("spaced dash", "pnr 19850312 - 1234 ok", "pnr [personnummer] ok"),
    # Still masked beside the rule that keeps date ranges: a phone right after a personnummer.
    ("pnr then phone", "19850312-1234/070-1234567", "[personnummer]/[telefonnummer]"),
    ("dated pnr then phone", "1985-03-12-1234-070 123 45 67", "[personnummer]-[telefonnummer]"),
    ("dot", "pnr 850312.1234 ok", "pnr [personnummer] ok"),
    ("slash", "pnr 850312/1234 ok", "pnr [personnummer] ok"),
    ("underscore", "pnr 850312_1234 ok", "pnr [personnummer] ok"),
    (
        "full-width digits",
        "pnr \uff11\uff19\uff18\uff15\uff10\uff13\uff11\uff12\uff0d\uff11\uff12\uff13\uff14 ok",
        "pnr [personnummer] ok",
    ),
    (
        "full-width digits, no sign",
        "pnr \uff18\uff15\uff10\uff13\uff11\uff12\uff11\uff12\uff13\uff14",
        "pnr [personnummer]",
    ),
    ("YYYY-MM-DD-NNNN", "pnr 1985-03-12-1234 ok", "pnr [personnummer] ok"),
    ("YYYY.MM.DD-NNNN", "pnr 1985.03.12-1234 ok", "pnr [personnummer] ok"),
    ("YY-MM-DD-NNNN", "pnr 85-03-12-1234 ok", "pnr [personnummer] ok"),
    ("samordningsnummer, en dash", "snr 850372\u20131234 ok", "snr [personnummer] ok"),
    ("samordningsnummer, YYYY-MM-DD-NNNN", "snr 1985-03-72-1234 ok", "snr [personnummer] ok"),
    ("phone with dots", "ring 070.123.45.67 i dag", "ring [telefonnummer] i dag"),
    ("phone with a slash", "ring 070/1234567 i dag", "ring [telefonnummer] i dag"),
    ("phone with an en dash", "ring 070\u2013123 45 67 i dag", "ring [telefonnummer] i dag"),
    ("phone with non-breaking spaces", "ring 070\u00a0123\u00a045\u00a067 i dag", "ring [telefonnummer] i dag"),
    (
        "phone, full-width digits",
        "ring \uff10\uff17\uff13\uff19\uff18\uff17\uff16\uff15\uff14\uff13 nu",
        "ring [telefonnummer] nu",
    ),
    ("phone +46 (0)", "ring +46 (0)70 123 45 67 nu", "ring [telefonnummer] nu"),
    ("phone, landline with a slash", "ring 08/123 456 78 nu", "ring [telefonnummer] nu"),
    ("e-mail (at)", "mejla namn(at)kommun.se nu", "mejla [e-postadress] nu"),
    ("e-mail spaced (at)", "mejla namn (at) kommun.se nu", "mejla [e-postadress] nu"),
    ("e-mail [at]", "mejla anna.s[at]kommun.se nu", "mejla [e-postadress] nu"),
    ("e-mail (AT) and (dot)", "mejla anna(AT)kommun(dot)se nu", "mejla [e-postadress] nu"),
    ("e-mail (snabel-a)", "mejla anna(snabel-a)kommun.se nu", "mejla [e-postadress] nu"),
    ("e-mail, full-width @", "mejla anna\uff20kommun.se nu", "mejla [e-postadress] nu"),
    ("e-mail, small @", "mejla anna\ufe6bkommun.se nu", "mejla [e-postadress] nu"),
    (
        "e-mail, full-width letters",
        "mejla \uff41\uff4e\uff4e\uff41\uff20\uff4b\uff4f\uff4d\uff4d\uff55\uff4e.se nu",
        "mejla [e-postadress] nu",
    ),
]


@pytest.mark.parametrize(("how", "text", "expected"), WRITTEN_OTHERWISE, ids=[row[0] for row in WRITTEN_OTHERWISE])
def test_personal_data_written_otherwise_is_masked(how, text, expected):
    assert mask(text) == expected


# What people write about initiatives: amounts, years, dates, SFS numbers, percentages, case numbers.
# None of it is personal data, and all of it must reach the dialogue as written (after NFKC).
ORDINARY = [
    "Insatsen kostar 200 000 kr",
    "Insatsen kostar 200\u00a0000 kr",
    "vi söker 50 000 kronor",
    "budgeten är 1 250 000 kr för 2026",
    "en budget på 2 000 000 000 kr",
    "ett anslag om 12 070 000 kr",
    "år 2026 och 2027",
    "insatsen pågår 2024\u20132026",
    "verksamhetsåret 2025/26",
    "sista dag 2026-11-30",
    "från 2026-11-30 till 2027-06-30",
    # A period written as a range of two dates is neither a personnummer nor a phone number.
    "projektet pågår 2027-01-01--2027-12-31",
    "perioden 2027-01-01 \u2013 2027-12-31",
    "perioden 2027-01-01 - 2027-12-31",
    "perioden 2027.01.01/2027.12.31",
    "möte 2026-11-30 kl 13.15",
    "datum 01.02.2025 och 05/11/2026 och 01-02-2025",
    "den 30/11 2026",
    "lagen (2003:1210) om finansiell samordning",
    "SFS 2003:1210, 7 §",
    "andelen är 12,5 % eller 15 %",
    "dnr 2026/123 och dnr 2026-0042",
    "kl. 09.30\u201311.00",
    "12 deltagare, 30 000 kr per deltagare och år",
    "postnummer 123 45",
    "organisationsnummer 222000-1234 hos förbundet",
    "v. 12\u201314 och sidan 12\u201313",
    "e-post till kansliet, eller ring växeln",
    "vi@ är inte en adress",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_written_otherwise_are_kept(text):
    assert mask(text) == unicodedata.normalize("NFKC", text)


def _seconds_to_mask(text: str) -> float:
    # CPU time of this process: other work on a busy machine does not count against the pattern.
    started = time.process_time()
    mask(text)
    return time.process_time() - started


@pytest.mark.parametrize("unit", ["a", "a.", "1", "a@1(at)\uff11\u00a0 "], ids=repr)
def test_masking_is_linear_in_the_length_of_the_text(unit):
    """A long string without "@" took quadratic time (about two hours for 1 MB); now it is linear.

    A quarter megabyte and a whole one are each timed twice, interleaved, and the fastest run
    counts. Quadratic time would make the 1 MB text take sixteen times
    as long; linear about four. Below a twentieth of a second the times say more about the
    machine than about the pattern.
    """
    text = unit * (250_000 // len(unit))
    quarter_mb, one_mb = [], []
    for _ in range(2):
        quarter_mb.append(_seconds_to_mask(text))
        one_mb.append(_seconds_to_mask(text * 4))
    assert min(one_mb) < 2.0
    assert min(one_mb) < 6 * max(min(quarter_mb), 0.05), (quarter_mb, one_mb)


def test_user_is_told_what_was_removed():
    message = Message(text=mask("hon heter Eva, 19850312-1234, tel 070-123 45 67"), intent="inform")
    notice = dialogue.privacy_notice(message)
    assert notice is not None and notice.text is not None
    assert "ett personnummer och ett telefonnummer och ett namn" in notice.text
    assert masked_kinds(message.text) == ["personnummer", "telefonnummer", "namn"]
    assert dialogue.privacy_notice(Message(text="hej")) is None


def test_channels_mask_the_text_and_the_metadata_they_hand_rasa():
    import asyncio

    from rasa.core.channels.channel import UserMessage

    from channels.core.connectors import masking

    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)

    message = UserMessage(
        "ring 070-123 45 67",
        sender_id="crm-1",
        metadata={"note": "pnr 19800101-1234", "contacts": [{"mail": "anna.svensson@example.se"}], "count": 3},
    )

    async def deliver() -> None:
        await masking(rasa)(message)

    asyncio.run(deliver())
    stored = seen[0]
    assert "070-123 45 67" not in str(stored.text)
    assert "19800101-1234" not in str(stored.metadata)
    assert "anna.svensson@example.se" not in str(stored.metadata)
    assert stored.metadata["count"] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en kille, Kalle, med lång erfarenhet", "en kille, [namn], med lång erfarenhet"),
        ("Anna Svensson-Berg ska börja i maj", "[namn] ska börja i maj"),  # the surname with it
        ("Hej Eva! Vi på kommunen", "Hej [namn]! Vi på kommunen"),
        ("Maria och Johan vill arbetsträna", "[namn] och [namn] vill arbetsträna"),
        ("där Siv-Britt ska börja i maj", "där [namn] ska börja i maj"),  # a double first name, one part listed
        ("Handläggaren Anna Maria Lund ringde", "Handläggaren [namn] ringde"),
        ("skriv till Anna.Svensson@kommun.se", "skriv till [e-postadress]"),  # one address, not a name too
    ],
)
def test_first_names_are_masked_with_the_surname_after_them(text: str, expected: str):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Per månad kostar platsen 5 000 kr",  # "Per" is left out of the list: an everyday word
        "Kommunen och Arbetsförmedlingen köper platser på Kafé Linden",
        "anna skrev med liten bokstav",  # only capitalised names: a lower-case word is too often a word
    ],
)
def test_capitalised_words_that_are_not_names_are_kept(text: str):
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # about one person (a name masked, a pronoun, "en tjej"): the condition goes too
        (
            "en kille, Kalle, med adhd och lång sjukskrivning",
            "en kille, [namn], med [hälsouppgift] och lång [hälsouppgift]",
        ),
        # sick leave and sickness benefits are health details too (trial 28, t28-14)
        (
            "vill starta eget företag. hon har varit sjukskriven länge",
            "vill starta eget företag. hon har varit [hälsouppgift] länge",
        ),
        ("Han är långtidssjukskriven och har sjukersättning.", "Han är [hälsouppgift] och har [hälsouppgift]."),
        ("Hon är sjuk ofta.", "Hon är [hälsouppgift] ofta."),
        ("Hon har diagnosen schizofreni och vill börja på kaféet.", "Hon har [hälsouppgift] och vill börja på kaféet."),
        ("Vi har en tjej med Aspergers som vill arbetsträna", "Vi har en tjej med [hälsouppgift] som vill arbetsträna"),
        ("Ahmed har en förvärvad hjärnskada.", "[namn] har en förvärvad [hälsouppgift]."),
        # only the sentence about the person: the target group in the next sentence stays
        (
            "Han har depression. Insatsen gäller personer med depression.",
            "Han har [hälsouppgift]. Insatsen gäller personer med depression.",
        ),
        # one person by an age or a word for a woman or man, also without å (trial 69, t69-7)
        (
            "till exempel en kvinna i 30 arsaldern med utbrandhet",
            "till exempel en kvinna i 30 arsaldern med [hälsouppgift]",
        ),
        ("En 52-åring med epilepsi ska arbetsträna.", "En 52-åring med [hälsouppgift] ska arbetsträna."),
        ("Mannen är 41 år gammal och har ptsd.", "Mannen är 41 år gammal och har [hälsouppgift]."),
        ("en deltagare i 20-årsåldern med autism", "en deltagare i 20-årsåldern med [hälsouppgift]"),
        # the definite form and an age: one participant, not the target group (session 42's note)
        ("Klienten ar 34 ar och har bipolar sjukdom.", "Klienten ar 34 ar och har [hälsouppgift]."),
        ("personen fyller 23 år, har haft psykos", "personen fyller 23 år, har haft [hälsouppgift]"),
        ("Eleven, 17 år, har autism.", "Eleven, 17 år, har [hälsouppgift]."),
        # "deltagare", singular too, about one person (review of session 43)
        ("Hon är en av våra deltagare med ptsd.", "Hon är en av våra deltagare med [hälsouppgift]."),
        ("Han är ny deltagare med adhd hos oss.", "Han är ny deltagare med [hälsouppgift] hos oss."),
        ("Hon hör till gruppen sjukskrivna.", "Hon hör till gruppen [hälsouppgift]."),
    ],
)
def test_health_conditions_are_masked_in_a_sentence_about_one_person(text: str, expected: str):
    assert mask(text) == expected
    assert "hälsa" in masked_kinds(mask(text))


@pytest.mark.parametrize(
    "text",
    [
        "Arbetsträning för personer med ADHD och autism på ett socialt företag",
        "Målgruppen är unga vuxna med NPF och psykisk ohälsa som har insatser från flera parter.",
        "Regionens beroendevård köper platser åt patienter med missbruksproblematik",
        "Arbetsträning för långtidssjukskrivna och personer med sjukersättning",
        # sick leave before the words for a person, or beside an "hen" that is anyone (review of session 21)
        "Kommunen ska köpa platser på Returen för sjukskrivna, han på kommunen upphandlar",
        "Får deltagaren behålla sin sjukpenning när hen arbetstränar på ett socialt företag?",
        # the age of a group describes the target group
        "Arbetsträning för kvinnor i 50-årsåldern med utmattningssyndrom",
        "Deltagarna är 18-25 år gamla och har adhd eller autism.",
        "Deltagaren är 20 år eller äldre och har ofta npf.",
        # a group's condition in a sentence about someone else (session 42's note: "mannen" in the board)
        "Kvinnan som leder styrelsen vill ha arbetsträning för unga med autism.",
        "Hon är handläggare och jobbar med sjukskrivna med utmattningssyndrom.",
    ],
)
def test_health_words_describing_a_target_group_are_kept(text: str):
    assert mask(text) == text


def test_the_user_is_told_when_a_health_condition_was_removed():
    notice = dialogue.privacy_notice(Message(text=mask("Hon har utmattningssyndrom"), intent="inform"))
    assert notice is not None and "en uppgift om hälsa" in (notice.text or "")
