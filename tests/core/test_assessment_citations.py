"""Public citations in the rules file: every fact names at least one, each defined once with a title in
English, Russian and French; a cite to nothing, or a fact without one, is refused; stored assessments keep
them; an assessment stored before citations existed finds them through its rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from haven_core.assessment import DEFAULT_RULES, RulesError, assess, parse_rules
from haven_core.assessment.serialise import from_json, to_json
from tests.support.assessment import TODAY, household, item, person, rules

TEXT = DEFAULT_RULES.read_text(encoding="utf-8")
INTERNAL = ("DOMAIN.md", "STYLE.md", "§", ".toml")


def test_every_fact_cites_a_public_source_that_names_no_internal_file() -> None:
    loaded = rules()
    for basis in loaded.bases():
        cited = loaded.public_sources(basis)
        assert cited or basis.kind != "domain", basis.source
        for citation in cited:
            for text in (citation.title.en, citation.title.ru, citation.title.fr, citation.url):
                assert not any(name in text for name in INTERNAL), text
    for provision in loaded.provisions.values():
        article = provision.id.split()[-1]
        titles = [c.title.en for c in loaded.public_sources(provision.basis)]
        assert any(f"art. {article}" in t and "Russian Federation" in t for t in titles), provision.id


def test_the_amending_law_and_the_official_publication_are_cited_where_known() -> None:
    loaded = rules()
    for article in ("CC 207.3", "CC 280.3", "CC 284.2"):
        ids = loaded.provisions[article].basis.cite
        assert "law_32_fz" in ids and "pravo" in ids, article
    assert loaded.citations["law_32_fz"].url == "https://base.garant.ru/403609307/"
    assert loaded.citations["pravo"].url == "http://publication.pravo.gov.ru"
    # Articles the domain notes mark as not verified have references marked to be confirmed.
    for article in ("CC 282.1", "CC 339", "AC 19.34"):
        assert all(c.unverified for c in loaded.public_sources(loaded.provisions[article].basis))


def test_a_cite_to_an_undefined_citation_is_refused() -> None:
    broken = TEXT.replace('cite = ["cc_284_2"', 'cite = ["cc_284_9"', 1)
    assert broken != TEXT
    with pytest.raises(RulesError, match="cc_284_9"):
        parse_rules(broken.encode())


def test_a_fact_without_a_public_citation_is_refused() -> None:
    cited = 'cite = ["cc_284_2", "law_32_fz", "pravo"]'
    assert cited in TEXT
    with pytest.raises(RulesError, match=r"CC 284\.2.*cite: missing"):
        parse_rules(TEXT.replace(cited + "\n", "", 1).encode())
    with pytest.raises(RulesError, match="at least one public citation"):
        parse_rules(TEXT.replace(cited, "cite = []", 1).encode())


def test_a_citation_with_a_bad_address_or_date_is_refused() -> None:
    for old, new, where in (
        ('url = "https://re-russia.net"', 'url = "re-russia.net"', "url"),
        ('date = "2024-08"', 'date = "August 2024"', "date"),
    ):
        with pytest.raises(RulesError, match=where):
            parse_rules(TEXT.replace(old, new, 1).encode())


def test_stored_assessments_keep_their_citations_and_older_ones_find_them() -> None:
    loaded = rules()
    statement = item("e1", "public_antiwar_statement", on=dt.date(2024, 3, 1))
    result = assess(household(person(evidence=(statement,))), loaded, TODAY)
    line = next(c for c in result.risk.contributions if c.key == "exposure:CC 207.3")
    assert {"cc_207_3", "law_32_fz", "pravo"} <= set(line.basis.cite)
    back = from_json(to_json(result))
    assert back == result
    # An assessment stored before citations: its basis has none, its rule has them.
    older = dataclasses.replace(line.basis, cite=())
    assert [c.id for c in loaded.public_sources(older, line.key)] == [
        c.id for c in loaded.public_sources(line.basis)
    ]
