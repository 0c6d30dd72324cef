# One place for every command people, hooks and CI use. `make help` lists them (in Swedish).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
EDITOR_PY := .venv-editor/bin/python
BIN       := $(VENV)/bin
PY        := $(BIN)/python
export TF_CPP_MIN_LOG_LEVEL ?= 3
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

SPACY_DIR := models/spacy-sv

.PHONY: help install lock editor unit understanding system web spacy train run shell test lint typecheck validate walk diagram granskning evaluate bench growth profile loadtest cluster purge rasa-validate rasa-test pytest teams-package slack-manifest screenshot clean statistik samtal py311 images images-test audit

help: ## visar kommandona
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: ## skapar .venv från låsfilen, där varje paket kontrolleras mot sin hash (hoppas över när inget har ändrats)
	@bash scripts/install.sh

lock: ## låser om beroendena: requirements/runtime.in och dev.in till hashade låsfiler för Python 3.10 och 3.11 (behåller låsta versioner)
	@bash scripts/lock.sh

editor: ## skapar .venv-editor med bara det som trädets verktyg behöver (requirements/editor.txt)
	@bash scripts/install_editor.sh

system: ## installerar Debianpaketen som testerna behöver (Chromium, PostgreSQL, Redis, nginx, Node.js)
	@bash scripts/install_system.sh

web: ## hämtar testernas JavaScript-bibliotek från npm och kontrollerar att web/vendor är samma socket.io-klient som låsfilen (hoppas över när inget har ändrats)
	@bash scripts/web_vendor.sh

spacy: install ## bygger den svenska spaCy-pipelinen (hoppas över när inget har ändrats)
	@bash scripts/build_spacy.sh

train: spacy ## tränar Rasa-modellen (hoppas över när indata inte har ändrats)
	@bash scripts/train.sh

# Running the assistant needs none of the test tools: on a fresh clone `make run` installs the runtime
# lock alone (scripts/install.sh), and `make test` adds the tools later.
run shell: export ASF_RUNTIME_ONLY := 1

run: train ## startar assistenten: action-servern, Rasa-servern och intranätsidan
	@bash scripts/run.sh

shell: train ## chatta med assistenten i terminalen
	@bash scripts/run.sh --shell

validate: editor ## kontrollerar allt i content/ och länkarna till NLU-data, på vanlig svenska, och att texterna följer ordlistan (bara PyYAML och jsonschema behövs)
	@$(EDITOR_PY) -m asf.guidance validate && $(EDITOR_PY) -m asf.training validate && $(EDITOR_PY) -m asf.content_check && $(EDITOR_PY) -m asf.reading_check && $(EDITOR_PY) -m asf.glossary_check

walk: editor ## svara på trädets frågor i terminalen, utan Rasa
	@$(EDITOR_PY) -m asf.guidance walk

diagram: editor ## ritar trädet som docs/beslutstrad.svg, med hela trädet som text i docs/beslutstrad.md
	@$(EDITOR_PY) -m asf.guidance.diagram docs/beslutstrad.svg && echo "Skrev docs/beslutstrad.svg och docs/beslutstrad.md"

granskning: install ## skriver granskningsunderlaget för en jurist i dist/granskning/ (HTML, PDF och trädet som text)
	@$(PY) -m asf.guidance.review dist/granskning

lint: install ## ruff (lint och format)
	@$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: install ## mypy (strict)
	@$(BIN)/mypy

rasa-validate: spacy ## rasa data validate, som fallerar på varningar
	@bash scripts/rasa_validate.sh

rasa-test: train ## rasa test på testberättelserna
	@bash scripts/rasa_test.sh

evaluate: train ## träffsäkerhet på det som hålls utanför: avsikter och entiteter, och fakta ur fritext (make understanding)
	@$(PY) -m scripts.evaluate_nlu
	@$(PY) -m bench.understanding --set heldout

understanding: install ## fakta ur beskrivningar och typade svar, på den hållna halvan (SET=dev för utvecklingshalvan, SHOW=1 visar missarna där)
	@$(PY) -m bench.understanding --set $${SET:-heldout} $${SHOW:+--show}

bench: train ## hastighet och träffsäkerhet: projektet (A) mot Rasas standardkonfiguration (B)
	@$(PY) -m bench.run

growth: train ## växer tiden per meddelande med samtalets längd? 25 bedömningar i rad i samma samtal, den första mot den sista
	@$(PY) -m bench.growth

profile: train ## var Rasa- och action-servern lägger sin CPU-tid under last (py-spy)
	@$(PY) -m bench.profile

