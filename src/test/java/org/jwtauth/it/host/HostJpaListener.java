package org.jwtauth.it.host;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The host application's own JPA bootstrap, as a legacy application does it: {@code Persistence} with the unit of
 * its {@code META-INF/persistence.xml}, from a listener declared in web.xml (which runs before the fragment's).
 */
public class HostJpaListener implements ServletContextListener {

    static final String ATTRIBUTE = "host.emf";
    private EntityManagerFactory factory;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        factory = Persistence.createEntityManagerFactory("host-unit");
        event.getServletContext().setAttribute(ATTRIBUTE, factory);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (factory != null) {
            factory.close();
        }
    }
}
