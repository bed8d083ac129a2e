# KAM Lab: one entry point. `make serve` builds and serves the book; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kamlab-installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
export PATH := $(CURDIR)/$(BIN):$(PATH)
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Builds and checks never read a learner's saved chapter work, even when make runs inside a notebook kernel.
unexport JPY_SESSION_NAME KAMLAB_CHAPTER

.PHONY: setup fonts postgres class-server lab book serve test test-code test-site unit notebooks build-check lint bench clean browser-deps browser pdf lite

## setup: a .venv with kamlab and its book/test tools, plus the CJK font for charts,
##        what the class server needs (see class-server below), and PostgreSQL's server
##        binaries (the tests start a throw-away server; none is left running)
setup: $(STAMP) fonts class-server postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[book,test,lite,lab,desk,hub]"
	$(BIN)/python -c "from kamlab.classroom.learner_env import write_lab_settings as w; w(__import__('pathlib').Path('$(VENV)'))"
	touch $(STAMP)

## class-server: for `kamlab classroom` (JupyterHub): configurable-http-proxy from npm into ./node_modules,
##   and the learners' environment, a venv from Debian's /usr/bin/python3 that every system user can run
##   (/opt/kamlab/venv, or KAMLAB_LEARNER_VENV; kamlab is re-installed there when the checkout changed).
##   Needs root for /opt (CI and sessions run as root); skipped with a note otherwise.
class-server: $(STAMP)
	@[ -x node_modules/.bin/configurable-http-proxy ] || npm install --no-audit --no-fund --loglevel=error
	@if [ -w /opt ] || [ -n "$$KAMLAB_LEARNER_VENV" ]; then $(BIN)/python -m kamlab.classroom.learner_env $(CURDIR); \
	  else echo "（跳过学员环境：需要 root 才能写入 /opt；课堂服务器本来就要以 root 运行）"; fi

fonts:
	@[ -f $(FONT) ] || { echo "Installing the CJK font (fonts-wqy-microhei) …"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q fonts-wqy-microhei >/dev/null || \
	  { $(SUDO) apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q fonts-wqy-microhei >/dev/null; }; }

postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  { echo "Installing PostgreSQL (postgresql) for the gradebook tests …"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql >/dev/null || \
	  { $(SUDO) apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql >/dev/null; }; }

## lab: JupyterLab in Chinese (with the widget extension) on the learner's copy of the chapters (learner-work/,
##      kept up to date with book/ and exercises/ by kamlab.learner.workspace: running a chapter never changes
##      a tracked file), opening on 从这里开始.md (chapters and exercises with their status); answers saved beside
##      each notebook in kamlab-answers/; kernels left idle with no tab open are stopped after 20 min.
##      LAB_PORT, LAB_TOKEN, LAB_DIR and LAB_FLAGS adjust it (the browser test uses them).
LAB_DIR ?= $(CURDIR)/learner-work
LAB_PORT ?= 8888
LAB_TOKEN ?=
LAB_FLAGS ?=
lab: setup
	@$(BIN)/python -m kamlab.learner.workspace "$(LAB_DIR)" --source "$(CURDIR)"
	@$(BIN)/python -m kamlab.classroom.startpage "$(LAB_DIR)" >/dev/null
	@echo "KAM Lab 学员环境：JupyterLab 在 http://127.0.0.1:$(LAB_PORT)/lab 打开“从这里开始”（Ctrl+C 停止）"
	$(CURDIR)/$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) \
	  --ServerApp.port_retries=0 --ServerApp.root_dir="$(LAB_DIR)" --LabApp.default_url=/lab/tree/从这里开始.md \
	  --MappingKernelManager.cull_idle_timeout=1200 --MappingKernelManager.cull_interval=120 \
	  --MappingKernelManager.cull_connected=False \
	  $(if $(LAB_TOKEN),--IdentityProvider.token=$(LAB_TOKEN)) $(if $(SUDO),,--allow-root) $(LAB_FLAGS)

## book: build the HTML book, executing every notebook (Sphinx warnings are errors)
book: setup
	$(BIN)/jupyter-book build . -W --keep-going

## serve: build (with JupyterLite), then serve the book on http://127.0.0.1:8000
serve: book lite
	@echo "KAM Lab 已构建：在浏览器打开 http://127.0.0.1:8000 （Ctrl+C 停止）"
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

## test: lint, unit tests, notebooks under nbval, a clean book build, then the built site in Chromium
## Two chains at once (the machine has 2 cores): the code chain (lint, unit tests, nbval) and the site
## chain (clean build, JupyterLite, browser tests). Each chain runs its stages in order; output is
## printed per chain when it ends (-O). Every stage still runs; a failure in either fails `make test`.
test: setup browser-deps
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory -j2 -O test-code test-site; rc=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s after set-up (exit $$rc)"; exit $$rc

test-code:
	@$(MAKE) --no-print-directory -j1 lint unit notebooks

test-site:
	@$(MAKE) --no-print-directory -j1 build-check lite browser

lint:
	$(BIN)/ruff check kamlab tests scripts web

unit:
	$(BIN)/pytest -n 2 tests

notebooks:
	$(BIN)/pytest -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -n 2 --dist loadfile $(wildcard book exercises)

build-check:
	$(BIN)/jupyter-book clean --all . >/dev/null
	time $(BIN)/jupyter-book build . -W --keep-going

## browser-deps: Debian's Chromium for the browser tests and PDFs (Playwright drives it; no browser download)
browser-deps: setup
	@[ -x /usr/bin/chromium ] || { echo "Installing Chromium (apt) …"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium >/dev/null || \
	  { $(SUDO) apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium >/dev/null; }; }

## browser: the built site (_build/html) in headless Chromium, offline; screenshots in _build/screenshots
browser: browser-deps
	@[ -f _build/html/index.html ] || $(MAKE) book
	KAMLAB_SITE=_build/html $(BIN)/pytest -p no:cacheprovider -n 3 --dist loadfile --durations=12 tests/browser

## lite: JupyterLite (Pyodide kernel + a kamlab wheel + the chapters) into _build/html/lite/
lite: setup
	@[ -f _build/html/index.html ] || $(MAKE) book
	$(BIN)/python web/build_lite.py --site _build/html --work _build/lite

## pdf: every page of the built book to _build/pdf/ (headless Chromium print, Chinese fonts embedded)
pdf: browser-deps
	@[ -f _build/html/index.html ] || $(MAKE) book
	$(BIN)/python web/print_pdf.py --site _build/html --out _build/pdf

## bench: print the speed figures named in the issues
bench: setup
	$(BIN)/python -m kamlab.perf

clean:
	$(BIN)/jupyter-book clean --all . || true
