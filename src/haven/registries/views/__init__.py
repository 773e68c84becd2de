"""Pages of the registries app: snapshots, the screening queue, and duplicates across organisations."""
