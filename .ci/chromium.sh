#!/usr/bin/env bash
# Makes sure a headless-capable Chromium is installed (Debian's chromium
# package) and prints its path, for the web UI's browser test. Usage from
# .ci/run:
#   export DYAD_CHROMIUM="$(bash .ci/chromium.sh)"
# The test itself skips with a message when no Chromium is found.
set -euo pipefail
for name in chromium chromium-browser; do
	if p=$(command -v "$name"); then echo "$p"; exit 0; fi
done
echo "installing chromium from Debian packages" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
command -v chromium
