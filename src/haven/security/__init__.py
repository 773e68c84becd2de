"""Encryption at rest: the encrypting codec, its keys, key rotation and encrypted backups."""
