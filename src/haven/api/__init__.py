"""Haven's JSON API, version 1, and the personal tokens that open it."""
