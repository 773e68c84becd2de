"""Verifying a kept timestamp token: the hash it covers, its signature, and the authority's certificate.

The signature and the certificate chain are checked by ``openssl ts -verify``, not by Haven's own code.
Checking a CMS signature and an X.509 chain (the timeStamping extended key usage, which must be
critical, the chain up to the trusted certificate) by hand is where subtle mistakes hide; OpenSSL's is the
implementation authorities are tested against, and it is the one a sceptical official can run on their
own machine with the same files (the bundle's README gives the command), so what Haven reports is what
they will see. The certificates are checked at the token's genTime (``-attime``): a token stays
valid after the authority's certificate expires, as RFC 3161 intends; a later revocation is not checked.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from haven_core.timestamps.protocol import TimestampError, read_token


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    problem: str = ""  # what is wrong, in plain words, when not ok
    generated_at: dt.datetime | None = None


def verify_token(token: bytes, sha256: str, ca_pem: bytes, *, openssl: str = "openssl") -> TokenCheck:
    """Whether ``token`` is a valid timestamp of the SHA-256 ``sha256`` (hex) by an authority that
    ``ca_pem`` (one or more PEM certificates) vouches for."""
    try:
        info = read_token(token)
    except TimestampError as exc:
        return TokenCheck(False, str(exc))
    if info.hash_algorithm != "sha256" or info.imprint.hex() != sha256.lower():
        return TokenCheck(False, "the token is for another hash than this file's", info.generated_at)
    executable = shutil.which(openssl)
    if executable is None:
        return TokenCheck(
            False, "openssl is not installed, so the signature cannot be checked", info.generated_at
        )
    if not ca_pem.strip():
        return TokenCheck(
            False, "no certificate of the timestamp authority to check against", info.generated_at
        )
    with tempfile.TemporaryDirectory(prefix="haven-tsverify-") as folder:
        token_path, ca_path = Path(folder) / "token.der", Path(folder) / "ca.pem"
        token_path.write_bytes(token)
        ca_path.write_bytes(ca_pem)
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [executable, "ts", "-verify", "-digest", sha256.lower(), "-in", str(token_path), "-token_in",
             "-CAfile", str(ca_path), "-attime", str(int(info.generated_at.timestamp()))],
            capture_output=True,
            timeout=60,
            check=False,
        )  # fmt: skip
    if result.returncode == 0 and b"Verification: OK" in result.stdout:
        return TokenCheck(True, "", info.generated_at)
    return TokenCheck(False, _openssl_problem(result.stdout + result.stderr), info.generated_at)


def _openssl_problem(output: bytes) -> str:
    """OpenSSL's reason, from its error lines (``…:error:…:reason:…``), for the report."""
    reasons = []
    for line in output.decode("utf-8", "replace").splitlines():
        if ":error:" in line:
            reasons.append(line.split(":")[-2 if line.endswith(":") else -1].strip() or line.strip())
    detail = "; ".join(dict.fromkeys(r for r in reasons if r)) or "verification failed"
    return f"the signature or the authority's certificate does not check out ({detail})"
