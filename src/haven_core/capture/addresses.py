"""Which network addresses Haven may fetch a page from: public ones only.

A page to capture is named by a caseworker, so its address must not let anyone reach Haven's own
machine or network (server-side request forgery): loopback, private, link-local (including cloud
metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and unspecified addresses are
refused, in IPv4 and IPv6, and so is an IPv6 address that carries one of those IPv4 addresses inside it
(IPv4-mapped ``::ffff:a.b.c.d``, 6to4, Teredo, NAT64).
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it is one of the forms that carry one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if int(address) >> 32 == 0 and int(address) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(address))
    return None


def is_public(address: IPAddress) -> bool:
    """Whether ``address`` is a public unicast address on the internet."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def parse_address(text: str) -> IPAddress:
    """An address as ``getaddrinfo`` gives it (an IPv6 one may carry a ``%scope``)."""
    return ipaddress.ip_address(text)
