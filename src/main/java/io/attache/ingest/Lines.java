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

    /**
     * @param bytes the line without its terminator (nor a leading byte-order mark), null when longer than the limit
     * @param length the bytes the line took in the stream, terminator included
     */
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
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private int number;
    private Line next;
    private boolean eof;

    /** @param in read directly; it needs no buffering of its own */
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
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long length = 0;
            boolean terminated = false;
            while (!terminated) {
                if (pos == lim) {
                    lim = in.read(buf);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        eof = true;
                        break;
                    }
                }
                int end = pos;
                while (end < lim && buf[end] != '\n') {
                    end++;
                }
                int n = end - pos;
                if (length + n <= limit) {
                    line.write(buf, pos, n);
                }
                length += n;
                terminated = end < lim;
                pos = terminated ? end + 1 : end;
            }
            if (!terminated && length == 0) {
                return null;
            }
            number++;
            long consumed = terminated ? length + 1 : length;
            if (length > limit) {
                return new Line(number, null, consumed);
            }
            byte[] bytes = line.toByteArray();
            int start = number == 1 && bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF ? 3 : 0;
            int stop = bytes.length > start && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return new Line(number, start == 0 && stop == bytes.length ? bytes : Arrays.copyOfRange(bytes, start, stop),
                    consumed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
