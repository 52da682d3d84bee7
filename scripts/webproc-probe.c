// A measuring aid for issue 16's soak, never shipped: loaded with LD_PRELOAD into the app (and so into
// WebKit's web process, which inherits the environment), it writes every 2 s what glibc's malloc holds in
// the web process to $PROBE_DIR/web.<pid>:
//   inuse_mb  bytes handed out and not yet freed (live allocations)
//   free_mb   bytes the allocator keeps although nothing uses them (after malloc_trim still counted
//             here, but their pages are given back: watch the PSS)
//   arena_mb  the allocator's heap from the system (in use + free, without mmapped blocks)
//   trims     calls to malloc_trim (WebKit's, and the probe's own when PROBE_TRIM is set)
// These say something only when WebKit allocates through glibc: run with `Malloc=1` (WebKit's switch to the
// system allocator). PROBE_TRIM=1 makes the probe call malloc_trim(0) every 2 s, giving the free pages
// back. `make soak-probe` builds it and runs the soak with it (the soak prints the line at each sample).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static atomic_long trims;

static int real_trim(size_t pad) {
  static int (*real)(size_t);
  if (!real) real = (int (*)(size_t))dlsym(RTLD_NEXT, "malloc_trim");
  return real ? real(pad) : 0;
}

int malloc_trim(size_t pad) {
  atomic_fetch_add(&trims, 1);
  return real_trim(pad);
}

static void *writer(void *dir) {
  char path[4096], tmp[4100];
  snprintf(path, sizeof path, "%s/web.%d", (const char *)dir, getpid());
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  const int trim = getenv("PROBE_TRIM") != NULL;
  for (;;) {
    sleep(2);
    if (trim) {
      atomic_fetch_add(&trims, 1);
      real_trim(0);
    }
    struct mallinfo2 mi = mallinfo2();
    FILE *f = fopen(tmp, "w");
    if (!f) continue;
    fprintf(f, "inuse_mb %.1f free_mb %.1f arena_mb %.1f trims %ld\n", (mi.uordblks + mi.hblkhd) / 1048576.0,
            mi.fordblks / 1048576.0, mi.arena / 1048576.0, atomic_load(&trims));
    fclose(f);
    rename(tmp, path);
  }
  return NULL;
}

__attribute__((constructor)) static void start(void) {
  char exe[4096] = {0};
  const char *dir = getenv("PROBE_DIR");
  if (!dir || readlink("/proc/self/exe", exe, sizeof exe - 1) < 0 || !strstr(exe, "WebKitWebProcess")) return;
  pthread_t t;
  pthread_create(&t, NULL, writer, (void *)dir);
}
