#include "ProjectExtractor.h"

namespace skein::extract::testing {

const Extractor& project_extractor() {
  static const Extractor extractor(
      ExtractorOptions{SKEIN_SOURCE_DIR "/data", SKEIN_SOURCE_DIR "/schema"});
  return extractor;
}

}  // namespace skein::extract::testing
