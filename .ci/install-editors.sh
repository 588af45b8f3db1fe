#!/usr/bin/env bash
# Installs the real editors the tests in test/editors/ drive: Debian's neovim and chromium, and
# code-server 4.100.3 (the last release that runs on Node 20) under tools/code-server.
# Idempotent and quick when everything is present: apt-get runs only for missing packages (one `update`),
# code-server is installed only when tools/code-server is absent. Recipe: /work/shared/docs/recipes.md §2.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/tools/code-server"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[install-editors] %s\n' "$*"; }

# libkrb5-dev/pkg-config: code-server's `kerberos` module builds from source; ripgrep replaces
# @vscode/ripgrep, whose postinstall downloads from GitHub (unreachable here).
APT_PACKAGES=(neovim chromium ripgrep libkrb5-dev pkg-config g++ make python3)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages present: ${APT_PACKAGES[*]}"
fi

if [ -d "$DEST" ]; then
  log "code-server present: $DEST ($(node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || echo '?'))"
  exit 0
fi

# Build in a scratch directory and rename at the end, so an interrupted install never leaves a
# tools/code-server that the check above would take for a complete one.
WORK="$DEST.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
log "installing code-server@$CODE_SERVER_VERSION into $DEST"
(
  cd "$WORK"
  export npm_config_yes=true   # node-pty's install step runs `npx node-gyp`
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  printf '{ "name": "faultline-editor-tools", "private": true }\n' > package.json
  npm i "code-server@$CODE_SERVER_VERSION" --ignore-scripts --loglevel=error
  npm rebuild argon2 --loglevel=error    # no prebuilt download here: builds from source
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg   # its postinstall skips when bin/ exists
  npm rebuild --loglevel=error           # spdlog, node-pty, native-watchdog, kerberos, ...
  # What code-server's own postinstall.sh would do:
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  cd extensions && npm install --omit=dev --loglevel=error
)
mv "$WORK" "$DEST"
log "code-server $CODE_SERVER_VERSION installed: $DEST/node_modules/.bin/code-server"
