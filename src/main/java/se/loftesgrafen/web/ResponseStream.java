package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OutputStream for a worker thread writing an answer: the first {@code threshold} bytes are kept, so that an
 * answer that fails early (time limit, size limit) still gets a proper error status, and a small answer can be
 * cached. Beyond the threshold the head is sent and the rest streams in chunks, waiting (on the worker, never on
 * the event loop) while the client's write queue is full.
 */
final class ResponseStream extends OutputStream {
  private static final int CHUNK = 64 * 1024;
  private final HttpServerResponse response;
  private final Runnable sendHead;
  private final int threshold;
  private final long writeTimeoutMillis;
  private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private boolean streaming;

  /**
   * @param sendHead  sets status and headers on the response; run once, when streaming starts
   * @param threshold bytes kept before streaming starts
   * @param writeTimeoutMillis how long a client may read nothing before the answer is abandoned and the
   *                  connection reset: a client that never reads must not hold a worker thread
   */
  ResponseStream(HttpServerResponse response, Runnable sendHead, int threshold, long writeTimeoutMillis) {
    this.response = response;
    this.sendHead = sendHead;
    this.threshold = threshold;
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    buffer.write(b, off, len);
    if (!streaming && buffer.size() > threshold) {
      streaming = true;
      response.setChunked(true);
      sendHead.run();
    }
    if (streaming && buffer.size() >= CHUNK) {
      flushChunk();
    }
  }

  /** Whether the head has been sent: failures can then only cut the connection. */
  boolean streaming() {
    return streaming;
  }

  /** The whole answer, when it stayed under the threshold. */
  byte[] buffered() {
    return buffer.toByteArray();
  }

  /** Sends what is left; call after the answer is complete, when streaming. */
  void finish() throws IOException {
    flushChunk();
    response.end();
  }

  private void flushChunk() throws IOException {
    if (buffer.size() == 0) {
      return;
    }
    if (response.closed()) {
      throw new IOException("client closed the connection");
    }
    awaitDrain();
    response.write(Buffer.buffer(buffer.toByteArray()));
    buffer = new ByteArrayOutputStream(CHUNK * 2);
  }

  private void awaitDrain() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis);
    while (response.writeQueueFull() && !response.closed()) {
      if (System.nanoTime() > deadline) {
        response.reset();
        throw new IOException("the client read nothing for " + writeTimeoutMillis + " ms (service.writeTimeout):"
            + " answer abandoned");
      }
      CountDownLatch drained = new CountDownLatch(1);
      response.drainHandler(v -> drained.countDown());
      response.closeHandler(v -> drained.countDown());
      try {
        if (!response.writeQueueFull()) {
          return;
        }
        drained.await(Math.min(1000, writeTimeoutMillis), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the client was slow to read");
      }
    }
  }
}
