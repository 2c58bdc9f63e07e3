# Two entry points, each works on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := $(firstword $(wildcard ../shared/seed/article.txt) examples/sample_note.txt)

.PHONY: demo test test-slow bench snapshot clean browser

$(BIN)/factcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

demo: $(BIN)/factcheck  ## check the seed article against the offline snapshot
	$(BIN)/factcheck check $(SEED)

test: $(BIN)/factcheck browser  ## run the test suite
	$(BIN)/python -m pytest -q

# Debian's chromium and chromium-driver for the browser tests (the HTML report, the review
# desk driven by selenium); installed when missing and we can (root, as in CI); elsewhere
# the browser tests are skipped with a message.
browser:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium and chromium-driver for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium/chromium-driver not installed and not root: the browser tests will be skipped"; fi; }

test-slow: $(BIN)/factcheck  ## the 10,000-example property runs
	$(BIN)/python -m pytest -q -m slow

bench: $(BIN)/factcheck
	$(BIN)/python bench/extract.py 5
	$(BIN)/python bench/adversarial.py
	$(BIN)/python bench/linearity.py
	$(BIN)/python bench/batch.py 2400
	$(BIN)/python bench/render.py 5
	$(BIN)/python bench/coldstart.py
	$(BIN)/python bench/probe.py 60

snapshot: $(BIN)/factcheck  ## rebuild data/snapshot from ../shared/market-data/raw
	$(BIN)/python scripts/build_snapshot.py

clean:
	rm -rf $(VENV) build *.egg-info
