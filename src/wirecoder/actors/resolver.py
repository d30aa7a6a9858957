"""Mentions → coded actors, on the dependency parse.

Rules, in the order they are tried for each mention (each mention records which one
resolved it in `how`):

- dictionary: a known person, coded by the role held on the article's date
  ("Putin" in 2004 → RUSGOV; after every role, the country's elite code);
- title: "Tajik President X", "NATO Secretary-General X" (country or organisation
  plus an agent word before the name);
- apposition: "X, a Tajik opposition figure", "X, an economist at a research centre
  in Tashkent";
- affiliation: "X of <organisation>" links the person to it;
- adjective_agent: a noun phrase with a country and an agent word ("Russian troops",
  "Kyrgyzstan's interim government", "the government of Tajikistan");
- country / capital / organisation: names used as actors (not as places: "in
  Tajikistan" is a location, not an actor);
- coreference: later surnames, "the president", and he/she/his/her where the
  antecedent is clear (see coref.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.dictionary import (
    ActorDictionary,
    AgentMatch,
    Country,
    Institution,
    Person,
)
from wirecoder.actors.eras import in_era
from wirecoder.actors.names import NameFinder, NameMatch
from wirecoder.model import Mention
from wirecoder.nlp import entities_in, sentence_of

# A country or capital after these prepositions is a place, not an actor.
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "throughout",
        "inside",
        "within",
        "around",
        "into",
        "from",
        "outside",
        "beyond",
        "along",
        "between",
        "among",
        "via",
        "through",
        "over",
        "under",
        "onto",
    }
)
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "punct", "poss", "case"})
_PRONOUNS = frozenset({"he", "she", "his", "her"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "these", "those"})
# Agents coded without a country: unidentified gunmen, international peacekeepers.
_STATELESS_AGENTS = frozenset({"UAF", "IGO"})
# Verbs whose subject or object is no actor: "the country would become a graveyard",
# "gave him 48 hours to leave the country".
_BEING = frozenset({"be", "become", "remain", "seem", "appear", "look"})
_MOVING = frozenset({"leave", "enter", "flee", "visit", "tour", "cross", "reach", "return", "run"})
# Nouns any international body is called by once named: "the bloc", "the body".
_BODY_NOUNS = frozenset({"body", "bloc", "organisation", "organization", "grouping"})
# Nouns a state is called by once named: "the kingdom", "the island nation".
_STATE_NOUNS = frozenset({"country", "kingdom", "nation", "republic", "emirate", "sultanate"})
# Armed men a named person commands: "Assad's forces", "Kabila's rebel forces".
_COMMANDED = frozenset({"MIL", "REB", "COP", "SPY"})
# Bare plural groups ("police", "troops", "rebels") are taken to be of the dateline's
# country; other bare groups (teachers, families, firms) are too often not actors.
_HOME_AGENTS = frozenset({"COP", "MIL", "OPP", "REB", "INS", "LEG"})
# Heads of listed agent phrases that name where forces are, not who they are.
_PLACE_HEADS = frozenset(
    {"base", "camp", "post", "outpost", "barracks", "headquarters", "station", "compound"}
    | {"facility", "airbase", "airfield", "port", "checkpoint", "garrison", "depot"}
)
_FOREIGN = frozenset({"foreign", "international", "western", "allied", "coalition"})
# Nouns that make an apposition describe a person: "X, a well-known opposition figure".
_PERSON_NOUNS = frozenset(
    {
        "spokesperson",
        "commissioner",
        "senator",
        "speaker",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "negotiator",
        "representative",
        "chief",
        "governor",
        "secretary",
        "envoy",
        "delegate",
        "adviser",
        "advisor",
        "researcher",
        "coordinator",
        "rapporteur",
        "administrator",
        "scientist",
        "columnist",
        "reporter",
        "professor",
        "editor",
        "correspondent",
        "ambassador",
        "general",
        "colonel",
        "mayor",
        "judge",
        "prosecutor",
        "figure",
        "leader",
        "analyst",
        "official",
        "politician",
        "activist",
        "minister",
        "spokesman",
        "spokeswoman",
        "commander",
        "expert",
        "economist",
        "journalist",
        "member",
        "head",
        "chairman",
        "president",
        "founder",
        "director",
        "lawyer",
        "cleric",
    }
)
# Who speaks or acts for a body named after "for" or "of".
_REPRESENTATIVES = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "official",
        "officials",
        "representative",
        "representatives",
        "envoy",
        "negotiator",
        "negotiators",
        "delegation",
        "head",
        "chief",
        "leader",
        "leaders",
    }
)
# Heads that make a group of whatever the modifier says: "opposition supporters".
_GROUP_HEADS = frozenset(
    {
        "supporters",
        "supporter",
        "officers",
        "officer",
        "agents",
        "agent",
        "personnel",
        "units",
        "unit",
        "chiefs",
        "chief",
        "members",
        "member",
        "leaders",
        "leader",
        "followers",
        "loyalists",
        "figures",
        "figure",
        "groups",
        "group",
        "circles",
        "sources",
        "ranks",
        "camp",
        "bloc",
        "movement",
        "side",
        "representatives",
        "delegation",
        "delegates",
    }
)
# "flew to Tbilisi": after these verbs, "to X" is a destination.
_MOTION_VERBS = frozenset(
    {
        "fly",
        "travel",
        "go",
        "return",
        "come",
        "head",
        "move",
        "flee",
        "arrive",
        "drive",
        "sail",
        "walk",
        "march",
        "escape",
        "defect",
        "emigrate",
        "relocate",
        "retreat",
    }
)
_LED = frozenset({"led", "backed", "brokered", "sponsored", "funded", "allied", "based"})
_FORMER = frozenset(
    {"former", "ex", "ex-", "retired", "late", "ousted", "deposed", "exiled", "toppled"}
)


@dataclass(slots=True)
class Entity:
    """One real-world actor in a document; its mentions share the id."""

    id: int
    code: str
    name: str | None
    country: str | None
    kind: str  # person | group | state | organisation
    surnames: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    affiliation: str | None = None
    last_token: int = -1
    last_subject_token: int = -1


@dataclass(slots=True)
class _State:
    doc: Doc
    day: date
    home: str | None
    names: Sequence[NameMatch] = ()
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # token indices already part of a mention
    persons: set[int] = field(default_factory=set)  # token indices inside person names
    # Words of an apposition describing a person ("a Tajik opposition figure"): no group
    # or country mention of their own, though a named body in them still is one.
    described: set[int] = field(default_factory=set)

    def new_entity(self, **fields: object) -> Entity:
        entity = Entity(id=len(self.entities), **fields)  # type: ignore[arg-type]
        self.entities.append(entity)
        return entity


@dataclass(frozen=True, slots=True)
class Body:
    """An international organisation or a national institution, as the resolver needs it."""

    code: str
    name: str
    country: str | None
    kind: str  # igo, ngo, or the institution's kind (media, party, executive, ...)
    words: frozenset[str]


def sector_of(code: str, country: str | None) -> str | None:
    if country and code.startswith(country) and len(code) > len(country):
        return code[len(country) : len(country) + 3]
    return None


class ActorResolver:
    """Resolve every actor mention in a parsed article."""

    def __init__(self, dictionary: ActorDictionary, finder: NameFinder) -> None:
        self.dictionary = dictionary
        self.finder = finder
        # Lookups repeat across documents; the dictionary is immutable, so memoise.
        self._bodies: dict[str, Body | None] = {}
        self._countries: dict[str, tuple[Country, str] | None] = {}

    def _country_for_name(self, text: str) -> tuple[Country, str] | None:
        if text not in self._countries:
            self._countries[text] = self.dictionary.country_for_name(text)
        return self._countries[text]

    def body_for_name(self, text: str) -> Body | None:
        """The organisation or institution a name stands for ("NATO", "the Kremlin")."""
        if text not in self._bodies:
            self._bodies[text] = self._lookup_body(text)
        return self._bodies[text]

    def _lookup_body(self, text: str) -> Body | None:
        text = _strip_possessive(text.strip(" \"'“”‘’"))
        organisation = self.dictionary.organisation_for_name(text)
        if organisation is not None:
            names = (organisation.name, *organisation.names)
            return Body(
                organisation.code, organisation.name, None, organisation.kind, _words(names)
            )
        institution = self.dictionary.institution_for_name(text)
        if institution is None or institution.is_ambiguous(text):
            return None
        return _institution_body(institution)

    # -- entry point ----------------------------------------------------------------
    def resolve(self, doc: Doc, *, day: date, home: str | None = None) -> list[Mention]:
        names = self.finder.find(doc)
        state = _State(doc=doc, day=day, home=home, names=names)
        by_start = {m.start: m for m in names}
        consumed: set[int] = set()
        people_spans = self._person_spans(doc, names)
        for span in people_spans:
            consumed.update(range(span.start, span.end))
        # Title words belong to the person they introduce ("Russian President Putin"):
        # reserved now so that "Russian" or "NATO" there is not a mention of its own.
        state.persons = consumed
        for span in people_spans:
            state.used.update(t.i for t in self._title_tokens(span))
            for child in span.root.children:
                if child.dep_ == "appos":
                    state.described.update(t.i for t in _phrase_tokens(child))
        events: list[tuple[int, str, object]] = [(s.start, "person", s) for s in people_spans]
        for match in names:
            if match.start in consumed or match.people:
                continue
            events.append((match.start, "name", match))
        for chunk in _noun_phrases(doc):
            events.append((chunk.start, "chunk", chunk))
        for token in doc:
            if token.lower_ in _PRONOUNS:
                events.append((token.i, "pronoun", token))
            elif token.pos_ == "PROPN" and token.i not in consumed:
                events.append((token.i, "surname", token))
        kinds = {"person": 0, "chunk": 1, "name": 2, "pronoun": 3, "surname": 4}
        events.sort(key=lambda e: (e[0], kinds[e[1]]))
        for _, kind, item in events:
            if kind == "person":
                assert isinstance(item, Span)
                self._person(state, item, by_start)
            elif kind == "chunk":
                assert isinstance(item, Span)
                self._agent_phrase(state, item)
            elif kind == "name":
                assert isinstance(item, NameMatch)
                self._name(state, item)
            elif kind == "pronoun":
                assert isinstance(item, Token)
                self._pronoun(state, item)
            else:
                assert isinstance(item, Token)
                self._surname(state, item)
        state.mentions.sort(key=lambda m: m.start)
        return in_era(state.mentions, day)

    # -- people -----------------------------------------------------------------------
    def _person_spans(self, doc: Doc, names: Sequence[NameMatch]) -> list[Span]:
        """Dictionary people, then NER persons that overlap no dictionary name."""
        spans = [
            m.span
            for m in names
            if m.people
            and not _lowercase_word(m.span)
            and not self._inside_longer_name(m.span)
            and not _after_pro(m.span[0])  # "anti-Gaddafi fighters" are not Gaddafi
        ]
        taken = {i for s in spans for i in range(s.start, s.end)}
        # "Boko Haram" tagged PERSON is still the organisation the dictionary names.
        bodies = {
            i
            for m in names
            if m.organisation is not None or m.institution is not None
            for i in range(m.span.start, m.span.end)
        }
        # Typed persons first; then untyped runs of names, without leading title words.
        runs = [self._without_title(run) for run in _propn_runs(doc)]
        candidates = [e for e in doc.ents if e.label_ == "PERSON"]
        candidates += [run for run in runs if run is not None]
        for ent in candidates:
            if any(i in taken or i in bodies for i in range(ent.start, ent.end)):
                continue
            if any(_after_pro(t) for t in ent):
                continue  # "Pro-Gaddafi" tagged a person
            if ent.label_ != "PERSON" and not self._person_like(ent):
                continue
            if self.dictionary.country_for_name(_strip_possessive(ent.text)) is not None:
                continue  # NER calls "Tajik" (and "Sri Lanka's") a person now and then
            if self._ethnic_group(list(ent)) is not None:
                continue  # "Iraqi Kurds" is a people, not a person
            span = _trim_person(ent)
            if span is not None:
                spans.append(span)
                taken.update(range(span.start, span.end))
        return sorted(spans, key=lambda s: s.start)

    def _without_title(self, run: Span) -> Span | None:
        start = run.start
        while start < run.end and self.dictionary.agent_match([run.doc[start].lower_]):
            start += 1
        return run.doc[start : run.end] if run.end - start >= 2 else None

    def _inside_longer_name(self, span: Span) -> bool:
        """ "Qureshi" in "Farah Qureshi": a known surname inside an unknown full name
        (but not "Putin" in "President Putin")."""
        token = span[0]
        if len(span) != 1 or token.ent_type_ != "PERSON" or token.ent_iob_ != "I":
            return False
        before = span.doc[span.start - 1]
        return self.dictionary.agent_match([before.lower_]) is None

    def _person_like(self, ent: Span) -> bool:
        """A name the tagger calls an organisation but an apposition calls a person:
        "Dadejan Attaullah, a well-known Tajik opposition figure"."""
        if len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent):
            return False
        if self.body_for_name(ent.text) is not None:
            return False
        title = self._title_tokens(ent)
        if title and title[-1].lower_ in _PERSON_NOUNS:
            return True  # "Government spokesman Stephane Le Foll", tagged as an organisation
        return any(
            child.dep_ == "appos" and child.lower_ in _PERSON_NOUNS for child in ent.root.children
        )

    def _person(self, state: _State, span: Span, by_start: dict[int, NameMatch]) -> None:
        known = by_start.get(span.start)
        people = known.people if known is not None and known.end == span.end else ()
        entity = self._existing_person(state, span)
        if entity is not None:
            how = "coref_surname" if len(span) <= 3 and span.text != entity.name else "dictionary"
            self._add(state, span, entity, how)
            self._consume_title(state, span)
            return
        if people:
            person = _pick_person(people, state.day)
            code = person.code_on(state.day)
            role = person.role_on(state.day)
            if role is None:
                # Out of office on the day: the text may say what they are now
                # ("opposition leader X", "Senator X").
                context = self._title(state, span, person.country) or self._apposition(
                    state, span, person.country
                )
                if context is not None and not context[3] & _FORMER:
                    code = context[0]
            entity = state.new_entity(
                code=code,
                name=person.name,
                country=person.country,
                kind="person",
                surnames=_surnames(person.name, person.aliases),
                title_words=frozenset(role.title.lower().split()) if role else frozenset(),
            )
            self._add(state, span, entity, "dictionary")
            self._consume_title(state, span)
            return
        home = state.home or self._scene_country(state, span)
        resolved = self._title(state, span, home) or self._apposition(state, span, home)
        affiliation = self._affiliation(state, span)
        if resolved is None and affiliation is not None and affiliation[1] is not None:
            body = affiliation[1]
            resolved = (body.code, body.country, "affiliation", frozenset())
        if resolved is None:
            return
        code, country, how, title = resolved
        entity = state.new_entity(
            code=code,
            name=span.text,
            country=country,
            kind="person",
            surnames=_surnames(span.text, ()),
            title_words=title,
            affiliation=affiliation[0] if affiliation else None,
        )
        self._add(state, span, entity, how)

    def _scene_country(self, state: _State, span: Span) -> str | None:
        """Without a dateline, the one country the sentence sets its scene in or ties its
        domestic actors to: "President X imposed a curfew in Abidjan", "Judge X charged
        28 Chilean officials". A country the act is aimed at ("sanctions against
        Nigeria") says nothing of where the titled person is from."""
        sentence = sentence_of(span[0])
        found: set[str] = set()
        for match in state.names:
            if match.start < sentence.start or match.end > sentence.end:
                continue
            if span.start <= match.start < span.end:
                continue
            if match.institution is not None and match.institution.country:
                found.add(match.institution.country)
            elif match.country is not None and (
                _sets_scene(match.span) or self._modifies_actor(match.span)
            ):
                found.add(match.country.code)
        for ent in entities_in(sentence):
            # Cities are not dictionary names: "in Abidjan" is read from the tagger.
            if ent.label_ == "GPE" and _sets_scene(ent):
                place = self._country_for_name(_strip_possessive(ent.text))
                if place is not None:
                    found.add(place[0].code)
        return next(iter(found)) if len(found) == 1 else None

    def _modifies_actor(self, span: Span) -> bool:
        """ "Ugandan opposition candidates", "the Kenya Anti-Corruption Commission"."""
        root = span.root
        if root.dep_ not in {"amod", "compound", "nmod"}:
            return False
        head = root.head
        words = [c.lower_ for c in head.lefts if c.dep_ == "compound"] + [head.lower_]
        return self.dictionary.agent_match(words) is not None

    def _existing_person(self, state: _State, span: Span) -> Entity | None:
        text = span.text.lower()
        for entity in reversed(state.entities):
            if entity.kind != "person":
                continue
            if (entity.name and entity.name.lower() == text) or text in entity.surnames:
                return entity
        return None

    def _title_tokens(self, span: Span) -> list[Token]:
        """Words before a name in its noun phrase: "Tajik President", "NATO Secretary-General"."""
        doc = span.doc
        tokens: list[Token] = []
        i = span.start - 1
        while i >= 0 and len(tokens) < 7:
            token = doc[i]
            if token.lower_ in _FORMER:  # "Ousted president X", often tagged as a verb
                tokens.insert(0, token)
                break
            if (
                token.lower_ in {"of", "for"}
                and tokens
                and tokens[0].text[:1].isupper()
                and i > 0
                and doc[i - 1].text[:1].isupper()
            ):
                # "High Commissioner for Refugees X", "Secretary of State X"
                tokens.insert(0, token)
                i -= 1
                continue
            if token.lower_ in _DETERMINERS or token.pos_ in {"VERB", "AUX", "ADP", "CCONJ"}:
                break
            if token.is_punct and token.text not in {"-", "–", "'s", "’s"}:
                break
            if token.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT", "PART"}:
                break
            tokens.insert(0, token)
            i -= 1
        return tokens

    def _consume_title(self, state: _State, span: Span) -> None:
        state.used.update(t.i for t in self._title_tokens(span))

    def _title(
        self, state: _State, span: Span, default_country: str | None
    ) -> tuple[str, str | None, str, frozenset[str]] | None:
        tokens = self._title_tokens(span)
        if not tokens:
            return None
        found = self._code_from_words(state, tokens, default_country)
        if found is None:
            return None
        state.used.update(t.i for t in tokens)
        code, country = found
        return code, country, "title", frozenset(t.lower_ for t in tokens)

    def _apposition(
        self, state: _State, span: Span, default_country: str | None
    ) -> tuple[str, str | None, str, frozenset[str]] | None:
        """ "X, a Tajik opposition figure" and "the governor of the district, X"."""
        root = span.root
        phrases = [list(c.subtree) for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            head = root.head
            phrases.append(
                [t for t in head.subtree if t.i < root.left_edge.i or t.i > root.right_edge.i]
            )
        for subtree in phrases:
            found = self._code_from_words(state, subtree, default_country)
            if found is not None:
                state.described.update(t.i for t in subtree)
                code, country = found
                return code, country, "apposition", frozenset(t.lower_ for t in subtree)
        return None

    def _affiliation(self, state: _State, span: Span) -> tuple[str, Body | None] | None:
        """ "X of Jane's Defence Weekly": the organisation's name, and its code if known."""
        for _, obj in _prep_objects(span.root, {"of", "at", "from", "with"}):
            text = doc_span(obj).text.strip(" \"'“”")
            if text[:1].isupper():
                return text, self.body_for_name(text)
        return None

    # -- groups and states ------------------------------------------------------------------
    def _code_from_words(
        self, state: _State, tokens: Sequence[Token], default_country: str | None = None
    ) -> tuple[str, str | None] | None:
        """Country or organisation plus agent word among `tokens` → (code, country).

        Without a country in the words, `default_country` (the person's own, or the
        dateline's) stands in: "Judge X" in a story from Brasilia is BRAJUD.
        """
        words = [t for t in tokens if not t.is_punct]
        if not words:
            return None
        body = self._body_in(words)
        country = self._country_in(words, cities=True)
        agent = self.dictionary.agent_match([t.lower_ for t in words])
        former = any(t.lower_ in _FORMER for t in words)
        if former and (country or body or default_country):
            # "the former Communist Party chief of Chongqing": no longer in office.
            home = country.code if country else (body.country if body else default_country)
            if home is not None:
                return home + "ELI", home
        if body is not None:
            if body.kind == "party" and body.country and agent and agent.agent.code == "OPP":
                return body.country + "OPP", body.country  # "the opposition X Party"
            return body.code, body.country
        if agent is None:
            return None
        if agent.agent.code in _STATELESS_AGENTS:
            return agent.agent.code, None
        code = country.code if country is not None else default_country
        if code is None:
            return None
        if any(t.lower_ in _FORMER for t in words):
            return code + "ELI", code  # "former interior minister": no longer in office
        return _join(code, agent), code

    def _body_in(self, words: Sequence[Token]) -> Body | None:
        for n in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if not words[i].text[:1].isupper():
                    continue
                found = self.body_for_name(words[i].doc[words[i].i : words[i + n - 1].i + 1].text)
                if found is not None:
                    return found
        return None

    def _country_in(
        self, words: Sequence[Token], *, cities: bool, led: bool = False
    ) -> Country | None:
        """The first country named in `words` by name, adjective or capital (or city).

        "pro-Russian separatists" are not Russian: a pro- or anti- prefix is skipped;
        with `led`, "Australian-led peacekeepers" are Australian (a "Russian-led
        alliance" is not Russia).
        """
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                if not words[i].text[:1].isupper():
                    continue
                if _after_pro(words[i]) and not (led and _leading(words[i])):
                    continue
                text = words[i].doc[words[i].i : words[i + n - 1].i + 1].text
                found = self._country_for_name(_strip_possessive(text))
                if found is not None and (cities or found[1] != "city"):
                    return found[0]
        return None

    def _agent_phrase(self, state: _State, chunk: Span) -> None:
        if any(t.i in state.persons for t in chunk):
            self._commanded_force(state, chunk)
            return
        tokens = [t for t in chunk if t.i not in state.used and t.i not in state.described]
        while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].pos_ == "DET"):
            tokens = tokens[1:]
        if not tokens:
            return
        if tokens[-1].pos_ not in {"NOUN", "PROPN"}:
            return
        if any(c.dep_ == "appos" and c.i in state.persons for c in chunk.root.children):
            return  # "the governor of the district, X": the title of a named person
        split = next((t for t in tokens if t.dep_ == "cc" and t.i > tokens[0].i), None)
        if split is not None and split.i < tokens[-1].i:
            # "the Colombian government and FARC rebels", "Ukraine's military and
            # separatists" parsed as one phrase: two actors when the words before
            # "and" name one of their own.
            before = [t for t in tokens if t.i < split.i]
            noun = before[-1].pos_ == "NOUN" or (before[-1].pos_ == "ADJ" and len(before) > 1)
            if noun and self.dictionary.agent_match([t.lower_ for t in before]):
                doc = chunk.doc
                self._agent_phrase(state, doc[before[0].i : split.i])
                self._agent_phrase(state, doc[split.i + 1 : tokens[-1].i + 1])
                return
        # "anti-terrorist police", "pro-government militias": what the phrase is for or
        # against names no agent of its own.
        agent = self.dictionary.agent_match([t.lower_ for t in tokens if not _after_pro(t)])
        head = tokens[-1].lower_
        if (
            agent is not None
            and head not in _GROUP_HEADS
            and self.dictionary.agent_match([head]) is None
            # "the ruling coalition", "the FSB security service": a listed phrase ending
            # in the head names it whole, unless the head is a place ("military base").
            and (
                agent.phrase.split()[-1] not in {head, tokens[-1].lemma_.lower()}
                or tokens[-1].lemma_.lower() in _PLACE_HEADS
            )
            # "foreign secretaries", "intelligence agencies": a plural head that is part
            # of the phrase matched, which the words before it do not make alone ("a
            # new military base" is a place, however listed).
            and (
                tokens[-1].tag_ != "NNS"
                or self.dictionary.agent_match([t.lower_ for t in tokens[:-1]]) == agent
            )
        ):
            # "opposition strongholds", "opposition protests": the head is no actor.
            agent = None
        span = chunk.doc[tokens[0].i : tokens[-1].i + 1]
        body = self._body_in(tokens)
        if agent is None:
            country = self._ethnic_group(tokens)
            if country is not None:
                # "Iraqi Kurds", "Sri Lankan Tamils": a people of that country, as civilians.
                code = country.code + "CVL"
                entity = self._group_entity(state, code, span.text, country.code)
                self._add(state, span, entity, "adjective_agent")
            elif not self._leader_coref(state, span, tokens) and not self._country_coref(
                state, span, tokens
            ):
                self._organisation_coref(state, span, tokens)
            return
        if body is not None:
            # "Kremlin officials", "NATO forces": the body's own code.
            entity = self._body_entity(state, body)
            self._add(state, span, entity, "organisation")
            return
        championed = self._leader_championed(state, tokens)
        country = (
            # Forces and police led by a state are its own: "Australian-led troops".
            self._country_in(tokens, cities=False, led=agent.agent.code in {"MIL", "COP", "IGO"})
            or self._of_country(chunk)
            or championed
            or self._coordinated_country(state, chunk)
        )
        if country is None:
            if self._title_coref(state, span, agent):
                return
            if self._organisation_coref(state, span, tokens):
                return  # "the court" after the International Court of Justice
            if agent.agent.code in _STATELESS_AGENTS:
                entity = self._group_entity(state, agent.agent.code, agent.agent.label, None)
                self._add(state, span, entity, "adjective_agent")
                return
            name = _name_after(chunk)
            if agent.agent.code == "REB" and (tokens[-1].pos_ == "PROPN" or name is not None):
                # "the Baloch Liberation Army", "the Islamist group Al Mourabitoun": a
                # named armed group, of the country it acts in (else of none known).
                home_code = state.home or self._scene_country(state, span)
                code = f"{home_code or ''}REB"
                for part in (span, name):
                    if part is not None:
                        group = state.new_entity(
                            code=code, name=part.text, country=home_code, kind="group"
                        )
                        self._add(state, part, group, "title")
                return
            represented = self._represented(state, chunk)
            if represented is not None:
                code, home_code = represented
                entity = self._group_entity(state, code, span.text, home_code)
                self._add(state, span, entity, "affiliation")
                return
            if (
                agent.agent.code not in _HOME_AGENTS
                or tokens[-1].tag_ != "NNS"
                or any(t.lower_ in _FOREIGN for t in tokens)
                # "its border guards": the owner's, which the event coder reads.
                or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in chunk)
            ):
                return
            # "police", "opposition lawmakers": of the dateline's country, else of the one
            # country the sentence sets its scene in.
            home_code = state.home or self._scene_country(state, span)
            home = self.dictionary.country_by_code.get(home_code) if home_code else None
            if home is None:
                return
            country = home
        code = _join(country.code, agent)
        against = any(t.lower_ in {"anti", "anti-"} for t in tokens)
        if championed is country and agent.agent.code == "UAF" and against:
            code = f"{country.code}REB"  # "anti-Gaddafi fighters" fight the state
        entity = self._group_entity(
            state, code, f"{country.name} {agent.agent.label}", country.code
        )
        self._add(state, span, entity, "adjective_agent")
        name = _name_after(chunk)
        if name is not None:
            named = state.new_entity(code=code, name=name.text, country=country.code, kind="group")
            self._add(state, name, named, "media" if agent.agent.code == "MED" else "title")

    def _commanded_force(self, state: _State, chunk: Span) -> None:
        """ "Assad's forces", "Laurent Kabila's rebel forces": armed men a named person
        commands are of that person's country and of their own kind, not the person."""
        owners = [c for c in chunk.root.children if c.dep_ == "poss" and c.i in state.persons]
        if not owners:
            return
        words = [t for t in chunk if t.i > owners[-1].i and t.dep_ != "case"]
        if not words or words[-1].i != chunk.root.i:
            return
        agent = self.dictionary.agent_match([t.lower_ for t in words])
        if agent is None or agent.agent.code not in _COMMANDED:
            return
        owner = owners[-1]
        country = next((m.country for m in state.mentions if m.start <= owner.idx < m.end), None)
        # The person may be read after the phrase ("President Assad's troops").
        country = country or _named_person_country(state, owner)
        if country is None:
            return
        span = chunk.doc[words[0].i : words[-1].i + 1]
        code = country + agent.agent.code
        entity = self._group_entity(state, code, span.text, country)
        self._add(state, span, entity, "affiliation")

    def _coordinated_country(self, state: _State, chunk: Span) -> Country | None:
        """ "Israeli tanks and troops", "US warships and bombers": a kind named after
        "and" shares the nationality of the one before it."""
        root = chunk.root
        if root.dep_ != "conj" or root.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        start = root.head.idx
        head = next((m for m in state.mentions if m.start <= start < m.end), None)
        if head is None or head.country is None or len(head.code) <= 3:
            return None  # only a group of a country ("Israeli tanks"), not the state itself
        return self.dictionary.country_by_code.get(head.country)

    def _leader_championed(self, state: _State, tokens: Sequence[Token]) -> Country | None:
        """ "anti-Gaddafi fighters", "pro-Assad forces": people for or against a leader
        act in that leader's country (unlike "pro-Russian separatists")."""
        for token in tokens:
            country = _named_person_country(state, token) if _after_pro(token) else None
            if country is not None:
                return self.dictionary.country_by_code.get(country)
        return None

    def _represented(self, state: _State, chunk: Span) -> tuple[str, str | None] | None:
        """ "a spokesman for the Free Aceh Movement", "officials of the Syrian presidency":
        who speaks for a body or a state's branch takes its code."""
        if chunk.root.lower_ not in _REPRESENTATIVES:
            return None
        for _, obj in _prep_objects(chunk.root, {"for", "of"}):
            words = [t for t in obj.subtree if not t.is_punct]
            body = self._body_in(words)
            if body is not None:
                return body.code, body.country
            found = self._code_from_words(state, words)
            if found is not None and len(found[0]) > 3:
                return found
        return None

    def _ethnic_group(self, tokens: Sequence[Token]) -> Country | None:
        """ "Iraqi Kurds", "Sri Lankan Tamils": a capitalised plural people after a
        country's adjective, the people itself not a country's."""
        if len(tokens) < 2:
            return None
        head = tokens[-1]
        named = head.pos_ == "PROPN" or head.ent_type_ == "NORP"
        if not (named and head.text[:1].isupper() and head.text.endswith("s")):
            return None
        # "Bosnian Serbs", "Turkish Cypriots": which country is theirs is unclear.
        if self._country_for_name(head.text) is not None:
            return None
        return self._country_in(tokens[:-1], cities=False)

    def _of_country(self, chunk: Span) -> Country | None:
        """ "the government of Tajikistan"; "protesters in Cairo", "rebels in eastern
        Ukraine": a group placed in a country is taken to be of it."""
        for preposition, obj in _prep_objects(chunk.root, {"of", "in"}):
            words = [t for t in obj.subtree if t.text[:1].isupper()]
            if preposition == "of":
                found = self.dictionary.country_for_name(obj.text)
                if found is not None and found[1] == "name" and obj.text[:1].isupper():
                    return found[0]
            elif words:
                country = self._country_in(words, cities=True)
                if country is not None:
                    return country
        return None

    def _body_entity(self, state: _State, body: Body) -> Entity:
        for entity in state.entities:
            if entity.kind == "organisation" and entity.name == body.name:
                return entity
        entity = state.new_entity(
            code=body.code, name=body.name, country=body.country, kind="organisation"
        )
        entity.title_words = body.words
        return entity

    def _group_entity(self, state: _State, code: str, name: str, country: str | None) -> Entity:
        for entity in state.entities:
            if entity.kind in {"group", "state", "organisation"} and entity.code == code:
                return entity
        return state.new_entity(code=code, name=name, country=country, kind="group")

    def _name(self, state: _State, match: NameMatch) -> None:
        span = match.span
        if any(i in state.used for i in range(span.start, span.end)):
            return
        if match.organisation is not None or match.institution is not None:
            body = self.body_for_name(span.text)
            if body is None and match.institution is not None:
                # An ambiguous name the finder read in context ("the group ETA").
                body = _institution_body(match.institution)
            if body is not None and not (body.kind == "executive" and _is_location(span)):
                entity = self._body_entity(state, body)
                self._add(state, span, entity, "media" if body.kind == "media" else "organisation")
                return
        country = match.country
        if country is None or match.country_how not in {"name", "capital"}:
            return
        if any(i in state.described for i in range(span.start, span.end)):
            return
        if country.is_ambiguous(span.text) and not _reads_as_place(span):
            return
        if _is_location(span) or _modifies_non_agent(span, self.dictionary):
            return
        entity = self._group_entity(state, country.code, country.name, country.code)
        entity.kind = "state"
        self._add(state, span, entity, "country" if match.country_how == "name" else "capital")

    # -- coreference ------------------------------------------------------------------------
    def _title_coref(self, state: _State, span: Span, agent: AgentMatch) -> bool:
        """The latest person whose title or code fits "the president"."""
        definite = span.start > 0 and span.doc[span.start - 1].lower_ in {"the", "his", "her"}
        if not definite and span[0].lower_ != "former":
            return False
        words = {t.lower_ for t in span}
        former = bool(words & _FORMER)
        for entity in reversed(state.entities):
            if entity.kind != "person":
                continue
            sector = sector_of(entity.code, entity.country)
            if former:
                fits = sector == "ELI"
            else:
                fits = bool(words & entity.title_words) or sector == agent.agent.code
            if fits:
                self._add(state, span, entity, "coref_title")
                return True
        return False

    def _leader_coref(self, state: _State, span: Span, tokens: Sequence[Token]) -> bool:
        """ "the Palestinian leader" → the latest person of that country."""
        if tokens[-1].lower_ not in _PERSON_NOUNS or len(tokens) > 3:
            return False
        if span.start == 0 or span.doc[span.start - 1].lower_ not in {"the", "his", "her"}:
            return False
        country = self._country_in(tokens, cities=False)
        for entity in reversed(state.entities):
            if entity.kind == "person" and (country is None or entity.country == country.code):
                self._add(state, span, entity, "coref_title")
                return True
        return False

    def _country_coref(self, state: _State, span: Span, tokens: Sequence[Token]) -> bool:
        """ "Morocco ... after the kingdom quit the body", "accusing the country of": the
        latest state named in this sentence or the one before. ("The breakaway republic"
        is another.)"""
        if span.start == 0 or span.doc[span.start - 1].lower_ != "the" or len(tokens) > 1:
            return False
        if tokens[-1].lower_ not in _STATE_NOUNS:
            return False
        if span.end < len(span.doc) and span.doc[span.end].tag_ == "POS":
            return False  # "the country's biggest unions": theirs, not the state's
        head = span.root
        acting = head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ not in _BEING
        acted_on = head.dep_ == "dobj" and head.head.lemma_ not in _MOVING
        if not (acting or acted_on):
            return False  # "across the country", "to leave the country": a place
        state_entity = self._latest_state(state, tokens[0])
        if state_entity is None:
            return False
        self._add(state, span, state_entity, "coref_country")
        return True

    def _latest_state(self, state: _State, token: Token) -> Entity | None:
        earliest = _previous_sentence_start(token)
        for entity in reversed(state.entities):
            if entity.kind == "state" and earliest <= entity.last_token < token.i:
                return entity
        return None

    def _organisation_coref(self, state: _State, span: Span, tokens: Sequence[Token]) -> bool:
        """ "the alliance" after NATO, "the fund" after the IMF."""
        if span.start == 0 or span.doc[span.start - 1].lower_ != "the" or len(tokens) > 2:
            return False
        head = tokens[-1].lower_
        generic = head in _BODY_NOUNS  # "the body", "the bloc": any international body
        for entity in reversed(state.entities):
            if entity.kind != "organisation":
                continue
            if head in entity.title_words or (generic and entity.code.startswith("IGO")):
                self._add(state, span, entity, "coref_title")
                return True
        return False

    def _surname(self, state: _State, token: Token) -> None:
        """A surname the tagger missed, of someone already named: "whom Erdogan blames"."""
        if token.i in state.used:
            return
        for entity in reversed(state.entities):
            if entity.kind == "person" and token.lower_ in entity.surnames:
                self._add(state, token.doc[token.i : token.i + 1], entity, "coref_surname")
                return

    def _pronoun(self, state: _State, token: Token) -> None:
        if token.i in state.used or _inside_quotes(token):
            return
        sentence = sentence_of(token)
        candidates = [e for e in state.entities if e.kind == "person" and e.last_token < token.i]
        if not candidates:
            return
        in_sentence = [e for e in candidates if e.last_token >= sentence.start]
        previous_start = _previous_sentence_start(token)
        recent = [e for e in candidates if e.last_token >= previous_start]
        pool = in_sentence or recent
        if not pool:
            return
        subjects = [
            e
            for e in pool
            if e.last_subject_token >= (previous_start if not in_sentence else sentence.start)
        ]
        if subjects:
            entity = max(subjects, key=lambda e: e.last_subject_token)
        elif len(pool) == 1:
            entity = pool[0]
        else:
            return
        span = token.doc[token.i : token.i + 1]
        self._add(state, span, entity, "coref_pronoun")

    # -- output -----------------------------------------------------------------------
    def _add(self, state: _State, span: Span, entity: Entity, how: str) -> None:
        if any(i in state.used for i in range(span.start, span.end)) and how != "coref_pronoun":
            return
        state.used.update(range(span.start, span.end))
        entity.last_token = max(entity.last_token, span.end - 1)
        if span.root.dep_ in {"nsubj", "nsubjpass"} or (
            span.root.dep_ in {"appos", "compound"}
            and span.root.head.dep_ in {"nsubj", "nsubjpass"}
        ):
            entity.last_subject_token = max(entity.last_subject_token, span.end - 1)
        state.mentions.append(
            Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                code=entity.code,
                name=entity.name,
                country=entity.country,
                sector=sector_of(entity.code, entity.country),
                how=how,
                entity=entity.id,
                affiliation=entity.affiliation,
            )
        )


