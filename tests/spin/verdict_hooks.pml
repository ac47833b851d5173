/* Property hooks shared by the Promela twins, included at the end of each twin (so a hook
   process gets the highest _pid and the pids of the model's processes do not move).

   Neither hook exists unless check_twins.sh --verdicts asks for it: compiled plainly, a twin is
   exactly the exported model, and its "states, stored" is the model's state count.

   -DCHECK=<name>    a never claim that ends (an error) in the first state where the macro
                     <name> is false: INV_<invariant> for an invariant, RANGES for "every
                     variable is within its declared range". It watches every reachable state,
                     the initial one included. pan is run with -A (model asserts ignored) and
                     the shortest counterexample is the number of steps in the BFS trail.
   -DCHECK_DEADLOCK  a process that can always step (without changing anything) once every
                     process is at one of its end locations (the twin's ALL_END). Run without
                     -E, pan then reports "invalid end state" exactly at the model's deadlocks. */

#ifdef CHECK
never {
  do
  :: (CHECK)
  :: else -> break
  od
}
#endif

#ifdef CHECK_DEADLOCK
active proctype stutter_() {
end_stutter:
  do
  :: ALL_END
  od
}
#endif
