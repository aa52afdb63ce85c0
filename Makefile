# Marquee — campaign production line on a durable ZeroMQ bus.
#   make run    set up this machine, build, and run the whole stack (`marquee up`: restarts what dies, Ctrl-C stops)
#   make test   set up this machine, build, and run every test (Swift and Python)
#   make bench  bus benchmark against C baselines measured in the same run (release build), then bench-qa and
#               bench-reporting
#   make bench-qa  QA engine (100 KB emails, 1M-row audience CSV) against a Python lxml/csv reference, then
#                  1, 2 and 4 marquee-qa replicas through the bus
#   make bench-line  the line's throughput and rebuild from seq 0 (marquee-line-bench; debug build, see README)
#   make bench-reporting  replay of 1M events into reporting's projections, weekly report for 10k campaigns
#   make bench-notify  notification fan-out: events to sent emails per second into a local SMTP sink, against
#                      raw sends by the same SMTP client in the same run
#   make bench-library  knowledge library: FTS5 search over 10k documents (p50/p99) against a LIKE scan
#   make bench-gateway  gateway HTTP over a 10k-campaign read model: requests/s and p50/p99 of the board page and
#                       the campaign API, against GET /health on the same server in the same run
#   make chaos  the chaos run at full size: 3,000 campaigns through `marquee up` while processes are kill -9ed
#   make soak   the kill -9 end-to-end tests at full size: 2M bus messages, 10k QA requests over 3 replicas

SHELL := /bin/bash
SWIFT ?= swift
BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
PYTHON ?= python3
# What the tests need from Debian and PyPI (.ci/run installs the same).
APT_PACKAGES := libzmq3-dev libxml2-dev pkg-config openssl chromium chromium-driver
PIP_PACKAGES := pyzmq pytest schemathesis icalendar selenium aiosmtpd

.PHONY: deps build test test-swift test-python run bench bench-qa bench-line bench-reporting bench-notify bench-library bench-gateway chaos soak clean

deps:
	@{ pkg-config --exists libzmq libxml-2.0 && command -v chromedriver >/dev/null; } || { \
	  echo "installing $(APT_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(APT_PACKAGES); \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(APT_PACKAGES); fi; }
	@$(PYTHON) -c 'import zmq, pytest, schemathesis, icalendar, selenium, aiosmtpd' 2>/dev/null || $(PYTHON) -m pip install -q $(PIP_PACKAGES)

build: deps
	$(SWIFT) build --build-tests

test: build
	$(MAKE) --no-print-directory test-swift test-python

# A crash fails at once instead of waiting on the backtracer; a hung test fails within the time limit. On a
# failure the failed tests are printed again at the end, where a log's tail shows them.
test-swift:
	@set -o pipefail; mkdir -p .build; \
	SWIFT_BACKTRACE=enable=no timeout --kill-after=30s 40m $(SWIFT) test --skip-build 2>&1 | tee .build/swift-test.log || { \
	  status=$$?; echo "== failed Swift tests (exit $$status) =="; \
	  grep -a -A4 -E '✘|Fatal error|Segmentation|signal [0-9]' .build/swift-test.log | grep -a -v ' warning ' | tail -80; exit $$status; }

test-python:
	MARQUEE_BIN_DIR=$(BIN) $(PYTHON) -m pytest -q Tests/Python

run: deps
	$(SWIFT) build
	$(BIN)/marquee up

bench: deps
	Benchmarks/run
	$(MAKE) --no-print-directory bench-qa bench-reporting

bench-qa: deps
	PYTHON=$(PYTHON) Benchmarks/qa/run
	Benchmarks/qa-replicas/run

bench-line: deps
	$(SWIFT) build
	$(BIN)/marquee-line-bench

bench-reporting: deps
	$(SWIFT) build -c release --product marquee-reporting-bench
	$$($(SWIFT) build -c release --show-bin-path)/marquee-reporting-bench

bench-notify: deps
	$(SWIFT) build -c release --product marquee-notify-bench
	$$($(SWIFT) build -c release --show-bin-path)/marquee-notify-bench

bench-library: deps
	$(SWIFT) build -c release --product marquee-library-bench
	$$($(SWIFT) build -c release --show-bin-path)/marquee-library-bench 10000 500

bench-gateway: deps
	$(SWIFT) build -c release --product marquee-gateway-bench
	$$($(SWIFT) build -c release --show-bin-path)/marquee-gateway-bench

chaos: build
	MARQUEE_CHAOS_CAMPAIGNS=3000 SWIFT_BACKTRACE=enable=no $(SWIFT) test --skip-build --filter ChaosTests

soak: build
	MARQUEE_E2E_MESSAGES=2000000 MARQUEE_E2E_QA_REQUESTS=10000 MARQUEE_E2E_GROUP_MESSAGES=50000 $(SWIFT) test --skip-build --filter EndToEndTests

clean:
	rm -rf .build var
