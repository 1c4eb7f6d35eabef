package org.jwtauth.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/**
 * {@link RefreshTokenStore} on JPA (EclipseLink). One short-lived EntityManager per call, so the store is
 * thread-safe and never serves a stale row; every database failure becomes a
 * {@link org.jwtauth.refresh.StoreUnavailableException} whose text carries no token material.
 */
final class JpaRefreshTokenStore implements RefreshTokenStore {

    /**
     * How often a revocation that keeps losing to concurrent rotations is tried before it answers 503. On pooled
     * connections a rotation loop (a client, or someone with a stolen token, refreshing as fast as it can) holds
     * the session row almost all the time, so a revocation needs many short, jittered attempts to land in a gap;
     * together they wait at most about a second (see {@link #pause}).
     */
    static final int REVOCATION_ATTEMPTS = 40;

    private final EntityManagerFactory factory;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param onClose runs after the factory is closed (shuts down an embedded database) */
    JpaRefreshTokenStore(EntityManagerFactory factory, Runnable onClose) {
        this.factory = factory;
        this.onClose = onClose;
    }

    @Override
    public void insert(StoredRefreshToken token, ClientInfo client) {
        checkLengths(token);
        Objects.requireNonNull(client, "client");
        inTransaction("insert", em -> {
            em.persist(SessionEntity.startedBy(token, client));
            em.persist(RefreshTokenEntity.from(token));
            return null;
        });
    }

    @Override
    public Optional<StoredRefreshToken> findByHash(String hash) {
        Objects.requireNonNull(hash, "hash");
        if (hash.length() > RefreshTokenEntity.HASH_LENGTH) {
            return Optional.empty(); // cannot be stored; no need to ask the database
        }
        return withEntityManager("find", em -> Optional.ofNullable(em.find(RefreshTokenEntity.class, hash))
                .map(RefreshTokenEntity::toStoredToken));
    }

