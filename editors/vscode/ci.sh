#!/usr/bin/env bash
# Build, test and package the VS Code extension, then check the package.
# Needs Node.js 20+ and npm, and the npm registry (for `npm ci`); no display, no VS Code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci --no-audit --no-fund
npm run compile
npm run test:grammar

rm -f ./*.vsix
npm run package

version=$(node -p 'require("./package.json").version')
vsix="charter-${version}.vsix"
if [[ ! -f "$vsix" ]]; then
  echo "ci.sh: $vsix was not written" >&2
  exit 1
fi

# A .vsix is a zip file: list its entries with Node (unzip may not be installed).
entries=$(node - "$vsix" <<'JS'
const fs = require('fs');
const zip = fs.readFileSync(process.argv[2]);
// The end-of-central-directory record: its signature, within the last 64 KiB + 22 bytes.
let end = zip.length - 22;
while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
if (end < 0) throw new Error('not a zip file');
const count = zip.readUInt16LE(end + 10);
let at = zip.readUInt32LE(end + 16);
for (let i = 0; i < count; i++) {
  if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
  const nameLength = zip.readUInt16LE(at + 28);
  const extraLength = zip.readUInt16LE(at + 30);
  const commentLength = zip.readUInt16LE(at + 32);
  console.log(zip.toString('utf8', at + 46, at + 46 + nameLength));
  at += 46 + nameLength + extraLength + commentLength;
}
JS
)

missing=0
for entry in \
  extension/package.json \
  extension/out/extension.js \
  extension/syntaxes/charter.tmLanguage.json \
  extension/language-configuration.json \
  extension/node_modules/vscode-languageclient/package.json; do
  if ! grep -qxF "$entry" <<<"$entries"; then
    echo "ci.sh: $vsix does not contain $entry" >&2
    missing=1
  fi
done
if grep -qE '^extension/(src|test)/' <<<"$entries"; then
  echo "ci.sh: $vsix contains sources or tests" >&2
  missing=1
fi
if [[ $missing -ne 0 ]]; then
  exit 1
fi

echo "ci.sh: $vsix is $(wc -c <"$vsix") bytes, $(wc -l <<<"$entries") entries"
