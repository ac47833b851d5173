/* Promela twin of specs/examples/tiny_counter.ilv (translation scheme: tests/spin/README.md).

   Hand count, written before running SPIN: x = 0, 1, 2, 3 with the single location `run`:
   4 states. SPIN: "4 states, stored". */

/* locations of `counter` */
#define counter_run 0

byte x = 0;                                   /* 0..3 */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (x <= 3)
#define INV_below_four (x <= 3)
#define ALL_END (counter[0]:loc == counter_run)

active proctype counter() {
  byte loc = counter_run;
  do
  :: d_step { loc == counter_run && (x < 3) -> x = x + 1; loc = counter_run }   /* inc */
  od
}

#include "verdict_hooks.pml"
