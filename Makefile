# One place for every command people, hooks and CI use. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
PY        := $(BIN)/python
export TF_CPP_MIN_LOG_LEVEL ?= 3
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

SPACY_DIR := models/spacy-sv

.PHONY: help install system web spacy train run shell test lint typecheck validate walk diagram evaluate bench profile loadtest cluster purge rasa-validate rasa-test pytest teams-package screenshot clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: ## create .venv from the pinned lock file (skipped when nothing changed)
	@bash scripts/install.sh

system: ## install the Debian packages the tests need (Chromium, PostgreSQL, Redis, nginx, Node.js)
	@bash scripts/install_system.sh

web: ## the page's JavaScript libraries from npm into web/vendor (skipped when nothing changed)
	@bash scripts/web_vendor.sh

spacy: install ## build the Swedish spaCy pipeline (skipped when nothing changed)
	@bash scripts/build_spacy.sh

train: spacy ## train the Rasa model (skipped when its inputs did not change)
	@bash scripts/train.sh

run: train web ## start the assistant: action server, Rasa server and the intranet page
	@bash scripts/run.sh

shell: train ## chat with the assistant in the terminal
	@bash scripts/run.sh --shell

validate: install ## check the decision tree and the training cases, in plain Swedish
	@$(PY) -m actions.guidance validate && $(PY) -m actions.training validate

walk: install ## answer the tree's questions in the terminal, without Rasa
	@$(PY) -m actions.guidance walk

diagram: install ## draw the tree as docs/beslutstrad.svg
	@$(PY) -m actions.guidance.diagram docs/beslutstrad.svg && echo "Skrev docs/beslutstrad.svg"

lint: install ## ruff
	@$(BIN)/ruff check actions bench channels nlp rasa_sdk_plugins tests scripts && $(BIN)/ruff format --check actions bench channels nlp rasa_sdk_plugins tests scripts

typecheck: install ## mypy (strict)
	@$(BIN)/mypy

rasa-validate: spacy ## rasa data validate, failing on any warning
	@bash scripts/rasa_validate.sh

rasa-test: train ## rasa test on the test stories
	@bash scripts/rasa_test.sh

evaluate: train ## intent and entity scores on the held-out NLU test set
	@$(PY) scripts/evaluate_nlu.py

bench: train ## speed and accuracy: this project (A) against Rasa's stock configuration (B)
	@$(PY) -m bench.run

profile: train ## where the Rasa and action servers spend CPU under load (py-spy)
	@$(PY) -m bench.profile

pytest: train system web ## the pytest suite (engine, actions, servers)
	@bash scripts/pytest.sh

screenshot: train system web ## retake docs/skarmbild-intranat.png with the browser test
	@UPDATE_SCREENSHOT=1 bash scripts/pytest.sh tests/test_web.py -q -k across_a_reload

test: lint typecheck validate rasa-validate pytest rasa-test ## everything that checks the project (CI runs this)
	@echo "make test: allt gick igenom."

cluster: train system ## several Rasa servers behind nginx with PostgreSQL and Redis (REPLICAS=2)
	@$(PY) -m scripts.cluster

loadtest: train system ## 200 concurrent assessments over the cluster; checks nothing was lost (REPLICAS, CONVERSATIONS)
	@$(PY) -m bench.loadtest

purge: install ## delete conversations older than DAYS days (default 90) from the tracker store
	@$(PY) scripts/purge_conversations.py --days $${DAYS:-90}

teams-package: install ## the Teams app package (manifest and icons, zipped) in dist/teams/, from TEAMS_APP_ID
	@$(PY) scripts/teams_package.py

clean: ## remove trained models, the spaCy pipeline and local data (keeps .venv)
	rm -rf models results var
