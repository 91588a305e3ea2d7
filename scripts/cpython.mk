# cpython.mk - the CPython engine (core/engine/cpython), included by the
# Makefile. The engine links Debian's libpython3 through cgo and is compiled
# only with the build tag below; without it gowsgi has the gpython engine
# alone and `--engine cpython` says the engine is not compiled into the build.
#
#   make deps-cpython    libpython3-dev, pkg-config, python3-flask, python3-django
#   make build-cpython   build/gowsgi with the cpython engine
#   make test-cpython    vet, unit tests with -race, the end-to-end suite
#   make bench-cpython   hello-world requests/s, cpython against gpython (wrk)
#
# Recipes use bash, as the Makefile sets. Debian's python3 is used by path:
# a python3 earlier on PATH (pyenv) may be another version whose headers and
# library do not match.

PYTHON3_CONFIG := /usr/bin/python3-config

# The build tag that compiles the engine, and the Go flags that carry it.
CPYTHON_TAG := cpython
CPYTHON_GOFLAGS := -tags=$(CPYTHON_TAG)

# "yes" when the embedding library is installed: python3-config knows the
# --embed flags and pkg-config knows python3-embed, which the cgo directive
# (#cgo pkg-config: python3-embed) asks for. Expanded when used, so a target
# that installs the packages first sees them.
CPYTHON_AVAILABLE = $(shell $(PYTHON3_CONFIG) --embed --libs >/dev/null 2>&1 \
	&& pkg-config --exists python3-embed 2>/dev/null && echo yes)

# Tags for the default build: the engine is compiled in whenever it can be.
CPYTHON_BUILD_TAGS = $(if $(CPYTHON_AVAILABLE),$(CPYTHON_TAG))

CPYTHON_UNIT_PKGS := ./core/engine/cpython/...
CPYTHON_E2E_PKGS := ./tests/cpython/...

.PHONY: deps-cpython build-cpython test-cpython vet-cpython unit-cpython e2e-cpython bench-cpython

# Installs what is missing as root; otherwise prints the command and fails.
deps-cpython:
	scripts/deps.sh cpython

# cgo must be on: it is off by default when Go finds no C compiler.
build-cpython vet-cpython unit-cpython e2e-cpython: export CGO_ENABLED := 1

build-cpython: deps-cpython
	go build $(CPYTHON_GOFLAGS) -ldflags "$(LDFLAGS)" -o $(BUILD_DIR)/gowsgi ./cmd/gowsgi

test-cpython: deps-cpython vet-cpython unit-cpython e2e-cpython

vet-cpython:
	go vet $(CPYTHON_GOFLAGS) $(CPYTHON_UNIT_PKGS) $(CPYTHON_E2E_PKGS)

unit-cpython:
	go test $(CPYTHON_GOFLAGS) -race -count=1 $(CPYTHON_UNIT_PKGS)

# The suite builds its own binary with the tag.
e2e-cpython:
	go test $(CPYTHON_GOFLAGS) -count=1 $(CPYTHON_E2E_PKGS)

bench-cpython: build-cpython
	GOWSGI=$(BUILD_DIR)/gowsgi tests/cpython/bench.sh
