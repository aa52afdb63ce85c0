#ifndef MARQUEE_CLIBXML2_SHIM_H
#define MARQUEE_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

/// Frees memory libxml2 allocated. `xmlFree` itself is a global function pointer, which Swift 6 treats as
/// shared mutable state; this wrapper is a plain function.
static inline void marquee_xml_free(void *pointer) { xmlFree(pointer); }
#endif
