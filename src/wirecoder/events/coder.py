"""The event coder: triggers found on the dependency parse, actors from their slots.

For each token whose lemma has trigger patterns, the most specific pattern whose
conditions hold (particle, object words, required preposition) codes the event. The
source comes from the subject (the `by` agent of a passive; the controlling subject of
"agreed to send"), the target from the slot the pattern names (object, dative, a given
preposition, a possessor), not from every noun around. Coordinated actors give one
event per pair. Modality, date and place are read around the trigger; the same event
told twice in a document is kept once, with the other places listed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirecoder.events.dates import TimeExpression, event_date, time_expressions
from wirecoder.events.modality import charging_verb, read_modality
from wirecoder.events.patterns import Pattern, PatternSet, load_patterns
from wirecoder.events.places import SentencePlaces, event_places, sentence_places
from wirecoder.model import Event, EventActor, EventPlace, Location, Mention
from wirecoder.nlp import sentence_of
from wirecoder.ontology import CameoCode, Ontology, load_ontology

_TRIGGER_POS = {"VERB": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


@dataclass(frozen=True, slots=True)
class Seen:
    """A trigger that matched a pattern but was not coded, and why (for `explain`)."""

    sentence: int
    trigger: str
    start: int
    end: int
    rule: str
    reason: str


class EventCoder:
    def __init__(
        self,
        patterns: PatternSet,
        ontology: Ontology,
        *,
        country_of: Callable[[str], str | None] | None = None,
        country_named: Callable[[str], str | None] | None = None,
        agent_code: Callable[[Sequence[str]], str | None] | None = None,
    ) -> None:
        self.patterns = patterns
        self.ontology = ontology
        self.country_of = country_of  # "Russian" -> RUS
        self.country_named = country_named  # "Gaza Strip", "Kathmandu" -> PSE, NPL
        self.agent_code = agent_code  # ["army", "post"] -> MIL: words that name actors

    def code(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        article_date: date | None,
        home: str | None = None,
    ) -> tuple[tuple[Event, ...], tuple[Seen, ...]]:
        """Every event in the document, and the triggers seen but not coded."""
        by_token = _mentions_by_token(doc, mentions)
        events: list[Event] = []
        seen: list[Seen] = []
        for index, sentence in enumerate(doc.sents):
            triggers: dict[int, tuple[Token, Pattern]] = {}
            for token in sentence:
                pos = _TRIGGER_POS.get(token.pos_)
                if pos is None:
                    continue
                pattern = self._pattern(token, pos)
                if pattern is not None:
                    triggers[token.i] = (token, pattern)
            skipped, codes, acts, carriers = self._governed(triggers)
            for token, pattern in triggers.values():
                for part in _frame_objects(token, pattern):
                    if part.i in triggers and part.i != token.i:
                        skipped.setdefault(part.i, f"part of the frame '{pattern.id}' of '{token}'")

            def note(token: Token, pattern: Pattern, reason: str, index: int = index) -> None:
                end = token.idx + len(token)
                seen.append(Seen(index, token.text, token.idx, end, pattern.id, reason))

            found_at: dict[int, list[Event]] = {}
            for token, pattern in triggers.values():
                if token.i in skipped:
                    if token.i not in carriers:
                        note(token, pattern, skipped[token.i])
                    continue
                if _manner(token):
                    note(token, pattern, "'in protest' says why another act was done")
                    continue
                if _consequence(token, triggers):
                    note(token, pattern, f"the toll of '{token.head}', which is coded")
                    continue
                if _purpose(token) and token.head.i in triggers:
                    note(token, pattern, "a purpose clause ('to ...'), not an act of its own")
                    continue
                code = codes.get(token.i, pattern.code)
                if code == "130" and token.lemma_ == "warn":
                    code = _warning_code(token, by_token)
                found, reason = self._coded(token, pattern, code, sentence, index, by_token, acts)
                if not found:
                    note(token, pattern, reason)
                found_at[token.i] = found
            for carrier, complement in carriers.items():
                token, pattern = triggers[carrier]
                if found_at.get(complement):
                    note(token, pattern, skipped[carrier])
                    continue
                # "agreed to undertake joint exercises", where the exercises have no
                # actor of their own: the agreement is the event after all.
                found, reason = self._coded(
                    token, pattern, pattern.code, sentence, index, by_token, acts
                )
                if not found:
                    note(token, pattern, reason)
                found_at[carrier] = found
            # One sentence's events share its time expressions: read them once.
            coded_any = any(found_at.values())
            expressions = time_expressions(sentence, article_date) if coded_any else []
            places = sentence_places(sentence, home_country=home) if coded_any else None
            for i in sorted(found_at):
                token = triggers[i][0]
                for event in found_at[i]:
                    events.append(
                        self._finish(
                            event,
                            token,
                            sentence,
                            article_date,
                            home,
                            by_token,
                            expressions,
                            places,
                        )
                    )
        return _merge(events), tuple(seen)

    def _governed(
        self, triggers: dict[int, tuple[Token, Pattern]]
    ) -> tuple[dict[int, str], dict[int, str], dict[int, tuple[Token, Pattern]], dict[int, int]]:
        """Triggers one sentence must not code on their own, and refined codes.

        "urged Israel to lift the blockade" is one appeal (0254), not an appeal plus a
        lifted blockade; "refused to release" one refusal (1243); "threatened to impose
        sanctions" one threat (1312). "pledged to send troops" and "denied supplying
        drones" are the other way round: the promise or denial is read as the modality
        of the act in the complement, which is the event.
        """
        skipped: dict[int, str] = {}
        codes: dict[int, str] = {}
        acts: dict[int, tuple[Token, Pattern]] = {}
        carriers: dict[int, int] = {}  # the promise or denial -> the act it hands over to
        for token, pattern in triggers.values():
            governs = pattern.code[:2] in _GOVERNING_ROOTS or pattern.refusal
            carries = pattern.intent or token.lemma_ in _CARRIER_LEMMAS
            if not (governs or carries):
                continue
            complements = _complements(token)
            # "denied carrying out the bombing": the act is the complement's object.
            complements += [
                o
                for c in complements
                if c.i not in triggers
                for o in c.children
                if o.dep_ == "dobj" and o.pos_ == "NOUN"
            ]
            for complement in complements:
                if complement.i not in triggers or complement.i in skipped:
                    continue
                act = triggers[complement.i][1]
                if complement.pos_ == "NOUN" and act.code[:2] in _PRIOR_ACTS:
                    continue  # "rejected Seoul's offer of talks": the offer was made too
                if governs:
                    acts[token.i] = (complement, act)
                    skipped[complement.i] = (
                        f"the act asked for, refused or threatened by '{token.text}', "
                        "which is coded instead"
                    )
                    if _generic(pattern.code):
                        refined = self.ontology.governed_code(pattern.code, act.code)
                        if refined is not None:
                            codes[token.i] = refined
                else:
                    skipped[token.i] = (
                        f"'{complement.text}' is coded instead, with '{token.text}' as its modality"
                    )
                    carriers[token.i] = complement.i
                break
        return skipped, codes, acts, carriers

    # -- patterns -------------------------------------------------------------------
    def _pattern(self, token: Token, pos: str) -> Pattern | None:
        for pattern in self.patterns.for_token(token.text, token.lemma_, pos):
            if _fits(pattern, token):
                return pattern
        return None

    # -- actors -----------------------------------------------------------------------
    def _events(
        self,
        trigger: Token,
        pattern: Pattern,
        code: str,
        sentence: Span,
        index: int,
        by_token: dict[int, Mention],
        act: tuple[Token, Pattern] | None = None,
    ) -> tuple[list[Event], str]:
        """The events of one trigger, or none and the reason why."""
        sources = self._slot_actors(trigger, pattern.source, by_token)
        targets: list[EventActor] = []
        home = _country_part(sources[0].code) if sources else None
        if "none" not in pattern.targets:
            targets = self._slot_actors(trigger, pattern.targets, by_token, home)
        end = trigger.idx + len(trigger)
        victims = _country_part(targets[0].code) if targets else None
        if not sources and targets and _unattributed_violence(trigger, code):
            # "was assassinated", "a roadside bomb killed": violence nobody is named
            # for is still news; its source is an unidentified attacker (UAF) of the
            # victims' country.
            sources = [EventActor(f"{victims or ''}UAF", "(unidentified)", trigger.idx, end)]
        if not sources and code[:2] == "14" and trigger.pos_ == "NOUN":
            # "protests spread in Iranian cities": protesters of the place, unnamed.
            country = self._national_in(trigger) or self._sentence_country(trigger)
            if country is not None:
                sources = [EventActor(f"{country}OPP", "(protesters)", trigger.idx, end)]
        authority = _implied_authority(trigger, code) if not sources and targets else None
        if authority is not None:
            # "was detained in Tbilisi", "were freed": only a state arrests, frees or
            # questions; the state of the place named, else of the people it acted on.
            country = self._sentence_country(trigger) or victims
            if country is not None:
                sources = [EventActor(f"{country}{authority}", "(implied)", trigger.idx, end)]
        if not sources:
            return [], "no actor found in the source slot"
        if any(s.code == "UAF" for s in sources):
            # "a gunman opened fire on the former prime minister": an unidentified
            # attacker of the victims' country, else of the place named.
            country = victims or self._sentence_country(trigger)
            if country is not None:
                sources = [
                    replace(s, code=f"{country}UAF") if s.code == "UAF" else s for s in sources
                ]
        if not targets and act is not None:
            # "demanded that Iran release": the party asked; "refused to allow UN
            # inspectors in": the party the act would concern.
            asked = [c for c in act[0].children if c.dep_ in _SUBJECT_DEPS]
            if code[:2] in {"02", "10"} and act[0].dep_ == "ccomp":
                targets = self._actors(asked, by_token)
            if not targets:
                targets = self._slot_actors(act[0], act[1].targets, by_token)
        if not targets and (
            act is not None or code[:2] in _GOVERNING_ROOTS or "none" not in pattern.targets
        ):
            for candidates in _fallback_targets(trigger, code):
                targets = self._actors(candidates, by_token, loose=True)
                if targets:
                    break
        targets = [_counterpart(t, sources) for t in targets]
        entry = self.ontology.get(code)
        # A tour has no single host; other meetings need the other party.
        lonely = not targets and len(sources) < 2 and trigger.lemma_ != "tour"
        if trigger.pos_ == "NOUN" and code[:2] == "04" and lonely:
            # "the WTO ministerial meeting", "an EU summit": a meeting with nobody named.
            return [], "a meeting with no other party named"
        others: list[EventActor | None] = [*targets] if targets else [None]
        pairs = [(s, t) for s in sources for t in others]
        if _symmetric(entry.code, trigger):
            if not targets and len(sources) > 1:
                # "Russia and China held talks": each with the other.
                pairs = [(s, t) for s in sources for t in sources if s is not t]
            else:
                pairs += [(t, s) for s, t in pairs if t is not None]
        found = []
        for source, target in pairs:
            if target is not None and target.code == source.code:
                continue
            refined = _violence_code(entry.code, source, target, trigger)
            found.append(
                Event(
                    **_ontology_fields(self.ontology.get(refined)),
                    source=source,
                    target=target,
                    modality="asserted",
                    date=None,
                    date_precision=None,
                    historical=False,
                    place=None,
                    sentence=index,
                    start=min(sentence.start_char, source.start),
                    end=sentence.end_char,
                    trigger=trigger.text,
                    rule=pattern.id,
                )
            )
        if not found:
            same = targets[0].code if targets else sources[0].code
            return [], f"the only other party found ({same}) is the source itself"
        return found, ""

    def _coded(
        self,
        token: Token,
        pattern: Pattern,
        code: str,
        sentence: Span,
        index: int,
        by_token: dict[int, Mention],
        acts: dict[int, tuple[Token, Pattern]],
    ) -> tuple[list[Event], str]:
        found, reason = self._events(
            token, pattern, code, sentence, index, by_token, acts.get(token.i)
        )
        speaker = _obliged_by(token) if found else None
        if speaker is not None:
            found, reason = self._demanded(found, speaker, by_token)
        return found, reason

    def _demanded(
        self, found: list[Event], speaker: Token, by_token: dict[int, Mention]
    ) -> tuple[list[Event], str]:
        """The act someone says another "must" do, as that speaker's demand (10x)."""
        speakers = self._actors([speaker], by_token)
        if not speakers:
            return [], f"an obligation ('must') voiced by '{speaker}', who is no known actor"
        demands = []
        for event in found:
            if event.source is None or event.source.code == speakers[0].code:
                continue
            code = self.ontology.governed_code("100", event.cameo) or "100"
            demands.append(
                replace(
                    event,
                    **_ontology_fields(self.ontology.get(code)),
                    source=speakers[0],
                    target=event.source,
                    rule=f"{event.rule}+must",
                )
            )
        return demands, "an obligation voiced by its own actor"

    def _slot_actors(
        self,
        trigger: Token,
        slots: Sequence[str],
        by_token: dict[int, Mention],
        home: str | None = None,
    ) -> list[EventActor]:
        """The actors of the first of `slots` that holds any."""
        for slot in slots:
            if slot == "none":
                break
            heads = _slot(trigger, slot)
            found = self._actors(heads, by_token, loose=slot.startswith("prep:"), home=home)
            if not found and slot.startswith("prep:") and self.country_named is not None:
                # "withdrew from the Gaza Strip", "flew aid to Kathmandu": the place's
                # country, which the resolver keeps as a place rather than an actor.
                found = [p for p in (self._place(h, by_token) for h in heads) if p is not None]
            if found:
                return found
        return []

    def _place(self, head: Token, by_token: dict[int, Mention]) -> EventActor | None:
        assert self.country_named is not None
        if head.lower_ == "country" and any(c.lower_ == "the" for c in head.children):
            # "a visit to the country": the country the story last named.
            for i in range(head.i - 1, -1, -1):
                mention = by_token.get(i)
                if mention is not None and mention.code and len(mention.code) == 3:
                    return EventActor(mention.code, "the country", head.idx - 4, head.idx + 7)
        if head.lemma_ == "capital":  # "in the Tajik capital"
            for child in head.children:
                if child.dep_ in {"amod", "compound"}:
                    national = self._national(child, head)
                    if national is not None:
                        return national
        if head.lemma_ in {"border", "frontier"}:  # "massed troops on its border with X"
            across = _pobjs(head, {"with"})
            if across:
                return self._place(across[0], by_token)
        words = [t for t in head.doc[head.left_edge.i : head.i + 1] if t.pos_ != "DET"]
        for start in range(len(words)):
            text = head.doc[words[start].i : head.i + 1].text
            country = self.country_named(text)
            if country is not None:
                return EventActor(country, text, words[start].idx, head.idx + len(head))
        return None

    def _agentive(self, token: Token) -> bool:
        return self.agent_code is not None and self.agent_code([token.lemma_]) is not None

    def _national_in(self, token: Token) -> str | None:
        """A nationality adjective in the token's phrase ("in Iranian cities")."""
        for word in token.subtree:
            national = self._national(word, word) if word.pos_ == "ADJ" else None
            if national is not None:
                return national.code
        return None

    def _sentence_country(self, token: Token) -> str | None:
        """The country of the first place the sentence names (GPE), if any."""
        if self.country_named is None:
            return None
        for ent in sentence_of(token).ents:
            if ent.label_ == "GPE":
                country = self.country_named(ent.text.removesuffix("'s").removesuffix("’s"))
                if country is not None:
                    return country
        return None

    def _co_nationals(self, token: Token, mention: Mention) -> list[EventActor]:
        code = mention.code or ""
        if len(code) <= 3 or self.country_of is None:
            return []
        found = []
        for child in token.lefts:
            if child.dep_ not in {"amod", "compound", "nmod"}:
                continue
            for other in child.conjuncts:
                national = self._national(other, other)
                if national is not None and national.code not in {None, code[:3]}:
                    joined = f"{national.code}{code[3:]}"
                    found.append(EventActor(joined, national.text, national.start, national.end))
        return found

    def _agent_of(self, token: Token) -> str | None:
        """The agent code a noun phrase names ("army posts" MIL), for a NOUN head."""
        if token.pos_ != "NOUN" or self.agent_code is None:
            return None
        words = [c.lemma_ for c in token.lefts if c.dep_ in {"compound", "amod"}]
        return self.agent_code([*words, token.lemma_])

    def _actors(
        self,
        heads: Sequence[Token],
        by_token: dict[int, Mention],
        *,
        loose: bool = False,
        home: str | None = None,
    ) -> list[EventActor]:
        """The coded actor of each head token and of the tokens coordinated with it; a
        nationality adjective ("Russian missile strike") stands for its country."""
        actors: list[EventActor] = []
        for head in heads:
            while head.i not in by_token and (head.pos_ == "NUM" or head.lemma_ in _GROUP_WORDS):
                # "dozens of opposition activists", "tens of thousands of protesters":
                # the people counted.
                counted = _pobjs(head, {"of"})
                if not counted:
                    break
                head = counted[0]
            for token in (head, *head.conjuncts):
                mention = _mention_for(token, by_token) or _antecedent(token, by_token)
                if mention is not None:
                    actor = EventActor(mention.code, mention.text, mention.start, mention.end)
                    # "Indian and Pakistani troops", "U.S. and British warships": one
                    # mention, two actors of the same kind.
                    for other in self._co_nationals(token, mention):
                        if all(a.start != other.start for a in actors):
                            actors.append(other)
                else:
                    # "Russian missile strike", "his Saudi and American counterparts";
                    # in a prepositional slot also "debts of Tajikistan"-like "Tajik debts".
                    nationals = [token] if token.pos_ in {"ADJ", "PROPN"} else []
                    if loose or token.lemma_ == "counterpart" or self._agentive(token):
                        for child in token.children:
                            if child.dep_ in {"amod", "compound"}:
                                nationals += [child, *child.conjuncts]
                    found = [n for n in (self._national(w, token) for w in nationals) if n]
                    agent = self._agent_of(token)
                    if agent is not None:
                        # "Pakistani army posts" -> PAKMIL; "opposition activists" after
                        # "Russian police detained" -> RUSOPP (the source's own country).
                        # Only a head that itself names people takes the source's
                        # country: "activists" do, a "refugee camp" does not.
                        countries = [n.code for n in found if n.start != token.idx] or (
                            [home] if home and self._agentive(token) else []
                        )
                        if not countries and agent in _DOMESTIC_AGENTS:
                            # "protesters rallied in Kyiv": people of the place named.
                            place = self._sentence_country(token)
                            countries = [place] if place else []
                        start = token.left_edge.i if token.left_edge.i < token.i else token.i
                        phrase = token.doc[start : token.i + 1]
                        found = [
                            EventActor(
                                f"{c}{agent}", phrase.text, phrase.start_char, phrase.end_char
                            )
                            for c in countries
                        ]
                    for national in found:
                        if all(a.start != national.start for a in actors):
                            actors.append(national)
                    continue
                if all(a.start != actor.start for a in actors):
                    actors.append(actor)
        return actors

    def _national(self, word: Token, head: Token) -> EventActor | None:
        text = word.text.removesuffix("-led").removesuffix("-backed")  # "U.S.-led war"
        country = None
        if self.country_of is not None:
            country = self.country_of(text) or (
                self.country_named(text) if self.country_named and text != word.text else None
            )
        if country is None:
            return None
        if head.i != word.i and head.lemma_ == "counterpart":
            return EventActor(country, f"{word.text} {head.text}", word.idx, head.idx + len(head))
        return EventActor(country, word.text, word.idx, word.idx + len(word))

    # -- modality, date, place ----------------------------------------------------------
    def _finish(
        self,
        event: Event,
        trigger: Token,
        sentence: Span,
        article_date: date | None,
        home: str | None,
        by_token: dict[int, Mention],
        expressions: Sequence[TimeExpression],
        sentence_places: SentencePlaces | None = None,
    ) -> Event:
        source_token = (
            trigger.doc.char_span(event.source.start, event.source.end, alignment_mode="expand")
            if event.source
            else None
        )

        def same_actor(speaker: Token, source: Token) -> bool:
            said, did = _mention_for(speaker, by_token), _mention_for(source, by_token)
            if said is None or did is None:
                return False
            return said.code[:3] == did.code[:3]

        reading = read_modality(
            trigger, source_token.root if source_token else None, same_actor=same_actor
        )
        if reading.modality == "asserted" and event.cameo.startswith("03"):
            # A pledge or promise made is an intention, whatever mood it is told in.
            reading = replace(reading, modality="intended")
        code = event.cameo
        if reading.modality == "intended" and not code.startswith("03"):
            code = self.ontology.intent_code_for(code) or code
        entry = self.ontology.get(code)
        previous = sentence_of(sentence.doc[sentence.start - 1]) if sentence.start > 0 else None
        when = event_date(
            sentence, article_date, trigger=trigger, context=previous, expressions=expressions
        )
        places = event_places(
            sentence, trigger=trigger, home_country=home, prepared=sentence_places
        )
        place = places[0] if places else None
        reported_by = None
        if reading.reported_by is not None:
            speaker = reading.reported_by
            reported_by = EventActor(None, speaker.text, speaker.idx, speaker.idx + len(speaker))
        return replace(
            event,
            **_ontology_fields(entry),
            modality=reading.modality,
            date=when.date,
            date_precision=when.precision,
            historical=when.historical,
            place=EventPlace(
                place.name,
                place.country,
                place.latitude,
                place.longitude,
                place.start,
                place.end,
            )
            if place
            else None,
            reported_by=reported_by,
        )


