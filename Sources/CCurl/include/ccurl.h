// A minimal HTTP POST through the system's libcurl, loaded with dlopen on first use.
//
// cares links no networking library: only `cares lrs push` needs HTTP, and linking libcurl (or
// FoundationNetworking, which links it with some thirty more libraries) cost every command about
// ten milliseconds and ten megabytes at start-up. libcurl brings TLS with the system's certificate
// store and the usual proxy variables (https_proxy, http_proxy, no_proxy).
#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

/// What one request gave: a status (0 when no response came), the response headers and body, or a
/// libcurl error code with its message.
typedef struct {
    long status;
    char *headers;
    size_t headers_length;
    char *body;
    size_t body_length;
    int error_code;
    char error[512];
} ccurl_response;

/// Loads libcurl once (the file `CARES_LIBCURL` names, else libcurl.so.4 by name); returns 1 when
/// it is usable, else 0 with a message in `message`.
int ccurl_load(char *message, size_t message_size);

/// POSTs `body` to `url` with the `header_count` headers in `headers` ("Name: value"). Returns 0 when a
/// response came (any status), else the libcurl error code (also in `response->error_code`, with
/// `response->error`). `timeout` bounds the whole request, `connect_timeout` the connection, in
/// seconds. Free the response with `ccurl_response_free`.
int ccurl_post(const char *url, const char *const *headers, size_t header_count, const char *body,
               size_t body_length, long timeout, long connect_timeout, ccurl_response *response);

void ccurl_response_free(ccurl_response *response);

#endif
