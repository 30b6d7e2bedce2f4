#ifndef CROSSWALK_CLIBXML2_SHIM_H
#define CROSSWALK_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its encoding.h would pull the system ICU headers into this
// module and clash with Foundation's own ICU ("'UErrorCode' has different definitions").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
