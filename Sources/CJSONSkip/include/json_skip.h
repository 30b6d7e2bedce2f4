#ifndef CROSSWALK_JSON_SKIP_H
#define CROSSWALK_JSON_SKIP_H

#include <stdint.h>

/// The end of a JSON object or array, found without decoding it: the importer's hot loop (most of
/// a Prowler finding is stepped over, not read). `start` is the index of the `{` or `[`.
///
/// Returns the index just past the matching `}` or `]`; or -1 when the input ends first (more
/// bytes may complete it); or -2 when nesting goes deeper than `max_depth`, with `*error_offset`
/// set to the bracket that went too deep. Strings are stepped over (a backslash escapes the next
/// byte); brackets are not checked for kind (`{` may close with `]`): the caller reads the parts it
/// uses strictly, and only needs this for where the value ends.
long crosswalk_json_container_end(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset);

/// The same with 16-byte (SSE2) compares only, whatever the CPU: for tests of that path.
long crosswalk_json_container_end_sse2(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset);

#endif
