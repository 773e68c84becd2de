"""Encryption at rest and blind indexes: key rings, sealed values and files, sealed backup containers."""
