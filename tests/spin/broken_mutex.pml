/* Promela twin of specs/examples/broken_mutex.ilv (translation scheme: tests/spin/README.md).

   Hand count, written before running SPIN: 3^N states (N=2: 9, N=3: 27, N=4: 81); the
   reasoning is in the .ilv. Override N with spin -DN=4 (N = 2..4 supported). */

#ifndef N
#define N 3
#endif

/* locations of `p` */
#define p_idle  0
#define p_ready 1
#define p_cs    2

bool flag[N] = false;

/* forall k in 0..N-1: k == i || !flag[k], unrolled (FREE(k) is true for k >= N) */
#define FREE(k) ((k) >= N || (k) == _pid || !flag[k])
#define ALL_FREE (FREE(0) && FREE(1) && FREE(2) && FREE(3))
#if N < 2 || N > 4
#error this twin supports N = 2..4
#endif

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES true                           /* only booleans and locations */
#define IN_CS(k) ((k) < N && p[k]:loc == p_cs -> 1 : 0)
#define INV_mutex (IN_CS(0) + IN_CS(1) + IN_CS(2) + IN_CS(3) <= 1)
#define FLAG_OK(k) ((k) >= N || flag[k] == (p[k]:loc == p_cs))
#define INV_flag_iff_inside (FLAG_OK(0) && FLAG_OK(1) && FLAG_OK(2) && FLAG_OK(3))
#define ALL_END false                         /* no end locations */

active [N] proctype p() {                     /* family index i = _pid */
  byte loc = p_idle;
  do
  :: d_step { loc == p_idle && ALL_FREE -> loc = p_ready }                         /* check */
  :: d_step { loc == p_ready -> flag[_pid] = true; loc = p_cs }                    /* set */
  :: d_step { loc == p_cs -> flag[_pid] = false; loc = p_idle }                    /* leave */
  od
}

#include "verdict_hooks.pml"
