#ifdef __linux__
#define _GNU_SOURCE
#include <sched.h>
#endif
#include "CProcess.h"

#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/random.h>
#include <link.h>
#include <sys/mman.h>
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

#ifdef __linux__
/// The first object dl_iterate_phdr reports is the program itself.
static int spine_find_program(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  *(struct dl_phdr_info *)data = *info;
  return 1;
}

/// madvise(MADV_DONTNEED) on the whole pages inside [start, start + length).
static size_t spine_release_inside(uintptr_t start, size_t length) {
  long page = sysconf(_SC_PAGESIZE);
  if (page <= 0 || length == 0) return 0;
  uintptr_t first = (start + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
  uintptr_t end = (start + length) & ~((uintptr_t)page - 1);
  if (end <= first) return 0;
  return madvise((void *)first, end - first, MADV_DONTNEED) == 0 ? (size_t)(end - first) : 0;
}
#endif

size_t spine_release_relocation_tables(void) {
#ifdef __linux__
  struct dl_phdr_info program = {0};
  if (dl_iterate_phdr(spine_find_program, &program) != 1 || program.dlpi_phdr == NULL) return 0;
  const ElfW(Dyn) *dynamic = NULL;
  int writable_load_overlaps = 0;
  for (int i = 0; i < program.dlpi_phnum; i++) {
    if (program.dlpi_phdr[i].p_type == PT_DYNAMIC) {
      dynamic = (const ElfW(Dyn) *)(program.dlpi_addr + program.dlpi_phdr[i].p_vaddr);
    }
  }
  if (dynamic == NULL) return 0;
  uintptr_t rela = 0, jmprel = 0;
  size_t rela_size = 0, jmprel_size = 0;
  int bind_now = 0;
  for (const ElfW(Dyn) *entry = dynamic; entry->d_tag != DT_NULL; entry++) {
    switch (entry->d_tag) {
    case DT_RELA: rela = entry->d_un.d_ptr; break;
    case DT_RELASZ: rela_size = entry->d_un.d_val; break;
    case DT_JMPREL: jmprel = entry->d_un.d_ptr; break;
    case DT_PLTRELSZ: jmprel_size = entry->d_un.d_val; break;
    case DT_BIND_NOW: bind_now = 1; break;
    case DT_FLAGS: if (entry->d_un.d_val & DF_BIND_NOW) bind_now = 1; break;
    case DT_FLAGS_1: if (entry->d_un.d_val & DF_1_NOW) bind_now = 1; break;
    default: break;
    }
  }
  // Lazy binding would read the PLT relocations again: then leave them.
  if (!bind_now) return 0;
  // The loader has already rebased the dynamic section's addresses (glibc does, for the
  // program); an address below the load address is still relative to it.
  if (rela != 0 && rela < program.dlpi_addr) rela += program.dlpi_addr;
  if (jmprel != 0 && jmprel < program.dlpi_addr) jmprel += program.dlpi_addr;
  // Only pages of a read-only segment: a page shared with written data is never given back.
  for (int i = 0; i < program.dlpi_phnum; i++) {
    const ElfW(Phdr) *segment = &program.dlpi_phdr[i];
    if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W)) continue;
    uintptr_t low = program.dlpi_addr + segment->p_vaddr;
    uintptr_t high = low + segment->p_memsz;
    if ((rela != 0 && rela < high && rela + rela_size > low)
        || (jmprel != 0 && jmprel < high && jmprel + jmprel_size > low)) {
      writable_load_overlaps = 1;
    }
  }
  if (writable_load_overlaps) return 0;
  size_t released = 0;
  if (rela != 0) released += spine_release_inside(rela, rela_size);
  if (jmprel != 0) released += spine_release_inside(jmprel, jmprel_size);
  return released;
#else
  return 0;
#endif
}
