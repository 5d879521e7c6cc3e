package se.loftesgrafen.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An answer written on a worker thread and sent only once it is complete: the first {@code threshold} bytes in
 * memory, the rest in a temporary file. So nothing reaches the client before the query has run to its end; a
 * query that breaks a limit half-way (rows, time) still gets its proper error status with a reason, never a
 * 200 whose body stops mid-document. Memory stays bounded by the threshold per request; the file by the row limit.
 */
final class SpooledAnswer extends OutputStream {
  private final int threshold;
  private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream spill;
  private long size;

  SpooledAnswer(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    size += len;
    if (spill == null && memory.size() + len <= threshold) {
      memory.write(b, off, len);
      return;
    }
    if (spill == null) {
      file = Files.createTempFile("loftesgrafen-answer-", ".part");
      spill = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      memory.writeTo(spill);
      memory.reset();
    }
    spill.write(b, off, len);
  }

  /** Ends the writing; the file (if any) is complete on return. */
  @Override
  public void close() throws IOException {
    if (spill != null) {
      spill.close();
    }
  }

  long size() {
    return size;
  }

  /** The whole answer when it stayed in memory (it may then be cached); empty when it went to a file. */
  Optional<byte[]> inMemory() {
    return file == null ? Optional.of(memory.toByteArray()) : Optional.empty();
  }

  /** The file holding the whole answer, once {@link #close()}d; empty when the answer stayed in memory. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }


  /**
   * Sends a spooled file on the event loop, read asynchronously and written as the client takes it. A client that
   * takes nothing for {@code writeTimeoutMillis} (service.writeTimeout) has its connection aborted; the file is
   * deleted when the answer ends either way. For HEAD only the length goes out.
   */
  void send(io.vertx.core.Vertx vertx, io.vertx.core.http.HttpServerRequest request, boolean head,
            long writeTimeoutMillis) {
    io.vertx.core.http.HttpServerResponse response = request.response();
    String path = file.toString();
    response.putHeader("Content-Length", Long.toString(size));
    if (head) {
      response.end();
      vertx.fileSystem().delete(path);
      return;
    }
    long[] stalledSince = {0};
    vertx.fileSystem().open(path, new io.vertx.core.file.OpenOptions().setRead(true)).onSuccess(in -> {
      long timer = vertx.setPeriodic(Math.max(100, writeTimeoutMillis / 4), id -> {
        if (stalledSince[0] != 0 && System.nanoTime() - stalledSince[0] > writeTimeoutMillis * 1_000_000) {
          abort(request);
        }
      });
      java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
      Runnable done = () -> {
        if (ended.getAndSet(true)) {
          return;
        }
        vertx.cancelTimer(timer);
        in.close().onComplete(v -> vertx.fileSystem().delete(path));
      };
      response.closeHandler(v -> done.run());
      in.handler(chunk -> {
        response.write(chunk);
        if (response.writeQueueFull()) {
          in.pause();
          stalledSince[0] = System.nanoTime();
          response.drainHandler(v -> {
            stalledSince[0] = 0;
            in.resume();
          });
        }
      });
      in.exceptionHandler(e -> response.reset());
      in.endHandler(v -> {
        response.end();
        done.run();
      });
    }).onFailure(e -> {
      response.reset();
      vertx.fileSystem().delete(path);
    });
  }

  /**
   * Ends the connection at once, dropping what is unsent (an RST). Vert.x's own reset of an HTTP/1.1 response, and a
   * close through the channel's pipeline, close the connection only once the pending answer is flushed, which for a
   * client that reads nothing never happens: the connection, megabytes of socket buffers and the spooled file stayed
   * until the idle timeout, if that (the abuse benchmark's clients that never read were still there after 90 s with
   * a 30 s write timeout). So the Netty channel (Vert.x's internal ConnectionBase) is closed underneath Vert.x's
   * handlers, with SO_LINGER 0; Vert.x then sees it closed and the answer ends. Another kind of connection (HTTP/2)
   * has its stream reset.
   */
  static void abort(io.vertx.core.http.HttpServerRequest request) {
    if (request.connection() instanceof io.vertx.core.net.impl.ConnectionBase connection) {
      io.netty.channel.Channel channel = connection.channel();
      channel.eventLoop().execute(() -> {
        channel.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
        channel.unsafe().close(channel.voidPromise());
      });
    } else {
      request.response().reset();
    }
  }

  /** Drops the file: after it has been sent, or when the answer failed. */
  void discard() {
    try {
      close();
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger("access").warn("could not delete the spooled answer {}: {}", file,
          e.getMessage());
    }
  }
}
