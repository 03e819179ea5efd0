package io.testtrack.notification.domain;

/**
 * How many messages one socket may send per second: within the budget they are read; over it
 * they are refused ({@link Verdict#OVER}); at twice the budget within one second the socket is
 * closed ({@link Verdict#CLOSE}). Fixed one-second windows; one instance per socket, used by the
 * socket's serial message handler only.
 */
public final class MessageBudget {

    public enum Verdict {
        READ, OVER, CLOSE
    }

    private final int perSecond;
    private long windowStart;
    private int count;

    public MessageBudget(int perSecond) {
        this.perSecond = perSecond;
    }

    public Verdict spend(long nowMillis) {
        if (nowMillis - windowStart >= 1000) {
            windowStart = nowMillis;
            count = 0;
        }
        count++;
        if (count > 2 * perSecond) {
            return Verdict.CLOSE;
        }
        return count > perSecond ? Verdict.OVER : Verdict.READ;
    }
}
