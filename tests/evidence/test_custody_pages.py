"""An item's chain of custody is shown in pages of 50, oldest first as it is written: how many entries
there are, which are shown, links to the earlier and later ones (``?custody=N``, the page's other
parameters kept), the last page for a number past the end, the first for one that is not a number. Only
the page's entries are read, and their number once, so the page costs the same queries however long the
chain grows."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import audit_entry, audit_many
from haven.evidence.models import EvidenceItem
from tests.support.evidence import evidence_url
from tests.support.families import within_target
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

DOWNLOADS = 120  # with the item's adding and the view of the page itself: 122 entries, three pages


def _sha(n: int) -> str:
    """A file hash whose short form (its first 12 characters) names download ``n``."""
    return f"{n:04d}" + "a" * 60


def _downloaded(actor: Any, item: EvidenceItem, times: int) -> None:
    """``times`` downloads of the item recorded in its custody, download n with the hash :func:`_sha`."""
    household = item.person.household
    target = str(item.public_id)
    audit_many(
        [
            audit_entry(actor, "evidence.download", household, target=target, role="original", sha256=_sha(n))
            for n in range(1, times + 1)
        ]
    )


def _custody(html: str) -> str:
    return html[html.index('<section class="panel" id="custody"') :]


def _downloads_shown(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"<code>(\d{4})a{8}…</code>", _custody(html))]


@pytest.fixture
def long_chain(caseworker_a: Any, post: EvidenceItem) -> EvidenceItem:
    _downloaded(Actor.for_user(caseworker_a), post, DOWNLOADS)
    return post


def _page(user: Any, item: EvidenceItem, query: str = "", language: str = "en") -> str:
    url = evidence_url(item.person.household, f"{item.public_id}/") + query
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_page_shows_the_fifty_oldest_entries_and_how_many_there_are(
    caseworker_a: Any, long_chain: EvidenceItem
) -> None:
    html = _custody(_page(caseworker_a, long_chain))
    assert html.count('<tr><td class="date">') == 50
    assert "<td>Evidence added · <code>" in html  # the chain's first entry
    assert _downloads_shown(html) == list(range(1, 50))
    assert "122 entries, oldest first · entries 1–50 shown" in html
    assert "Page 1 of 3" in html
    assert '<a href="?custody=2#custody">Later entries</a>' in html and "Earlier entries" not in html


def test_the_second_page_keeps_the_pages_other_parameters(
    caseworker_a: Any, long_chain: EvidenceItem
) -> None:
    html = _custody(_page(caseworker_a, long_chain, "?custody=2&from=queue"))
    assert _downloads_shown(html) == list(range(50, 100))
    assert "entries 51–100 shown" in html and "Page 2 of 3" in html
    assert '<a href="?custody=1&amp;from=queue#custody">Earlier entries</a>' in html
    assert '<a href="?custody=3&amp;from=queue#custody">Later entries</a>' in html


@pytest.mark.parametrize("number", ["3", "4", "999", "0", "-1"])
def test_a_page_past_either_end_shows_the_last_with_the_view_just_recorded(
    caseworker_a: Any, long_chain: EvidenceItem, number: str
) -> None:
    html = _custody(_page(caseworker_a, long_chain, f"?custody={number}"))
    assert _downloads_shown(html) == list(range(100, DOWNLOADS + 1))
    assert html.count('<tr><td class="date">') == 22  # downloads 100 to 120 and this view
    assert html.index("<code>0120a") < html.rindex("<td>Viewed</td>")
    assert "entries 101–122 shown" in html and "Page 3 of 3" in html
    assert '<a href="?custody=2#custody">Earlier entries</a>' in html and "Later entries" not in html


@pytest.mark.parametrize("number", ["abc", "", "2.5", "%3Cb%3E"])
def test_a_page_number_that_is_not_one_shows_the_first(
    caseworker_a: Any, long_chain: EvidenceItem, number: str
) -> None:
    html = _custody(_page(caseworker_a, long_chain, f"?custody={number}"))
    assert _downloads_shown(html) == list(range(1, 50)) and "Page 1 of 3" in html


def test_a_short_chain_is_one_page_with_its_count_and_no_links(caseworker_a: Any, post: EvidenceItem) -> None:
    html = _custody(_page(caseworker_a, post))
    assert "2 entries, oldest first</p>" in html  # its adding and this view
    assert "Page 1" not in html and "<nav" not in html


def test_the_count_and_the_links_are_in_russian(caseworker_a: Any, long_chain: EvidenceItem) -> None:
    html = _custody(_page(caseworker_a, long_chain, "?custody=2", language="ru"))
    assert "122 записи, сначала самые ранние · показаны записи 51–100" in html
    assert "Более ранние записи" in html and "Более поздние записи" in html
    assert "Страница 2 из 3" in html


def test_only_the_pages_entries_are_read_and_their_number_once(
    caseworker_a: Any, long_chain: EvidenceItem
) -> None:
    with CaptureQueriesContext(connection) as captured:
        _page(caseworker_a, long_chain, "?custody=2")
    custody = [q["sql"] for q in captured.captured_queries if 'FROM "audit_auditentry"' in q["sql"]]
    assert len(custody) == 2
    assert "COUNT(*)" in custody[0]
    assert custody[1].endswith("LIMIT 50 OFFSET 50")


@pytest.mark.django_db(transaction=True)
def test_the_item_page_stays_within_the_target_however_long_its_chain(
    caseworker_a: Any, post: EvidenceItem, django_assert_max_num_queries: Any
) -> None:
    _downloaded(Actor.for_user(caseworker_a), post, 200)
    client = client_for(caseworker_a)
    url = evidence_url(post.person.household, f"{post.public_id}/")
    for query in ("", "?custody=3", "?custody=999"):
        within_target(client, url + query, django_assert_max_num_queries)
