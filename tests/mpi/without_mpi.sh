#!/usr/bin/env bash
# Without the MPI build, `check --distributed` exits 2 and says how to get it.
#   without_mpi.sh INTERLEAVE MODEL
set -u
err=$("$1" check "$2" --distributed 2>&1 >/dev/null)
rc=$?
echo "$err"
[ "$rc" -eq 2 ] && grep -q "this interleave was built without MPI; rebuild with -DILV_MPI=ON" <<<"$err"
