#!/usr/bin/env bash
# Renders every Markdown file under the given folders with `groundwork render --format html
# --no-heading-ids` and with the `cmark` program, and reports every file whose HTML differs.
# Files that start with a '---' front-matter block are skipped: Groundwork strips it, cmark
# does not. Default: the README and docs of every Swift package in the local mirror.
#   scripts/compare-with-cmark.sh [folder ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
swift build --package-path "$root" --product groundwork >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if (($#)); then
    find "$@" -name '*.md' -type f > "$work/files"
else
    for repo in /opt/swift-packages/*/*.git; do
        tag=$(git -C "$repo" tag | sort -V | tail -1)
        [ -n "$tag" ] || continue
        # head(1) closing the pipe early kills git and grep with SIGPIPE; under pipefail
        # that would end the whole script, so the listing's status is ignored.
        { git -C "$repo" ls-tree -r --name-only "$tag" | grep -iE '\.md$' || true; } | head -20 | while read -r path; do
            git -C "$repo" show "$tag:$path" > "$work/$(basename "$repo" .git)-$RANDOM-$(basename "$path")" 2>/dev/null || true
        done
    done
    find "$work" -name '*.md' -type f > "$work/files"
fi
same=0 differ=0 skipped=0
while read -r file; do
    if head -1 "$file" | grep -q '^---'; then skipped=$((skipped + 1)); continue; fi
    if cmp -s <(cmark "$file") <("$root/.build/debug/groundwork" render "$file" --format html --no-heading-ids 2>/dev/null); then
        same=$((same + 1))
    else
        differ=$((differ + 1)); echo "differs: $file"
    fi
done < "$work/files"
echo "$same identical, $differ different, $skipped skipped (front matter)"
[ "$differ" -eq 0 ]
