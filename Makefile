# tidings — the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.tidings-installed

.PHONY: setup demo test lint docs bench clean

setup: $(STAMP)

# Re-installs only when pyproject.toml changes; otherwise a no-op.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

DEMO_DB ?= demo.duckdb

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/tidings demo --db $(DEMO_DB)

test: setup
	$(BIN)/python -m pytest -q -n 2

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

# Re-run the README's examples (outputs pasted back) and paste every --help into docs/cli.md;
# the tests run the same script with --check.
docs: setup
	$(BIN)/python scripts/docs.py

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache demo.duckdb*
