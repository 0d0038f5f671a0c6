#ifndef SPINE_TRIAGE_CPROCESS_H
#define SPINE_TRIAGE_CPROCESS_H

#include <stddef.h>

/// Turns core dumps off for this process: RLIMIT_CORE soft and hard limits to 0 (no core
/// file, and it cannot be raised again) and PR_SET_DUMPABLE 0 (no core even through a piped
/// core_pattern such as systemd-coredump or apport, and no ptrace attach by other processes of
/// the same user). Returns 0, or -1 if either call failed.
int spine_disable_core_dumps(void);

/// The number of CPUs this process may run on (sched_getaffinity, so `taskset` is honoured),
/// or the online CPU count when the affinity cannot be read; at least 1.
int spine_cores_available(void);

/// Fills `count` bytes at `buffer` from the kernel's random source (getrandom: one system call
/// for up to 256 bytes). Returns 0, or -1 if it is not available.
int spine_random_bytes(void *buffer, size_t count);

/// Gives back the pages of the program's own relocation tables (DT_RELA and DT_JMPREL), which
/// the dynamic loader reads once, at exec, and never again (the program is linked with
/// BIND_NOW): madvise(MADV_DONTNEED) on the whole pages inside them. They are read-only
/// private file pages, so a page read again would come back from the file unchanged. Returns
/// the number of bytes given back (0 if there was nothing to do or it is not supported).
size_t spine_release_relocation_tables(void);

#endif
