"""Sentence-level rules of the assemble package, each on a short text that shows one construction."""
from __future__ import annotations

import re
from datetime import date

import pytest
from spacy.tokens import Span

from extractor.pipeline import Extractor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def changes(ex, text):
    return {(a.person.name, a.role.title, a.event) for a in ex.extract(text, "t").appointments}


@pytest.mark.parametrize("text", [
    "Joining the firm as Chief Operating Officer, Dana Whitcombe will lead the company's expansion into Europe.",
    "BOSTON, May 2, 2025 -- Harwick Industries announced today that, joining the company as Chief Operating "
    "Officer, Dana Whitcombe will lead its expansion into Europe.",
])
def test_the_new_post_before_the_name_is_no_post_held_before_it(ex, text):
    # the post the trigger gives stands before the name: read again as the post held, it made
    # the move a promotion
    assert {event for _, _, event in changes(ex, text)} == {"appointed"}


def test_post_after_as_wins_over_the_appositive_title(ex):
    text = ("WASHINGTON, May 4 - The president will nominate Mary Quill, chairman of the Federal Trade "
            "Commission, FTC, as ambassador to Canada, the White House said.")
    assert ("Mary Quill", "ambassador to Canada", "appointed") in changes(ex, text)
    assert not any(role == "chairman" and event != "departed" for _, role, event in changes(ex, text))


@pytest.mark.parametrize(
    "text, arrival, leaver",
    [
        pytest.param(  # a title holder after the verb's object is not appointed: he leaves
            "ROME, May 4 - Parliament on Tuesday named Interior Minister Paolo Verdi as acting prime "
            "minister after the assassination of Prime Minister Carlo Neri in Naples.",
            ("Paolo Verdi", "acting prime minister", "interim"), "Carlo Neri", id="object-then-holder"),
        pytest.param(  # "the death <date> of <title> <name>" is a departure even with a date between
            "DALLAS, May 4 - Harlow Tool Co said its board elected Ann Pike chairman after the death "
            "last Friday of Chairman and Chief Executive Officer Walter Harlow.",
            ("Ann Pike", "chairman", "appointed"), "Walter Harlow", id="death-of"),
    ],
)
def test_the_new_post_and_the_one_who_leaves(ex, text, arrival, leaver):
    found = changes(ex, text)
    assert arrival in found
    assert [event for name, _, event in found if name == leaver] == ["departed"]


@pytest.mark.parametrize(
    "text, change",
    [
        pytest.param(  # a name the NER misses, found as the subject of a passive appointment
            "QUINCY, Mass., May 4 - Harbor Savings Bank said Ellery Hawthorne IV has been named its "
            "president, taking over from Martin Greaves, who stays on as chairman.",
            ("Ellery Hawthorne IV", "president", "appointed"), id="passive-subject"),
        pytest.param(  # a surname that is a weekday stays with the first name
            "DOVER, Del., June 2 - Coastal Markets Inc said it elected Ruth Abel as chairman. "
            "Abel replaces Walter Friday, former chairman, who died May 25, the company said.",
            ("Walter Friday", "chairman", "departed"), id="weekday-surname"),
    ],
)
def test_a_name_the_ner_cuts_or_misses_is_found_whole(ex, text, change):
    assert change in changes(ex, text)


def test_prime_minister_is_one_title_and_the_nationality_gives_the_government(ex):
    text = ("OSLO, Sept 9 - Norwegian Labour Prime Minister Eva Lundgren resigned on Monday after her "
            "party lost its majority in the general election.")
    (app,) = ex.extract(text, "t").appointments
    assert (app.person.name, app.event) == ("Eva Lundgren", "departed")
    assert app.role.title.endswith("Prime Minister")
    assert app.organisation.name == "Norwegian"


def employers(ex, text, person):
    (app,) = [a for a in ex.extract(text, "t").appointments if a.person.name == person and a.event != "departed"]
    return [p.name for p in app.past_employers]


def test_the_employer_someone_currently_works_for_is_a_past_employer(ex):
    text = ("DENVER, May 4 - Alpine Water Inc said Hugo Brandt was elected its president. "
            "Brandt is currently chairman of Cascade Filters Corp, a unit of Ridge Industries.")
    assert "Cascade Filters Corp" in employers(ex, text, "Hugo Brandt")


def test_reuters_company_tags_and_names_starting_with_a_number(ex):
    text = ("BOSTON, May 4 - Harbor Tools Inc said it named Nora Vance president. Vance was formerly "
            "president of <Lindqvist Marine Corp> and earlier chief executive of 3rd Avenue Capital Inc.")
    found = employers(ex, text, "Nora Vance")
    assert "Lindqvist Marine Corp" in found
    assert not any(">" in name or "<" in name for name in found)


def test_resigning_from_the_companys_board_is_a_departure_from_a_directorship(ex):
    text = ("AUSTIN, May 4 - Lone Star Labs Inc said it is moving its headquarters. "
            "It also said Peter Hale resigned from the company's board of directors.")
    (app,) = ex.extract(text, "t").appointments
    assert (app.person.name, app.role.title, app.event) == ("Peter Hale", "director", "departed")


def test_hyphenated_surnames_are_one_person_in_full_and_alone(ex):
    text = ("LYON, April 2, 2025 - Terrel Packaging SA announces the appointment of Agathe Morel-Vidal as "
            "Chief Financial Officer, effective May 5, 2025.\n\nMorel-Vidal joins from Ducret Industries SA, "
            "where she was finance director.")
    (app,) = ex.extract(text, "t").appointments
    assert app.person.name == "Agathe Morel-Vidal"
    assert [p.name for p in app.past_employers] == ["Ducret Industries SA"]


def test_a_surname_before_co_founded_is_still_a_person(ex):
    text = ("AUSTIN, May 4, 2025 - Bramble Labs said its chief technology officer, Tomas Vinter, will "
            "leave the company on June 30.\n\nVinter co-founded Bramble in 2016 with its chief executive.")
    assert changes(ex, text) == {("Tomas Vinter", "chief technology officer", "departed")}


def test_join_as_title_past_a_hyphenated_adjective(ex):
    text = "LEEDS, May 4, 2025 - Sarah Mitchell will join the Leeds-based lender as CTO, the company said."
    assert changes(ex, text) == {("Sarah Mitchell", "CTO", "appointed")}


@pytest.mark.parametrize(
    "text, person, role, organisation",
    [
        pytest.param("LONDON, 3 March 2025 - Fenmoor plc announces the appointment of Clara Huxley as an "
                     "independent Non-Executive Director with effect from 1 May 2025.",
                     "Clara Huxley", "independent Non-Executive Director", None, id="non-executive-director-is-one-title"),
        pytest.param(  # the government is the country named before the title, not a city of his career
            "WASHINGTON, March 20 - President Reagan will nominate career diplomat Sol Pinsky, 60, as U.S. "
            "ambassador to Bulgaria. Pinsky previously served in Moscow, Poland and Austria.",
            "Sol Pinsky", "ambassador to Bulgaria", "U.S.", id="ambassadors-government"),
    ],
)
def test_the_one_appointment_with_its_title_and_organisation(ex, text, person, role, organisation):
    (app,) = ex.extract(text, "t").appointments
    assert (app.person.name, app.role.title) == (person, role)
    if organisation is not None:
        assert app.organisation.name == organisation


def test_a_month_that_is_a_first_name_is_neither_a_date_nor_lost(ex):
    text = ("ST. LOUIS, Mo., March 25 - Harlan Foods Inc said Peter Vance resigned as president of its "
            "dairy subsidiary, Harlan Dairy Inc. He will be replaced as president of the unit by "
            "August Meyer III, chairman of the company.")
    apps = ex.extract(text, "t").appointments
    meyer = [a for a in apps if a.event != "departed"]
    assert [a.person.name for a in meyer] == ["August Meyer III"]
    assert meyer[0].organisation.name.rstrip(".") == "Harlan Dairy Inc"
    assert all(a.effective_date is None for a in apps)


def test_a_successor_takes_the_post_at_every_organisation_the_predecessor_leaves(ex):
    text = ("READING, Pa., April 9 - Robert M. Tull, 52, will resign on May 1 as president of Berks Financial "
            "Group Inc and its Berks Savings Bank unit, the company said. The company said Tull's post "
            "will be filled by Ellen J. Chambers, chairman and chief executive officer.")
    cho = {a.organisation.name for a in ex.extract(text, "t").appointments if a.person.name == "Ellen J. Chambers"}
    assert cho == {"Berks Financial Group Inc", "Berks Savings Bank"}


def test_a_department_chief_keeps_the_words_naming_the_department(ex):
    text = ("HAMBURG, March 13 - Nordbank AG said foreign exchange department chief Lars Brenner had "
            "been dismissed with immediate effect.")
    assert changes(ex, text) == {("Lars Brenner", "foreign exchange department chief", "departed")}


def test_past_employers_skip_titled_people_bodies_of_the_new_employer_and_reporting_verbs(ex):
    text = ("BERN, March 20 - Alpenhof AG said it named Urs Kessler, former president of the Swiss "
            "National Bank, a director. Kessler will also serve as a member of the Group's Executive "
            "Board.\n\nIt said Kessler will be responsible for Alpenhof Asia Holdings and Alpenhof "
            "Americas Group.")
    assert employers(ex, text, "Urs Kessler") == ["Swiss National Bank"]


def test_a_month_before_a_full_name_is_still_a_date(ex):
    text = ("STAMFORD, Conn., March 2 - Harbor Mills Corp said that in April John Mercer Jr will "
            "become its chief executive officer.")
    (app,) = ex.extract(text, "t").appointments
    assert app.person.name == "John Mercer Jr"
    assert app.effective_date is not None and app.effective_date.month == 4


def test_chairman_of_the_board_is_not_a_unit_named_before(ex):
    text = ("NEW YORK, March 3 - Acme Corp said its Widget Systems unit lost money in the quarter. "
            "Acme Corp said John Smith was named chairman of the board of Acme Corp.")
    (app,) = ex.extract(text, "t").appointments
    assert app.organisation.name.rstrip(".") == "Acme Corp"


def test_a_month_after_in_is_not_a_first_name(ex):
    text = "DALLAS, June 3 - Acme Corp said that in May Johnson was named president of Acme Corp."
    assert all(not a.person.name.startswith("May") for a in ex.extract(text, "t").appointments)


def test_a_predecessor_who_becomes_something_else_gets_that_post(ex):
    text = ("CAMDEN, N.J., Oct 19 - Delair Systems Corp said Robert K. Lane has been named president, "
            "succeeding Walter J. Price, who becomes vice chairman.")
    found = changes(ex, text)
    assert ("Walter J. Price", "vice chairman", "appointed") in found
    assert ("Robert K. Lane", "president", "appointed") in found


def test_the_post_given_before_succeeding_beats_the_title_before_the_name(ex):
    text = ("MIAMI, June 1 - Bayside Savings Corp said its board has named president Edward R. Holt to "
            "the added post of chief executive officer, succeeding Morris Klein, who remains chairman.")
    holt = [a for a in ex.extract(text, "t").appointments if a.person.name == "Edward R. Holt"]
    assert [a.role.title for a in holt] == ["chief executive officer"]


@pytest.mark.parametrize(
    "text, person, expected",
    [
        pytest.param(  # the NER takes "Quarry Paper and" for one name; the next firm of the list counts too
            "AKRON, Ohio, May 4 - Harlan Tools Inc said it named Vera Lind president. Before joining "
            "Harlan, Lind held roles at Quarry Paper and Dorset & Vine.",
            "Vera Lind", ["Quarry Paper", "Dorset & Vine"], id="ner-runs-into-list"),
        pytest.param(  # the last firm of a list after an Oxford comma
            "BOSTON, May 4 - Pell Security said it appointed Omar Reyes chief marketing officer. Reyes "
            "has held marketing roles at security companies, including Brightwall Systems, Quorra Labs, "
            "and Kestrel Networks.",
            "Omar Reyes", ["Brightwall Systems", "Quorra Labs", "Kestrel Networks"], id="oxford-comma"),
        pytest.param(  # "joins X from Y": Y is the firm left, whatever the NER takes it for
            "AUSTIN, May 4 - Dovetail Networks Inc said it appointed Nina Kerr chief financial officer. Kerr "
            "joins Dovetail from Glassmoor, where she helped grow the company from a small startup to "
            "a leading Managed Hosting Services provider.",
            "Nina Kerr", ["Glassmoor"], id="joins-from"),
        pytest.param(  # a unit named after a title and before "at" its firm: the firm is the employer
            "DENVER, May 4 - Arvo Motors Inc said it promoted Dale Finch to president. Finch was most "
            "recently Vice President of Sales, Transit Bus Group at Corwin Motors Inc, overseeing several brands.",
            "Dale Finch", ["Corwin Motors Inc"], id="unit-at-firm"),
        pytest.param(  # a whole Reuters company tag, commas and "and" included
            "TULSA, May 4 - Prairie Foods Inc said it named Dale Ortiz president. Ortiz was formerly "
            "president of <Hale, Ortiz and Associates Inc>, a consulting firm.",
            "Dale Ortiz", ["Hale, Ortiz and Associates Inc"], id="reuters-tag"),
        pytest.param(  # a unit named after its parent is the employer
            "TULSA, May 4 - Prairie Foods Inc said it named Dale Ortiz president. Ortiz was previously "
            "president of Hanley Corp's <HNL> Quick Burger unit.",
            "Dale Ortiz", ["Quick Burger"], id="unit-after-parent"),
        pytest.param(  # what follows another person's relative clause is not the subject's past
            "RENO, May 4 - Silver Data Inc said it appointed Paula Reyes chief executive. Reyes, formerly "
            "president of Granite Systems Inc, replaces Mark Olsen, who returns to his post at Olsen Capital.",
            "Paula Reyes", ["Granite Systems Inc"], id="another-persons-relative-clause"),
        pytest.param(  # a place before "firm of" is no employer
            "NEW YORK, May 4 - Bexley Capital Inc said it named Ann Hale president. Hale, a former "
            "executive with the Wall Street firm of Dorset Pryce and Co., joins on June 1.",
            "Ann Hale", ["Dorset Pryce and Co."], id="place-before-firm-of"),
        pytest.param(  # a list's items after a firm are firms, though the NER takes them for places
            "LONDON, May 4 - Harwick Corp said it named Dana Lee chief technology officer. Before joining "
            "Harwick, Lee held senior roles at Deloitte, Avanade, Brightcove, Tessian and Onfido.",
            "Dana Lee", ["Deloitte", "Avanade", "Brightcove", "Tessian", "Onfido"], id="list-after-a-firm"),
        pytest.param(  # a place after a firm and a comma, with no "and" to close a list, is no firm
            "LONDON, May 4 - Harwick Corp said it named Dana Lee chief executive. She previously worked "
            "at Deloitte, London.",
            "Dana Lee", ["Deloitte"], id="firm-and-its-city"),
        pytest.param(  # a list of posts, each at its firm: the NER runs one firm on into the next post
            "LONDON, May 4 - Harwick Corp said it named Dana Lee chief information officer. She previously "
            "served as chief technology officer at Aramark, CIO of Velden Cruises, Ltd., CIO of Tory Burch and "
            "CIO of Direct Brands.",
            "Dana Lee", ["Aramark", "Velden Cruises, Ltd.", "Tory Burch", "Direct Brands"], id="posts-at-firms"),
        pytest.param(  # "like" after a plural of firms lists them, as "including" does
            "LONDON, May 4 - Harwick Corp said it named Dana Lee chief marketing officer. She has led marketing "
            "for high-growth startups like Contently, Basis, Tideway Systems, and DataSync.",
            "Dana Lee", ["Contently", "Basis", "Tideway Systems", "DataSync"], id="startups-like"),
        pytest.param(  # an adverb after the list's "and" does not end it
            "LONDON, May 4 - Harwick Corp said it named Dana Lee chief executive. She brings 25 years of "
            "experience from technology companies including IBM, Lenovo, Oracle, and most recently Veritas, "
            "where she led sales.",
            "Dana Lee", ["IBM", "Lenovo", "Oracle", "Veritas"], id="and-most-recently"),
    ],
)
def test_the_past_employers_a_text_names(ex, text, person, expected):
    assert employers(ex, text, person) == expected


def test_a_name_the_headline_cut_is_the_same_person_as_the_full_name(ex):
    # the NER may cut the first name in a title-case headline: "R. Okafor", then "Amara R. Okafor"
    from extractor.assemble import People

    doc = ex.nlp.make_doc("Halden Appoints R. Okafor as Chief Executive. Halden named Amara R. Okafor. Okafor said.")
    doc.ents = [doc.char_span(m.start(), m.end(), label="PERSON") for m in re.finditer(r"(?:Amara )?R\. Okafor|Okafor(?= said)", doc.text)]
    people = People(doc)
    assert len(people.by_key) == 1
    assert next(iter(people.by_key.values())).name == "Amara R. Okafor"
    assert len({people.at(e.start) for e in doc.ents}) == 1


