"""How the console and the mirror reach a hub: certificates verified, a private CA's
bundle (``--ca-bundle``), and no plain http beyond loopback unless ``--insecure-http``.

Passwords and tokens must not cross a network in clear (MLPS level 3, GB/T 39786): a
``http://`` hub URL is accepted for a loopback address only (the embedded demo hub, a
hub on the same machine); anything else needs ``https://`` or the explicit, visible
``--insecure-http``. The settings are process-wide (one console or mirror talks to one
hub); :class:`client.api.HubClient` and the feed read them.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(slots=True)
class TransportSettings:
    """Attributes:
        ca_bundle: a PEM file of the CAs to trust (None: the system's).
        insecure_http: allow plain http to a non-loopback hub (shown on screen).
    """

    ca_bundle: str | None = None
    insecure_http: bool = False


SETTINGS = TransportSettings()


def configure(ca_bundle: str | None = None, insecure_http: bool = False) -> None:
    """Set the process-wide transport settings (from the command line)."""
    SETTINGS.ca_bundle = ca_bundle or None
    SETTINGS.insecure_http = insecure_http


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, insecure_http: bool | None = None) -> None:
    """Raise ``ValueError`` for plain http to a non-loopback hub (unless allowed)."""
    parts = urlsplit(url)
    allowed = SETTINGS.insecure_http if insecure_http is None else insecure_http
    if parts.scheme == "http" and not is_loopback(parts.hostname or "") and not allowed:
        raise ValueError(f"refusing plain http to {parts.hostname}: passwords would travel "
                         "in clear; use https:// (or --insecure-http on a closed network)")


def insecure_link(url: str) -> bool:
    """Whether this URL is plain http to a non-loopback hub (to say so on screen)."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def verify() -> str | bool:
    """``requests``' ``verify``: the CA bundle, or True (the system's CAs)."""
    return SETTINGS.ca_bundle or True


def sslopt() -> dict[str, object]:
    """websocket-client's ``sslopt``: always verify; the CA bundle when given."""
    return {"ca_certs": SETTINGS.ca_bundle} if SETTINGS.ca_bundle else {}