def _join(country: str, agent: AgentMatch) -> str:
    code = agent.agent.code
    if code == "IGO":
        # "Dutch peacekeepers", "Australian-led peacekeepers": a state's troops serving
        # a mission are its military; "international monitors" stay the mission's.
        return country + "MIL" if "peacekeep" in agent.phrase else code
    return country + code


def _named_person_country(state: _State, token: Token) -> str | None:
    """The country of the dictionary person whose name holds `token`, on the day."""
    people = next((m.people for m in state.names if m.start <= token.i < m.end and m.people), ())
    return _pick_person(people, state.day).country if people else None


def _pick_person(people: Sequence[Person], day: date) -> Person:
    """Of several people with one name, the one in office on the day, else the latest."""
    holding = [p for p in people if p.role_on(day) is not None]
    if holding:
        return holding[0]
    started = [p for p in people if p.roles and min(r.start for r in p.roles) <= day]
    pool = started or list(people)
    return max(pool, key=lambda p: max((r.start for r in p.roles), default=date.min))


def _surnames(name: str, aliases: Iterable[str]) -> frozenset[str]:
    forms = {name.lower()}
    for alias in (name, *aliases):
        parts = alias.split()
        if len(parts) >= 2:
            forms.add(parts[-1].lower())
            # "de Hoop Scheffer", "al-Assad": the tail after a particle is a surname too.
            for i, part in enumerate(parts[:-1]):
                if part.islower():
                    forms.add(" ".join(parts[i:]).lower())
        forms.add(alias.lower())
    return frozenset(forms)


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _name_after(chunk: Span) -> Span | None:
    """The name after a descriptive phrase: the Russian newspaper "Nezavisimaya gazeta"."""
    doc = chunk.doc
    i = chunk.end
    if i < len(doc) and doc[i].text in _QUOTES:
        j = i + 1
        while j < len(doc) and j - i <= 7 and doc[j].text not in _QUOTES:
            j += 1
        if j >= len(doc) or doc[j].text not in _QUOTES:
            return None
        k = j
        while k > i + 1 and doc[k - 1].is_punct:
            k -= 1
        return doc[i + 1 : k] if k > i + 1 and doc[i + 1].text[:1].isupper() else None
    j = i
    while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN":
        j += 1
    return doc[i:j] if j > i else None


