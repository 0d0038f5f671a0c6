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

/* Writes a UTF-8 string at (y, x) with attributes and colour pair, clipped to n columns. */
static inline int st_put(WINDOW *w, int y, int x, const char *utf8, attr_t attrs, short pair) {
  wattr_set(w, attrs, pair, NULL);
  int r = mvwaddstr(w, y, x, utf8);
  wattr_set(w, A_NORMAL, 0, NULL);
  return r;
}
#endif
