"""Common first names in Sweden, for masking (asf/privacy.py).

A list, not a model: a name typed into a description ("en kille, Kalle, med …") is masked
when it is written with a capital letter. Names that are also everyday words with a capital
at the start of a sentence ("Per månad", "Bo kvar", "Liv och hälsa", "Sten", "Tor") are left
out: masking them would change what people wrote about initiatives. Over-masking a company
named after a person ("Kafé Linnea") is the safe side.
"""

from __future__ import annotations

FIRST_NAMES = frozenset(
    """
    Anna Eva Maria Karin Kristina Lena Sara Kerstin Emma Ingrid Marie Malin Jenny Birgitta Hanna
    Linda Inger Sofia Ulla Annika Elin Susanne Monica Johanna Carina Elisabeth Ida Helena Camilla
    Julia Linnea Margareta Cecilia Emelie Therese Anette Åsa Ebba Maja Elsa Alice Wilma Ella Alva
    Klara Frida Amanda Matilda Moa Agnes Stina Lisa Marianne Gunilla Britt Siv Gun Barbro Ann Lotta
    Pia Sofie Josefin Nathalie Fatima Amina Sanna Tove Ronja Felicia Isabelle Nora Saga Astrid Ines
    Lova Vera Hedvig Greta Elvira Selma Tilda Alicia Emilia Olivia Ellen Louise Jessica Veronica
    Petra Yvonne Madeleine Caroline Charlotte Mona Ylva Maryam Leila Zahra Aisha Hawa Sabina Lars
    Anders Johan Mikael Erik Karl Peter Jan Thomas Daniel Fredrik Hans Andreas Stefan Bengt Mats
    Magnus Mattias Jonas Marcus Niklas Martin Oskar Gustav Henrik Sven Nils Björn Leif Göran
    Lennart Kjell Ulf Stig Rolf Roger Tommy Patrik Robert Christer Joakim Håkan Anton Emil Viktor
    Axel Filip Simon Jakob David Alexander Sebastian Oliver William Liam Elias Hugo Lucas Adam Noah
    Theo Isak Leo Arvid Ludvig Albin Linus Rasmus Kalle Olle Pelle Nisse Mohammed Mohamed Muhammad
    Ahmed Ali Omar Hassan Hussein Yusuf Ibrahim Mustafa Abdi Kevin Dennis Jimmy Tobias Christian
    Kristoffer Jesper Jonathan Robin Pontus Gunnar Olof Åke Ingemar Bertil Rune Tore Arne Ove Kent
    Conny Kenneth Jörgen Torbjörn
    """.split()  # noqa: SIM905 (a block of names reads better than 200 quoted strings)
)
