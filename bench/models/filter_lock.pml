/* Hand-written Promela twin of bench/models/filter_lock.ilv (scheme: tests/spin/README.md),
   written independently of `interleave export promela` to check its state counts.
   spin -DN=4 -a filter_lock.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -E
   N = 2..8. */

#ifndef N
#define N 6
#endif

#define idle       0
#define set_victim 1
#define wait_      2
#define cs         3

byte level[N] = 0;
byte victim[N] = 0;

/* no other process is at level l or above */
#define ALONE(l) (  (_pid == 0 || level[0] < (l)) && (_pid == 1 || level[1] < (l)) \
                 && (N < 3 || _pid == 2 || level[2] < (l)) && (N < 4 || _pid == 3 || level[3] < (l)) \
                 && (N < 5 || _pid == 4 || level[4] < (l)) && (N < 6 || _pid == 5 || level[5] < (l)) \
                 && (N < 7 || _pid == 6 || level[6] < (l)) && (N < 8 || _pid == 7 || level[7] < (l)))

active [N] proctype p() {
  byte l = 0;
  byte loc = idle;
  do
  :: d_step { loc == idle -> l = 1; level[_pid] = 1; loc = set_victim }
  :: d_step { loc == set_victim -> victim[l] = _pid; loc = wait_ }
  :: d_step { loc == wait_ && l < N - 1 && (victim[l] != _pid || ALONE(l)) ->
              l = l + 1; level[_pid] = l; loc = set_victim }
  :: d_step { loc == wait_ && l == N - 1 && (victim[l] != _pid || ALONE(l)) -> loc = cs }
  :: d_step { loc == cs -> level[_pid] = 0; l = 0; loc = idle }
  od
}
