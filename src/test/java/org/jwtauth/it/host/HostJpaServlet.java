package org.jwtauth.it.host;

import java.io.IOException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers which JPA provider the host's unit got, after a round trip of one of its entities. */
public class HostJpaServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EntityManagerFactory factory = (EntityManagerFactory) getServletContext().getAttribute(HostJpaListener.ATTRIBUTE);
        EntityManager em = factory.createEntityManager();
        long notes;
        try {
            em.getTransaction().begin();
            em.persist(new HostNote("hello"));
            em.getTransaction().commit();
            notes = em.createQuery("select count(n) from HostNote n", Long.class).getSingleResult();
        } finally {
            em.close();
        }
        response.setContentType("text/plain");
        response.getWriter().print("provider=" + factory.getClass().getName() + "\nnotes=" + notes);
    }
}
