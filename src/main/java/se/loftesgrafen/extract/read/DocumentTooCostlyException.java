package se.loftesgrafen.extract.read;

import java.io.IOException;

/** A document that would cost more to read than {@link DocumentLimits} allow: the message says which limit. */
public final class DocumentTooCostlyException extends IOException {
  DocumentTooCostlyException(String message) {
    super(message);
  }
}
