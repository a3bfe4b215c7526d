"""The frames of data/frames.json: each finds its own example, each guard fires where it should and
only there, the loader refuses a bad file with a message naming the frame, and triage's cues are
the frames' trigger words (with no import of extractor.assemble)."""
from __future__ import annotations

import ast
import copy
import doctest
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from spacy.vocab import Vocab

import extractor.datafiles
import extractor.frames.spec
import extractor.triage
from extractor.frames import GUARDS, FrameError, load_frames, match, trigger_words
from extractor.frames.matching import compile_frames
from extractor.frames.spec import build, expand
from extractor.nlp import load
from extractor.datafiles import WordClasses, read
from extractor.triage import rules, vocabulary

FRAMES = load_frames().frames
RAW = json.loads(resources.files("extractor").joinpath("data/frames.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp():
    return load()


EXAMPLES = [(f, text, expect) for f in FRAMES for text, expect in f.examples()]


@pytest.mark.parametrize("frame, text, expect", EXAMPLES, ids=[f"{f.id}-{k}" for k, (f, _, _) in enumerate(EXAMPLES)])
def test_each_frame_finds_the_person_and_post_of_its_examples(nlp, frame, text, expect):
    found = [(m.person.text, m.post.text) for m in match(nlp(text)) if m.frame == frame.id]
    assert (expect.person, expect.post) in found, found


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f.id)
def test_each_frame_has_a_known_event_and_a_description(frame):
    assert frame.event in ("appointed", "promoted", "interim", "departed", "by_trigger")
    assert frame.description and frame.patterns


def test_a_match_says_where_it_is_and_takes_the_title_span(nlp):
    doc = nlp("Fenmore Glass said today that it appointed Ilse Varga chief executive officer.")
    [m] = [m for m in match(doc) if m.frame == "active_appointment" and m.person.text == "Ilse Varga"]
    assert m.event == "appointed" and doc[m.trigger].text == "appointed" and m.sentence == 0
    assert m.post in list(doc.spans["titles"]) and not m.blocked and m.guards == ()


#: guard -> (a sentence where it fires on the person/post, one where it does not)
GUARD_CASES = {
    "speculation": ("Dorian Pike is expected to be named chief executive of Vellum Paper.",
                    "Dorian Pike was named chief executive of Vellum Paper.", "Dorian Pike", "chief executive"),
    "negation": ("Vellum Paper denied that Dorian Pike would be named chief executive.",
                 "Vellum Paper said that Dorian Pike would be named chief executive.", "Dorian Pike", "chief executive"),
    "background": ("Sales doubled after Dorian Pike was named chief executive of Vellum Paper.",
                   "Sales doubled, and Dorian Pike was named chief executive of Vellum Paper.",
                   "Dorian Pike", "chief executive"),
    "continuity": ("Dorian Pike was re-elected chairman of Vellum Paper.",
                   "Dorian Pike was elected chairman of Vellum Paper.", "Dorian Pike", "chairman"),
    "agent_of": ("Dorian Pike named Ada Crane chief executive of Vellum Paper.",
                 "Dorian Pike will become chief executive of Vellum Paper.", "Dorian Pike", "chief executive"),
    "past_post": ("Vellum Paper named Ada Crane, formerly president of Oster Mills, chief executive.",
                  "Vellum Paper named Ada Crane president of Oster Mills.", "Ada Crane", "president"),
}


def test_every_guard_has_a_test():
    assert set(GUARD_CASES) == set(GUARDS)


def _pair(nlp, text: str, person: str, post: str):
    found = [m for m in match(nlp(text)) if m.person.text == person and m.post.text == post]
    assert found, [(m.frame, m.person.text, m.post.text) for m in match(nlp(text))]
    return found


@pytest.mark.parametrize("guard", sorted(GUARD_CASES))
def test_a_guard_fires_where_it_should_and_blocks_without_dropping(nlp, guard):
    fires, quiet, person, post = GUARD_CASES[guard]
    fired = _pair(nlp, fires, person, post)
    assert any(guard in m.guards and m.blocked for m in fired)
    assert all(guard not in m.guards for m in _pair(nlp, quiet, person, post))


def test_negation_fires_on_not_too(nlp):
    assert any("negation" in m.guards for m in _pair(nlp, "Dorian Pike was not named chief executive.",
                                                     "Dorian Pike", "chief executive"))


def test_background_fires_on_a_past_perfect_and_a_dated_aside(nlp):
    for text in ("Dorian Pike had been named chief executive of Vellum Paper in 1985.",
                 "Dorian Pike, who joined Vellum Paper as treasurer in 1998, will retire."):
        post = "chief executive" if "named" in text else "treasurer"
        assert any("background" in m.guards for m in _pair(nlp, text, "Dorian Pike", post)), text


def test_a_past_post_keeps_the_new_post_unblocked(nlp):
    text = GUARD_CASES["past_post"][0]
    assert any(not m.blocked for m in _pair(nlp, text, "Ada Crane", "chief executive"))


# -- loader ----------------------------------------------------------------------------


def _with(change) -> dict:
    data = copy.deepcopy(RAW)
    change(data)
    return data


def test_the_shipped_file_builds_and_compiles():
    compile_frames(build(copy.deepcopy(RAW)), Vocab())


def test_an_unknown_guard_is_refused_naming_the_frame():
    data = _with(lambda d: d["frames"][0]["guards"].append("wishful_thinking"))
    with pytest.raises(FrameError, match=rf"frame {RAW['frames'][0]['id']}: unknown guard 'wishful_thinking'"):
        build(data)


def test_settings_for_an_unknown_guard_are_refused():
    with pytest.raises(FrameError, match="unknown guard 'hunch'"):
        build(_with(lambda d: d["guards"].update(hunch={"words": []})))


def test_an_unknown_word_class_is_refused_naming_the_frame():
    def change(d):
        d["frames"][1]["patterns"][0]["pattern"][0] = {"LOWER": {"IN": "$no_such_class"}, "OP": "+", "slot": "person"}
    with pytest.raises(FrameError, match=rf"frame {RAW['frames'][1]['id']}: unknown word class.*no_such_class"):
        build(_with(change))
    with pytest.raises(KeyError):
        expand("$nofile:appoint")


def test_an_unknown_key_is_refused_naming_the_frame():
    with pytest.raises(FrameError, match=rf"frame {RAW['frames'][2]['id']}: .*not valid"):
        build(_with(lambda d: d["frames"][2].update(colour="blue")))


def test_a_pattern_without_its_trigger_is_refused():
    def change(d):
        for token in d["frames"][0]["patterns"][0]["pattern"]:
            if token.get("slot") == "trigger":
                del token["slot"]
    with pytest.raises(FrameError, match=rf"frame {RAW['frames'][0]['id']}: a pattern needs one trigger"):
        build(_with(change))


@pytest.mark.parametrize("bad", [{"LOWR": "x"}, {"LOWER": "x", "OP": "??"}])
def test_a_pattern_spacy_refuses_is_an_error_naming_the_frame(bad):
    frame = RAW["frames"][3]["id"]
    frames = build(_with(lambda d: d["frames"][3]["patterns"][0]["pattern"].append(bad)))
    with pytest.raises(FrameError, match=rf"frame {frame}: pattern 0 is not a valid spaCy matcher pattern"):
        compile_frames(frames, Vocab())


def test_a_malformed_dependency_pattern_is_an_error_naming_the_frame():
    def change(d):
        d["frames"][0]["patterns"].append({"kind": "dependency", "pattern": [
            {"RIGHT_ID": "t", "RIGHT_ATTRS": {"LOWER": "named"}, "slot": "trigger"},
            {"LEFT_ID": "nowhere", "REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {}, "slot": "person"},
            {"LEFT_ID": "t", "REL_OP": ">", "RIGHT_ID": "q", "RIGHT_ATTRS": {}, "slot": "post"}]})
    with pytest.raises(FrameError, match=rf"frame {RAW['frames'][0]['id']}: pattern \d+ is not a valid spaCy dependency"):
        compile_frames(build(_with(change)), Vocab())


def test_word_classes_are_referenced_not_copied():
    """No frame lists a trigger word itself: every trigger token names classes of triggers.json."""
    for frame in RAW["frames"]:
        for pattern in frame["patterns"]:
            for token in pattern["pattern"]:
                if token.get("slot") == "trigger":
                    attrs = token.get("RIGHT_ATTRS", token)
                    words = attrs["LOWER"]["IN"]
                    assert all(w.startswith("$") for w in ([words] if isinstance(words, str) else words)), frame["id"]


# -- triage ----------------------------------------------------------------------------


def test_triage_cues_are_the_union_of_the_frames_trigger_words_and_the_nouns_that_open_a_list():
    union = set()
    for frame in RAW["frames"]:
        for pattern in frame["patterns"]:
            for token in pattern["pattern"]:
                if token.get("slot") == "trigger":
                    refs = token.get("RIGHT_ATTRS", token)["LOWER"]["IN"]
                    for ref in [refs] if isinstance(refs, str) else refs:
                        union |= expand(ref)
    assert union == trigger_words()
    # a list of moves runs over sentences, which no frame pattern does: its opening nouns come from
    # their own class ("announced the following appointments:")
    list_lead = {w.lower() for w in read("triggers.json", WordClasses).words("list_lead")}
    assert set(vocabulary().cues) == union | {w.lower() for w in rules().extra_cues} | list_lead


def test_triage_does_not_import_assemble():
    for module in ("triage.py", "frames/__init__.py", "frames/spec.py", "frames/guards.py",
                   "frames/matching.py", "datafiles.py"):
        tree = ast.parse((Path(extractor.triage.__file__).parent / module).read_text())
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not any(name.endswith("assemble") for name in imported), module
    code = ("import sys, extractor.triage as t; t.vocabulary(); t.triage('Acme named Ann Lee chief executive.');"
            "assert 'extractor.assemble' not in sys.modules, 'assemble imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module", [extractor.triage, extractor.datafiles, extractor.frames.spec],
                         ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
