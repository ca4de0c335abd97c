# Two commands do everything on a fresh clone:
#   make demo   set up (virtual environment, package, spaCy model) and run the main job on fixtures/
#   make test   set up and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: demo test setup browser

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,test]'
	touch $@

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/quotetrack ingest fixtures --db $(DEMO_DB)
	$(BIN)/quotetrack speakers --db $(DEMO_DB) --top 10 --format table
	$(BIN)/quotetrack search --speaker Mironov --kind direct --kind mixed --db $(DEMO_DB) --format table

# The web page's test drives a real headless Chromium (Debian's package; needs root to install).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

test: setup browser
	$(BIN)/python -m pytest
