"""Who acts when a speaker speaks for themselves or for their state.

An act told in the first person ("Today, I have directed my administration to impose
sanctions on X", "we will not hesitate to respond if ...") names no actor: the speaker of
the statement that holds it is the actor, and for "we" also the state the speaker belongs
to.  A verbal act a speaker reports of their own state ("Biden made clear that the United
States will respond decisively if ...") is made by the speaker for that state: both act.
Such a spoken act, quoted word for word and dated nowhere in its sentence, is made when the
words are published ("I want to thank Chancellor Scholz", in a statement of the day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsgraph.extract.events import Found
from newsgraph.model import Actor, DateRef, Event, Statement

#: Acts that a statement itself performs: saying them is doing them.
SPOKEN_TYPES = frozenset(
    {"THREATEN", "REQUEST", "ACCUSE", "REJECT", "DISAPPROVE", "SUPPORT", "AGREE", "CONCEDE"}
)


def _holder(statements: Sequence[Statement], event: Event) -> Statement | None:
    """The narrowest statement with a speaker whose content holds the event's trigger."""
    trigger = event.trigger
    if trigger is None:
        return None
    holding = [
        st
        for st in statements
        if st.speaker is not None
        and st.content.start <= trigger.start
        and trigger.end <= st.content.end
    ]
    return min(holding, key=lambda st: st.content.end - st.content.start, default=None)


def with_speakers(
    found: Found,
    statements: Sequence[Statement],
    actors: Sequence[Actor],
    *,
    published: str | None = None,
) -> Found:
    """``found`` with the speakers of first-person acts and of their states' verbal acts,
    and the publication day as the date of the spoken acts quoted without one."""
    states = {a.id: a.country for a in actors if a.type == "PER" and a.country}
    events = []
    for event in found.events:
        st = _holder(statements, event)
        if st is None or st.speaker is None:
            events.append(event)
            continue
        speaker = st.speaker
        state = states.get(speaker)
        acting: tuple[str | None, ...] = event.actors
        if event.id in found.ours:  # "I met with Chancellor Scholz": the speaker met him
            acting = (speaker, state if found.ours[event.id] else None, *event.actors)
        elif event.type in SPOKEN_TYPES and state is not None and event.actors == (state,):
            acting = (speaker, state)
        new = tuple(dict.fromkeys(a for a in acting if a and a not in event.recipients))
        if new != event.actors:
            event = replace(event, actors=new)
        if (
            speaker in event.actors
            and event.type in SPOKEN_TYPES
            and event.date is None
            and not event.hypothetical
            and st.mode == "direct"
            and published is not None
            and len(published) == 10
        ):
            event = replace(event, date=DateRef(None, published))
        events.append(event)
    return replace(found, events=events)