def _noun_phrases(doc: Doc) -> list[Span]:
    """Noun chunks, plus the possessor inside one: "the Iranian leader" in "the Iranian
    leader's speech"."""
    phrases = list(doc.noun_chunks)
    for token in doc:
        if token.dep_ == "poss" and token.pos_ in {"NOUN", "PROPN"}:
            phrases.append(doc[token.left_edge.i : token.i + 1])
    return phrases


def _propn_runs(doc: Doc) -> list[Span]:
    """Runs of 2-4 proper nouns: names the tagger may have left untyped or mistyped."""
    runs = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j - i < 4:
            j += 1
        if j - i >= 2:
            runs.append(doc[i:j])
        i = j
    return runs


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase under `head` without its clauses ("whom Erdogan blames")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in {"relcl", "acl", "advcl", "ccomp", "conj", "cc"}:
            tokens.extend(_phrase_tokens(child))
    return tokens


def _reads_as_place(span: Span) -> bool:
    """ "Jordan" the state, not Jordan Whitaker or a calf named Jordan."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if any(t is not None and t.pos_ == "PROPN" for t in (before, after)):
        return False
    if before is not None and before.lower_ in {"named", "called", "dubbed"}:
        return False
    return all(t.ent_type_ == "GPE" for t in span)


def _after_pro(token: Token) -> bool:
    """ "pro-Russian", "anti-American", "Russian-led", "U.S.-backed": not that country's own."""
    doc = token.doc
    i = token.i
    if i + 2 < len(doc) and doc[i + 1].text in {"-", "–"} and doc[i + 2].lower_ in _LED:
        return True
    if i >= 2 and doc[i - 1].text in {"-", "–"} and doc[i - 2].lower_ in {"pro", "anti"}:
        return True
    return i >= 1 and doc[i - 1].lower_ in {"pro", "anti", "pro-", "anti-"}


