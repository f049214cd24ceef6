#pragma once
// The output step of the pipeline: the DocumentExtraction (core/Extraction.h) of an annotated
// document. Entities appear in order of their first mention, each with its mentions in text
// order (one per start token) and every surface it was named by as an alias; relations
// whose ends lost all their mentions are dropped, and each relation's confidence is the
// noisy-or of its evidence. Moves the entities and relations out of the document.
//
// Thread-safety: a pure function of its argument.

#include "core/Extraction.h"
#include "extract/AnnotatedDocument.h"

namespace skein::extract {

DocumentExtraction build_extraction(AnnotatedDocument& document);

}  // namespace skein::extract
