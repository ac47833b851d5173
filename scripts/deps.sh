#!/usr/bin/env bash
# Installs the Debian packages interleave needs, only those that are missing.
# Usage: scripts/deps.sh [extra-package ...]
#        ILV_MPI=1 scripts/deps.sh      also Open MPI, for the -DILV_MPI=ON build (check --distributed)
set -euo pipefail
need=(cmake ninja-build g++ clang-14 libclang-rt-14-dev libboost-graph-dev nlohmann-json3-dev
      libcli11-dev doctest-dev spin gcc python3-jsonschema "$@")
if [ "${ILV_MPI:-0}" = 1 ]; then
  need+=(libopenmpi-dev openmpi-bin)
fi
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
