"""The evidence pages: under ``/cases/<reference>/evidence/``, everything addressed by UUID or SHA-256."""
