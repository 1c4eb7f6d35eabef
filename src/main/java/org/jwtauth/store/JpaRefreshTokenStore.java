package org.jwtauth.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/**
 * {@link RefreshTokenStore} on JPA (EclipseLink). One short-lived EntityManager per call, so the store is
 * thread-safe and never serves a stale row; every database failure becomes a
 * {@link org.jwtauth.refresh.StoreUnavailableException} whose text carries no token material.
 */
final class JpaRefreshTokenStore implements RefreshTokenStore {

    private final EntityManagerFactory factory;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param onClose runs after the factory is closed (shuts down an embedded database) */
    JpaRefreshTokenStore(EntityManagerFactory factory, Runnable onClose) {
        this.factory = factory;
        this.onClose = onClose;
    }

    @Override
    public void insert(StoredRefreshToken token) {
        checkLengths(token);
        inTransaction("insert", em -> {
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
    public boolean rotate(String hash, Instant rotatedAt, StoredRefreshToken successor) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        checkLengths(successor);
        if (hash.length() > RefreshTokenEntity.HASH_LENGTH) {
            return false;
        }
        // The conditional UPDATE is the arbiter between concurrent refreshes (design section 2, step 3): the
        // database lets exactly one transaction change the ACTIVE row; the others see zero rows changed.
        return inTransaction("rotate", em -> {
            int changed = TokenQueries.markRotated(em, hash, rotatedAt.toEpochMilli()).executeUpdate();
            if (changed != 1) {
                em.getTransaction().setRollbackOnly();
                return false;
            }
            em.persist(RefreshTokenEntity.from(successor));
            return true;
        });
    }

    @Override
    public int revokeSession(String sessionId) {
        return revoke("revoke family", "sessionId", sessionId, RefreshTokenEntity.SESSION_ID_LENGTH,
                TokenQueries::revokeSession);
    }

    @Override
    public int revokeSubject(String subject) {
        return revoke("revoke subject", "subject", subject, RefreshTokenEntity.SUBJECT_LENGTH,
                TokenQueries::revokeSubject);
    }

    /** A value longer than its column matches no row, so it never reaches the database. */
    private int revoke(String operation, String name, String value, int columnLength,
                       BiFunction<EntityManager, String, Query> query) {
        Objects.requireNonNull(value, name);
        if (value.length() > columnLength) {
            return 0;
        }
        return inTransaction(operation, em -> query.apply(em, value).executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        Objects.requireNonNull(now, "now");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        long millis = now.toEpochMilli();
        List<String> hashes = withEntityManager("select expired",
                em -> TokenQueries.expiredHashes(em, millis, batchSize).getResultList());
        if (hashes.isEmpty()) {
            return 0;
        }
        return inTransaction("delete expired", em -> TokenQueries.deleteExpired(em, hashes, millis).executeUpdate());
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
            throw StoreFailures.unavailable(operation, e);
        } finally {
            if (em != null && em.isOpen()) {
                em.close();
            }
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