def test_the_fuller_title_wins_over_an_earlier_narrower_one(ex):
    text = ("CHICAGO, Oct. 8, 2024 -- The partners of Marlow Kent LLP have elected Joan Avery, head of the "
            "firm's tax practice, as the firm's next managing partner, effective January 1, 2025.\n\n"
            "Avery joined Marlow Kent as a partner in 2009 from Fenwick Dale LLP.")
    found = ex.extract(text, "t").appointments
    assert [(a.person.name, a.role.title) for a in found] == [("Joan Avery", "managing partner")]
    assert [p.name for p in found[0].past_employers] == ["Fenwick Dale LLP"]


def test_the_organisation_left_for_a_new_one_is_a_past_employer(ex):
    text = ("PROVO, Utah, March 13 - Zentra Corp said its president, Gil Ferris, resigned as president to "
            "become chairman and chief executive officer of <Birchwood Systems>.")
    (joined,) = [a for a in ex.extract(text, "t").appointments if a.event != "departed"]
    assert joined.organisation.name == "Birchwood Systems"
    assert [p.name for p in joined.past_employers] == ["Zentra Corp"]


def test_a_first_name_the_ner_leaves_out_belongs_to_the_person():
    from extractor.nlp import load
    from extractor.assemble import People

    doc = load().make_doc("She takes over from Laurent Béguin. Laurent Béguin will remain in office.")
    doc.ents = [doc.char_span(m.start(), m.end(), label=label) for m, label in (
        (re.search(r"Laurent Béguin", doc.text), "ORG"), (re.search(r"Béguin(?= will)", doc.text), "PERSON"))]
    for tok in doc:  # the model's tags for these words
        tok.pos_ = "PROPN" if tok.text[:1].isupper() and tok.i else "PRON" if tok.i == 0 else "VERB"
    people = People(doc)
    assert [info.name for info in people.by_key.values()] == ["Laurent Béguin"]
    assert {people.at(t.i) for t in doc if t.text in ("Laurent", "Béguin")} == {"laurent beguin"}


@pytest.mark.parametrize(
    "text, person, new, held",
    [
        pytest.param(  # the post after "to a two-year term as", not the former title before the name
            "NEW YORK, March 26 - The Harbor Grain Exchange elected former first vice chairman Neil Roper "
            "to a two-year term as chairman of the board of managers, replacing chairman Alan Voss.",
            "Neil Roper", "chairman of the board", "first vice chairman", id="term-as"),
        pytest.param(  # an appositive whose closing comma is missing before "as"
            "LONDON, April 8 - Calder Industries Plc said it had appointed Paul Keane, currently managing "
            "director of Redmoor Plc <RDMR.L> as its new chief executive.",
            "Paul Keane", "chief executive", "managing director", id="open-appositive"),
    ],
)
def test_the_new_post_not_the_one_held(ex, text, person, new, held):
    roles = [role for name, role, event in changes(ex, text) if name == person and event != "departed"]
    assert len(roles) == 1 and roles[0].startswith(new) and held not in roles[0]


def test_a_post_held_at_another_firm_makes_an_appointment_not_a_promotion(ex):
    text = ("LONDON, April 8 - Calder Industries Plc said it had appointed Paul Keane, currently managing "
            "director of Redmoor Plc <RDMR.L> as its new chief executive.")
    (found,) = ex.extract(text, "t").appointments
    assert (found.event, found.organisation.name) == ("appointed", "Calder Industries Plc")
    assert [p.name for p in found.past_employers] == ["Redmoor Plc"]


def test_a_predecessor_with_a_new_post_still_leaves_the_one_named_before_him(ex):
    text = ("OMAHA, March 24 - Prairie Controls Inc said Cody Hale was named vice president and chief "
            "financial officer. Hale replaces former chief financial officer John Vetter, who retains his "
            "vice president's post and assumes the new position of corporate counsel.")
    found = changes(ex, text)
    assert ("John Vetter", "chief financial officer", "departed") in found
    assert any(name == "John Vetter" and role == "corporate counsel" and event != "departed" for name, role, event in found)


def test_succeeding_someone_does_not_make_the_next_person_a_predecessor(ex):
    text = ("DALLAS, March 12 - Vance Systems Inc said president David Hart will succeed John Dale as "
            "chairman and chief executive and senior vice president Gene Kole will become president.")
    found = changes(ex, text)
    assert ("Gene Kole", "president", "promoted") in found or ("Gene Kole", "president", "appointed") in found
    assert not any(name == "Gene Kole" and event == "departed" for name, _, event in found)


def test_a_minister_replaced_by_someone_leaves_and_the_ministry_named_in_the_text_is_the_employer(ex):
    text = ("MOSCOW, April 7 - Pravda criticised the country's Fisheries Ministry for poor catches.\n\n"
            "Tass said yesterday that Fisheries Minister Ivan Popov, 71, was being retired and replaced by "
            "Oleg Sorin, a senior industry official.")
    found = {(a.person.name, a.event): a.organisation.name for a in ex.extract(text, "t").appointments}
    assert found == {("Ivan Popov", "departed"): "Fisheries Ministry", ("Oleg Sorin", "appointed"): "Fisheries Ministry"}


def test_an_abbreviation_of_a_reuters_company_tag_names_the_company_without_the_bracket(ex):
    text = ("WELLINGTON, March 27 - <Harbour Timber Ltd> (HTL) chairman Rex Dorne will step aside as chief "
            "executive in October and will be replaced by group managing director Ian Harbour, HTL said.")
    orgs = {a.organisation.name for a in ex.extract(text, "t").appointments}
    assert orgs == {"Harbour Timber Ltd"}


def test_a_predecessor_who_is_now_elsewhere_left_before_the_story(ex):
    text = ("WASHINGTON, March 20 - President Reagan is to nominate John Shore, chairman of the Federal "
            "Trade Commission, as ambassador to Norway, the White House said. Shore would succeed Paul "
            "Brenner, now the State Department's chief counter-terrorism expert.")
    found = ex.extract(text, "t").appointments
    assert [(a.person.name, a.event) for a in found] == [("John Shore", "appointed")]
    assert [p.name for p in found[0].past_employers] == ["Federal Trade Commission"]


def test_a_move_from_the_announcing_company_to_its_unit_is_a_promotion_without_past_employer(ex):
    text = ("CHICAGO, March 30 - Hartwell Corp said Evan Hart, president and chief operating officer of "
            "Hartwell, was named chief executive officer of its Lakeside Apparel Inc subsidiary.")
    (found,) = ex.extract(text, "t").appointments
    assert (found.event, found.past_employers) == ("promoted", [])


def test_two_people_each_with_a_long_appositive_are_one_list(ex):
    text = ("NEW YORK, March 23 - Halvern Corp said three directors resigned. It said Peter W. Mallory, a "
            "director of <Kestrel Mining Ltd>, the principal holder of Halvern stock, and Joan Ashby, a vice "
            "chairman of Dunmore Lewis Inc, were then named to the board.")
    found = changes(ex, text)
    assert {("Peter W. Mallory", "director", "appointed"), ("Joan Ashby", "director", "appointed")} <= found


def test_a_long_appositive_before_the_new_title_and_a_unit_after_its_parents_name(ex):
    text = ("NEW YORK, April 13 - Barrow Securities said it named Carl Ives, formerly vice president in "
            "charge of all spot trading for Mercer Bank's <M> Mercer Trust Co, senior vice president for "
            "worldwide foreign exchange trading.")
    (found,) = ex.extract(text, "t").appointments
    assert (found.person.name, found.role.title) == ("Carl Ives", "senior vice president for worldwide foreign exchange trading")
    assert [p.name for p in found.past_employers] == ["Mercer Trust Co"]


def test_a_person_named_as_someones_object_does_not_end_the_subjects_clause(ex):
    text = ("Brightvale Mining PLC executive chairman Dr Alan Voss joined Proactive's Mark Hale after "
            "stepping into the role of interim CEO following the resignation of Rui Santos.")
    found = changes(ex, text)
    assert ("Alan Voss", "interim CEO", "interim") in found
    assert ("Rui Santos", "CEO", "departed") in found


def test_a_town_named_like_a_person_is_not_one(ex):
    text = ("DALLAS, March 12 - Summit Oil Corp said Dale Hobart, president of Hobart, an Abilene "
            "investment firm, was named chairman of Summit. Hobart is also a director of <Allied Care "
            "Inc>, Abilene, the company said.")
    assert {name for name, _, _ in changes(ex, text)} == {"Dale Hobart"}


def test_people_in_a_clause_after_saying_do_not_share_the_subjects_departure(ex):
    text = ("WASHINGTON, March 4 - White House communications director John Kessler resigned after just one "
            "week in the job, saying President Reagans' new chief of staff Howard Baker had a right to "
            "appoint his own team.")
    assert changes(ex, text) == {("John Kessler", "communications director", "departed")}


@pytest.mark.parametrize("a, b, same", [("thomas", "tom", True), ("greg", "gregory", True), ("tom", "thomas", True),
                                        ("thomas", "timothy", False), ("j", "john", False)])
def test_nicknames_are_the_same_first_name(a, b, same):
    from extractor.assemble import same_first_name

    assert same_first_name(a, b) is same


def test_a_nickname_and_the_full_name_are_one_person(ex):
    text = ("Splashline Group Adds Director\n\nSplashline Group, Inc. welcomes Tom Fenwick as its new director. "
            "Thomas Butler Fenwick is a Boston-based entrepreneur. Previously, he served as the CEO of Rockhaven "
            "Media from 2011 to 2024.")
    found = ex.extract(text, "t").appointments
    assert [(a.person.name, a.role.title) for a in found] == [("Thomas Butler Fenwick", "director")]


def test_apostrophe_and_accented_names_and_a_title_the_ner_takes_for_a_name(ex):
    text = ("PORTLAND, Maine, Feb. 12, 2024 -- Casco Harbor Bancorp, Inc. announced two appointments.\n\n"
            "Kevin J. O'Donnell has been promoted to Treasurer, effective immediately. O'Donnell, who has "
            "served as Assistant Treasurer since 2019, succeeds Gail Hatch, who retired in December.\n\n"
            "The company also named Marisol Ibáñez as Controller. Ibáñez will join on March 15 from "
            "Clearwater Federal Credit Union, where she has been assistant controller since 2020.")
    found = {(a.person.name, a.role.title, a.event): [p.name for p in a.past_employers]
             for a in ex.extract(text, "t").appointments}
    assert found[("Kevin J. O'Donnell", "Treasurer", "promoted")] == []
    assert found[("Marisol Ibáñez", "Controller", "appointed")] == ["Clearwater Federal Credit Union"]


def test_two_people_named_to_two_posts_in_one_sentence_the_parser_cuts(ex):
    text = ("WILMINGTON, Del., March 9 - Delmarva Tool Corp said its board\nnamed Richard P. Ostrowski "
            "president and Janet L. Haugen\nchief financial officer.\n")
    found = changes(ex, text)
    assert {("Richard P. Ostrowski", "president", "appointed"), ("Janet L. Haugen", "chief financial officer", "appointed")} <= found


def test_sentences_join_a_piece_the_parser_cut_where_nothing_ends_a_sentence(ex):
    from extractor.assemble import sentences

    doc = ex.nlp.make_doc("Acme named Al Bo president and Jo Li chief financial officer. Shares rose.")
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 6, 12)  # the parser's cut after "and"
    assert [s.text for s in sentences(doc)] == [
        "Acme named Al Bo president and Jo Li chief financial officer.", "Shares rose."]


def test_a_nordic_release_with_a_ticker_a_firm_the_ner_takes_for_a_person_and_he_in_a_that_clause(ex):
    text = ("Vesterfjord Kraft ASA: CEO to step down\n\n"
            "Bergen, 14 February 2024 – Vesterfjord Kraft ASA (OSE: VKRAFT) announces that Chief Executive "
            "Officer Bjørn Haldorsen has informed the Board of Directors that he will step down. Haldorsen "
            "will remain in his position until a successor is in place.\n\n"
            "\"The time is right for new leadership to take Vesterfjord into its next phase,\" said Haldorsen.")
    found = [(a.person.name, a.role.title, a.organisation.name, a.event) for a in ex.extract(text, "t").appointments]
    assert found == [("Bjørn Haldorsen", "Chief Executive Officer", "Vesterfjord Kraft ASA", "departed")]


@pytest.mark.parametrize("raw, folded", [("Bjørn Ærø", "bjorn aero"), ("Łukasz Straße", "lukasz strasse"), ("José", "jose")])
def test_fold_takes_letters_unicode_does_not_decompose_to_their_base(raw, folded):
    from extractor.assemble import fold

    assert fold(raw) == folded


def test_someone_named_after_other_than_is_left_out(ex):
    text = ("DALLAS, April 8 - Orbis Data Inc said chairman Dan Cole resigned as chairman and chief executive "
            "officer. It said four directors other than Cole have resigned from the board.")
    assert changes(ex, text) == {("Dan Cole", "chairman and chief executive officer", "departed")}


def test_one_post_told_twice_in_other_words_is_one_change(ex):
    text = ("ST. LOUIS, April 2 - Hopkins Brewing Cos Inc said Dean Marsh, president of its beer subsidiary, "
            "Hopkins Brewing Inc, is resigning from the company. He will be replaced as president of the unit "
            "by Carl Hopkins, chairman of the company.")
    departures = [(name, role) for name, role, event in changes(ex, text) if event == "departed"]
    assert len(departures) == 1 and departures[0][0] == "Dean Marsh"


def test_a_short_name_inside_the_full_one_is_the_organisation_the_text_spells_out(ex):
    text = ("WOLFSBURG, March 16 - Volkswagen said it had looked into losses at its foreign exchange department. "
            "A VW spokesman said Rolf Sauer had been named VW's financial member of the management board.")
    (found,) = ex.extract(text, "t").appointments
    assert found.organisation.name.startswith("Volkswagen")


def test_a_headline_name_run_into_a_title_and_the_bodys_legal_name(ex):
    text = ("Larkspur Vance Partners Elect Nora Quill as Next Managing Partner\n\n"
            "Firm also names Rafael Montoya General Counsel\n\n"
            "CHICAGO, Oct. 8, 2024 -- The partners of Larkspur Vance LLP, a business law firm, have elected "
            "Nora Quill as the firm's next managing partner, effective January 1, 2025.\n\n"
            "The firm also announced that Rafael Montoya will join as general counsel, effective January 1, 2025.")
    found = {(a.person.name, a.role.title, a.organisation.name) for a in ex.extract(text, "t").appointments}
    assert found == {("Nora Quill", "managing partner", "Larkspur Vance LLP"),
                     ("Rafael Montoya", "general counsel", "Larkspur Vance LLP")}


def test_a_name_cut_at_saint_is_one_person(ex):
    text = ("Tarn Mining plc (AIM: TRN) announces that Graham St. John Whitley has resigned as a Non-Executive "
            "Director of the Company with immediate effect.")
    assert changes(ex, text) == {("Graham St. John Whitley", "Non-Executive Director", "departed")}


def test_a_post_at_an_organisation_the_text_does_not_name_is_no_record(ex):
    text = ("SANTA CLARA, Calif., March 30 - Netlane Corp said Stan Voss, vice president and chief financial "
            "officer, will leave the company April 30 to become president of a privately held software company.")
    assert [event for _, _, event in changes(ex, text)] == ["departed"]


def test_a_company_the_ner_takes_for_a_person_is_not_one_when_it_ends_in_a_legal_suffix(ex):
    from extractor.assemble import People

    doc = ex.nlp.make_doc("The Supervisory Board of Alpenstein Versicherung AG has appointed Markus Eberl.")
    doc.ents = [Span(doc, 4, 7, label="PERSON"), Span(doc, 9, 11, label="PERSON")]  # the NER's reading
    assert list(People(doc).by_key) == ["markus eberl"]


def test_a_name_at_the_very_end_of_the_text_after_its_title(ex):
    assert changes(ex, " said it named chief executive officer Robert Jones") == {
        ("Robert Jones", "chief executive officer", "appointed")}


def test_an_appositive_that_calls_the_post_new_is_an_appointment_dated_by_a_later_sentence(ex):
    text = ("19-MAR-1987 11:27:09.92\n\nNEW YORK, March 19 - Walter Brandt, new chairman of the Hudson Grain "
            "Exchange, said his priority is "
            "a merger with other exchanges.\n\nBrandt, a local trader and member of the board of governors, "
            "assumed his duties yesterday and met reporters.")
    (found,) = ex.extract(text, "t").appointments
    assert (found.person.name, found.role.title, found.event) == ("Walter Brandt", "chairman", "appointed")
    assert found.organisation.name.endswith("Hudson Grain Exchange")
    assert found.effective_date == date(1987, 3, 18)


