/* Promela twin of specs/examples/assert_fail.ilv (translation scheme: tests/spin/README.md).

   Used for the verdicts only. SPIN stops at the failed assertion (or, with -A, performs the
   failing step and reaches a 14th state), while our checker counts the 13 states reached by
   steps that complete (counted by hand in the .ilv).

   The auditor's guard reads the depositors' locations. SPIN forbids remote references inside
   a d_step, so the depositors' location variable is a global array instead of a local one;
   the state vector holds the same values, so the count is unchanged. */

/* locations of `depositor` */
#define depositor_load  0
#define depositor_store 1
#define depositor_done  2
/* locations of `auditor` */
#define auditor_watch    0
#define auditor_finished 1

byte balance = 0;                             /* 0..2 */
byte depositor_loc[2] = depositor_load;       /* depositor[k]'s location (read by auditor) */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (balance <= 2 && depositor[0]:seen <= 2 && depositor[1]:seen <= 2)
#define ALL_END (depositor_loc[0] == depositor_done && depositor_loc[1] == depositor_done && \
                 auditor[2]:loc == auditor_finished)

#define loc depositor_loc[_pid]
active [2] proctype depositor() {             /* family index i = _pid */
  byte seen = 0;                              /* 0..2 */
  do
  :: d_step { loc == depositor_load -> seen = balance; loc = depositor_store }      /* read */
  :: d_step { loc == depositor_store ->                                            /* write */
              balance = seen + 1; seen = 0; loc = depositor_done }
  od
}
#undef loc

active proctype auditor() {                   /* _pid 2 */
  byte loc = auditor_watch;
  do
  :: d_step { loc == auditor_watch &&                                              /* audit */
              depositor_loc[0] == depositor_done && depositor_loc[1] == depositor_done ->
              assert(balance == 2); loc = auditor_finished }
  od
}

#include "verdict_hooks.pml"
