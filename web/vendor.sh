#!/usr/bin/env bash
# Refresh the vendored browser scripts that show the static widget views without any CDN.
# Both come from the npm registry (`npm pack`); the files are committed so the book builds offline.
#   requirejs@2.3.4                      -> require.js (AMD loader, MIT)
#   @jupyter-widgets/html-manager@1.0.6  -> dist/embed-amd.js + the icon fonts it loads
#                                           next to itself (BSD-3-Clause; Font Awesome: OFL/MIT)
set -euo pipefail
cd "$(dirname "$0")"
dest=extra/_static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent requirejs@2.3.4 @jupyter-widgets/html-manager@1.0.6 >/dev/null)
mkdir -p "$tmp/r" "$tmp/h"
tar xzf "$tmp"/requirejs-2.3.4.tgz -C "$tmp/r"
tar xzf "$tmp"/jupyter-widgets-html-manager-1.0.6.tgz -C "$tmp/h"
rm -rf "$dest/requirejs-2.3.4" "$dest/html-manager-1.0.6"
mkdir -p "$dest/requirejs-2.3.4" "$dest/html-manager-1.0.6"
cp "$tmp/r/package/require.js" "$dest/requirejs-2.3.4/"
cp "$tmp/h/package/dist/embed-amd.js" "$tmp/h/package/LICENSE" "$dest/html-manager-1.0.6/"
# The icon font faces a current browser asks for (woff2/woff/ttf; the svg/eot ones are for old IE).
cp "$tmp"/h/package/dist/*.woff2 "$tmp"/h/package/dist/*.woff "$tmp"/h/package/dist/*.ttf "$dest/html-manager-1.0.6/"
# embed-amd.js has webpack's licence banner file next to embed.js: keep it with the code.
cp "$tmp/h/package/dist/embed.js.LICENSE.txt" "$dest/html-manager-1.0.6/"
(cd "$dest" && sha256sum requirejs-2.3.4/require.js html-manager-1.0.6/embed-amd.js > SHA256SUMS)
echo "vendored into web/$dest:"; du -sh "$dest"/*