def _ontology_fields(entry: CameoCode) -> dict[str, Any]:
    """The Event fields that follow from the CAMEO code."""
    return {
        "cameo": entry.code,
        "root": entry.root,
        "quad": entry.quad,
        "goldstein": entry.goldstein,
        "plover": entry.plover_event,
        "plover_mode": entry.plover_mode,
    }


# Acts with no direction (talks, agreements, clashes) are coded once each way.
_SYMMETRIC_PREFIXES = ("040", "041", "045", "046", "057")
# Fighting has no direction either; an attack or a strike has one.
_MUTUAL_FIGHTING = frozenset(
    {"clash", "fight", "fighting", "battle", "exchange", "skirmish", "war"}
)


def _symmetric(code: str, trigger: Token) -> bool:
    if code.startswith("19") and trigger.lemma_ in _MUTUAL_FIGHTING:
        return True
    return code.startswith(_SYMMETRIC_PREFIXES)


def _fits(pattern: Pattern, token: Token) -> bool:
    children = list(token.children)
    # The parser labels "stepped down" advmod and "pulled out of" prep as often as prt.
    if pattern.particle and not any(
        c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == pattern.particle for c in children
    ):
        return False
    if pattern.requires_prep and not any(
        c.dep_ in {"prep", "agent"} and c.lower_ == pattern.requires_prep for c in children
    ):
        return False
    if pattern.objects:
        objects = _objects(token)
        if token.pos_ == "NOUN":
            objects = [token]
        if not any(
            pattern.accepts_object(
                o.lemma_, [m.lemma_ for m in o.subtree] + [m.lower_ for m in o.subtree]
            )
            for o in objects
        ):
            return False
    if pattern.complement and not any(
        c.dep_ in {"xcomp", "ccomp"} and c.lemma_ in pattern.complement for c in children
    ):
        return False
    return not pattern.modifiers or any(c.lower_ in pattern.modifiers for c in children)