def test_a_word_of_an_organisations_name_before_a_title_is_not_part_of_it(ex):
    doc = ex.nlp("The company said Western Financial Chairman Carl Lind has been elected chairman of Harbor Co.")
    from extractor.components import SPAN_KEY

    assert [t.text for t in doc.spans[SPAN_KEY]] == ["Chairman", "chairman"]


def test_the_second_subject_of_a_joined_sentence_after_an_appositive_gets_its_verb(ex):
    text = ("NEW YORK, Oct 19 - Dana Films Inc said it and Reel Works Inc agreed to merge.\n\n"
            "Robert Dana Sr, who is currently chairman of Dana Films Inc, will be chairman of the new company "
            "and David Ewing, current president of Reel Works, will become chief executive, the company said.")
    found = changes(ex, text)
    assert ("David Ewing", "chief executive", "appointed") in found
    assert not any(name == "Robert Dana Sr" and role == "chief executive" for name, role, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Acme Corp said Tom Baker resigned as president and will be succeeded",
                     {("Tom Baker", "president", "departed")}, id="text-ends-after-succeeded"),
        pytest.param("NEW YORK, March 19 - Acme Corp said Jane Porter was elected president at a special meeting of the board.",
                     {("Jane Porter", "president", "appointed")}, id="at-a-meeting-is-no-unnamed-firm"),
        pytest.param("Brightline Health announces that Susan Park has been appointed Chief Executive Officer with a "
                     "mandate to expand the company into Europe.",
                     {("Susan Park", "Chief Executive Officer", "appointed")}, id="with-a-mandate"),
        pytest.param("LONDON, March 3 - Taylor Woodrow Plc said Ian Taylor was appointed finance director. John Taylor, "
                     "chairman, will retire in June.",
                     {("Ian Taylor", "finance director", "appointed"), ("John Taylor", "chairman", "departed")},
                     id="two-given-names-are-two-people"),
        pytest.param("NEW YORK, March 19 - Acme Corp said Tom Baker, its president, and Ann Lee, its treasurer, resigned.",
                     {("Tom Baker", "president", "departed"), ("Ann Lee", "treasurer", "departed")},
                     id="each-his-own-appositive-post"),
        pytest.param("NEW YORK, March 5 - Morgan Stanley Group Inc said Stanley Morgan was named a managing director.",
                     {("Stanley Morgan", "managing director", "appointed")}, id="firm-words-in-another-order"),
        pytest.param("NEW YORK, March 19 - Acme Corp said Ann Lee will succeed Tom Baker, now chairman, as president.",
                     {("Ann Lee", "president", "appointed"), ("Tom Baker", "president", "departed")},
                     id="now-with-a-title-only"),
    ],
)
def test_review_cases_keep_ordinary_records(ex, text, expected):
    assert changes(ex, text) == expected


@pytest.mark.parametrize(
    "text, person, organisation, employers_",
    [
        pytest.param("Harbor Bank Appoints New President\n\nSEATTLE, March 19, 2024 -- Harbor Bank today named Tom Baker "
                     "president. Baker was most recently president of Pacific Harbor Bank Corp.",
                     "Tom Baker", "Harbor Bank", [], id="legal-name-of-another-bank"),  # (a name inside: same_org)
        pytest.param("NEW YORK, March 3 - Chase Manhattan Bank said it named Robert Lane, president of Chemical Bank, "
                     "as its chief financial officer.",
                     "Robert Lane", "Chase Manhattan Bank", ["Chemical Bank"], id="a-shared-generic-word-is-no-group"),
        pytest.param("NEW YORK, March 19 - Acme Corp said it named Jane Porter, president of its Delta Leasing unit, as "
                     "vice chairman of Acme.",
                     "Jane Porter", "Acme Corp", [], id="from-a-unit-to-the-parent"),
    ],
)
def test_review_cases_organisations_and_past_employers(ex, text, person, organisation, employers_):
    (found,) = [a for a in ex.extract(text, "t").appointments if a.person.name == person]
    assert found.organisation.name == organisation
    assert [p.name for p in found.past_employers] == employers_


def test_a_title_the_person_is_in_apposition_to_through_its_organisation(ex):
    text = ("RIYADH, June 29 - The acting governor of Saudi Arabia's state-owned oil company, Petromin, Jamal "
            "Hassan Jawa, has retired at his own request, oil industry sources said.")
    assert ("Jamal Hassan Jawa", "acting governor", "departed") in changes(ex, text)


def test_a_heading_run_into_a_name_is_no_first_name():
    from extractor.nlp import load
    from extractor.assemble import People

    doc = load().make_doc("(3) Retirement Takeshi Onoda, Senior Managing Executive Officer, will retire.")
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    for tok in doc:
        tok.pos_ = "PROPN" if tok.text[:1].isupper() else "PUNCT"
    assert [info.name for info in People(doc).by_key.values()] == ["Takeshi Onoda"]


@pytest.mark.parametrize("text", [
    "TULSA, May 4 - Corvel Pipe Co said Chief Financial Officer Dana Whitcombe announced her resignation.",
    "TULSA, May 4 - Corvel Pipe Co said Dana Whitcombe, its chief financial officer, will announce her "
    "retirement next month.",
])
def test_announcing_ones_own_resignation_is_a_departure(ex, text):
    # the person before "announced" is who announces: the departure noun after it governs her
    records = ex.extract(text, "t").appointments
    assert [(a.person.name, a.event, a.organisation.name) for a in records] == [
        ("Dana Whitcombe", "departed", "Corvel Pipe Co")]
    assert "chief financial officer" in records[0].role.title.lower()


def test_a_departure_from_a_named_organisation_is_from_that_one(ex):
    text = ("DENVER, May 4 - Halvern Mining Corp said it hired Tom Brisco as treasurer. Controller "
            "Lisa Farrant resigned from Ostrava Metals Inc to join it.")
    left = [a for a in ex.extract(text, "t").appointments if a.event == "departed"]
    assert [(a.person.name, a.organisation.name) for a in left] == [("Lisa Farrant", "Ostrava Metals Inc")]


@pytest.mark.parametrize("text", [
    "DENVER, May 4 - Halvern Mining Corp said John Smith, who retired from Ostrava Metals Inc in 2019, resigned as chairman.",
    "DENVER, May 4 - Halvern Mining Corp said John Smith resigned as chief financial officer, and Jane Roe retired "
    "from Ostrava Metals Inc.",
])
def test_a_departure_from_an_organisation_in_another_clause_is_not_this_ones(ex, text):
    left = [a for a in ex.extract(text, "t").appointments if a.person.name == "John Smith"]
    assert [a.organisation.name for a in left] == ["Halvern Mining Corp"]


def test_someone_joined_in_a_later_sentence_is_a_person(ex):
    text = ("NEW YORK, May 4 - Acme Corp said Jane Roe was named chief financial officer. She joins Tom Reed, "
            "who was named chief operating officer on Monday.")
    assert changes(ex, text) == {("Jane Roe", "chief financial officer", "appointed"),
                                 ("Tom Reed", "chief operating officer", "appointed")}


def test_the_firm_someone_joins_is_not_a_person_however_the_ner_labels_it(ex):
    text = ("NEW YORK, May 4 - Deep Harbor Trading said its co-founders were recognised. In addition, "
            "Kyle Hendrick joined Deep MM as the Chief Financial Officer, marking an important milestone.")
    people = {a.person.name for a in ex.extract(text, "t").appointments}
    assert "Deep MM" not in people and "Kyle Hendrick" in people


@pytest.mark.parametrize("later, expected", [
    ("She will start on 3 June.", date(2024, 6, 3)),  # a pronoun right after, one record it can mean
    ("Abernethy-Lowe will take up the post on 3 June 2024.", date(2024, 6, 3)),  # "take up the post"
    ("Abernethy-Lowe will begin work on June 3.", date(2024, 6, 3)),
    ("She will take a holiday on 3 June.", None),  # "take" without "up" tells no start
    ("She joined the company in March 2015 as a brand manager.", None),  # her career, not this change
])
def test_the_start_date_a_later_sentence_gives(ex, later, expected):
    text = ("LEEDS, 20 May 2024 - Kalder Drinks has hired Ruth Abernethy-Lowe as its chief marketing "
            f"officer. {later}")
    (found,) = ex.extract(text, "t").appointments
    assert found.person.name == "Ruth Abernethy-Lowe" and found.effective_date == expected


def test_a_pronoun_that_could_mean_either_of_two_arrivals_dates_neither(ex):
    text = ("LEEDS, 20 May 2024 - Kalder Drinks has hired Ruth Abernethy-Lowe as its chief marketing "
            "officer and Tom Greaves as its chief financial officer. She will start on 3 June.")
    dates = {a.person.name: a.effective_date for a in ex.extract(text, "t").appointments}
    assert dates == {"Ruth Abernethy-Lowe": None, "Tom Greaves": None}


@pytest.mark.parametrize("text, appointer", [
    ("OSLO, May 4 - Brattvold Marine said Chief Executive Peter Lunde named a new chief financial officer.",
     "Peter Lunde"),
    ("OSLO, May 4 - Brattvold Marine said John Smith intends to hire a chief revenue officer.", "John Smith"),
    ("WASHINGTON, April 7 - President Rayburn will nominate the head of the aid program, Peter McPhail, "
     "to the board.", "Rayburn"),
])
def test_whoever_seeks_someone_for_a_post_is_not_appointed_to_it(ex, text, appointer):
    # an active appointment verb with "a"/"an"/"the" and a post as its object: the subject appoints
    people = {a.person.name for a in ex.extract(text, "t").appointments}
    assert not any(appointer in name for name in people)
    assert ex.nlp(text).ents  # (the NER sees the appointer: the assertion is about the rule)


@pytest.mark.parametrize("text, title", [
    ("OSLO, May 4 - Brattvold Marine said Jane Roe was also named a director of the company.", "director of the company"),
    ("OSLO, May 4 - Brattvold Marine said Jane Roe was unanimously elected a director.", "director"),
    ("OSLO, May 4 - Brattvold Marine said Jane Roe was subsequently named the chief executive.", "chief executive"),
])
def test_an_adverb_before_a_passive_appointment_verb_keeps_the_appointee(ex, text, title):
    assert changes(ex, text) == {("Jane Roe", title, "appointed")}


def test_someone_who_becomes_the_chief_executive_is_appointed(ex):
    text = "OSLO, May 4 - Brattvold Marine said Peter Lunde becomes the chief executive on Monday."
    assert changes(ex, text) == {("Peter Lunde", "chief executive", "appointed")}


def test_someone_named_a_vice_president_is_appointed(ex):
    text = "OSLO, May 4 - Brattvold Marine said Ivar Lunde was named a vice president of the company."
    assert changes(ex, text) == {("Ivar Lunde", "vice president of the company", "appointed")}


@pytest.mark.parametrize("text", [
    "BOISE, May 4 - Harrow Valley Health's board has named its chief operating officer, Dr. Samuel Finch, "
    "interim president, following the retirement of Dr. Margaret Ostler.",
    "BOISE, May 4 - Harrow Valley Health has named its chief operating officer, Samuel Finch, as interim president.",
    "BOISE, May 4 - Harrow Valley Health has named its chief operating officer, Samuel Finch, as its new interim "
    "president.",
])
def test_the_title_before_a_name_in_apposition_is_held_and_the_one_after_is_new(ex, text):
    records = {a.person.name: (a.role.title, a.event) for a in ex.extract(text, "t").appointments}
    assert records["Samuel Finch"] == ("interim president", "interim")
    assert set(records) <= {"Samuel Finch", "Margaret Ostler"}
    if "Margaret Ostler" in records:  # (the second text names no one retiring)
        assert records["Margaret Ostler"] == ("president", "departed")


def test_a_list_below_a_colon_gives_each_person_the_post(ex):
    text = ("Ashby Lane announces three new partners\n\n"
            "LEEDS, 2 May 2024 – Accountants Ashby Lane LLP has promoted three senior managers to partner.\n\n"
            "The new partners are:\n\n"
            "Anna Kowalewska (Tax) – Anna advises family businesses on succession.\n\n"
            "Carl Dunmore (Audit) – Carl looks after the charities practice.\n\n"
            "Eve Fordyce (Corporate Finance) – Eve works on mid-market deals.\n\n"
            "Ashby Lane LLP employs 400 people in Leeds and York.")
    records = ex.extract(text, "t").appointments
    assert {(a.person.name, a.role.title, a.event) for a in records} == {
        (name, "partner", "promoted") for name in ("Anna Kowalewska", "Carl Dunmore", "Eve Fordyce")}
    assert all(a.organisation.name.startswith("Ashby Lane") for a in records)
    # the evidence runs from the list's opening to the person's item
    assert all(a.evidence.text.startswith("The new partners are:") for a in records)


@pytest.mark.parametrize("text, title", [
    ("LEEDS, May 4 - The Board has appointed Peter Holmwood and Hanne Marsh as independent Non-Executive "
     "Directors.", "independent Non-Executive Director"),
    ("AKRON, May 4 - Acme Rubber Corp named John Smith and Jane Roe senior vice presidents.", "senior vice president"),
    ("AKRON, May 4 - Acme Rubber Corp said John Smith and Jane Roe were named vice presidents.", "vice president"),
    # a noun of the post's own before the plural head
    ("DENVER, Jan. 6, 2025 -- Harwick Law LLP has promoted Susan Miller and Richard Stein to equity partners.",
     "equity partner"),
])
def test_a_title_in_the_plural_for_several_people_gives_each_the_singular(ex, text, title):
    # one record each, whose title is the plural's words with the head in the singular
    records = ex.extract(text, "t").appointments
    assert len(records) == 2 and {a.role.title for a in records} == {title}


def test_a_board_seat_given_with_a_post_is_part_of_that_change(ex):
    text = ("BRAINTREE, Mass., June 19 - Quarry Savings Bank said Winston Sarge has been named president and "
            "chief executive officer. It said Sarge, who was senior vice president, has also been named to the board.")
    assert changes(ex, text) == {("Winston Sarge", "president and chief executive officer", "appointed")}


def test_a_board_seat_alone_is_a_change(ex):
    text = "BRAINTREE, Mass., June 19 - Quarry Savings Bank said Winston Sarge has been named to the board."
    assert changes(ex, text) == {("Winston Sarge", "director", "appointed")}


@pytest.mark.parametrize(("text", "person", "role", "organisation"), [
    pytest.param("Cresta Technologies Inc. today announced the appointment of Lena Vorst to its Advisory Board.",
                 "Lena Vorst", "Advisory Board", "Cresta Technologies Inc.", id="its"),
    pytest.param("Fennel Robotics Inc said on Monday that Omar Pike has joined its Strategic Advisory Board.",
                 "Omar Pike", "Strategic Advisory Board", "Fennel Robotics Inc", id="joined-its"),
    pytest.param("Dale Okoro has joined the advisory board of Corvel Analytics Inc, the company said on Monday.",
                 "Dale Okoro", "advisory board", "Corvel Analytics Inc", id="of-the-firm"),
    pytest.param("Vexa Health said it had elected Ruth Anand to the Board of Advisors.",
                 "Ruth Anand", "Board of Advisors", "Vexa Health", id="board-of-advisors"),
])
def test_a_seat_on_a_body_with_a_name_of_its_own_is_that_body_at_its_firm(ex, text, person, role, organisation):
    # an advisory or management board is no board of directors, and no organisation of its own
    assert records(ex, text) == {(person, role, organisation, "appointed")}


def test_a_post_named_after_the_board_seat_is_the_post(ex):
    text = ("Dorn AG said its supervisory board appointed Karl Heim to the management board as chief "
            "financial officer.")
    assert records(ex, text) == {("Karl Heim", "chief financial officer", "Dorn AG", "appointed")}


def test_the_board_that_makes_the_appointment_is_no_seat(ex):
    text = ("# Supervisory Board Appoints Katrin Vogt to Amberg Energie's Management Team\n\n"
            "The Supervisory Board of Amberg Energie GmbH has appointed Katrin Vogt as Chief Operating Officer.")
    assert records(ex, text) == {("Katrin Vogt", "Chief Operating Officer", "Amberg Energie GmbH", "appointed")}


