#!/usr/bin/env bash
# The main job on the embedded default: a temporary root, the bundled example
# snaps, and the interfaces table before and after a connect.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="${PLUGBOARD_DEMO_ROOT:-$(mktemp -d -t plugboard-demo.XXXXXX)}"
pb() { echo "\$ plugboard $*"; node "$here/bin/plugboard.js" --root "$root" "$@"; echo; }

echo "# demo root: $root"
echo
for s in foo bar foo-blue baz; do pb install --dangerous "$here/examples/snaps/$s"; done
pb interfaces foo
pb connect foo:log-observe core:log-observe
pb interfaces foo
pb interfaces -i bluez
pb connect baz:bluez foo-blue:bluez
pb interfaces -i bluez
pb connections
echo "# what connecting the camera would change in foo's confinement:"
pb connect --dry-run foo:camera
echo "# state: $root/var/lib/plugboard/state.json"
