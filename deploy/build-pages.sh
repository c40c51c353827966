#!/usr/bin/env bash
# Builds PlexM8 for GitHub Pages. A project page lives under /<repo>/, so the base path follows the
# repository name unless BASE_PATH says otherwise (a user/organisation page or custom domain: "/").
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${GITHUB_REPOSITORY:-plexm8/plexm8}"
export BASE_PATH="${BASE_PATH:-/${repo#*/}/}"
echo "Building PlexM8 for GitHub Pages with base path ${BASE_PATH}"
npm run build
# Pages serves 404.html for unknown paths: the build writes it as a copy of index.html, so deep
# links open the app.
test -f dist/404.html