# Appeals, demands, refusals and threats code the act they govern themselves.
_GOVERNING_ROOTS = frozenset({"02", "10", "12", "13"})
# A denial or an announcement whose content is an act codes the act, not itself.
_CARRIER_LEMMAS = frozenset({"deny", "announce"})
# A request, offer or demand named by a noun ("rejected the request") happened before.
_PRIOR_ACTS = frozenset({"02", "03", "10", "13"})


def _generic(code: str) -> bool:
    """ "020", "100", "120", "130": the family's code with no sub-type."""
    return len(code) == 3 and code.endswith("0")


def _complements(token: Token) -> list[Token]:
    """The verbs (or event nouns) a trigger governs: "urged X *to lift*", "demanded that
    X *release*", "denied *carrying out* the attack", "refused *the release*"."""
    found = []
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            found += [child, *child.conjuncts]
        elif child.dep_ in {"prep"} and child.lower_ in {"of", "for"}:
            # "accused X of shelling", "asked the IMF for a loan"
            found += [g for g in child.children if g.dep_ in {"pcomp", "pobj"}]
        elif child.dep_ == "dobj" and child.pos_ == "NOUN":
            found.append(child)
    return found


def _fallback_targets(trigger: Token, code: str) -> list[list[Token]]:
    """Where a target may sit when the pattern's slots are empty, in the order to try.

    "demanded that Georgia release the officers": the complement's subject is the
    party asked; "threatened to cut gas supplies to Ukraine": the complement's
    recipient; "demanded the resignation of the government": the object's owner;
    "hosted Putin for talks": the host verb's object is the other party.
    """
    found: list[list[Token]] = []
    if code[:2] in _GOVERNING_ROOTS:
        for child in trigger.children:
            if child.dep_ == "ccomp":
                found.append([c for c in child.children if c.dep_ in _SUBJECT_DEPS])
            if child.dep_ in {"ccomp", "xcomp"}:
                found.append(_pobjs(child, {"to", "on", "against", "into", "from"}))
                found.append([c for c in child.children if c.dep_ in {"dobj", "dative"}])
            if child.dep_ == "dobj":
                found.append(_pobjs(child, {"of"}))
    if trigger.pos_ == "NOUN" and code[:2] == "04":
        head = trigger.head
        if trigger.dep_ == "pobj":
            head = head.head
        if head.i != trigger.i and head.pos_ == "VERB":
            found.append([c for c in head.children if c.dep_ == "dobj" and c.i != trigger.i])
            found.append(_pobjs(head, {"with"}))
            # "X was received by Y for talks": X is Y's other party.
            found.append([c for c in head.children if c.dep_ == "nsubjpass"])
    return [f for f in found if f]


