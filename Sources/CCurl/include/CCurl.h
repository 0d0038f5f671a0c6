#ifndef SPINE_TRIAGE_CCURL_H
#define SPINE_TRIAGE_CCURL_H

#include <stddef.h>

/// One HTTP POST of a JSON body (FHIR), made with libcurl. libcurl is loaded with dlopen on the
/// first call only, so the screens never load it (nor the thirty libraries it needs).
typedef struct {
  /// The URL (http or https only; redirects are not followed).
  const char *url;
  /// The body and its length.
  const char *body;
  size_t body_length;
  /// The bearer token, or NULL.
  const char *bearer_token;
  /// A CA bundle (PEM), or NULL for the system store.
  const char *ca_file;
  /// A TLS client certificate (PEM file), or NULL.
  const char *client_certificate;
  /// Its key: the PEM bytes themselves (read by the caller from a descriptor it checked, so
  /// libcurl never opens the key by name), or NULL.
  const char *client_key;
  size_t client_key_length;
  /// Seconds to connect, and for the whole exchange.
  long connect_timeout;
  long timeout;
} st_http_request;

/// What came back.
typedef struct {
  /// The HTTP status, or 0 when no response arrived.
  long status;
  /// The response body (malloc'd, NUL-terminated; at most 8 MiB), or NULL.
  char *body;
  size_t body_length;
  /// 0 when a response arrived; otherwise libcurl's error code (or -1: libcurl not loaded).
  int transport_error;
  /// libcurl's message for a transport error, or why libcurl could not be loaded.
  char message[512];
} st_http_result;

/// Posts `request`; fills `result` (always: free it with st_http_result_free).
void st_http_post_json(const st_http_request *request, st_http_result *result);

/// Frees the body of `result`.
void st_http_result_free(st_http_result *result);

/// Whether libcurl is loaded in this process (for the start-up tests: never by the screens).
int st_http_is_loaded(void);

#endif
