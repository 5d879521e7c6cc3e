package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The Content-Length of an answer's body, set before {@code end(body)}: Vert.x sets it by itself only when the
 * request is not HEAD, and a HEAD answer should carry the length GET sends (RFC 9110 9.3.2, 8.6) since link
 * checkers and data portals size a download by HEAD. Every route that ends with a body passes it through here:
 * {@code response.end(ContentLength.of(response, body))}.
 */
final class ContentLength {
  private ContentLength() {}

  static Buffer of(HttpServerResponse response, Buffer body) {
    response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
    return body;
  }

  /** A text body, as {@code end(String)} sends it (UTF-8). */
  static Buffer of(HttpServerResponse response, String text) {
    return of(response, Buffer.buffer(text, "UTF-8"));
  }
}
