# vnplan: `make demo` and `make test` work on a fresh Debian machine: each installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2
DEMO_OUT ?= out/demo

.PHONY: demo test system-deps install bench bench-real bench-batch eval stress eval-repair repair-model schema clean

system-deps:
	@bash scripts/install_system_deps.sh

$(STAMP): setup.cfg setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

install: system-deps $(STAMP)

demo: install
	$(BIN)/vnplan batch corpus/ --out $(DEMO_OUT) --jobs $(JOBS) --parquet --quiet || [ $$? -eq 4 ]
	@echo "Results: one JSON per document in $(DEMO_OUT)/, index in $(DEMO_OUT)/index.jsonl, tables in $(DEMO_OUT)/*.parquet"

# The suite without the `slow` marker (real-document OCR, every real file end to end): those run
# in `make eval`.
test: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	$(BIN)/python scripts/bench_ocr.py
	$(BIN)/python scripts/bench_repair.py

# Documents/min, pages/min and peak memory of `vnplan batch`: text and scanned inputs, local --jobs 1
# and 2, Ray in-process and on a `ray start` cluster (Ray from the test extra; about 8 minutes).
bench-batch: install
	$(BIN)/python scripts/bench_batch.py

# OCR accuracy on the real born-digital pages of ../shared/realdocs (Tesseract alone vs vnplan's
# chain; OCR cached in out/bench_real_ocr/), then speed against OCRmyPDF on a few real PDFs
# (the bench extra: OCRmyPDF, with Ghostscript from Debian).
bench-real: install
	$(BIN)/python scripts/bench_real_ocr.py
	$(BIN)/python -m pip install -q -e '.[bench]'
	command -v gs >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends ghostscript
	$(BIN)/python scripts/bench_ocr.py --real --limit 4

# Each seed through a repair model built without it (the shipped model has read all five).
# The real development set (../shared/realdocs, gold in gold/real), the documents whose gold was
# written after the rules (gold/holdout, scored apart), the passages and plan excerpts typed by the team
# (gold/passages, gold/excerpts: proxies for the hidden passages) and the slow real-document tests.
eval: install
	$(BIN)/python scripts/predict_heldout.py --out out/heldout
	$(BIN)/python scripts/evaluate.py --gold gold/ --pred out/heldout --label seeds
	$(BIN)/python scripts/predict_real.py --out out/real --jobs $(JOBS) --force || true
	$(BIN)/python scripts/evaluate.py --gold gold/real --pred out/real --label real
	$(BIN)/python scripts/evaluate.py --gold gold/holdout --pred out/real --label holdout --only-predicted
	$(BIN)/python scripts/predict_passages.py --gold gold/passages --out out/passages
	$(BIN)/python scripts/evaluate.py --gold gold/passages --pred out/passages --label passages
	$(BIN)/python scripts/predict_passages.py --gold gold/excerpts --out out/excerpts
	$(BIN)/python scripts/evaluate.py --gold gold/excerpts --pred out/excerpts --label excerpts
	$(BIN)/python -m pytest -q -m slow

stress: install
	$(BIN)/python scripts/stress_corpus.py

eval-repair: install
	$(BIN)/python scripts/eval_repair.py

# Rebuilds extract/repair/data/ from ../shared/corpora/vlc-laws and the clean corpus documents.
repair-model: install
	$(BIN)/python scripts/build_repair_model.py

schema: install
	$(BIN)/vnplan schema -o models/plan-document.schema.json
	$(BIN)/python -c "import json; from vnplan.models.compare import comparison_json_schema as s; open('models/comparison-report.schema.json', 'w').write(json.dumps(s(), ensure_ascii=False, indent=2) + '\n')"

clean:
	rm -rf out/ .pytest_cache build *.egg-info
