"""The main navigation (``{% site_nav %}``): each role's links, the page it is on marked, the count of
waiting work beside "My work", and the reader's own language, however often the list is reused."""

from __future__ import annotations

import re
from typing import Any

from haven.work.context import SESSION_KEY
from tests.support.personas import client_for, make_user, russian


def _menu(html: str) -> list[tuple[str, str, bool]]:
    """(URL, words, marked current) of each link of the main navigation."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
    assert nav, "no main navigation"
    links = re.findall(r'<li><a href="([^"]+)"( aria-current="page")?>(.*?)</a></li>', nav.group(0), re.S)
    return [(url, re.sub(r"<span.*", "", words, flags=re.S), bool(current)) for url, current, words in links]


def test_each_role_sees_its_own_links(
    caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any
) -> None:
    def urls(user: Any) -> list[str]:
        return [
            url
            for url, _words, _current in _menu(client_for(user).get("/account/security/").content.decode())
        ]

    caseload = ["/", "/dashboard/", "/radar/", "/cases/", "/cases/new/", "/registries/", "/assessment/"]
    assert urls(caseworker_a)[: len(caseload)] == caseload
    assert "/evidence/review/" not in urls(caseworker_a) and "/selection/" not in urls(caseworker_a)
    assert "/evidence/review/" in urls(reviewer_a) and "/selection/" not in urls(reviewer_a)
    assert {"/evidence/review/", "/selection/", "/referrals/", "/jobs/"} <= set(urls(coordinator))
    assert urls(liaison) == ["/referrals/"]  # no caseload: only the referrals


def test_the_page_it_is_on_is_marked_and_no_other(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    for url in ("/cases/", "/cases/new/", "/dashboard/"):
        marked = [link for link, _words, current in _menu(client.get(url).content.decode()) if current]
        assert marked == [url], url
    assert not [
        link for link, _words, current in _menu(client.get("/account/security/").content.decode()) if current
    ]


def test_the_waiting_work_is_counted_beside_my_work_for_its_user_only(caseworker_a: Any, org_a: Any) -> None:
    counted = client_for(caseworker_a)
    session = counted.session
    session[SESSION_KEY] = 7
    session.save()
    other = client_for(make_user("boris", "caseworker", org_a))

    html = counted.get("/cases/").content.decode()
    assert (
        '>My work <span class="count nav-count" title="Items waiting, counted when you last opened My work">7'
        '<span class="visually-hidden"> items waiting</span></span></a></li>'
    ) in html
    assert "nav-count" not in re.search(
        r'<nav class="site-nav".*?</nav>', other.get("/cases/").content.decode(), re.S
    ).group(0)


def test_the_links_speak_the_reader_s_language_each_time(caseworker_a: Any, org_a: Any) -> None:
    english = client_for(caseworker_a)
    reader = russian(make_user("vera", "caseworker", org_a))
    for _ in range(2):  # the lists are kept per language: neither may leak into the other
        assert ("/cases/", "Дела", False) in _menu(reader.get("/radar/").content.decode())
        assert ("/cases/", "Cases", False) in _menu(english.get("/radar/").content.decode())
