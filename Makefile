# Two entry points, each works on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := $(firstword $(wildcard ../shared/seed/article.txt) examples/sample_note.txt)

# Two install stamps: `make demo` installs the package alone, `make test` adds the test extra.
PKG := $(VENV)/.installed-package
DEV := $(VENV)/.installed-test
WHEEL_VENV := build/wheel-venv

.PHONY: demo test test-slow bench snapshot clean browser wheel

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(PKG): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(DEV): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@ $(PKG)

demo: $(PKG)  ## check the seed article against the offline snapshot
	$(BIN)/factcheck check $(SEED)

# The wheel as a user installs it: built, checked against the source tree, installed into a
# clean venv (not editable); tests/test_installed.py drives its CLI.
wheel: $(DEV)
	$(BIN)/python .ci/wheel

test: $(DEV) browser wheel  ## run the test suite
	FACTCHECK_WHEEL_VENV=$(WHEEL_VENV) $(BIN)/python -m pytest -q

# Debian's chromium and chromium-driver for the browser tests (the HTML report, the review
# desk driven by selenium); installed when missing and we can (root, as in CI); elsewhere
# the browser tests are skipped with a message.
browser:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium and chromium-driver for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium/chromium-driver not installed and not root: the browser tests will be skipped"; fi; }

test-slow: $(DEV)  ## the 10,000-example property runs
	$(BIN)/python -m pytest -q -m slow

bench: $(DEV)
	$(BIN)/python bench/extract.py 5
	$(BIN)/python bench/adversarial.py
	$(BIN)/python bench/linearity.py
	$(BIN)/python bench/batch.py 2400
	$(BIN)/python bench/render.py 5
	$(BIN)/python bench/coldstart.py
	$(BIN)/python bench/probe.py 60

snapshot: $(DEV)  ## rebuild data/snapshot from ../shared/market-data/raw
	$(BIN)/python scripts/build_snapshot.py

clean:
	rm -rf $(VENV) build *.egg-info
