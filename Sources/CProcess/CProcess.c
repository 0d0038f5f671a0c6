#ifdef __linux__
#define _GNU_SOURCE
#include <sched.h>
#endif
#include "CProcess.h"

#include <errno.h>
#include <unistd.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/random.h>
#endif

int spine_disable_core_dumps(void) {
  struct rlimit none = {0, 0};
  int limited = setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
  int undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#else
  int undumpable = 0;
#endif
  return (limited == 0 && undumpable == 0) ? 0 : -1;
}

int spine_cores_available(void) {
#ifdef __linux__
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0) return count;
  }
#endif
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? (int)online : 1;
}

int spine_random_bytes(void *buffer, size_t count) {
#ifdef __linux__
  unsigned char *bytes = buffer;
  while (count > 0) {
    ssize_t got = getrandom(bytes, count, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    bytes += got;
    count -= (size_t)got;
  }
  return 0;
#else
  (void)buffer;
  (void)count;
  return -1;
#endif
}
