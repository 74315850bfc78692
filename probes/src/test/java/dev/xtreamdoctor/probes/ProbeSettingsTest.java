package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xtreamdoctor.engine.config.DoctorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeSettingsTest {

  @Test
  void mapsTheDoctorConfiguration(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "doctor.dns.system-resolvers=127.0.0.1:5353",
            "doctor.dns.public-resolvers=127.0.0.1:5354,127.0.0.2:53",
            "doctor.timeout.dns-ms=700",
            "doctor.timeout.connect-ms=800",
            "doctor.timeout.read-ms=900",
            "doctor.timeout.total-ms=5000",
            "doctor.http.user-agent=IPTVSmartersPlayer",
            "doctor.http.max-body-bytes=4096",
            "doctor.panel.request-budget=3",
            "doctor.latency.samples=2"));
    ProbeSettings s = ProbeSettings.from(DoctorConfig.load(Optional.of(file)));
    assertEquals(
        new ProbeSettings(
            List.of("127.0.0.1:5353"),
            List.of("127.0.0.1:5354", "127.0.0.2:53"),
            700,
            800,
            900,
            5000,
            "IPTVSmartersPlayer",
            4096,
            3,
            2,
            false),
        s);
  }

  @Test
  void defaultsMatchTheConfigurationsDefaultsButForTheUserAgent() throws Exception {
    ProbeSettings fromConfig = ProbeSettings.from(DoctorConfig.load(Optional.empty()));
    assertEquals(ProbeSettings.defaults().withUserAgent(fromConfig.userAgent()), fromConfig);
  }
}
