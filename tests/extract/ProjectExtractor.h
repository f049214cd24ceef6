#pragma once
// The extractor the product runs by default: the project's own data/ and schema/ (knowledge,
// models, rules) and the default pipeline. Built once per test process, on first use.
#include "extract/Extractor.h"

namespace skein::extract::testing {

const Extractor& project_extractor();

}  // namespace skein::extract::testing
