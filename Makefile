# Two entry points, each works on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := $(firstword $(wildcard ../shared/seed/article.txt) examples/sample_note.txt)

.PHONY: demo test bench snapshot clean

$(BIN)/factcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

demo: $(BIN)/factcheck  ## check the seed article against the offline snapshot
	$(BIN)/factcheck check $(SEED)

test: $(BIN)/factcheck  ## run the test suite
	$(BIN)/python -m pytest -q

bench: $(BIN)/factcheck
	$(BIN)/python bench/extract.py

snapshot: $(BIN)/factcheck  ## rebuild data/snapshot from ../shared/market-data/raw
	$(BIN)/python scripts/build_snapshot.py

clean:
	rm -rf $(VENV) build *.egg-info
