#ifndef SPINE_TRIAGE_CNCURSES_SHIM_H
#define SPINE_TRIAGE_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

/* Function-like macros and globals that Swift cannot import or that Swift 6 rejects. */
static inline attr_t st_a_bold(void) { return A_BOLD; }
static inline attr_t st_a_reverse(void) { return A_REVERSE; }
static inline attr_t st_a_underline(void) { return A_UNDERLINE; }
static inline attr_t st_a_dim(void) { return A_DIM; }
static inline attr_t st_a_normal(void) { return A_NORMAL; }
static inline int st_colors(void) { return COLORS; }
static inline int st_color_pairs(void) { return COLOR_PAIRS; }
static inline int st_key_code_yes(void) { return KEY_CODE_YES; }
static inline int st_wcwidth(wchar_t c) { return wcwidth(c); }

/* Whether the terminal has an alternate screen (terminfo smcup): without one (TERM=linux, the
   console) what was drawn stays on screen after endwin, so it must be cleared first. */
static inline int st_has_alternate_screen(void) {
  char *cap = tigetstr((char *)"smcup");
  return cap != NULL && cap != (char *)-1 && cap[0] != 0;
}

/* Writes a UTF-8 string at (y, x) with attributes and colour pair, clipped to n columns. */
static inline int st_put(WINDOW *w, int y, int x, const char *utf8, attr_t attrs, short pair) {
  wattr_set(w, attrs, pair, NULL);
  int r = mvwaddstr(w, y, x, utf8);
  wattr_set(w, A_NORMAL, 0, NULL);
  return r;
}
#endif

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Signals: a C handler records a termination signal so the blocking read returns and the Swift
   loop can save and restore the terminal; crash signals restore the terminal and re-raise. */
static volatile sig_atomic_t st_pending_signal = 0;
static volatile sig_atomic_t st_curses_active = 0;

static void st_record_signal(int sig) { st_pending_signal = sig; }

/* Whether a crash must clear the screen: the terminal has no alternate screen (TERM=linux), so
   the assessment would stay on screen after endwin. The handler looks the clear sequence up in
   the terminfo entry already loaded (no allocation) and writes it with write(2). */
static volatile sig_atomic_t st_clear_on_crash = 0;

static inline void st_prepare_crash_clear(void) {
  char *smcup = tigetstr((char *)"smcup");
  st_clear_on_crash = !(smcup != NULL && smcup != (char *)-1 && smcup[0] != 0);
}

/* Erases the terminal's scrollback (xterm's ED 3, "\033[3J"; terminals without it ignore
   it): without an alternate screen the last frame (patient, clinician) would otherwise stay
   there for the next person to scroll back to. Async-signal-safe. */
static inline void st_clear_scrollback(void) {
  static const char sequence[] = "\033[3J";
  ssize_t ignored = write(1, sequence, sizeof sequence - 1);
  (void)ignored;
}

static void st_crash_handler(int sig) {
  if (st_curses_active) {
    endwin();
    st_curses_active = 0;
    if (st_clear_on_crash) {
      char *clear = tigetstr((char *)"clear");
      if (clear != NULL && clear != (char *)-1) {
        ssize_t ignored = write(1, clear, strlen(clear));
        (void)ignored;
      }
      st_clear_scrollback();
    }
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

static inline int st_take_pending_signal(void) {
  int sig = st_pending_signal;
  st_pending_signal = 0;
  return sig;
}

static inline void st_set_curses_active(int active) { st_curses_active = active; }

/* Termination signals interrupt the blocking read (no SA_RESTART). */
static inline void st_unblock_signals(void);
static inline void st_install_signal_handlers(void) {
  st_unblock_signals();
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sa.sa_handler = st_record_signal;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  struct sigaction crash;
  sigemptyset(&crash.sa_mask);
  crash.sa_flags = SA_RESETHAND;
  crash.sa_handler = st_crash_handler;
  sigaction(SIGSEGV, &crash, NULL);
  sigaction(SIGBUS, &crash, NULL);
  sigaction(SIGILL, &crash, NULL);
  sigaction(SIGTRAP, &crash, NULL);
  sigaction(SIGABRT, &crash, NULL);
  sigaction(SIGFPE, &crash, NULL);
}

/* Restores default dispositions and re-raises `sig` (after the terminal has been restored). */
static inline void st_reraise(int sig) {
  signal(sig, SIG_DFL);
  raise(sig);
}

static inline int st_key_f0(void) { return KEY_F0; }
static inline WINDOW *st_stdscr(void) { return stdscr; }

/* Unblocks the signals the UI relies on, in case the parent left them blocked. */
static inline void st_unblock_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM); sigaddset(&set, SIGHUP); sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT); sigaddset(&set, SIGWINCH); sigaddset(&set, SIGTSTP);
  sigaddset(&set, SIGCONT);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}

#include <poll.h>

/* ppoll is a GNU extension; it is declared here rather than with _GNU_SOURCE, which would change
   glibc's own type definitions and clash with Swift's Glibc module. */
extern int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
                 const sigset_t *sigmask);

/* The signals the key wait must never miss: they are blocked while ncurses is asked for a key
   and unblocked atomically inside ppoll, so a signal arriving in between cannot be lost. */
static inline void st_block_wait_signals(sigset_t *old) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGWINCH); sigaddset(&set, SIGTERM); sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGINT); sigaddset(&set, SIGQUIT);
  sigprocmask(SIG_BLOCK, &set, old);
}

static inline void st_restore_signal_mask(const sigset_t *old) {
  sigprocmask(SIG_SETMASK, old, NULL);
}

/* Waits until `fd` is readable, a signal arrives or `timeout_ms` pass (negative: no limit);
   returns ppoll's result (0 when the time passed), revents in *events. */
static inline int st_wait_readable(int fd, const sigset_t *unblocked, short *events,
                                   long timeout_ms) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  struct timespec limit;
  limit.tv_sec = timeout_ms / 1000;
  limit.tv_nsec = (timeout_ms % 1000) * 1000000L;
  int r = ppoll(&p, 1, timeout_ms < 0 ? NULL : &limit, unblocked);
  *events = p.revents;
  return r;
}