# Python's bytecode is kept here (in __pycache__, ignored by git): each test worker then loads the
# project's modules instead of compiling them again, seconds a run. A test file runs whole on one
# worker (loadfile), so its module fixtures and heavy imports (TensorFlow for test_rasa_plugins) happen once.
unit: install ## enhetstesterna: inga servrar, ingen tränad modell, inga Debianpaket eller npm (ungefär 30 sekunder på två kärnor)
	@PYTHONDONTWRITEBYTECODE= bash scripts/pytest.sh tests/unit -q -n auto --dist loadfile

# As `make unit`, one test file per worker, one worker per core: most system-test time is waiting
# (servers starting, time limits running out), which the other worker fills. Each file's servers
# have their own ports, tracker database and log folder (devtools/servers.py); the files that share
# one set of servers (xdist_group "shared-servers", tests/system/conftest.py) go to one worker
# together (loadgroup: every other file is a group of its own, tests/conftest.py). The files run in
# the order collected (system tests first, the many short unit files last, filling in at the end)
# instead of xdist's default of the files with the most tests first.
pytest: train system web ## alla pytest-tester: enhetstester och systemtester med riktiga servrar, en testfil per kärna
	@PYTHONDONTWRITEBYTECODE= bash scripts/pytest.sh -n auto --dist loadgroup --no-loadscope-reorder

py311: train ## Python 3.11-vägen (Debian 12, containrarna): installerar .venv-py311 och provar WebSocket och REST mot servrar därifrån
	@bash scripts/test_py311.sh

images: train ## bygger containeravbilderna (Rasa-servern, action-servern, sidan bakom nginx) med podman eller docker; beroendena bara när låsfilen ändrats
	@bash scripts/images.sh

images-test: train system ## bygger avbilderna, startar compose.yml med podman-compose (en bedömning över REST) och kör avbilderna med PostgreSQL och Redis: en bedömning via sidans nginx över socket.io och REST, med Rasa-containern dödad mitt i (hoppas över utan podman och docker)
	@bash scripts/install_podman.sh
	@ASF_IMAGES_TEST=1 bash scripts/pytest.sh tests/system/test_compose.py tests/system/test_images.py -q -rs -s

audit: install ## kända sårbarheter i låsfilerna för 3.10 och 3.11, mot en daterad kopia av PyPA:s sårbarhetsdatabas och en granskad lista över godtagna
	@$(PY) -m scripts.audit

screenshot: train system web ## tar om docs/skarmbild-intranat.png med webbläsartestet
	@UPDATE_SCREENSHOT=1 bash scripts/pytest.sh tests/system/test_web.py -q -k across_a_reload

# The targets lint typecheck validate audit rasa-validate pytest py311 images-test rasa-test; scripts/test.sh
# installs the 3.11 venv and trains and runs rasa-test beside the first five, then runs pytest with
# images-test and py311 beside it.
test: ## allt som kontrollerar projektet (det CI kör)
	@bash scripts/test.sh

cluster: train system ## flera Rasa-servrar bakom nginx med PostgreSQL och Redis (REPLICAS=2)
	@$(PY) -m scripts.cluster

loadtest: train system ## 200 samtidiga bedömningar mot klustret; kontrollerar att inget gick förlorat (REPLICAS, CONVERSATIONS)
	@$(PY) -m bench.loadtest

purge: install ## tar bort samtal äldre än DAYS dagar (90 om inget anges) ur databasen
	@$(PY) -m scripts.purge_conversations --days $${DAYS:-90}

teams-package: install ## Teams-appens paket (manifest och ikoner i en zip) i dist/teams/, från TEAMS_APP_ID
	@$(PY) scripts/teams_package.py

slack-manifest: install ## Slack-appens manifest i dist/slack/ med serverns adress från ASF_PUBLIC_URL (SOCKET_MODE=1: Socket Mode, ingen publik adress)
	@$(PY) -m scripts.slack_manifest $${SOCKET_MODE:+--socket-mode}

statistik: install ## statistik ur sparade samtal som HTML med diagram och CSV i dist/statistik/ (FROM=ÅÅÅÅ-MM-DD TO=ÅÅÅÅ-MM-DD väljer period)
	@$(PY) -m asf.statistics report --out dist/statistik $${FROM:+--from $$FROM} $${TO:+--to $$TO}

samtal: install ## maskade samtal att granska (missförstånd, nej till sammanfattningen, Nej om nytta, täcks inte) i dist/samtal.md (FROM, TO, ORSAK, UTFALL)
	@$(PY) -m asf.statistics review --out dist/samtal.md $${FROM:+--from $$FROM} $${TO:+--to $$TO} $${ORSAK:+--reason $$ORSAK} $${UTFALL:+--outcome $$UTFALL}

clean: ## tar bort tränade modeller, spaCy-pipelinen och lokala data (behåller .venv)
	rm -rf models results var
