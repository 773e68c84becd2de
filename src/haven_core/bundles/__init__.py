"""Evidence bundles, without Django: the layout, writing the archive, and checking one offline.

A bundle is a tar archive (not compressed: evidence is mostly photos, video and PDF, which are
compressed already, and compressing them again would make exports several times slower)::

    manifest.json                       what is in it: people, items, tags, verdicts, custody, files
    manifest.tsr                        (if a timestamp authority is configured) a token over the manifest
    README.txt                          how to check it by hand, with sha256sum and openssl
    files/<sha256><ext>                 every file, decrypted, named by its SHA-256
    timestamps/<sha256>-<n>.tsr         RFC 3161 tokens over the files' hashes
    timestamps/authority.pem            the certificate(s) the tokens are checked against

optionally sealed as a whole as an age file (:mod:`haven_core.crypto.agefile`, as backups are), under a
passphrase or to the recipients' age public keys, so it opens with the ``age`` command too.
:func:`haven_core.bundles.verify.verify_bundle` needs nothing but the bundle (and the passphrase or
identity).
"""

MANIFEST = "manifest.json"
MANIFEST_STAMP = "manifest.tsr"
README = "README.txt"
AUTHORITY_PEM = "timestamps/authority.pem"
FORMAT = "haven-evidence-bundle"
VERSION = 1

_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/warc": ".warc",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "text/html": ".html",
    "text/plain": ".txt",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
}


def file_path(sha256: str, media_type: str, role: str = "") -> str:
    """Where a file goes in the bundle: named by its hash, with an extension from its (sniffed) type."""
    if role == "capture_warc":
        extension = ".warc"
    elif role == "capture_wacz":
        extension = ".wacz"
    elif role == "capture_log":
        extension = ".json"
    else:
        extension = _EXTENSIONS.get(media_type.split(";")[0].strip(), ".bin")
    return f"files/{sha256}{extension}"


def token_path(sha256: str, number: int) -> str:
    return f"timestamps/{sha256}-{number}.tsr"
