# Uppsikt's two commands are `make run` and `make test`; the rest are steps of them.
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc)
DB         ?= var/demo.db
PORT       ?= 8080

.PHONY: all deps build run test asan bench clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/Makefile
	@cmake --build $(BUILD) -j$(JOBS) -- --no-print-directory

run: build
	@mkdir -p $(dir $(DB))
	@[ -f $(DB) ] || $(BUILD)/uppsikt demo --db $(DB)
	@echo "Logga in som samordnare@demo.uppsikt.se med lösenordet demo-coordinator (alla demokonton: se 'uppsikt demo'; en $(DB) från före inloggningen har inga: ta bort den)"
	@$(BUILD)/uppsikt serve --db $(DB) --port $(PORT) --static $(BUILD)/static

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 600

# Debug build with AddressSanitizer + UBSan; runs the unit tests under it.
asan: deps
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DUPPSIKT_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j$(JOBS) -- --no-print-directory
	@cd $(BUILD_ASAN) && ctest --output-on-failure -j$(JOBS) -L unit

bench: build
	@cmake --build $(BUILD) --target uppsikt_bench -j$(JOBS) -- --no-print-directory
	@$(BUILD)/uppsikt_bench

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
