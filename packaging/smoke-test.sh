#!/usr/bin/env bash
# Builds the app image (and, with an argument, the native installer of this machine, e.g. deb)
# and checks that its launcher runs a CLI command and starts the window headless for a screenshot.
# Usage: packaging/smoke-test.sh [deb|rpm]        (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
installer=${1:-}
args=(-B -ntp -q -DskipTests -Pinstaller)
[ -n "$installer" ] && args+=("-Djpackage.installer=$installer")
./mvnw "${args[@]}" verify
launcher=target/jpackage/mlaan-lab/bin/mlaan-lab
if [ "$installer" = deb ]; then
  apt-get install -y ./target/jpackage/installer/mlaan-lab_*.deb >/dev/null
  launcher=/opt/mlaan-lab/bin/mlaan-lab
fi
cache=$(mktemp -d)
shot=$(mktemp -d)/window.png
MLAAN_LAB_CACHE=$cache "$launcher" plan --arch resnet20 | head -3
MLAAN_LAB_CACHE=$cache "$launcher" --screenshot "$shot" 2>/dev/null
test -s "$shot" && echo "ok: $launcher ran 'plan' and wrote $shot"