@pytest.mark.parametrize("speaker", [
    "says Uwe Kamp, Chairman of the Supervisory Board of Harrow Energie GmbH.",
    "said Uwe Kamp, chairman of Harrow Energie GmbH.",
])
def test_the_post_of_someone_who_speaks_is_not_the_one_welcomed(ex, speaker):
    # neither the speaker's post nor the board it is on is the newcomer's: the quotation closes
    text = ("Harrow Energie GmbH has appointed Lena Brandt as Chief Operating Officer. Brandt will start in "
            "April.\n\nShe spent a decade at Nordnetz AG.\n\nHer team grew each year.\n\n"
            "\u201cWe are delighted to welcome Lena Brandt,\u201d " + speaker)
    assert {(p, r) for p, r, _, _ in records(ex, text)} == {("Lena Brandt", "Chief Operating Officer")}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("# Orrin Foods Announces Leadership Changes; Board Member Carla Mendes Appointed Chair\n\n"
                 "Orrin Foods Inc said on Monday that board member Carla Mendes was appointed chair.",
                 {("Carla Mendes", "chair")}, id="a-title-word"),
    pytest.param("Orrin Foods Inc reported gains across the board, said Neil Ford, who was promoted in May.",
                 set(), id="across-the-board"),
])
def test_a_board_before_the_name_that_gives_no_seat(ex, text, expected):
    # "Board Member" is the post held, "across the board" an idiom: neither is a seat on the board
    assert {(p, r.lower()) for p, r, _ in changes(ex, text)} == expected


def test_a_seat_on_a_named_body_given_with_a_post_is_part_of_that_change(ex):
    text = ("Acme Corp named Jo Brant president and chief executive officer. Brant was also appointed to "
            "the executive board.")
    assert changes(ex, text) == {("Jo Brant", "president and chief executive officer", "appointed")}


def test_the_board_owner_is_not_the_boards_own_name(ex):
    text = "Harbor Health said Al Wexley joined its NIL Advisory Board."
    assert {(p, o) for p, _, o, _ in records(ex, text)} == {("Al Wexley", "Harbor Health")}


def test_a_change_in_an_earlier_year_is_background_even_without_a_dateline(ex):
    # no dateline: the latest dated year of the text stands for the announcement's
    text = ("Orrin Foods Inc named Alan Hale chief innovation officer, effective June 3, 2025. "
            "Barbara Goose joined Orrin in 2021 as Chief Marketing Officer.")
    assert {p for p, _, _, _ in records(ex, text)} == {"Alan Hale"}


@pytest.mark.parametrize("background", [
    "Before joining Orrin, Hale was a Senior Partner at Kearney, where he led the practice.",
    "Prior to joining Orrin, Alan was a tax director at Deloitte.",
    "In 1994, Hale joined Deloitte as its tax director.",
])
def test_a_post_held_before_the_move_is_no_change(ex, background):
    # the move's clause ("before joining Orrin") or its year tells the post that follows as the past
    text = "DALLAS, May 4, 2025 - Orrin Foods Inc named Alan Hale chief innovation officer. " + background
    assert records(ex, text) == {("Alan Hale", "chief innovation officer", "Orrin Foods Inc", "appointed")}


@pytest.mark.parametrize("text, person, role", [
    ("Orbis Tools Inc has announced the appointment of Lamon Rutten as an Advisor.", "Lamon Rutten", "Advisor"),
    ("Orbis Tools Inc is pleased to announce Rod Reynolds as its newest Partner.", "Rod Reynolds", "Partner"),
])
def test_a_post_given_after_as_alone_or_as_the_newest(ex, text, person, role):
    assert changes(ex, text) == {(person, role, "appointed")}


@pytest.mark.parametrize("text, expected", [
    ("Orbis Tools Inc said Rob Gangemi, who joined Orbis in 2017 as the Corporate Controller, was promoted to "
     "Vice President of Finance.", {("Rob Gangemi", "Vice President of Finance")}),
    ("Orbis Tools Inc said Madison Faulkner, who joined Orbis as a Principal, was promoted to Partner.",
     {("Madison Faulkner", "Partner")}),
    # (the clause alone still tells a change)
    ("Orbis Tools Inc said Rob Gangemi, who was named Corporate Controller in May, will lead the review.",
     {("Rob Gangemi", "Corporate Controller")}),
])
def test_a_past_move_in_the_persons_own_clause_is_background_to_the_sentences_move(ex, text, expected):
    assert {(p, r) for p, r, _ in changes(ex, text)} == expected


def test_a_firm_named_for_its_partners_is_whole_even_when_the_ner_takes_them_for_people(ex):
    text = ("Wertheim Schroder and Co Inc said it appointed Steven Kotler, 40, "
            "president of the investment banking firm.")  # (no dateline: the name opens the text)
    (found,) = ex.extract(text, "t").appointments
    assert (found.person.name, found.organisation.name) == ("Steven Kotler", "Wertheim Schroder and Co Inc")


@pytest.mark.parametrize("owner", ["Marlin's", "Great Marlin's"])
def test_the_post_after_an_owners_possessive_is_the_new_one(ex, owner):
    text = (f"TAMPA, March 31 - Marlin Co said Bexley Holdings Chairman Carl Lindwood has been elected {owner} "
            "chairman, succeeding Ray Mason, who continues as a director.")
    records = {(a.person.name, a.event): a.role.title for a in ex.extract(text, "t").appointments}
    assert records[("Carl Lindwood", "appointed")] == "chairman"


def test_a_second_of_after_an_appointment_noun_names_a_second_person(ex):
    text = ("CAMBRIDGE, Mass., June 3, 2024 -- Quillmoor Bio today announced the appointment of Rhea Natt, "
            "M.D., as chief medical officer, effective June 10, 2024, and of Marcus T. Feld as chief financial "
            "officer, effective immediately.")
    records = {a.person.name: a for a in ex.extract(text, "t").appointments}
    assert records["Marcus T. Feld"].role.title == "chief financial officer"
    assert records["Rhea Natt"].role.title == "chief medical officer"


@pytest.mark.parametrize("text, expected", [
    ("TAMPA, June 3 - Palmetto Signs said Meghan Fairley was promoted from her position as Director of Compliance.",
     set()),  # the post left, and no new one named
    ("TAMPA, June 3 - Palmetto Signs said Meghan Fairley was promoted from vice president to president.",
     {("Meghan Fairley", "president", "promoted")}),
    ("TAMPA, June 3 - Palmetto Signs said Meghan Fairley was promoted from her position as Director of Compliance "
     "to Chief Operating Officer.", {("Meghan Fairley", "Chief Operating Officer", "promoted")}),
    ("TAMPA, June 3 - Palmetto Signs said Meghan Fairley resigned from her position as president.",
     {("Meghan Fairley", "president", "departed")}),
])
def test_a_post_reached_through_from_is_the_one_left(ex, text, expected):
    assert changes(ex, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("LEEDS, 3 May 2024 - Tarrow Homes plc said Jane Roe will become a member of the Group Executive Committee.",
     {("Jane Roe", "member", "appointed")}),  # an executive body: a post
    ("LEEDS, 3 May 2024 - Tarrow Homes plc announces the appointment of Jane Roe as a member of the Board of "
     "Directors and chair of the Audit Committee.", {("Jane Roe", "member of the Board", "appointed")}),
])
def test_a_seat_that_is_a_post_is_no_committee_seat(ex, text, expected):
    assert changes(ex, text) == expected


def test_a_board_seat_with_a_post_told_as_background_stays(ex):
    text = ("OSLO, May 4 - Brattvold Marine said Jane Roe was elected to its board of directors. Roe was named "
            "chief financial officer last year.")
    assert changes(ex, text) == {("Jane Roe", "director", "appointed")}


def test_a_seat_on_a_board_committee_is_no_record(ex):
    text = ("LEEDS, 3 May 2024 - Tarrow Homes plc announces the appointment of Rhiannon Pryce-Jones as an "
            "independent Non-Executive Director. She will also become a member of the Audit Committee and the "
            "Remuneration Committee.")
    assert changes(ex, text) == {("Rhiannon Pryce-Jones", "independent Non-Executive Director", "appointed")}


def test_a_credential_after_a_name_is_no_employer(ex):
    text = ("TAMPA, June 3 - Palmetto Signs promoted Meghan Fairley to Director of Launch Services. Director of "
            "Launch Services Meghan Fairley, CFE, was promoted from her position as Director of Compliance.")
    (found,) = ex.extract(text, "t").appointments
    assert found.person.name == "Meghan Fairley" and found.past_employers == []


@pytest.mark.parametrize("text, expected", [
    ("LEEDS, 4 May 2024 - Rivermoor Housing said the board has asked finance director Moira Kettle to act as "
     "interim chief executive from 1 May until Mr Fairbairn arrives.",
     {("Moira Kettle", "interim chief executive", "interim")}),  # not Mr Fairbairn, who ends the interim
    ("LONDON, 4 May 2024 - Stellan Pay said non-executive chair Joanna Sewell had taken on the role of executive "
     "chair on an interim basis.", {("Joanna Sewell", "executive chair", "interim")}),
    ("LONDON, 4 May 2024 - Stellan Pay said Joanna Sewell will take on the role of chief operating officer.",
     {("Joanna Sewell", "chief operating officer", "appointed")}),
    ("LONDON, 4 May 2024 - Stellan Pay said its chairman Joanna Sewell took on new debt.", set()),
])
def test_acting_as_and_taking_on_a_role(ex, text, expected):
    assert changes(ex, text) == expected


def test_the_firm_that_dismisses_its_chief_is_the_organisation_whatever_the_ner_says(ex):
    # the NER takes "Stellaris" for a person and "BST" (a time zone) for an organisation
    text = ("Stellaris Payments dismisses CEO Aarav Malhotra after internal review\n\n"
            "By Grace Whitmore  |  18 September 2023, 14:32 BST  |  Updated 16:05 BST\n\n"
            "Stellaris Payments has dismissed its chief executive, Aarav Malhotra, with immediate effect, the "
            "payments firm said on Monday.\n\nStellaris, which processes card payments for 14,000 merchants, "
            "raised £60mn last year.")
    records = ex.extract(text, "t").appointments
    assert {(a.person.name, a.organisation.name, a.event) for a in records} == {
        ("Aarav Malhotra", "Stellaris Payments", "departed")}


def test_a_list_below_a_colon_ends_at_the_first_paragraph_that_is_no_item(ex):
    text = ("Ashby Lane announces two new partners\n\n"
            "LEEDS, 2 May 2024 – Accountants Ashby Lane LLP has promoted two senior managers to partner.\n\n"
            "The new partners are:\n\n"
            "Dr. Anna Kowalewska (Tax) – Anna advises family businesses on succession.\n\n"
            "Carl Dunmore (Audit) – Carl looks after the charities practice.\n\n"
            "Mark Brownlow, managing partner, said: \"We are delighted for them both.\"")
    assert {(a.person.name, a.role.title) for a in ex.extract(text, "t").appointments} == {
        ("Anna Kowalewska", "partner"), ("Carl Dunmore", "partner")}


def orgs(ex, text):
    return {(a.person.name, a.organisation and a.organisation.name, a.role.title, a.event)
            for a in ex.extract(text, "t").appointments}


def test_a_role_in_the_company_and_a_role_in_a_named_unit_are_two_records(ex):
    text = ("TULSA, Okla., May 4 - Brandt Instruments Inc said Helen Marsh was named chief financial officer "
            "of the company and president of Corvane Systems Inc, its largest unit.")
    assert orgs(ex, text) == {
        ("Helen Marsh", "Brandt Instruments Inc", "chief financial officer of the company", "appointed"),
        ("Helen Marsh", "Corvane Systems Inc", "president", "appointed")}


@pytest.mark.parametrize("text, title", [
    # "of finance" names no organisation: one role, in the firm named after it
    ("TULSA, Okla., May 4 - Brandt Instruments Inc said Helen Marsh was named vice president of finance and "
     "treasurer of Corvane Systems Inc.", "vice president of finance and treasurer"),
    # the board is the firm's own
    ("TULSA, Okla., May 4 - Brandt Instruments Inc said Helen Marsh was elected chairman of the board and "
     "chief executive officer of Corvane Systems Inc.", "chairman of the board and chief executive officer"),
])
def test_a_title_whose_first_part_names_no_other_firm_is_not_split(ex, text, title):
    assert {t for _, _, t, _ in orgs(ex, text)} == {title}


def test_a_text_that_ends_inside_a_split_title_gives_a_record_not_an_error(ex):
    text = "Brandt Instruments Inc said Helen Marsh was named director of the company and president of the"
    assert all(a.person.name == "Helen Marsh" for a in ex.extract(text, "t").appointments)


def test_the_new_affiliate_is_the_unit_named_an_affiliate_not_the_parent_of_a_subsidiary(ex):
    # "The Quarry Corp subsidiary" names the parent of the firm that speaks; "the new affiliate" is
    # the one named "affiliate" before
    text = ("DENVER, May 4 - Quarry Mining Co said it is merging its western mines into one affiliate, "
            "Quarry Western Minerals Inc, from July 1.\n\nThe Quarry Corp subsidiary said 200 jobs will move "
            "to Denver.\n\nThe company said Lyle Vance, now vice president of operations, has been appointed "
            "president of the new affiliate.")
    assert {(name, org) for name, org, _, _ in orgs(ex, text)} == {("Lyle Vance", "Quarry Western Minerals Inc")}


def test_a_court_the_ner_takes_for_a_place_is_the_organisation_of_the_post(ex):
    text = "Helen Ortiz will be named a judge of the United States Claims Court, according to officials."
    # the case this rule is for: the NER's label of the court's name
    assert ("the United States Claims Court", "GPE") in {(e.text, e.label_) for e in ex.nlp(text).ents}
    assert {org for _, org, title, _ in orgs(ex, text) if title == "judge"} == {"United States Claims Court"}


def test_a_title_after_by_is_who_appoints(ex):
    text = ("WASHINGTON, March 2 - Helen Ortiz, a senior lawyer at the Commerce Department, will be named by "
            "the President as a judge of the United States Tax Court, the White House said.")
    assert {title for _, _, title, _ in orgs(ex, text)} == {"judge"}


def test_a_clipped_name_stands_for_the_organisation_the_text_names_in_full(ex):
    # "Fed" is the Federal Reserve Board named before
    text = ("WASHINGTON, June 2 - Federal Reserve Board chairman Paul Volcker will step down, officials said.\n\n"
            "Analysts said newly nominated Fed chairman Alan Greenspan would calm markets.")
    assert ("Alan Greenspan", "Federal Reserve Board") in {(n, o) for n, o, _, _ in orgs(ex, text)}


@pytest.mark.parametrize("text, person, full", [
    ("LONDON, May 2 - NatWest named Tom Brekke chief executive. National Westminster Bank Plc said Brekke joins "
     "from Barclays.", "Tom Brekke", "National Westminster Bank Plc"),
    ("BOSTON, May 2, 2025 -- Meg Smith, CEO of Cure Alzheimer's Fund, welcomed the board's new members. "
     "CureAlz named Ann Lee treasurer.", "Ann Lee", "Cure Alzheimer's Fund"),
])
def test_a_name_blended_from_the_starts_of_the_full_names_words_stands_for_it(ex, text, person, full):
    assert (person, full) in {(n, o) for n, o, _, _ in orgs(ex, text)}


def test_a_clipped_name_two_full_names_could_stand_for_is_left_as_it_is():
    from extractor.assemble.entities.acronyms import _acronyms

    from extractor.nlp import load

    nlp = load()
    both = nlp("Federal Deposit Insurance Corp chairman William Seidman met Federal Reserve Board officials. "
               "The Fed said rates would hold.")
    one = nlp("Federal Reserve Board officials met. The Fed said rates would hold.")
    if not any(e.text == "Fed" and e.label_ == "ORG" for e in one.ents):
        pytest.skip("the NER does not label 'Fed' here")
    assert _acronyms(one)["fed"].text == "Federal Reserve Board"
    assert "fed" not in _acronyms(both)


@pytest.mark.parametrize("text", [
    "BOSTON, May 4 - Harrow Freight Inc said Jane Doe was appointed by the board as president.",
    "BOSTON, May 4 - Harrow Freight Inc said Jane Doe was elected by the company's board of directors as president.",
    "BOSTON, May 4 - Harrow Freight Inc said Jane Doe was named by the chairman as president.",
])
def test_who_appoints_between_the_verb_and_the_post_is_passed_over(ex, text):
    assert changes(ex, text) == {("Jane Doe", "president", "appointed")}


def test_the_post_someone_holds_now_is_not_the_one_he_took_as_a_replacement(ex):
    # "currently a managing partner" is his job; the post he filled is not named
    text = ("WASHINGTON, March 23 - Nicholas Brady, currently a managing partner with the investment bank "
            "Dillon Read, was an interim replacement for Sen. Harold Winters after Winters resigned in a scandal.")
    assert not {title for _, title, _ in changes(ex, text)} & {"managing partner"}


