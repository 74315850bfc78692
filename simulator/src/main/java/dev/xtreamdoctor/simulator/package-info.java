/**
 * A loopback simulator of Xtream-compatible panels, the DNS resolvers in front of them, and the
 * network faults around them (reference xtream-api.md §6.1).
 *
 * <p>Building blocks:
 *
 * <ul>
 *   <li>{@link dev.xtreamdoctor.simulator.Panel}: an XC2 or XUI.one panel with its {@link
 *       dev.xtreamdoctor.simulator.Account}s, answering field for field as the real ones.
 *   <li>{@link dev.xtreamdoctor.simulator.PanelServer}: a raw HTTP/1.1 server for a panel or
 *       another {@link dev.xtreamdoctor.simulator.Sites site}, with {@link
 *       dev.xtreamdoctor.simulator.Overlay}s in front ({@link dev.xtreamdoctor.simulator.Overlays},
 *       {@link dev.xtreamdoctor.simulator.UserAgentFilter}, {@link
 *       dev.xtreamdoctor.simulator.FloodProtection}), optional TLS ({@link
 *       dev.xtreamdoctor.simulator.TlsIdentity}) and a {@link
 *       dev.xtreamdoctor.simulator.RequestLog} that never holds a password.
 *   <li>{@link dev.xtreamdoctor.simulator.DnsServer}: a UDP+TCP resolver with a {@link
 *       dev.xtreamdoctor.simulator.DnsBehaviour} per name and a query log.
 *   <li>{@link dev.xtreamdoctor.simulator.Simulation}: a whole situation started from a {@link
 *       dev.xtreamdoctor.simulator.Scenarios catalogue} name or a {@link
 *       dev.xtreamdoctor.simulator.ScenarioConfig scenario file}.
 * </ul>
 *
 * <pre>{@code
 * try (Simulation sim = Simulation.start("isp-dns-hijack")) {
 *   sim.describe().forEach(System.out::println); // URL, credentials, DOCTOR_DNS_* settings
 * }
 * }</pre>
 *
 * <p>Everything binds to 127.0.0.0/8 (or ::1) only; other addresses are refused.
 */
package dev.xtreamdoctor.simulator;
