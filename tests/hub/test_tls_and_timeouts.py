"""TLS (``hub serve --tls-cert --tls-key``): https and wss with certificates verified by
the console's client against a private CA (``--ca-bundle``), and refused without it; plain
http to a non-loopback hub refused unless ``--insecure-http``. Slow or half-sent requests
are cut after ``request_timeout_s``."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from client import transport
from client.api import HubClient
from client.errors import HubUnreachable
from hub.seed import DEMO_PASSWORD
from hub.server import EmbeddedHub, start_embedded
from tests.hub.conftest import SMALL_SIZES


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_ca_and_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA, and a server certificate for 127.0.0.1 signed by it (PEM files)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("county CA")).issuer_name(
        _name("county CA")).public_key(ca_key.public_key()).serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("hub")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "hub.pem", folder / "hub.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture(scope="module")
def tls_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedHub, Path]]:
    folder = tmp_path_factory.mktemp("tls")
    ca, cert, key = make_ca_and_cert(folder)
    hub = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SMALL_SIZES,
                         tls_cert=str(cert), tls_key=str(key), heartbeat_s=1.0)
    yield hub, ca
    hub.stop()


@pytest.fixture
def reset_transport() -> Iterator[None]:
    yield
    transport.configure(None, False)


def test_https_and_wss_with_a_private_ca(tls_hub: tuple[EmbeddedHub, Path],
                                         reset_transport: None, tmp_path: Path) -> None:
    from client.feed import LIVE, Feed

    hub, ca = tls_hub
    assert hub.url.startswith("https://127.0.0.1:")
    transport.configure(str(ca))
    api = HubClient(hub.url)
    assert api.login("officer-532301", DEMO_PASSWORD)["user"]["role"] == "officer"
    assert api.feed_url(0).startswith("wss://")
    feed = Feed(api, tmp_path / "cache")
    feed.start()
    try:
        deadline = time.monotonic() + 20
        while feed.status().state != LIVE and time.monotonic() < deadline:
            time.sleep(0.1)
        assert feed.status().state == LIVE
    finally:
        feed.stop()


def test_an_unknown_ca_is_refused(tls_hub: tuple[EmbeddedHub, Path],
                                  reset_transport: None) -> None:
    hub, _ca = tls_hub
    transport.configure(None)
    with pytest.raises(HubUnreachable, match="CERTIFICATE_VERIFY_FAILED|certificate"):
        HubClient(hub.url).login("officer-532301", DEMO_PASSWORD)


def test_plain_http_beyond_loopback_needs_insecure_http(reset_transport: None) -> None:
    for url in ("http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765",
                "https://hub.example.org"):
        HubClient(url)
    with pytest.raises(ValueError, match="plain http"):
        HubClient("http://10.1.2.3:8765")
    transport.configure(None, insecure_http=True)
    HubClient("http://10.1.2.3:8765")
    assert transport.insecure_link("http://10.1.2.3:8765")


@pytest.fixture(scope="module")
def quick_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHub]:
    hub = start_embedded(f"sqlite:///{tmp_path_factory.mktemp('quick') / 'hub.db'}",
                         sizes=SMALL_SIZES, request_timeout_s=1.0)
    yield hub
    hub.stop()


def _raw(hub: EmbeddedHub, data: bytes) -> socket.socket:
    host, port = hub.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    sock.sendall(data)
    return sock


def test_half_sent_head_is_cut(quick_hub: EmbeddedHub) -> None:
    sock = _raw(quick_hub, b"GET /api/v1/categories HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    assert sock.recv(1024) == b""  # closed by the hub, no answer
    assert time.monotonic() - started < 5
    sock.close()


def test_half_sent_body_gets_408(quick_hub: EmbeddedHub) -> None:
    sock = _raw(quick_hub, b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                           b'{"username":')
    started = time.monotonic()
    answer = b""
    while chunk := sock.recv(4096):
        answer += chunk
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"code":"bad_request"' in answer
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("encoding", [b"gzip", b"deflate"])
@pytest.mark.parametrize("path", [b"/api/v1/session", b"/api/v1/cases"])
def test_a_body_that_cannot_be_decompressed_gets_400(quick_hub: EmbeddedHub, encoding: bytes,
                                                      path: bytes) -> None:
    """A body whose Content-Encoding is broken got aiohttp's plain-text 500 (FastAPI
    re-raised the payload error), logged in or not; now a 400 in the protocol's shape."""
    auth = b""
    if path != b"/api/v1/session":  # logged in: the body is read after the token
        token = requests.post(quick_hub.url + "/api/v1/session", json={
            "username": "supervisor-532300", "password": DEMO_PASSWORD}, timeout=30).json()
        auth = b"Authorization: Bearer " + token["token"].encode() + b"\r\n"
    sock = _raw(quick_hub, b"POST " + path + b" HTTP/1.1\r\nHost: x\r\n" + auth +
                b"Content-Type: application/json\r\nContent-Encoding: " + encoding +
                b"\r\nContent-Length: 5\r\nConnection: close\r\n\r\nabcde")
    answer = b""
    while chunk := sock.recv(4096):
        answer += chunk
    sock.close()
    assert answer.startswith(b"HTTP/1.1 400"), answer[:300]
    body = orjson.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert body["error"]["code"] == "bad_request"
    assert body["error"]["message"].startswith("the request body cannot be read")
