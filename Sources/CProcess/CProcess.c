#include "CProcess.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
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
