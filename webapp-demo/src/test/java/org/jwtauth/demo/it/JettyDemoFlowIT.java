package org.jwtauth.demo.it;

/** The demo flow with the WAR file on embedded Jetty 12 (ee10). */
class JettyDemoFlowIT extends DemoFlowContract {

    @Override
    DeployedDemo deploy(DemoFixture fixture) throws Exception {
        return JettyDeployment.start(DemoFixture.war(), fixture.users());
    }
}
