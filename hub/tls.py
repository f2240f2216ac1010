"""TLS for the hub (``hub serve --tls-cert --tls-key``): https for the REST calls and wss
for the feed, TLS 1.2 at least, the certificate chain and key read from PEM files."""

from __future__ import annotations

import ssl

from hub.config import HubConfig


def server_context(config: HubConfig) -> ssl.SSLContext | None:
    """The server's TLS context, or None when the hub serves plain http (loopback/demo).

    Raises:
        ValueError: only one of the two files given, or files that do not load.
    """
    if not config.tls_cert and not config.tls_key:
        return None
    if not (config.tls_cert and config.tls_key):
        raise ValueError("--tls-cert and --tls-key go together")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(config.tls_cert, config.tls_key)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"cannot load the TLS certificate or key: {exc}") from None
    return context


def scheme(config: HubConfig) -> str:
    """``https`` with TLS configured, else ``http``."""
    return "https" if config.tls_cert else "http"
