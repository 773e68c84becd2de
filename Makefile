# Haven: the two commands a newcomer needs are `make demo` and `make test` (see README.md).
.PHONY: setup demo test check lint typecheck unit bench

VENV := .venv/bin

setup:
	@./scripts/setup

# `make demo PORT=8001` serves on another port (without PORT: 8000, or the next free one).
demo: setup
	$(VENV)/haven demo $(if $(PORT),--port $(PORT))

# The tests run on WORKERS processes (pytest-xdist), a test module's tests together on one of them so
# that what a module builds once is built once: `make test WORKERS=auto` for one per core, WORKERS=0 for
# none (every test in this process, in order).
WORKERS ?= 2

test: setup check
	$(VENV)/pytest -q -n $(WORKERS) --dist loadfile

check: lint typecheck

lint:
	$(VENV)/ruff check src tests bench
	$(VENV)/ruff format --check src tests bench

typecheck:
	$(VENV)/mypy

unit: setup
	$(VENV)/pytest -q tests/core

bench: setup
	$(VENV)/python bench/crypto.py
	$(VENV)/python bench/matching.py
	$(VENV)/python bench/selection.py
	$(VENV)/python bench/import.py
	$(VENV)/python bench/import_memory.py
	$(VENV)/python bench/import_duplicate_skip.py
	$(VENV)/python bench/seed.py
	$(VENV)/python bench/assess.py
	$(VENV)/python bench/referral.py
	$(VENV)/python bench/radar.py
	$(VENV)/python bench/dashboard.py
	$(VENV)/python bench/web.py
