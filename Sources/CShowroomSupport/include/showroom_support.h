#ifndef SHOWROOM_SUPPORT_H
#define SHOWROOM_SUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 with errno set.
int showroom_exchange_paths(const char *first, const char *second);

#endif
