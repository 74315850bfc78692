/**
 * The Java API for helpdesk tools that embed xtream-doctor: {@link
 * dev.xtreamdoctor.api.XtreamDoctor} diagnoses a login or evaluates facts and returns the engine's
 * {@link dev.xtreamdoctor.engine.Diagnosis}; {@link dev.xtreamdoctor.api.TargetGuard} keeps a
 * diagnosis service from being used to reach internal addresses.
 */
package dev.xtreamdoctor.api;
