package io.newslens.report;

/** An iterator that reads one element ahead: {@link #read} gives the next, or null at the end. */
public abstract class Lookahead<T> implements java.util.Iterator<T> {
    private T next;
    private boolean started;

    /** The next element, or null when there are no more. */
    protected abstract T read();

    @Override
    public boolean hasNext() {
        if (!started) {
            next = read();
            started = true;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException();
        }
        T element = next;
        next = read();
        return element;
    }
}