def test_a_short_name_stands_for_a_company_the_text_gives_a_ticker(ex):
    # the story is about an inquiry, not about Volkswagen; "VW" is its short name all the same
    text = ("BRUNSWICK, March 16 - Prosecutors have widened their inquiry into the loss reported by "
            "Volkswagen <VOWG.F>, the state prosecutor's office said.\n\n"
            "VW announced over the weekend that Rolf Kessel, financial member of the management board, had resigned.")
    assert {(n, o) for n, o, _, _ in orgs(ex, text)} == {("Rolf Kessel", "Volkswagen")}


def test_a_person_in_a_second_coordinated_clause_is_not_governed_by_the_first_verb(ex):
    text = ("GARDEN CITY, N.Y., June 18 - Harlan Group Inc said Ann Zale and Joe Brod have agreed to join "
            "the unit and have bought stock from Harlan Group president David Alt.")
    assert "David Alt" not in {name for name, _, _ in changes(ex, text)}


def test_a_departure_inside_a_background_clause_is_background(ex):
    text = ("WASHINGTON, April 1 - The White House will name Tom Grier communications director.\n\n"
            "Grier was brought into the White House by Senator Bakewell to help after Bakewell was named chief "
            "of staff following the resignation of Donald Reese in the wake of a scandal.")
    assert "Donald Reese" not in {name for name, _, _ in changes(ex, text)}


def test_a_departure_after_which_someone_is_named_is_news(ex):
    text = ("DALLAS, May 4 - Acme Tool Co said Ann Pike was named chairman following the "
            "resignation of Walter Harlow.")
    assert ("Walter Harlow", "chairman", "departed") in changes(ex, text)


def test_the_post_after_an_age_and_a_description_is_the_new_one(ex):
    text = ("CHARLOTTE, N.C., March 18 - Pine Ridge Savings Bank said its board named Ruth Ames, 58, a director "
            "since 1979, acting president.")
    assert changes(ex, text) == {("Ruth Ames", "acting president", "interim")}


def test_two_people_with_ages_keep_their_own_posts(ex):
    text = "CHARLOTTE, N.C., March 18 - Pine Ridge Savings Bank named Ruth Ames, 45, president, and Carl Dunn, 50, treasurer."
    assert {(n, t) for n, t, _ in changes(ex, text)} == {("Ruth Ames", "president"), ("Carl Dunn", "treasurer")}


def test_who_an_acting_holder_replaces_left_the_post_not_an_acting_one(ex):
    text = ("CHARLOTTE, N.C., March 18 - Pine Ridge Savings Bank said its board named Ruth Ames acting president. "
            "She replaces Walter Greer until a permanent successor is found.")
    assert ("Walter Greer", "president", "departed") in changes(ex, text)


def test_a_short_name_is_not_a_ticker_company_whose_ticker_lacks_its_letters(ex):
    from extractor.assemble import make_view

    doc = ex.nlp("BOSTON, May 4 - Acme Corp said Ann Lee, a vice president of Gillette Co <GS>, will join it. "
                 "She earlier spent ten years at GE and at Volkswagen <VOWG.F> in VW's finance staff.")
    short = make_view(doc).acronyms
    assert "ge" not in short or short["ge"].text != "Gillette Co"
    assert short["vw"].text == "Volkswagen"


def test_a_departure_in_a_clause_about_the_future_is_news(ex):
    text = ("DALLAS, May 4 - Acme Tool Co said Ann Pike will become chairman when the retirement of Walter Harlow "
            "takes effect in June.")
    assert "Walter Harlow" in {name for name, _, event in changes(ex, text) if event == "departed"}


def test_a_description_after_an_age_that_is_the_new_post_stays_the_new_post(ex):
    text = "CHARLOTTE, N.C., March 18 - Pine Ridge Savings Bank named Ruth Ames, 58, a director, and Carl Dunn, 50, treasurer."
    assert {(n, t) for n, t, _ in changes(ex, text)} == {("Ruth Ames", "director"), ("Carl Dunn", "treasurer")}


@pytest.mark.parametrize("text", [
    "BOSTON, May 4 - Harrow Freight Inc said Jane Doe was named president, overseeing all operations.",
    "BOSTON, May 4 - Harrow Freight Inc said Jane Doe was named president, a role that covers its trucking business.",
])
def test_words_after_a_comma_that_are_no_unit_name_are_not_part_of_the_title(ex, text):
    assert changes(ex, text) == {("Jane Doe", "president", "appointed")}


def test_a_name_the_ner_takes_for_a_place_is_a_person_when_it_replaces_someone(ex):
    # the NER labels "Beverly Ahn" a place ("Beverly" Hills); a given name and "will replace" tell
    for text in ("SAN JOSE, Calif., March 30 - Netwise Corp said Beverly Ahn will replace Tom Voss as chief "
                 "financial officer.",
                 "SAN JOSE, Calif., March 30 - Netwise Corp said Beverly Ahn, its controller, will replace Tom Voss "
                 "as acting chief financial officer."):
        assert "Beverly Ahn" in {name for name, _, event in changes(ex, text) if event != "departed"}
    assert changes(ex, "Los Angeles will replace Tom Voss as the host of the games.") == set()


def test_who_leaves_to_become_something_elsewhere_leaves_the_post_he_holds(ex):
    text = ("SAN JOSE, Calif., March 30 - Netwise Corp said Stan Voss, vice president and chief financial officer, "
            "will leave the company April 30 to become president of a privately held software company.")
    departed = {title for name, title, event in changes(ex, text) if event == "departed"}
    assert departed == {"vice president and chief financial officer"}


@pytest.mark.parametrize("text, title", [
    ("MUNICH, 12 March 2024 - The Supervisory Board of Alpenfels AG has appointed Dr. Lena Vogt as a member of "
     "the Board of Management responsible for risk (Chief Risk Officer) from 1 April 2024.", "Chief Risk Officer"),
    # an abbreviation in brackets names nothing new
    ("MUNICH, 12 March 2024 - Alpenfels AG has appointed Lena Vogt as chief product officer (CPO).",
     "chief product officer"),
])
def test_a_post_named_in_brackets_after_its_description_is_the_title(ex, text, title):
    assert {t for _, t, _ in changes(ex, text)} == {title}


def test_a_predecessor_who_moves_to_another_post_gets_that_post_too(ex):
    text = ("MADRID, 5 March 2024 – Grupo Tierra Alta S.A. has appointed Juan Pérez as Chief Executive Officer. "
            "He replaces Marta Ruiz, who has been Chief Executive Officer since 2015 and who will become "
            "Non-Executive Chair of the Board on the same date.")
    assert ("Marta Ruiz", "Non-Executive Chair of the Board", "promoted") in changes(ex, text) or \
        ("Marta Ruiz", "Non-Executive Chair of the Board", "appointed") in changes(ex, text)


def test_the_first_of_two_surnames_refers_to_the_person(ex):
    text = ("MADRID, 5 March 2024 – Grupo Tierra Alta S.A. has appointed José Luis Ibarra Muñoz as Chief "
            "Executive Officer. He replaces Marta Ruiz, who will become Non-Executive Chair of the Board.\n\n"
            "Ibarra, 54, is the former finance director of Cementos Norte. Before that, he held senior roles at "
            "Banco Meseta.")
    records = {a.person.name: a for a in ex.extract(text, "t").appointments if a.event != "departed"}
    assert "Banco Meseta" in {p.name for p in records["José Luis Ibarra Muñoz"].past_employers}
    assert "Banco Meseta" not in {p.name for p in records["Marta Ruiz"].past_employers}


def test_the_post_held_between_an_age_and_as_is_not_the_new_one(ex):
    text = ("GREENVILLE, S.C., March 31 - Coastal Looms Inc said its board elected Dana Kim, 50, executive vice "
            "president, as president and chief executive officer.")
    assert changes(ex, text) == {("Dana Kim", "president and chief executive officer", "promoted")} or \
        changes(ex, text) == {("Dana Kim", "president and chief executive officer", "appointed")}


def test_a_headline_noun_after_a_title_is_no_name(ex):
    text = ("BlueFjord Energy Announces CEO Succession Plan\n\nOSLO, 4 May 2024 – BlueFjord Energy ASA said its "
            "board has appointed Ingrid Dahl as Chief Executive Officer.")
    assert {name for name, _, _ in changes(ex, text)} == {"Ingrid Dahl"}


def test_head_of_the_board_is_one_title_whatever_the_ner_makes_of_the_board(ex):
    text = ("OSLO, 4 May 2024 – BlueFjord Energy ASA said Ingrid Dahl will succeed Per Lund as head of the Board "
            "on 1 June.")
    assert ("Ingrid Dahl", "head of the Board", "appointed") in changes(ex, text)


LIST_OPENING = ("Harlow Ridge Capital Announces New Leadership Appointments\n\nBOSTON, April 2, 2025 -- Harlow Ridge "
                "Capital, a private credit manager, today announced the following appointments to its senior "
                "leadership team:\n\n")


def records(ex, text):
    return {(a.person.name, a.role.title, (a.organisation.name if a.organisation else None), a.event)
            for a in ex.extract(text, "t").appointments}


@pytest.mark.parametrize("items", [
    "* Dana Whitcombe, Chief Operating Officer\n* Marcus Ilves – Head of Investor Relations\n"
    "* Priya Natarajan, Partner and General Counsel",
    # one paragraph an item, numbered, a degree between the name and the post
    "1. Dana Whitcombe, Chief Operating Officer\n\n2. Marcus Ilves – Head of Investor Relations\n\n"
    "3. Priya Natarajan, JD – Partner and General Counsel",
])
def test_a_list_below_an_opening_that_announces_moves_gives_each_item_its_post(ex, items):
    assert records(ex, LIST_OPENING + items) == {
        ("Dana Whitcombe", "Chief Operating Officer", "Harlow Ridge Capital", "appointed"),
        ("Marcus Ilves", "Head of Investor Relations", "Harlow Ridge Capital", "appointed"),
        ("Priya Natarajan", "Partner and General Counsel", "Harlow Ridge Capital", "appointed"),
    }


def test_a_list_opened_by_a_promotion_promotes_each_item_and_a_past_post_is_no_item_post(ex):
    text = ("CHICAGO, June 10, 2025 -- Kestrel Foods Inc. has promoted the following leaders to new roles:\n\n"
            "- Owen Park, Senior Vice President\n- Lena Fisk, Vice President, Quality\n"
            "- Tomas Reyes, former Controller at Avery Mills")
    assert records(ex, text) == {("Owen Park", "Senior Vice President", "Kestrel Foods Inc.", "promoted"),
                                 ("Lena Fisk", "Vice President", "Kestrel Foods Inc.", "promoted")}


@pytest.mark.parametrize("opening", [
    "Speakers at the Harlow Ridge credit summit include:",  # no move
    "The following executives will remain in their roles:",  # no change
    "Harlow Ridge may announce the following appointments:",  # speculation
    "Ana Ruiz and Ben Cole have joined the Harlow Ridge leadership team, which also includes:",  # the movers are named
    "Harlow Ridge today announced the appointment of its new advisory board:",  # members, their posts elsewhere
])
def test_a_list_of_people_and_posts_below_an_opening_without_a_move_is_no_move(ex, opening):
    text = ("BOSTON, April 2, 2025 -- Harlow Ridge Capital held its annual meeting.\n\n" + opening
            + "\n\n* Dana Whitcombe, Chief Operating Officer\n* Priya Natarajan, Partner and General Counsel")
    assert records(ex, text) == set()


@pytest.mark.parametrize("text", [
    "OSLO, May 9 - Nordvik Line named Erik Dahl to succeed Nils Lund, who retires as chief executive in June.",
    # the successor named in an aside, the news about something else
    "OSLO, May 9 - Shipping analysts said they were uneasy about Erik Dahl, named by the Nordvik Line board on "
    "Friday to succeed Nils Lund, who retires as chief executive after twelve years.",
])
def test_the_successor_takes_the_post_the_predecessors_own_clause_says_he_leaves(ex, text):
    assert changes(ex, text) == {("Erik Dahl", "chief executive", "appointed"),
                                 ("Nils Lund", "chief executive", "departed")}


@pytest.mark.parametrize("text", [
    "WELLINGTON, March 4 - Bankers praised outgoing Harbour Trust chairman Colin Fraser but were unsure about "
    "economist Margaret Ellery, nominated by the board to succeed him.",
    "WELLINGTON, March 4 - Harbour Trust chairman Colin Fraser will retire in June. The board nominated "
    "economist Margaret Ellery to succeed him.",
    # "him" is not the one who nominates
    "WELLINGTON, March 4 - Bankers praised outgoing Harbour Trust chairman Colin Fraser but were unsure about "
    "economist Margaret Ellery, nominated by Prime Minister Tom Kerr to succeed him.",
])
def test_succeeding_him_takes_the_post_of_the_one_named_before_the_successor(ex, text):
    assert {("Margaret Ellery", "chairman", "appointed"), ("Colin Fraser", "chairman", "departed")} <= changes(ex, text)


@pytest.mark.parametrize("text", [
    "WELLINGTON, March 4 - Bankers believe economist Margaret Ellery was a sound choice to replace retiring "
    "Harbour Trust Chairman Colin Fraser, a spokesman said.",
    "WELLINGTON, March 4 - The board nominated economist Margaret Ellery to succeed Harbour Trust chairman "
    "Colin Fraser.",
])
def test_the_post_named_before_the_predecessor_after_the_succession_verb_is_the_successors(ex, text):
    assert {("Margaret Ellery", "Harbour Trust", "chairman", "appointed"),
            ("Colin Fraser", "Harbour Trust", "chairman", "departed")} <= {
        (n, o, r.lower(), e) for n, o, r, e in orgs(ex, text)}


@pytest.mark.parametrize("text", [
    "WELLINGTON, March 4 - Colin Fraser said he would not seek a third term as chairman of Harbour Trust.",
    "WELLINGTON, March 4 - Colin Fraser will not stand for re-election as chairman of Harbour Trust, the bank said.",
    # "by" before the name is no agent here: the decision is his own
    "WELLINGTON, March 4 - The decision by Colin Fraser not to serve another term as chairman of Harbour Trust "
    "surprised the markets.",
])
def test_declining_another_term_in_a_post_is_leaving_it(ex, text):
    assert orgs(ex, text) == {("Colin Fraser", "Harbour Trust", "chairman", "departed")}


@pytest.mark.parametrize("text", [
    "HOUSTON, May 4 - Tom Brekke, Harbor Oil's retired president, said the ruling makes a settlement harder.",
    "SUVA, May 4 - Supporters of the country's ousted prime minister Timoci Vale renewed pressure for his return.",
])
def test_a_past_participle_describing_a_post_tells_no_move(ex, text):
    assert changes(ex, text) == set()


def test_a_post_left_soon_is_still_a_move(ex):
    text = "HOUSTON, May 4 - Harbor Oil said its retiring president, Tom Brekke, will leave the company in June."
    assert ("Tom Brekke", "president", "departed") in changes(ex, text)


def test_seeking_another_term_is_no_move(ex):
    text = "WELLINGTON, March 4 - Colin Fraser said he would seek a third term as chairman of Harbour Trust."
    assert orgs(ex, text) == set()


def test_an_organisation_named_after_the_post_of_a_list_item_holds_the_post(ex):
    text = (LIST_OPENING + "* Dana Whitcombe, Managing Director, Harlow Ridge Europe Ltd\n"
            "* Priya Natarajan, Partner and General Counsel")
    assert records(ex, text) == {
        ("Dana Whitcombe", "Managing Director", "Harlow Ridge Europe Ltd", "appointed"),
        ("Priya Natarajan", "Partner and General Counsel", "Harlow Ridge Capital", "appointed"),
    }


def test_chosen_as_his_successor_takes_the_post_he_leaves(ex):
    text = ("DENVER, May 9 - Front Range Savings said president Mark Heller will retire in June and that Laura "
            "Quinn had been chosen as his successor.")
    assert changes(ex, text) == {("Mark Heller", "president", "departed"), ("Laura Quinn", "president", "appointed")}


def test_a_successor_takes_the_predecessors_post_where_he_held_it_not_at_the_speakers_organisation(ex):
    text = ("LONDON, March 4 - Dockers Union leader Sam Ortiz said he was glad Colin Fraser is leaving as chairman "
            "of Harbour Trust but wary of Margaret Ellery's nomination to succeed him.")
    assert ("Margaret Ellery", "Harbour Trust", "chairman", "appointed") in orgs(ex, text)