# Verbs that name the doer of an act as their object; wider than the accusations that
# make an act a claim (modality): "condemned X for the killing" names X without alleging.
_FAULTING = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticise", "criticize"})


# Things, not actors, that do violence in news sentences: "a car bomb killed".
_INSTRUMENTS = frozenset(
    {
        "explosion",
        "blast",
        "bomb",
        "bombing",
        "device",
        "mine",
        "shell",
        "rocket",
        "missile",
        "grenade",
        "gunfire",
        "airstrike",
        "strike",
        "attack",
        "fire",
        "shelling",
        "explosive",
    }
)


# "killed civilians in an attack", "for talks", "during a visit": the subject's own act.
_SHARED_ACT_PREPOSITIONS = frozenset({"in", "during", "for", "on", "with", "into", "through"})
_OBLIGATION_AUX = frozenset({"must", "should"})


# Groups that are, unless told otherwise, people of the place where they act.
_DOMESTIC_AGENTS = frozenset({"OPP", "CVL", "COP", "LAB", "EDU", "AGR", "JUD", "LEG", "REF"})
_GROUP_WORDS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "score",
        "scores",
        "number",
        "group",
        "handful",
        "million",
        "millions",
        "tens",
    }
)


_STATE_FORCES = ("COP", "MIL", "GOV", "SPY")
_UNARMED = ("CVL", "OPP", "EDU", "MED", "REL", "REF", "LAB", "AGR", "HLH", "BUS")
_MASS = frozenset({"hundreds", "thousands", "tens", "scores"})


