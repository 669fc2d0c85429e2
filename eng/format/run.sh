#!/usr/bin/env bash
# Re-applies the mechanical code-style fixes (.editorconfig) to the whole solution: braces (IDE0011) and var
# (IDE0007), then drops the blank line dotnet format adds after each block it braces. Run from the repository
# root on a committed tree (unblank.py compares with HEAD), then build: what is left is fixed by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet format style Course.sln --diagnostics IDE0011 IDE0007 --severity warn
# A second var pass: declarations that sat on an if's line are only seen once that if has braces.
dotnet format style Course.sln --diagnostics IDE0007 --severity warn
python3 eng/format/unblank.py
