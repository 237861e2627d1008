# Valuecase: `make run` serves the site with demo data, `make test` runs lint and the whole suite.
# Every target sets up what it needs first, and does nothing it has already done.

PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CSS := app/static/css/main.css
GOVUK_JS := app/static/govuk/govuk-frontend.min.js
PG_TEST_URL := postgresql://postgres@127.0.0.1:5432/test
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help setup assets browser db demo run test lint format rules-test bench bench-check \
	bench-api bench-queue bench-pdf bench-pages bench-register load clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(CSS): $(NODE_STAMP) app/assets/main.scss
	@mkdir -p $(dir $@)
	npx --no-install sass --quiet-deps --load-path=node_modules --style=compressed --no-source-map app/assets/main.scss $@

$(GOVUK_JS): $(NODE_STAMP)
	@mkdir -p app/static/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $@
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images app/static/govuk/assets/

setup: $(PY_STAMP) assets ## Create .venv and install Python and front-end packages

assets: $(CSS) $(GOVUK_JS) ## Build the front-end assets from the npm registry's govuk-frontend

browser: ## Install Debian's Chromium for the browser tests (once)
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

db: $(PY_STAMP) ## Apply the database migrations to instance/ (or DATABASE_URL)
	$(FLASK) db upgrade

demo: db ## Load the demo data (idempotent) and print the demo sign-ins
	$(FLASK) seed-demo

run: setup demo ## Serve the site at http://127.0.0.1:5000 on SQLite with demo data
	$(FLASK) run --host 127.0.0.1 --port 5000

lint: $(PY_STAMP) ## Check code style with ruff and the rules/curriculum YAML with yamllint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/yamllint -s .yamllint $$(ls -d rules curriculum 2>/dev/null)

format: $(PY_STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: setup browser lint ## Run lint and the whole test suite (PostgreSQL too when CI=true)
ifeq ($(CI),true)
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-$(PG_TEST_URL)} $(BIN)/python -m pytest
else
	$(BIN)/python -m pytest
endif

rules-test: $(PY_STAMP) ## Run every rule's test cases
	$(FLASK) rules test

bench: bench-check bench-api bench-queue bench-pdf bench-pages bench-register ## Run every benchmark

bench-check: $(PY_STAMP) ## Benchmark the checks on the example documents
	$(BIN)/python bench/check.py

bench-api: $(PY_STAMP) ## Benchmark POST /api/v1/check under gunicorn beside a trivial endpoint
	$(BIN)/python bench/api.py

bench-queue: $(PY_STAMP) ## Benchmark /triage and /register with 100,000 submissions in PostgreSQL
	$(BIN)/python bench/triage_queue.py

bench-pdf: $(PY_STAMP) assets ## Benchmark assessment-report PDF rendering
	$(BIN)/python bench/pdf.py

bench-pages: $(PY_STAMP) ## Benchmark the heaviest pages and PDFs beside the ping
	$(BIN)/python bench/pages.py

bench-register: $(PY_STAMP) ## Benchmark the register's JSON API and OCDS package with 100,000 decisions
	$(BIN)/python bench/register_api.py

load: setup ## Load-test gunicorn on PostgreSQL with simulated proposers and commissioners
	$(BIN)/python bench/load.py

clean: ## Remove the virtualenv, node_modules and built assets
	rm -rf $(VENV) node_modules app/static/css app/static/govuk
