# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed
# here: Debian packages (as root, with apt-get), then a virtual environment with the package.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Each language profile names the Debian package of its hunspell dictionary
# (dictionary_package="…" in src/wwc_press/languages/): read from their source with the system's
# Python, since the package and its dependencies are not installed yet.
DICTIONARIES := $(shell $(PYTHON) -c 'import ast, pathlib; print(*sorted({node.value.value \
	for path in pathlib.Path("src/wwc_press/languages").glob("*.py") \
	for node in ast.walk(ast.parse(path.read_text("utf-8"))) \
	if isinstance(node, ast.keyword) and node.arg == "dictionary_package"}))')
# Pango and HarfBuzz for WeasyPrint; poppler-utils (pdftotext, pdftoppm) for tests and previews;
# chromium for the accessibility audit (Playwright drives it; it never downloads its own);
# enchant with hunspell's dictionaries, for check's spelling in each language; gettext, whose
# msgfmt --check the tests run on the PO files translate export writes.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium \
	libenchant-2-2 $(DICTIONARIES) gettext

.PHONY: demo test test-long lint system-deps clean

demo: $(STAMP)
	$(BIN)/wwc-press build

# The tests run in one process per core, each test file whole in one of them (its module
# fixtures are built once); a build inside a test still forks its own PDF workers.
test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/pytest -q -n auto --dist loadfile
	$(BIN)/wwc-press check

# Many more generated announcements than `make test` runs, rendered to PDF as well.
test-long: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/test_properties.py

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "Not a Debian system: install Pango >= 1.44 (with HarfBuzz) and poppler-utils yourself."; \
	  exit 0; \
	fi; \
	missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Missing Debian packages:$$missing. Run as root: apt-get install$$missing"; exit 1; \
	fi; \
	echo "Installing Debian packages:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

clean:
	rm -rf dist $(VENV) .pytest_cache .ruff_cache
