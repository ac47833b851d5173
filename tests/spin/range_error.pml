/* Promela twin of specs/examples/range_error.ilv (translation scheme: tests/spin/README.md).

   Used for the verdicts only. SPIN has no runtime range errors: its byte `total` simply
   holds 4 and the search goes on (16 states, stored), while our checker fails the step that
   would leave 0..3 and produces no state (12 states, counted by hand in the .ilv). The
   range error is found here by the RANGES hook (check_twins.sh --verdicts). */

#define ROUNDS 2

/* locations of `worker` */
#define worker_work 0
#define worker_done 1

byte total = 0;                               /* 0..3 */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (total <= 3 && worker[0]:rounds <= ROUNDS && worker[1]:rounds <= ROUNDS)
#define INV_total_counts_rounds (total == worker[0]:rounds + worker[1]:rounds)
#define ALL_END (worker[0]:loc == worker_done && worker[1]:loc == worker_done)

active [2] proctype worker() {                /* family index i = _pid */
  byte rounds = 0;                            /* 0..ROUNDS */
  byte loc = worker_work;
  do
  :: d_step { loc == worker_work && rounds < ROUNDS ->                             /* add */
              rounds = rounds + 1; total = total + 1; loc = worker_work }
  :: d_step { loc == worker_work && rounds == ROUNDS -> loc = worker_done }        /* finish */
  od
}

#include "verdict_hooks.pml"