def _span_of(text: str, part: str) -> Span:
    """The words ``part`` of a doc of the words of ``text`` (no model: no tags, no parse)."""
    import spacy
    from spacy.tokens import Doc

    words, parts = text.split(), part.split()
    start = next(i for i in range(len(words)) if words[i:i + len(parts)] == parts)
    return Doc(spacy.blank("en").vocab, words=words)[start:start + len(parts)]


def _org_entity(text: str, org: str) -> str | None:
    """What ``_clean_org`` makes of the entity ``org`` in ``text``."""
    from extractor.assemble.entities.organisations import _clean_org

    span = _span_of(text, org)
    span.doc.ents = [Span(span.doc, span.start, span.end, label="ORG")]
    cleaned = _clean_org(span.doc.ents[0])
    return cleaned.text if cleaned is not None else None


@pytest.mark.parametrize("text, entity, name", [
    ("She was a Fractional CFO before", "Fractional CFO", None),  # a post ends it
    ("Ms Lee was Special Counsel there", "Special Counsel", None),
    ("She joins as Director of Operations today", "Director of Operations", None),  # a head and "of" open it
    ("Mariner Names Ann Lee Head of Wealth", "Mariner Names", "Mariner"),  # a headline's verb ends the firm
    ("Ann Lee Joins Harbour Trust Bank", "Joins Harbour Trust Bank", "Harbour Trust Bank"),
    ("Senator Ann Lee Joins Harbour Trust Bank", "Senator Ann Lee Joins Harbour Trust Bank", "Harbour Trust Bank"),
    ("Harbour Trust Bank Welcomes Ann Lee", "Harbour Trust Bank Welcomes Ann", "Harbour Trust Bank"),
    ("Shares of Dean Witter Reynolds rose", "Dean Witter Reynolds", "Dean Witter Reynolds"),
    ("Dean Foods said on Monday", "Dean Foods", "Dean Foods"),  # a head first, no "of": a firm's name
    ("She joins Kestrel Capital Partners today", "Kestrel Capital Partners", "Kestrel Capital Partners"),
    ("He joins Chevo Consulting , LLC as partner", "LLC", "Chevo Consulting , LLC"),  # a suffix alone: the name before it
    ("He joins as chief , LLC said", "LLC", None),
    ("Shares of Toggle3D rose", "Toggle3D", "Toggle3D"),  # a name of no letters-only word is still a name
    # a firm's board or committee is the firm's, but a name that opens with the body's noun stays whole
    ("She chairs the Supervisory Board of Traton now", "Supervisory Board of Traton", "Traton"),
    ("He joins the Audit Committee of Helix Corp today", "Audit Committee of Helix Corp", "Helix Corp"),
    ("The Board of Governors of the Federal Reserve met", "Board of Governors of the Federal Reserve",
     "Board of Governors of the Federal Reserve"),
])
def test_an_organisation_entity_that_names_a_post_or_runs_into_a_headline_verb_is_cut_or_dropped(text, entity, name):
    assert _org_entity(text, entity) == name


@pytest.mark.parametrize("text, name, person", [
    ("She joins from Accenture Partner today", "Accenture Partner", False),  # a post ends it
    ("He led Reinforcement Materials Segment before", "Reinforcement Materials Segment", False),  # a unit
    ("The fund hired Market Analyst last year", "Market Analyst", False),
    ("The board named Dana Whitcombe chief", "Dana Whitcombe", True),
    ("The board named Dean Walker chief", "Dean Walker", True),  # a head that is a first name
])
def test_a_name_that_ends_in_a_post_or_a_unit_is_no_persons(text, name, person):
    from extractor.assemble.entities.people import _not_a_person

    assert _not_a_person(_span_of(text, name), set(), {}) is not person


def test_the_post_a_predecessor_leaves_for_is_not_the_one_his_successor_takes(ex):
    text = ("HAMILTON, Bermuda, May 9 - Calder Re named Ines Varga its chief underwriting officer, replacing Tom "
            "Blake, who is leaving to become chief executive of Heyford Mutual.")
    assert ("Ines Varga", "chief executive", "appointed") not in changes(ex, text)


def test_a_headline_where_someone_joins_names_the_firm_after_the_verb_and_special_is_a_titles_word(ex):
    text = ("# Former State Senator Carl Biggs Joins Ridgeway Partners as Special Advisor\n\nWASHINGTON, May 2, 2025 "
            "-- Ridgeway Partners said it is delighted to have Carl Biggs on board.")
    assert records(ex, text) == {("Carl Biggs", "Special Advisor", "Ridgeway Partners", "appointed")}


@pytest.mark.parametrize("text", [
    "BOSTON, May 2, 2025 -- Kestrel Capital named former chief financial officer Ann Cole its chief operating "
    "officer.",
    "BOSTON, May 2, 2025 -- Kestrel Capital named ex-CFO Ann Cole its chief operating officer.",
])
def test_a_post_called_former_makes_no_promotion(ex, text):
    assert changes(ex, text) == {("Ann Cole", "chief operating officer", "appointed")}


def _people_of(text: str, persons: list[str], title: str | None = None) -> list[str]:
    """The people ``People`` registers in a doc of the words of ``text`` whose PERSON entities are
    ``persons`` (the NER's cuts, given by hand) and whose one title is ``title``."""
    from extractor.assemble.entities.people import People

    doc = _span_of(text, text.split()[0]).doc
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in (_span_of(text, p) for p in persons)]
    for tok in doc:  # the model's tags for a headline's words
        tok.pos_ = "PROPN" if tok.text[:1].isupper() else "CCONJ" if tok.text == "and" else "VERB"
    title_at = {}
    if title is not None:
        t = _span_of(text, title)
        title_at = {i: Span(doc, t.start, t.end, label="TITLE") for i in range(t.start, t.end)}
    return [info.name for info in People(doc, title_at).by_key.values()]


@pytest.mark.parametrize("text, persons, title, names", [
    # the NER ran the name over the headline's verb and on into the post
    ("Larkspur Names Odile Brennan Chief Data Officer", ["Larkspur", "Odile Brennan Chief Data"],
     "Chief Data Officer", ["Odile Brennan"]),
    ("Larkspur Health Hires Odile Brennan", ["Health Hires Odile Brennan"], None, ["Odile Brennan"]),
    # after "Joins" or "Retires" the person is the subject
    ("Odile Brennan Joins Larkspur Health", ["Odile Brennan Joins Larkspur"], None, ["Odile Brennan"]),
    ("Odile Brennan Retires", ["Odile Brennan Retires"], None, ["Odile Brennan"]),
    # whoever a headline says names or succeeds someone
    ("Larkspur Promotes Odile Brennan", ["Larkspur", "Odile Brennan"], None, ["Odile Brennan"]),
    ("Odile Brennan Succeeds Hugh Tarrant", ["Odile Brennan", "Hugh Tarrant"], None, ["Odile Brennan", "Hugh Tarrant"]),
    ("Odile Brennan Announces Retirement", ["Odile Brennan Announces"], None, ["Odile Brennan"]),
    # a name that merely holds a title word keeps it when only one word is before it
    ("Odile Marshal spoke", ["Odile Marshal"], None, ["Odile Marshal"]),
    # words before a given name are the headline's; one word after the verb is no one's name
    ("Larkspur Welcomes Back Vanessa Brennan", ["Welcomes Back Vanessa Brennan"], None, ["Vanessa Brennan"]),
    ("Leader and Educator Jill Brennan Joins Larkspur", ["Educator Jill Brennan Joins"], None, ["Jill Brennan"]),
    ("Hugh Tarrant Welcomes Fans", ["Hugh Tarrant Welcomes Fans"], None, []),
    # the name someone joins "as" a post is the firm's
    ("Dana Lee has joined Ballast Lane Private Wealth as a wealth advisor", ["Dana Lee"], "wealth advisor",
     ["Dana Lee"]),
    # a first name the NER left out, but not before a name that opens with a given name
    ("Leader and Educator Jill Brennan spoke", ["Jill Brennan"], None, ["Jill Brennan"]),
])
def test_a_headline_name_run_over_the_verb_or_into_the_post_is_cut_to_the_person(text, persons, title, names):
    assert _people_of(text, persons, title) == names


@pytest.mark.parametrize("text, record", [
    ("# Larkspur Names Odile Brennan Chief Data Officer",
     ("Odile Brennan", "Chief Data Officer", "Larkspur", "appointed")),
    ("# Harwick Capital Partners Appoints Odile Brennan as Operating Partner",
     ("Odile Brennan", "Operating Partner", "Harwick Capital Partners", "appointed")),
    ("# Quill Welcomes Back Vanessa Norton as General Counsel",  # the NER ran the firm on into her name
     ("Vanessa Norton", "General Counsel", "Quill", "appointed")),
])
def test_a_title_case_headline_alone_gives_its_move(ex, text, record):
    assert record in records(ex, text)


@pytest.mark.parametrize("sentence, expected", [
    # "will serve as" a post: taken from now on
    ("Odile Brennan will serve as chief growth officer.", {("Odile Brennan", "chief growth officer", "appointed")}),
    ("Odile Brennan, who led sales at Harwick, will serve as the new board chair.",
     {("Odile Brennan", "board chair", "appointed")}),
    ("Odile Brennan will move from her role as head of sales to serve as chief growth officer.",
     {("Odile Brennan", "chief growth officer", "appointed")}),
    # kept, or held for a while: no move
    ("Odile Brennan will continue to serve as chairman.", set()),
    ("Odile Brennan will serve as chairman until the annual meeting in June.", set()),
    ("Odile Brennan founded the firm in 1990 and went on to serve as its chairman.", set()),
    ("Odile Brennan was elected to serve as chairman.", {("Odile Brennan", "chairman", "appointed")}),
    # taking a post named after "role of"
    ("Odile Brennan is taking the newly created role of chief revenue officer.",
     {("Odile Brennan", "chief revenue officer", "appointed")}),
])
def test_a_post_one_will_serve_as_or_takes_the_role_of_is_a_move(ex, sentence, expected):
    text = "LONDON, May 2, 2025 -- Larkspur Foods announced changes to its leadership team on Monday. " + sentence
    assert changes(ex, text) == expected


@pytest.mark.parametrize("sentence, org", [
    # a function of the firm, named only in the post
    ("Larkspur Foods has named Ann Lee Vice President of Franchise Sales.", "Larkspur Foods"),
    ("Larkspur Foods has appointed Ann Lee as Head of Origination.", "Larkspur Foods"),
    # named twice, both times in the post (the headline's and the body's)
    ("Larkspur Foods Names Ann Lee SVP of Franchise Sales. Larkspur Foods has named Ann Lee senior vice president "
     "of Franchise Sales.", "Larkspur Foods"),
    # named again after the post and a comma: "Chief Architect, Strategic Financing at ..."
    ("Larkspur Foods has named Ann Lee Vice President of Franchise Sales. \"I am glad to join,\" said Ann Lee, Vice "
     "President, Franchise Sales at Larkspur Foods.", "Larkspur Foods"),
    # an organisation: with a firm's word, or named again
    ("Larkspur Foods said Ann Lee was named president of Orchard Bakeries Inc.", "Orchard Bakeries Inc."),
    ("Larkspur Foods said Ann Lee was named president of Orchard Bakeries. Orchard Bakeries makes bread.",
     "Orchard Bakeries"),
])
def test_a_name_after_a_posts_of_is_a_function_when_it_is_no_firms_and_named_only_there(rules_only, sentence, org):
    (rec,) = rules_only.extract("DENVER, May 2, 2025 -- " + sentence, "t").appointments
    assert rec.organisation.name == org


@pytest.fixture(scope="module")
def rules_only(ex):
    """The hand rules' records, without the trained decision's say on the organisation."""
    from extractor.options import Options

    return Extractor(Options(decision="rules"), nlp=ex.nlp)


@pytest.mark.parametrize("text, firm, wire", [
    ("DETROIT , July 9 , 2025 ( NEWMEDIAWIRE ) - Orbis Tools said", "NEWMEDIAWIRE", True),
    ("COLUMBUS , Ohio , June 3 , 2025 / PRNewswire / -- Quorvex said", "PRNewswire", True),
    ("NEW YORK – ( BUSINESS WIRE ) – Halvorsen said", "BUSINESS WIRE", True),
    ("Orbis Tools ( OTCQB ) said on Monday", "OTCQB", False),  # brackets, but no dash after
    ("Orbis Tools said on Monday", "Orbis Tools", False),
])
def test_the_wire_service_of_a_releases_dateline_is_no_organisation_of_the_text(text, firm, wire):
    from extractor.assemble.entities.main_org import _distributor

    assert _distributor(_span_of(text, firm)) is wire


@pytest.mark.parametrize("text, persons, firm, is_person", [
    # the NER's person is the headline's firm: one word, no given name; or only part of the name;
    # or the verb after it gives a post; or the one before it joins it
    ("Vertiv Names a CIO", ["Vertiv"], "Vertiv", False),
    ("Kiolbassa Smoked Meats Announces Changes", ["Kiolbassa Smoked"], "Kiolbassa Smoked Meats", False),
    ("Dana Lee Joins Halvorsen 's Bench . Paul Halvorsen founded it", ["Dana Lee", "Paul Halvorsen"], "Halvorsen", False),
    ("Paul Halvorsen Names a CIO", ["Paul Halvorsen"], "Paul Halvorsen", False),
    # a person
    ("Paul Halvorsen Announces Retirement", ["Paul Halvorsen"], "Paul Halvorsen", True),
])
def test_a_headlines_firm_the_ner_took_for_a_person_is_the_firm(text, persons, firm, is_person):
    from extractor.assemble.entities.people import People

    doc = _span_of(text, text.split()[0]).doc
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in (_span_of(text, p) for p in persons)]
    span = _span_of(text, firm)
    assert People(doc).taken_for_a_firm(doc[span.start:span.end]) is is_person


def test_a_headlines_firm_the_body_names_as_an_organisation_is_the_main_one_though_the_ner_saw_a_person(ex):
    # a firm named like a person ("Halden Pryce"): a person in the headline, an organisation in the body
    from extractor.assemble.entities.main_org import _main_org
    from extractor.assemble.entities.people import People
    from extractor.assemble.text import sentences

    text = ("# Halden Pryce Announces Leadership Transition\n\nHalden Pryce, the law firm, said Ann Lee will retire. "
            "ERP users, ERP clients and ERP partners stay with Halden Pryce.")
    doc = ex.nlp(text)
    starts = [i for i, t in enumerate(doc) if t.text in ("Halden", "Ann", "ERP")]
    doc.ents = [Span(doc, i, i + (1 if doc[i].text == "ERP" else 2),
                     label="PERSON" if i == starts[0] or doc[i].text == "Ann" else "ORG") for i in starts]
    assert _main_org(doc, sentences(doc), People(doc)).text == "Halden Pryce"


@pytest.mark.parametrize("text, org", [
    ("Helix Labs Corp. ( TSX : \u201c HLX \u201d , OTC PINK : \u201c HLXF \u201d , FRANKFURT : \u201c HLX0 \u201d ) said",
     "HLX0"),
    ("Helix Labs Corp. ( TSX : \u201c HLX \u201d ) said", "HLX"),
    ("KAP Tools AG ( WKN 620840 ; ISIN DE0006208408 ) said", "WKN"),
    ("KAP Tools AG ( WKN 620840 ; ISIN DE0006208408 ) said", "ISIN DE0006208408"),
])
def test_tickers_and_security_numbers_are_no_organisations(text, org):
    assert _org_entity(text, org) is None


@pytest.mark.parametrize("text, org, cleaned", [
    ("he joins zenGate Global \u2019s Advisory Board", "Global \u2019s Advisory Board", "zenGate Global"),
    ("a director of Orbis Tools 's Management Board", "Orbis Tools 's Management Board", "Orbis Tools"),
    ("she worked for the Former UN agency", "Former UN", "UN"),
])
def test_an_organisation_is_cleaned_of_its_body_a_former_and_keeps_a_brand_in_camel_case(text, org, cleaned):
    assert _org_entity(text, org) == cleaned


@pytest.mark.parametrize("headline, org", [
    ("# Former Cisco Systems COO Maria Vance Appointed to Orbis Tools Advisory Board",
     "Orbis Tools Inc"),
])
def test_a_headlines_former_employer_is_not_the_firm_it_is_about(rules_only, headline, org):
    text = (headline + "\n\nOrbis Tools Inc today announced the appointment of Maria Vance to its advisory board. "
            "Vance was chief operating officer at Cisco Systems, and Cisco Systems later made her head of Cisco Systems "
            "services.")
    from extractor.assemble.view import make_view

    assert make_view(rules_only.nlp(text)).main_org.text == org


