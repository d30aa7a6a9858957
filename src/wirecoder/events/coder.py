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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirecoder.events.antecedents import (
    antecedent_mention,
    as_counterpart,
    mention_for,
    mentions_by_token,
    neighbour_of,
    pair_antecedents,
    party_speaking,
    plural_antecedents,
)
from wirecoder.events.clauses import (
    CARRIER_LEMMAS,
    CLASSIFIED_NOUNS,
    DELIBERATING,
    GOVERNING_ROOTS,
    ORDERING,
    PRIOR_ACTS,
    asked_by_reporters,
    charge_makers,
    commemorated,
    complements_of,
    fallback_targets,
    in_protest_at,
    is_condition,
    is_generic,
    is_purpose,
    is_toll,
    ongoing_act,
    part_of_violent_act,
    requested_act,
    result_of_agreement,
    struck_posture,
    summed_up_charge,
    threat_condition,
    warning_code,
)
from wirecoder.events.dates import TimeExpression, event_date, time_expressions
from wirecoder.events.inquiries import inquiry_code
from wirecoder.events.modality import charging_verb, denied_charge, read_modality, refused
from wirecoder.events.patterns import Pattern, PatternSet, load_patterns
from wirecoder.events.places import SentencePlaces, event_places, sentence_places
from wirecoder.events.slots import (
    ANSWERING,
    GATHERINGS,
    SUBJECT_DEPS,
    TriggerParse,
    commands_forces,
    delivered_to,
    fits,
    frame_objects,
    is_passive,
    obliged_by,
    pobjs,
    reduced_passive,
    slot_heads,
)
from wirecoder.events.violence import (
    COERCIVE_ROOTS,
    CROWDS,
    PUBLIC_PLACES,
    VIOLENT_ROOTS,
    by_nature,
    implied_authority,
    instruments,
    unattributed_violence,
    violence_code,
)
from wirecoder.model import Event, EventActor, EventPlace, Location, Mention
from wirecoder.nlp import doc_text, entities_in, sentence_of
from wirecoder.ontology import CameoCode, Ontology, load_ontology

