# hr_skp_asn: development and test commands (`make help`). The shell logic lives in tools/*.sh,
# shared with tests/conftest.py. Odoo 18.0 and the virtualenv are kept outside the repository,
# in ${XDG_CACHE_HOME:-~/.cache}/hr_skp_asn (tools/setup.sh).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Our addons: every folder of the repository with a __manifest__.py (SKP_ADDONS_DIR=/other/dir
# to try another copy of them). `make test ADDONS=hr_skp_asn` restricts to some.
ADDONS_DIR ?= $(or $(SKP_ADDONS_DIR),$(CURDIR))
ADDONS ?= $(notdir $(patsubst %/__manifest__.py,%,$(wildcard $(ADDONS_DIR)/*/__manifest__.py)))
DB ?= hr_skp_asn
HTTP_PORT ?= 8069
export ADDONS DB HTTP_PORT

.PHONY: help setup run stop status clean distclean test lint format i18n bench

help: ## list the targets
	@echo "hr_skp_asn (Odoo 18.0) - addons: $(ADDONS)"
	@grep -hE '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "PostgreSQL: the server named by PGHOST/PGPORT/PGUSER/PGPASSWORD, else an embedded"
	@echo "cluster in .pgdata/ (unix socket only). Variables: DB=$(DB) HTTP_PORT=$(HTTP_PORT),"
	@echo "UPDATE=1 (make run: update the addons first), SKIP_LINT=1, PYTEST_ARGS=..."

setup: ## install Odoo 18.0 + virtualenv in the cache (once), write .odoo-env
	@bash tools/setup.sh

run: setup ## serve Odoo on :8069 with database hr_skp_asn (with demo data) in the background
	@bash tools/odoo.sh run

stop: ## stop the Odoo of `make run` and the embedded PostgreSQL
	@bash tools/odoo.sh stop

status: ## tell whether Odoo and PostgreSQL run
	@bash tools/odoo.sh status

clean: stop ## stop, delete the embedded cluster, .run/ and .odoo-env (not the cache)
	@bash tools/pg.sh destroy
	rm -rf .run .odoo-env .pytest_cache .ruff_cache

distclean: clean ## clean, and delete the cache (Odoo source, virtualenv)
	rm -rf "$${SKP_CACHE:-$${XDG_CACHE_HOME:-$$HOME/.cache}/hr_skp_asn}"

test: setup ## lint, Odoo tests (no demo), pytest tests/ (own server, demo); last line "N passed, N failed"
	@bash tools/test.sh

lint: setup ## ruff check + format --check, pylint-odoo
	@bash tools/lint.sh

i18n: setup ## export the terms to i18n/hr_skp_asn.pot, merge them into i18n/id.po, list what to translate
	@bash tools/i18n.sh

format: setup ## let ruff fix and reformat the code
	@FIX=1 bash tools/lint.sh

bench: setup ## measure a synthetic instansi: N=2000 (N=16426 province), REPLICA=1; bench/results.md
	@bash tools/bench.sh
