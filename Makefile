# newsdb: every target sets itself up; `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-hard crawl serve clean screenshots eval bench bench-scale

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/newsdb demo

test: install
	$(BIN)/python -m pytest -m "not hard"

# the slow fault-injection crawls (full disk, locked database, Datasette reading while a crawl writes)
test-hard: install
	$(BIN)/python -m pytest -m hard

eval: install
	$(BIN)/python -m newsdb.evaluate

crawl: install
	$(BIN)/newsdb crawl

serve: install
	$(BIN)/newsdb serve

# PNGs of the newsroom pages (desktop and phone widths) in data/screenshots/; needs chromium + chromium-driver
screenshots: install
	$(BIN)/python tests/screenshots.py --out data/screenshots

# Benchmarks (bench/, README "Benchmarks"): sites generated into data/bench/, served on 127.0.0.21-23.
N ?= 2000
ARTICLES ?= 1000000
BENCH_OUT ?= data/bench
bench: install
	$(BIN)/python -m bench.run --articles $(N) --out $(BENCH_OUT)

bench-scale: install
	$(BIN)/python -m bench.scale --articles $(ARTICLES)

clean:
	rm -rf $(VENV) build *.egg-info
