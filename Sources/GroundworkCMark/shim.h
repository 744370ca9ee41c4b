#ifndef GROUNDWORK_CMARK_SHIM_H
#define GROUNDWORK_CMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#endif