@pytest.mark.parametrize("text, person", [
    ("# Orbis Tools Welcomes Veteran Juan M. Sese as Vice President of Finance\n\n"
     "Orbis Tools Inc is pleased to welcome Juan M. Sese as Vice President of Finance.", "Juan M. Sese"),
    ("# Fitzroy Minerals Welcomes Resources Expert and Shareholder Craig Parry as Technical Advisor\n\n"
     "Fitzroy Minerals Inc. is pleased to announce the appointment of Mr. Craig Parry as Technical Advisor.",
     "Craig Parry"),
    # (but the name the body writes in full stays whole)
    ("# Orbis Tools Appoints Industry Leader Carla Lyden Wirth as Chief Executive Officer\n\n"
     "Orbis Tools Inc announced the appointment of Carla Lyden Wirth as its new Chief Executive Officer. "
     "Ms. Lyden Wirth brings four decades of experience.", "Carla Lyden Wirth"),
])
def test_a_headlines_description_run_into_a_name_gives_way_to_the_bodys_name(rules_only, text, person):
    assert {a.person.name for a in rules_only.extract(text, "t").appointments} == {person}


def test_a_name_does_not_end_in_the_small_word_after_it(rules_only):
    text = ("O2 Investment Partners is excited to announce the promotions of Jimmy Frye to Partner, Charles "
            "Miller to Principal, and Travis Aho to Vice President.")
    assert {a.person.name for a in rules_only.extract(text, "t").appointments} == {
        "Jimmy Frye", "Charles Miller", "Travis Aho"}


@pytest.mark.parametrize("text, name, person", [
    ("Brougher Appointed CEO of Velocity Global", "Velocity Global", False),
    ("She was named president at Harlan Books", "Harlan Books", False),
    ("the appointment of Velma Ross as president", "Velma Ross", True),
])
def test_a_name_after_a_posts_of_is_its_firm_not_a_person(text, name, person):
    from extractor.assemble.entities.people import _not_a_person

    assert _not_a_person(_span_of(text, name), set(), {}) is not person


def test_the_people_a_firms_name_holds_are_forgotten_once_it_is_the_main_organisation():
    from extractor.assemble.entities.people import People

    text = "Vertiv said Michael Kiolbassa and Stanley Morgan joined Kiolbassa Smoked Meats"
    doc = _span_of(text, "Vertiv").doc
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in (
        _span_of(text, p) for p in ("Vertiv", "Michael Kiolbassa", "Stanley Morgan", "Kiolbassa Smoked"))]
    people = People(doc)
    people.forget_firm("Vertiv")
    people.forget_firm("Kiolbassa Smoked Meats")
    people.forget_firm("Morgan Stanley Group Inc")  # (his name's words, not in its order)
    assert sorted(people.by_key) == ["michael kiolbassa", "stanley morgan"]
    assert people.at(0) is None


@pytest.mark.parametrize("text, org", [
    # the headline's run of capitals holds more than the firm: the body's subject is the firm
    ("# Orbis Tools In Growth Mode: Company Gets Added To Index, Names New Chief Financial Officer\n\n"
     "DETROIT, July 9, 2025 (NEWMEDIAWIRE) - Orbis Tools Inc., a maker of cutting tools, said it has named Dana "
     "Whitcombe chief financial officer.", "Orbis Tools Inc."),
    # a firm named after its founder, which the headline says someone joins
    ("# Dana Whitcombe Joins Halvorsen's Leadership Bench as Partner\n\nNEW YORK, July 9, 2025 -- Halvorsen is "
     "excited to announce that Dana Whitcombe has joined as a partner. Paul Halvorsen founded the search firm in 1999.",
     "Halvorsen"),
])
def test_the_main_organisation_is_the_firm_the_release_is_about(rules_only, text, org):
    (rec,) = rules_only.extract(text, "t").appointments
    assert rec.organisation.name == org


@pytest.mark.parametrize("first, firm", [("Zentrix", True), ("Robert", False)])  # (a given name: a person)
def test_a_one_word_person_described_as_releases_describe_their_firm_is_the_firm(first, firm):
    import spacy
    from spacy.tokens import Doc

    from extractor.assemble.entities.main_org import _described_as_a_firm

    words = [first, ",", "a", "leading", "maker", "of", "tools", ",", "announced", "it"]
    heads = [8, 0, 4, 4, 0, 4, 5, 0, 8, 8]
    deps = ["nsubj", "punct", "det", "amod", "appos", "prep", "pobj", "punct", "ROOT", "dobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=["B-PERSON"] + ["O"] * 9)
    assert _described_as_a_firm(doc[0]) is firm


@pytest.mark.parametrize("text, org", [
    # title case capitalises "As": the firm someone joins ends before it
    ("# Ryan Hale Joins Benchmark Strategies As Senior Director Of Public Affairs\n\nBOSTON, May 2, 2025 -- Benchmark "
     "Strategies, a public affairs firm, said Ryan Hale has joined as senior director of public affairs.",
     "Benchmark Strategies"),
    # a credential before a headline's verb is no firm
    ("# Thomas Reyes, MD, MBA Named Executive Vice President\n\nALBANY, May 2, 2025 -- The Hudson Medical Society "
     "said it has named Thomas Reyes executive vice president.", "Hudson Medical Society"),
])
def test_the_headlines_firm_stops_at_a_capitalised_preposition_and_is_no_credential(rules_only, text, org):
    recs = rules_only.extract(text, "t").appointments
    assert recs and {r.organisation.name for r in recs} == {org}


@pytest.mark.parametrize("sentence, expected", [
    ("announced the promotions of Dana Whitcombe to partner and Odile Brennan to vice president.",
     {("Dana Whitcombe", "partner", "promoted"), ("Odile Brennan", "vice president", "promoted")}),
    ("is pleased to announce the promotions of Dana Whitcombe to Partner, Tomas Berg to Principal, and Odile "
     "Brennan to Vice President.", {("Dana Whitcombe", "Partner", "promoted"), ("Tomas Berg", "Principal", "promoted"),
                                    ("Odile Brennan", "Vice President", "promoted")}),
    # a name after the pairs that is given no post of its own is not reached
    ("announced the promotion of Dana Whitcombe to partner, and Odile Brennan, its president, said the firm was "
     "growing.", {("Dana Whitcombe", "partner", "promoted")}),
])
def test_a_change_noun_reaches_each_name_of_its_pairs_of_name_and_post(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- Harwick Capital Partners " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the parser hangs the second pair on "said", past the verb that gives both posts
    ("said it appointed president and chief executive Dana Whitcombe as chairman and chief executive, and "
     "Odile Brennan as president.", {("Dana Whitcombe", "chairman and chief executive"), ("Odile Brennan", "president")}),
    ("said it promoted Dana Whitcombe to senior vice president, and Odile Brennan to controller.",
     {("Dana Whitcombe", "senior vice president"), ("Odile Brennan", "controller")}),
    # a name the recogniser took for a place ("Bo Park") is still a name before "as" and a post
    ("said it appointed Dana Whitcombe as chairman, and Bo Park as president.",
     {("Dana Whitcombe", "chairman"), ("Bo Park", "president")}),
    # a name after the pair that a verb of its own stands between is not reached
    ("said it appointed Dana Whitcombe as chairman, and Odile Brennan praised the choice as president of the union.",
     {("Dana Whitcombe", "chairman")}),
])
def test_a_verb_reaches_each_name_of_its_pairs_of_name_and_post(ex, sentence, expected):
    recs = ex.extract("NEW YORK, March 3 - Harwick Industries Inc " + sentence, "t").appointments
    assert {(a.person.name, a.role.title) for a in recs} == expected


@pytest.mark.parametrize("text, record", [
    # an honour after the name is no part of it, and the post after "as" is still reached
    ("BOSTON, May 2, 2025 -- Harwick appointed Dana Whitcombe MBE as executive vice president.",
     ("Dana Whitcombe", "executive vice president", "Harwick", "appointed")),
    ("# Harwick Appoints Dr Dana Whitcombe MBE as Executive Vice President of Strategy",
     ("Dana Whitcombe", "Executive Vice President of Strategy", "Harwick", "appointed")),
])
def test_an_honour_or_degree_right_after_a_name_is_skipped(ex, text, record):
    assert records(ex, text) == {record}


@pytest.mark.parametrize("sentence, expected", [
    ("Harwick is announcing Dana Whitcombe as its head of innovation.",
     {("Dana Whitcombe", "head of innovation", "appointed")}),
    ("Harwick is welcoming Dana Whitcombe as its new chief operating officer.",
     {("Dana Whitcombe", "chief operating officer", "appointed")}),
    ("Harwick is announcing record sales, its chief executive Dana Whitcombe said.", set()),  # no object
])
def test_announcing_and_welcoming_someone_as_a_post_is_a_move(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Tamsin Foods has added Rory Kell to its team as chief financial officer.",
     {("Rory Kell", "chief financial officer", "appointed")}),
    ("Tamsin Foods welcomed Rory Kell to the Tamsin family as its new head of bakery operations.",
     {("Rory Kell", "head of bakery operations", "appointed")}),
    ("Tamsin Foods announced the addition of Rory Kell to its growing team as the company's new controller.",
     {("Rory Kell", "controller", "appointed")}),
    # the group without a post after its "as" gives no move
    ("Tamsin Foods is glad to welcome Rory Kell to the team as it opens new bakeries.", set()),
])
def test_a_post_after_the_group_a_newcomer_is_added_to_is_the_move(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "added" after the quotation it closes names who speaks, with the post held
    ("“We are excited to be a part of this group,” added Dana Lee, president of Harwick Capital.", set()),
    ('"The merger makes us stronger," adds Dana Lee, chief executive of Harwick.', set()),
    # "added" with its object is still a hire
    ("Harwick Capital has added Dana Lee as president.", {("Dana Lee", "president", "appointed")}),
])
def test_added_after_a_quotation_introduces_its_speaker_not_a_hire(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a post's field the NER took for a name is no person
    ("Dana Whitcombe has joined Harwick Bio as chief commercial officer after serving as Senior Vice President, "
     "Global Cell Therapy Commercial Development at Orrin Biotech.",
     {("Dana Whitcombe", "chief commercial officer", "appointed")}),
    # a surname that is a region's word is still a name
    ("Harwick Bio named Kieran West chief commercial officer.",
     {("Kieran West", "chief commercial officer", "appointed")}),
])
def test_a_name_that_ends_in_a_departments_word_is_no_person(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the person a join verb takes as its object is who is joined, not who joins
    ("Dana Whitcombe joins existing board member Ravi Patel, the founder of Harwick, to support its strategy.", set()),
    ("In the new episode, Dana Whitcombe, President of Orrin, joins Ravi Patel, President of Harwick Jewelers, "
     "to discuss luxury.", set()),
    ("The addition of Dana in joining Ravi and Kingsley on the board sends a clear message.", set()),
    # the joiner still moves
    ("Dana Whitcombe joins Harwick as chief operating officer.", {("Dana Whitcombe", "chief operating officer", "appointed")}),
])
def test_the_person_a_join_verb_takes_as_its_object_does_not_move(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a move word inside a quotation gives no post to its speaker after it
    ("“She has been a tireless advocate and we are pleased to promote her to this role,” said Dana Whitcombe, "
     "President and CEO of Harwick.", set()),
    # the person named inside the quotation still moves
    ("“We named Ravi Patel chief operating officer,” said Dana Whitcombe, chairman.",
     {("Ravi Patel", "chief operating officer", "appointed")}),
])
def test_a_move_word_inside_a_quotation_gives_no_post_to_its_speaker(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a thing named after a person is no move of theirs
    ("The prize, named after Harwick co-founder Dana Whitcombe, honours young engineers.", set()),
    ("The report, named for its principal author, former Harwick Bank governor Ravi Patel, calls for reform.", set()),
    ("Harwick named Ravi Patel chief operating officer.", {("Ravi Patel", "chief operating officer", "appointed")}),
])
def test_a_thing_named_after_a_person_is_no_move(ex, sentence, expected):
    assert changes(ex, "BOSTON, May 2, 2025 -- " + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a move on a condition, vowed, threatened or likely has not been made
    ("Party chairman Dana Whitcombe vowed to resign if the reforms were rejected.", set()),
    ("Prime Minister Ravi Patel is likely to leave office this summer, analysts said.", set()),
    ("Harwick chairman Dana Whitcombe threatened to resign over the merger.", set()),
    ("Harwick said Ravi Patel resigned as chairman.", {("Ravi Patel", "chairman", "departed")}),
])
def test_a_move_on_a_condition_or_a_likelihood_is_speculation(ex, sentence, expected):
    assert changes(ex, "TOKYO, June 2 - " + sentence) == expected


def test_a_headlines_capitalised_preposition_starts_no_name(rules_only):
    text = "# Harwick Technology Appoints Dana Whitcombe as CFO Amid Rapid Maritime Industry Growth and Innovation"
    assert records(rules_only, text) == {("Dana Whitcombe", "CFO", "Harwick Technology", "appointed")}


def test_a_posts_opening_words_after_appointed_are_no_name(ex):
    found = changes(ex, "BOSTON, May 2, 2025 -- The gala will be joined by Dana Whitcombe, its newly appointed "
                        "Global Artistic Director, as part of this celebration.")
    assert not any(person.startswith("Global") for person, _, _ in found)


def test_a_name_given_with_its_exchange_and_ticker_is_the_firm(rules_only):
    # the NER may take a listed firm for a person; its ticker says it is a company
    text = ("# Harwick Lithium (NASDAQ: HWLX) Announces Appointment Of Seasoned Lithium Expert Dana Whitcombe As "
            "Chief Operating Officer\n\nBy Ravi Patel, Benzinga\n\nHarwick Lithium (NASDAQ: HWLX) is a little-known "
            "miner. Whitcombe spent ten years at Orrin Lithium Corporation, which she left in 2024.")
    found = records(rules_only, text)
    assert ("Dana Whitcombe", "Chief Operating Officer", "Harwick Lithium", "appointed") in found
    assert not any(person == "Harwick Lithium" for person, *_ in found)


def test_a_headline_firms_legal_suffix_with_its_full_stop_does_not_end_the_headline(rules_only):
    text = ("# Harwick Products, Inc. Appoints Dana Whitcombe as Chief Financial Officer\n\n"
            "LAS VEGAS, NV - July 1, 2025 (NEWMEDIAWIRE) - Harwick Products, Inc. (OTCQB: HWPC), a developer of "
            "materials, is pleased to announce the appointment of Dana Whitcombe, CPA, as its new Chief Financial "
            "Officer. Whitcombe earned a degree at Indiana University and worked at Indiana University Health.")
    assert ("Dana Whitcombe", "Chief Financial Officer", "Harwick Products, Inc.", "appointed") in records(rules_only, text)


@pytest.mark.parametrize("text, record", [
    # a credential with full stops is no firm
    ("# Dana Whitcombe, M.D. named HHN Chief Medical Officer\n\nThe Harwick Health Network (HHN) announced "
     "today that it selected Dana Whitcombe, M.D., as its chief medical officer.",
     ("Dana Whitcombe", "chief medical officer", "Harwick Health Network", "appointed")),
    # the bracket that closes a ticker ends no headline
    ("# D-Harwick Quantum (NYSE: HWQ) Names Dana Whitcombe Chief Operating Officer\n\nThe company said Dana "
     "Whitcombe will start in May.",
     ("Dana Whitcombe", "Chief Operating Officer", "D-Harwick Quantum", "appointed")),
])
def test_a_headlines_firm_is_no_credential_and_keeps_its_ticker(rules_only, text, record):
    assert record in records(rules_only, text)


@pytest.mark.parametrize("word", ["MD", "M.D.", "Ph.D.", "CPA", "Esq."])
def test_credentials_are_known_with_or_without_full_stops(word):
    from extractor.assemble.words import is_credential
    assert is_credential(word)


def test_a_tie_between_organisations_goes_to_the_name_the_text_writes_most(ex):
    from spacy.tokens import Doc

    from extractor.assemble.entities.main_org import _main_org
    from extractor.assemble.entities.people import People
    from extractor.assemble.text import sentences

    words = "Orrin Bank lent money . Harwick Labs hired Ann Lee . Harwick Labs grows .".split()
    # the NER labels each firm once: the second "Harwick Labs" went unlabelled
    doc = Doc(ex.nlp.vocab, words=words, sent_starts=[True] + [False] * 4 + [True] + [False] * 5 + [True] + [False] * 3,
              ents=["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"])
    main = _main_org(doc, sentences(doc), People(doc))
    assert main is not None and main.text == "Harwick Labs"


def test_a_posts_function_named_before_its_firm_is_no_past_employer(ex):
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief financial officer. Prior to that, Whitcombe "
            "was a Director of Valuations and Transaction Support at Orrin Text, where she served for ten years.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Orrin Text"]


