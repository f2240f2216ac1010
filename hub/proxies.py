"""The client's own address behind trusted reverse proxies (``X-Forwarded-For``).

Behind nginx (docs/deploy.md) every request reaches the hub from the proxy's address. The
login guard's per-address lockout (20 failures) would then lock out every user at once,
and the audit log would name only the proxy. With ``hub serve --trusted-proxy 127.0.0.1``
(addresses or networks), a request *from* a trusted proxy is attributed to the rightmost
``X-Forwarded-For`` entry that is not itself a trusted proxy: the address the outermost
trusted proxy saw. Entries further left are the client's own claims and are never used.
A request from anyone else keeps its socket address, whatever it says in the header, so a
client that reaches the hub directly cannot pick its address. Without trusted proxies the
header is ignored.

The aiohttp middleware sets the request's ``remote``; the feed reads it, and the ASGI
bridge passes it to FastAPI as the client's host.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_trusted(entries: Iterable[str]) -> tuple[Network, ...]:
    """``["127.0.0.1", "10.0.0.0/8"]`` → networks.

    Raises:
        ValueError: an entry is not an address or a network (the message names it).
    """
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(f"--trusted-proxy: {entry!r} is not an IP address or "
                             "network") from None
    return tuple(networks)


def _trusted(addr: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        return False
    return any(ip in net for net in trusted)


def client_address(peer: str, forwarded_for: Sequence[str],
                   trusted: Sequence[Network]) -> str:
    """The client's address for a request from ``peer`` carrying these
    ``X-Forwarded-For`` headers (see the module docstring)."""
    if not trusted or not forwarded_for or not _trusted(peer, trusted):
        return peer
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:  # not an address: the proxy did not write it; keep the peer
                return peer
    return hops[0] if hops and hops[0] else peer  # a chain of trusted proxies only


def middleware(trusted: Sequence[Network]) -> Middleware:
    """An aiohttp middleware that sets each request's ``remote`` to its client's address."""

    @web.middleware
    async def real_client(request: web.Request, handler: Handler) -> web.StreamResponse:
        peer = request.remote or ""
        addr = client_address(peer, request.headers.getall("X-Forwarded-For", []), trusted)
        return await handler(request if addr == peer else request.clone(remote=addr))

    return real_client


__all__ = ["client_address", "middleware", "parse_trusted"]
