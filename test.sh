#!/usr/bin/env bash
# The test command: restores, builds (warnings are errors) and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test --solution Ces.sln --no-progress --no-ansi "$@"
