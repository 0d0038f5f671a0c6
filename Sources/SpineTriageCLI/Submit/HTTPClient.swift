import CCurl

/// One POST of a FHIR Bundle to a server, through libcurl (``CCurl``; loaded on this path only).
struct HTTPClient {
  /// The authentication and trust settings.
  var token: String?
  var caFile: String?
  var clientCertificate: String?
  /// The client key's PEM bytes (read by ``SecretFile`` from the descriptor it checked; libcurl
  /// never opens the key by name).
  var clientKey: [UInt8]?
  /// Seconds to connect, and for the whole exchange.
  var connectTimeout = 10
  var timeout = 60

  /// What came back.
  enum Reply: Equatable {
    /// A response: the HTTP status and the body.
    case response(status: Int, body: [UInt8])
    /// None: the server could not be reached (the reason in libcurl's words).
    case unreachable(String)
    /// libcurl is missing.
    case unavailable(String)
  }

  /// Posts `body` (JSON) to `url`.
  func post(_ body: [UInt8], to url: String) -> Reply {
    var result = st_http_result()
    defer { st_http_result_free(&result) }
    url.withCString { url in
      body.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          withOptionalCString(token) { token in
            withOptionalCString(caFile) { ca in
              withOptionalCString(clientCertificate) { certificate in
                withOptionalBytes(clientKey) { key in
                  var request = st_http_request(
                    url: url, body: chars.baseAddress, body_length: chars.count,
                    bearer_token: token, ca_file: ca, client_certificate: certificate,
                    client_key: key.baseAddress, client_key_length: key.count,
                    connect_timeout: connectTimeout, timeout: timeout)
                  st_http_post_json(&request, &result)
                }
              }
            }
          }
        }
      }
    }
    let message = withUnsafeBytes(of: result.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    if result.transport_error == -1 { return .unavailable(message) }
    if result.transport_error != 0 { return .unreachable(message) }
    var bytes: [UInt8] = []
    if let pointer = result.body {
      bytes = Array(
        UnsafeRawBufferPointer(start: pointer, count: result.body_length).bindMemory(
          to: UInt8.self))
    }
    return .response(status: Int(result.status), body: bytes)
  }

  /// Whether libcurl has been loaded in this process.
  static var isLoaded: Bool { st_http_is_loaded() != 0 }
}

/// Calls `body` with `text` as a C string, or with `nil`.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
  guard let text else { return body(nil) }
  return text.withCString { body($0) }
}

/// Calls `body` with a copy of `bytes` (an empty buffer for `nil`), wiped when it returns.
private func withOptionalBytes<R>(
  _ bytes: [UInt8]?, _ body: (UnsafeMutableBufferPointer<CChar>) -> R
) -> R {
  guard let bytes, !bytes.isEmpty else {
    return body(UnsafeMutableBufferPointer(start: nil, count: 0))
  }
  let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
  defer {
    copy.update(repeating: 0)
    copy.deallocate()
  }
  for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
  return body(copy)
}
