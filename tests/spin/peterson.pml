/* Promela twin of specs/examples/peterson.ilv (translation scheme: tests/spin/README.md). */

/* locations of `p` */
#define p_idle     0
#define p_want     1
#define p_wait     2
#define p_cs       3
#define p_cs_write 4

bool flag[2] = false;
byte turn = 0;                                /* 0..1 */
byte counter = 0;                             /* 0..3 */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define RANGES (turn <= 1 && counter <= 3 && p[0]:seen <= 3 && p[1]:seen <= 3)
#define INSIDE(k) (p[k]:loc == p_cs || p[k]:loc == p_cs_write)
#define INV_mutex (!(INSIDE(0) && INSIDE(1)))
#define INV_no_lost_update ((p[0]:loc != p_cs_write || p[0]:seen == counter) && \
                            (p[1]:loc != p_cs_write || p[1]:seen == counter))
#define ALL_END false                         /* no end locations */

active [2] proctype p() {                     /* family index i = _pid */
  byte seen = 0;                              /* 0..3 */
  byte loc = p_idle;
  do
  :: d_step { loc == p_idle -> flag[_pid] = true; loc = p_want }                   /* raise */
  :: d_step { loc == p_want -> turn = 1 - _pid; loc = p_wait }                     /* give_turn */
  :: d_step { loc == p_wait && (!flag[1 - _pid] || turn == _pid) -> loc = p_cs }   /* enter */
  :: d_step { loc == p_cs -> seen = counter; loc = p_cs_write }                    /* read */
  :: d_step { loc == p_cs_write ->                                                 /* write */
              counter = (seen + 1) % 4; seen = 0; flag[_pid] = false; loc = p_idle }
  od
}

#include "verdict_hooks.pml"
