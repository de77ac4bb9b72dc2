# The two commands of the README. Each first installs the missing system packages
# (scripts/setup-system; Debian/Ubuntu, with sudo when not root).
#
#   make run                          # swift run cares take recognising-signs
#   make run ARGS="list"              # swift run cares list (any cares command line)
#   make test                         # swift test, with a throw-away PostgreSQL server and a Ralph LRS
#   make test TESTARGS="--filter ReportsTests"

ARGS ?= take recognising-signs
TESTARGS ?=

.PHONY: run test setup-run setup-test

run: setup-run
	swift run cares $(ARGS)

test: setup-test
	bash -c 'set -e; source .ci/postgres.sh; source .ci/ralph.sh; trap "ralph_stop; postgres_stop" EXIT; postgres_start; ralph_start; swift test $(TESTARGS)'

setup-run:
	scripts/setup-system run

setup-test:
	scripts/setup-system test
