#ifndef SNAPDECK_CNCURSES_SHIM_H
#define SNAPDECK_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, without which curses.h hides the wide
   character API (get_wch, wint_t). Define the switch here instead. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

/* Attribute and mouse macros do not import into Swift: expose them as functions. */
static inline attr_t snapdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t snapdeck_a_bold(void) { return A_BOLD; }
static inline attr_t snapdeck_a_dim(void) { return A_DIM; }
static inline attr_t snapdeck_a_reverse(void) { return A_REVERSE; }
static inline attr_t snapdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t snapdeck_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline mmask_t snapdeck_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t snapdeck_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t snapdeck_button5_pressed(void) { return BUTTON5_PRESSED; }

/* ncurses globals, read through functions so Swift 6 sees no shared mutable state. */
static inline WINDOW *snapdeck_stdscr(void) { return stdscr; }
static inline int snapdeck_colors(void) { return COLORS; }
static inline const char *snapdeck_codeset(void) { return nl_langinfo(CODESET); }

/* The current screen's curscr, for clearok on Ctrl-L, without touching globals from Swift. */
static inline WINDOW *snapdeck_curscr(void) { return curscr; }

#endif
