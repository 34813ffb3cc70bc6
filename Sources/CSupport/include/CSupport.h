#ifndef SNAPDECK_CSUPPORT_H
#define SNAPDECK_CSUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// Extends a CRC32C (Castagnoli) over `length` bytes. Start with 0. Uses the SSE4.2 instruction
/// when the CPU has it, a table otherwise.
uint32_t snapdeck_crc32c(uint32_t crc, const void *bytes, size_t length);

/// copy_file_range(2) through syscall(): Glibc's Swift overlay does not expose it.
/// Returns bytes copied, or -1 with errno set.
ssize_t snapdeck_copy_file_range(int fd_in, int fd_out, size_t length);

/// syncfs(2): flushes the whole file system holding fd (needs _GNU_SOURCE, hidden from Swift).
int snapdeck_syncfs(int fd);

/// sync_file_range(2) with SYNC_FILE_RANGE_WRITE over the whole file: starts writing its dirty
/// pages to disk without waiting for them, so a later syncfs has little left to wait for.
int snapdeck_start_writeback(int fd);

/// 1 when the running CPU has SSE4.2 (so the fast CRC32C path is taken).
int snapdeck_crc32c_is_hardware(void);

/// statfs(2)'s f_type, the magic number of the file system holding `path` (or `fd`), or -1
/// with errno set: Glibc's Swift overlay does not expose statfs.
int64_t snapdeck_file_system_type(const char *path);
int64_t snapdeck_file_system_type_of(int fd);

/// mallopt(M_MMAP_THRESHOLD, bytes): allocations of `bytes` or more get mappings of their own,
/// unmapped when freed, and glibc stops moving the threshold. Returns 1 on success.
int snapdeck_map_allocations_from(size_t bytes);

#endif
