# Two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots translations clean package deb package-test

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
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m kiosk.ui.screenshots docs/screenshots

# Qt Linguist: refresh the .ts sources from tr() calls and the reasons' English templates
# (QT_TRANSLATE_NOOP in the reasons modules), then compile them to .qm.
TRANSLATED := kiosk/ui/*.py kiosk/domain/health.py kiosk/*/reasons.py kiosk/sources/*/reasons.py
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(TRANSLATED) -source-language en -target-language hi_IN \
		-no-obsolete -ts resources/translations/kiosk_hi.ts
	$(BIN)/pyside6-lrelease resources/translations/kiosk_hi.ts -qm resources/translations/kiosk_hi.qm

clean:
	rm -rf $(VENV) build dist *.egg-info

# The installable app: a PyInstaller one-folder build, and a Debian package of it.
PACKAGE_STAMP := $(VENV)/.packaging

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install -e '.[package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller packaging/missedcall-kiosk.spec --distpath dist --workpath build/pyinstaller -y --log-level WARN
	du -sh dist/missedcall-kiosk

deb: package
	$(BIN)/python packaging/make_deb.py

# Smoke test of the package: its contents, and the app unpacked from it runs (CI runs this).
package-test: deb
	QT_QPA_PLATFORM=offscreen KIOSK_PACKAGE_DEB="$$(ls -t dist/missedcall-kiosk_*.deb | head -1)" \
		$(BIN)/python -m pytest tests/packaging -v $(PYTEST_ARGS)
