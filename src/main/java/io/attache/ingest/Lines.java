package io.attache.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a byte stream, kept as bytes so that one line of bad encoding is rejected on its own
 * instead of ending the whole file. A line longer than the limit is not held in memory: it comes back
 * with null bytes and its length, to be rejected as too large.
 */
final class Lines implements Iterator<Lines.Line> {

    /** @param bytes the line without its terminator, null when longer than the limit */
    record Line(int number, byte[] bytes, long length) {

        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int limit;
    private int number;
    private Line next;
    private boolean eof;

    Lines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !eof) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line l = next;
        next = null;
        return l;
    }

    private Line read() {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            long length = 0;
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                length++;
                if (length <= limit) {
                    buf.write(b);
                }
            }
            if (b == -1) {
                eof = true;
                if (length == 0) {
                    return null;
                }
            }
            number++;
            long consumed = b == -1 ? length : length + 1;
            if (length > limit) {
                return new Line(number, null, consumed);
            }
            byte[] bytes = buf.toByteArray();
            int start = number == 1 && bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF ? 3 : 0; // a byte-order mark is not part of the first record
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            return new Line(number, start == 0 && end == bytes.length ? bytes : Arrays.copyOfRange(bytes, start, end), consumed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