@pytest.mark.parametrize("career, expected", [
    ("was Senior Adviser for Member Communications with the Halvard Pension Trust", ["Halvard Pension Trust"]),
    ("was Head of Cell and Tissue Research (CTR) at Orrin Biologics for six years", ["Orrin Biologics"]),
    # (the firm after "in" is not taken either: "in" is no employer cue)
    ("served as Vice President for Member Affairs and Client Services in the Kestrel Health System", []),
    ("was president of Orrin Tool Corp in Boston", ["Orrin Tool Corp"]),  # a place after "in": the firm's
    ("was president of Orrin Tool Corp in January 2019", ["Orrin Tool Corp"]),
    # a post after the firm starts no function: "CEO for X, GM for Y"
    ("was CEO for Orrin Markets, GM for Tamsin Securities and COO at Kell Capital",
     ["Orrin Markets", "Tamsin Securities", "Kell Capital"]),
])
def test_a_posts_function_named_before_the_firm_it_is_held_with_is_no_past_employer(ex, career, expected):
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief operating officer. Before that, Whitcombe "
            f"{career}.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == expected


def test_posts_held_now_alongside_the_new_one_are_no_past_employers(ex):
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief financial officer. Whitcombe sits on "
            "the boards of Orrin Financial Inc. and the Tamsin Arts Foundation. She was previously treasurer of Kell "
            "Mining Corp.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Kell Mining Corp."]


def test_a_list_of_clients_names_no_past_employers(ex):
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief financial officer. Before joining Harwick, "
            "Whitcombe was a senior director at Orrin Consulting, working with clients like Tamsin Foods, Kell Mining "
            "and Vell Corp.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Orrin Consulting"]


def test_a_sentence_of_the_persons_story_that_names_no_one_gives_past_employers(ex):
    # no name and no subject pronoun: "her" tells whose story it is
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief financial officer. Earlier roles at Orrin "
            "Bank and Tamsin Foods have prepared her well.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Orrin Bank", "Tamsin Foods"]


_GROUP_LEAD = ("SALEM, Ore., March 3, 2025 -- Willamette River Trust, a nonprofit that funds river restoration, "
               "today announced that four scientists have joined its Science Advisory Council.\n\n"
               "\"Their counsel will shape our grants for years,\" said Nadia Obuya, executive director of the "
               "trust.\n\n")
_GROUP_BIOS = ("Maya Lindqvist is a professor of hydrology at Cascade State University.\n\n"
               "Dr. Omar Petrakis, Ph.D., is director of the fisheries laboratory at Harrow Institute.\n\n"
               "Helen Ruiz is a senior ecologist at the Columbia Basin Survey.\n\n"
               "Tomas Berg is chief scientist at Calder Water Labs.\n\n")


@pytest.mark.parametrize(
    "text, people, post",
    [
        pytest.param(  # the names in apposition to the counted group, after a colon
            "PORTLAND, Maine, April 7, 2025 -- Harbor Lantern Foundation today announced the appointment of three "
            "seasoned leaders to its advisory board: Priya Raman, Dr. Luis Ortega and Grace Whitfield.",
            {"Priya Raman", "Luis Ortega", "Grace Whitfield"}, "advisory board", id="colon"),
        pytest.param(  # the names opening the paragraphs below the lead, one each; who speaks is none
            _GROUP_LEAD + _GROUP_BIOS, {"Maya Lindqvist", "Omar Petrakis", "Helen Ruiz", "Tomas Berg"},
            "Science Advisory Council", id="paragraphs"),
        pytest.param(  # the group's noun is the post
            "TULSA, Okla., June 2, 2025 -- Redbud Capital Partners has named two new managing directors: "
            "Aaron Feld and Lena Morrow.", {"Aaron Feld", "Lena Morrow"}, "managing director", id="noun-is-post"),
        pytest.param(  # a group listed without a number, the items run into one line
            "CLEVELAND, Ohio, Nov. 12, 2024 -- The Lakeshore Community Fund today announced its first Grants "
            "Committee. The following individuals, who bring long careers in community lending, have been named to "
            "the committee:  • Marta Quell, president, Erie Savings Bank • Jonah Pike, CEO, Lakeshore Credit Union "
            "• Rosa Lindqvist, chairman emeritus, Harbor Trust Co", {"Marta Quell", "Jonah Pike", "Rosa Lindqvist"}, "committee",
            id="following-inline-items"),
        pytest.param(  # ... and the items below a colon after the body that "includes the following"
            "TORONTO, Nov. 13, 2024 -- Talentfield announces its new Mentoring Advisory Board.\n\n"
            "The newly appointed Talentfield 2025 Advisory Board includes the following industry leaders:\n\n"
            "* Dana Whitcombe, Chief Talent Officer, Orrin Health\n* Kiran Batra, Vice President, People, Calder Bank\n"
            "* Lena Morrow, HR Leader, Redbud Foods\n\nTalentfield runs research for HR teams.",
            {"Dana Whitcombe", "Kiran Batra", "Lena Morrow"}, "Advisory Board", id="includes-the-following"),
    ],
)
def test_a_counted_group_gives_each_member_the_groups_post(ex, text, people, post):
    found = {(name, role.lower(), event) for name, role, event in changes(ex, text)}
    assert {(name, post.lower(), "appointed") for name in people} <= found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_GROUP_LEAD + _GROUP_BIOS.split("Tomas Berg")[0], id="fewer-named-than-counted"),
        pytest.param(  # "executives" names no post: each is given one of their own later
            "NASHVILLE, Tenn., May 5, 2025 -- Greyfield Hospitality Group has added two seasoned executives to "
            "support its growth.\n\nNora Quist is a hospitality veteran from Denver.\n\n"
            "Evan Pryce spent ten years in hotel finance.", id="no-post"),
    ],
)
def test_a_counted_group_gives_no_post_when_the_count_or_the_post_is_missing(ex, text):
    assert not any(role.lower() in ("science advisory council", "executive") or role == "Greyfield Hospitality Group"
                   for _, role, _ in changes(ex, text))


@pytest.mark.parametrize(
    "text, change",
    [
        pytest.param(  # the NER takes the name for a firm; "the promotion of X to <post>" makes it a person
            "AUSTIN, Texas, July 1, 2025 -- Harlow Tax Partners, a payroll tax firm, has announced the promotion "
            "of Kristie Vale to Director, effective June 30, 2025.", ("Kristie Vale", "Director", "promoted"),
            id="promotion-of-to"),
        pytest.param(  # ... and who "has joined the firm as" a post is a person
            "BOSTON, May 5, 2025 -- Ballast Lane Private Wealth (“BLPW”), the independently run registered "
            "investment advisor, today announced that Troy Hadley has joined the firm as a Wealth Advisor, with a "
            "focus on serving families.", ("Troy Hadley", "Wealth Advisor", "appointed"), id="joined-as"),
    ],
)
def test_a_name_is_a_person_where_it_takes_a_post(ex, text, change):
    assert change in changes(ex, text)


def test_the_posts_listed_members_hold_elsewhere_are_not_their_new_posts(ex):
    text = ("CLEVELAND, Ohio, Nov. 12, 2024 -- The Lakeshore Community Fund today announced its first Grants "
            "Committee. The following individuals, who bring long careers in community lending, have been named to "
            "the committee:  • Marta Quell, president, Erie Savings Bank • Jonah Pike, CEO, Lakeshore Credit Union "
            "• Rosa Lindqvist, chairman emeritus, Harbor Trust Co")
    assert {role for _, role, _ in changes(ex, text)} == {"committee"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # the departure is the condition of something else
            "ROME, April 7 - The cabinet is expected to fall tomorrow after the Liberals decided to withdraw their "
            "ministers unless Prime Minister Carlo Neri resigned, party sources said.", id="unless-clause"),
        pytest.param(  # a departure told in passing, in a relative clause about someone doing something else
            "WASHINGTON, March 9 - Admiral Lane Ferris, a former national security adviser who resigned over "
            "the arms affair, refused to testify before a House committee on Monday.", id="relative-clause"),
    ],
)
def test_a_departure_told_as_a_condition_or_in_passing_makes_no_record(ex, text):
    assert changes(ex, text) == set()


def test_a_departure_in_a_relative_clause_is_kept_when_the_sentence_tells_a_change(ex):
    text = ("DALLAS, May 4 - Harlow Tool Co said it named Ann Pike president, succeeding Walter Greer, who "
            "resigned in March.")
    found = changes(ex, text)
    assert ("Ann Pike", "president", "appointed") in found
    assert any(name == "Walter Greer" and event == "departed" for name, _, event in found)


@pytest.mark.parametrize(
    "text, change, firm",
    [
        pytest.param("FAIRFAX, Va., Aug. 27, 2024 -- Orrin Digital is excited to announce the hiring of Malcolm "
                     "Dunmore as our Sr. Vice President of Consulting Services.",
                     ("Malcolm Dunmore", "Sr. Vice President", "appointed"), "Orrin Digital", id="as-our"),
        pytest.param("BOSTON, May 2, 2025 -- Harwick Bank has promoted Dana Whitcombe to Sr. Vice President, "
                     "Commercial Lending.", ("Dana Whitcombe", "Sr. Vice President", "promoted"), "Harwick Bank",
                     id="promoted-to"),
    ],
)
def test_a_post_opened_by_a_short_modifier_is_the_new_post_and_names_no_firm(ex, text, change, firm):
    (record,) = ex.extract(text, "t").appointments
    assert (record.person.name, record.role.title, record.event) == change
    assert record.organisation.name == firm


@pytest.mark.parametrize("career", [
    "Previously, Whitcombe served technology giants including Kobalt Music, Waymo and YouTube.",
    "Previously, Whitcombe served financial institutions including Kobalt Music, Waymo and YouTube.",
])
def test_firms_listed_after_a_plural_of_employers_are_past_employers(ex, career):
    text = f"BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief technology officer. {career}"
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Kobalt Music", "Waymo", "YouTube"]


def test_previous_roles_at_firms_are_past_employers(ex):
    text = ("BOSTON, May 2, 2025 -- Harwick named Dana Whitcombe chief technology officer. Her previous roles "
            "include leadership positions at Kobalt Music, Waymo, YouTube and Google.")
    (record,) = ex.extract(text, "t").appointments
    assert [p.name for p in record.past_employers] == ["Kobalt Music", "Waymo", "YouTube", "Google"]


def _found(person: str, org: str | None):
    from extractor.assemble.results import CharSpan, Found
    return Found(person=CharSpan(person, 0, len(person)), title=CharSpan("CEO", 0, 3),
                 organisation=CharSpan(org, 0, len(org)) if org else None, event="appointed",
                 sentence=CharSpan("", 0, 0), confidence=0.9)


@pytest.mark.parametrize("person, org, text, firm", [
    # the firm the NER took for a person: the text never says "Blockchain" alone
    ("Kestrel Blockchain", "Kestrel Blockchain", "Kestrel Blockchain named Ann Lee CEO. Kestrel Blockchain grew.", True),
    ("Allied Meridian", "Allied Meridian Technology Services", "Allied Meridian named Ann Lee president.", True),
    # a person the NER also took for a firm: the text calls her by her surname
    ("Vera Lind", "Vera Lind", "Harlan named Vera Lind president. Lind joins from Quarry Paper.", False),
    ("Isaiah Wayne", "Wayne Brothers Companies", "Isaiah Wayne was named president.", False),
    ("Dana Lee", "Dana Leeward Partners", "Dana Lee joins Dana Leeward Partners.", False),  # (a whole word)
    ("Dana Lee", None, "Dana Lee was named president.", False),
])
def test_a_person_whose_name_opens_the_records_organisation_and_is_never_a_surname_alone_is_that_firm(person, org, text, firm):
    from extractor.assemble.appointments import _a_firm_taken_for_a_person
    assert _a_firm_taken_for_a_person(_found(person, org), text) is firm


def test_a_person_the_recogniser_also_took_for_a_firm_is_at_the_documents_firm(ex):
    text = ("AKRON, Ohio, May 4 - Harlan Tools Inc said it named Vera Lind president. Before joining Harlan, Lind "
            "held roles at Quarry Paper and Dorset & Vine.")
    assert records(ex, text) == {("Vera Lind", "president", "Harlan Tools Inc", "appointed")}


@pytest.mark.parametrize("text, org, person, expected", [
    # the NER ran a firm, a post and the person's name into one organisation: the firm
    ("FeganWest Managing Partner Elizabeth Fegan was appointed lead counsel.",
     "FeganWest Managing Partner Elizabeth Fegan", "Elizabeth Fegan", "FeganWest"),
    # only a post before the name: the document's firm
    ("Velden AG said CFO Tomas Brekke will step down. Velden AG makes pumps.", "CFO Tomas Brekke", "Tomas Brekke",
     "Velden AG"),
])
def test_an_organisation_that_ends_in_the_persons_name_is_the_firm_before_the_post(ex, text, org, person, expected):
    from extractor.assemble.appointments import _before_the_post
    from extractor.assemble.results import CharSpan
    from extractor.assemble.view import make_view
    view = make_view(ex.nlp(text))
    start = text.index(org)
    assert _before_the_post(view, CharSpan(org, start, start + len(org)), person).text == expected


@pytest.mark.parametrize("org, person, named", [
    ("Vera Lind", "Vera Lind", True),
    ("Emina", "Emina Selinova", True),  # her first name alone
    ("Lind Partners", "Vera Lind", False),  # a firm that bears her surname is a firm
    ("Harlan Tools Inc", "Vera Lind", False),
])
def test_an_organisation_named_as_the_person_is_the_person_taken_for_a_firm(org, person, named):
    from extractor.assemble.appointments import _names_the_person
    assert _names_the_person(org, person) is named


@pytest.mark.parametrize("text", [
    "DENVER, May 4, 2025 -- Callow Ridge Foods named Laura Bennett vice president of sales, reporting to chief "
    "executive Tom Okafor.",
    "DENVER, May 4, 2025 -- Callow Ridge Foods has appointed Laura Bennett as vice president of sales, reporting "
    "directly to its Chief Executive Officer Tom Okafor.",
    "DENVER, May 4 - Laura Bennett, an aide to Senator Tom Okafor, was named vice president of sales of Callow "
    "Ridge Foods.",
    # a colleague the post works beside
    "DENVER, May 4, 2025 -- Callow Ridge Foods named Laura Bennett vice president of sales, where she will closely "
    "collaborate with founder and CEO Tom Okafor.",
    "DENVER, May 4, 2025 -- Callow Ridge Foods named Laura Bennett vice president of sales, working directly with "
    "CEO Tom Okafor.",
])
def test_the_one_a_new_post_reports_to_makes_no_move(ex, text):
    assert changes(ex, text) == {("Laura Bennett", "vice president of sales", "appointed")}


def test_a_person_named_after_to_without_a_post_before_it_still_moves(ex):
    text = ("DENVER, May 4, 2025 -- Callow Ridge Foods named Laura Bennett vice president of sales and promoted "
            "Tom Okafor to chief financial officer.")
    assert changes(ex, text) == {("Laura Bennett", "vice president of sales", "appointed"),
                                 ("Tom Okafor", "chief financial officer", "promoted")}


@pytest.mark.parametrize("adjective", ["longtime", "long-time", "current", "outgoing"])
def test_an_appositive_post_the_firm_holds_may_carry_an_adjective(ex, adjective):
    text = (f"AUSTIN, Texas, May 6, 2025 -- Corvane Inc. announced that Robert Keene, its {adjective} chief "
            "financial officer, will retire on June 30.")
    assert changes(ex, text) == {("Robert Keene", "chief financial officer", "departed")}


def test_an_appositive_that_describes_the_person_is_no_post(ex):
    text = ("AUSTIN, Texas, May 6, 2025 -- Corvane Inc. named Jane Holloway chief operating officer. \"We are glad "
            "to welcome Jane Holloway, an experienced manager who knows our plants,\" said chairman Tom Reyes.")
    assert changes(ex, text) == {("Jane Holloway", "chief operating officer", "appointed")}


def test_a_join_verb_gives_the_firm_it_names_before_the_post(ex):
    text = ("AUSTIN, Texas, May 6, 2025 -- Jane Holloway, who spent 12 years at Brightline Systems, has joined "
            "Corvane Inc. as managing director.")
    assert {(r[0], r[2]) for r in records(ex, text)} == {("Jane Holloway", "Corvane Inc.")}


def test_a_post_that_names_its_own_firm_keeps_it_after_a_join_verb(rules_only):
    text = ("AUSTIN, Texas, May 6, 2025 -- Jane Holloway has joined Corvane Inc. as president of Tarrant Freight "
            "Inc, its trucking unit.")
    assert {(r[0], r[2]) for r in records(rules_only, text)} == {("Jane Holloway", "Tarrant Freight Inc")}