def _leading(token: Token) -> bool:
    """ "Australian-led": the word before "-led"."""
    doc = token.doc
    i = token.i
    return i + 2 < len(doc) and doc[i + 1].text in {"-", "–"} and doc[i + 2].lower_ == "led"


def _words(names: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for name in names for w in name.split())


def _strip_possessive(text: str) -> str:
    return text.removesuffix("'s").removesuffix("’s").strip()


def _lowercase_word(span: Span) -> bool:
    return not any(ch.isupper() for ch in span.text)


def _trim_person(ent: Span) -> Span | None:
    tokens = [t for t in ent if not t.is_punct or t.text in {"-", "."}]
    if not tokens or not tokens[0].text[:1].isupper():
        return None
    end = ent.end
    while end > ent.start and ent.doc[end - 1].text in {"'s", "’s"}:
        end -= 1
    return ent.doc[ent.start : end] if end > ent.start else None


def _prep_objects(token: Token, words: set[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) for each of `token`'s prepositions named in `words`."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in words:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj


def doc_span(token: Token) -> Span:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1]


_PARTY_PREPOSITIONS = frozenset({"between", "among", "from"})
_LEAVING_VERBS = frozenset(
    {"withdraw", "pull", "flee", "evacuate", "retreat", "expel", "deport", "escape", "leave"}
)
_SPATIAL_NOUNS = frozenset(
    {
        "border",
        "frontier",
        "road",
        "corridor",
        "route",
        "area",
        "zone",
        "line",
        "strait",
        "region",
        "distance",
        "flight",
        "crossing",
        "way",
        "bridge",
        "pipeline",
        "refugee",
    }
)


