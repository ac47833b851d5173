/* Promela twin of specs/examples/philosophers.ilv (translation scheme: tests/spin/README.md).
   Override N with spin -DN=3 (N = 2..6 supported).

   Hand count, written before running SPIN (reasoning in the .ilv): 6, 14, 34, 82, 198 states
   for N = 2..6. SPIN agrees. */

#ifndef N
#define N 5
#endif
#if N < 2 || N > 6
#error this twin supports N = 2..6
#endif

/* locations of `phil` */
#define phil_thinking 0
#define phil_has_left 1
#define phil_eating   2

bool fork[N] = false;

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES true                           /* only booleans and locations */
#define AT(k, l) (phil[k]:loc == phil_##l)
#define HELD(k) ((k) >= N || fork[k] == (AT(k, has_left) || AT(k, eating) || \
                                          AT(((k) + N - 1) % N, eating)))
#define INV_forks_held (HELD(0) && HELD(1) && HELD(2) && HELD(3) && HELD(4) && \
                        HELD(5))
#define APART(k) ((k) >= N || !(AT(k, eating) && AT(((k) + 1) % N, eating)))
#define INV_neighbours_apart (APART(0) && APART(1) && APART(2) && APART(3) && \
                              APART(4) && APART(5))
#define ALL_END false                         /* no end locations */

active [N] proctype phil() {                  /* family index i = _pid */
  byte loc = phil_thinking;
  do
  :: d_step { loc == phil_thinking && !fork[_pid] ->                               /* take_left */
              fork[_pid] = true; loc = phil_has_left }
  :: d_step { loc == phil_has_left && !fork[(_pid + 1) % N] ->                     /* take_right */
              fork[(_pid + 1) % N] = true; loc = phil_eating }
  :: d_step { loc == phil_eating ->                                                /* put_down */
              fork[_pid] = false; fork[(_pid + 1) % N] = false; loc = phil_thinking }
  od
}

#include "verdict_hooks.pml"
