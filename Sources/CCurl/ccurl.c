#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's stable ABI values (curl/curl.h); the header itself is not needed to build cares.
enum {
    CCURL_GLOBAL_DEFAULT = 3,
    CCURLOPT_WRITEDATA = 10001,
    CCURLOPT_URL = 10002,
    CCURLOPT_ERRORBUFFER = 10010,
    CCURLOPT_WRITEFUNCTION = 20011,
    CCURLOPT_TIMEOUT = 13,
    CCURLOPT_POSTFIELDS = 10015,
    CCURLOPT_USERAGENT = 10018,
    CCURLOPT_HTTPHEADER = 10023,
    CCURLOPT_HEADERDATA = 10029,
    CCURLOPT_NOPROGRESS = 43,
    CCURLOPT_POST = 47,
    CCURLOPT_FOLLOWLOCATION = 52,
    CCURLOPT_POSTFIELDSIZE = 60,
    CCURLOPT_CONNECTTIMEOUT = 78,
    CCURLOPT_HEADERFUNCTION = 20079,
    CCURLOPT_NOSIGNAL = 99,
    CCURLINFO_RESPONSE_CODE = 0x200002,
    CCURL_ERROR_SIZE = 256,
};

struct curl_slist;
typedef size_t (*ccurl_write_callback)(char *, size_t, size_t, void *);

static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_perform)(void *);
    int (*easy_getinfo)(void *, int, ...);
    void (*easy_cleanup)(void *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
    char problem[512];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {
        "libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.4.dylib", "libcurl.dylib",
    };
    void *library = NULL;
    const char *chosen = getenv("CARES_LIBCURL");
    if (chosen != NULL && chosen[0] != 0) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) {
            const char *reason = dlerror();
            snprintf(curl.problem, sizeof curl.problem, "CARES_LIBCURL names a libcurl that cannot be loaded: %s",
                     reason != NULL ? reason : chosen);
            return;
        }
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(curl.problem, sizeof curl.problem,
                 "libcurl is not installed (looked for libcurl.so.4): install it, e.g. apt-get install libcurl4");
        return;
    }
#define CCURL_SYMBOL(field, name)                                                                 \
    do {                                                                                          \
        *(void **)(&curl.field) = dlsym(library, name);                                           \
        if (curl.field == NULL) {                                                                 \
            snprintf(curl.problem, sizeof curl.problem, "libcurl lacks %s: it is too old", name); \
            return;                                                                               \
        }                                                                                         \
    } while (0)
    CCURL_SYMBOL(global_init, "curl_global_init");
    CCURL_SYMBOL(easy_init, "curl_easy_init");
    CCURL_SYMBOL(easy_setopt, "curl_easy_setopt");
    CCURL_SYMBOL(easy_perform, "curl_easy_perform");
    CCURL_SYMBOL(easy_getinfo, "curl_easy_getinfo");
    CCURL_SYMBOL(easy_cleanup, "curl_easy_cleanup");
    CCURL_SYMBOL(easy_strerror, "curl_easy_strerror");
    CCURL_SYMBOL(slist_append, "curl_slist_append");
    CCURL_SYMBOL(slist_free_all, "curl_slist_free_all");
#undef CCURL_SYMBOL
    if (curl.global_init(CCURL_GLOBAL_DEFAULT) != 0) {
        snprintf(curl.problem, sizeof curl.problem, "libcurl could not start (curl_global_init failed)");
        return;
    }
    curl.loaded = 1;
}

int ccurl_load(char *message, size_t message_size) {
    pthread_once(&load_once, load);
    if (!curl.loaded && message != NULL && message_size > 0) snprintf(message, message_size, "%s", curl.problem);
    return curl.loaded;
}

typedef struct {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
} buffer;

static size_t append(char *data, size_t size, size_t count, void *context) {
    buffer *target = context;
    size_t length = size * count;
    if (target->length + length + 1 > target->capacity) {
        size_t capacity = target->capacity ? target->capacity : 1024;
        while (capacity < target->length + length + 1) capacity *= 2;
        char *grown = realloc(target->data, capacity);
        if (grown == NULL) {
            target->failed = 1;
            return 0;  // libcurl stops the transfer with CURLE_WRITE_ERROR.
        }
        target->data = grown;
        target->capacity = capacity;
    }
    memcpy(target->data + target->length, data, length);
    target->length += length;
    target->data[target->length] = 0;
    return length;
}

static void fail(ccurl_response *response, int code, const char *message) {
    response->error_code = code;
    snprintf(response->error, sizeof response->error, "%s", message);
}

int ccurl_post(const char *url, const char *const *headers, size_t header_count, const char *body,
               size_t body_length, long timeout, long connect_timeout, ccurl_response *response) {
    memset(response, 0, sizeof *response);
    char problem[512];
    if (!ccurl_load(problem, sizeof problem)) {
        fail(response, -1, problem);
        return -1;
    }
    void *handle = curl.easy_init();
    if (handle == NULL) {
        fail(response, -1, "libcurl could not make a request handle");
        return -1;
    }
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) {
        struct curl_slist *next = curl.slist_append(list, headers[i]);
        if (next == NULL) {
            if (list != NULL) curl.slist_free_all(list);
            curl.easy_cleanup(handle);
            fail(response, -1, "out of memory");
            return -1;
        }
        list = next;
    }
    buffer received_headers = {0}, received_body = {0};
    char error_buffer[CCURL_ERROR_SIZE + 1];
    error_buffer[0] = 0;
    curl.easy_setopt(handle, CCURLOPT_URL, url);
    curl.easy_setopt(handle, CCURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CCURLOPT_NOPROGRESS, 1L);
    curl.easy_setopt(handle, CCURLOPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, CCURLOPT_POST, 1L);
    curl.easy_setopt(handle, CCURLOPT_POSTFIELDS, body != NULL ? body : "");
    curl.easy_setopt(handle, CCURLOPT_POSTFIELDSIZE, body != NULL ? (long)body_length : 0L);
    curl.easy_setopt(handle, CCURLOPT_HTTPHEADER, list);
    curl.easy_setopt(handle, CCURLOPT_USERAGENT, "cares");
    curl.easy_setopt(handle, CCURLOPT_TIMEOUT, timeout);
    curl.easy_setopt(handle, CCURLOPT_CONNECTTIMEOUT, connect_timeout);
    curl.easy_setopt(handle, CCURLOPT_ERRORBUFFER, error_buffer);
    curl.easy_setopt(handle, CCURLOPT_WRITEFUNCTION, (ccurl_write_callback)append);
    curl.easy_setopt(handle, CCURLOPT_WRITEDATA, &received_body);
    curl.easy_setopt(handle, CCURLOPT_HEADERFUNCTION, (ccurl_write_callback)append);
    curl.easy_setopt(handle, CCURLOPT_HEADERDATA, &received_headers);
    int code = curl.easy_perform(handle);
    if (code == 0) {
        long status = 0;
        curl.easy_getinfo(handle, CCURLINFO_RESPONSE_CODE, &status);
        response->status = status;
    } else if (received_body.failed || received_headers.failed) {
        fail(response, code, "out of memory while reading the response");
    } else {
        fail(response, code, error_buffer[0] ? error_buffer : curl.easy_strerror(code));
    }
    response->headers = received_headers.data;
    response->headers_length = received_headers.length;
    response->body = received_body.data;
    response->body_length = received_body.length;
    curl.slist_free_all(list);
    curl.easy_cleanup(handle);
    return code;
}

void ccurl_response_free(ccurl_response *response) {
    free(response->headers);
    free(response->body);
    response->headers = NULL;
    response->body = NULL;
}
