"""The one write path for registry hits and identity links: check, write, audit, in one transaction."""

from haven.registries.actions.hits import hit_confirm, hit_reject
from haven.registries.actions.links import link_confirm, link_reject, link_undo

__all__ = ["hit_confirm", "hit_reject", "link_confirm", "link_reject", "link_undo"]
