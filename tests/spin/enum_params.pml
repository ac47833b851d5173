/* Promela twin of specs/examples/enum_params.ilv (translation scheme: tests/spin/README.md).
   Override the constants with spin -DSLOTS=2 -DWORKERS=3 (SLOTS = 1..4, WORKERS = 1..3).

   - Enums are bytes with one #define per member, numbered in declaration order.
   - fn becomes inline; the bool argument `p == HIGH` is substituted textually, which is safe
     here because submit() assigns nothing the argument reads.
   - The quantifiers are unrolled up to the largest supported constant; a term whose index is
     out of range is false (exists), true (forall) or 0 (count), and C's short circuit keeps
     it from indexing out of bounds.
   - The for loop uses the global scratch variable k_, reset to 0 afterwards, so it is 0 in
     every stored state and adds no states.
   - The client's guard reads the workers' locations; SPIN forbids remote references inside a
     d_step, so the workers' location variable is the global array worker_loc instead. */

#ifndef SLOTS
#define SLOTS 3
#endif
#ifndef WORKERS
#define WORKERS 2
#endif
#if SLOTS < 1 || SLOTS > 4 || WORKERS < 1 || WORKERS > 3
#error this twin supports SLOTS = 1..4 and WORKERS = 1..3
#endif

/* enum Status */
#define EMPTY    0
#define QUEUED   1
#define RUNNING  2
#define FINISHED 3
/* enum Prio */
#define LOW  0
#define HIGH 1

/* locations of `client` */
#define client_open 0
/* locations of `worker` */
#define worker_idle 0
#define worker_busy 1

byte status[SLOTS] = EMPTY;                   /* Status */
byte prio[SLOTS] = LOW;                       /* Prio */
byte finished = 0;                            /* 0..SLOTS */
byte worker_loc[WORKERS] = worker_idle;       /* worker[w]'s location (read by client) */
byte k_ = 0;                                  /* for-loop scratch, always 0 between steps */

/* count k in 0..SLOTS-1: status[k] == QUEUED */
#define Q(k) ((k) < SLOTS && status[k] == QUEUED -> 1 : 0)
#define QUEUED_COUNT (Q(0) + Q(1) + Q(2) + Q(3))
/* exists k in 0..SLOTS-1: status[k] == QUEUED && prio[k] == HIGH */
#define QH(k) ((k) < SLOTS && status[k] == QUEUED && prio[k] == HIGH)
#define HIGH_WAITING (QH(0) || QH(1) || QH(2) || QH(3))
/* forall v in 0..WORKERS-1: worker[v] @ idle */
#define IDLE(v) ((v) >= WORKERS || worker_loc[v] == worker_idle)
#define ALL_IDLE (IDLE(0) && IDLE(1) && IDLE(2))

inline submit(s, urgent) {
  status[s] = QUEUED;
  if
  :: urgent -> prio[s] = HIGH
  :: else -> prio[s] = LOW
  fi
}

inline finish(s) {
  assert(status[s] == RUNNING);
  status[s] = FINISHED;
  finished = finished + 1
}

/* property hooks (tests/spin/verdict_hooks.pml); worker v has _pid v + 1 */
#define SLOT_OK(k) ((k) >= SLOTS || (status[k] <= FINISHED && prio[k] <= HIGH))
#define JOB_OK(v) ((v) >= WORKERS || worker[(v) + 1]:job <= SLOTS - 1)
#define RANGES (finished <= SLOTS && SLOT_OK(0) && SLOT_OK(1) && SLOT_OK(2) && SLOT_OK(3) && \
                JOB_OK(0) && JOB_OK(1) && JOB_OK(2))
#define F(k) ((k) < SLOTS && status[k] == FINISHED -> 1 : 0)
#define INV_finished_counted (finished == F(0) + F(1) + F(2) + F(3))
#define BUSY(v) ((v) < WORKERS && worker_loc[v] == worker_busy)
#define RUNS(v) (!BUSY(v) || status[worker[(v) + 1]:job] == RUNNING)
#define INV_busy_runs_its_job (RUNS(0) && RUNS(1) && RUNS(2))
#define ON(v, k) (BUSY(v) && worker[(v) + 1]:job == (k))
#define OWNED(k) ((k) >= SLOTS || status[k] != RUNNING || ON(0, k) || ON(1, k) || ON(2, k))
#define INV_running_has_worker (OWNED(0) && OWNED(1) && OWNED(2) && OWNED(3))
#define LOWE(k) ((k) >= SLOTS || status[k] != EMPTY || prio[k] == LOW)
#define INV_empty_is_low (LOWE(0) && LOWE(1) && LOWE(2) && LOWE(3))
#define ALL_END (ALL_IDLE)                    /* client's only location `open` is an end */

#define POST(s, p) \
  :: d_step { loc == client_open && status[s] == EMPTY && QUEUED_COUNT < 2 -> \
              submit(s, p == HIGH); loc = client_open }

active proctype client() {                    /* _pid 0 */
  byte loc = client_open;
  do
  POST(0, LOW)                                                       /* post(s, p), s = 0, 1, ... */
  POST(0, HIGH)
#if SLOTS > 1
  POST(1, LOW)
  POST(1, HIGH)
#endif
#if SLOTS > 2
  POST(2, LOW)
  POST(2, HIGH)
#endif
#if SLOTS > 3
  POST(3, LOW)
  POST(3, HIGH)
#endif
  :: d_step { loc == client_open && finished > 0 && ALL_IDLE ->                   /* collect */
              for (k_ : 0 .. SLOTS - 1) {
                if
                :: status[k_] == FINISHED -> status[k_] = EMPTY; prio[k_] = LOW
                :: else
                fi
              };
              k_ = 0;
              finished = 0;
              loc = client_open }
  od
}

#define TAKE(s) \
  :: d_step { loc == worker_idle && status[s] == QUEUED && (prio[s] == HIGH || !HIGH_WAITING) -> \
              status[s] = RUNNING; job = s; loc = worker_busy }

#define loc worker_loc[_pid - 1]
active [WORKERS] proctype worker() {          /* family index w = _pid - 1 */
  byte job = 0;                               /* 0..SLOTS-1 */
  do
  TAKE(0)                                                                          /* take(0) */
#if SLOTS > 1
  TAKE(1)
#endif
#if SLOTS > 2
  TAKE(2)
#endif
#if SLOTS > 3
  TAKE(3)
#endif
  :: d_step { loc == worker_busy -> finish(job); job = 0; loc = worker_idle }      /* done */
  od
}
#undef loc

#include "verdict_hooks.pml"
