package org.codeorg.partnerships.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request without Content-Length (chunked) whose body may not grow past the limit. */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

  private final long limit;

  LimitedBodyRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    ServletInputStream body = super.getInputStream();
    return new ServletInputStream() {
      private long read;

      @Override
      public int read() throws IOException {
        int b = body.read();
        if (b >= 0 && ++read > limit) {
          throw new PayloadTooLargeException(limit);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = body.read(buffer, offset, length);
        if (n > 0 && (read += n) > limit) {
          throw new PayloadTooLargeException(limit);
        }
        return n;
      }

      @Override
      public boolean isFinished() {
        return body.isFinished();
      }

      @Override
      public boolean isReady() {
        return body.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
      }
    };
  }

  static final class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
      super("Request body larger than " + limit + " bytes");
    }
  }
}
