# Uppsikt's two commands are `make run` and `make test`; the rest are steps of them.
BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
JOBS       ?= $(shell nproc)
DB         ?= var/demo.db
PORT       ?= 8080
FUZZ_SECONDS ?= 60
FUZZERS    := text docx pdf odt xlsx multipart

.PHONY: all deps build run test deb asan fuzz bench import-report clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/Makefile
	@cmake --build $(BUILD) -j$(JOBS) -- --no-print-directory

# run builds only the server and its assets, not the tests.
run: deps $(BUILD)/Makefile
	@echo "Bygger Uppsikt …"
	@cmake --build $(BUILD) -j$(JOBS) --target uppsikt uppsikt_static > $(BUILD)/build.log 2>&1 \
	  || { cat $(BUILD)/build.log; exit 1; }
	@mkdir -p $(dir $(DB))
	@[ -f $(DB) ] || $(BUILD)/uppsikt demo --db $(DB)
	@echo "Logga in som samordnare@demo.uppsikt.se med lösenordet demo-coordinator (alla demokonton: se 'uppsikt demo'; en $(DB) från före inloggningen har inga: ta bort den)"
	@$(BUILD)/uppsikt serve --db $(DB) --port $(PORT) --static $(BUILD)/static

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 600

# The Debian package (CPack's DEB generator; see cmake/package.cmake) in $(BUILD)/package/.
deb: deps $(BUILD)/Makefile
	@cmake --build $(BUILD) -j$(JOBS) --target uppsikt uppsikt_static uppsikt_manpage -- --no-print-directory
	@cd $(BUILD) && cpack -G DEB --config CPackConfig.cmake >/dev/null
	@ls $(BUILD)/package/*.deb

# Debug build with AddressSanitizer + UBSan; runs the unit tests under it.
asan: deps
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DUPPSIKT_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j$(JOBS) -- --no-print-directory
	@cd $(BUILD_ASAN) && ctest --output-on-failure -j$(JOBS) -L 'unit|fuzz'

# libFuzzer with AddressSanitizer + UBSan (clang): each importer's fuzz target runs for
# FUZZ_SECONDS over a copy of its seed corpus in $(BUILD_FUZZ)/corpus, where new finds stay;
# logs and crashing inputs are in $(BUILD_FUZZ) too.
fuzz: deps
	@CXX=clang++-14 cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DUPPSIKT_SANITIZE=ON -DUPPSIKT_FUZZ=ON >/dev/null
	@cmake --build $(BUILD_FUZZ) -j$(JOBS) --target $(FUZZERS:%=fuzz_%) -- --no-print-directory
	@for f in $(FUZZERS); do mkdir -p $(BUILD_FUZZ)/corpus/$$f && cp fuzz/corpus/$$f/* $(BUILD_FUZZ)/corpus/$$f/; done
	@cp data/demo/*.txt $(BUILD_FUZZ)/corpus/text/ && cp tests/importer/data/*.pdf $(BUILD_FUZZ)/corpus/pdf/
	@status=0; for f in $(FUZZERS); do \
	  echo "fuzz_$$f: $(FUZZ_SECONDS) s, log in $(BUILD_FUZZ)/fuzz_$$f.log"; \
	  if UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BUILD_FUZZ)/fuzz_$$f $(BUILD_FUZZ)/corpus/$$f \
	       -max_total_time=$(FUZZ_SECONDS) -max_len=1048576 -rss_limit_mb=4096 -timeout=30 \
	       -print_final_stats=1 -artifact_prefix=$(BUILD_FUZZ)/$$f- >$(BUILD_FUZZ)/fuzz_$$f.log 2>&1; then \
	    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|DONE' $(BUILD_FUZZ)/fuzz_$$f.log; \
	  else tail -n 60 $(BUILD_FUZZ)/fuzz_$$f.log; status=1; fi; \
	done; exit $$status

# Fields right per follow-up of the import corpora (tests/importer/corpus, corpus_unseen), and in all.
import-report: deps $(BUILD)/Makefile
	@cmake --build $(BUILD) -j$(JOBS) --target uppsikt_import_report -- --no-print-directory
	@$(BUILD)/uppsikt_import_report

bench: build
	@cmake --build $(BUILD) --target uppsikt_bench -j$(JOBS) -- --no-print-directory
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
