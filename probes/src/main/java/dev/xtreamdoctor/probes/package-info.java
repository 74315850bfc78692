/**
 * Probes: look at the real server and network and emit facts; they never judge.
 *
 * <p>Entry point: {@link dev.xtreamdoctor.probes.Diagnoser#runTimed(ProbeRequest)} returns every
 * fact one diagnosis observed and its timings, for the engine's {@code DiagnosisEngine}. The chain
 * is input ({@link dev.xtreamdoctor.probes.ServerInputParser}) → DNS → TCP → TLS → login, with the
 * block check and latency samples beside it, all under one total deadline: the steps of {@code
 * ProbeChain}, each behind the one signature {@code ProbeStep} (a new probe is a class implementing
 * it and its line in the chain), run in turn by {@code ProbeRun} through the guarded door {@code
 * Observations}. Every connection goes through {@link dev.xtreamdoctor.probes.NetworkGate}; the
 * password travels as a {@link dev.xtreamdoctor.probes.Secret} and reaches no fact, message or log.
 */
package dev.xtreamdoctor.probes;
