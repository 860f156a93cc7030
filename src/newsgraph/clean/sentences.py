"""Sentence segmentation: rules over punctuation, with each language's abbreviations.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets after it) followed by a space and a capital letter, a digit or an
opening quote - unless the dot closes an abbreviation from the language pack
("Mr.", "ecc.") or an initial ("J. Biden"), and the next word is not one
that opens sentences.  Each line of the cleaned text is segmented on its
own, so headings and paragraph breaks always end a sentence.  A wire story's dateline
("ANKARA, March 14 (Reuters) - ", "GENEVA (AP) — ", "ROMA, 21 gennaio (ANSA) - ") is a
sentence of its own: its place and agency are no part of what the first sentence reports.
"""

from __future__ import annotations

import re

from newsgraph.lang import CleaningData, cleaning_for

_END = re.compile(r"[.!?…]+[\"”»’')\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.'’-]*)$")
_OPENERS = "\"“«„‘'([¿¡—–-"
#: A dateline at the start of a line: a place of one to four words, perhaps a date or a
#: country after a comma and the agency in brackets, then a dash; the place in capitals or
#: the agency given ("Roma, 21 gennaio (ANSA) -").
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’]*(?:[ -][^\W\d_][\w.'’]*){0,3})"
    r"(?:,[ ][^,()\n]{1,30}?)?"
    r"(?:[ ]?(?P<agency>\([^()\n]{1,40}\)))?"
    r"[ ]+[-–—]{1,2}[ ]+(?=[\"“«„‘'\w])"
)


def _is_boundary(line: str, dot: int, after: int, data: CleaningData) -> bool:
    """Does the sentence end at ``dot`` (its punctuation) with the next one at ``after``?"""
    nxt = line[after] if after < len(line) else ""
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalpha()):
        return False  # "e.g. this", "ecc. e poi": a lower-case word goes on
    if line[dot] != ".":
        return True
    # the word cannot begin before the last space: searching from there finds the same one
    # without trying every position of a long paragraph
    before = _WORD_BEFORE.search(line, line.rfind(" ", 0, dot) + 1, dot)
    if before is None:
        return True
    word = before.group(1)
    next_word = re.match(r"[\w'’]+", line[after:])
    opens = bool(next_word and next_word.group() in data.sentence_starters)
    if len(word) == 1 and word.isupper():
        return opens  # an initial: "Joseph R. Biden"
    if word.casefold().rstrip(".") in data.abbreviations or "." in word:
        return opens  # "Mr. Biden", "U.S. officials" - but "in the U.S. He left"
    return True


def split_sentences(text: str, *, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, trimmed of surrounding spaces."""
    data = cleaning_for(lang)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = 0
        dateline = _DATELINE.match(line)
        if dateline and (dateline["agency"] or dateline["place"].isupper()):
            spans.append((pos, pos + dateline.end()))
            start = dateline.end()
        for m in _END.finditer(line, start):
            after = m.end()
            while after < len(line) and line[after].isspace():
                after += 1
            if _is_boundary(line, m.start(), after, data):
                spans.append((pos + start, pos + m.end()))
                start = after
        spans.append((pos + start, pos + len(line)))
        pos += len(line) + 1
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed
