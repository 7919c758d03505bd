#!/usr/bin/env bash
# The packaged build, made and tried as CI does (`.ci/run` calls this): the README's build line,
# then the frozen `mdcc-desktop --smoke`, `mdcc --version`, and a minutes export of the shared
# example with the frozen `mdcc`, read back; and the folder's size (under 200 MB). Any failure
# fails the run. Run from anywhere: `bash tools/frozen/check.sh` (a fresh build each time).
set -euo pipefail
cd "$(dirname "$0")/../.."
export QT_QPA_PLATFORM=offscreen
export PIP_DISABLE_PIP_VERSION_CHECK=1
MAX_MB=200

started=$SECONDS
# The README's build line, exactly as written there (tests/test_packaging.py says so).
python3 -m venv .venv && .venv/bin/pip install -e '.[build]' && .venv/bin/pyinstaller --noconfirm build.spec
echo "frozen: built in $((SECONDS - started)) s"

dist=dist/mdcc-desktop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An invented passphrase for throw-away folders; the frozen apps take it as the tests do.
export MDCC_PASSPHRASE="frozen build check passphrase"

version=$(.venv/bin/python -c 'import mdcc_desktop; print(mdcc_desktop.__version__)')
said=$("$dist/mdcc" --version)
[ "$said" = "mdcc $version" ] || { echo "frozen: mdcc --version said '$said', not 'mdcc $version'" >&2; exit 1; }
echo "frozen: $said"

"$dist/mdcc-desktop" --smoke --data-dir "$work/gui" >"$work/smoke.out" 2>"$work/smoke.err" || {
    echo "frozen: mdcc-desktop --smoke failed" >&2; cat "$work/smoke.err" >&2; exit 1; }
echo "frozen: mdcc-desktop --smoke started in $(tail -n 1 "$work/smoke.out") ms"

example=../shared/spec/examples/eng-initial-max.json
[ -f "$example" ] || example=tests/data/eng-initial-max.json
id=$("$dist/mdcc" --data-dir "$work/cli" import "$example" 2>"$work/import.err" | tail -n 1) || {
    echo "frozen: mdcc import failed" >&2; cat "$work/import.err" >&2; exit 1; }
"$dist/mdcc" --data-dir "$work/cli" minutes "$id" -o "$work/minutes.docx"
# Read back: the minutes carry the example's case reference.
.venv/bin/python - "$work/minutes.docx" "$example" <<'PY'
import json, sys
import docx
document = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in document.paragraphs)
text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
reference = json.load(open(sys.argv[2], encoding="utf-8"))["case"]["reference"]
if reference not in text:
    sys.exit(f"frozen: the minutes do not name the case {reference}")
print(f"frozen: minutes of {reference} written and read back")
PY

size_mb=$(du -sm "$dist" | cut -f1)
echo "frozen: the folder is $size_mb MB"
[ "$size_mb" -lt "$MAX_MB" ] || { echo "frozen: the folder is over $MAX_MB MB" >&2; exit 1; }
echo "frozen: all checks passed in $((SECONDS - started)) s"
