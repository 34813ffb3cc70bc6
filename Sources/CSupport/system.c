#include "CSupport.h"

#include <malloc.h>
#include <sys/vfs.h>

int64_t snapdeck_file_system_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (int64_t)info.f_type;
}

int64_t snapdeck_file_system_type_of(int fd) {
    struct statfs info;
    if (fstatfs(fd, &info) != 0) return -1;
    return (int64_t)info.f_type;
}

int snapdeck_map_allocations_from(size_t bytes) {
    return mallopt(M_MMAP_THRESHOLD, (int)bytes);
}
