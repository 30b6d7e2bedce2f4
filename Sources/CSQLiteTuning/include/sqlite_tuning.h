#ifndef CROSSWALK_SQLITE_TUNING_H
#define CROSSWALK_SQLITE_TUNING_H

/// Turns off SQLite's memory statistics, as SQLite recommends for speed
/// (SQLITE_DEFAULT_MEMSTATUS=0): without them each allocation skips a global mutex.
/// Takes effect only before SQLite is first used in the process; returns SQLITE_OK (0) when it did.
/// (`sqlite3_config` is variadic, which Swift cannot call.)
int crosswalk_sqlite_disable_memstatus(void);

#endif
