"""``haven audit-verify``: check the audit trail's hash chain and report the first broken link, and the
staged read entries not sealed into the chain yet (any whose content was altered is named)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.audit.anchor import chain_problem_against, token_problem
from haven.audit.chain import first_break, staged_digest
from haven.audit.models import AuditEntry, ChainHead, StagedEntry
from haven_core.audit_anchor import Anchor, AnchorProblem, Head, parse_head


class Command(BaseCommand):
    help = (
        "Verify that no audit entry was altered, removed or inserted since it was written, and that the "
        "read entries waiting to be sealed into the chain are as they were written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--head",
            metavar="COUNT:HASH",
            help="A head printed by an earlier run and kept outside the database: the chain must extend it.",
        )
        parser.add_argument(
            "--anchor",
            type=Path,
            metavar="FILE",
            help="An anchor file of `haven audit-anchor`: its timestamp is checked, then its head as --head.",
        )

    def _known_heads(self, options: dict[str, Any]) -> list[tuple[str, Head]]:
        known = []
        try:
            if options["head"]:
                known.append(("the given head", parse_head(options["head"])))
            if options["anchor"]:
                anchor = Anchor.from_json(options["anchor"].read_text(encoding="utf-8"))
                problem = token_problem(anchor)
                if problem:
                    raise CommandError(f"The anchor {options['anchor'].name} does not hold: {problem}.")
                known.append((f"the anchor of {anchor.taken_at:%Y-%m-%d %H:%M} UTC", anchor.head))
        except (AnchorProblem, OSError) as exc:
            raise CommandError(str(exc)) from None
        return known

    def handle(self, *args: Any, **options: Any) -> None:
        known = self._known_heads(options)
        head = ChainHead.objects.filter(pk=1).first()
        head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, "0" * 64)
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
        broken = first_break(entries, head_seq, head_hash)
        if broken is not None:
            raise CommandError(f"The audit trail is broken at entry #{broken.seq}: {broken.reason}.")
        for name, known_head in known:
            problem = chain_problem_against(known_head)
            if problem:
                raise CommandError(
                    f"The audit trail does not extend {name} ({known_head.count} entries): {problem}."
                )
        staged = altered = 0
        first_altered = None
        for entry in StagedEntry.objects.order_by("id").iterator(chunk_size=2000):
            staged += 1
            if staged_digest(entry) != entry.digest:
                altered += 1
                first_altered = first_altered or entry.pk
        if altered:
            raise CommandError(
                f"{altered} of the {staged} staged read entries (not sealed yet) were altered after they "
                f"were written, the first is staged entry {first_altered}."
            )
        self.stdout.write(f"The audit trail holds: {head_seq} entries, newest link {head_hash[:16]}…")
        for name, known_head in known:
            self.stdout.write(f"It extends {name} ({known_head.count} entries).")
        self.stdout.write(f"Head to keep outside the database (for --head): {head_seq}:{head_hash}")
        if staged:
            self.stdout.write(
                f"{staged} read entries are staged, not sealed into the chain yet: the next change seals "
                "them, or run `haven audit-seal`. Each is as it was written."
            )
