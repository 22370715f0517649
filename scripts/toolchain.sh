#!/usr/bin/env bash
# Runs a command with the project's toolchain on PATH, installing what is missing first:
#   - Node >= 22.12: the machine's own when new enough, else Node from the npm registry's `node`
#     package, cached under ${WINGUEST_TOOLCHAIN_CACHE:-~/.cache/winguest-toolchain} (outside the clone);
#   - the pnpm version pinned in package.json's packageManager (from the npm registry, no corepack);
#   - the workspace's dependencies (pnpm install --frozen-lockfile) when node_modules is missing or
#     older than the lockfile.
# Usage: scripts/toolchain.sh pnpm test
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${WINGUEST_TOOLCHAIN_CACHE:-$HOME/.cache/winguest-toolchain}
node_version=24.21.0
pnpm_version=$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")

log() { printf 'toolchain: %s\n' "$*" >&2; }

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
  node_dir="$cache/node-$node_version"
  if [ ! -x "$node_dir/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { log "need npm (any version) to fetch Node $node_version"; exit 1; }
    log "installing Node $node_version into $node_dir"
    rm -rf "$node_dir.tmp" && mkdir -p "$node_dir.tmp"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$node_dir.tmp" "node@$node_version" >&2
    rm -rf "$node_dir" && mv "$node_dir.tmp" "$node_dir"
    real=$(find "$node_dir/node_modules/node/node_modules" -path '*/bin/node' -type f | head -n 1)
    [ -n "$real" ] || { log "the node package brought no binary for this platform"; exit 1; }
    mkdir -p "$node_dir/bin" && ln -sf "$real" "$node_dir/bin/node"
  fi
  export PATH="$node_dir/bin:$PATH"
  node_ok || { log "Node at $node_dir/bin/node is not >= 22.12"; exit 1; }
fi

pnpm_dir="$cache/pnpm-$pnpm_version"
if [ ! -x "$pnpm_dir/node_modules/.bin/pnpm" ]; then
  log "installing pnpm $pnpm_version into $pnpm_dir"
  rm -rf "$pnpm_dir" && mkdir -p "$pnpm_dir"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$pnpm_dir" "pnpm@$pnpm_version" >&2
fi
export PATH="$pnpm_dir/node_modules/.bin:$PATH"

stamp="$root/node_modules/.winguest-install-stamp"
# `toolchain.sh pnpm install …` is how a contributor updates the lockfile: do not pre-empt it.
if [ "${1:-}" = pnpm ] && { [ "${2:-}" = install ] || [ "${2:-}" = i ] || [ "${2:-}" = add ]; }; then
  exec "$@"
fi
if [ ! -f "$stamp" ] || [ "$root/pnpm-lock.yaml" -nt "$stamp" ]; then
  log "pnpm install --frozen-lockfile"
  (cd "$root" && pnpm install --frozen-lockfile >&2)
  touch "$stamp"
fi

exec "$@"