def _violence_code(code: str, source: EventActor, target: EventActor | None, trigger: Token) -> str:
    """Which kind of violence a generic killing or attack (190) is, by who hits whom.

    CAMEO separates repression of unarmed people by the state's own forces (175), the
    violence of non-state groups against them (180), and mass killing (202) from
    conventional fighting (190).
    """
    if code != "190" or target is None or not target.code or not source.code:
        return code
    victims = target.code[3:]
    if not victims.startswith(_UNARMED):
        return code
    counted = [o for o in trigger.children if o.dep_ in {"dobj", "nsubjpass"}]
    words = {t.lower_ for o in counted for t in o.subtree}
    numbers = [t for o in counted for t in o.subtree if t.like_num]
    big = any(_number(t.text) >= 100 for t in numbers)
    if trigger.lemma_ in {"kill", "massacre"} and (words & _MASS or big):
        return "202"
    state = source.code[3:].startswith(_STATE_FORCES)
    if state and source.code[:3] == target.code[:3]:
        return "175"
    return "180" if not state else code


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _country_part(code: str | None) -> str | None:
    """ "RUSCOP" -> "RUS"; None for international and unidentified actors."""
    if not code or len(code) < 3 or code.startswith(("IGO", "NGO", "IMG", "UAF", "MNC")):
        return None
    return code[:3]


