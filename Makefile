# Two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots translations readme clean wheel-test package deb package-test

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

# Qt Linguist: refresh the .ts sources from tr() calls, the settings' screen labels
# (QT_TRANSLATE_NOOP in kiosk/config/sections) and the English templates of the reasons
# the layers below report (QT_TRANSLATE_NOOP in every module declaring a Reason), then
# compile them to .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate \
		$$( (find kiosk/ui kiosk/config/sections -name "*.py"; \
			grep -rl --include="*.py" "(Reason):" kiosk) | sort -u) \
		-source-language en -target-language hi_IN \
		-no-obsolete -ts kiosk/assets/translations/kiosk_hi.ts
	$(BIN)/pyside6-lrelease kiosk/assets/translations/kiosk_hi.ts \
		-qm kiosk/assets/translations/kiosk_hi.qm

# The README's settings tables, generated from the settings' declarations.
readme: $(STAMP)
	$(BIN)/python -m kiosk.config.reference README.md

clean:
	rm -rf $(VENV) build dist *.egg-info

# The wheel on its own (CI runs this): built from the tree, installed with its dependencies
# into a scratch venv outside the repo, and run from there, so nothing is found through the
# source tree.
wheel-test: $(STAMP)
	scratch=$$(mktemp -d /tmp/missedcall-kiosk-wheel.XXXXXX) && trap 'rm -rf "$$scratch"' EXIT && \
	$(BIN)/python -m pip wheel . --no-deps --quiet --wheel-dir "$$scratch/dist" && \
	$(BIN)/python -m venv "$$scratch/venv" && \
	"$$scratch/venv/bin/python" -m pip install --quiet "$$scratch"/dist/*.whl && \
	cd "$$scratch" && export QT_QPA_PLATFORM=offscreen && unset PYTHONPATH && \
	venv/bin/python -c 'import kiosk; print("kiosk from", kiosk.__file__)' && \
	venv/bin/missedcall-kiosk --version && \
	venv/bin/missedcall-kiosk selftest

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
