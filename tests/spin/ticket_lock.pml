/* Promela twin of specs/examples/ticket_lock.ilv (translation scheme: tests/spin/README.md).
   Override N with spin -DN=3 (N = 2..4 supported).

   Hand count, written before running SPIN (reasoning in the .ilv): 27, 124, 645 states for
   N = 2, 3, 4. SPIN agrees. */

#ifndef N
#define N 4
#endif
#if N < 2 || N > 4
#error this twin supports N = 2..4
#endif

/* locations of `p` */
#define p_idle    0
#define p_waiting 1
#define p_cs      2

byte next = 0;                                /* 0..N */
byte serving = 0;                             /* 0..N */

/* property hooks (tests/spin/verdict_hooks.pml) */
#define TICKET_OK(k) ((k) >= N || p[k]:ticket <= N)
#define RANGES (next <= N && serving <= N && \
                TICKET_OK(0) && TICKET_OK(1) && TICKET_OK(2) && TICKET_OK(3))
#define IN_CS(k) ((k) < N && p[k]:loc == p_cs -> 1 : 0)
#define INV_mutex (IN_CS(0) + IN_CS(1) + IN_CS(2) + IN_CS(3) <= 1)
#define HOLDS(k) ((k) < N && p[k]:loc != p_idle -> 1 : 0)
#define INV_outstanding ((next + (N + 1) - serving) % (N + 1) == \
                         HOLDS(0) + HOLDS(1) + HOLDS(2) + HOLDS(3))
#define DISTINCT(a, b) (!(HOLDS(a) && HOLDS(b)) || p[a]:ticket != p[b]:ticket)
#define INV_distinct_tickets (DISTINCT(0, 1) && DISTINCT(0, 2) && DISTINCT(0, 3) && \
                              DISTINCT(1, 2) && DISTINCT(1, 3) && DISTINCT(2, 3))
#define ALL_END false                         /* no end locations */

active [N] proctype p() {                     /* family index i = _pid */
  byte ticket = 0;                            /* 0..N */
  byte loc = p_idle;
  do
  :: d_step { loc == p_idle ->                                                     /* draw */
              ticket = next; next = (next + 1) % (N + 1); loc = p_waiting }
  :: d_step { loc == p_waiting && serving == ticket -> loc = p_cs }                /* enter */
  :: d_step { loc == p_cs ->                                                       /* leave */
              serving = (serving + 1) % (N + 1); ticket = 0; loc = p_idle }
  od
}

#include "verdict_hooks.pml"
