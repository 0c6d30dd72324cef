"""Diagnoses and other health conditions people name when they write about one person ("en kille,
[namn], med adhd"). privacy.py masks them only in a sentence about an individual: said of a group
("personer med psykisk ohälsa", "deltagare med NPF") they describe a target group, which the
assessment needs and which is no personal data.

Each entry is the start of a word, matched case-insensitively ("depression" also finds
"depressionen"); short abbreviations must match the whole word.
"""

from __future__ import annotations

WORD_STARTS = (
    "adhd",
    "autism",
    "autist",
    "asperger",
    "npf",
    "depression",
    "deprimerad",
    "ångest",
    "panikångest",
    "bipolär",
    "schizofreni",
    "psykos",
    "psykotisk",
    "utmattningssyndrom",
    "utbränd",
    "utbrändhet",
    "ptsd",
    "ocd",
    "tvångssyndrom",
    "borderline",
    "personlighetsstörning",
    "ätstörning",
    "anorexi",
    "bulimi",
    "missbruk",
    "alkoholism",
    "alkoholist",
    "narkoman",
    "spelberoende",
    "dyslexi",
    "tourette",
    "epilepsi",
    "diabetes",
    "cancer",
    "demens",
    "stroke",
    "hjärnskad",
    "ryggskad",
    "whiplash",
    "fobi",
    "socialfobi",
    "sjukdom",
    "hjärtinfarkt",
    "fibromyalgi",
    "reumatism",
    "hiv",
    "diagnos",
    "funktionsnedsättning",
    "utvecklingsstörning",
)

# Sick leave and sickness benefits say that a person is ill ("hon har varit sjukskriven länge", trial 28), but far more
# often they describe the target group ("platser för sjukskrivna") or ask about the rules ("får hen behålla sin
# sjukpenning?"): privacy.py masks them only after a word for one certain person in the same sentence.
SICK_LEAVE_STARTS = (
    "sjuk",
    "sjukskriv",
    "långtidssjukskriv",
    "sjukersättning",
    "sjukpenning",
)
