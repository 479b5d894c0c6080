package io.attache.cli;

import io.attache.config.AttacheConfig;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/** Kafka client properties of the commands: the cluster plus every pass-through Kafka property. */
final class Clients {

    private Clients() {
    }

    static Properties properties(AttacheConfig config) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.putAll(config.kafka());
        return p;
    }

    static Admin admin(AttacheConfig config) {
        return Admin.create(properties(config));
    }
}
