package dev.bulkhead.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request whose body counts its bytes as they are read and fails with {@link RequestBodyTooLarge} once more
 * than the limit came in: for bodies that announce no length (chunked), whose size is known only by reading them.
 * The reader goes through the same count, so neither way of reading the body escapes it.
 */
final class BodyLimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream body;
    private BufferedReader reader;

    BodyLimitedRequest(HttpServletRequest request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new CountingStream(super.getInputStream(), maxBytes);
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }
        return reader;
    }

    private Charset charset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        if (name == null) {
            return StandardCharsets.ISO_8859_1; // the servlet specification's default for a body without a charset
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name); // what the container's own getReader() throws
        }
    }

    /** Counts every byte handed out, skipped ones included; every read fails once the count passed the limit. */
    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long count;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            checkLimit();
            int next = delegate.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkLimit();
            return (int) counted(delegate.read(buffer, offset, length));
        }

        @Override
        public long skip(long n) throws IOException {
            checkLimit();
            return counted(delegate.skip(n));
        }

        @Override
        public int available() throws IOException {
            return delegate.available();
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        private void checkLimit() throws RequestBodyTooLarge {
            if (count > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }

        /** Adds what a read returned (nothing at the end of the body) and fails at once if that passed the limit. */
        private long counted(long bytes) throws RequestBodyTooLarge {
            if (bytes > 0) {
                count += bytes;
                checkLimit();
            }
            return bytes;
        }
    }
}
