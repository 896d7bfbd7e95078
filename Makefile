# Two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/missedcall-kiosk $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m kiosk.ui.screenshots docs/screenshots

# Qt Linguist: refresh the .ts sources from tr() calls, then compile them to .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate kiosk/ui/*.py -source-language en -target-language hi_IN \
		-no-obsolete -ts resources/translations/kiosk_hi.ts
	$(BIN)/pyside6-lrelease resources/translations/kiosk_hi.ts -qm resources/translations/kiosk_hi.qm

clean:
	rm -rf $(VENV) build dist *.egg-info
