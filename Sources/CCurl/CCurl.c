// The one place that talks to libcurl. It is loaded with dlopen on the submit path only: linked
// into the binary it would be mapped, with the thirty-odd libraries it needs, at every start of
// the screens (README, "Performance": measured). The headers come from libcurl4-openssl-dev at
// build time; libcurl4 is needed at run time (the package's Depends).
#include "CCurl.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BODY (8u << 20)

typedef CURLcode (*global_init_fn)(long);
typedef CURL *(*easy_init_fn)(void);
typedef CURLcode (*easy_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*easy_perform_fn)(CURL *);
typedef CURLcode (*easy_getinfo_fn)(CURL *, CURLINFO, ...);
typedef void (*easy_cleanup_fn)(CURL *);
typedef struct curl_slist *(*slist_append_fn)(struct curl_slist *, const char *);
typedef void (*slist_free_all_fn)(struct curl_slist *);
typedef const char *(*easy_strerror_fn)(CURLcode);

static struct {
  void *handle;
  global_init_fn global_init;
  easy_init_fn easy_init;
  easy_setopt_fn easy_setopt;
  easy_perform_fn easy_perform;
  easy_getinfo_fn easy_getinfo;
  easy_cleanup_fn easy_cleanup;
  slist_append_fn slist_append;
  slist_free_all_fn slist_free_all;
  easy_strerror_fn easy_strerror;
} curl;

int st_http_is_loaded(void) { return curl.handle != NULL; }

static int load(char *message, size_t size) {
  if (curl.handle) return 0;
  void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    snprintf(message, size, "libcurl is not installed (libcurl4): %s", reason ? reason : "?");
    return -1;
  }
#define SYMBOL(field, name)                                                  \
  do {                                                                       \
    *(void **)(&curl.field) = dlsym(handle, name);                           \
    if (!curl.field) {                                                       \
      snprintf(message, size, "libcurl.so.4 lacks %s", name);                \
      dlclose(handle);                                                       \
      return -1;                                                             \
    }                                                                        \
  } while (0)
  SYMBOL(global_init, "curl_global_init");
  SYMBOL(easy_init, "curl_easy_init");
  SYMBOL(easy_setopt, "curl_easy_setopt");
  SYMBOL(easy_perform, "curl_easy_perform");
  SYMBOL(easy_getinfo, "curl_easy_getinfo");
  SYMBOL(easy_cleanup, "curl_easy_cleanup");
  SYMBOL(slist_append, "curl_slist_append");
  SYMBOL(slist_free_all, "curl_slist_free_all");
  SYMBOL(easy_strerror, "curl_easy_strerror");
#undef SYMBOL
  if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    snprintf(message, size, "libcurl could not be initialised");
    dlclose(handle);
    return -1;
  }
  curl.handle = handle;
  return 0;
}

typedef struct {
  char *data;
  size_t length;
  int overflow;
} buffer;

static size_t collect(char *chunk, size_t size, size_t count, void *context) {
  buffer *out = context;
  size_t n = size * count;
  if (out->length + n > MAX_BODY) {
    out->overflow = 1;
    return 0;  // aborts the transfer
  }
  char *grown = realloc(out->data, out->length + n + 1);
  if (!grown) return 0;
  memcpy(grown + out->length, chunk, n);
  out->data = grown;
  out->length += n;
  out->data[out->length] = 0;
  return n;
}

void st_http_post_json(const st_http_request *request, st_http_result *result) {
  memset(result, 0, sizeof *result);
  if (load(result->message, sizeof result->message) != 0) {
    result->transport_error = -1;
    return;
  }
  CURL *easy = curl.easy_init();
  if (!easy) {
    result->transport_error = -1;
    snprintf(result->message, sizeof result->message, "libcurl could not start a transfer");
    return;
  }
  char error[CURL_ERROR_SIZE] = {0};
  struct curl_slist *headers = NULL;
  headers = curl.slist_append(headers, "Content-Type: application/fhir+json; charset=utf-8");
  headers = curl.slist_append(headers, "Accept: application/fhir+json");
  headers = curl.slist_append(headers, "Expect:");
  char *authorization = NULL;
  if (request->bearer_token) {
    size_t length = strlen(request->bearer_token) + sizeof "Authorization: Bearer ";
    authorization = malloc(length);
    if (authorization) {
      snprintf(authorization, length, "Authorization: Bearer %s", request->bearer_token);
      headers = curl.slist_append(headers, authorization);
    }
  }
  buffer body = {0};
  curl.easy_setopt(easy, CURLOPT_URL, request->url);
  curl.easy_setopt(easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(easy, CURLOPT_POST, 1L);
  curl.easy_setopt(easy, CURLOPT_POSTFIELDS, request->body);
  curl.easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)request->body_length);
  curl.easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, error);
  curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, collect);
  curl.easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, request->connect_timeout);
  curl.easy_setopt(easy, CURLOPT_TIMEOUT, request->timeout);
  curl.easy_setopt(easy, CURLOPT_USERAGENT, "spine-triage");
  if (request->ca_file) curl.easy_setopt(easy, CURLOPT_CAINFO, request->ca_file);
  if (request->client_certificate) {
    curl.easy_setopt(easy, CURLOPT_SSLCERT, request->client_certificate);
    curl.easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
  }
  // The key from memory (libcurl 7.71 and later), never by name. NOCOPY: libcurl uses the
  // caller's bytes until the handle is cleaned up below; the caller wipes them afterwards.
  struct curl_blob key = {(void *)request->client_key, request->client_key_length,
                          CURL_BLOB_NOCOPY};
  CURLcode code = CURLE_OK;
  if (request->client_key) {
    code = curl.easy_setopt(easy, CURLOPT_SSLKEY_BLOB, &key);
    if (code == CURLE_OK) code = curl.easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
  }
  if (code != CURLE_OK) {
    result->transport_error = -1;
    snprintf(result->message, sizeof result->message,
             "this libcurl cannot take the client key from memory (7.71 or later needed): %s",
             curl.easy_strerror(code));
  } else if ((code = curl.easy_perform(easy)) == CURLE_OK) {
    curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result->status);
    result->body = body.data;
    result->body_length = body.length;
    body.data = NULL;
  } else {
    result->transport_error = (int)code;
    const char *text = body.overflow ? "the server's answer is larger than 8 MiB"
                       : error[0]    ? error
                                     : curl.easy_strerror(code);
    snprintf(result->message, sizeof result->message, "%s", text);
  }
  free(body.data);
  curl.slist_free_all(headers);
  if (authorization) {
    memset(authorization, 0, strlen(authorization));
    free(authorization);
  }
  curl.easy_cleanup(easy);
}

void st_http_result_free(st_http_result *result) {
  free(result->body);
  result->body = NULL;
  result->body_length = 0;
}