def _pobjs(token: Token, words: set[str]) -> list[Token]:
    """The objects of `token`'s prepositions named in `words`."""
    return [
        o
        for p in token.children
        if p.dep_ in {"prep", "dative"} and p.lower_ in words
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _obliged_by(trigger: Token) -> Token | None:
    """ "Sudan must return the helicopter, Russia said": the speaker who demands it."""
    if trigger.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in trigger.children
    ):
        return None
    head = trigger.head
    if trigger.dep_ not in {"ccomp", "advcl", "conj"} or head.lemma_ not in _SPEECH_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _warning_code(warn: Token, by_token: dict[int, Mention]) -> str:
    """A warning that the warner itself will act ("warned that it would strike") is a
    threat (130); a warning that something else will happen ("warned that conditions
    were getting worse") is a pessimistic comment (012)."""
    for content in (c for c in warn.children if c.dep_ == "ccomp"):
        doers = [c for c in content.children if c.dep_ in _SUBJECT_DEPS]
        warners = [c for c in warn.children if c.dep_ in _SUBJECT_DEPS]
        if not doers or not warners:
            return "130"
        doer, warner = doers[0], warners[0]
        if doer.lower_ in _PRONOUNS or doer.lower_ in {"we", "i"}:
            return "130"
        said, does = _mention_for(warner, by_token), _mention_for(doer, by_token)
        if said is not None and does is not None and said.code[:3] == does.code[:3]:
            return "130"
        return "012"
    return "130"


