package org.jwtauth.demo.it;

import java.nio.file.Files;

/** The demo flow with the WAR file on embedded Tomcat 11. */
class TomcatDemoFlowIT extends DemoFlowContract {

    @Override
    DeployedDemo deploy(DemoFixture fixture) throws Exception {
        return TomcatDeployment.start(DemoFixture.war(),
                Files.createTempDirectory(Files.createDirectories(DemoFixture.target()), "tomcat-"), fixture.users());
    }
}
