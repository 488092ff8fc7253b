/* CGLPK: exposes GLPK's C API (Debian libglpk-dev ships no glpk.pc). */
#include <glpk.h>