def _manner(trigger: Token) -> bool:
    """ "pulled its troops out in protest at the report": the reason for another act."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.lemma_ == "protest"


def _consequence(trigger: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """ "shelled Kharkiv, killing five civilians": the toll of a violent act already
    coded, told by a participle, is part of that act."""
    head = triggers.get(trigger.head.i)
    return (
        trigger.tag_ == "VBG"
        and trigger.dep_ in {"advcl", "conj", "xcomp"}
        and head is not None
        and head[0].i != trigger.i
        and head[1].code[:2] in {"18", "19", "20"}
        and not any(c.dep_ in _SUBJECT_DEPS for c in trigger.children)
    )


def _purpose(trigger: Token) -> bool:
    """ "sent troops to protect the monitors": a purpose clause (of an act coded in its
    own right, the caller checks), not an act of its own."""
    return (
        trigger.dep_ == "advcl"
        and trigger.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    )


def _noun_doer(noun: Token) -> list[Token]:
    """Who does the act a noun names, from the clause around it: "Iran *held talks*",
    "killed civilians *in an attack*", "set up *a commission of inquiry*", "agreement
    *was expressed by* the ministers", "was received by X *for talks*"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return _noun_doer(noun.head.head)  # "a commission of inquiry"
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        return _noun_doer(noun.head)  # "launched a mediation effort"
    if noun.dep_ == "nsubjpass":
        return _pobjs(noun.head, {"by"})
    if noun.dep_ not in {"dobj", "pobj", "attr"}:
        return []
    if noun.dep_ == "pobj" and noun.head.lower_ not in _SHARED_ACT_PREPOSITIONS:
        return []  # "surrendered after a government offensive": not theirs
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head
    if _is_passive(verb):
        return _pobjs(verb, {"by"})
    if verb.pos_ in {"VERB", "AUX"}:
        return _slot(verb, "subject")  # "agreed to undertake joint exercises"
    return [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]


# Acts only a state does, told in the passive without their doer, and who does them.
_AUTHORITY_BY_CODE = {
    "173": "COP",
    "172": "GOV",
    "171": "GOV",
    "174": "GOV",
    "091": "COP",
    "0841": "GOV",
    "116": "JUD",
    "0842": "GOV",
}


def _implied_authority(trigger: Token, code: str) -> str | None:
    """The agent code of the state body implied by an agentless passive ("was detained"
    -> COP), or None."""
    if trigger.pos_ != "VERB" or not _is_passive(trigger):
        return None
    if any(c.dep_ == "agent" for c in trigger.children):
        return None
    return _AUTHORITY_BY_CODE.get(code) or _AUTHORITY_BY_CODE.get(code[:3])


def _unattributed_violence(trigger: Token, code: str) -> bool:
    """A violent act (CAMEO 18-20) told without its doer: a passive with no agent, an
    instrument as the subject, or an event noun whose doer no slot names (the caller
    requires a victim in every case)."""
    if code[:2] not in {"18", "19", "20"}:
        return False
    if trigger.pos_ == "NOUN":
        return True  # "the bombing of a school", its doer unnamed
    if _is_passive(trigger):
        return not any(c.dep_ == "agent" for c in trigger.children)
    subjects = [c for c in trigger.children if c.dep_ in _SUBJECT_DEPS]
    return bool(subjects) and all(s.lemma_ in _INSTRUMENTS for s in subjects)


# Verbs whose subject, not object, does what follows ("promised Kyiv to send").
_SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "offer", "threaten"})


def _accused(trigger: Token) -> list[Token]:
    """ "accused Russian forces of *shelling* hospitals": the accused does the act."""
    verb = charging_verb(trigger)
    if verb is None or verb.lemma_ not in _FAULTING:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


_SPEECH_VERBS = frozenset(
    {"say", "tell", "argue", "claim", "declare", "charge", "complain", "insist", "announce"}
)
_AMOUNT_WORDS = frozenset({"$", "billion", "million", "trillion", "percent", "%", "bn"})


def _objects(token: Token) -> list[Token]:
    """The trigger's objects; for an amount, what it is an amount of ("$330 billion of
    Tajik debts" -> debts)."""
    found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    for obj in list(found):
        if obj.pos_ == "NUM" or obj.lower_ in _AMOUNT_WORDS:
            found += _pobjs(obj, {"of"})
    return found


def _frame_objects(token: Token, pattern: Pattern) -> list[Token]:
    """The object words a pattern names as part of its frame ("opened a *base*",
    "promised *investment*"), which are not events of their own."""
    if not pattern.objects or token.pos_ == "NOUN":
        return []
    return [o for o in _objects(token) if pattern.accepts_object(o.lemma_)]


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)


