"""Behind a reverse proxy: the client's address is read from X-Forwarded-For only when the connection
comes from a trusted proxy, and only as far as the nearest untrusted hop."""

from __future__ import annotations

from haven_core.forwarded import client_address, is_trusted, trusted_networks

TRUSTED = trusted_networks(["127.0.0.1", "::1", "10.0.0.0/8", " "])


def test_a_direct_connection_is_its_own_client_whatever_it_claims() -> None:
    assert client_address("203.0.113.9", "198.51.100.1", TRUSTED) == "203.0.113.9"


def test_a_trusted_proxy_names_the_client() -> None:
    assert client_address("127.0.0.1", "198.51.100.1", TRUSTED) == "198.51.100.1"
    assert client_address("127.0.0.1", None, TRUSTED) == "127.0.0.1"


def test_an_address_the_client_wrote_itself_is_not_believed() -> None:
    # The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the address it saw.
    assert client_address("127.0.0.1", "192.0.2.66, 198.51.100.1", TRUSTED) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_hop() -> None:
    assert client_address("127.0.0.1", "198.51.100.1, 10.1.2.3", TRUSTED) == "198.51.100.1"


def test_a_malformed_hop_stops_the_walk_at_the_last_good_one() -> None:
    assert client_address("127.0.0.1", "198.51.100.1, not-an-address", TRUSTED) == "127.0.0.1"


def test_networks_and_ipv6() -> None:
    assert is_trusted("10.200.0.1", TRUSTED) and is_trusted("::1", TRUSTED)
    assert not is_trusted("11.0.0.1", TRUSTED) and not is_trusted("garbage", TRUSTED)