def _is_location(span: Span) -> bool:
    """ "in Tajikistan", "fled to Russia": a place, not an actor."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ in _PARTY_PREPOSITIONS:
        # "talks between Armenia and Azerbaijan", "mediate between India and Pakistan",
        # "an apology from China": parties to an act, unless the head is a place ("the
        # border between ...") or a movement ("withdrew from Iraq").
        head = preposition.head
        if head.pos_ == "VERB":
            return head.lemma_ in _MOTION_VERBS or head.lemma_ in _LEAVING_VERBS
        return head.lemma_ in _SPATIAL_NOUNS
    if preposition.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return preposition.lower_ == "to" and preposition.head.lemma_ in _MOTION_VERBS


_SCENE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "inside", "within"})


def _sets_scene(span: Span) -> bool:
    """ "in Algiers", "Haiti's first elections": where the sentence takes place."""
    root = span.root
    if root.dep_ == "poss" or (root.i + 1 < len(root.doc) and root.doc[root.i + 1].tag_ == "POS"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _SCENE_PREPOSITIONS


def _modifies_non_agent(span: Span, dictionary: ActorDictionary) -> bool:
    """ "the Tajikistan border": a compound modifier of a noun that is no actor."""
    root = span.root
    if root.dep_ not in {"compound", "amod", "nmod"}:
        return False
    return dictionary.agent_match([root.head.lower_]) is None


def _inside_quotes(token: Token) -> bool:
    text = token.doc.text
    before = text[: token.idx]
    line_start = before.rfind("\n") + 1
    segment = before[line_start:]
    return (segment.count('"') + segment.count("“") - segment.count("”")) % 2 == 1


def _previous_sentence_start(token: Token) -> int:
    start = sentence_of(token).start
    if start == 0:
        return 0
    return int(sentence_of(token.doc[start - 1]).start)


def _institution_body(institution: Institution) -> Body:
    names = (institution.name, *institution.names)
    return Body(
        institution.code, institution.name, institution.country, institution.kind, _words(names)
    )