def _slot(trigger: Token, slot: str) -> list[Token]:
    children = list(trigger.children)
    passive = _is_passive(trigger)
    if slot == "subject":
        if passive:
            return [
                o for a in children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
            ]
        found = [c for c in children if c.dep_ in _SUBJECT_DEPS]
        if found:
            return found
        accused = _accused(trigger)
        if accused:
            return accused
        parties = _pobjs(trigger, {"between"})
        if parties and trigger.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            return parties  # a gerund used as a noun: "Fighting between the army and ..."
        if trigger.pos_ == "ADJ" and trigger.dep_ in {"acomp", "amod"}:
            # "Rakhmonov was supportive of": the subject of the copula.
            return [c for c in trigger.head.children if c.dep_ in _SUBJECT_DEPS]
        # "forced Seoul to break off ties": the object controls the complement.
        if trigger.dep_ == "xcomp" and trigger.head.lemma_ not in _SUBJECT_CONTROL:
            controllers = [c for c in trigger.head.children if c.dep_ == "dobj"]
            if controllers:
                return controllers
        # "agreed to send troops", "met and signed": the subject of the governing verb.
        if trigger.dep_ in {"xcomp", "conj", "advcl"} and trigger.head.i != trigger.i:
            return _slot(trigger.head, "subject")
        if trigger.pos_ == "NOUN":
            return _noun_doer(trigger)
        return []
    if slot == "speaker":  # "the country was sold off, the opposition leader said"
        head = trigger.head
        while head.dep_ in {"conj", "xcomp"} and head.head.i != head.i:
            head = head.head
        if trigger.dep_ in {"ccomp", "conj", "advcl"} and head.lemma_ in _SPEECH_VERBS:
            return [c for c in head.children if c.dep_ == "nsubj"]
        return []
    if slot == "object":
        deps = {"nsubjpass"} if passive else {"dobj"}
        return [c for c in children if c.dep_ in deps]
    if slot == "dative":
        return [c for c in children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"]
    if slot == "poss":
        return [c for c in children if c.dep_ == "poss"]
    if slot == "compound":  # "US sanctions", "Russian invasion"
        return [c for c in children if c.dep_ in {"compound", "amod", "nmod"}]
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        # spaCy labels "sent aid to Nepal" dative, "attacked by" agent.
        preps = [c for c in children if c.dep_ in {"prep", "agent", "dative"} and c.lower_ == word]
        # "open a base in Dushanbe", "withdraw troops from": prepositions of the object.
        for obj in (c for c in children if c.dep_ == "dobj"):
            preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == word]
        return [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return []


def _mention_for(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    if token.i in by_token:
        return by_token[token.i]
    for child in token.children:  # "his Pakistani counterpart Shaukat Aziz"
        if child.dep_ == "appos" and child.i in by_token:
            return by_token[child.i]
    for child in token.lefts:  # "Russian troops": the mention may start left of the head
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue  # "his counterpart" is not he
        if child.i in by_token:
            return by_token[child.i]
    for child in token.children:  # "the government of Tajikistan"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.i in by_token:
                    return by_token[obj.i]
    return None


_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _antecedent(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The actor a pronoun subject ("the army said *it* had captured") or a possessed
    group ("Saudi Arabia rallied allies as *its warplanes* pounded") stands for: the
    subject of the nearest clause above it, when the resolver left it uncoded."""
    owned = token.dep_ in _SUBJECT_DEPS and any(
        c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children
    )
    if token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl":
        # "Scheffer, who is on a tour"; but in "the bombing of a base that killed", the
        # antecedent is the bombing, not an actor.
        return by_token.get(token.head.head.i)
    if token.lower_ not in _PRONOUNS and token.lower_ not in _POSSESSIVE_PRONOUNS and not owned:
        return None
    node = token
    while node.head.i != node.i:
        node = node.head
        doers = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
        if _is_passive(node):
            doers += _pobjs(node, {"by"})  # "... was expressed by the ministers during their"
        for child in doers:
            if child.i != token.i and not _within(token, child):
                mention = _mention_for(child, by_token)
                if mention is not None:
                    return mention
    return None


def _counterpart(target: EventActor, sources: Sequence[EventActor]) -> EventActor:
    """ "met his Greek counterpart": the Greek holder of the source's office."""
    if not target.text.endswith(("counterpart", "counterparts")) or len(target.code or "") != 3:
        return target
    sector = next((s.code[3:] for s in sources if s.code and len(s.code) > 3), "")
    return EventActor(f"{target.code}{sector}", target.text, target.start, target.end)


def _within(token: Token, top: Token) -> bool:
    return top.left_edge.i <= token.i <= top.right_edge.i


def _mentions_by_token(doc: Doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, mention)
    return index


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event told twice (a recap, a repeated quote) is kept once, with both places."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (
            event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.cameo,
            event.modality,
            event.date,
        )
        first = kept.get(key)
        if first is None:
            kept[key] = event
        elif first.sentence != event.sentence:
            kept[key] = replace(
                first, also_at=(*first.also_at, Location(start=event.start, end=event.end))
            )
    return tuple(kept.values())


def build_coder(extra_patterns: Sequence[Path] = ()) -> EventCoder:
    """A coder over the shipped patterns plus the user's files (`--patterns`)."""
    from wirecoder.actors import default_resolver

    dictionary = default_resolver().dictionary

    def country_of(word: str) -> str | None:
        found = dictionary.country_for_name(word)
        return found[0].code if found is not None and found[1] == "adjective" else None

    def country_named(text: str) -> str | None:
        found = dictionary.country_for_name(text)
        return found[0].code if found is not None and found[1] != "adjective" else None

    def agent_code(words: Sequence[str]) -> str | None:
        return dictionary.agent_for_words(list(words))

    return EventCoder(
        load_patterns(tuple(extra_patterns)),
        load_ontology(),
        country_of=country_of,
        country_named=country_named,
        agent_code=agent_code,
    )


@lru_cache(maxsize=1)
def default_coder() -> EventCoder:
    return build_coder()
