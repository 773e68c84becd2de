"""Russian state registries: their snapshots, screening the caseload against them, and duplicates.

Registry entries are public information published by the Russian state and are stored in clear. Which
of Haven's people matched an entry is not public: hits and identity links live in caseload-side tables
whose revealing columns are encrypted (see docs/registries.md and docs/threat-model.md).
"""
