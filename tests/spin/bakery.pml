/* Promela twin of specs/examples/bakery.ilv (translation scheme: tests/spin/README.md).
   Override MAX with spin -DMAX=4. */

#ifndef MAX
#define MAX 3
#endif

/* locations of `p` */
#define p_idle          0
#define p_doorway       1
#define p_pick          2
#define p_wait_choosing 3
#define p_wait_turn     4
#define p_cs            5

bool choosing[2] = false;
byte number[2] = 0;                           /* 0..MAX */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (number[0] <= MAX && number[1] <= MAX && p[0]:seen <= MAX && p[1]:seen <= MAX)
#define INV_mutex (!(p[0]:loc == p_cs && p[1]:loc == p_cs))
#define HAS_TICKET(k) (p[k]:loc == p_wait_choosing || p[k]:loc == p_wait_turn || \
                       p[k]:loc == p_cs)
#define INV_ticket_while_waiting (HAS_TICKET(0) == (number[0] != 0) && \
                                  HAS_TICKET(1) == (number[1] != 0))
#define ALL_END false                         /* no end locations */

active [2] proctype p() {                     /* family index i = _pid */
  byte seen = 0;                              /* 0..MAX */
  byte loc = p_idle;
  do
  :: d_step { loc == p_idle -> choosing[_pid] = true; loc = p_doorway }            /* start */
  :: d_step { loc == p_doorway -> seen = number[1 - _pid]; loc = p_pick }          /* read */
  :: d_step { loc == p_pick && seen < MAX ->                                       /* take */
              number[_pid] = seen + 1; seen = 0; choosing[_pid] = false; loc = p_wait_choosing }
  :: d_step { loc == p_pick && seen == MAX ->                                      /* back_off */
              seen = 0; choosing[_pid] = false; loc = p_idle }
  :: d_step { loc == p_wait_choosing && !choosing[1 - _pid] ->           /* check_choosing */
              loc = p_wait_turn }
  :: d_step { loc == p_wait_turn &&                                                /* enter */
              (number[1 - _pid] == 0 || number[_pid] < number[1 - _pid] ||
               (number[_pid] == number[1 - _pid] && _pid == 0)) -> loc = p_cs }
  :: d_step { loc == p_cs -> number[_pid] = 0; loc = p_idle }                      /* leave */
  od
}

#include "verdict_hooks.pml"
