#!/usr/bin/env bash
# Builds PlexM8 for GitHub Pages (deploy/README.md). The base path is BASE_PATH when given (the
# workflow passes what Pages serves from: "/<repo>/" for a project page, "/" for a user page or a
# custom domain), else /<repository name>/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${GITHUB_REPOSITORY:-plexm8/plexm8}"
export BASE_PATH="${BASE_PATH:-/${repo#*/}/}"
# The app's notices link to the deploy guide in the repository this build comes from.
export VITE_SOURCE_URL="${VITE_SOURCE_URL:-${GITHUB_SERVER_URL:-https://github.com}/${repo}}"
echo "Building PlexM8 for GitHub Pages with base path ${BASE_PATH}"
npm run build
# Pages serves 404.html for unknown paths: the build writes it as a copy of index.html, so deep
# links open the app.
test -f dist/404.html
# What the CSP meta promises (vite.config.ts): no inline-anything, no plain http beyond loopback.
if grep -Eq "unsafe-inline|unsafe-eval|[ ;]http:[ ;]" dist/index.html; then
  echo "dist/index.html: the CSP allows more than it should" >&2
  exit 1
fi
