package org.jwtauth.store;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;

import org.jwtauth.refresh.ClientInfo;

/**
 * The statements on {@code jwtauth_session}, as Criteria queries for the reason {@link TokenQueries} gives. The
 * two UPDATEs are also the session lock: each takes the row's write lock, and a transaction that meets a
 * concurrent one waits for it (and, under REPEATABLE READ or SERIALIZABLE, fails with a serialization error once
 * the other commits, which the store treats as a lost race).
 */
final class SessionQueries {

    private static final String ID = "sessionId";
    private static final String SUBJECT = "subject";
    private static final String STATE = "state";
    private static final String LAST_USED = "lastUsedAt";
    private static final String EXPIRES = "expiresAt";
    private static final String NOT_BEFORE = "notBefore";

    private SessionQueries() {
    }

    /**
     * {@code UPDATE jwtauth_session SET last_used_at = :at, last_user_agent = :ua, last_address = :address WHERE
     * session_id = :id AND state = 'ACTIVE'}: locks the session for a rotation, and changes one row only while it
     * is active. The row is written even when nothing changes, so that a revocation waiting under REPEATABLE READ
     * sees a concurrent update and retries with a snapshot that includes the successor.
     */
    static Query touchActive(EntityManager em, String sessionId, long at, ClientInfo client) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<SessionEntity> update = cb.createCriteriaUpdate(SessionEntity.class);
        Root<SessionEntity> row = update.from(SessionEntity.class);
        ParameterExpression<String> id = cb.parameter(String.class, ID);
        ParameterExpression<Long> atParam = cb.parameter(Long.class, LAST_USED);
        ParameterExpression<String> active = cb.parameter(String.class, STATE);
        update.set(row.<Long>get(LAST_USED), atParam);
        update.set(row.<String>get("lastUserAgent"), client.userAgent().orElse(null));
        update.set(row.<String>get("lastAddress"), client.address().orElse(null));
        update.where(cb.equal(row.get(ID), id), cb.equal(row.get(STATE), active));
        return em.createQuery(update).setParameter(id, sessionId).setParameter(atParam, at)
                .setParameter(active, SessionEntity.ACTIVE);
    }

    /**
     * {@code UPDATE jwtauth_session SET state = 'REVOKED', not_before = COALESCE(not_before, :at) WHERE
     * session_id = :id}.
     */
    static Query revokeSession(EntityManager em, String sessionId, long at) {
        return revokeWhere(em, ID, sessionId, at);
    }

    /** The same for every session of {@code subject}. */
    static Query revokeSubject(EntityManager em, String subject, long at) {
        return revokeWhere(em, SUBJECT, subject, at);
    }

    /**
     * Every row matched is written, revoked or not: the write is the lock a concurrent rotation must wait for. A
     * session revoked before keeps its first revocation time, so the nodes' polls do not learn it again.
     */
    private static Query revokeWhere(EntityManager em, String attribute, String value, long at) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaUpdate<SessionEntity> update = cb.createCriteriaUpdate(SessionEntity.class);
        Root<SessionEntity> row = update.from(SessionEntity.class);
        ParameterExpression<String> valueParam = cb.parameter(String.class, attribute);
        ParameterExpression<String> revoked = cb.parameter(String.class, STATE);
        ParameterExpression<Long> atParam = cb.parameter(Long.class, NOT_BEFORE);
        update.set(row.<String>get(STATE), revoked);
        update.set(row.<Long>get(NOT_BEFORE), cb.coalesce(row.<Long>get(NOT_BEFORE), atParam));
        update.where(cb.equal(row.get(attribute), valueParam));
        return em.createQuery(update).setParameter(valueParam, value).setParameter(revoked, SessionEntity.REVOKED)
                .setParameter(atParam, at);
    }

    /**
     * {@code SELECT session_id, not_before FROM jwtauth_session WHERE not_before > :at OR (not_before = :at AND
     * session_id > :id) ORDER BY not_before, session_id}, at most {@code limit} rows: keyset paging over the
     * index on {@code (not_before, session_id)}, so each poll reads only what is new.
     */
    static TypedQuery<Object[]> revokedAfter(EntityManager em, long at, String sessionId, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> select = cb.createQuery(Object[].class);
        Root<SessionEntity> row = select.from(SessionEntity.class);
        ParameterExpression<Long> atParam = cb.parameter(Long.class, NOT_BEFORE);
        ParameterExpression<String> idParam = cb.parameter(String.class, ID);
        select.multiselect(row.get(ID), row.get(NOT_BEFORE))
                .where(cb.or(cb.greaterThan(row.<Long>get(NOT_BEFORE), atParam),
                        cb.and(cb.equal(row.get(NOT_BEFORE), atParam), cb.greaterThan(row.<String>get(ID), idParam))))
                .orderBy(cb.asc(row.get(NOT_BEFORE)), cb.asc(row.get(ID)));
        return em.createQuery(select).setParameter(atParam, at).setParameter(idParam, sessionId)
                .setMaxResults(limit);
    }

    /** The subject's active sessions not yet expired at {@code now}, the most recently used first. */
    static TypedQuery<SessionEntity> activeOf(EntityManager em, String subject, long now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<SessionEntity> select = cb.createQuery(SessionEntity.class);
        Root<SessionEntity> row = select.from(SessionEntity.class);
        ParameterExpression<String> subjectParam = cb.parameter(String.class, SUBJECT);
        ParameterExpression<String> active = cb.parameter(String.class, STATE);
        ParameterExpression<Long> nowParam = cb.parameter(Long.class, "now");
        select.select(row).where(cb.equal(row.get(SUBJECT), subjectParam), cb.equal(row.get(STATE), active),
                cb.greaterThan(row.<Long>get(EXPIRES), nowParam)).orderBy(cb.desc(row.get(LAST_USED)));
        return em.createQuery(select).setParameter(subjectParam, subject).setParameter(active, SessionEntity.ACTIVE)
                .setParameter(nowParam, now);
    }

    /** At most {@code limit} ids of sessions whose absolute expiry is at or before {@code now}. */
    static TypedQuery<String> expiredIds(EntityManager em, long now, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> select = cb.createQuery(String.class);
        Root<SessionEntity> row = select.from(SessionEntity.class);
        ParameterExpression<Long> nowParam = cb.parameter(Long.class, "now");
        select.select(row.<String>get(ID)).where(cb.lessThanOrEqualTo(row.<Long>get(EXPIRES), nowParam));
        return em.createQuery(select).setParameter(nowParam, now).setMaxResults(limit);
    }

    /** Deletes the given sessions, re-checking expiry in the statement as {@link TokenQueries#deleteExpired} does. */
    static Query deleteExpired(EntityManager em, List<String> ids, long now) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<SessionEntity> delete = cb.createCriteriaDelete(SessionEntity.class);
        Root<SessionEntity> row = delete.from(SessionEntity.class);
        ParameterExpression<Long> nowParam = cb.parameter(Long.class, "now");
        @SuppressWarnings({"unchecked", "rawtypes"})
        ParameterExpression<Collection<?>> idsParam = (ParameterExpression) cb.parameter(Collection.class, "ids");
        delete.where(row.get(ID).in(idsParam), cb.lessThanOrEqualTo(row.<Long>get(EXPIRES), nowParam));
        return em.createQuery(delete).setParameter(idsParam, ids).setParameter(nowParam, now);
    }
}
