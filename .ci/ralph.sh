# Sourced by .ci/run (and usable by hand): a throw-away Ralph LRS (xAPI 1.0.3) for the tests of
# `cares lrs push`.
#
#   source .ci/ralph.sh && ralph_start   # exports CARES_TEST_LRS_ENDPOINT, _USERNAME, _PASSWORD
#   ralph_stop                           # stops the server and removes its folder
#
# Ralph (ralph-malph[cli,lrs] and requests from PyPI) is installed once into a virtual environment
# under ${XDG_CACHE_HOME:-~/.cache}/cares-ci/ralph-venv (or $CARES_RALPH_VENV). The server uses its
# file-system backend and HTTP Basic auth (a generated user in its auth file), in a temporary
# folder, listening on 127.0.0.1 on a free port. It runs Ralph's own app with uvicorn, as `ralph
# runserver` does, minus its file-watching reloader and with one fix to the file-system backend
# (see serve.py below). The tests also stop and restart it (same folder and port) through
# $CARES_TEST_LRS_CONTROL: `$CARES_TEST_LRS_CONTROL stop|start`.

ralph_venv() {
    RALPH_VENV="${CARES_RALPH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/cares-ci/ralph-venv}"
    if [ ! -x "$RALPH_VENV/bin/uvicorn" ] || ! "$RALPH_VENV/bin/ralph" --version >/dev/null 2>&1; then
        echo "ralph.sh: installing ralph-malph[cli,lrs] and requests into $RALPH_VENV"
        python3 -m venv "$RALPH_VENV" || { echo "ralph.sh: python3 -m venv failed; install python3-venv" >&2; return 1; }
        "$RALPH_VENV/bin/pip" install --quiet 'ralph-malph[cli,lrs]' requests || return 1
    fi
}

ralph_start() {
    ralph_venv || return 1
    RALPH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/cares-ralph.XXXXXX")"
    mkdir -p "$RALPH_TMP/app" "$RALPH_TMP/data"
    RALPH_PORT="${CARES_TEST_LRS_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
    local password
    password="pw $(python3 -c 'import secrets; print(secrets.token_hex(8))'):x"
    # The control script the tests run to stop and restart the server.
    cat >"$RALPH_TMP/ctl" <<SCRIPT
#!/usr/bin/env bash
# ralph_ctl stop|start: the test LRS in $RALPH_TMP on 127.0.0.1:$RALPH_PORT
export RALPH_APP_DIR="$RALPH_TMP/app" RALPH_AUTH_FILE="$RALPH_TMP/app/auth.json" RALPH_RUNSERVER_BACKEND=fs
export RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH="$RALPH_TMP/data"
case "\$1" in
stop)
    if [ -f "$RALPH_TMP/server.pid" ]; then kill "\$(cat "$RALPH_TMP/server.pid")" 2>/dev/null; rm -f "$RALPH_TMP/server.pid"; fi
    for _ in \$(seq 1 100); do
        python3 -c 'import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(("127.0.0.1", $RALPH_PORT)) else 1)' && exit 0
        sleep 0.1
    done
    exit 1 ;;
start)
    # Started through Python so that the server keeps no descriptor of its caller (close_fds):
    # a test reading this script's output through a pipe would otherwise wait for the server.
    "$RALPH_VENV/bin/python" -c 'import subprocess, sys
log = open(sys.argv[1], "a")
print(subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True).pid)' \
        "$RALPH_TMP/server.log" "$RALPH_VENV/bin/python" "$RALPH_TMP/serve.py" >"$RALPH_TMP/server.pid"
    for _ in \$(seq 1 300); do
        python3 -c 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:$RALPH_PORT/__heartbeat__", timeout=1)' 2>/dev/null && exit 0
        sleep 0.1
    done
    cat "$RALPH_TMP/server.log" >&2
    exit 1 ;;
*) echo "usage: \$0 stop|start" >&2; exit 64 ;;
esac
SCRIPT
    chmod 0700 "$RALPH_TMP/ctl"
    # Ralph's file-system backend writes its one statements file with the "create" operation, so
    # every POST after the first fails with 500 ("... already exists and overwrite is not allowed").
    # Appending is what an LRS on files needs; the server is Ralph's own app, run as `ralph
    # runserver` runs it (uvicorn), with that one default changed.
    cat >"$RALPH_TMP/serve.py" <<SCRIPT
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=$RALPH_PORT, log_level="warning")
SCRIPT
    RALPH_APP_DIR="$RALPH_TMP/app" RALPH_AUTH_FILE="$RALPH_TMP/app/auth.json" RALPH_RUNSERVER_BACKEND=fs \
        "$RALPH_VENV/bin/ralph" auth -u cares-ci -p "$password" -s all -M mailto:cares-ci@example.org -w \
        >"$RALPH_TMP/auth.log" 2>&1 || { cat "$RALPH_TMP/auth.log" >&2; return 1; }
    "$RALPH_TMP/ctl" start || return 1
    export CARES_TEST_LRS_ENDPOINT="http://127.0.0.1:$RALPH_PORT/xAPI"
    export CARES_TEST_LRS_USERNAME="cares-ci"
    export CARES_TEST_LRS_PASSWORD="$password"
    export CARES_TEST_LRS_CONTROL="$RALPH_TMP/ctl"
    echo "ralph.sh: Ralph $("$RALPH_VENV/bin/ralph" --version | awk '{print $3}') on 127.0.0.1:$RALPH_PORT ($RALPH_TMP)"
}

ralph_stop() {
    if [ -n "${RALPH_TMP:-}" ] && [ -x "$RALPH_TMP/ctl" ]; then "$RALPH_TMP/ctl" stop >/dev/null 2>&1 || true; fi
    if [ -n "${RALPH_TMP:-}" ]; then rm -rf "$RALPH_TMP"; fi
    RALPH_TMP=""
}
