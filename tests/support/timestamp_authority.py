"""A local RFC 3161 timestamp authority for tests, built with the ``openssl`` command line.

``make_authority`` creates a throwaway root CA and a TSA certificate (extendedKeyUsage critical
timeStamping) in a folder; ``serving`` runs a small HTTP server on 127.0.0.1 that answers
``application/timestamp-query`` posts with ``openssl ts -reply``. It can be told to misbehave: be down
(HTTP 503) or replay an earlier answer. Nothing leaves the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="the openssl command line is not installed")

_TS_CNF = """
[ tsa ]
default_tsa = local_tsa

[ local_tsa ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run([str(OPENSSL), *args], cwd=cwd, check=True, capture_output=True)  # noqa: S603


def _root(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "3650",
        "-subj", f"/CN=Haven test root {name}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip


@dataclass
class Authority:
    folder: Path
    ca_pem: Path
    config: Path
    other_ca_pem: Path  # a root that has nothing to do with this authority
    mode: str = "ok"  # "ok", "down", "replay"
    answers: list[bytes] = field(default_factory=list)
    url: str = ""

    def reply(self, query: bytes) -> bytes:
        with tempfile.TemporaryDirectory() as work:
            query_path, reply_path = Path(work) / "q.tsq", Path(work) / "r.tsr"
            query_path.write_bytes(query)
            _openssl("ts", "-reply", "-config", str(self.config), "-queryfile", str(query_path),
                     "-out", str(reply_path), cwd=self.folder)  # fmt: skip
            return reply_path.read_bytes()


def make_authority(folder: Path) -> Authority:
    folder.mkdir(parents=True, exist_ok=True)
    _root(folder, "ca")
    _root(folder, "other")
    _openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=Haven test timestamp authority",
             cwd=folder)  # fmt: skip
    (folder / "tsa.ext").write_text(
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n"
    )
    _openssl("x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "tsa.pem", "-days", "365", "-extfile", "tsa.ext", cwd=folder)  # fmt: skip
    (folder / "serial").write_text("01\n")
    config = folder / "ts.cnf"
    config.write_text(_TS_CNF.format(dir=folder))
    return Authority(folder, folder / "ca.pem", config, folder / "other.pem")


@contextmanager
def serving(authority: Authority) -> Iterator[Authority]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if authority.mode == "down" or self.headers.get("Content-Type") != "application/timestamp-query":
                self.send_error(503)
                return
            with lock:
                if authority.mode == "replay" and authority.answers:
                    answer = authority.answers[0]
                else:
                    answer = authority.reply(query)
                    authority.answers.append(answer)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    authority.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield authority
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session", name="built_authority")
def built_authority_fixture(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    if OPENSSL is None:
        pytest.skip("the openssl command line is not installed: no local timestamp authority")
    return make_authority(tmp_path_factory.mktemp("tsa"))


@pytest.fixture(name="tsa")
def tsa_fixture(built_authority: Authority, settings: Any) -> Iterator[Authority]:
    """The local authority, running, and configured as Haven's (HAVEN_TSA_URL, HAVEN_TSA_CA_FILE)."""
    built_authority.mode, built_authority.answers = "ok", []
    with serving(built_authority) as running:
        settings.HAVEN_TSA_URL = running.url
        settings.HAVEN_TSA_CA_FILE = str(running.ca_pem)
        yield running
