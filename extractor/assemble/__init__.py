"""From a parsed document to appointment candidates: who, which role, where, what change.

Reads what the pipeline's components left on the ``Doc`` (entities, sentences,
dependencies, ``doc.spans["titles"]``) plus the trigger words of
``data/triggers.json``. Everything here works in character offsets of the
text the ``Doc`` was made from; the pipeline maps them back to the caller's text.

The rules, in the order they are applied to each sentence:

1. find change triggers ("named", "resigned", "succeeding", "appointment") and skip
   sentences that speculate ("is expected to be named") or only report
   continuity ("will remain chairman");
2. for each person mentioned (by name, surname or pronoun), pick the title that the
   sentence links to them: "<person> as/to/was named <title>" (the new role),
   "<title> <person>" and "<person>, <title>," (the current role, which is the
   role left in a departure);
3. decide the event from the trigger that governs that link;
4. attach the organisation: named in the title ("president of Foo Inc"), owning it
   ("Foo's president"), the subject announcing the move ("Foo Inc said it named"),
   else the document's main organisation;
5. "succeeding/replacing X" names the predecessor, who leaves the same role;
6. past employers come from sentences about the same person with career cues
   ("previously", "spent six years at", "joins from", "former CFO of").

The stages, in the order they run; a module imports only from its own stage or the ones above it
(tests/test_layout.py checks it):

- ``text``, ``names``, ``words``, ``results``: folding, sentences and entities of the doc;
  comparing names; the shared word lists; ``CharSpan`` and ``Found``;
- ``trigger_words``: the trigger lexicon and ``find_triggers`` with its speculation and
  background guards (rule 1);
- ``entities/``: ``titles`` (title words), ``organisations`` (clean names, capitalised
  runs), ``acronyms``, ``names_by_context`` and ``people`` (the people registry),
  ``main_org`` (the organisation the document is about);
- ``view``: ``DocView`` and ``make_view``, what every sentence rule reads;
- ``constructions/``: where a sentence puts things: ``appositions``, ``title_after`` (the
  title after "as", "to be", "from ... to"), ``boards``, ``lists``, ``subjects`` (who does
  what a verb says), ``governing`` (which trigger speaks about a person) (rules 2 and 3);
- ``attach/``: ``organisation`` and ``government`` (rule 4), ``predecessor`` (rule 5),
  ``employers`` and ``past_employers`` (rule 6);
- ``records/``: the records of one sentence: ``sentence`` (with triggers), a driver over
  ``state`` (what its steps share), ``build`` (one record), ``successions``, ``verbs_after``
  (the verbs after the person) and ``trigger_before`` (the trigger that governs the person);
  ``copula`` (without triggers: "the new planning minister is X");
- ``resolve``: one record per person, side and role; seats that go with posts;
- ``appointments``: ``find_appointments``, the entry, which runs the stages in turn.
"""
from .appointments import find_appointments
from .entities.people import People, PersonInfo
from .names import is_given_name, nicknames_of, org_key, same_first_name, same_org
from .resolve import seats_with_posts
from .results import CharSpan, Found
from .text import doc_ents, fold, is_upper_sentence, sent_ents, sentences, token_texts
from .trigger_words import Trigger, TriggerLexicon, find_triggers, triggers
from .view import DocView, make_view

__all__ = [
    "CharSpan", "DocView", "Found", "People", "PersonInfo", "Trigger", "TriggerLexicon", "doc_ents",
    "find_appointments", "find_triggers", "fold", "is_given_name", "is_upper_sentence", "make_view",
    "nicknames_of", "org_key", "same_first_name", "same_org", "seats_with_posts", "sent_ents", "sentences",
    "token_texts", "triggers",
]
