# gowsgi - the front door.
#
#   make / make build   build/: gowsgi, libgowsgi.so (+ gowsgi.h), the nginx and Apache modules
#   make run            serve the examples/ apps on 127.0.0.1:8000
#   make run-nginx      serve them through nginx on 127.0.0.1:8080
#   make run-apache     serve them through Apache on 127.0.0.1:8081
#   make test           vet, unit tests with -race, short fuzzing, end-to-end suites
#   make fuzz           every fuzz target for FUZZTIME each (default 3,000,000 runs)
#   make bench          the benchmarks, each against its peers, with wrk
#   make clean          remove build/
#
# Missing Debian packages are installed by scripts/deps.sh (as root) or named
# with the command to install them.

# Go is installed in /usr/local/go, which need not be on the caller's PATH.
export PATH := /usr/local/go/bin:$(PATH)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

BUILD_DIR := build
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

# Packages with unit tests and fuzz targets; tests/ holds the end-to-end suite.
UNIT_PKGS := ./core/... ./cmd/... ./cshim/...
E2E_PKGS := ./tests/...

# How long each fuzz target runs: briefly within `make test`, longer in `make
# fuzz`. Counted in runs (Nx), not seconds: Go 1.26's fuzzing coordinator can
# fail a target with "context deadline exceeded" when a time budget ends
# (golang/go#75804), which a count never does. 200,000 runs take 4-15 s here.
TEST_FUZZTIME ?= 200000x
FUZZTIME ?= 3000000x

RUN_CONFIG := examples/gowsgi.conf

# The CPython engine: CPYTHON_BUILD_TAGS is "cpython" once libpython3-dev is
# installed, so every build includes the engine whenever it can.
include scripts/cpython.mk
GO_TAGS = -tags "$(CPYTHON_BUILD_TAGS)"

# libgowsgi.so and the web-server modules (run-nginx, test-nginx,
# bench-nginx; run-apache, test-apache, bench-apache).
BUILD := $(BUILD_DIR)
include nginx-module/Makefile.inc
include apache-module/Makefile.inc

.PHONY: all build gowsgi run test vet unit fuzz-short fuzz e2e bench bench-standalone bench-flask clean \
	deps-run deps-test deps-bench

# Steps run one after another, in the order each target lists them.
.NOTPARALLEL:

.DEFAULT_GOAL := all
all: build

# Everything into build/: the CLI, libgowsgi.so and the web-server modules.
build: gowsgi libgowsgi nginx-module apache-module

gowsgi: export CGO_ENABLED := 1
gowsgi:
	go build $(GO_TAGS) -ldflags "$(LDFLAGS)" -o $(BUILD_DIR)/gowsgi ./cmd/gowsgi

# Debian packages each target needs (see scripts/deps.sh).
deps-run deps-test deps-bench:
	scripts/deps.sh $(@:deps-%=%)

# Serve the examples in the foreground; Ctrl-C stops the server.
run: deps-run gowsgi
	@listen=$$(awk '$$1 == "Listen" { print $$2; exit }' $(RUN_CONFIG)); \
	echo "Serving $(RUN_CONFIG) on http://$$listen (Ctrl-C to stop):"; \
	awk -v base="http://$$listen" \
		'$$1 == "WSGIScriptAlias" { print "  " base $$2 } \
		 $$1 == "Alias" { print "  " base $$2 "/" }' $(RUN_CONFIG)
	$(BUILD_DIR)/gowsgi serve --config $(RUN_CONFIG)

test: deps-test deps-cpython deps-nginx-build deps-apache-test vet unit fuzz-short e2e e2e-cpython

vet: export CGO_ENABLED := 1
vet:
	go vet $(GO_TAGS) ./...

# The race detector needs cgo, which Go turns off when it finds no C compiler
# on PATH: scripts/deps.sh installs gcc, and cgo is asked for explicitly.
unit: export CGO_ENABLED := 1
unit:
	go test $(GO_TAGS) -race -count=1 $(UNIT_PKGS)

# run_fuzz BUDGET: run every fuzz target of UNIT_PKGS for BUDGET (-fuzztime) each.
# `go test -fuzz` takes one target of one package at a time, so the targets
# are listed per package first.
define run_fuzz
	for pkg in $$(go list $(UNIT_PKGS)); do \
		listing=$$(go test -list '^Fuzz' "$$pkg"); \
		for name in $$(grep '^Fuzz' <<<"$$listing" || true); do \
			echo "== fuzz $$pkg $$name for $(1)"; \
			go test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(1) -fuzzminimizetime=5s "$$pkg"; \
		done; \
	done
endef

fuzz-short:
	$(call run_fuzz,$(TEST_FUZZTIME))

fuzz:
	$(call run_fuzz,$(FUZZTIME))

# The end-to-end suite builds its own gowsgi binary.
e2e: libgowsgi nginx-module apache-module
	GOWSGI_NGINX_BUILT=$(abspath $(BUILD_DIR)) GOWSGI_APACHE_BUILT=$(abspath $(BUILD_DIR)) \
		go test -count=1 -timeout 30m $(E2E_PKGS)

# Each benchmark measures gowsgi beside its peers in one run.
bench: bench-standalone bench-nginx bench-apache bench-cpython bench-flask

# hello.py measures the server around the app; table.py, a CPU-bound page,
# what Python work costs on the default engine.
# A Flask page: nginx + gowsgi (cpython) beside nginx -> uWSGI and Apache +
# mod_wsgi.
bench-flask: deps-cpython deps-nginx-bench deps-apache-bench libgowsgi nginx-module
	BUILD=$(BUILD_DIR) tests/bench/flask/bench.sh

bench-standalone: deps-bench gowsgi
	tests/bench/bench.sh examples/hello.py
	tests/bench/bench.sh tests/bench/table.py

clean:
	rm -rf $(BUILD_DIR)
