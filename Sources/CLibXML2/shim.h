// Debian's libxml2 is built with ICU; its headers would pull in the system's ICU, which clashes with the
// ICU copy inside Swift's Foundation. Showroom needs none of libxml2's ICU API, so switch it off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
