"""Recording what Haven's operators did to the installation as a whole: backups, restores, key rotation.

These run from the command line as Haven itself (no user); each entry holds counts and key ids, never
a value.
"""

from __future__ import annotations

from haven.audit.record import audit_record


def backup_create_record(*, rows: int, files: int, passphrase: bool) -> None:
    """Record that a backup was written: how many rows and files, and whether under a passphrase."""
    audit_record(
        actor=None, action="backup.create", detail={"rows": rows, "files": files, "passphrase": passphrase}
    )


def backup_restore_record(*, rows: int) -> None:
    """Record that a backup was restored, with the number of rows it brought back."""
    audit_record(actor=None, action="backup.restore", detail={"rows": rows})


def keys_rotate_data_record(*, key: str, values: int, files: int, retired: list[str]) -> None:
    """Record a new data key: how many values and files were re-encrypted, and which keys were retired."""
    audit_record(
        actor=None,
        action="keys.rotate_data",
        detail={"key": key, "values": values, "files": files, "retired": retired},
    )


def search_index_rebuild_record(*, rows: int) -> None:
    """Record a rebuild of the blind search indexes under the same key (new kinds of key were added)."""
    audit_record(actor=None, action="search_index.rebuild", detail={"rows": rows})


def keys_rotate_index_record(*, key: str) -> None:
    """Record a new index key, after every blind index was rebuilt under it."""
    audit_record(actor=None, action="keys.rotate_index", detail={"key": key})
