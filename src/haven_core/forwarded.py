"""Who sent a request when Haven runs behind a reverse proxy.

A proxy (Caddy, nginx) connects to Haven itself, so the connection's address is the proxy's; it names the
client in ``X-Forwarded-For``. That header is believed only when the connection comes from a proxy Haven
was told to trust: anyone else could write any address into it (and escape the per-address login limit,
or put another address in the audit trail).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(spec: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (``127.0.0.1``, ``10.0.0.0/8``, ``::1``) as networks; blanks are skipped."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in spec if item.strip())


def is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(peer: str, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The client's address: the connection's own unless it comes from a trusted proxy; then the nearest
    address in ``X-Forwarded-For`` (read from the right, as each proxy appends) that is not itself a
    trusted proxy. A malformed entry stops the walk there: the last trusted hop is answered."""
    if not forwarded_for or not is_trusted(peer, trusted):
        return peer
    client = peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break
        client = hop
        if not is_trusted(hop, trusted):
            break
    return client
