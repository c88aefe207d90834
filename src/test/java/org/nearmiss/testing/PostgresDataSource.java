package org.nearmiss.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/** Points an application context under test at a fresh PostgreSQL database, dropped when it closes. */
public class PostgresDataSource implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Fresh database = TestDatabase.POSTGRES.create();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "testPostgres",
                        Map.of(
                                "spring.datasource.url", database.url(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password())));
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> database.close());
    }
}
