/* Promela twin of specs/examples/tiny_pair.ilv (translation scheme: tests/spin/README.md).

   Hand count, written before running SPIN: each of the N processes is at `start` or `done`
   independently and c = the number at `done`: 2^N states (N=2: 4, N=3: 8, N=4: 16).
   SPIN agrees for N = 2, 3, 4. Override N with spin -DN=4. */

#ifndef N
#define N 3
#endif

/* locations of `p` */
#define p_start 0
#define p_done  1

byte c = 0;                                   /* 0..N */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (c <= N)
#define AT_DONE(k) (p[k]:loc == p_done -> 1 : 0)
#if N == 2
#define DONE_COUNT (AT_DONE(0) + AT_DONE(1))
#define ALL_END (p[0]:loc == p_done && p[1]:loc == p_done)
#elif N == 3
#define DONE_COUNT (AT_DONE(0) + AT_DONE(1) + AT_DONE(2))
#define ALL_END (p[0]:loc == p_done && p[1]:loc == p_done && p[2]:loc == p_done)
#elif N == 4
#define DONE_COUNT (AT_DONE(0) + AT_DONE(1) + AT_DONE(2) + AT_DONE(3))
#define ALL_END (p[0]:loc == p_done && p[1]:loc == p_done && p[2]:loc == p_done && \
                 p[3]:loc == p_done)
#else
#error this twin supports N = 2..4
#endif
#define INV_counted (c == DONE_COUNT)

active [N] proctype p() {                     /* family index i = _pid */
  byte loc = p_start;
  do
  :: d_step { loc == p_start -> c = c + 1; loc = p_done }                       /* bump */
  od
}

#include "verdict_hooks.pml"
