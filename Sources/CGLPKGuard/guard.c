#include "cglpk_guard.h"
