package org.jwtauth.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.List;
import org.jwtauth.refresh.RefreshTokenState;

/**
 * The store's bulk statements, every value bound as a JPA parameter. Built with the Criteria API rather than
 * JPQL strings: EclipseLink's JPQL parser is a separate JAR that the library leaves out of WEB-INF/lib, while
 * criteria queries go straight to EclipseLink's expression model and produce the same SQL.
 */
final class TokenQueries {

    private static final String HASH = "hash";
    private static final String FAMILY = "sessionId";
    private static final String SUBJECT = "subject";
    private static final String STATE = "state";
    private static final String ROTATED_AT = "rotatedAt";
    private static final String ROTATED_BY = "rotatedBy";
    private static final String IDLE_EXPIRES = "idleExpiresAt";
    private static final String FAMILY_EXPIRES = "sessionExpiresAt";

    private TokenQueries() {
    }

    /**
     * {@code UPDATE ... SET state = ROTATED, rotated_at = :at, rotated_by = :by WHERE token_hash = :hash AND
     * family_id = :session AND state = ACTIVE}.
     */
    static Query markRotated(EntityManager em, String hash, String sessionId, long rotatedAt, String rotatedBy) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<RefreshTokenEntity> update = cb.createCriteriaUpdate(RefreshTokenEntity.class);
        Root<RefreshTokenEntity> row = update.from(RefreshTokenEntity.class);
        ParameterExpression<String> hashParam = cb.parameter(String.class, HASH);
        ParameterExpression<String> sessionParam = cb.parameter(String.class, FAMILY);
        ParameterExpression<Long> atParam = cb.parameter(Long.class, ROTATED_AT);
        ParameterExpression<String> byParam = cb.parameter(String.class, ROTATED_BY);
        ParameterExpression<RefreshTokenState> newState = cb.parameter(RefreshTokenState.class, "newState");
        ParameterExpression<RefreshTokenState> oldState = cb.parameter(RefreshTokenState.class, "oldState");
        update.set(row.<RefreshTokenState>get(STATE), newState);
        update.set(row.<Long>get(ROTATED_AT), atParam);
        update.set(row.<String>get(ROTATED_BY), byParam);
        update.where(cb.equal(row.get(HASH), hashParam), cb.equal(row.get(FAMILY), sessionParam),
                cb.equal(row.get(STATE), oldState));
        return em.createQuery(update).setParameter(hashParam, hash).setParameter(sessionParam, sessionId)
                .setParameter(atParam, rotatedAt).setParameter(byParam, rotatedBy)
                .setParameter(newState, RefreshTokenState.ROTATED).setParameter(oldState, RefreshTokenState.ACTIVE);
    }

    /** {@code UPDATE ... SET state = REVOKED WHERE family_id = :family AND state <> REVOKED}. */
    static Query revokeSession(EntityManager em, String sessionId) {
        return revokeWhere(em, FAMILY, sessionId);
    }

    /** {@code UPDATE ... SET state = REVOKED WHERE subject = :subject AND state <> REVOKED}. */
    static Query revokeSubject(EntityManager em, String subject) {
        return revokeWhere(em, SUBJECT, subject);
    }

    private static Query revokeWhere(EntityManager em, String attribute, String value) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<RefreshTokenEntity> update = cb.createCriteriaUpdate(RefreshTokenEntity.class);
        Root<RefreshTokenEntity> row = update.from(RefreshTokenEntity.class);
        ParameterExpression<String> valueParam = cb.parameter(String.class, attribute);
        ParameterExpression<RefreshTokenState> revoked = cb.parameter(RefreshTokenState.class, "revoked");
        update.set(row.<RefreshTokenState>get(STATE), revoked);
        // Already revoked rows are left alone, so the count says how many tokens this call actually revoked.
        update.where(cb.equal(row.get(attribute), valueParam), cb.notEqual(row.get(STATE), revoked));
        return em.createQuery(update).setParameter(valueParam, value)
                .setParameter(revoked, RefreshTokenState.REVOKED);
    }

    /** Every token row of one session (family), for deriving a session row the session does not have yet. */
    static TypedQuery<RefreshTokenEntity> tokensOf(EntityManager em, String sessionId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<RefreshTokenEntity> select = cb.createQuery(RefreshTokenEntity.class);
        Root<RefreshTokenEntity> row = select.from(RefreshTokenEntity.class);
        ParameterExpression<String> session = cb.parameter(String.class, FAMILY);
        select.select(row).where(cb.equal(row.get(FAMILY), session));
        return em.createQuery(select).setParameter(session, sessionId);
    }

    /**
     * At most {@code limit} hashes of rows that are of no more use at {@code now}: every row once its family has
     * expired, an active row also at its idle expiry. A rotated or revoked row is kept until its family expires,
     * because presenting it is reuse for that long (design section 2, Refresh, step 4).
     */
    static TypedQuery<String> expiredHashes(EntityManager em, long now, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> select = cb.createQuery(String.class);
        Root<RefreshTokenEntity> row = select.from(RefreshTokenEntity.class);
        ParameterExpression<Long> nowParam = cb.parameter(Long.class, "now");
        select.select(row.<String>get(HASH)).where(expired(cb, row, nowParam));
        return em.createQuery(select).setParameter(nowParam, now).setMaxResults(limit);
    }

    /**
     * Deletes the given rows, re-checking expiry in the same statement: another node may have selected the
     * same rows, and whatever it already deleted simply does not count here.
     */
    static Query deleteExpired(EntityManager em, List<String> hashes, long now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<RefreshTokenEntity> delete = cb.createCriteriaDelete(RefreshTokenEntity.class);
        Root<RefreshTokenEntity> row = delete.from(RefreshTokenEntity.class);
        ParameterExpression<Long> nowParam = cb.parameter(Long.class, "now");
        @SuppressWarnings({"unchecked", "rawtypes"})
        ParameterExpression<Collection<?>> hashesParam = (ParameterExpression) cb.parameter(Collection.class, "hashes");
        delete.where(row.get(HASH).in(hashesParam), expired(cb, row, nowParam));
        return em.createQuery(delete).setParameter(hashesParam, hashes).setParameter(nowParam, now);
    }

    private static Predicate expired(CriteriaBuilder cb, Root<RefreshTokenEntity> row,
                                     ParameterExpression<Long> now) {
        Path<Long> idle = row.get(IDLE_EXPIRES);
        Path<Long> family = row.get(FAMILY_EXPIRES);
        return cb.or(cb.lessThanOrEqualTo(family, now), cb.and(cb.lessThanOrEqualTo(idle, now),
                cb.equal(row.get(STATE), cb.literal(RefreshTokenState.ACTIVE))));
    }
}
