# Portico — the commands a contributor needs. `make help` lists them.
SHELL := /bin/bash
CARGO ?= cargo
PORTICO_DATABASE_URL ?= sqlite://data/portico.db
export PORTICO_DATABASE_URL

NPM ?= npm
WEB_DEPS := web/node_modules/.package-lock.json

.PHONY: help run dev build web deps test test-rust test-web e2e lint compose-check fmt openapi clean webhooks-venv bench bench-small fuzz fuzz-venv client-venv

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: web ## Build the web app and the server, then start on SQLite (data/portico.db) with the demo tenant
	$(CARGO) build --release -p portico
	./target/release/portico serve --demo

dev: $(WEB_DEPS) ## API on :8080 and Vite's dev server on :5173 (open http://localhost:5173/portal/demo)
	$(CARGO) build -p portico
	@trap 'kill 0' EXIT INT TERM; \
	PORTICO_PUBLIC_URL=http://localhost:5173 PORTICO_WEBHOOKS_ALLOW_PRIVATE=true ./target/debug/portico serve --demo & \
	cd web && $(NPM) run dev -- --host 127.0.0.1

build: web ## Build the web app and the release binary
	$(CARGO) build --release -p portico

web: $(WEB_DEPS) ## Build the web app into web/dist
	cd web && $(NPM) run build

# npm ci only when the lock file changed since the last install.
$(WEB_DEPS): web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund

# System packages (Debian) the tests need, listed and explained in scripts/deps.sh; installs
# only what is missing, with sudo when not root. Every target that needs one depends on this.
deps: ## Install the system packages the tests need (chromium, poppler-utils, python3-venv) when missing
	@scripts/deps.sh test

test: deps test-rust test-web e2e ## Everything: Rust (PostgreSQL too when PORTICO_TEST_PG_URL is set), web unit tests, end-to-end in Chromium

test-rust: deps webhooks-venv ## The API's unit and integration tests
	$(CARGO) test --workspace --no-fail-fast

# The webhook tests check our signatures with an independent implementation: PyPI's
# standardwebhooks package, in a virtualenv the tests find at target/webhooks-venv; the booking
# tests parse our calendar files back with PyPI's icalendar, from the same virtualenv.
WEBHOOKS_VENV := target/webhooks-venv
webhooks-venv: $(WEBHOOKS_VENV)/.installed ## The Python virtualenv the webhook tests verify signatures with

$(WEBHOOKS_VENV)/.installed: | deps
	rm -rf $(WEBHOOKS_VENV)
	python3 -m venv $(WEBHOOKS_VENV)
	$(WEBHOOKS_VENV)/bin/pip install --quiet --disable-pip-version-check standardwebhooks==1.1.0 icalendar==6.1.0
	touch $@

test-web: $(WEB_DEPS) ## Type-check, lint and unit-test the web app
	cd web && $(NPM) run typecheck && $(NPM) run lint && $(NPM) test

e2e: deps web ## End-to-end tests: Playwright drives Debian's Chromium against the real server on SQLite
	$(CARGO) build -p portico
	cd web && $(NPM) run e2e

lint: compose-check ## cargo fmt --check, clippy with warnings as errors, docker-compose.yml validated
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	# The production build, without the tests' `bench` feature.
	$(CARGO) clippy -p portico --lib --bins -- -D warnings

# `docker compose` (v2 plugin) where there is one, else Debian's docker-compose (v1).
compose-check: ## Validate docker-compose.yml
	@scripts/deps.sh lint
	@if docker compose version >/dev/null 2>&1; then docker compose -f docker-compose.yml config -q; \
	else docker-compose -f docker-compose.yml config -q; fi
	@echo "docker-compose.yml is valid"

fmt: ## Format the code
	$(CARGO) fmt --all

openapi: ## Regenerate openapi/openapi.json from the code, and the web app's types from it
	@mkdir -p openapi
	$(CARGO) run -q -p portico -- openapi > openapi/openapi.json.tmp
	mv openapi/openapi.json.tmp openapi/openapi.json
	@if [ -d web/node_modules ]; then cd web && $(NPM) run -s gen:api; else echo "web/node_modules missing: run 'make web' to regenerate web/src/api/schema.d.ts"; fi

# Not part of `make test`: timings are measured here, never asserted in tests.
bench: ## Load benchmark, full dataset, PostgreSQL and SQLite: bench/results/<date>-<backend>.{json,md}
	bench/run.sh

bench-small: ## The same on the small dataset, for a quick check: bench/results/<date>-<backend>-small.{json,md}
	BENCH_PRESET=small bench/run.sh

clean: ## Remove build output (keeps data/)
	$(CARGO) clean
	rm -rf web/dist web/node_modules

# Schema fuzzing: schemathesis (PyPI, pinned, in its own virtualenv) against the live server as an
# API key, a staff member and a client, on SQLite and PostgreSQL (PORTICO_TEST_PG_URL). CI runs
# it with a short budget; FUZZ_SECONDS is per caller and database. Reports: target/fuzz/.
FUZZ_SECONDS ?= 300
FUZZ_SEED ?= 20261130
FUZZ_VENV := target/fuzz-venv
fuzz-venv: $(FUZZ_VENV)/.installed ## The Python virtualenv schemathesis runs from

$(FUZZ_VENV)/.installed: | deps
	rm -rf $(FUZZ_VENV)
	python3 -m venv $(FUZZ_VENV)
	$(FUZZ_VENV)/bin/pip install --quiet --disable-pip-version-check schemathesis==4.32.5
	touch $@

# The integrator's view: a client generated from the spec by openapi-python-client (PyPI,
# pinned), run against the fuzzing server (fuzz/generated_client.py). Its own virtualenv:
# its pins and schemathesis's need not agree.
CLIENT_VENV := target/client-venv
client-venv: $(CLIENT_VENV)/.installed ## The Python virtualenv openapi-python-client runs from

$(CLIENT_VENV)/.installed: | deps
	rm -rf $(CLIENT_VENV)
	python3 -m venv $(CLIENT_VENV)
	$(CLIENT_VENV)/bin/pip install --quiet --disable-pip-version-check openapi-python-client==0.29.1
	touch $@

fuzz: deps fuzz-venv client-venv ## Schema fuzzing of the whole API (FUZZ_SECONDS per caller and database, FUZZ_SEED)
	$(CARGO) build -p portico
	python3 fuzz/run.py --max-time $(FUZZ_SECONDS) --seed $(FUZZ_SEED) $(if $(PORTICO_TEST_PG_URL),,--backend sqlite)
