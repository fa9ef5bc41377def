#!/usr/bin/env bash
# Installs what Clausier needs to build and test, from Debian's packages only. Idempotent.
#   scripts/install-deps.sh              to build and run every test (scripts/setup.sh, scripts/test.sh)
#   scripts/install-deps.sh --packaging  to build and check the Debian package (scripts/package.sh)
set -euo pipefail
build=(
  build-essential cmake ninja-build pkg-config
  libcsv-dev libcli11-dev libyaml-cpp-dev libyaml-dev libfmt-dev libboost-date-time-dev doctest-dev
  nlohmann-json3-dev libkainjow-mustache-dev libxlsxwriter-dev libzip-dev libpugixml-dev libxml2-dev libssl-dev libgmime-3.0-dev
  python3
)
if [ "${1:-}" = "--packaging" ]; then
  # dpkg-shlibdeps (dpkg-dev) and file compute the package's Depends; lintian checks the package.
  packages=("${build[@]}" dpkg-dev file lintian)
else
  packages=("${build[@]}" python3-yaml python3-jsonschema python3-openpyxl poppler-utils man-db zsh dpkg-dev file)
  # LibreOffice converts the .docx of clausier draft (Writer) and opens the .xlsx of clausier report (Calc)
  # in tests; an installed LibreOffice gets its own Calc, else the headless flavour (no GUI libraries).
  if ! command -v libreoffice >/dev/null 2>&1; then
    packages+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  elif ! dpkg-query -W -f='${Status}' libreoffice-calc 2>/dev/null | grep -q "install ok installed" &&
       ! dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q "install ok installed"; then
    if dpkg-query -W -f='${Status}' libreoffice-core-nogui 2>/dev/null | grep -q "install ok installed"; then
      packages+=(libreoffice-calc-nogui)
    else
      packages+=(libreoffice-calc)
    fi
  fi
  # Headless Chromium renders the HTML report to a PNG in a test (the charts must not be blank).
  packages+=(chromium fonts-dejavu-core)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
