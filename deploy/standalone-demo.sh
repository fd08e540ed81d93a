#!/usr/bin/env bash
# One command from a fresh Debian 12 machine with the .NET 10 SDK to search results:
# installs the Debian packages, builds, exports a random-weight ViT-B/16 model bundle, indexes
# OpenCV's sample campus video and runs a sample query. Everything it writes goes to ./demo.
#
# Environment overrides: DEMO_DIR (default ./demo), DEMO_QUERY, DEMO_VIDEO.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
demo=${DEMO_DIR:-$repo/demo}
video=${DEMO_VIDEO:-/usr/share/doc/opencv-doc/examples/data/vtest.avi}
query=${DEMO_QUERY:-a person in dark clothes walking}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not installed. Install .NET 10 (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run this again." >&2
  exit 1
fi

"$repo/deploy/debian/install-packages.sh"

echo "== Building (Release)"
dotnet build "$repo/UpPerson.sln" -c Release -nologo -v quiet

train=(dotnet run --no-build -c Release --project "$repo/training/UpPerson.Training" --)
upperson=(dotnet run --no-build -c Release --project "$repo/services/UpPerson.Standalone" --)

echo "== Exporting a ViT-B/16 bundle with random weights (no pretrained CLIP weights are available offline)"
"${train[@]}" export --preset vit-b16 --random-init --out "$demo/bundle-vit-b16"

echo "== Indexing $video as camera 'campus'"
status=0
"${upperson[@]}" index --bundle "$demo/bundle-vit-b16" --data "$demo/data" --source "$video" --camera campus || status=$?
if [[ $status -ne 0 && $status -ne 3 ]]; then
  exit "$status"
fi

echo "== Searching: \"$query\""
"${upperson[@]}" search --bundle "$demo/bundle-vit-b16" --data "$demo/data" --top 5 --html "$demo/results.html" "$query"
"${upperson[@]}" stats --data "$demo/data"
