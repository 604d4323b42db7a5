# Portico — the commands a contributor needs. `make help` lists them.
SHELL := /bin/bash
CARGO ?= cargo
PORTICO_DATABASE_URL ?= sqlite://data/portico.db
export PORTICO_DATABASE_URL

.PHONY: help run build test lint fmt openapi clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: ## Build and start the server on SQLite (data/portico.db) with the demo tenant
	$(CARGO) build --release -p portico
	./target/release/portico serve --demo

build: ## Build the release binary
	$(CARGO) build --release -p portico

test: ## Run the whole test suite (PostgreSQL too when PORTICO_TEST_PG_URL is set)
	$(CARGO) test --workspace --no-fail-fast

lint: ## cargo fmt --check and clippy with warnings as errors
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt: ## Format the code
	$(CARGO) fmt --all

openapi: ## Regenerate openapi/openapi.json from the code
	@mkdir -p openapi
	$(CARGO) run -q -p portico -- openapi > openapi/openapi.json.tmp
	mv openapi/openapi.json.tmp openapi/openapi.json

clean: ## Remove build output (keeps data/)
	$(CARGO) clean
