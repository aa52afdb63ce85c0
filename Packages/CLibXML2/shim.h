#ifndef MARQUEE_CLIBXML2_SHIM_H
#define MARQUEE_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so its headers include the system's <unicode/...h>, whose
 * `UErrorCode` differs from the copy Foundation ships in `_FoundationICU`; a module that imports both
 * fails to build. Marquee never touches libxml2's ICU converter (the only thing those headers add: two
 * pointers at the end of `xmlCharEncodingHandler`, which it neither allocates nor reads), so the flag is
 * cleared after <libxml/xmlversion.h> has been read once. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

/// Frees memory libxml2 allocated. `xmlFree` itself is a global function pointer, which Swift 6 treats as
/// shared mutable state; this wrapper is a plain function.
static inline void marquee_xml_free(void *pointer) { xmlFree(pointer); }
#endif