_TRIGGER_POS = {"VERB": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}


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
        agent_kinds: frozenset[str] = frozenset(),
    ) -> None:
        self.patterns = patterns
        self.ontology = ontology
        self.country_of = country_of  # "Russian" -> RUS
        self.country_named = country_named  # "Gaza Strip", "Kathmandu" -> PSE, NPL
        self.agent_code = agent_code  # ["army", "post"] -> MIL: words that name actors
        self.agent_kinds = agent_kinds  # MIL, COP, ...: a bare one is of no known country

    def code(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        *,
        article_date: date | None,
        home: str | None = None,
    ) -> tuple[tuple[Event, ...], tuple[Seen, ...]]:
        """Every event in the document, and the triggers seen but not coded."""
        by_token = mentions_by_token(doc, mentions)
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
            for i, (act, _) in acts.items():
                token, pattern = triggers[i]
                if token.lemma_ == "warn" and warning_code(token, by_token) != "130":
                    # "warned that militias could carry out mass killings": the warning
                    # is a comment and the act foretold an event of its own, with the
                    # modality its clause gives it.
                    skipped.pop(act.i, None)
            ongoing: set[int] = set()
            for token, pattern in triggers.values():
                for part in frame_objects(token, pattern):
                    if part.i not in triggers or part.i == token.i:
                        continue
                    if ongoing_act(pattern.code, triggers[part.i][1].code):
                        ongoing.add(part.i)  # "halt the bombing": it is under way
                        continue
                    made = part.pos_ == "NOUN" and triggers[part.i][1].code[:2] in PRIOR_ACTS
                    if made and pattern.code[:2] == "12":
                        continue  # "rejected calls from Britain for an inquiry": made too
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
                if asked_by_reporters(token):
                    note(token, pattern, "a question put to the speaker, not an appeal")
                    continue
                if commemorated(token):
                    note(token, pattern, f"a past act the '{token.head.head}' recalls")
                    continue
                if in_protest_at(token):
                    note(token, pattern, "'in protest' says why another act was done")
                    continue
                if self._classifier(token, triggers):
                    kind = token.head if token.pos_ == "NOUN" else token.nbor(1)
                    note(token, pattern, f"names a kind of '{kind.text}', not an act")
                    continue
                if by_nature(token):
                    note(token, pattern, "deaths a disaster caused, not an actor")
                    continue
                if part_of_violent_act(token, triggers):
                    note(token, pattern, f"the same act as '{token.head.head}', which is coded")
                    continue
                if struck_posture(token, triggers):
                    note(token, pattern, f"what '{token.head}' struck, not an act of its own")
                    continue
                if result_of_agreement(token, triggers):
                    note(token, pattern, f"what '{token.head}' brings about, not an act of its own")
                    continue
                if is_toll(token, triggers):
                    note(token, pattern, f"the toll of '{token.head}', which is coded")
                    continue
                threat = threat_condition(token, triggers, by_token)
                if threat is not None:
                    note(token, pattern, f"the condition of the threat '{threat}', not an act")
                    continue
                governing = token.head.head if token.dep_ == "pobj" else token.head
                if is_purpose(token) and governing.i in triggers:
                    note(token, pattern, "a purpose ('to ...', 'for ...'), not an act of its own")
                    continue
                code = codes.get(token.i, pattern.code)
                if denied_charge(token) is not None:
                    code = "016"  # "..., a charge Damascus rejected": a denial
                asked = requested_act(token)
                if asked is not None and asked.i in triggers:
                    # "bombed Serb tanks at the request of Dutch peacekeepers": a request
                    # for what was done (0234 military protection, 0213 an arrest).
                    done = codes.get(asked.i, triggers[asked.i][1].code)
                    code = self._request_for(done) or code
                if code == "130" and _reprisal(pattern) and _violence_told(token, triggers):
                    code = "138"  # "vowed to respond" after an air strike: force
                if token.lemma_ == "warn" and code.startswith("13"):
                    # A warning that others may act is a comment, whatever it foretells.
                    code = code if warning_code(token, by_token) == "130" else "012"
                found, reason = self._coded(
                    token, pattern, code, sentence, index, by_token, acts, home
                )
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
                    token, pattern, pattern.code, sentence, index, by_token, acts, home
                )
                if not found:
                    note(token, pattern, reason)
                found_at[carrier] = found
            self._unnamed_fighting(found_at, triggers, sentence, index, seen)
            self._answer_violence(found_at)
            self._judged_doers(found_at, triggers)
            self._one_inquiry(found_at)
            # One sentence's events share its time expressions: read them once.
            coded_any = any(found_at.values())
            expressions = time_expressions(sentence, article_date) if coded_any else []
            places = sentence_places(sentence, home_country=home) if coded_any else None
            for i in sorted(found_at):
                token = triggers[i][0]
                for event in found_at[i]:
                    event = self._finish(
                        event, token, sentence, article_date, home, by_token, expressions, places
                    )
                    if i in ongoing and event.modality in _UNREAL:
                        # "would end their occupation", "did not halt the shelling": the
                        # act itself goes on whatever is said of its end.
                        event = replace(event, modality="asserted")
                    events.append(event)
                    claim = self._own_claim(event, doc, by_token)
                    if claim is not None:
                        events.append(claim)
        return _merge(events), tuple(seen)

    def _unnamed_fighting(
        self,
        found_at: dict[int, list[Event]],
        triggers: dict[int, tuple[Token, Pattern]],
        sentence: Span,
        index: int,
        seen: list[Seen],
    ) -> None:
        """ "US troops invaded Panama, and fierce fighting raged through the day", "would
        withdraw from Vietnam, though fighting continued": fighting that names nobody is
        between the two states the sentence's act of war or withdrawal is between, their
        forces each way."""
        pair = next(
            (
                (e.source, e.target, a, b)
                for events in found_at.values()
                for e in events
                if e.source is not None
                and e.target is not None
                and e.root in _WARRING_ROOTS
                and (a := self._country_part(e.source.code)) is not None
                and (b := self._country_part(e.target.code)) is not None
                and a != b
            ),
            None,
        )
        if pair is None:
            return
        first, second, a, b = pair
        for i, (token, pattern) in triggers.items():
            if found_at.get(i) or token.lemma_ not in _FIGHTING or pattern.code[:2] != "19":
                continue
            if token.dep_ != "nsubj" or pobjs(token, {"between", "with"}):
                # "in the worst fighting in decades" names the act told beside it;
                # "fighting between ...", parties of its own the coder could not place.
                continue
            entry = self.ontology.get(pattern.code)
            forces = [
                s.code if self._armed(s.code) and len(s.code or "") > 3 else f"{c}MIL"
                for s, c in ((first, a), (second, b))
            ]
            sides = [(first, forces[0], forces[1], second), (second, forces[1], forces[0], first)]
            found_at[i] = [
                _coded_event(
                    entry,
                    EventActor(code, doer.text, doer.start, doer.end),
                    EventActor(other_code, other.text, other.start, other.end),
                    sentence,
                    index,
                    token,
                    pattern,
                )
                for doer, code, other_code, other in sides
            ]
            seen[:] = [s for s in seen if not (s.sentence == index and s.start == token.idx)]

    def _one_inquiry(self, found_at: dict[int, list[Event]]) -> None:
        """ "A board of inquiry will examine the shelling": the inquiry and the examining
        are one investigation, of the kind the sentence names for it."""
        kinds = {
            e.source.code: e.cameo
            for events in found_at.values()
            for e in events
            if e.source is not None and e.root == "09" and e.cameo in _INQUIRY_KINDS
        }
        for i, events in found_at.items():
            found_at[i] = [
                replace(e, **_ontology_fields(self.ontology.get(kinds[e.source.code])))
                if e.cameo == "090" and e.source is not None and e.source.code in kinds
                else e
                for e in events
            ]

    def _answer_violence(self, found_at: dict[int, list[Event]]) -> None:
        """ "Indian warplanes struck ..., and Pakistan vowed to respond": a threat of
        reprisal with no target named is aimed at whoever struck the threatener (else
        the last attacker of another country the sentence names)."""
        attacks = [e for i in sorted(found_at) for e in found_at[i] if e.root in VIOLENT_ROOTS]
        for found in found_at.values():
            for n, event in enumerate(found):
                if event.cameo != "138" or event.target is not None or event.source is None:
                    continue
                own = self._country_part(event.source.code)
                others = [
                    a
                    for a in attacks
                    if a.source is not None
                    and self._country_part(a.source.code) not in {own, None}
                    and not (a.source.code or "").endswith("UAF")  # no one to answer
                ]
                hit = [a for a in others if a.target and self._country_part(a.target.code) == own]
                if hit or others:
                    found[n] = replace(event, target=(hit or others)[-1].source)

    def _judged_doers(
        self, found_at: dict[int, list[Event]], triggers: dict[int, tuple[Token, Pattern]]
    ) -> None:
        """ "China's military launched drills ..., and Taipei condemned the exercises":
        a judgement of an act the sentence has told, named again by a definite noun or
        "it", is aimed at whoever did it (the nearest act before, by another party)."""
        for i in sorted(found_at):
            found = found_at[i]
            token = triggers[i][0]
            referred = _act_named_again(token)
            if not found or found[0].root not in _JUDGING_ROOTS or referred is None:
                continue
            if any(e.target is not None for e in found):
                continue
            before = [
                e
                for j in sorted(found_at)
                if j < i
                for e in found_at[j]
                # ("signed treaties annexing ...", "recognised the breakaway regions": 05
                # acts that are no judgement of another's.)
                if e.source is not None and not _judges(e.cameo)
            ]
            judges = {self._country_part(e.source.code) for e in found if e.source}
            doers = [  # of a known country other than the judge's, or a world body
                e
                for e in before
                if e.source
                and (
                    self._country_part(e.source.code) not in judges | {None}
                    or (e.source.code or "").startswith("IGO")
                )
            ]
            if not doers:
                continue
            if referred.i in triggers:
                # "denounced the trip": the visit told before, not the welcome after it.
                kind = triggers[referred.i][1].code[:2]
                doers = [e for e in doers if e.root == kind] or doers
            last = doers[-1]
            unique = list(
                {
                    e.source.code: e.source
                    for e in doers
                    if e.source and e.trigger == last.trigger and e.start == last.start
                }.values()
            )
            found_at[i] = [replace(e, target=doer) for e in found for doer in unique]

    def _own_claim(self, event: Event, doc: Doc, by_token: dict[int, Mention]) -> Event | None:
        """ "The IRA said it planted the bomb", "the FLQ said it had strangled him": an
        armed group telling its own act of violence claims responsibility for it (015).
        (A state's army reporting its operations claims nothing.)"""
        if event.root not in VIOLENT_ROOTS or event.reported_by is None or not event.source:
            return None
        if not (event.source.code or "").endswith(_CLAIMANTS):
            return None
        if event.modality != "asserted":
            return None
        speaker = doc.char_span(
            event.reported_by.start, event.reported_by.end, alignment_mode="expand"
        )
        if speaker is None:
            return None
        said = mention_for(speaker.root, by_token)
        if said is None or not _speaks_for(said.code, event.source.code or ""):
            return None
        verb = speaker.root.head
        return replace(
            event,
            **_ontology_fields(self.ontology.get("015")),
            trigger=verb.text,
            rule="claim.own_act",
            reported_by=None,
        )

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
            governs = (
                pattern.code[:2] in GOVERNING_ROOTS
                or pattern.refusal
                or pattern.code == DELIBERATING
            )
            carries = pattern.intent or token.lemma_ in CARRIER_LEMMAS
            if not (governs or carries) or denied_charge(token) is not None:
                # ("..., a charge Damascus rejected": the misparsed clause before it is
                # the charge, not what is rejected.)
                continue
            complements = complements_of(token)
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
                if complement.pos_ == "NOUN" and act.code[:2] in PRIOR_ACTS:
                    continue  # "rejected Kyiv's request for jets": the request was made too
                ordered = complement.pos_ == "NOUN" and token.lemma_ in ORDERING
                if governs and not (ordered or commands_forces(token)):
                    acts[token.i] = (complement, act)
                    reason = (
                        f"the act asked for, refused or threatened by '{token.text}', "
                        "which is coded instead"
                    )
                    skipped[complement.i] = reason
                    # "demanded that Pakistan grant overflight rights and cut fuel
                    # supplies": every act asked for belongs to the one demand.
                    # (The small model may hang the second act on the first's object.)
                    for other in (*complement.conjuncts, *complement.subtree):
                        if (
                            other.i in triggers
                            and other.dep_ == "conj"
                            and other.pos_ == complement.pos_
                            and not any(c.dep_ in SUBJECT_DEPS for c in other.children)
                        ):
                            skipped.setdefault(other.i, reason)
                    if is_generic(pattern.code):
                        # "refused to comment" is 011: the act's own refusal code first.
                        refusing = pattern.refusal or pattern.code[:2] == "12"
                        # "asked Moscow to send troops": an appeal for protection.
                        appeal = pattern.code[:2] == "02"
                        refined = (act.negated_code if refusing else None) or (
                            self._request_for(act.code)
                            if appeal
                            else self.ontology.governed_code(pattern.code, act.code)
                        )
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
        parse: TriggerParse | None = None
        for pattern in self.patterns.for_token(token.text, token.lemma_, pos):
            if not pattern.conditions:
                return pattern
            parse = parse or TriggerParse(token)
            if fits(pattern, parse):
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
        dateline: str | None = None,
    ) -> tuple[list[Event], str]:
        """The events of one trigger, or none and the reason why; `dateline` is the
        country of the story's dateline, if any."""
        sources = self._slot_actors(trigger, pattern.source, by_token)
        if not sources and trigger.pos_ == "NOUN" and code[:2] not in _DIRECTED_FROM:
            # "calls from Washington", "a furious reaction from Israeli leaders",
            # "protests from China": who the noun's act comes from.
            givers = pobjs(trigger, {"from"})
            if not givers and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN":
                givers = pobjs(trigger.head, {"from"})  # "rescue teams and aid from Egypt"
            sources = self._actors(givers, by_token, loose=True)
        charge = summed_up_charge(trigger)
        if trigger.lemma_ == "charge" and code[:2] == "11" and charge is None:
            # Elsewhere a bare "charge" is the one a court hears ("faces charges").
            return [], "a charge named, not one the sentence reports"
        if charge is not None and not charge[1]:
            # "filed a case accusing Israel of genocide, a charge Israel denied": the
            # accusing verb is the charge, coded in its own right.
            return [], "names the accusation its clause makes, which is coded"
        if not sources and charge is not None:
            # "activists said ..., a charge the government dismissed": the speakers'.
            sources = self._actors(charge[0], by_token)
        commenting = code[:2] == "01" or trigger.lemma_ == "warn"
        if sources and commenting and all((s.code or "").endswith("EDU") for s in sources):
            # "analysts warned", "experts said": commentary on events, not one.
            return [], "a comment by analysts or scholars, not a political act"
        targets: list[EventActor] = []
        # Unnamed people take the country of the place the act is done in ("killed
        # civilians in Ethiopia"), else the doer's own ("police detained activists").
        scene = self._country_within(trigger, by_token)
        home = scene or (self._country_part(sources[0].code) if sources else None)
        if "none" not in pattern.targets:
            targets = self._slot_actors(trigger, pattern.targets, by_token, home)
            if not targets and pattern.complement:
                # "offered to mediate between Israel and Syria": the frame's verb holds
                # the parties.
                for verb in frame_objects(trigger, pattern):
                    targets = targets or self._slot_actors(verb, pattern.targets, by_token, home)
        moved_passive = is_passive(trigger) or reduced_passive(trigger)
        if not sources and (code[:2] == "15" or code == "074") and moved_passive:
            # "Rwandan troops were deployed to the Central African Republic": forces
            # moved or put on alert are their own state's doing.
            moved = self._actors(slot_heads(trigger, "object"), by_token)
            sources = [m for m in moved if (m.code or "").endswith(("MIL", "COP"))]
            targets = [t for t in targets if all(t.code != s.code for s in sources)]
        if not sources and targets and trigger.pos_ == "NOUN" and code[:2] == "04":
            # "said he was gloomy about the talks with the IMF": the speaker's talks.
            sources = self._actors(party_speaking(trigger, by_token), by_token)
            sources = [s for s in sources if all(s.code != t.code for t in targets)]
        if not targets and code == "0841":
            things = slot_heads(trigger, "object")
            if things and not any(self._agentive(t) or t.pos_ == "PROPN" for t in things):
                # "released a report", "released treated water": no one was freed.
                return [], f"'{things[0].text}' is a thing, not a person freed"
        if not targets and code[:2] in VIOLENT_ROOTS:
            targets = self._people_at(trigger, by_token)
            if not targets and not sources and trigger.pos_ == "NOUN":
                # "Saturday's attack on Barsalogho": nobody named, a place hit.
                targets = self._place_hit(trigger, code, set(), by_token)
        end = trigger.idx + len(trigger)
        victims = self._country_part(targets[0].code) if targets else None
        if not sources and targets and unattributed_violence(trigger, code):
            # "hit by a Russian cruise missile", "an Israeli air strike killed": a
            # nation's weapon is its military's; "was assassinated", "a roadside bomb
            # killed": violence nobody is named for is still news, its source an
            # unidentified attacker (UAF) of the country it happens in, else of the
            # victims' ("two American soldiers were killed ... in Kandahar": AFGUAF).
            sources = self._armed_by(trigger) or [
                EventActor(f"{scene or victims or ''}UAF", _UNIDENTIFIED, trigger.idx, end)
            ]
        if not sources and trigger.lemma_ in _MUTUAL_FIGHTING and trigger.dep_ == "nsubj":
            # "Armenia declared martial law after fighting broke out with Azerbaijan":
            # the clause's party fights the one named with it.
            verb = trigger.head
            opponents = self._actors(pobjs(verb, {"with"}), by_token)
            above = verb.head if verb.dep_ in {"advcl", "ccomp", "conj"} else None
            if opponents and above is not None:
                doers = [c for c in above.children if c.dep_ in SUBJECT_DEPS]
                taken = {o.code for o in opponents}
                sources = [a for a in self._actors(doers, by_token) if a.code not in taken]
                targets = targets or (opponents if sources else [])
        described = trigger.dep_ in {"acl", "amod"} and trigger.tag_ == "VBG"
        if not sources and code[:2] == "14" and described:
            # "students protesting against job quotas", "striking miners": the people
            # described protest.
            sources = self._actors([trigger.head], by_token)
        if not sources and code[:2] == "14" and trigger.pos_ == "NOUN":
            # "protests spread in Iranian cities": protesters of the place, unnamed.
            country = (
                self._national_in(trigger)
                or self._sentence_country(trigger, by_token)
                or self._first_country(trigger, by_token)
            )
            if country is not None:
                sources = [EventActor(f"{country}OPP", "(protesters)", trigger.idx, end)]
        authority = implied_authority(trigger, code) if not sources and targets else None
        if authority is not None:
            # "was detained in Tbilisi", "were freed": only a state arrests, frees or
            # questions; the state of the place named, else of the people it acted on.
            # "NAIROBI - forty people were arrested": the dateline's state.
            place = scene or self._sentence_country(trigger, by_token)
            # A crackdown is by the state of the people it falls on, wherever told.
            country = (victims or place) if code[:3] == "175" else (place or victims)
            country = country or dateline
            if country is not None:
                sources = [EventActor(f"{country}{authority}", "(implied)", trigger.idx, end)]
        if not sources:
            return [], "no actor found in the source slot"
        if pattern.armed and not all(self._armed(s.code) for s in sources):
            # "refugees crossed into Chad" is no incursion.
            return [], f"'{pattern.id}' is an act of armed forces; {sources[0].code} is none"
        if any(s.code == "UAF" for s in sources):
            # "a gunman opened fire on the former prime minister": an unidentified
            # attacker of the country it happens in, else of the victims'.
            country = scene or victims or self._sentence_country(trigger, by_token)
            if country is not None:
                sources = [
                    replace(s, code=f"{country}UAF") if s.code == "UAF" else s for s in sources
                ]
        if not targets and act is not None:
            # "demanded that Iran release": the party asked; "refused to allow UN
            # inspectors in": the party the act would concern.
            asked = [c for c in act[0].children if c.dep_ in SUBJECT_DEPS]
            if code[:2] in {"02", "10"} and act[0].dep_ == "ccomp":
                targets = self._actors(asked, by_token)
            if not targets:
                targets = self._slot_actors(act[0], act[1].targets, by_token)
        if not targets and (
            act is not None or code[:2] in GOVERNING_ROOTS or "none" not in pattern.targets
        ):
            for candidates in fallback_targets(trigger, code):
                targets = self._actors(candidates, by_token, loose=True)
                if targets:
                    break
        if not targets and charge is not None:
            targets = self._actors(charge[1], by_token)  # the accused
        summed = summed_up_charge(trigger.head) if trigger.dep_ == "relcl" else None
        denied = denied_charge(trigger) if not targets else None
        if denied is not None:
            # "..., a charge the Kremlin denied": denied to whoever made it, however the
            # parser hung the phrase ("opposition leaders blamed Syria for the attack, a
            # charge Damascus rejected").
            targets = self._actors(charge_makers(denied), by_token)
        if not targets and summed is not None:
            targets = self._actors(summed[0], by_token)
        requested = requested_act(trigger) if not targets else None
        if requested is not None:
            # "arrested Meng at the request of the United States": asked of the arrester.
            while requested.dep_ == "xcomp" and not any(
                c.dep_ == "nsubj" for c in requested.children
            ):
                requested = requested.head  # "began deploying troops at the request of ..."
            doers = [c for c in requested.children if c.dep_ == "nsubj"]
            targets = self._actors(doers, by_token)
        answered = trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
        if not targets and answered and trigger.head.lemma_ in ANSWERING:
            # "Karimov rejected calls from Britain": the calls were made to him.
            answerer = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
            targets = self._actors(answerer, by_token)
        if not targets and len(sources) == 2 and _charged_each_other(trigger):
            # "each accused the other of violating it": each did it to the other.
            targets = list(sources)
        own = {s.code for s in sources}
        if code[:2] == "13" and targets and all(t.code in own for t in targets):
            # "warned that it would respond if Beijing set up a base": the threat is aimed
            # at the party its condition names, not at the one making it.
            targets = []
        if not targets:
            targets = self._implied_targets(trigger, pattern, code, sources, by_token)
        targets = [as_counterpart(t, sources) for t in targets]
        entry = self.ontology.get(code)
        # A tour has no single host; other meetings need the other party.
        lonely = not targets and len(sources) < 2 and trigger.lemma_ != "tour"
        if lonely and (
            (trigger.pos_ == "NOUN" and code[:2] == "04")
            or (trigger.pos_ == "VERB" and code == "040")
        ):
            # ... and "the cabinet met on Sunday": a body meeting by itself.
            # "the WTO ministerial meeting", "an EU summit": a meeting with nobody named.
            return [], "a meeting with no other party named"
        others: list[EventActor | None] = [*targets] if targets else [None]
        pairs = [(s, t) for s in sources for t in others]
        symmetric = _symmetric(entry.code, trigger)
        # "signed a declaration pledging to pull their forces back": a joint promise.
        promised = trigger.dep_ == "xcomp" and trigger.head.lemma_ in _JOINT_PROMISES
        joint = code[:2] in _JOINT_ROOTS or promised
        together = not targets and len(sources) > 1 and joint
        if together and not _names_an_object(trigger):
            # "Peru and Chile pledged to abide by the ruling", "Estonia and Latvia
            # coordinated their positions": done together, each towards the other.
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        if symmetric:
            if not targets and len(sources) > 1:
                # "Russia and China held talks": each with the other.
                pairs = [(s, t) for s in sources for t in sources if s is not t]
            else:
                pairs += [(t, s) for s, t in pairs if t is not None]
        found: list[Event] = []
        several = len(others) > 1  # "each side accused the other": the others only
        for source, target in pairs:
            if target is not None and target.code == source.code:
                if (
                    symmetric
                    or several
                    or target.start == source.start
                    or code[:2] in _SELF_LESS_ROOTS
                ):
                    # "Thai troops backed by armoured vehicles": nobody backs itself.
                    continue
                # "troops launched an offensive against forces loyal to ...", read as
                # the same code: the act stands, its target is not told apart. ("imposed
                # a curfew on Nairobi": emergency rule at home falls on the people.)
                target = (
                    EventActor(f"{target.code}CVL", target.text, target.start, target.end)
                    if code in _EMERGENCY_RULE and len(target.code or "") == 3
                    else None
                )
                if any(e.source == source and e.target is None for e in found):
                    continue
            refined = violence_code(entry.code, source, target, trigger)
            if refined == "090":
                refined = inquiry_code(trigger, source.code)  # "into war crimes": 094
            found.append(
                _coded_event(
                    self.ontology.get(refined), source, target, sentence, index, trigger, pattern
                )
            )
        if not found:
            same = targets[0].code if targets else sources[0].code
            return [], f"the only other party found ({same}) is the source itself"
        return found, ""

    def _request_for(self, act: str) -> str | None:
        """The appeal code of a request for ``act``: CAMEO's appeal for the act's kind of
        cooperation, else by the act's family (an arrest asks for judicial cooperation,
        force for military protection)."""
        return self.ontology.governed_code("020", act) or _REQUEST_BY_ROOT.get(act[:2])

    def _coded(
        self,
        token: Token,
        pattern: Pattern,
        code: str,
        sentence: Span,
        index: int,
        by_token: dict[int, Mention],
        acts: dict[int, tuple[Token, Pattern]],
        dateline: str | None,
    ) -> tuple[list[Event], str]:
        found, reason = self._events(
            token, pattern, code, sentence, index, by_token, acts.get(token.i), dateline
        )
        speaker = obliged_by(token) if found else None
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

    def _resigned_to(
        self, trigger: Token, source: EventActor, by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """Whom a resignation yields to: the protesters when the sentence tells of
        protests, else the army, parliament or rebels of the country it names, else the
        country itself ("resigned as Bolivia's president")."""
        country = self._country_part(source.code)
        if country is None:
            return []
        sentence = sentence_of(trigger)
        at = (trigger.idx, trigger.idx + len(trigger))
        if any(t.lemma_.lower() in _PROTEST_WORDS for t in sentence):
            return [EventActor(f"{country}OPP", "(implied)", *at)]
        doers = [t for t in sentence if t.dep_ in SUBJECT_DEPS and t.head.i != trigger.i]
        for actor in self._actors(doers, by_token):
            code = actor.code or ""
            if code[:3] == country and code[3:] in _PRESSING and code != source.code:
                return [actor]  # "after the army chief urged him to step down"
        return [EventActor(country, "(implied)", *at)]

    def _implied_targets(
        self,
        trigger: Token,
        pattern: Pattern,
        code: str,
        sources: list[EventActor],
        by_token: dict[int, Mention],
    ) -> list[EventActor]:
        """The target the codebook's conventions give an act whose pattern slots are
        empty: the party the frame's noun is aimed at; the party whose act a threat
        makes its condition; a protest is against the protesters' government; a comment
        or a criticism is about the first other party named in what it is about; force
        used on a place is used on its country."""
        own = {s.code for s in sources}
        found = self._aimed_at(trigger, pattern, own, by_token)
        if found or code[:2] == "13":
            return found or self._conditioning(trigger, pattern, own, by_token)
        if code[:2] == "14" or code == "145":
            # "teachers began a strike", "protesters marched through Lome".
            return [
                EventActor(f"{country}GOV", "(implied)", source.start, source.end)
                for source in sources
                if (country := self._country_part(source.code)) is not None
                and (source.code or "")[3:] in _PROTESTING
            ]
        if code in _EMERGENCY_RULE:
            # "imposed a nationwide curfew", "declared martial law": on the people.
            return [
                EventActor(f"{country}CVL", "(implied)", source.start, source.end)
                for source in sources
                if (country := self._country_part(source.code)) is not None
            ][:1]
        if code == "0831" and sources:
            return self._resigned_to(trigger, sources[0], by_token)
        expelled = slot_heads(trigger, "object")
        if code[:3] in {"174", "201"} and expelled:
            # "deported 1,000 Colombians": people of the nation named; "ordered 50,000
            # Asians to leave": of no state named, the expelling country's residents.
            head = expelled[0]
            named = self.country_of(head.text) if self.country_of is not None else None
            at = (head.idx, head.idx + len(head))
            return [
                EventActor(f"{named or country}CVL", head.text, *at)
                for source in sources[:1]
                if (country := self._country_part(source.code)) is not None
            ]
        yielded = (
            trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "to" else None
        )
        if code[:2] == "10" and yielded is not None and yielded.lemma_ in _YIELDING:
            # "bowing to opposition demands that he step down": made to the one who bowed.
            found = self._actors(slot_heads(yielded, "subject"), by_token)
            return [a for a in found if a.code not in own]
        if code[:2] in {"01", "11", "12"}:
            if code[:2] in _JOINT_ROOTS and len(own) > 1:
                return []  # parties voicing something together voice it to each other
            return self._about(trigger, own, by_token)
        if code[:2] in _FORCE_ROOTS or code == "0874":
            return self._forces_hit(trigger, own, by_token) or self._place_hit(
                trigger, code, own, by_token
            )
        if code == "042" and trigger.pos_ == "NOUN" and trigger.lemma_ != "tour":
            # "inaugurated the pipeline at a ceremony in Istanbul, during Putin's visit":
            # a visit whose host goes unnamed is to the country the sentence is set in
            # (a tour has no single host).
            host = self._sentence_country(trigger, by_token)
            if host is not None and host not in {self._country_part(c) for c in own}:
                return [EventActor(host, "(implied)", trigger.idx, trigger.idx + len(trigger))]
            return []
        if code[:2] == "07" and trigger.pos_ == "NOUN":
            # "aid from Egypt began arriving in eastern Libya": where it arrives.
            found = [
                place
                for head in delivered_to(trigger)
                if (place := self._place(head, by_token)) is not None and place.code not in own
            ]
            return found[:1]
        return []

    def _aimed_at(
        self, trigger: Token, pattern: Pattern, own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """ "opened an investigation into Choi", "carrying out ethnic cleansing against
        Georgians", "threatened to impose sanctions on Turkey": whom the frame's noun is
        aimed at."""
        for part in frame_objects(trigger, pattern):
            nouns = (
                [part] if part.pos_ == "NOUN" else [c for c in part.children if c.dep_ == "dobj"]
            )
            for noun in nouns:
                aimed = pobjs(noun, _AIMED_AT)
                found = [t for t in self._actors(aimed, by_token, loose=True) if t.code not in own]
                if found:
                    return found
        return []

    def _conditioning(
        self, trigger: Token, pattern: Pattern, own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """ "threatened to walk out unless Israel extends the freeze": the party whose
        act the threat is conditional on."""
        # "warned that it would respond if Beijing set up a base": the warning's content.
        contents = [c for c in trigger.children if c.dep_ == "ccomp"]
        for verb in (trigger, *frame_objects(trigger, pattern), *contents):
            for clause in verb.children:
                if not is_condition(clause):
                    continue
                doers = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
                found = [t for t in self._actors(doers, by_token) if t.code not in own]
                if found:
                    return found
        return []

    def _about(
        self, trigger: Token, own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """ "pessimistic about European efforts", "confident the deal would make Israel
        safer", "worried by the situation in northern Mali": the first other party named
        in what a comment is about, else the country named there."""
        for child in trigger.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in _ABOUT:
                region = [t for o in child.children if o.dep_ == "pobj" for t in o.subtree]
            elif child.dep_ == "ccomp" or (child.dep_ == "dobj" and trigger.pos_ == "VERB"):
                region = list(child.subtree)
            else:
                continue
            found = self._first_other(region, own, by_token)
            if not found and self.country_named is not None:
                names = [t for t in region if t.ent_type_ in {"GPE", "LOC"} or t.pos_ == "PROPN"]
                places = (self._place(t, by_token) for t in names)
                found = [p for p in places if p is not None and p.code not in own][:1]
            if found:
                return found
        return []

    def _forces_hit(
        self, trigger: Token, own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """ "struck Islamist positions near Konna", "struck targets in Tripoli": force
        used on military targets is used on whoever holds them, named by a modifier
        (rebels of the country the targets are in), else on the country."""
        for head in slot_heads(trigger, "object"):
            if head.lemma_ not in _MILITARY_TARGETS:
                continue
            places = [
                code
                for p in pobjs(head, {"in", "near", "across", "around", "outside"})
                # "near the central Malian town of Konna": the nationality names it.
                if (code := getattr(self._place(p, by_token), "code", None) or self._national_in(p))
            ]
            country = next(iter(places), None) or self._sentence_country(trigger, by_token)
            for word in head.lefts:
                if word.dep_ not in _MODIFIER_DEPS:
                    continue
                mention = by_token.get(word.i)
                if mention is not None and mention.code not in own:
                    code = mention.code
                    if mention.how == "adjective_agent" and places and len(code) > 3:
                        code = places[0] + code[3:]  # "jihadist positions near Gao": Mali's
                    return [EventActor(code, mention.text, mention.start, mention.end)]
                agent = self.agent_code([word.lemma_]) if self.agent_code else None
                if word.lower_ in _REBEL_WORDS:
                    agent = "REB"  # "Islamist positions"
                if agent is not None and country is not None:
                    found = EventActor(
                        f"{country}{agent}", word.text, word.idx, word.idx + len(word)
                    )
                    return [found] if found.code not in own else []
            if places and places[0] not in own:
                at = (head.idx, head.idx + len(head))
                return [EventActor(places[0], head.text, *at)]
        return []

    def _place_hit(
        self, trigger: Token, code: str, own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """ "shelled Kharkiv", "annexed Crimea", "pulled out of Mekelle", "the attack on
        Barsalogho": force used on a place is used on its country, or its people."""
        if self.country_named is None:
            return []
        heads = slot_heads(trigger, "object") + pobjs(trigger, {"from", "into", "on"})
        for head in heads:
            place = self._place(head, by_token)
            if place is None or place.code in own:
                continue
            # Shells falling on a city fall on its people; a border is the country's.
            people = (
                code[:2] in _HARM_ROOTS
                and code != "192"
                and head.lemma_ not in {"border", "frontier"}
                and trigger.lemma_ not in _MUTUAL_FIGHTING
            )
            return [replace(place, code=f"{place.code}CVL") if people else place]
        return []

    def _first_other(
        self, region: Sequence[Token], own: set[str | None], by_token: dict[int, Mention]
    ) -> list[EventActor]:
        """The first actor of a stretch of the sentence that is not one of `own`."""
        for token in region:
            named = token
            while named.i not in by_token and named.dep_ in _MODIFIER_DEPS and named.head != named:
                named = named.head  # "Costa Rican President Oscar Arias": the person
            mention = by_token.get(named.i)
            if mention is not None and mention.code and mention.code not in own:
                return [EventActor(mention.code, mention.text, mention.start, mention.end)]
            if mention is None and token.pos_ in {"ADJ", "PROPN"}:  # "the Malaysian airliner"
                national = self._national(token, token)
                if national is not None and national.code not in own:
                    return [national]
        return []

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
            heads = slot_heads(trigger, slot)
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
            across = pobjs(head, {"with"})
            if across:
                return self._place(across[0], by_token)
        words = [t for t in head.doc[head.left_edge.i : head.i + 1] if t.pos_ != "DET"]
        for start in range(len(words)):
            text = head.doc[words[start].i : head.i + 1].text
            country = self.country_named(text)
            if country is not None:
                return EventActor(country, text, words[start].idx, head.idx + len(head))
        return None

    def _people_at(self, trigger: Token, by_token: dict[int, Mention]) -> list[EventActor]:
        """ "stormed a hotel in Kabul", "the bombing of a market": violence against a
        place where people gather is violence against the civilians of its country (or
        the people it is named for: "a rebel camp", "a refugee camp")."""
        heads = slot_heads(trigger, "object") + pobjs(trigger, {"on", "at", "against", "of"})
        # "opened fire on a march": the phrase hung on the object.
        heads += [p for o in slot_heads(trigger, "object") for p in pobjs(o, {"on", "at"})]
        for head in heads:
            gathering = head.lemma_.lower() in GATHERINGS
            if head.lemma_.lower() not in PUBLIC_PLACES and not gathering:
                continue  # "the Intercontinental Hotel"
            places = pobjs(head, {"in", "near"}) if self.country_named is not None else []
            country = (
                self._national_in(head)
                or next((a.code for p in places if (a := self._place(p, by_token))), None)
                or self._sentence_country(trigger, by_token)
                # A protest is of the country whose people the sentence names.
                or (self._first_country(trigger, by_token) if gathering else None)
            )
            if country is not None:
                modifiers = [c.lemma_ for c in head.lefts if c.dep_ in {"compound", "amod"}]
                named = self.agent_code(modifiers) if modifiers and self.agent_code else None
                protest = gathering or "protest" in modifiers  # "the protest camp"
                # "churches" are buildings here, not the church.
                agent = "OPP" if protest else named or "CVL"
                phrase = head.doc[head.left_edge.i : head.right_edge.i + 1]
                code = f"{country}{agent}"
                return [EventActor(code, phrase.text, phrase.start_char, phrase.end_char)]
        return []

    def _classifier(self, token: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
        """ "invasion forces", "aid convoys", "ceasefire monitors", "war crimes": an event
        noun that classifies people or things is no act of its own."""
        if token.pos_ == "VERB" and token.lower_ == "aid":
            # "opened the crossing to aid trucks", which the small model reads as an
            # infinitive ("to rush forces" is one): "aid" before a classified thing.
            objects = [c for c in token.children if c.dep_ == "dobj"]
            return (
                len(objects) == 1
                and objects[0].lemma_ in CLASSIFIED_NOUNS
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
                and objects[0].i == token.i + 1
            )
        if token.pos_ != "NOUN" or token.dep_ != "compound":
            return False
        head = token.head
        # A trigger head is an act of its own, but for a court's charge ("a murder
        # charge"), which is coded only as a charge the sentence reports.
        court_charge = head.lemma_ == "charge" and summed_up_charge(head) is None
        if (head.i in triggers and not court_charge) or head.pos_ not in {"NOUN", "PROPN"}:
            return False
        return head.lemma_ in CLASSIFIED_NOUNS or self._agentive(head)

    def _country_part(self, code: str | None) -> str | None:
        """ "RUSCOP" -> "RUS"; None for international and unidentified actors and for a
        bare agent code ("MIL": security forces of no country named)."""
        if not code or len(code) < 3 or code.startswith(("IGO", "NGO", "IMG", "UAF", "MNC")):
            return None
        return None if code[:3] in self.agent_kinds else code[:3]

    def _armed(self, code: str | None) -> bool:
        """Armed forces, or a state named as such ("Iraq crossed into Iran")."""
        if not code:
            return False
        if code.endswith(_ARMED_AGENTS):
            return True
        return (
            len(code) == 3 and code not in self.agent_kinds and self._country_part(code) is not None
        )

    def _agentive(self, token: Token) -> bool:
        return self.agent_code is not None and self.agent_code([token.lemma_]) is not None

    def _national_in(self, token: Token) -> str | None:
        """A nationality adjective in the token's phrase ("in Iranian cities")."""
        for word in token.subtree:
            national = self._national(word, word) if word.pos_ == "ADJ" else None
            if national is not None:
                return national.code
        return None

    def _country_within(self, token: Token, by_token: dict[int, Mention]) -> str | None:
        """ "civilians in the Ethiopian city of Axum", "villagers in Gaza": the country
        of a place the phrase itself puts its people in; for a participle with no
        subject of its own, the place of its clause ("a bomb exploded at an
        intersection in Mogadishu, killing 300 people")."""
        places = pobjs(token, {"in"})
        if token.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
            sites = pobjs(token.head, {"in", "at", "on", "near"})
            places += [p for site in sites for p in (site, *pobjs(site, {"in"}))]
        for place in places:
            country = self._national_in(place)
            if country is None and self.country_named is not None:
                actor = self._place(place, by_token)
                country = actor.code if actor is not None else None
            if country is not None:
                return country
        return None

    def _sentence_country(
        self, token: Token, by_token: dict[int, Mention], *, own_phrase: bool = False
    ) -> str | None:
        """The country of the first place the sentence names, if any: a GPE, or the
        city that owns a square or a district ("in Kyiv's Independence Square"). With
        `own_phrase`, a place inside the token's own phrase comes first ("relatives
        shot in Myanmar's Rakhine state")."""
        if self.country_named is None:
            return None
        ents = list(entities_in(sentence_of(token)))
        if own_phrase:
            left, right = token.left_edge.i, token.right_edge.i
            ents = [e for e in ents if left <= e.start and e.end - 1 <= right] + ents
        for ent in ents:
            if ent.label_ not in {"GPE", "LOC", "FAC"}:
                continue
            text = ent.text.replace("’", "'")
            owner = text.split("'s ", 1)[0] if "'s " in text else None
            for name in (text.removesuffix("'s"), owner):
                country = self.country_named(name) if name else None
                if country is not None:
                    return country
        # The tagger sometimes calls a state a person ("Sri Lanka imposed"): the states
        # the resolver found stand in.
        return self._first_country(token, by_token, states_only=True)

    def _armed_by(self, trigger: Token) -> list[EventActor]:
        """The military of the nation whose weapon did the act ("a *Russian* missile")."""
        for weapon in instruments(trigger):
            for word in weapon.children:
                national = self._national(word, weapon) if word.dep_ == "amod" else None
                if national is not None and national.code:
                    return [replace(national, code=f"{national.code[:3]}MIL")]
        return []

    def _first_country(
        self, token: Token, by_token: dict[int, Mention], *, states_only: bool = False
    ) -> str | None:
        """The country of the first national actor the sentence names ("Kenyan President
        William Ruto ... bowing to days of protests": Kenya's); with `states_only`, of
        the first state named as such ("Sri Lanka"), not "UAF" or "IGO"."""
        for t in sentence_of(token):
            mention = by_token.get(t.i)
            if mention is None or (states_only and len(mention.code or "") != 3):
                continue
            country = self._country_part(mention.code)
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
                national = self._national(other, token)
                if national is not None and national.code not in {None, code[:3]}:
                    joined = f"{national.code}{code[3:]}"
                    found.append(EventActor(joined, national.text, national.start, national.end))
        return found

    def _agent_of(self, token: Token) -> str | None:
        """The agent code a noun phrase names ("army posts" MIL), for a NOUN head; for
        a name nobody knows, its title ("Opposition leader Alexei Navalny" OPP)."""
        if self.agent_code is None:
            return None
        words = [c.lemma_ for c in token.lefts if c.dep_ in {"compound", "amod"}]
        if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
            title = [
                w.lower_
                for c in token.lefts
                if c.dep_ == "compound" and not c.ent_type_
                for w in c.subtree
                if not w.ent_type_
            ]
            return self.agent_code(title) if title else None
        if token.pos_ != "NOUN":
            return None
        # "the ruling party" is the government; its lemmas ("rule party") a party.
        written = [
            c.lower_ if c.tag_ in {"VBG", "VBN"} else c.lemma_
            for c in token.lefts
            if c.dep_ in {"compound", "amod"}
        ]
        if written != words:
            found = self.agent_code([*written, token.lemma_])
            if found is not None:
                return found
        return self.agent_code([*words, token.lemma_])

    def _described_country(
        self, token: Token, agent: str, by_token: dict[int, Mention]
    ) -> str | None:
        """The country of an actor named by a definite description: "the rebel group"
        after "talks with the ELN" is the ELN's; "the ruling party" in a sentence whose
        actors are all of one country is that country's."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        named = self._others_named(token, by_token)
        for i, code, country in reversed(named):
            if i < token.i and code[3:] == agent:
                return country
        if token.dep_ not in {"nsubj", "nsubjpass", "poss"}:
            # "Israeli troops attacked the refugee camp": the people acted on are not
            # of the doer's country for being the only one named.
            return None
        return self._single_country(token, by_token, government=False, named=named)

    def _single_country(
        self,
        token: Token,
        by_token: dict[int, Mention],
        *,
        government: bool,
        named: Sequence[tuple[int, str, str]] | None = None,
    ) -> str | None:
        """The country every other actor of the token's sentence belongs to, if there is
        exactly one; else, for a `government`, the one country its challengers belong to
        ("the opposition ... talks with the government brokered by Ghana"). `named` is
        `_others_named`, when the caller has read it already."""
        if named is None:
            named = self._others_named(token, by_token)
        countries = {country for _, _, country in named}
        if len(countries) != 1 and government:
            countries = {country for _, code, country in named if code[3:] in _CHALLENGERS}
        return countries.pop() if len(countries) == 1 else None

    def _others_named(
        self, token: Token, by_token: dict[int, Mention]
    ) -> list[tuple[int, str, str]]:
        """The other actors of the token's sentence that belong to a country: their
        token index, code and country, in text order."""
        sentence = sentence_of(token)
        return [
            (i, mention.code or "", country)
            for i in range(sentence.start, sentence.end)
            if i != token.i
            and (mention := by_token.get(i)) is not None
            and (country := self._country_part(mention.code)) is not None
        ]

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
                counted = pobjs(head, {"of"})
                if not counted:
                    break
                head = counted[0]
            # "President Obama and President Medvedev" parses as an apposition whose
            # name carries the coordination.
            appositions = [c for c in head.children if c.dep_ == "appos"]
            for token in (head, *head.conjuncts, *(x for a in appositions for x in a.conjuncts)):
                mention = mention_for(token, by_token) or antecedent_mention(token, by_token)
                neighbour = neighbour_of(token, by_token) if mention is None else None
                if neighbour is not None and neighbour.country:
                    # "accusing its neighbour of hostile acts": the other state named.
                    _add_new(
                        actors,
                        [
                            EventActor(
                                neighbour.country, token.text, token.idx, token.idx + len(token)
                            )
                        ],
                    )
                    continue
                if mention is None and (token.dep_ in SUBJECT_DEPS or token.lower_ == "other"):
                    paired = pair_antecedents(token, by_token)
                    if paired:
                        # "the two sides exchanged fire": the last two parties named.
                        # "the two countries", "each side": the states themselves.
                        states = token.lemma_ in _STATE_PAIRS or (
                            token.lower_ == "other"
                            and any(
                                c.lemma_ in _STATE_PAIRS
                                for c in token.head.children
                                if c.dep_ in SUBJECT_DEPS
                            )
                        )
                        _add_new(
                            actors,
                            (
                                EventActor(m.country if states else m.code, m.text, m.start, m.end)
                                for m in paired
                            ),
                        )
                        continue
                if mention is None and token.lower_ == "them":
                    _add_new(
                        actors,
                        (
                            EventActor(named.code, named.text, named.start, named.end)
                            for named in plural_antecedents(token, by_token)
                        ),
                    )
                    continue
                if mention is not None:
                    actor = EventActor(mention.code, mention.text, mention.start, mention.end)
                    # "Indian and Pakistani troops", "U.S. and British warships": one
                    # mention, two actors of the same kind.
                    anchor = token
                    if token.i not in by_token:  # a pronoun: its antecedent's words
                        span = token.doc.char_span(
                            mention.start, mention.end, alignment_mode="expand"
                        )
                        anchor = span.root if span is not None else token
                    _add_new(actors, self._co_nationals(anchor, mention))
                    _add_new(actors, _coordinated_inside(anchor, mention, by_token))
                    _add_new(actors, _of_partners(anchor, mention, by_token))
                    if token.lower_ in {"their", "they"} and anchor is not token:
                        # "Japan and ASEAN leaders ... at their summit": all of them.
                        _add_new(actors, self._actors(anchor.conjuncts, by_token))
                else:
                    # "Russian missile strike", "his Saudi and American counterparts";
                    # in a prepositional slot also "debts of Tajikistan"-like "Tajik debts".
                    nationals = [token] if token.pos_ in {"ADJ", "PROPN"} else []
                    modifiers = [
                        x
                        for c in token.children
                        if c.dep_ in {"amod", "compound"}
                        for x in (c, *c.conjuncts)
                    ]
                    if loose or token.lemma_ == "counterpart" or self._agentive(token):
                        nationals += modifiers
                    found = [n for n in (self._national(w, token) for w in nationals) if n]
                    own = self._national(token, token) if token.pos_ == "PROPN" else None
                    if own is not None and token.tag_ == "NNPS" and not self._agentive(token):
                        # "killed four Palestinians", "Britons and Americans": the nation's
                        # people, not the state.
                        found = [replace(own, code=f"{own.code}CVL")]
                    found += [n for w in nationals for n in self._hyphen_partners(w)]
                    agent = self._agent_of(token)
                    if agent == "REL" and token.lemma_ in PUBLIC_PLACES and not token.is_title:
                        agent = None  # "bombers struck churches": buildings, not the church
                    if agent is not None and not found:
                        # "a Serbian army jet": the nationality of the kind named.
                        found = [n for n in (self._national(w, token) for w in modifiers) if n]
                    if agent is not None:
                        # "Pakistani army posts" -> PAKMIL; "opposition activists" after
                        # "Russian police detained" -> RUSOPP (the source's own country).
                        # Only a head that itself names people takes the source's
                        # country: "activists" do, a "refugee camp" does not.
                        countries = [n.code for n in found if n.start != token.idx]
                        if not countries:
                            within = self._country_within(token, by_token)
                            countries = [within] if within else []
                        if not countries and home and self._agentive(token):
                            countries = [home]
                        if not countries:
                            described = self._described_country(token, agent, by_token)
                            countries = [described] if described else []
                        if not countries and agent in _STATE_SIDES:
                            # "the government", "the rebels": of the one country the
                            # sentence's actors belong to, else of the place named, else
                            # of no known country.
                            single = self._single_country(
                                token, by_token, government=agent == "GOV"
                            ) or self._sentence_country(token, by_token, own_phrase=True)
                            if single or token.dep_ not in _MODIFIER_DEPS:
                                countries = [single or ""]
                        if not countries and agent in _DOMESTIC_AGENTS:
                            # "protesters rallied in Kyiv", "soldiers beat a man in
                            # Mandalay": people of the place named.
                            place = self._sentence_country(token, by_token, own_phrase=True)
                            countries = [place] if place else []
                            if not countries and token.dep_ not in _MODIFIER_DEPS:
                                # "security forces detained", "unidentified men": an
                                # actor of that kind, its country unknown (a bare
                                # agent code, as GDELT writes one); "artillery fire"
                                # names a weapon, not who fired.
                                countries = [""]
                        start = token.left_edge.i if token.left_edge.i < token.i else token.i
                        phrase = token.doc[start : token.i + 1]
                        found = [
                            EventActor(
                                f"{c}{agent}", phrase.text, phrase.start_char, phrase.end_char
                            )
                            for c in countries
                        ]
                    _add_new(actors, found)
                    continue
                _add_new(actors, [actor])
        return actors

    def _national(self, word: Token, head: Token) -> EventActor | None:
        text = word.text.removesuffix("-led").removesuffix("-backed")  # "U.S.-led war"
        country = None
        if self.country_of is not None:
            # "North Korean", "South Sudanese": the parser hangs "North" on the noun.
            first = word.i
            while (
                first > max(word.i - 2, 0)
                and word.doc[first - 1].is_title
                and word.doc[first - 1].pos_ in {"ADJ", "PROPN"}
                and word.doc[first - 1].dep_ in {"amod", "compound"}
            ):
                first -= 1
            for start in range(first, word.i):
                longer = self.country_of(word.doc[start : word.i].text + " " + text)
                if longer is not None:
                    word_start = word.doc[start].idx
                    return EventActor(
                        longer,
                        doc_text(word.doc)[word_start : word.idx + len(word)],
                        word_start,
                        word.idx + len(word),
                    )
            # "U.S.-led", and a country's name as a modifier: "Iranian and U.S. negotiators".
            named = text != word.text or (word.pos_ == "PROPN" and word.i != head.i)
            country = self.country_of(text) or (
                self.country_named(text) if self.country_named and named else None
            )
        if country is None:
            return None
        if head.i != word.i and head.lemma_ == "counterpart":
            return EventActor(country, f"{word.text} {head.text}", word.idx, head.idx + len(head))
        return EventActor(country, word.text, word.idx, word.idx + len(word))

    def _hyphen_partners(self, word: Token) -> list[EventActor]:
        """ "joint U.S.-South Korean drills", parsed with "U.S.-South" hanging on
        "Korean": the states named before the hyphen, and the one it completes."""
        if self.country_of is None or self.country_named is None:
            return []
        for child in word.children:
            if "-" not in child.text or child.dep_ not in {"advmod", "compound", "amod"}:
                continue
            *others, last = child.text.split("-")
            joined = self.country_of(f"{last} {word.text}")
            named = [self.country_named(o) for o in others if o]
            if joined is None or not named or None in named:
                continue
            start, end = child.idx, word.idx + len(word)
            codes = [c for c in named if c is not None] + [joined]
            return [EventActor(c, doc_text(child.doc)[start:end], start, end) for c in codes]
        return []

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
            said, did = mention_for(speaker, by_token), mention_for(source, by_token)
            if said is None or did is None:
                return False
            return _speaks_for(said.code, did.code)

        def neutral(speaker: Token) -> bool:
            said = mention_for(speaker, by_token)
            return said is not None and _fact_finder(said.code)

        reading = read_modality(
            trigger,
            source_token.root if source_token else None,
            same_actor=same_actor,
            neutral=neutral,
        )
        if reading.modality == "asserted" and event.cameo.startswith("03"):
            # A pledge or promise made is an intention, whatever mood it is told in.
            reading = replace(reading, modality="intended")
        code = event.cameo
        owner = source_token.root if source_token else None
        if reading.modality == "negated" and refused(trigger, owner, same_actor):
            # "said it would not cooperate with the inquiry": a refusal made (12x).
            code = self.ontology.governed_code("120", code) or "120"
            reading = replace(reading, modality="asserted")
        threat = None
        coercive = code[:2] in COERCIVE_ROOTS and trigger.pos_ == "VERB"
        vowed = reading.pledged or _conditioned(trigger)
        if coercive and reading.modality == "intended" and vowed:
            threat = self.ontology.governed_code("130", code)
        if threat is not None:
            # "vowed to carry out more attacks", "would use its nuclear weapons if it felt
            # threatened": CAMEO has intent codes for cooperation only; a sanction,
            # coercion or violence an actor vows, or makes hang on a condition, is a
            # threat made (13x). One merely planned or announced ("said it would seize
            # 804 farms", "agreed to ban the airlines") is the act, intended.
            code = threat
            reading = replace(reading, modality="asserted")
        elif reading.modality == "intended" and not code.startswith("03"):
            code = self.ontology.intent_code_for(code) or code
        entry = self.ontology.get(code)
        fields = _ontology_fields(entry)
        if coercive and reading.modality == "intended" and code[:2] in COERCIVE_ROOTS:
            # PLOVER codes an announced act of force as the threat it is ("THREATEN could
            # be ASSAULT + future: return the single category"), its mode the content.
            announced = self.ontology.get(self.ontology.governed_code("130", code) or "130")
            fields["plover"], fields["plover_mode"] = announced.plover_event, announced.plover_mode
        previous = sentence_of(sentence.doc[sentence.start - 1]) if sentence.start > 0 else None
        when = event_date(
            sentence, article_date, trigger=trigger, context=previous, expressions=expressions
        )
        places = event_places(
            sentence, trigger=trigger, home_country=home, prepared=sentence_places
        )
        place = places[0] if places else None
        source, target = event.source, event.target
        if place is not None and place.country:
            named = mention_for(source_token.root, by_token) if source_token else None
            unknown = source is not None and (
                source.text == _UNIDENTIFIED or (named is not None and named.code == "UAF")
            )
            if unknown and source is not None:
                # "killed by a roadside bomb in Kandahar province": attackers nobody names
                # are of the country the attack happens in, which the gazetteer knows
                # better than the actor dictionary.
                source = replace(source, code=f"{place.country}UAF")
            # Transnational armed groups are coded, as our conventions code every
            # non-state armed group, as rebels of the country they act in ("Islamic
            # State claimed the attacks" in Brussels: BELREB); the text keeps the name.
            source, target = (
                replace(actor, code=f"{place.country}REB")
                if actor is not None and (actor.code or "").startswith(_TRANSNATIONAL)
                else actor
                for actor in (source, target)
            )
        if any(a is not None and a.code in self.agent_kinds for a in (source, target)):
            # "Kenyatta said troops had shot dead five of the attackers": forces named by
            # kind alone are of the place the act happens in, else of the state whose
            # spokesman tells of them, else of the other party's ("He was shot dead by
            # an extremist").
            said = mention_for(reading.reported_by, by_token) if reading.reported_by else None
            other = target if source is not None and source.code in self.agent_kinds else source
            country = (
                (place.country if place is not None else None)
                or (self._country_part(said.code) if said is not None else None)
                or (self._country_part(other.code) if other is not None else None)
            )
            if country:
                source, target = (
                    replace(a, code=f"{country}{a.code}")
                    if a is not None and a.code in self.agent_kinds
                    else a
                    for a in (source, target)
                )
        reported_by = None
        if reading.reported_by is not None:
            speaker = reading.reported_by
            reported_by = EventActor(None, speaker.text, speaker.idx, speaker.idx + len(speaker))
        return replace(
            event,
            **fields,
            source=source,
            target=target,
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


# Requests for acts CAMEO has no appeal code of their own for: an arrest or detention
# (17) asks for judicial cooperation, a deployment or use of force (15, 19) for military
# protection.
_REQUEST_BY_ROOT = {"17": "0213", "15": "0234", "19": "0234"}


_UNIDENTIFIED = "(unidentified)"
# Who claims responsibility for violence: armed groups, not states.
_CLAIMANTS = ("REB", "UAF")
# Codes of armed groups that act across borders (al-Qaeda IMGMUSALQ, Islamic State
# IMGMUSISI), which events code by the country they act in.
_TRANSNATIONAL = "IMG"


def _speaks_for(speaker: str, actor: str) -> bool:
    """Whether a speaker coded `speaker` tells the acts of `actor` as its own side: the
    same actor, one body inside the other ("IGOUNO" and its agencies), or two organs of
    one state ("officials in New Delhi" for the army). Opposition, rebels, civilians or
    rights groups of the same country tell another side's acts."""
    if speaker == actor:
        return True
    if speaker[:3] in _NON_STATE_PREFIXES or actor[:3] in _NON_STATE_PREFIXES:
        return speaker.startswith(actor) or actor.startswith(speaker)
    if speaker[:3] != actor[:3]:
        return False
    return speaker[3:] in _STATE_ORGANS and actor[3:] in _STATE_ORGANS


_NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG"})
# A state's own organs; its state media speak for it too, as the gold conventions say.
_STATE_ORGANS = frozenset({"", "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "MED"})


def _fact_finder(code: str | None) -> bool:
    """A neutral fact-finding or official source whose reports of others' acts our
    conventions tell as fact: the UN and its bodies, international courts."""
    return (code or "").startswith(_FACT_FINDERS)


_FACT_FINDERS = ("IGOUNO", "IGOJUD")


def _conditioned(trigger: Token) -> bool:
    """ "would use its weapons *if it felt threatened*": the act hangs on a condition."""
    return any(is_condition(c) for c in trigger.children)


def _coded_event(
    entry: CameoCode,
    source: EventActor,
    target: EventActor | None,
    sentence: Span,
    index: int,
    trigger: Token,
    pattern: Pattern,
) -> Event:
    """An event as a trigger first codes it: asserted, undated and unplaced until
    `_finish` reads its modality, date and place."""
    return Event(
        **_ontology_fields(entry),
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


_INQUIRY_KINDS = frozenset({"091", "092", "093", "094"})
# Words for the armed groups whose positions are struck: "Islamist positions".
_REBEL_WORDS = frozenset({"islamist", "jihadist", "insurgent", "separatist", "guerrilla"})
# What armed forces strike when they strike the other side's forces.
_MILITARY_TARGETS = frozenset(
    {
        "target",
        "position",
        "base",
        "camp",
        "stronghold",
        "hideout",
        "depot",
        "outpost",
        "bunker",
        "installation",
        "trench",
        "post",
        "facility",
        "convoy",
        "encampment",
    }
)
# Verbs of giving way to a demand: "bowing to demands", "yielded to pressure".
_YIELDING = frozenset({"bow", "yield", "give", "cave", "accede", "submit", "bend", "succumb"})
# Emergency rule (curfew, state of emergency, martial law) falls on the people.
_EMERGENCY_RULE = frozenset({"1723", "1724"})
# Words telling of protests a resignation bows to, and who else may force one out.
_PROTEST_WORDS = frozenset(
    {
        "protest",
        "protester",
        "demonstrator",
        "demonstration",
        "march",
        "rally",
        "uprising",
        "activist",
        "sit-in",
        "student",
        "protestor",
    }
)
_PRESSING = frozenset({"MIL", "LEG", "REB", "OPP", "JUD"})
# Acts between two states that put their forces at war: the fighting told beside them
# without its parties is theirs.
_WARRING_ROOTS = frozenset({"15", "19", "20"})
_FIGHTING = frozenset({"fighting", "fight", "battle", "combat", "clash"})

# Acts with no direction (talks, agreements, clashes) are coded once each way.
_SYMMETRIC_PREFIXES = ("040", "041", "046", "057")
# Fighting has no direction either; an attack or a strike has one.
_MUTUAL_FIGHTING = frozenset(
    {"clash", "fight", "fighting", "battle", "exchange", "trade", "skirmish", "war"}
)


def _names_an_object(trigger: Token) -> bool:
    """ "A Palestinian state was recognised by Spain and Norway": the object is a party
    the resolver could not code, but a party still."""
    return any(
        o.ent_type_
        or o.pos_ == "PROPN"
        or any(c.dep_ == "amod" and c.ent_type_ for c in o.children)
        for o in slot_heads(trigger, "object")
    )


def _symmetric(code: str, trigger: Token) -> bool:
    if code.startswith("19") and trigger.lemma_ in _MUTUAL_FIGHTING:
        return True
    if code.startswith("06") and any(c.lower_ in {"joint", "jointly"} for c in trigger.children):
        return True  # "joint U.S.-South Korean drills": each with the other
    return code.startswith(_SYMMETRIC_PREFIXES)


# Agents who carry arms: only they (or a state) do what an `armed` pattern names.
_ARMED_AGENTS = ("MIL", "REB", "UAF", "SPY", "INS")


# Verbs by which parties named together promise an act to each other.
_JOINT_PROMISES = frozenset({"pledge", "promise", "agree", "vow", "undertake", "commit"})
# Acts two parties named together do towards each other when nobody else is named.
_JOINT_ROOTS = frozenset({"01", "03", "05", "06"})
# Who protests against their own government when no target is named.
_PROTESTING = CROWDS | {"REL", "REF"}
# What a comment or a criticism is about.
_ABOUT = frozenset({"about", "on", "over", "at", "with", "of", "by", "regarding"})
# Prepositions by which a frame's noun names whom it is aimed at.
_AIMED_AT = {"into", "on", "against", "of", "to", "with"}
_FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
_HARM_ROOTS = frozenset({"18", "19", "20"})
# Modalities under which an act did not (or not yet) happen.
_UNREAL = frozenset({"intended", "hypothetical", "negated"})
# Acts nobody does to itself: a consultation, support. (Aid or a concession told with
# the giver's own code on both sides is a misread actor, but still an act.)
_SELF_LESS_ROOTS = frozenset({"04", "05"})
# Acts whose "from" names a place left or a direction, not the actor: "withdrawal from
# Iraq", "an attack from the north".
_DIRECTED_FROM = frozenset({"08", "15", "16", "17", "18", "19", "20"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Groups that are, unless told otherwise, people of the place where they act.
_DOMESTIC_AGENTS = frozenset(
    {
        "OPP",
        "CVL",
        "COP",
        "LAB",
        "EDU",
        "AGR",
        "JUD",
        "LEG",
        "REF",
        "RAD",
        "MIL",
        "CRM",
        "UAF",
        "REL",
        "MED",
        "BUS",
    }
)
# The two sides of a state's own conflicts, named without their country.
_STATE_SIDES = frozenset({"GOV", "REB"})
# Who a government faces at home.
_CHALLENGERS = CROWDS | {"REB", "REF"}
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


# Judgements of what others did: disapproval and praise.
_JUDGING_ROOTS = frozenset({"11", "05"})
_REFERRING = frozenset({"the", "this", "these", "those", "that"})


def _judges(code: str) -> bool:
    """Whether an act is a judgement of another's: criticism (11) or praise (051)."""
    return code[:2] == "11" or code[:3] == "051"


def _act_named_again(judging: Token) -> Token | None:
    """ "condemned *it*", "condemned *the exercises*", "hailed *the decision*": the
    judging verb's object, when it refers to something told before, by a pronoun or a
    definite common noun."""
    if judging.dep_ in {"acl", "relcl"} and judging.head.pos_ == "NOUN":
        return judging.head  # "..., a verdict condemned by Washington", "a move Kyiv hailed"
    for obj in (c for c in judging.children if c.dep_ == "dobj"):
        if obj.lower_ in {"it", "them", "this"}:
            return obj
        if obj.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in _REFERRING for c in obj.children
        ):
            return obj
    return None


def _reprisal(pattern: Pattern) -> bool:
    """ "vowed retaliation", "promised to respond": a threat of an answer in kind."""
    return bool(
        set(pattern.objects) & {"retaliation", "revenge", "reprisal", "response"}
        or set(pattern.complement) & {"respond", "retaliate", "punish", "avenge", "react"}
    )


def _violence_told(token: Token, triggers: dict[int, tuple[Token, Pattern]]) -> bool:
    """Whether the sentence tells of an armed act besides the token's own."""
    return any(
        other.code[:2] in VIOLENT_ROOTS for i, (_, other) in triggers.items() if i != token.i
    )


def _charged_each_other(act: Token) -> bool:
    """ "each side accused the other of firing first": the act charged to "the other"."""
    verb = charging_verb(act)
    return verb is not None and any(c.dep_ == "dobj" and c.lower_ == "other" for c in verb.children)


# Words for two parties that stand for their states: "the two countries", "each side
# accused the other".
_STATE_PAIRS = frozenset({"country", "nation", "side", "each"})


def _coordinated_inside(
    head: Token, mention: Mention, by_token: dict[int, Mention]
) -> list[EventActor]:
    """ "the Colombian government and FARC rebels", parsed as one phrase with "rebels" as
    its head: the other actors coordinated inside it."""
    start = head.left_edge.i
    if not any(t.dep_ == "cc" for t in head.doc[start : head.i]):
        return []
    found: list[EventActor] = []
    for i in range(start, head.i):
        other = by_token.get(i)
        if other is None or other is mention or any(a.start == other.start for a in found):
            continue
        found.append(EventActor(other.code, other.text, other.start, other.end))
    return found


def _add_new(actors: list[EventActor], found: Iterable[EventActor]) -> None:
    """Append each actor not already there (one actor per place in the text)."""
    for actor in found:
        if all(a.start != actor.start for a in actors):
            actors.append(actor)


def _of_partners(head: Token, mention: Mention, by_token: dict[int, Mention]) -> list[EventActor]:
    """ "the foreign ministers of Armenia and Azerbaijan", resolved as Armenia's: the same
    office of each other state coordinated after "of"."""
    code = mention.code or ""
    if len(code) <= 3:
        return []
    found: list[EventActor] = []
    for owner in pobjs(head, {"of"}):
        first = by_token.get(owner.i)
        if first is None or (first.code or "")[:3] != code[:3]:
            continue
        for other in owner.conjuncts:
            state = by_token.get(other.i)
            if state is not None and len(state.code or "") == 3:
                found.append(
                    EventActor(f"{state.code}{code[3:]}", state.text, state.start, state.end)
                )
    return found


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

    # Cached: the same words ("Russian", "Kyiv") are looked up for many triggers, and a
    # miss folds accents and tries plural demonyms each time.
    @lru_cache(maxsize=8192)
    def country_of(word: str) -> str | None:
        found = dictionary.country_for_name(word)
        return found[0].code if found is not None and found[1] == "adjective" else None

    @lru_cache(maxsize=8192)
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
        agent_kinds=frozenset(agent.code for agent in dictionary.agents),
    )


@lru_cache(maxsize=1)
def default_coder() -> EventCoder:
    return build_coder()
