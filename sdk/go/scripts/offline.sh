#!/usr/bin/env bash
# Runs a go command on a machine without a module proxy, resolving github.com/gorilla/websocket v1.5.0 from
# Debian's golang-github-gorilla-websocket-dev source: a file-system module proxy is built from it in a temporary
# folder, and the build uses a copy of go.mod kept there (with its own go.sum), because Debian's copy lacks
# upstream's examples/ and so hashes differently; the committed go.mod and go.sum stay upstream's, for users.
#   sdk/go/scripts/offline.sh test -race ./...
set -euo pipefail
cd "$(dirname "$0")/.."
source=$(dirname "$(dpkg -L golang-github-gorilla-websocket-dev | grep '/github.com/gorilla/websocket/go.mod$')")
# Kept between runs (the module cache in it too: Debian's copy must never reach the user's own ~/go/pkg/mod).
work=${ANOMALY_GO_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/anomaly-gateway-go}
proxy="$work/proxy/github.com/gorilla/websocket/@v"
if [ ! -f "$proxy/v1.5.0.zip" ]; then
  mkdir -p "$proxy"
  echo v1.5.0 > "$proxy/list"
  echo '{"Version":"v1.5.0","Time":"2022-01-04T00:00:00Z"}' > "$proxy/v1.5.0.info"
  cp "$source/go.mod" "$proxy/v1.5.0.mod"
  # A module zip holds files only, each under module@version/.
  /usr/bin/python3 - "$proxy/v1.5.0.zip" "$source" <<'PY'
import os, sys, zipfile
target, source = sys.argv[1:]
with zipfile.ZipFile(target, "w") as archive:
    for folder, _, files in sorted(os.walk(source)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            archive.write(path, "github.com/gorilla/websocket@v1.5.0/" + os.path.relpath(path, source))
PY
fi
cp go.mod "$work/go.mod"
export GOPROXY="file://$work/proxy" GOSUMDB=off GOFLAGS="-mod=mod -modfile=$work/go.mod"
export GOMODCACHE="$work/modcache"
exec go "$@"
