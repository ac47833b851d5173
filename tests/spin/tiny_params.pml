/* Promela twin of specs/examples/tiny_params.ilv (translation scheme: tests/spin/README.md).

   A step parameter becomes one d_step per value (a nondeterministic `if` inside a d_step
   would always take its first open branch, so it cannot express the choice).

   Hand count, written before running SPIN: per process (a,0), (b,0), (b,1), (b,2); two
   independent processes: 4 * 4 = 16 states. SPIN: "16 states, stored". */

/* locations of `p` */
#define p_a 0
#define p_b 1

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (p[0]:mine <= 2 && p[1]:mine <= 2)
#define INV_zero_when_idle ((p[0]:loc != p_a || p[0]:mine == 0) && \
                            (p[1]:loc != p_a || p[1]:mine == 0))
#define ALL_END false

active [2] proctype p() {                     /* family index i = _pid */
  byte mine = 0;                              /* 0..2 */
  byte loc = p_a;
  do
  :: d_step { loc == p_a -> mine = 0; loc = p_b }                               /* pick(0) */
  :: d_step { loc == p_a -> mine = 1; loc = p_b }                               /* pick(1) */
  :: d_step { loc == p_a -> mine = 2; loc = p_b }                               /* pick(2) */
  :: d_step { loc == p_b -> mine = 0; loc = p_a }                               /* reset */
  od
}

#include "verdict_hooks.pml"