    @Override
    public boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor,
                          ClientInfo client) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(rotatedBy, "rotatedBy");
        Objects.requireNonNull(client, "client");
        checkLengths(successor);
        if (hash.length() > RefreshTokenEntity.HASH_LENGTH
                || rotatedBy.length() > RefreshTokenEntity.ROTATED_BY_LENGTH) {
            return false;
        }
        String sessionId = successor.sessionId();
        long at = rotatedAt.toEpochMilli();
        try {
            Function<EntityManager, Rotation> rotation = em -> rotateLocked(em, hash, sessionId, at, rotatedBy,
                    successor, client);
            Rotation result = inTransaction("rotate", rotation);
            if (result == Rotation.NO_SESSION_ROW && createMissingSession(sessionId)) {
                result = inTransaction("rotate", rotation);
            }
            return result == Rotation.ROTATED;
        } catch (LostRace e) {
            // A concurrent rotation or revocation of the session committed first: the same outcome as zero rows
            // changed, and never a 503, whose retry would arrive after the grace and be taken for reuse.
            return false;
        }
    }

    private enum Rotation { ROTATED, REFUSED, NO_SESSION_ROW }

    /**
     * The rotation's statements, in this order (design section 9): the session row first, which takes its lock
     * and must still be active; then the conditional UPDATE that is the arbiter between concurrent refreshes of
     * one token (design section 2, step 3); then the successor.
     */
    private static Rotation rotateLocked(EntityManager em, String hash, String sessionId, long at, String rotatedBy,
                                         StoredRefreshToken successor, ClientInfo client) {
        if (SessionQueries.touchActive(em, sessionId, at, client).executeUpdate() != 1) {
            em.getTransaction().setRollbackOnly();
            return em.find(SessionEntity.class, sessionId) == null ? Rotation.NO_SESSION_ROW : Rotation.REFUSED;
        }
        if (TokenQueries.markRotated(em, hash, sessionId, at, rotatedBy).executeUpdate() != 1) {
            em.getTransaction().setRollbackOnly();
            return Rotation.REFUSED;
        }
        em.persist(RefreshTokenEntity.from(successor));
        return Rotation.ROTATED;
    }

    /**
     * Records the session row of a session that has none (started before the upgrade, or by a node of the
     * previous version), derived from its tokens. Returns whether the session now has a row; a concurrent
     * creation by another request or node is fine.
     */
    private boolean createMissingSession(String sessionId) {
        try {
            return inTransaction("record session", em -> {
                Optional<SessionEntity> derived = derivedSession(em, sessionId);
                derived.ifPresent(em::persist);
                return derived.isPresent();
            });
        } catch (LostRace e) {
            return true;
        }
    }

    private static Optional<SessionEntity> derivedSession(EntityManager em, String sessionId) {
        List<RefreshTokenEntity> tokens = TokenQueries.tokensOf(em, sessionId).getResultList();
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        boolean revoked = tokens.stream().anyMatch(t -> t.state() == RefreshTokenState.REVOKED);
        long created = tokens.stream().mapToLong(RefreshTokenEntity::createdAt).min().getAsLong();
        long expires = tokens.stream().mapToLong(RefreshTokenEntity::sessionExpiresAt).max().getAsLong();
        return Optional.of(SessionEntity.derived(sessionId, tokens.get(0).subject(), revoked, created, expires));
    }

    @Override
    public int revokeSession(String sessionId, Instant at) {
        long millis = at.toEpochMilli();
        return revoke("revoke session", "sessionId", sessionId, RefreshTokenEntity.SESSION_ID_LENGTH, em -> {
            boolean hasRow = SessionQueries.revokeSession(em, sessionId, millis).executeUpdate() == 1;
            int tokens = TokenQueries.revokeSession(em, sessionId).executeUpdate();
            if (!hasRow) {
                // A session from before the upgrade: its row, revoked, makes the revocation as final as any other.
                derivedSession(em, sessionId).map(row -> row.revokedAt(millis)).ifPresent(em::persist);
            }
            return tokens;
        });
    }

    @Override
    public int revokeSubject(String subject, Instant at) {
        long millis = at.toEpochMilli();
        return revoke("revoke subject", "subject", subject, RefreshTokenEntity.SUBJECT_LENGTH, em -> {
            SessionQueries.revokeSubject(em, subject, millis).executeUpdate();
            return TokenQueries.revokeSubject(em, subject).executeUpdate();
        });
    }

    @Override
    public List<RevokedSession> revokedAfter(RevokedSession after, int limit) {
        Objects.requireNonNull(after, "after");
        return withEntityManager("revoked sessions", em -> SessionQueries.revokedAfter(em,
                after.revokedAt().toEpochMilli(), after.sessionId(), limit).getResultList().stream()
                .map(row -> new RevokedSession((String) row[0], Instant.ofEpochMilli(((Number) row[1]).longValue())))
                .collect(Collectors.toList()));
    }

    /**
     * Runs a revocation, retried when it loses to a concurrent rotation: under REPEATABLE READ or SERIALIZABLE
     * the waiting revocation fails once the rotation commits, and a revocation must never end unapplied. A value
     * longer than its column matches no row, so it never reaches the database.
     */
    private int revoke(String operation, String name, String value, int columnLength,
                       Function<EntityManager, Integer> work) {
        Objects.requireNonNull(value, name);
        if (value.length() > columnLength) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(operation, work);
            } catch (LostRace e) {
                if (attempt == REVOCATION_ATTEMPTS) {
                    throw StoreFailures.unavailable(operation + ", lost " + attempt + " races in a row", e);
                }
                pause(attempt);
            }
        }
    }

    @Override
    public List<UserSession> activeSessions(String subject, Instant now) {
        Objects.requireNonNull(subject, "subject");
        if (subject.length() > RefreshTokenEntity.SUBJECT_LENGTH) {
            return List.of(); // cannot be stored; no need to ask the database
        }
        return withEntityManager("sessions", em -> SessionQueries.activeOf(em, subject, now.toEpochMilli())
                .getResultList().stream().map(SessionEntity::toUserSession).collect(Collectors.toList()));
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        Objects.requireNonNull(now, "now");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        long millis = now.toEpochMilli();
        int deleted = deleteBatch("tokens", batchSize, em -> TokenQueries.expiredHashes(em, millis, batchSize),
                (em, hashes) -> TokenQueries.deleteExpired(em, hashes, millis));
        if (deleted == batchSize) {
            return deleted;
        }
        int sessions = batchSize - deleted;
        return deleted + deleteBatch("sessions", sessions, em -> SessionQueries.expiredIds(em, millis, sessions),
                (em, ids) -> SessionQueries.deleteExpired(em, ids, millis));
    }

    private int deleteBatch(String what, int limit, Function<EntityManager, TypedQuery<String>> select,
                            BiFunction<EntityManager, List<String>, Query> delete) {
        List<String> keys = withEntityManager("select expired " + what, em -> select.apply(em).getResultList());
        if (keys.isEmpty()) {
            return 0;
        }
        return inTransaction("delete expired " + what, em -> delete.apply(em, keys).executeUpdate());
    }

    @Override
    public void close() {
        // Idempotent: the listener and a failed start-up may both close; the embedded database is shut down once.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            factory.close();
        } finally {
            onClose.run();
        }
    }

    /** Runs {@code work} in a transaction; commits unless it marked the transaction rollback-only. */
    private <T> T inTransaction(String operation, Function<EntityManager, T> work) {
        return withEntityManager(operation, em -> {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
                return result;
            } finally {
                if (tx.isActive()) {
                    rollbackQuietly(tx);
                }
            }
        });
    }

    private <T> T withEntityManager(String operation, Function<EntityManager, T> work) {
        EntityManager em = null;
        try {
            em = factory.createEntityManager();
            return work.apply(em);
        } catch (PersistenceException | EclipseLinkException e) {
            if (StoreFailures.isLostRace(e)) {
                throw new LostRace(operation, e);
            }
            throw StoreFailures.unavailable(operation, e);
        } finally {
            if (em != null && em.isOpen()) {
                em.close();
            }
        }
    }

    private static void pause(int attempt) {
        try {
            // Short and random: the gap between two rotations of a tight loop is a fraction of a millisecond.
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + 3 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("refresh-token store: interrupted while revoking", e);
        }
    }

    /**
     * The transaction lost to a concurrent one (serialization failure, deadlock, duplicate key) and applied
     * nothing. Rotation and revocation handle it; anywhere else it is a store failure like any other.
     */
    private static final class LostRace extends StoreUnavailableException {
        private static final long serialVersionUID = 1L;

        LostRace(String operation, Throwable cause) {
            super("refresh-token store: " + operation + " lost to a concurrent transaction",
                    new StoreFailures.SanitizedCause(cause));
        }
    }

    private static void rollbackQuietly(EntityTransaction tx) {
        try {
            tx.rollback();
        } catch (RuntimeException ignored) {
            // The original failure is what matters; a dead connection cannot roll back anyway.
        }
    }

    private static void checkLengths(StoredRefreshToken token) {
        Objects.requireNonNull(token, "token");
        // Programming errors, not store failures: the refresh service produces values of bounded length.
        if (token.hash().length() > RefreshTokenEntity.HASH_LENGTH
                || token.sessionId().length() > RefreshTokenEntity.SESSION_ID_LENGTH
                || token.subject().length() > RefreshTokenEntity.SUBJECT_LENGTH) {
            throw new IllegalArgumentException("refresh token field longer than its column (hash "
                    + RefreshTokenEntity.HASH_LENGTH + ", family " + RefreshTokenEntity.SESSION_ID_LENGTH + ", subject "
                    + RefreshTokenEntity.SUBJECT_LENGTH + ")");
        }
    }
}
