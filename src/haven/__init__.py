"""Haven's Django shell around the domain core in :mod:`haven_core`."""
